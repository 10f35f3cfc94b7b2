from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.charge_permission_type import ChargePermissionType
    from ..models.merchant_metadata_input import MerchantMetadataInput
    from ..models.multi_addresses_checkout_metadata_input import (
        MultiAddressesCheckoutMetadataInput,
    )
    from ..models.provider_metadata_input import ProviderMetadataInput
    from ..models.recurring_metadata_input import RecurringMetadataInput
    from ..models.update_checkout_session_request_payment_details import (
        UpdateCheckoutSessionRequestPaymentDetails,
    )
    from ..models.update_checkout_session_request_web_checkout_details import (
        UpdateCheckoutSessionRequestWebCheckoutDetails,
    )


class UpdateCheckoutSessionRequest(_Model):
    """
    Attributes:
        payment_details (UpdateCheckoutSessionRequestPaymentDetails | Unset):
        merchant_metadata (MerchantMetadataInput | Unset):
        web_checkout_details (UpdateCheckoutSessionRequestWebCheckoutDetails | Unset):
        platform_id (str | Unset):
        provider_metadata (ProviderMetadataInput | Unset):
        charge_permission_type (ChargePermissionType | Unset):
        recurring_metadata (RecurringMetadataInput | Unset): How the recurring Charge Permission will be used (the
            merchant still calls Create Charge for every billing cycle). amount is optional: left out when it varies.
        multi_addresses_checkout_metadata (list[MultiAddressesCheckoutMetadataInput] | Unset):
        supplementary_data (str | Unset):
    """

    __slots__ = (
        "payment_details",
        "merchant_metadata",
        "web_checkout_details",
        "platform_id",
        "provider_metadata",
        "charge_permission_type",
        "recurring_metadata",
        "multi_addresses_checkout_metadata",
        "supplementary_data",
    )
    __match_args__ = (
        "payment_details",
        "merchant_metadata",
        "web_checkout_details",
        "platform_id",
        "provider_metadata",
        "charge_permission_type",
        "recurring_metadata",
        "multi_addresses_checkout_metadata",
        "supplementary_data",
    )

    payment_details: UpdateCheckoutSessionRequestPaymentDetails | Unset
    merchant_metadata: MerchantMetadataInput | Unset
    web_checkout_details: UpdateCheckoutSessionRequestWebCheckoutDetails | Unset
    platform_id: str | Unset
    provider_metadata: ProviderMetadataInput | Unset
    charge_permission_type: ChargePermissionType | Unset
    recurring_metadata: RecurringMetadataInput | Unset
    multi_addresses_checkout_metadata: list[MultiAddressesCheckoutMetadataInput] | Unset
    supplementary_data: str | Unset

    def __init__(
        self,
        payment_details: UpdateCheckoutSessionRequestPaymentDetails | Unset = UNSET,
        merchant_metadata: MerchantMetadataInput | Unset = UNSET,
        web_checkout_details: UpdateCheckoutSessionRequestWebCheckoutDetails
        | Unset = UNSET,
        platform_id: str | Unset = UNSET,
        provider_metadata: ProviderMetadataInput | Unset = UNSET,
        charge_permission_type: ChargePermissionType | Unset = UNSET,
        recurring_metadata: RecurringMetadataInput | Unset = UNSET,
        multi_addresses_checkout_metadata: list[MultiAddressesCheckoutMetadataInput]
        | Unset = UNSET,
        supplementary_data: str | Unset = UNSET,
    ) -> None:
        self.payment_details = payment_details
        self.merchant_metadata = merchant_metadata
        self.web_checkout_details = web_checkout_details
        self.platform_id = platform_id
        self.provider_metadata = provider_metadata
        self.charge_permission_type = charge_permission_type
        self.recurring_metadata = recurring_metadata
        self.multi_addresses_checkout_metadata = multi_addresses_checkout_metadata
        self.supplementary_data = supplementary_data

    def to_dict(self) -> dict[str, Any]:
        payment_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment_details, Unset):
            payment_details = self.payment_details.to_dict()

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        web_checkout_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.web_checkout_details, Unset):
            web_checkout_details = self.web_checkout_details.to_dict()

        platform_id = self.platform_id

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        charge_permission_type: str | Unset = UNSET
        if not isinstance(self.charge_permission_type, Unset):
            charge_permission_type = self.charge_permission_type.value

        recurring_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurring_metadata, Unset):
            recurring_metadata = self.recurring_metadata.to_dict()

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if payment_details is not UNSET:
            field_dict["paymentDetails"] = payment_details
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if web_checkout_details is not UNSET:
            field_dict["webCheckoutDetails"] = web_checkout_details
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata
        if charge_permission_type is not UNSET:
            field_dict["chargePermissionType"] = charge_permission_type
        if recurring_metadata is not UNSET:
            field_dict["recurringMetadata"] = recurring_metadata
        if multi_addresses_checkout_metadata is not UNSET:
            field_dict["multiAddressesCheckoutMetadata"] = (
                multi_addresses_checkout_metadata
            )
        if supplementary_data is not UNSET:
            field_dict["supplementaryData"] = supplementary_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _payment_details = d.pop("paymentDetails", UNSET)
        payment_details: UpdateCheckoutSessionRequestPaymentDetails | Unset
        if isinstance(_payment_details, Unset):
            payment_details = UNSET
        else:
            from amazonpay_api.models.update_checkout_session_request_payment_details import (
                UpdateCheckoutSessionRequestPaymentDetails,  # noqa: PLC0415
            )

            payment_details = UpdateCheckoutSessionRequestPaymentDetails.from_dict(
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

        _web_checkout_details = d.pop("webCheckoutDetails", UNSET)
        web_checkout_details: UpdateCheckoutSessionRequestWebCheckoutDetails | Unset
        if isinstance(_web_checkout_details, Unset):
            web_checkout_details = UNSET
        else:
            from amazonpay_api.models.update_checkout_session_request_web_checkout_details import (
                UpdateCheckoutSessionRequestWebCheckoutDetails,  # noqa: PLC0415
            )

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
            from amazonpay_api.models.provider_metadata_input import (
                ProviderMetadataInput,  # noqa: PLC0415
            )

            provider_metadata = ProviderMetadataInput.from_dict(_provider_metadata)

        _charge_permission_type = d.pop("chargePermissionType", UNSET)
        charge_permission_type: ChargePermissionType | Unset
        if isinstance(_charge_permission_type, Unset):
            charge_permission_type = UNSET
        else:
            from amazonpay_api.models.charge_permission_type import ChargePermissionType  # noqa: PLC0415

            charge_permission_type = ChargePermissionType(_charge_permission_type)

        _recurring_metadata = d.pop("recurringMetadata", UNSET)
        recurring_metadata: RecurringMetadataInput | Unset
        if isinstance(_recurring_metadata, Unset):
            recurring_metadata = UNSET
        else:
            from amazonpay_api.models.recurring_metadata_input import (
                RecurringMetadataInput,  # noqa: PLC0415
            )

            recurring_metadata = RecurringMetadataInput.from_dict(_recurring_metadata)

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

        update_checkout_session_request = cls(
            payment_details=payment_details,
            merchant_metadata=merchant_metadata,
            web_checkout_details=web_checkout_details,
            platform_id=platform_id,
            provider_metadata=provider_metadata,
            charge_permission_type=charge_permission_type,
            recurring_metadata=recurring_metadata,
            multi_addresses_checkout_metadata=multi_addresses_checkout_metadata,
            supplementary_data=supplementary_data,
        )

        return update_checkout_session_request
