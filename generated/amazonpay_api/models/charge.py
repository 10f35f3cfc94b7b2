from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.channel import Channel
    from ..models.charge_initiator import ChargeInitiator
    from ..models.charge_status_details import ChargeStatusDetails
    from ..models.merchant_metadata import MerchantMetadata
    from ..models.price import Price
    from ..models.provider_metadata import ProviderMetadata
    from ..models.release_environment import ReleaseEnvironment
    from ..models.web_checkout_details import WebCheckoutDetails


class Charge(_Model):
    """
    Attributes:
        charge_id (str):
        charge_permission_id (str):
        status_details (ChargeStatusDetails): The state of a Charge and why it is in it.
        charge_amount (Price | Unset):
        capture_amount (Price | Unset):
        refunded_amount (Price | Unset):
        soft_descriptor (None | str | Unset):
        creation_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        expiration_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        capture_now (bool | Unset):
        can_handle_pending_authorization (bool | Unset):
        provider_metadata (ProviderMetadata | Unset): Payment service provider order details (PSPs only).
        converted_amount (None | Price | str | Unset):
        conversion_rate (float | None | str | Unset):
        release_environment (ReleaseEnvironment | Unset): The environment the object was created in.
        platform_id (None | str | Unset):
        merchant_metadata (MerchantMetadata | Unset):
        web_checkout_details (None | Unset | WebCheckoutDetails):
        charge_initiator (ChargeInitiator | None | Unset):
        channel (Channel | None | Unset):
    """

    __slots__ = (
        "charge_id",
        "charge_permission_id",
        "status_details",
        "charge_amount",
        "capture_amount",
        "refunded_amount",
        "soft_descriptor",
        "creation_timestamp",
        "expiration_timestamp",
        "capture_now",
        "can_handle_pending_authorization",
        "provider_metadata",
        "converted_amount",
        "conversion_rate",
        "release_environment",
        "platform_id",
        "merchant_metadata",
        "web_checkout_details",
        "charge_initiator",
        "channel",
        "additional_properties",
    )
    __match_args__ = (
        "charge_id",
        "charge_permission_id",
        "status_details",
        "charge_amount",
        "capture_amount",
        "refunded_amount",
        "soft_descriptor",
        "creation_timestamp",
        "expiration_timestamp",
        "capture_now",
        "can_handle_pending_authorization",
        "provider_metadata",
        "converted_amount",
        "conversion_rate",
        "release_environment",
        "platform_id",
        "merchant_metadata",
        "web_checkout_details",
        "charge_initiator",
        "channel",
    )

    charge_id: str
    charge_permission_id: str
    status_details: ChargeStatusDetails
    charge_amount: Price | Unset
    capture_amount: Price | Unset
    refunded_amount: Price | Unset
    soft_descriptor: None | str | Unset
    creation_timestamp: str | Unset
    expiration_timestamp: str | Unset
    capture_now: bool | Unset
    can_handle_pending_authorization: bool | Unset
    provider_metadata: ProviderMetadata | Unset
    converted_amount: None | Price | str | Unset
    conversion_rate: float | None | str | Unset
    release_environment: ReleaseEnvironment | Unset
    platform_id: None | str | Unset
    merchant_metadata: MerchantMetadata | Unset
    web_checkout_details: None | Unset | WebCheckoutDetails
    charge_initiator: ChargeInitiator | None | Unset
    channel: Channel | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        charge_id: str,
        charge_permission_id: str,
        status_details: ChargeStatusDetails,
        charge_amount: Price | Unset = UNSET,
        capture_amount: Price | Unset = UNSET,
        refunded_amount: Price | Unset = UNSET,
        soft_descriptor: None | str | Unset = UNSET,
        creation_timestamp: str | Unset = UNSET,
        expiration_timestamp: str | Unset = UNSET,
        capture_now: bool | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        provider_metadata: ProviderMetadata | Unset = UNSET,
        converted_amount: None | Price | str | Unset = UNSET,
        conversion_rate: float | None | str | Unset = UNSET,
        release_environment: ReleaseEnvironment | Unset = UNSET,
        platform_id: None | str | Unset = UNSET,
        merchant_metadata: MerchantMetadata | Unset = UNSET,
        web_checkout_details: None | Unset | WebCheckoutDetails = UNSET,
        charge_initiator: ChargeInitiator | None | Unset = UNSET,
        channel: Channel | None | Unset = UNSET,
    ) -> None:
        self.charge_id = charge_id
        self.charge_permission_id = charge_permission_id
        self.status_details = status_details
        self.charge_amount = charge_amount
        self.capture_amount = capture_amount
        self.refunded_amount = refunded_amount
        self.soft_descriptor = soft_descriptor
        self.creation_timestamp = creation_timestamp
        self.expiration_timestamp = expiration_timestamp
        self.capture_now = capture_now
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.provider_metadata = provider_metadata
        self.converted_amount = converted_amount
        self.conversion_rate = conversion_rate
        self.release_environment = release_environment
        self.platform_id = platform_id
        self.merchant_metadata = merchant_metadata
        self.web_checkout_details = web_checkout_details
        self.charge_initiator = charge_initiator
        self.channel = channel
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.channel import Channel  # noqa: PLC0415
        from amazonpay_api.models.charge_initiator import ChargeInitiator  # noqa: PLC0415
        from amazonpay_api.models.price import Price  # noqa: PLC0415
        from amazonpay_api.models.web_checkout_details import WebCheckoutDetails  # noqa: PLC0415

        charge_id = self.charge_id

        charge_permission_id = self.charge_permission_id

        status_details = self.status_details.to_dict()

        charge_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.charge_amount, Unset):
            charge_amount = self.charge_amount.to_dict()

        capture_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capture_amount, Unset):
            capture_amount = self.capture_amount.to_dict()

        refunded_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.refunded_amount, Unset):
            refunded_amount = self.refunded_amount.to_dict()

        soft_descriptor: None | str | Unset
        if isinstance(self.soft_descriptor, Unset):
            soft_descriptor = UNSET
        else:
            soft_descriptor = self.soft_descriptor

        creation_timestamp = self.creation_timestamp

        expiration_timestamp = self.expiration_timestamp

        capture_now = self.capture_now

        can_handle_pending_authorization = self.can_handle_pending_authorization

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        converted_amount: dict[str, Any] | None | str | Unset
        if isinstance(self.converted_amount, Unset):
            converted_amount = UNSET
        elif isinstance(self.converted_amount, Price):
            converted_amount = self.converted_amount.to_dict()
        else:
            converted_amount = self.converted_amount

        conversion_rate: float | None | str | Unset
        if isinstance(self.conversion_rate, Unset):
            conversion_rate = UNSET
        else:
            conversion_rate = self.conversion_rate

        release_environment: str | Unset = UNSET
        if not isinstance(self.release_environment, Unset):
            release_environment = self.release_environment.value

        platform_id: None | str | Unset
        if isinstance(self.platform_id, Unset):
            platform_id = UNSET
        else:
            platform_id = self.platform_id

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        web_checkout_details: dict[str, Any] | None | Unset
        if isinstance(self.web_checkout_details, Unset):
            web_checkout_details = UNSET
        elif isinstance(self.web_checkout_details, WebCheckoutDetails):
            web_checkout_details = self.web_checkout_details.to_dict()
        else:
            web_checkout_details = self.web_checkout_details

        charge_initiator: None | str | Unset
        if isinstance(self.charge_initiator, Unset):
            charge_initiator = UNSET
        elif isinstance(self.charge_initiator, ChargeInitiator):
            charge_initiator = self.charge_initiator.value
        else:
            charge_initiator = self.charge_initiator

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, Channel):
            channel = self.channel.value
        else:
            channel = self.channel

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chargeId": charge_id,
                "chargePermissionId": charge_permission_id,
                "statusDetails": status_details,
            }
        )
        if charge_amount is not UNSET:
            field_dict["chargeAmount"] = charge_amount
        if capture_amount is not UNSET:
            field_dict["captureAmount"] = capture_amount
        if refunded_amount is not UNSET:
            field_dict["refundedAmount"] = refunded_amount
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor
        if creation_timestamp is not UNSET:
            field_dict["creationTimestamp"] = creation_timestamp
        if expiration_timestamp is not UNSET:
            field_dict["expirationTimestamp"] = expiration_timestamp
        if capture_now is not UNSET:
            field_dict["captureNow"] = capture_now
        if can_handle_pending_authorization is not UNSET:
            field_dict["canHandlePendingAuthorization"] = (
                can_handle_pending_authorization
            )
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata
        if converted_amount is not UNSET:
            field_dict["convertedAmount"] = converted_amount
        if conversion_rate is not UNSET:
            field_dict["conversionRate"] = conversion_rate
        if release_environment is not UNSET:
            field_dict["releaseEnvironment"] = release_environment
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if web_checkout_details is not UNSET:
            field_dict["webCheckoutDetails"] = web_checkout_details
        if charge_initiator is not UNSET:
            field_dict["chargeInitiator"] = charge_initiator
        if channel is not UNSET:
            field_dict["channel"] = channel

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charge_id = d.pop("chargeId")

        charge_permission_id = d.pop("chargePermissionId")

        from amazonpay_api.models.charge_status_details import ChargeStatusDetails  # noqa: PLC0415

        status_details = ChargeStatusDetails.from_dict(d.pop("statusDetails"))

        _charge_amount = d.pop("chargeAmount", UNSET)
        charge_amount: Price | Unset
        if isinstance(_charge_amount, Unset):
            charge_amount = UNSET
        else:
            from amazonpay_api.models.price import Price  # noqa: PLC0415

            charge_amount = Price.from_dict(_charge_amount)

        _capture_amount = d.pop("captureAmount", UNSET)
        capture_amount: Price | Unset
        if isinstance(_capture_amount, Unset):
            capture_amount = UNSET
        else:
            from amazonpay_api.models.price import Price  # noqa: PLC0415

            capture_amount = Price.from_dict(_capture_amount)

        _refunded_amount = d.pop("refundedAmount", UNSET)
        refunded_amount: Price | Unset
        if isinstance(_refunded_amount, Unset):
            refunded_amount = UNSET
        else:
            from amazonpay_api.models.price import Price  # noqa: PLC0415

            refunded_amount = Price.from_dict(_refunded_amount)

        def _parse_soft_descriptor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        soft_descriptor = _parse_soft_descriptor(d.pop("softDescriptor", UNSET))

        creation_timestamp = d.pop("creationTimestamp", UNSET)

        expiration_timestamp = d.pop("expirationTimestamp", UNSET)

        capture_now = d.pop("captureNow", UNSET)

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadata | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            from amazonpay_api.models.provider_metadata import ProviderMetadata  # noqa: PLC0415

            provider_metadata = ProviderMetadata.from_dict(_provider_metadata)

        def _parse_converted_amount(data: object) -> None | Price | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                converted_amount_type_0 = Price.from_dict(data)

                return converted_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | str | Unset", data)

        converted_amount = _parse_converted_amount(d.pop("convertedAmount", UNSET))

        def _parse_conversion_rate(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("float | None | str | Unset", data)

        conversion_rate = _parse_conversion_rate(d.pop("conversionRate", UNSET))

        _release_environment = d.pop("releaseEnvironment", UNSET)
        release_environment: ReleaseEnvironment | Unset
        if isinstance(_release_environment, Unset):
            release_environment = UNSET
        else:
            from amazonpay_api.models.release_environment import ReleaseEnvironment  # noqa: PLC0415

            release_environment = ReleaseEnvironment(_release_environment)

        def _parse_platform_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        platform_id = _parse_platform_id(d.pop("platformId", UNSET))

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadata | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            from amazonpay_api.models.merchant_metadata import MerchantMetadata  # noqa: PLC0415

            merchant_metadata = MerchantMetadata.from_dict(_merchant_metadata)

        def _parse_web_checkout_details(
            data: object,
        ) -> None | Unset | WebCheckoutDetails:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.web_checkout_details import WebCheckoutDetails  # noqa: PLC0415

                web_checkout_details_type_0 = WebCheckoutDetails.from_dict(data)

                return web_checkout_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Unset | WebCheckoutDetails", data)

        web_checkout_details = _parse_web_checkout_details(
            d.pop("webCheckoutDetails", UNSET)
        )

        def _parse_charge_initiator(data: object) -> ChargeInitiator | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.charge_initiator import ChargeInitiator  # noqa: PLC0415

                charge_initiator_type_0 = ChargeInitiator(data)

                return charge_initiator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ChargeInitiator | None | Unset", data)

        charge_initiator = _parse_charge_initiator(d.pop("chargeInitiator", UNSET))

        def _parse_channel(data: object) -> Channel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.channel import Channel  # noqa: PLC0415

                channel_type_0 = Channel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Channel | None | Unset", data)

        channel = _parse_channel(d.pop("channel", UNSET))

        charge = cls(
            charge_id=charge_id,
            charge_permission_id=charge_permission_id,
            status_details=status_details,
            charge_amount=charge_amount,
            capture_amount=capture_amount,
            refunded_amount=refunded_amount,
            soft_descriptor=soft_descriptor,
            creation_timestamp=creation_timestamp,
            expiration_timestamp=expiration_timestamp,
            capture_now=capture_now,
            can_handle_pending_authorization=can_handle_pending_authorization,
            provider_metadata=provider_metadata,
            converted_amount=converted_amount,
            conversion_rate=conversion_rate,
            release_environment=release_environment,
            platform_id=platform_id,
            merchant_metadata=merchant_metadata,
            web_checkout_details=web_checkout_details,
            charge_initiator=charge_initiator,
            channel=channel,
        )

        charge.additional_properties = d
        return charge

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
