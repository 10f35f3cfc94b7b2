from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price import Price


T = TypeVar("T", bound="ChargePermissionLimits")


@_attrs_define
class ChargePermissionLimits:
    """
    Attributes:
        amount_limit (Price | Unset):
        amount_balance (Price | Unset):
    """

    amount_limit: Price | Unset = UNSET
    amount_balance: Price | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
