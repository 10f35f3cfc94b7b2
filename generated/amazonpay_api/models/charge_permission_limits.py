from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price import Price


class ChargePermissionLimits(_Model):
    """
    Attributes:
        amount_limit (None | Price | Unset):
        amount_balance (None | Price | Unset):
    """

    __slots__ = (
        "amount_limit",
        "amount_balance",
        "additional_properties",
    )
    __match_args__ = (
        "amount_limit",
        "amount_balance",
    )

    amount_limit: None | Price | Unset
    amount_balance: None | Price | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        amount_limit: None | Price | Unset = UNSET,
        amount_balance: None | Price | Unset = UNSET,
    ) -> None:
        self.amount_limit = amount_limit
        self.amount_balance = amount_balance
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.price import Price  # noqa: PLC0415

        amount_limit: dict[str, Any] | None | Unset
        if isinstance(self.amount_limit, Unset):
            amount_limit = UNSET
        elif isinstance(self.amount_limit, Price):
            amount_limit = self.amount_limit.to_dict()
        else:
            amount_limit = self.amount_limit

        amount_balance: dict[str, Any] | None | Unset
        if isinstance(self.amount_balance, Unset):
            amount_balance = UNSET
        elif isinstance(self.amount_balance, Price):
            amount_balance = self.amount_balance.to_dict()
        else:
            amount_balance = self.amount_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_limit is not UNSET:
            field_dict["amountLimit"] = amount_limit
        if amount_balance is not UNSET:
            field_dict["amountBalance"] = amount_balance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amount_limit(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                amount_limit_type_0 = Price.from_dict(data)

                return amount_limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        amount_limit = _parse_amount_limit(d.pop("amountLimit", UNSET))

        def _parse_amount_balance(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                amount_balance_type_0 = Price.from_dict(data)

                return amount_balance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        amount_balance = _parse_amount_balance(d.pop("amountBalance", UNSET))

        charge_permission_limits = cls(
            amount_limit=amount_limit,
            amount_balance=amount_balance,
        )

        charge_permission_limits.additional_properties = d
        return charge_permission_limits

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
