from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address_details_input import AddressDetailsInput
    from ..models.charge_permission_type import ChargePermissionType
    from ..models.checkout_session_scope import CheckoutSessionScope
    from ..models.create_checkout_session_request_payment_details import (
        CreateCheckoutSessionRequestPaymentDetails,
    )
    from ..models.create_checkout_session_request_web_checkout_details import (
        CreateCheckoutSessionRequestWebCheckoutDetails,
    )
    from ..models.delivery_specifications_input import DeliverySpecificationsInput
    from ..models.merchant_metadata_input import MerchantMetadataInput
    from ..models.multi_addresses_checkout_metadata_input import (
        MultiAddressesCheckoutMetadataInput,
    )
    from ..models.payment_method_on_file_metadata_input import (
        PaymentMethodOnFileMetadataInput,
    )
    from ..models.provider_metadata_input import ProviderMetadataInput
    from ..models.recurring_metadata_input import RecurringMetadataInput


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
        recurring_metadata (RecurringMetadataInput | Unset): How the recurring Charge Permission will be used (the
            merchant still calls Create Charge for every billing cycle). amount is optional: left out when it varies.
        payment_method_on_file_metadata (PaymentMethodOnFileMetadataInput | Unset): Saved Wallet set-up: setupOnly true
            saves the payment method without charging (the session is then completed with an empty body).
        charge_permission_id (str | Unset):
        address_details (AddressDetailsInput | Unset): The shipping address the merchant collected, for the Additional
            Payment Button (checkoutMode ProcessOrder): required there for PayAndShip.
        scopes (list[CheckoutSessionScope] | Unset):
        multi_addresses_checkout_metadata (list[MultiAddressesCheckoutMetadataInput] | Unset):
        supplementary_data (str | Unset):
        channel_type (str | Unset): The channel of the checkout; MOBILE_SDK for the Amazon Pay mobile SDK.
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
        "recurring_metadata",
        "payment_method_on_file_metadata",
        "charge_permission_id",
        "address_details",
        "scopes",
        "multi_addresses_checkout_metadata",
        "supplementary_data",
        "channel_type",
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
        "recurring_metadata",
        "payment_method_on_file_metadata",
        "charge_permission_id",
        "address_details",
        "scopes",
        "multi_addresses_checkout_metadata",
        "supplementary_data",
        "channel_type",
    )

    web_checkout_details: CreateCheckoutSessionRequestWebCheckoutDetails
    store_id: str
    payment_details: CreateCheckoutSessionRequestPaymentDetails | Unset
    merchant_metadata: MerchantMetadataInput | Unset
    charge_permission_type: ChargePermissionType | Unset
    delivery_specifications: DeliverySpecificationsInput | Unset
    platform_id: str | Unset
    provider_metadata: ProviderMetadataInput | Unset
    recurring_metadata: RecurringMetadataInput | Unset
    payment_method_on_file_metadata: PaymentMethodOnFileMetadataInput | Unset
    charge_permission_id: str | Unset
    address_details: AddressDetailsInput | Unset
    scopes: list[CheckoutSessionScope] | Unset
    multi_addresses_checkout_metadata: list[MultiAddressesCheckoutMetadataInput] | Unset
    supplementary_data: str | Unset
    channel_type: str | Unset

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
        recurring_metadata: RecurringMetadataInput | Unset = UNSET,
        payment_method_on_file_metadata: PaymentMethodOnFileMetadataInput
        | Unset = UNSET,
        charge_permission_id: str | Unset = UNSET,
        address_details: AddressDetailsInput | Unset = UNSET,
        scopes: list[CheckoutSessionScope] | Unset = UNSET,
        multi_addresses_checkout_metadata: list[MultiAddressesCheckoutMetadataInput]
        | Unset = UNSET,
        supplementary_data: str | Unset = UNSET,
        channel_type: str | Unset = UNSET,
    ) -> None:
        self.web_checkout_details = web_checkout_details
        self.store_id = store_id
        self.payment_details = payment_details
        self.merchant_metadata = merchant_metadata
        self.charge_permission_type = charge_permission_type
        self.delivery_specifications = delivery_specifications
        self.platform_id = platform_id
        self.provider_metadata = provider_metadata
        self.recurring_metadata = recurring_metadata
        self.payment_method_on_file_metadata = payment_method_on_file_metadata
        self.charge_permission_id = charge_permission_id
        self.address_details = address_details
        self.scopes = scopes
        self.multi_addresses_checkout_metadata = multi_addresses_checkout_metadata
        self.supplementary_data = supplementary_data
        self.channel_type = channel_type

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

        recurring_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurring_metadata, Unset):
            recurring_metadata = self.recurring_metadata.to_dict()

        payment_method_on_file_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_method_on_file_metadata, Unset):
            payment_method_on_file_metadata = (
                self.payment_method_on_file_metadata.to_dict()
            )

        charge_permission_id = self.charge_permission_id

        address_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address_details, Unset):
            address_details = self.address_details.to_dict()

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.value
                scopes.append(scopes_item)

        multi_addresses_checkout_metadata: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.multi_addresses_checkout_metadata, Unset):
            multi_addresses_checkout_metadata = []
            for (
                multi_addresses_checkout_metadata_item_data
            ) in self.multi_addresses_checkout_metadata:
                multi_addresses_checkout_metadata_item = (
                    multi_addresses_checkout_metadata_item_data.to_dict()
                )
                multi_addresses_checkout_metadata.append(
                    multi_addresses_checkout_metadata_item
                )

        supplementary_data = self.supplementary_data

        channel_type = self.channel_type

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
        if recurring_metadata is not UNSET:
            field_dict["recurringMetadata"] = recurring_metadata
        if payment_method_on_file_metadata is not UNSET:
            field_dict["paymentMethodOnFileMetadata"] = payment_method_on_file_metadata
        if charge_permission_id is not UNSET:
            field_dict["chargePermissionId"] = charge_permission_id
        if address_details is not UNSET:
            field_dict["addressDetails"] = address_details
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if multi_addresses_checkout_metadata is not UNSET:
            field_dict["multiAddressesCheckoutMetadata"] = (
                multi_addresses_checkout_metadata
            )
        if supplementary_data is not UNSET:
            field_dict["supplementaryData"] = supplementary_data
        if channel_type is not UNSET:
            field_dict["channelType"] = channel_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.create_checkout_session_request_web_checkout_details import (
            CreateCheckoutSessionRequestWebCheckoutDetails,  # noqa: PLC0415
        )

        web_checkout_details = CreateCheckoutSessionRequestWebCheckoutDetails.from_dict(
            d.pop("webCheckoutDetails")
        )

        store_id = d.pop("storeId")

        _payment_details = d.pop("paymentDetails", UNSET)
        payment_details: CreateCheckoutSessionRequestPaymentDetails | Unset
        if isinstance(_payment_details, Unset):
            payment_details = UNSET
        else:
            from amazonpay_api.models.create_checkout_session_request_payment_details import (
                CreateCheckoutSessionRequestPaymentDetails,  # noqa: PLC0415
            )

            payment_details = CreateCheckoutSessionRequestPaymentDetails.from_dict(
                _payment_details
            )

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadataInput | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            from amazonpay_api.models.merchant_metadata_input import (
                MerchantMetadataInput,  # noqa: PLC0415
            )

            merchant_metadata = MerchantMetadataInput.from_dict(_merchant_metadata)

        _charge_permission_type = d.pop("chargePermissionType", UNSET)
        charge_permission_type: ChargePermissionType | Unset
        if isinstance(_charge_permission_type, Unset):
            charge_permission_type = UNSET
        else:
            from amazonpay_api.models.charge_permission_type import ChargePermissionType  # noqa: PLC0415

            charge_permission_type = ChargePermissionType(_charge_permission_type)

        _delivery_specifications = d.pop("deliverySpecifications", UNSET)
        delivery_specifications: DeliverySpecificationsInput | Unset
        if isinstance(_delivery_specifications, Unset):
            delivery_specifications = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_input import (
                DeliverySpecificationsInput,  # noqa: PLC0415
            )

            delivery_specifications = DeliverySpecificationsInput.from_dict(
                _delivery_specifications
            )

        platform_id = d.pop("platformId", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadataInput | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            from amazonpay_api.models.provider_metadata_input import (
                ProviderMetadataInput,  # noqa: PLC0415
            )

            provider_metadata = ProviderMetadataInput.from_dict(_provider_metadata)

        _recurring_metadata = d.pop("recurringMetadata", UNSET)
        recurring_metadata: RecurringMetadataInput | Unset
        if isinstance(_recurring_metadata, Unset):
            recurring_metadata = UNSET
        else:
            from amazonpay_api.models.recurring_metadata_input import (
                RecurringMetadataInput,  # noqa: PLC0415
            )

            recurring_metadata = RecurringMetadataInput.from_dict(_recurring_metadata)

        _payment_method_on_file_metadata = d.pop("paymentMethodOnFileMetadata", UNSET)
        payment_method_on_file_metadata: PaymentMethodOnFileMetadataInput | Unset
        if isinstance(_payment_method_on_file_metadata, Unset):
            payment_method_on_file_metadata = UNSET
        else:
            from amazonpay_api.models.payment_method_on_file_metadata_input import (
                PaymentMethodOnFileMetadataInput,  # noqa: PLC0415
            )

            payment_method_on_file_metadata = (
                PaymentMethodOnFileMetadataInput.from_dict(
                    _payment_method_on_file_metadata
                )
            )

        charge_permission_id = d.pop("chargePermissionId", UNSET)

        _address_details = d.pop("addressDetails", UNSET)
        address_details: AddressDetailsInput | Unset
        if isinstance(_address_details, Unset):
            address_details = UNSET
        else:
            from amazonpay_api.models.address_details_input import AddressDetailsInput  # noqa: PLC0415

            address_details = AddressDetailsInput.from_dict(_address_details)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[CheckoutSessionScope] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                from amazonpay_api.models.checkout_session_scope import (
                    CheckoutSessionScope,  # noqa: PLC0415
                )

                scopes_item = CheckoutSessionScope(scopes_item_data)

                scopes.append(scopes_item)

        _multi_addresses_checkout_metadata = d.pop(
            "multiAddressesCheckoutMetadata", UNSET
        )
        multi_addresses_checkout_metadata: (
            list[MultiAddressesCheckoutMetadataInput] | Unset
        ) = UNSET
        if _multi_addresses_checkout_metadata is not UNSET:
            multi_addresses_checkout_metadata = []
            for (
                multi_addresses_checkout_metadata_item_data
            ) in _multi_addresses_checkout_metadata:
                from amazonpay_api.models.multi_addresses_checkout_metadata_input import (
                    MultiAddressesCheckoutMetadataInput,  # noqa: PLC0415
                )

                multi_addresses_checkout_metadata_item = (
                    MultiAddressesCheckoutMetadataInput.from_dict(
                        multi_addresses_checkout_metadata_item_data
                    )
                )

                multi_addresses_checkout_metadata.append(
                    multi_addresses_checkout_metadata_item
                )

        supplementary_data = d.pop("supplementaryData", UNSET)

        channel_type = d.pop("channelType", UNSET)

        create_checkout_session_request = cls(
            web_checkout_details=web_checkout_details,
            store_id=store_id,
            payment_details=payment_details,
            merchant_metadata=merchant_metadata,
            charge_permission_type=charge_permission_type,
            delivery_specifications=delivery_specifications,
            platform_id=platform_id,
            provider_metadata=provider_metadata,
            recurring_metadata=recurring_metadata,
            payment_method_on_file_metadata=payment_method_on_file_metadata,
            charge_permission_id=charge_permission_id,
            address_details=address_details,
            scopes=scopes,
            multi_addresses_checkout_metadata=multi_addresses_checkout_metadata,
            supplementary_data=supplementary_data,
            channel_type=channel_type,
        )

        return create_checkout_session_request
