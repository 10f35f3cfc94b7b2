from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class Price(_Model):
    """
    Attributes:
        amount (str):
        currency_code (str):
    """

    __slots__ = (
        "amount",
        "currency_code",
        "additional_properties",
    )
    __match_args__ = (
        "amount",
        "currency_code",
    )

    amount: str
    currency_code: str
    additional_properties: dict[str, Any]

    def __init__(
        self,
        amount: str,
        currency_code: str,
    ) -> None:
        self.amount = amount
        self.currency_code = currency_code
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency_code = self.currency_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currencyCode": currency_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency_code = d.pop("currencyCode")

        price = cls(
            amount=amount,
            currency_code=currency_code,
        )

        price.additional_properties = d
        return price

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
