from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address_input import AddressInput
    from ..models.merchant_metadata_input import MerchantMetadataInput
    from ..models.provider_metadata_input import ProviderMetadataInput
    from ..models.update_checkout_session_request_payment_details import (
        UpdateCheckoutSessionRequestPaymentDetails,
    )
    from ..models.update_checkout_session_request_web_checkout_details import (
        UpdateCheckoutSessionRequestWebCheckoutDetails,
    )


T = TypeVar("T", bound="UpdateCheckoutSessionRequest")


class UpdateCheckoutSessionRequest(_Model):
    """
    Attributes:
        payment_details (UpdateCheckoutSessionRequestPaymentDetails | Unset):
        merchant_metadata (MerchantMetadataInput | Unset):
        shipping_address (AddressInput | Unset):
        web_checkout_details (UpdateCheckoutSessionRequestWebCheckoutDetails | Unset):
        platform_id (str | Unset):
        provider_metadata (ProviderMetadataInput | Unset):
    """

    __slots__ = (
        "payment_details",
        "merchant_metadata",
        "shipping_address",
        "web_checkout_details",
        "platform_id",
        "provider_metadata",
    )
    __match_args__ = (
        "payment_details",
        "merchant_metadata",
        "shipping_address",
        "web_checkout_details",
        "platform_id",
        "provider_metadata",
    )

    payment_details: UpdateCheckoutSessionRequestPaymentDetails | Unset
    merchant_metadata: MerchantMetadataInput | Unset
    shipping_address: AddressInput | Unset
    web_checkout_details: UpdateCheckoutSessionRequestWebCheckoutDetails | Unset
    platform_id: str | Unset
    provider_metadata: ProviderMetadataInput | Unset

    def __init__(
        self,
        payment_details: UpdateCheckoutSessionRequestPaymentDetails | Unset = UNSET,
        merchant_metadata: MerchantMetadataInput | Unset = UNSET,
        shipping_address: AddressInput | Unset = UNSET,
        web_checkout_details: UpdateCheckoutSessionRequestWebCheckoutDetails
        | Unset = UNSET,
        platform_id: str | Unset = UNSET,
        provider_metadata: ProviderMetadataInput | Unset = UNSET,
    ) -> None:
        self.payment_details = payment_details
        self.merchant_metadata = merchant_metadata
        self.shipping_address = shipping_address
        self.web_checkout_details = web_checkout_details
        self.platform_id = platform_id
        self.provider_metadata = provider_metadata

    def to_dict(self) -> dict[str, Any]:
        payment_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_details, Unset):
            payment_details = self.payment_details.to_dict()

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        web_checkout_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web_checkout_details, Unset):
            web_checkout_details = self.web_checkout_details.to_dict()

        platform_id = self.platform_id

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if payment_details is not UNSET:
            field_dict["paymentDetails"] = payment_details
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if web_checkout_details is not UNSET:
            field_dict["webCheckoutDetails"] = web_checkout_details
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_input import AddressInput  # noqa: PLC0415
        from ..models.merchant_metadata_input import MerchantMetadataInput  # noqa: PLC0415
        from ..models.provider_metadata_input import ProviderMetadataInput  # noqa: PLC0415
        from ..models.update_checkout_session_request_payment_details import (
            UpdateCheckoutSessionRequestPaymentDetails,  # noqa: PLC0415
        )
        from ..models.update_checkout_session_request_web_checkout_details import (
            UpdateCheckoutSessionRequestWebCheckoutDetails,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _payment_details = d.pop("paymentDetails", UNSET)
        payment_details: UpdateCheckoutSessionRequestPaymentDetails | Unset
        if isinstance(_payment_details, Unset):
            payment_details = UNSET
        else:
            payment_details = UpdateCheckoutSessionRequestPaymentDetails.from_dict(
                _payment_details
            )

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadataInput | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            merchant_metadata = MerchantMetadataInput.from_dict(_merchant_metadata)

        _shipping_address = d.pop("shippingAddress", UNSET)
        shipping_address: AddressInput | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = AddressInput.from_dict(_shipping_address)

        _web_checkout_details = d.pop("webCheckoutDetails", UNSET)
        web_checkout_details: UpdateCheckoutSessionRequestWebCheckoutDetails | Unset
        if isinstance(_web_checkout_details, Unset):
            web_checkout_details = UNSET
        else:
            web_checkout_details = (
                UpdateCheckoutSessionRequestWebCheckoutDetails.from_dict(
                    _web_checkout_details
                )
            )

        platform_id = d.pop("platformId", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadataInput | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            provider_metadata = ProviderMetadataInput.from_dict(_provider_metadata)

        update_checkout_session_request = cls(
            payment_details=payment_details,
            merchant_metadata=merchant_metadata,
            shipping_address=shipping_address,
            web_checkout_details=web_checkout_details,
            platform_id=platform_id,
            provider_metadata=provider_metadata,
        )

        return update_checkout_session_request
