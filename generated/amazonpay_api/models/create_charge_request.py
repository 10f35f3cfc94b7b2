from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput
    from ..models.provider_metadata_input import ProviderMetadataInput


T = TypeVar("T", bound="CreateChargeRequest")


class CreateChargeRequest(_Model):
    """
    Attributes:
        charge_permission_id (str):
        charge_amount (PriceInput): An amount to charge, capture or refund, and its currency.
        capture_now (bool | Unset):
        soft_descriptor (str | Unset):
        can_handle_pending_authorization (bool | Unset):
        provider_metadata (ProviderMetadataInput | Unset):
    """

    __slots__ = (
        "charge_permission_id",
        "charge_amount",
        "capture_now",
        "soft_descriptor",
        "can_handle_pending_authorization",
        "provider_metadata",
    )
    __match_args__ = (
        "charge_permission_id",
        "charge_amount",
        "capture_now",
        "soft_descriptor",
        "can_handle_pending_authorization",
        "provider_metadata",
    )

    charge_permission_id: str
    charge_amount: PriceInput
    capture_now: bool | Unset
    soft_descriptor: str | Unset
    can_handle_pending_authorization: bool | Unset
    provider_metadata: ProviderMetadataInput | Unset

    def __init__(
        self,
        charge_permission_id: str,
        charge_amount: PriceInput,
        capture_now: bool | Unset = UNSET,
        soft_descriptor: str | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        provider_metadata: ProviderMetadataInput | Unset = UNSET,
    ) -> None:
        self.charge_permission_id = charge_permission_id
        self.charge_amount = charge_amount
        self.capture_now = capture_now
        self.soft_descriptor = soft_descriptor
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.provider_metadata = provider_metadata

    def to_dict(self) -> dict[str, Any]:
        charge_permission_id = self.charge_permission_id

        charge_amount = self.charge_amount.to_dict()

        capture_now = self.capture_now

        soft_descriptor = self.soft_descriptor

        can_handle_pending_authorization = self.can_handle_pending_authorization

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chargePermissionId": charge_permission_id,
                "chargeAmount": charge_amount,
            }
        )
        if capture_now is not UNSET:
            field_dict["captureNow"] = capture_now
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor
        if can_handle_pending_authorization is not UNSET:
            field_dict["canHandlePendingAuthorization"] = (
                can_handle_pending_authorization
            )
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price_input import PriceInput  # noqa: PLC0415
        from ..models.provider_metadata_input import ProviderMetadataInput  # noqa: PLC0415

        d = dict(src_dict)
        charge_permission_id = d.pop("chargePermissionId")

        charge_amount = PriceInput.from_dict(d.pop("chargeAmount"))

        capture_now = d.pop("captureNow", UNSET)

        soft_descriptor = d.pop("softDescriptor", UNSET)

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadataInput | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            provider_metadata = ProviderMetadataInput.from_dict(_provider_metadata)

        create_charge_request = cls(
            charge_permission_id=charge_permission_id,
            charge_amount=charge_amount,
            capture_now=capture_now,
            soft_descriptor=soft_descriptor,
            can_handle_pending_authorization=can_handle_pending_authorization,
            provider_metadata=provider_metadata,
        )

        return create_charge_request
