from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.address_with_id import AddressWithId
    from ..models.buyer import Buyer
    from ..models.charge_permission_type import ChargePermissionType
    from ..models.checkout_session_status_details import CheckoutSessionStatusDetails
    from ..models.constraint import Constraint
    from ..models.delivery_specifications import DeliverySpecifications
    from ..models.merchant_metadata import MerchantMetadata
    from ..models.multi_addresses_checkout_metadata import (
        MultiAddressesCheckoutMetadata,
    )
    from ..models.payment_details import PaymentDetails
    from ..models.payment_method_on_file_metadata import PaymentMethodOnFileMetadata
    from ..models.payment_preference import PaymentPreference
    from ..models.product_type import ProductType
    from ..models.provider_metadata import ProviderMetadata
    from ..models.recurring_metadata import RecurringMetadata
    from ..models.release_environment import ReleaseEnvironment
    from ..models.web_checkout_details import WebCheckoutDetails


class CheckoutSession(_Model):
    """
    Attributes:
        checkout_session_id (str):
        status_details (CheckoutSessionStatusDetails): The state of a Checkout Session and why it is in it.
        charge_permission_id (None | str | Unset): Set once the session is Completed.
        charge_id (None | str | Unset): Set once the session is Completed with an authorization.
        creation_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        expiration_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        platform_id (None | str | Unset):
        provider_metadata (ProviderMetadata | Unset): Payment service provider order details (PSPs only).
        buyer (Buyer | None | Unset):
        shipping_address (Address | None | Unset):
        billing_address (Address | None | Unset):
        payment_preferences (list[None | PaymentPreference] | None | Unset):
        constraints (list[Constraint] | Unset):
        store_id (str | Unset):
        delivery_specifications (DeliverySpecifications | None | Unset):
        supplementary_data (None | str | Unset): Amazon Pay system data.
        release_environment (ReleaseEnvironment | Unset): The environment the object was created in.
        checkout_button_text (None | str | Unset):
        product_type (None | ProductType | Unset):
        charge_permission_type (ChargePermissionType | None | Unset):
        recurring_metadata (None | RecurringMetadata | Unset):
        payment_method_on_file_metadata (None | PaymentMethodOnFileMetadata | Unset):
        multi_addresses_checkout_metadata (list[MultiAddressesCheckoutMetadata] | None | Unset):
        shipping_address_list (list[AddressWithId | str] | None | Unset): The service sends each address as JSON text of
            an AddressWithId, which every official SDK decodes (Java `Util.enhanceResponseWithShippingAddressList` and its
            test `UtilTest.testEnhanceResponseWithShippingAddressList`; .NET `Client.cs`; Node
            `clientHelper.enhanceResponseWithShippingAddressList`; PHP `Client::enhanceResponseWithShippingAddressList`);
            .NET models the decoded object. Both forms are read: json.loads a string item to get the address.
        amazon_pay_token (None | str | Unset):
        web_checkout_details (None | Unset | WebCheckoutDetails):
        payment_details (None | PaymentDetails | Unset):
        merchant_metadata (MerchantMetadata | None | Unset):
    """

    __slots__ = (
        "checkout_session_id",
        "status_details",
        "charge_permission_id",
        "charge_id",
        "creation_timestamp",
        "expiration_timestamp",
        "platform_id",
        "provider_metadata",
        "buyer",
        "shipping_address",
        "billing_address",
        "payment_preferences",
        "constraints",
        "store_id",
        "delivery_specifications",
        "supplementary_data",
        "release_environment",
        "checkout_button_text",
        "product_type",
        "charge_permission_type",
        "recurring_metadata",
        "payment_method_on_file_metadata",
        "multi_addresses_checkout_metadata",
        "shipping_address_list",
        "amazon_pay_token",
        "web_checkout_details",
        "payment_details",
        "merchant_metadata",
        "additional_properties",
    )
    __match_args__ = (
        "checkout_session_id",
        "status_details",
        "charge_permission_id",
        "charge_id",
        "creation_timestamp",
        "expiration_timestamp",
        "platform_id",
        "provider_metadata",
        "buyer",
        "shipping_address",
        "billing_address",
        "payment_preferences",
        "constraints",
        "store_id",
        "delivery_specifications",
        "supplementary_data",
        "release_environment",
        "checkout_button_text",
        "product_type",
        "charge_permission_type",
        "recurring_metadata",
        "payment_method_on_file_metadata",
        "multi_addresses_checkout_metadata",
        "shipping_address_list",
        "amazon_pay_token",
        "web_checkout_details",
        "payment_details",
        "merchant_metadata",
    )

    checkout_session_id: str
    status_details: CheckoutSessionStatusDetails
    charge_permission_id: None | str | Unset
    charge_id: None | str | Unset
    creation_timestamp: str | Unset
    expiration_timestamp: str | Unset
    platform_id: None | str | Unset
    provider_metadata: ProviderMetadata | Unset
    buyer: Buyer | None | Unset
    shipping_address: Address | None | Unset
    billing_address: Address | None | Unset
    payment_preferences: list[None | PaymentPreference] | None | Unset
    constraints: list[Constraint] | Unset
    store_id: str | Unset
    delivery_specifications: DeliverySpecifications | None | Unset
    supplementary_data: None | str | Unset
    release_environment: ReleaseEnvironment | Unset
    checkout_button_text: None | str | Unset
    product_type: None | ProductType | Unset
    charge_permission_type: ChargePermissionType | None | Unset
    recurring_metadata: None | RecurringMetadata | Unset
    payment_method_on_file_metadata: None | PaymentMethodOnFileMetadata | Unset
    multi_addresses_checkout_metadata: (
        list[MultiAddressesCheckoutMetadata] | None | Unset
    )
    shipping_address_list: list[AddressWithId | str] | None | Unset
    amazon_pay_token: None | str | Unset
    web_checkout_details: None | Unset | WebCheckoutDetails
    payment_details: None | PaymentDetails | Unset
    merchant_metadata: MerchantMetadata | None | Unset
    additional_properties: dict[str, Any]
    _secret_fields = frozenset({"amazon_pay_token"})

    def __init__(
        self,
        checkout_session_id: str,
        status_details: CheckoutSessionStatusDetails,
        charge_permission_id: None | str | Unset = UNSET,
        charge_id: None | str | Unset = UNSET,
        creation_timestamp: str | Unset = UNSET,
        expiration_timestamp: str | Unset = UNSET,
        platform_id: None | str | Unset = UNSET,
        provider_metadata: ProviderMetadata | Unset = UNSET,
        buyer: Buyer | None | Unset = UNSET,
        shipping_address: Address | None | Unset = UNSET,
        billing_address: Address | None | Unset = UNSET,
        payment_preferences: list[None | PaymentPreference] | None | Unset = UNSET,
        constraints: list[Constraint] | Unset = UNSET,
        store_id: str | Unset = UNSET,
        delivery_specifications: DeliverySpecifications | None | Unset = UNSET,
        supplementary_data: None | str | Unset = UNSET,
        release_environment: ReleaseEnvironment | Unset = UNSET,
        checkout_button_text: None | str | Unset = UNSET,
        product_type: None | ProductType | Unset = UNSET,
        charge_permission_type: ChargePermissionType | None | Unset = UNSET,
        recurring_metadata: None | RecurringMetadata | Unset = UNSET,
        payment_method_on_file_metadata: None
        | PaymentMethodOnFileMetadata
        | Unset = UNSET,
        multi_addresses_checkout_metadata: list[MultiAddressesCheckoutMetadata]
        | None
        | Unset = UNSET,
        shipping_address_list: list[AddressWithId | str] | None | Unset = UNSET,
        amazon_pay_token: None | str | Unset = UNSET,
        web_checkout_details: None | Unset | WebCheckoutDetails = UNSET,
        payment_details: None | PaymentDetails | Unset = UNSET,
        merchant_metadata: MerchantMetadata | None | Unset = UNSET,
    ) -> None:
        self.checkout_session_id = checkout_session_id
        self.status_details = status_details
        self.charge_permission_id = charge_permission_id
        self.charge_id = charge_id
        self.creation_timestamp = creation_timestamp
        self.expiration_timestamp = expiration_timestamp
        self.platform_id = platform_id
        self.provider_metadata = provider_metadata
        self.buyer = buyer
        self.shipping_address = shipping_address
        self.billing_address = billing_address
        self.payment_preferences = payment_preferences
        self.constraints = constraints
        self.store_id = store_id
        self.delivery_specifications = delivery_specifications
        self.supplementary_data = supplementary_data
        self.release_environment = release_environment
        self.checkout_button_text = checkout_button_text
        self.product_type = product_type
        self.charge_permission_type = charge_permission_type
        self.recurring_metadata = recurring_metadata
        self.payment_method_on_file_metadata = payment_method_on_file_metadata
        self.multi_addresses_checkout_metadata = multi_addresses_checkout_metadata
        self.shipping_address_list = shipping_address_list
        self.amazon_pay_token = amazon_pay_token
        self.web_checkout_details = web_checkout_details
        self.payment_details = payment_details
        self.merchant_metadata = merchant_metadata
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.address import Address  # noqa: PLC0415
        from amazonpay_api.models.address_with_id import AddressWithId  # noqa: PLC0415
        from amazonpay_api.models.buyer import Buyer  # noqa: PLC0415
        from amazonpay_api.models.charge_permission_type import ChargePermissionType  # noqa: PLC0415
        from amazonpay_api.models.delivery_specifications import DeliverySpecifications  # noqa: PLC0415
        from amazonpay_api.models.merchant_metadata import MerchantMetadata  # noqa: PLC0415
        from amazonpay_api.models.payment_details import PaymentDetails  # noqa: PLC0415
        from amazonpay_api.models.payment_method_on_file_metadata import (
            PaymentMethodOnFileMetadata,  # noqa: PLC0415
        )
        from amazonpay_api.models.payment_preference import PaymentPreference  # noqa: PLC0415
        from amazonpay_api.models.product_type import ProductType  # noqa: PLC0415
        from amazonpay_api.models.recurring_metadata import RecurringMetadata  # noqa: PLC0415
        from amazonpay_api.models.web_checkout_details import WebCheckoutDetails  # noqa: PLC0415

        checkout_session_id = self.checkout_session_id

        status_details = self.status_details.to_dict()

        charge_permission_id: None | str | Unset
        if isinstance(self.charge_permission_id, Unset):
            charge_permission_id = UNSET
        else:
            charge_permission_id = self.charge_permission_id

        charge_id: None | str | Unset
        if isinstance(self.charge_id, Unset):
            charge_id = UNSET
        else:
            charge_id = self.charge_id

        creation_timestamp = self.creation_timestamp

        expiration_timestamp = self.expiration_timestamp

        platform_id: None | str | Unset
        if isinstance(self.platform_id, Unset):
            platform_id = UNSET
        else:
            platform_id = self.platform_id

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        buyer: dict[str, Any] | None | Unset
        if isinstance(self.buyer, Unset):
            buyer = UNSET
        elif isinstance(self.buyer, Buyer):
            buyer = self.buyer.to_dict()
        else:
            buyer = self.buyer

        shipping_address: dict[str, Any] | None | Unset
        if isinstance(self.shipping_address, Unset):
            shipping_address = UNSET
        elif isinstance(self.shipping_address, Address):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        billing_address: dict[str, Any] | None | Unset
        if isinstance(self.billing_address, Unset):
            billing_address = UNSET
        elif isinstance(self.billing_address, Address):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        payment_preferences: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.payment_preferences, Unset):
            payment_preferences = UNSET
        elif isinstance(self.payment_preferences, list):
            payment_preferences = []
            for payment_preferences_type_0_item_data in self.payment_preferences:
                payment_preferences_type_0_item: dict[str, Any] | None
                if isinstance(payment_preferences_type_0_item_data, PaymentPreference):
                    payment_preferences_type_0_item = (
                        payment_preferences_type_0_item_data.to_dict()
                    )
                else:
                    payment_preferences_type_0_item = (
                        payment_preferences_type_0_item_data
                    )
                payment_preferences.append(payment_preferences_type_0_item)

        else:
            payment_preferences = self.payment_preferences

        constraints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.constraints, Unset):
            constraints = []
            for constraints_item_data in self.constraints:
                constraints_item = constraints_item_data.to_dict()
                constraints.append(constraints_item)

        store_id = self.store_id

        delivery_specifications: dict[str, Any] | None | Unset
        if isinstance(self.delivery_specifications, Unset):
            delivery_specifications = UNSET
        elif isinstance(self.delivery_specifications, DeliverySpecifications):
            delivery_specifications = self.delivery_specifications.to_dict()
        else:
            delivery_specifications = self.delivery_specifications

        supplementary_data: None | str | Unset
        if isinstance(self.supplementary_data, Unset):
            supplementary_data = UNSET
        else:
            supplementary_data = self.supplementary_data

        release_environment: str | Unset = UNSET
        if not isinstance(self.release_environment, Unset):
            release_environment = self.release_environment.value

        checkout_button_text: None | str | Unset
        if isinstance(self.checkout_button_text, Unset):
            checkout_button_text = UNSET
        else:
            checkout_button_text = self.checkout_button_text

        product_type: None | str | Unset
        if isinstance(self.product_type, Unset):
            product_type = UNSET
        elif isinstance(self.product_type, ProductType):
            product_type = self.product_type.value
        else:
            product_type = self.product_type

        charge_permission_type: None | str | Unset
        if isinstance(self.charge_permission_type, Unset):
            charge_permission_type = UNSET
        elif isinstance(self.charge_permission_type, ChargePermissionType):
            charge_permission_type = self.charge_permission_type.value
        else:
            charge_permission_type = self.charge_permission_type

        recurring_metadata: dict[str, Any] | None | Unset
        if isinstance(self.recurring_metadata, Unset):
            recurring_metadata = UNSET
        elif isinstance(self.recurring_metadata, RecurringMetadata):
            recurring_metadata = self.recurring_metadata.to_dict()
        else:
            recurring_metadata = self.recurring_metadata

        payment_method_on_file_metadata: dict[str, Any] | None | Unset
        if isinstance(self.payment_method_on_file_metadata, Unset):
            payment_method_on_file_metadata = UNSET
        elif isinstance(
            self.payment_method_on_file_metadata, PaymentMethodOnFileMetadata
        ):
            payment_method_on_file_metadata = (
                self.payment_method_on_file_metadata.to_dict()
            )
        else:
            payment_method_on_file_metadata = self.payment_method_on_file_metadata

        multi_addresses_checkout_metadata: list[dict[str, Any]] | None | Unset
        if isinstance(self.multi_addresses_checkout_metadata, Unset):
            multi_addresses_checkout_metadata = UNSET
        elif isinstance(self.multi_addresses_checkout_metadata, list):
            multi_addresses_checkout_metadata = []
            for (
                multi_addresses_checkout_metadata_type_0_item_data
            ) in self.multi_addresses_checkout_metadata:
                multi_addresses_checkout_metadata_type_0_item = (
                    multi_addresses_checkout_metadata_type_0_item_data.to_dict()
                )
                multi_addresses_checkout_metadata.append(
                    multi_addresses_checkout_metadata_type_0_item
                )

        else:
            multi_addresses_checkout_metadata = self.multi_addresses_checkout_metadata

        shipping_address_list: list[dict[str, Any] | str] | None | Unset
        if isinstance(self.shipping_address_list, Unset):
            shipping_address_list = UNSET
        elif isinstance(self.shipping_address_list, list):
            shipping_address_list = []
            for shipping_address_list_type_0_item_data in self.shipping_address_list:
                shipping_address_list_type_0_item: dict[str, Any] | str
                if isinstance(shipping_address_list_type_0_item_data, AddressWithId):
                    shipping_address_list_type_0_item = (
                        shipping_address_list_type_0_item_data.to_dict()
                    )
                else:
                    shipping_address_list_type_0_item = (
                        shipping_address_list_type_0_item_data
                    )
                shipping_address_list.append(shipping_address_list_type_0_item)

        else:
            shipping_address_list = self.shipping_address_list

        amazon_pay_token: None | str | Unset
        if isinstance(self.amazon_pay_token, Unset):
            amazon_pay_token = UNSET
        else:
            amazon_pay_token = self.amazon_pay_token

        web_checkout_details: dict[str, Any] | None | Unset
        if isinstance(self.web_checkout_details, Unset):
            web_checkout_details = UNSET
        elif isinstance(self.web_checkout_details, WebCheckoutDetails):
            web_checkout_details = self.web_checkout_details.to_dict()
        else:
            web_checkout_details = self.web_checkout_details

        payment_details: dict[str, Any] | None | Unset
        if isinstance(self.payment_details, Unset):
            payment_details = UNSET
        elif isinstance(self.payment_details, PaymentDetails):
            payment_details = self.payment_details.to_dict()
        else:
            payment_details = self.payment_details

        merchant_metadata: dict[str, Any] | None | Unset
        if isinstance(self.merchant_metadata, Unset):
            merchant_metadata = UNSET
        elif isinstance(self.merchant_metadata, MerchantMetadata):
            merchant_metadata = self.merchant_metadata.to_dict()
        else:
            merchant_metadata = self.merchant_metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkoutSessionId": checkout_session_id,
                "statusDetails": status_details,
            }
        )
        if charge_permission_id is not UNSET:
            field_dict["chargePermissionId"] = charge_permission_id
        if charge_id is not UNSET:
            field_dict["chargeId"] = charge_id
        if creation_timestamp is not UNSET:
            field_dict["creationTimestamp"] = creation_timestamp
        if expiration_timestamp is not UNSET:
            field_dict["expirationTimestamp"] = expiration_timestamp
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata
        if buyer is not UNSET:
            field_dict["buyer"] = buyer
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if payment_preferences is not UNSET:
            field_dict["paymentPreferences"] = payment_preferences
        if constraints is not UNSET:
            field_dict["constraints"] = constraints
        if store_id is not UNSET:
            field_dict["storeId"] = store_id
        if delivery_specifications is not UNSET:
            field_dict["deliverySpecifications"] = delivery_specifications
        if supplementary_data is not UNSET:
            field_dict["supplementaryData"] = supplementary_data
        if release_environment is not UNSET:
            field_dict["releaseEnvironment"] = release_environment
        if checkout_button_text is not UNSET:
            field_dict["checkoutButtonText"] = checkout_button_text
        if product_type is not UNSET:
            field_dict["productType"] = product_type
        if charge_permission_type is not UNSET:
            field_dict["chargePermissionType"] = charge_permission_type
        if recurring_metadata is not UNSET:
            field_dict["recurringMetadata"] = recurring_metadata
        if payment_method_on_file_metadata is not UNSET:
            field_dict["paymentMethodOnFileMetadata"] = payment_method_on_file_metadata
        if multi_addresses_checkout_metadata is not UNSET:
            field_dict["multiAddressesCheckoutMetadata"] = (
                multi_addresses_checkout_metadata
            )
        if shipping_address_list is not UNSET:
            field_dict["shippingAddressList"] = shipping_address_list
        if amazon_pay_token is not UNSET:
            field_dict["amazonPayToken"] = amazon_pay_token
        if web_checkout_details is not UNSET:
            field_dict["webCheckoutDetails"] = web_checkout_details
        if payment_details is not UNSET:
            field_dict["paymentDetails"] = payment_details
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        checkout_session_id = d.pop("checkoutSessionId")

        from amazonpay_api.models.checkout_session_status_details import (
            CheckoutSessionStatusDetails,  # noqa: PLC0415
        )

        status_details = CheckoutSessionStatusDetails.from_dict(d.pop("statusDetails"))

        def _parse_charge_permission_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        charge_permission_id = _parse_charge_permission_id(
            d.pop("chargePermissionId", UNSET)
        )

        def _parse_charge_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        charge_id = _parse_charge_id(d.pop("chargeId", UNSET))

        creation_timestamp = d.pop("creationTimestamp", UNSET)

        expiration_timestamp = d.pop("expirationTimestamp", UNSET)

        def _parse_platform_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        platform_id = _parse_platform_id(d.pop("platformId", UNSET))

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: ProviderMetadata | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            from amazonpay_api.models.provider_metadata import ProviderMetadata  # noqa: PLC0415

            provider_metadata = ProviderMetadata.from_dict(_provider_metadata)

        def _parse_buyer(data: object) -> Buyer | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.buyer import Buyer  # noqa: PLC0415

                buyer_type_0 = Buyer.from_dict(data)

                return buyer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Buyer | None | Unset", data)

        buyer = _parse_buyer(d.pop("buyer", UNSET))

        def _parse_shipping_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.address import Address  # noqa: PLC0415

                shipping_address_type_0 = Address.from_dict(data)

                return shipping_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Address | None | Unset", data)

        shipping_address = _parse_shipping_address(d.pop("shippingAddress", UNSET))

        def _parse_billing_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.address import Address  # noqa: PLC0415

                billing_address_type_0 = Address.from_dict(data)

                return billing_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Address | None | Unset", data)

        billing_address = _parse_billing_address(d.pop("billingAddress", UNSET))

        def _parse_payment_preferences(
            data: object,
        ) -> list[None | PaymentPreference] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                payment_preferences_type_0 = []
                _payment_preferences_type_0 = data
                for payment_preferences_type_0_item_data in _payment_preferences_type_0:

                    def _parse_payment_preferences_type_0_item(
                        data: object,
                    ) -> None | PaymentPreference:
                        if data is None:
                            return data
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            from amazonpay_api.models.payment_preference import (
                                PaymentPreference,  # noqa: PLC0415
                            )

                            payment_preferences_type_0_item_type_0 = (
                                PaymentPreference.from_dict(data)
                            )

                            return payment_preferences_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast("None | PaymentPreference", data)

                    payment_preferences_type_0_item = (
                        _parse_payment_preferences_type_0_item(
                            payment_preferences_type_0_item_data
                        )
                    )

                    payment_preferences_type_0.append(payment_preferences_type_0_item)

                return payment_preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[None | PaymentPreference] | None | Unset", data)

        payment_preferences = _parse_payment_preferences(
            d.pop("paymentPreferences", UNSET)
        )

        _constraints = d.pop("constraints", UNSET)
        constraints: list[Constraint] | Unset = UNSET
        if _constraints is not UNSET:
            constraints = []
            for constraints_item_data in _constraints:
                from amazonpay_api.models.constraint import Constraint  # noqa: PLC0415

                constraints_item = Constraint.from_dict(constraints_item_data)

                constraints.append(constraints_item)

        store_id = d.pop("storeId", UNSET)

        def _parse_delivery_specifications(
            data: object,
        ) -> DeliverySpecifications | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.delivery_specifications import (
                    DeliverySpecifications,  # noqa: PLC0415
                )

                delivery_specifications_type_0 = DeliverySpecifications.from_dict(data)

                return delivery_specifications_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("DeliverySpecifications | None | Unset", data)

        delivery_specifications = _parse_delivery_specifications(
            d.pop("deliverySpecifications", UNSET)
        )

        def _parse_supplementary_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        supplementary_data = _parse_supplementary_data(
            d.pop("supplementaryData", UNSET)
        )

        _release_environment = d.pop("releaseEnvironment", UNSET)
        release_environment: ReleaseEnvironment | Unset
        if isinstance(_release_environment, Unset):
            release_environment = UNSET
        else:
            from amazonpay_api.models.release_environment import ReleaseEnvironment  # noqa: PLC0415

            release_environment = ReleaseEnvironment(_release_environment)

        def _parse_checkout_button_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        checkout_button_text = _parse_checkout_button_text(
            d.pop("checkoutButtonText", UNSET)
        )

        def _parse_product_type(data: object) -> None | ProductType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.product_type import ProductType  # noqa: PLC0415

                product_type_type_0 = ProductType(data)

                return product_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | ProductType | Unset", data)

        product_type = _parse_product_type(d.pop("productType", UNSET))

        def _parse_charge_permission_type(
            data: object,
        ) -> ChargePermissionType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.charge_permission_type import (
                    ChargePermissionType,  # noqa: PLC0415
                )

                charge_permission_type_type_0 = ChargePermissionType(data)

                return charge_permission_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("ChargePermissionType | None | Unset", data)

        charge_permission_type = _parse_charge_permission_type(
            d.pop("chargePermissionType", UNSET)
        )

        def _parse_recurring_metadata(data: object) -> None | RecurringMetadata | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.recurring_metadata import RecurringMetadata  # noqa: PLC0415

                recurring_metadata_type_0 = RecurringMetadata.from_dict(data)

                return recurring_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | RecurringMetadata | Unset", data)

        recurring_metadata = _parse_recurring_metadata(
            d.pop("recurringMetadata", UNSET)
        )

        def _parse_payment_method_on_file_metadata(
            data: object,
        ) -> None | PaymentMethodOnFileMetadata | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.payment_method_on_file_metadata import (
                    PaymentMethodOnFileMetadata,  # noqa: PLC0415
                )

                payment_method_on_file_metadata_type_0 = (
                    PaymentMethodOnFileMetadata.from_dict(data)
                )

                return payment_method_on_file_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | PaymentMethodOnFileMetadata | Unset", data)

        payment_method_on_file_metadata = _parse_payment_method_on_file_metadata(
            d.pop("paymentMethodOnFileMetadata", UNSET)
        )

        def _parse_multi_addresses_checkout_metadata(
            data: object,
        ) -> list[MultiAddressesCheckoutMetadata] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                multi_addresses_checkout_metadata_type_0 = []
                _multi_addresses_checkout_metadata_type_0 = data
                for (
                    multi_addresses_checkout_metadata_type_0_item_data
                ) in _multi_addresses_checkout_metadata_type_0:
                    from amazonpay_api.models.multi_addresses_checkout_metadata import (
                        MultiAddressesCheckoutMetadata,  # noqa: PLC0415
                    )

                    multi_addresses_checkout_metadata_type_0_item = (
                        MultiAddressesCheckoutMetadata.from_dict(
                            multi_addresses_checkout_metadata_type_0_item_data
                        )
                    )

                    multi_addresses_checkout_metadata_type_0.append(
                        multi_addresses_checkout_metadata_type_0_item
                    )

                return multi_addresses_checkout_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[MultiAddressesCheckoutMetadata] | None | Unset", data)

        multi_addresses_checkout_metadata = _parse_multi_addresses_checkout_metadata(
            d.pop("multiAddressesCheckoutMetadata", UNSET)
        )

        def _parse_shipping_address_list(
            data: object,
        ) -> list[AddressWithId | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                shipping_address_list_type_0 = []
                _shipping_address_list_type_0 = data
                for (
                    shipping_address_list_type_0_item_data
                ) in _shipping_address_list_type_0:

                    def _parse_shipping_address_list_type_0_item(
                        data: object,
                    ) -> AddressWithId | str:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            from amazonpay_api.models.address_with_id import (
                                AddressWithId,  # noqa: PLC0415
                            )

                            shipping_address_list_type_0_item_type_0 = (
                                AddressWithId.from_dict(data)
                            )

                            return shipping_address_list_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast("AddressWithId | str", data)

                    shipping_address_list_type_0_item = (
                        _parse_shipping_address_list_type_0_item(
                            shipping_address_list_type_0_item_data
                        )
                    )

                    shipping_address_list_type_0.append(
                        shipping_address_list_type_0_item
                    )

                return shipping_address_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[AddressWithId | str] | None | Unset", data)

        shipping_address_list = _parse_shipping_address_list(
            d.pop("shippingAddressList", UNSET)
        )

        def _parse_amazon_pay_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        amazon_pay_token = _parse_amazon_pay_token(d.pop("amazonPayToken", UNSET))

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

        def _parse_payment_details(data: object) -> None | PaymentDetails | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.payment_details import PaymentDetails  # noqa: PLC0415

                payment_details_type_0 = PaymentDetails.from_dict(data)

                return payment_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | PaymentDetails | Unset", data)

        payment_details = _parse_payment_details(d.pop("paymentDetails", UNSET))

        def _parse_merchant_metadata(data: object) -> MerchantMetadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.merchant_metadata import MerchantMetadata  # noqa: PLC0415

                merchant_metadata_type_0 = MerchantMetadata.from_dict(data)

                return merchant_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("MerchantMetadata | None | Unset", data)

        merchant_metadata = _parse_merchant_metadata(d.pop("merchantMetadata", UNSET))

        checkout_session = cls(
            checkout_session_id=checkout_session_id,
            status_details=status_details,
            charge_permission_id=charge_permission_id,
            charge_id=charge_id,
            creation_timestamp=creation_timestamp,
            expiration_timestamp=expiration_timestamp,
            platform_id=platform_id,
            provider_metadata=provider_metadata,
            buyer=buyer,
            shipping_address=shipping_address,
            billing_address=billing_address,
            payment_preferences=payment_preferences,
            constraints=constraints,
            store_id=store_id,
            delivery_specifications=delivery_specifications,
            supplementary_data=supplementary_data,
            release_environment=release_environment,
            checkout_button_text=checkout_button_text,
            product_type=product_type,
            charge_permission_type=charge_permission_type,
            recurring_metadata=recurring_metadata,
            payment_method_on_file_metadata=payment_method_on_file_metadata,
            multi_addresses_checkout_metadata=multi_addresses_checkout_metadata,
            shipping_address_list=shipping_address_list,
            amazon_pay_token=amazon_pay_token,
            web_checkout_details=web_checkout_details,
            payment_details=payment_details,
            merchant_metadata=merchant_metadata,
        )

        checkout_session.additional_properties = d
        return checkout_session

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
