from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.merchant_metadata_input import MerchantMetadataInput


T = TypeVar("T", bound="UpdateChargePermissionRequest")


class UpdateChargePermissionRequest(_Model):
    """
    Attributes:
        merchant_metadata (MerchantMetadataInput | Unset):
    """

    __slots__ = ("merchant_metadata",)
    __match_args__ = ("merchant_metadata",)

    merchant_metadata: MerchantMetadataInput | Unset

    def __init__(
        self,
        merchant_metadata: MerchantMetadataInput | Unset = UNSET,
    ) -> None:
        self.merchant_metadata = merchant_metadata

    def to_dict(self) -> dict[str, Any]:
        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_metadata_input import MerchantMetadataInput  # noqa: PLC0415

        d = dict(src_dict)
        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadataInput | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            merchant_metadata = MerchantMetadataInput.from_dict(_merchant_metadata)

        update_charge_permission_request = cls(
            merchant_metadata=merchant_metadata,
        )

        return update_charge_permission_request
