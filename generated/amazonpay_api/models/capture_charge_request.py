from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput


class CaptureChargeRequest(_Model):
    """
    Attributes:
        capture_amount (PriceInput): An amount to charge, capture or refund, and its currency.
        soft_descriptor (str | Unset):
    """

    __slots__ = (
        "capture_amount",
        "soft_descriptor",
    )
    __match_args__ = (
        "capture_amount",
        "soft_descriptor",
    )

    capture_amount: PriceInput
    soft_descriptor: str | Unset

    def __init__(
        self,
        capture_amount: PriceInput,
        soft_descriptor: str | Unset = UNSET,
    ) -> None:
        self.capture_amount = capture_amount
        self.soft_descriptor = soft_descriptor

    def to_dict(self) -> dict[str, Any]:
        capture_amount = self.capture_amount.to_dict()

        soft_descriptor = self.soft_descriptor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "captureAmount": capture_amount,
            }
        )
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

        capture_amount = PriceInput.from_dict(d.pop("captureAmount"))

        soft_descriptor = d.pop("softDescriptor", UNSET)

        capture_charge_request = cls(
            capture_amount=capture_amount,
            soft_descriptor=soft_descriptor,
        )

        return capture_charge_request
