from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class ProviderMetadataInput(_Model):
    """
    Attributes:
        provider_reference_id (None | str | Unset):
    """

    __slots__ = ("provider_reference_id",)
    __match_args__ = ("provider_reference_id",)

    provider_reference_id: None | str | Unset

    def __init__(
        self,
        provider_reference_id: None | str | Unset = UNSET,
    ) -> None:
        self.provider_reference_id = provider_reference_id

    def to_dict(self) -> dict[str, Any]:
        provider_reference_id: None | str | Unset
        if isinstance(self.provider_reference_id, Unset):
            provider_reference_id = UNSET
        else:
            provider_reference_id = self.provider_reference_id

        field_dict: dict[str, Any] = {}

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

        provider_metadata_input = cls(
            provider_reference_id=provider_reference_id,
        )

        return provider_metadata_input
