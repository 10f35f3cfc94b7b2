from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.charge_permission_type import ChargePermissionType
from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.create_checkout_session_request_payment_details import (
        CreateCheckoutSessionRequestPaymentDetails,
    )
    from ..models.create_checkout_session_request_web_checkout_details import (
        CreateCheckoutSessionRequestWebCheckoutDetails,
    )
    from ..models.delivery_specifications_input import DeliverySpecificationsInput
    from ..models.merchant_metadata_input import MerchantMetadataInput
    from ..models.provider_metadata_input import ProviderMetadataInput


T = TypeVar("T", bound="CreateCheckoutSessionRequest")


class CreateCheckoutSessionRequest(_Model):
    """
    Attributes:
        web_checkout_details (CreateCheckoutSessionRequestWebCheckoutDetails):
        store_id (str):
        payment_details (CreateCheckoutSessionRequestPaymentDetails | Unset):
        merchant_metadata (MerchantMetadataInput | Unset):
        charge_permission_type (ChargePermissionType | Unset):
        delivery_specifications (DeliverySpecificationsInput | Unset):
        platform_id (str | Unset):
        provider_metadata (ProviderMetadataInput | Unset):
    """

    __slots__ = (
        "web_checkout_details",
        "store_id",
        "payment_details",
        "merchant_metadata",
        "charge_permission_type",
        "delivery_specifications",
        "platform_id",
        "provider_metadata",
    )
    __match_args__ = (
        "web_checkout_details",
        "store_id",
        "payment_details",
        "merchant_metadata",
        "charge_permission_type",
        "delivery_specifications",
        "platform_id",
        "provider_metadata",
    )

    web_checkout_details: CreateCheckoutSessionRequestWebCheckoutDetails
    store_id: str
    payment_details: CreateCheckoutSessionRequestPaymentDetails | Unset
    merchant_metadata: MerchantMetadataInput | Unset
    charge_permission_type: ChargePermissionType | Unset
    delivery_specifications: DeliverySpecificationsInput | Unset
    platform_id: str | Unset
    provider_metadata: ProviderMetadataInput | Unset

    def __init__(
        self,
        web_checkout_details: CreateCheckoutSessionRequestWebCheckoutDetails,
        store_id: str,
        payment_details: CreateCheckoutSessionRequestPaymentDetails | Unset = UNSET,
        merchant_metadata: MerchantMetadataInput | Unset = UNSET,
        charge_permission_type: ChargePermissionType | Unset = UNSET,
        delivery_specifications: DeliverySpecificationsInput | Unset = UNSET,
        platform_id: str | Unset = UNSET,
        provider_metadata: ProviderMetadataInput | Unset = UNSET,
    ) -> None:
        self.web_checkout_details = web_checkout_details
        self.store_id = store_id
        self.payment_details = payment_details
        self.merchant_metadata = merchant_metadata
        self.charge_permission_type = charge_permission_type
        self.delivery_specifications = delivery_specifications
        self.platform_id = platform_id
        self.provider_metadata = provider_metadata

    def to_dict(self) -> dict[str, Any]:
        web_checkout_details = self.web_checkout_details.to_dict()

        store_id = self.store_id

        payment_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_details, Unset):
            payment_details = self.payment_details.to_dict()

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        charge_permission_type: str | Unset = UNSET
        if not isinstance(self.charge_permission_type, Unset):
            charge_permission_type = self.charge_permission_type.value

        delivery_specifications: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delivery_specifications, Unset):
            delivery_specifications = self.delivery_specifications.to_dict()

        platform_id = self.platform_id

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "webCheckoutDetails": web_checkout_details,
                "storeId": store_id,
            }
        )
        if payment_details is not UNSET:
            field_dict["paymentDetails"] = payment_details
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if charge_permission_type is not UNSET:
            field_dict["chargePermissionType"] = charge_permission_type
        if delivery_specifications is not UNSET:
            field_dict["deliverySpecifications"] = delivery_specifications
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_checkout_session_request_payment_details import (
            CreateCheckoutSessionRequestPaymentDetails,  # noqa: PLC0415
        )
        from ..models.create_checkout_session_request_web_checkout_details import (
            CreateCheckoutSessionRequestWebCheckoutDetails,  # noqa: PLC0415
        )
        from ..models.delivery_specifications_input import DeliverySpecificationsInput  # noqa: PLC0415
        from ..models.merchant_metadata_input import MerchantMetadataInput  # noqa: PLC0415
        from ..models.provider_metadata_input import ProviderMetadataInput  # noqa: PLC0415

        d = dict(src_dict)
        web_checkout_details = CreateCheckoutSessionRequestWebCheckoutDetails.from_dict(
            d.pop("webCheckoutDetails")
        )

        store_id = d.pop("storeId")

        _payment_details = d.pop("paymentDetails", UNSET)
        payment_details: CreateCheckoutSessionRequestPaymentDetails | Unset
        if isinstance(_payment_details, Unset):
            payment_details = UNSET
        else:
            payment_details = CreateCheckoutSessionRequestPaymentDetails.from_dict(
                _payment_details
            )

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadataInput | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            merchant_metadata = MerchantMetadataInput.from_dict(_merchant_metadata)

        _charge_permission_type = d.pop("chargePermissionType", UNSET)
        charge_permission_type: ChargePermissionType | Unset
        if isinstance(_charge_permission_type, Unset):
            charge_permission_type = UNSET
        else:
            charge_permission_type = ChargePermissionType(_charge_permission_type)

        _delivery_specifications = d.pop("deliverySpecifications", UNSET)
        delivery_specifications: DeliverySpecificationsInput | Unset
        if isinstance(_delivery_specifications, Unset):
            delivery_specifications = UNSET
        else:
            delivery_specifications = DeliverySpecificationsInput.from_dict(
                _delivery_specifications
            )

        platform_id = d.pop("platformId", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadataInput | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            provider_metadata = ProviderMetadataInput.from_dict(_provider_metadata)

        create_checkout_session_request = cls(
            web_checkout_details=web_checkout_details,
            store_id=store_id,
            payment_details=payment_details,
            merchant_metadata=merchant_metadata,
            charge_permission_type=charge_permission_type,
            delivery_specifications=delivery_specifications,
            platform_id=platform_id,
            provider_metadata=provider_metadata,
        )

        return create_checkout_session_request
