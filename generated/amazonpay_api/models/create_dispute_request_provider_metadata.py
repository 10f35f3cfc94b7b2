from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateDisputeRequestProviderMetadata")


@_attrs_define
class CreateDisputeRequestProviderMetadata:
    """
    Attributes:
        provider_dispute_id (str | Unset):
    """

    provider_dispute_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provider_dispute_id = self.provider_dispute_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if provider_dispute_id is not UNSET:
            field_dict["providerDisputeId"] = provider_dispute_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_dispute_id = d.pop("providerDisputeId", UNSET)

        create_dispute_request_provider_metadata = cls(
            provider_dispute_id=provider_dispute_id,
        )

        return create_dispute_request_provider_metadata
