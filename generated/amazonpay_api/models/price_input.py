from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class PriceInput(_Model):
    """An amount to charge, capture or refund, and its currency.

    Attributes:
        amount (str):
        currency_code (str):
    """

    __slots__ = (
        "amount",
        "currency_code",
    )
    __match_args__ = (
        "amount",
        "currency_code",
    )

    amount: str
    currency_code: str

    def __init__(
        self,
        amount: str,
        currency_code: str,
    ) -> None:
        self.amount = amount
        self.currency_code = currency_code

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency_code = self.currency_code

        field_dict: dict[str, Any] = {}

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

        price_input = cls(
            amount=amount,
            currency_code=currency_code,
        )

        return price_input
