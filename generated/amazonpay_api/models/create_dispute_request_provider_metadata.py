from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class CreateDisputeRequestProviderMetadata(_Model):
    """
    Attributes:
        provider_dispute_id (str | Unset):
    """

    __slots__ = ("provider_dispute_id",)
    __match_args__ = ("provider_dispute_id",)

    provider_dispute_id: str | Unset

    def __init__(
        self,
        provider_dispute_id: str | Unset = UNSET,
    ) -> None:
        self.provider_dispute_id = provider_dispute_id

    def to_dict(self) -> dict[str, Any]:
        provider_dispute_id = self.provider_dispute_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if provider_dispute_id is not UNSET:
            field_dict["providerDisputeId"] = provider_dispute_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_dispute_id = d.pop("providerDisputeId", UNSET)

        create_dispute_request_provider_metadata = cls(
            provider_dispute_id=provider_dispute_id,
        )

        return create_dispute_request_provider_metadata
