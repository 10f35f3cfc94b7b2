from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.buyer import Buyer
    from ..models.charge_permission_limits import ChargePermissionLimits
    from ..models.charge_permission_status_details import ChargePermissionStatusDetails
    from ..models.charge_permission_type import ChargePermissionType
    from ..models.merchant_metadata import MerchantMetadata
    from ..models.payment_method_on_file_metadata import PaymentMethodOnFileMetadata
    from ..models.payment_preference import PaymentPreference
    from ..models.recurring_metadata import RecurringMetadata
    from ..models.release_environment import ReleaseEnvironment


class ChargePermission(_Model):
    """
    Attributes:
        charge_permission_id (str):
        status_details (ChargePermissionStatusDetails): The state of a Charge Permission and the reasons for it.
        limits (ChargePermissionLimits | Unset):
        creation_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        charge_permission_type (ChargePermissionType | Unset):
        merchant_metadata (MerchantMetadata | Unset):
        release_environment (ReleaseEnvironment | Unset): The environment the object was created in.
        buyer (Buyer | None | Unset):
        shipping_address (Address | None | Unset):
        billing_address (Address | None | Unset):
        expiration_timestamp (None | str | Unset):
        charge_permission_reference_id (None | str | Unset):
        platform_id (None | str | Unset):
        payment_preferences (list[None | PaymentPreference] | None | Unset):
        presentment_currency (None | str | Unset):
        recurring_metadata (None | RecurringMetadata | Unset):
        payment_method_on_file_metadata (None | PaymentMethodOnFileMetadata | Unset):
        amazon_pay_token (None | str | Unset):
    """

    __slots__ = (
        "charge_permission_id",
        "status_details",
        "limits",
        "creation_timestamp",
        "charge_permission_type",
        "merchant_metadata",
        "release_environment",
        "buyer",
        "shipping_address",
        "billing_address",
        "expiration_timestamp",
        "charge_permission_reference_id",
        "platform_id",
        "payment_preferences",
        "presentment_currency",
        "recurring_metadata",
        "payment_method_on_file_metadata",
        "amazon_pay_token",
        "additional_properties",
    )
    __match_args__ = (
        "charge_permission_id",
        "status_details",
        "limits",
        "creation_timestamp",
        "charge_permission_type",
        "merchant_metadata",
        "release_environment",
        "buyer",
        "shipping_address",
        "billing_address",
        "expiration_timestamp",
        "charge_permission_reference_id",
        "platform_id",
        "payment_preferences",
        "presentment_currency",
        "recurring_metadata",
        "payment_method_on_file_metadata",
        "amazon_pay_token",
    )

    charge_permission_id: str
    status_details: ChargePermissionStatusDetails
    limits: ChargePermissionLimits | Unset
    creation_timestamp: str | Unset
    charge_permission_type: ChargePermissionType | Unset
    merchant_metadata: MerchantMetadata | Unset
    release_environment: ReleaseEnvironment | Unset
    buyer: Buyer | None | Unset
    shipping_address: Address | None | Unset
    billing_address: Address | None | Unset
    expiration_timestamp: None | str | Unset
    charge_permission_reference_id: None | str | Unset
    platform_id: None | str | Unset
    payment_preferences: list[None | PaymentPreference] | None | Unset
    presentment_currency: None | str | Unset
    recurring_metadata: None | RecurringMetadata | Unset
    payment_method_on_file_metadata: None | PaymentMethodOnFileMetadata | Unset
    amazon_pay_token: None | str | Unset
    additional_properties: dict[str, Any]
    _secret_fields = frozenset({"amazon_pay_token"})

    def __init__(
        self,
        charge_permission_id: str,
        status_details: ChargePermissionStatusDetails,
        limits: ChargePermissionLimits | Unset = UNSET,
        creation_timestamp: str | Unset = UNSET,
        charge_permission_type: ChargePermissionType | Unset = UNSET,
        merchant_metadata: MerchantMetadata | Unset = UNSET,
        release_environment: ReleaseEnvironment | Unset = UNSET,
        buyer: Buyer | None | Unset = UNSET,
        shipping_address: Address | None | Unset = UNSET,
        billing_address: Address | None | Unset = UNSET,
        expiration_timestamp: None | str | Unset = UNSET,
        charge_permission_reference_id: None | str | Unset = UNSET,
        platform_id: None | str | Unset = UNSET,
        payment_preferences: list[None | PaymentPreference] | None | Unset = UNSET,
        presentment_currency: None | str | Unset = UNSET,
        recurring_metadata: None | RecurringMetadata | Unset = UNSET,
        payment_method_on_file_metadata: None
        | PaymentMethodOnFileMetadata
        | Unset = UNSET,
        amazon_pay_token: None | str | Unset = UNSET,
    ) -> None:
        self.charge_permission_id = charge_permission_id
        self.status_details = status_details
        self.limits = limits
        self.creation_timestamp = creation_timestamp
        self.charge_permission_type = charge_permission_type
        self.merchant_metadata = merchant_metadata
        self.release_environment = release_environment
        self.buyer = buyer
        self.shipping_address = shipping_address
        self.billing_address = billing_address
        self.expiration_timestamp = expiration_timestamp
        self.charge_permission_reference_id = charge_permission_reference_id
        self.platform_id = platform_id
        self.payment_preferences = payment_preferences
        self.presentment_currency = presentment_currency
        self.recurring_metadata = recurring_metadata
        self.payment_method_on_file_metadata = payment_method_on_file_metadata
        self.amazon_pay_token = amazon_pay_token
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.address import Address  # noqa: PLC0415
        from amazonpay_api.models.buyer import Buyer  # noqa: PLC0415
        from amazonpay_api.models.payment_method_on_file_metadata import (
            PaymentMethodOnFileMetadata,  # noqa: PLC0415
        )
        from amazonpay_api.models.payment_preference import PaymentPreference  # noqa: PLC0415
        from amazonpay_api.models.recurring_metadata import RecurringMetadata  # noqa: PLC0415

        charge_permission_id = self.charge_permission_id

        status_details = self.status_details.to_dict()

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

        creation_timestamp = self.creation_timestamp

        charge_permission_type: str | Unset = UNSET
        if not isinstance(self.charge_permission_type, Unset):
            charge_permission_type = self.charge_permission_type.value

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        release_environment: str | Unset = UNSET
        if not isinstance(self.release_environment, Unset):
            release_environment = self.release_environment.value

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

        expiration_timestamp: None | str | Unset
        if isinstance(self.expiration_timestamp, Unset):
            expiration_timestamp = UNSET
        else:
            expiration_timestamp = self.expiration_timestamp

        charge_permission_reference_id: None | str | Unset
        if isinstance(self.charge_permission_reference_id, Unset):
            charge_permission_reference_id = UNSET
        else:
            charge_permission_reference_id = self.charge_permission_reference_id

        platform_id: None | str | Unset
        if isinstance(self.platform_id, Unset):
            platform_id = UNSET
        else:
            platform_id = self.platform_id

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

        presentment_currency: None | str | Unset
        if isinstance(self.presentment_currency, Unset):
            presentment_currency = UNSET
        else:
            presentment_currency = self.presentment_currency

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

        amazon_pay_token: None | str | Unset
        if isinstance(self.amazon_pay_token, Unset):
            amazon_pay_token = UNSET
        else:
            amazon_pay_token = self.amazon_pay_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chargePermissionId": charge_permission_id,
                "statusDetails": status_details,
            }
        )
        if limits is not UNSET:
            field_dict["limits"] = limits
        if creation_timestamp is not UNSET:
            field_dict["creationTimestamp"] = creation_timestamp
        if charge_permission_type is not UNSET:
            field_dict["chargePermissionType"] = charge_permission_type
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if release_environment is not UNSET:
            field_dict["releaseEnvironment"] = release_environment
        if buyer is not UNSET:
            field_dict["buyer"] = buyer
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if expiration_timestamp is not UNSET:
            field_dict["expirationTimestamp"] = expiration_timestamp
        if charge_permission_reference_id is not UNSET:
            field_dict["chargePermissionReferenceId"] = charge_permission_reference_id
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if payment_preferences is not UNSET:
            field_dict["paymentPreferences"] = payment_preferences
        if presentment_currency is not UNSET:
            field_dict["presentmentCurrency"] = presentment_currency
        if recurring_metadata is not UNSET:
            field_dict["recurringMetadata"] = recurring_metadata
        if payment_method_on_file_metadata is not UNSET:
            field_dict["paymentMethodOnFileMetadata"] = payment_method_on_file_metadata
        if amazon_pay_token is not UNSET:
            field_dict["amazonPayToken"] = amazon_pay_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charge_permission_id = d.pop("chargePermissionId")

        from amazonpay_api.models.charge_permission_status_details import (
            ChargePermissionStatusDetails,  # noqa: PLC0415
        )

        status_details = ChargePermissionStatusDetails.from_dict(d.pop("statusDetails"))

        _limits = d.pop("limits", UNSET)
        limits: ChargePermissionLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            from amazonpay_api.models.charge_permission_limits import (
                ChargePermissionLimits,  # noqa: PLC0415
            )

            limits = ChargePermissionLimits.from_dict(_limits)

        creation_timestamp = d.pop("creationTimestamp", UNSET)

        _charge_permission_type = d.pop("chargePermissionType", UNSET)
        charge_permission_type: ChargePermissionType | Unset
        if isinstance(_charge_permission_type, Unset):
            charge_permission_type = UNSET
        else:
            from amazonpay_api.models.charge_permission_type import ChargePermissionType  # noqa: PLC0415

            charge_permission_type = ChargePermissionType(_charge_permission_type)

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadata | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            from amazonpay_api.models.merchant_metadata import MerchantMetadata  # noqa: PLC0415

            merchant_metadata = MerchantMetadata.from_dict(_merchant_metadata)

        _release_environment = d.pop("releaseEnvironment", UNSET)
        release_environment: ReleaseEnvironment | Unset
        if isinstance(_release_environment, Unset):
            release_environment = UNSET
        else:
            from amazonpay_api.models.release_environment import ReleaseEnvironment  # noqa: PLC0415

            release_environment = ReleaseEnvironment(_release_environment)

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

        def _parse_expiration_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        expiration_timestamp = _parse_expiration_timestamp(
            d.pop("expirationTimestamp", UNSET)
        )

        def _parse_charge_permission_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        charge_permission_reference_id = _parse_charge_permission_reference_id(
            d.pop("chargePermissionReferenceId", UNSET)
        )

        def _parse_platform_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        platform_id = _parse_platform_id(d.pop("platformId", UNSET))

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

        def _parse_presentment_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        presentment_currency = _parse_presentment_currency(
            d.pop("presentmentCurrency", UNSET)
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

        def _parse_amazon_pay_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        amazon_pay_token = _parse_amazon_pay_token(d.pop("amazonPayToken", UNSET))

        charge_permission = cls(
            charge_permission_id=charge_permission_id,
            status_details=status_details,
            limits=limits,
            creation_timestamp=creation_timestamp,
            charge_permission_type=charge_permission_type,
            merchant_metadata=merchant_metadata,
            release_environment=release_environment,
            buyer=buyer,
            shipping_address=shipping_address,
            billing_address=billing_address,
            expiration_timestamp=expiration_timestamp,
            charge_permission_reference_id=charge_permission_reference_id,
            platform_id=platform_id,
            payment_preferences=payment_preferences,
            presentment_currency=presentment_currency,
            recurring_metadata=recurring_metadata,
            payment_method_on_file_metadata=payment_method_on_file_metadata,
            amazon_pay_token=amazon_pay_token,
        )

        charge_permission.additional_properties = d
        return charge_permission

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
