from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class ProviderMetadata(_Model):
    """Payment service provider order details (PSPs only).

    Attributes:
        provider_reference_id (None | str | Unset):
    """

    __slots__ = (
        "provider_reference_id",
        "additional_properties",
    )
    __match_args__ = ("provider_reference_id",)

    provider_reference_id: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        provider_reference_id: None | str | Unset = UNSET,
    ) -> None:
        self.provider_reference_id = provider_reference_id
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        provider_reference_id: None | str | Unset
        if isinstance(self.provider_reference_id, Unset):
            provider_reference_id = UNSET
        else:
            provider_reference_id = self.provider_reference_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider_reference_id is not UNSET:
            field_dict["providerReferenceId"] = provider_reference_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_provider_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        provider_reference_id = _parse_provider_reference_id(
            d.pop("providerReferenceId", UNSET)
        )

        provider_metadata = cls(
            provider_reference_id=provider_reference_id,
        )

        provider_metadata.additional_properties = d
        return provider_metadata

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
