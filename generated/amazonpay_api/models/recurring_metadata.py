from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.frequency import Frequency
    from ..models.price import Price


class RecurringMetadata(_Model):
    """How a recurring Charge Permission will be used; Amazon Pay uses it only for the expiration date and in buyer
    communication.

        Attributes:
            frequency (Frequency | None | Unset):
            amount (None | Price | Unset):
    """

    __slots__ = (
        "frequency",
        "amount",
        "additional_properties",
    )
    __match_args__ = (
        "frequency",
        "amount",
    )

    frequency: Frequency | None | Unset
    amount: None | Price | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        frequency: Frequency | None | Unset = UNSET,
        amount: None | Price | Unset = UNSET,
    ) -> None:
        self.frequency = frequency
        self.amount = amount
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.frequency import Frequency  # noqa: PLC0415
        from amazonpay_api.models.price import Price  # noqa: PLC0415

        frequency: dict[str, Any] | None | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        elif isinstance(self.frequency, Frequency):
            frequency = self.frequency.to_dict()
        else:
            frequency = self.frequency

        amount: dict[str, Any] | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        elif isinstance(self.amount, Price):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_frequency(data: object) -> Frequency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.frequency import Frequency  # noqa: PLC0415

                frequency_type_0 = Frequency.from_dict(data)

                return frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Frequency | None | Unset", data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_amount(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                amount_type_0 = Price.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        amount = _parse_amount(d.pop("amount", UNSET))

        recurring_metadata = cls(
            frequency=frequency,
            amount=amount,
        )

        recurring_metadata.additional_properties = d
        return recurring_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
