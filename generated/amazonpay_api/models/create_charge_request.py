from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.channel import Channel
    from ..models.charge_initiator import ChargeInitiator
    from ..models.create_charge_request_web_checkout_details import (
        CreateChargeRequestWebCheckoutDetails,
    )
    from ..models.merchant_metadata_input import MerchantMetadataInput
    from ..models.price_input import PriceInput
    from ..models.provider_metadata_input import ProviderMetadataInput


class CreateChargeRequest(_Model):
    """
    Attributes:
        charge_permission_id (str):
        charge_amount (PriceInput): An amount to charge, capture or refund, and its currency.
        capture_now (bool | Unset):
        soft_descriptor (str | Unset):
        can_handle_pending_authorization (bool | Unset):
        provider_metadata (ProviderMetadataInput | Unset):
        charge_initiator (ChargeInitiator | Unset): Who initiates a Saved Wallet charge: customer (CIT) or merchant
            (MIT), unscheduled (U) or recurring (R).
        channel (Channel | Unset): The channel a charge is made through.
        merchant_metadata (MerchantMetadataInput | Unset):
        platform_id (str | Unset):
        web_checkout_details (CreateChargeRequestWebCheckoutDetails | Unset):
    """

    __slots__ = (
        "charge_permission_id",
        "charge_amount",
        "capture_now",
        "soft_descriptor",
        "can_handle_pending_authorization",
        "provider_metadata",
        "charge_initiator",
        "channel",
        "merchant_metadata",
        "platform_id",
        "web_checkout_details",
    )
    __match_args__ = (
        "charge_permission_id",
        "charge_amount",
        "capture_now",
        "soft_descriptor",
        "can_handle_pending_authorization",
        "provider_metadata",
        "charge_initiator",
        "channel",
        "merchant_metadata",
        "platform_id",
        "web_checkout_details",
    )

    charge_permission_id: str
    charge_amount: PriceInput
    capture_now: bool | Unset
    soft_descriptor: str | Unset
    can_handle_pending_authorization: bool | Unset
    provider_metadata: ProviderMetadataInput | Unset
    charge_initiator: ChargeInitiator | Unset
    channel: Channel | Unset
    merchant_metadata: MerchantMetadataInput | Unset
    platform_id: str | Unset
    web_checkout_details: CreateChargeRequestWebCheckoutDetails | Unset

    def __init__(
        self,
        charge_permission_id: str,
        charge_amount: PriceInput,
        capture_now: bool | Unset = UNSET,
        soft_descriptor: str | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        provider_metadata: ProviderMetadataInput | Unset = UNSET,
        charge_initiator: ChargeInitiator | Unset = UNSET,
        channel: Channel | Unset = UNSET,
        merchant_metadata: MerchantMetadataInput | Unset = UNSET,
        platform_id: str | Unset = UNSET,
        web_checkout_details: CreateChargeRequestWebCheckoutDetails | Unset = UNSET,
    ) -> None:
        self.charge_permission_id = charge_permission_id
        self.charge_amount = charge_amount
        self.capture_now = capture_now
        self.soft_descriptor = soft_descriptor
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.provider_metadata = provider_metadata
        self.charge_initiator = charge_initiator
        self.channel = channel
        self.merchant_metadata = merchant_metadata
        self.platform_id = platform_id
        self.web_checkout_details = web_checkout_details

    def to_dict(self) -> dict[str, Any]:
        charge_permission_id = self.charge_permission_id

        charge_amount = self.charge_amount.to_dict()

        capture_now = self.capture_now

        soft_descriptor = self.soft_descriptor

        can_handle_pending_authorization = self.can_handle_pending_authorization

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        charge_initiator: str | Unset = UNSET
        if not isinstance(self.charge_initiator, Unset):
            charge_initiator = self.charge_initiator.value

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        platform_id = self.platform_id

        web_checkout_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web_checkout_details, Unset):
            web_checkout_details = self.web_checkout_details.to_dict()

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
        if charge_initiator is not UNSET:
            field_dict["chargeInitiator"] = charge_initiator
        if channel is not UNSET:
            field_dict["channel"] = channel
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if web_checkout_details is not UNSET:
            field_dict["webCheckoutDetails"] = web_checkout_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charge_permission_id = d.pop("chargePermissionId")

        from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

        charge_amount = PriceInput.from_dict(d.pop("chargeAmount"))

        capture_now = d.pop("captureNow", UNSET)

        soft_descriptor = d.pop("softDescriptor", UNSET)

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadataInput | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            from amazonpay_api.models.provider_metadata_input import (
                ProviderMetadataInput,  # noqa: PLC0415
            )

            provider_metadata = ProviderMetadataInput.from_dict(_provider_metadata)

        _charge_initiator = d.pop("chargeInitiator", UNSET)
        charge_initiator: ChargeInitiator | Unset
        if isinstance(_charge_initiator, Unset):
            charge_initiator = UNSET
        else:
            from amazonpay_api.models.charge_initiator import ChargeInitiator  # noqa: PLC0415

            charge_initiator = ChargeInitiator(_charge_initiator)

        _channel = d.pop("channel", UNSET)
        channel: Channel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            from amazonpay_api.models.channel import Channel  # noqa: PLC0415

            channel = Channel(_channel)

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadataInput | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            from amazonpay_api.models.merchant_metadata_input import (
                MerchantMetadataInput,  # noqa: PLC0415
            )

            merchant_metadata = MerchantMetadataInput.from_dict(_merchant_metadata)

        platform_id = d.pop("platformId", UNSET)

        _web_checkout_details = d.pop("webCheckoutDetails", UNSET)
        web_checkout_details: CreateChargeRequestWebCheckoutDetails | Unset
        if isinstance(_web_checkout_details, Unset):
            web_checkout_details = UNSET
        else:
            from amazonpay_api.models.create_charge_request_web_checkout_details import (
                CreateChargeRequestWebCheckoutDetails,  # noqa: PLC0415
            )

            web_checkout_details = CreateChargeRequestWebCheckoutDetails.from_dict(
                _web_checkout_details
            )

        create_charge_request = cls(
            charge_permission_id=charge_permission_id,
            charge_amount=charge_amount,
            capture_now=capture_now,
            soft_descriptor=soft_descriptor,
            can_handle_pending_authorization=can_handle_pending_authorization,
            provider_metadata=provider_metadata,
            charge_initiator=charge_initiator,
            channel=channel,
            merchant_metadata=merchant_metadata,
            platform_id=platform_id,
            web_checkout_details=web_checkout_details,
        )

        return create_charge_request
