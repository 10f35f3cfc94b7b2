from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloseChargePermissionRequest")


@_attrs_define
class CloseChargePermissionRequest:
    """
    Attributes:
        closure_reason (str):
        cancel_pending_charges (bool | Unset):
    """

    closure_reason: str
    cancel_pending_charges: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closure_reason = self.closure_reason

        cancel_pending_charges = self.cancel_pending_charges

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closureReason": closure_reason,
            }
        )
        if cancel_pending_charges is not UNSET:
            field_dict["cancelPendingCharges"] = cancel_pending_charges

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closure_reason = d.pop("closureReason")

        cancel_pending_charges = d.pop("cancelPendingCharges", UNSET)

        close_charge_permission_request = cls(
            closure_reason=closure_reason,
            cancel_pending_charges=cancel_pending_charges,
        )

        close_charge_permission_request.additional_properties = d
        return close_charge_permission_request

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
