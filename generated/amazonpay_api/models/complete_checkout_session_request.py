from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput


class CompleteCheckoutSessionRequest(_Model):
    """
    Attributes:
        charge_amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
        total_order_amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
    """

    __slots__ = (
        "charge_amount",
        "total_order_amount",
    )
    __match_args__ = (
        "charge_amount",
        "total_order_amount",
    )

    charge_amount: PriceInput | Unset
    total_order_amount: PriceInput | Unset

    def __init__(
        self,
        charge_amount: PriceInput | Unset = UNSET,
        total_order_amount: PriceInput | Unset = UNSET,
    ) -> None:
        self.charge_amount = charge_amount
        self.total_order_amount = total_order_amount

    def to_dict(self) -> dict[str, Any]:
        charge_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.charge_amount, Unset):
            charge_amount = self.charge_amount.to_dict()

        total_order_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total_order_amount, Unset):
            total_order_amount = self.total_order_amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if charge_amount is not UNSET:
            field_dict["chargeAmount"] = charge_amount
        if total_order_amount is not UNSET:
            field_dict["totalOrderAmount"] = total_order_amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _charge_amount = d.pop("chargeAmount", UNSET)
        charge_amount: PriceInput | Unset
        if isinstance(_charge_amount, Unset):
            charge_amount = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            charge_amount = PriceInput.from_dict(_charge_amount)

        _total_order_amount = d.pop("totalOrderAmount", UNSET)
        total_order_amount: PriceInput | Unset
        if isinstance(_total_order_amount, Unset):
            total_order_amount = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            total_order_amount = PriceInput.from_dict(_total_order_amount)

        complete_checkout_session_request = cls(
            charge_amount=charge_amount,
            total_order_amount=total_order_amount,
        )

        return complete_checkout_session_request
