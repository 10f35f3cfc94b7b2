from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.merchant_metadata_input import MerchantMetadataInput
    from ..models.recurring_metadata_input import RecurringMetadataInput


class UpdateChargePermissionRequest(_Model):
    """
    Attributes:
        merchant_metadata (MerchantMetadataInput | Unset):
        recurring_metadata (RecurringMetadataInput | Unset): How the recurring Charge Permission will be used (the
            merchant still calls Create Charge for every billing cycle). amount is optional: left out when it varies.
    """

    __slots__ = (
        "merchant_metadata",
        "recurring_metadata",
    )
    __match_args__ = (
        "merchant_metadata",
        "recurring_metadata",
    )

    merchant_metadata: MerchantMetadataInput | Unset
    recurring_metadata: RecurringMetadataInput | Unset

    def __init__(
        self,
        merchant_metadata: MerchantMetadataInput | Unset = UNSET,
        recurring_metadata: RecurringMetadataInput | Unset = UNSET,
    ) -> None:
        self.merchant_metadata = merchant_metadata
        self.recurring_metadata = recurring_metadata

    def to_dict(self) -> dict[str, Any]:
        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        recurring_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurring_metadata, Unset):
            recurring_metadata = self.recurring_metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if recurring_metadata is not UNSET:
            field_dict["recurringMetadata"] = recurring_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadataInput | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            from amazonpay_api.models.merchant_metadata_input import (
                MerchantMetadataInput,  # noqa: PLC0415
            )

            merchant_metadata = MerchantMetadataInput.from_dict(_merchant_metadata)

        _recurring_metadata = d.pop("recurringMetadata", UNSET)
        recurring_metadata: RecurringMetadataInput | Unset
        if isinstance(_recurring_metadata, Unset):
            recurring_metadata = UNSET
        else:
            from amazonpay_api.models.recurring_metadata_input import (
                RecurringMetadataInput,  # noqa: PLC0415
            )

            recurring_metadata = RecurringMetadataInput.from_dict(_recurring_metadata)

        update_charge_permission_request = cls(
            merchant_metadata=merchant_metadata,
            recurring_metadata=recurring_metadata,
        )

        return update_charge_permission_request
