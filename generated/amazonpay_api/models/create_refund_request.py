from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput


class CreateRefundRequest(_Model):
    """
    Attributes:
        charge_id (str):
        refund_amount (PriceInput): An amount to charge, capture or refund, and its currency.
        soft_descriptor (str | Unset):
    """

    __slots__ = (
        "charge_id",
        "refund_amount",
        "soft_descriptor",
    )
    __match_args__ = (
        "charge_id",
        "refund_amount",
        "soft_descriptor",
    )

    charge_id: str
    refund_amount: PriceInput
    soft_descriptor: str | Unset

    def __init__(
        self,
        charge_id: str,
        refund_amount: PriceInput,
        soft_descriptor: str | Unset = UNSET,
    ) -> None:
        self.charge_id = charge_id
        self.refund_amount = refund_amount
        self.soft_descriptor = soft_descriptor

    def to_dict(self) -> dict[str, Any]:
        charge_id = self.charge_id

        refund_amount = self.refund_amount.to_dict()

        soft_descriptor = self.soft_descriptor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chargeId": charge_id,
                "refundAmount": refund_amount,
            }
        )
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charge_id = d.pop("chargeId")

        from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

        refund_amount = PriceInput.from_dict(d.pop("refundAmount"))

        soft_descriptor = d.pop("softDescriptor", UNSET)

        create_refund_request = cls(
            charge_id=charge_id,
            refund_amount=refund_amount,
            soft_descriptor=soft_descriptor,
        )

        return create_refund_request
