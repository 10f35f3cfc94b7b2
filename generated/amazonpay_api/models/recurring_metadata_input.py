from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.frequency_input import FrequencyInput
    from ..models.price_input import PriceInput


class RecurringMetadataInput(_Model):
    """How the recurring Charge Permission will be used (the merchant still calls Create Charge for every billing cycle).
    amount is optional: left out when it varies.

        Attributes:
            frequency (FrequencyInput | Unset): How often the buyer is charged (a weekly cycle is unit Week, value 1).
            amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
    """

    __slots__ = (
        "frequency",
        "amount",
    )
    __match_args__ = (
        "frequency",
        "amount",
    )

    frequency: FrequencyInput | Unset
    amount: PriceInput | Unset

    def __init__(
        self,
        frequency: FrequencyInput | Unset = UNSET,
        amount: PriceInput | Unset = UNSET,
    ) -> None:
        self.frequency = frequency
        self.amount = amount

    def to_dict(self) -> dict[str, Any]:
        frequency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.to_dict()

        amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount, Unset):
            amount = self.amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _frequency = d.pop("frequency", UNSET)
        frequency: FrequencyInput | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            from amazonpay_api.models.frequency_input import FrequencyInput  # noqa: PLC0415

            frequency = FrequencyInput.from_dict(_frequency)

        _amount = d.pop("amount", UNSET)
        amount: PriceInput | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            amount = PriceInput.from_dict(_amount)

        recurring_metadata_input = cls(
            frequency=frequency,
            amount=amount,
        )

        return recurring_metadata_input
