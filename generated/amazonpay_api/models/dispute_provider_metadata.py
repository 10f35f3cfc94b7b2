from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DisputeProviderMetadata")


@_attrs_define
class DisputeProviderMetadata:
    """
    Attributes:
        provider_dispute_id (None | str | Unset):
    """

    provider_dispute_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_dispute_id: None | str | Unset
        if isinstance(self.provider_dispute_id, Unset):
            provider_dispute_id = UNSET
        else:
            provider_dispute_id = self.provider_dispute_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider_dispute_id is not UNSET:
            field_dict["providerDisputeId"] = provider_dispute_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_provider_dispute_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_dispute_id = _parse_provider_dispute_id(
            d.pop("providerDisputeId", UNSET)
        )

        dispute_provider_metadata = cls(
            provider_dispute_id=provider_dispute_id,
        )

        dispute_provider_metadata.additional_properties = d
        return dispute_provider_metadata

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
