from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput


T = TypeVar("T", bound="CompleteCheckoutSessionRequest")


class CompleteCheckoutSessionRequest(_Model):
    """
    Attributes:
        charge_amount (PriceInput): An amount to charge, capture or refund, and its currency.
    """

    __slots__ = ("charge_amount",)
    __match_args__ = ("charge_amount",)

    charge_amount: PriceInput

    def __init__(
        self,
        charge_amount: PriceInput,
    ) -> None:
        self.charge_amount = charge_amount

    def to_dict(self) -> dict[str, Any]:
        charge_amount = self.charge_amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chargeAmount": charge_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price_input import PriceInput  # noqa: PLC0415

        d = dict(src_dict)
        charge_amount = PriceInput.from_dict(d.pop("chargeAmount"))

        complete_checkout_session_request = cls(
            charge_amount=charge_amount,
        )

        return complete_checkout_session_request
