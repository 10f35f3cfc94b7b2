from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price import Price


T = TypeVar("T", bound="ChargePermissionLimits")


class ChargePermissionLimits(_Model):
    """
    Attributes:
        amount_limit (Price | Unset):
        amount_balance (Price | Unset):
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

    amount_limit: Price | Unset
    amount_balance: Price | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        amount_limit: Price | Unset = UNSET,
        amount_balance: Price | Unset = UNSET,
    ) -> None:
        self.amount_limit = amount_limit
        self.amount_balance = amount_balance
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        amount_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount_limit, Unset):
            amount_limit = self.amount_limit.to_dict()

        amount_balance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount_balance, Unset):
            amount_balance = self.amount_balance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_limit is not UNSET:
            field_dict["amountLimit"] = amount_limit
        if amount_balance is not UNSET:
            field_dict["amountBalance"] = amount_balance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price  # noqa: PLC0415

        d = dict(src_dict)
        _amount_limit = d.pop("amountLimit", UNSET)
        amount_limit: Price | Unset
        if isinstance(_amount_limit, Unset):
            amount_limit = UNSET
        else:
            amount_limit = Price.from_dict(_amount_limit)

        _amount_balance = d.pop("amountBalance", UNSET)
        amount_balance: Price | Unset
        if isinstance(_amount_balance, Unset):
            amount_balance = UNSET
        else:
            amount_balance = Price.from_dict(_amount_balance)

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
