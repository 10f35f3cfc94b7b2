from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price import Price


T = TypeVar("T", bound="CaptureChargeRequest")


@_attrs_define
class CaptureChargeRequest:
    """
    Attributes:
        capture_amount (Price):
        soft_descriptor (str | Unset):
    """

    capture_amount: Price
    soft_descriptor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capture_amount = self.capture_amount.to_dict()

        soft_descriptor = self.soft_descriptor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "captureAmount": capture_amount,
            }
        )
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price  # noqa: PLC0415

        d = dict(src_dict)
        capture_amount = Price.from_dict(d.pop("captureAmount"))

        soft_descriptor = d.pop("softDescriptor", UNSET)

        capture_charge_request = cls(
            capture_amount=capture_amount,
            soft_descriptor=soft_descriptor,
        )

        capture_charge_request.additional_properties = d
        return capture_charge_request

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
