"""Contains all the data models used in inputs/outputs, each imported on first use.

A custom template of scripts/generate.py: importing one model (as an operation module does)
loads that model and what it refers to, not every model of the API.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .address import Address
    from .address_details_input import AddressDetailsInput
    from .address_input import AddressInput
    from .address_with_id import AddressWithId
    from .authorization_token import AuthorizationToken
    from .buyer import Buyer
    from .cancel_charge_request import CancelChargeRequest
    from .capture_charge_request import CaptureChargeRequest
    from .channel import Channel
    from .charge import Charge
    from .charge_initiator import ChargeInitiator
    from .charge_permission import ChargePermission
    from .charge_permission_limits import ChargePermissionLimits
    from .charge_permission_state import ChargePermissionState
    from .charge_permission_status_details import ChargePermissionStatusDetails
    from .charge_permission_type import ChargePermissionType
    from .charge_reason_code import ChargeReasonCode
    from .charge_state import ChargeState
    from .charge_status_details import ChargeStatusDetails
    from .checkout_mode import CheckoutMode
    from .checkout_session import CheckoutSession
    from .checkout_session_reason_code import CheckoutSessionReasonCode
    from .checkout_session_scope import CheckoutSessionScope
    from .checkout_session_state import CheckoutSessionState
    from .checkout_session_status_details import CheckoutSessionStatusDetails
    from .close_charge_permission_request import CloseChargePermissionRequest
    from .complete_checkout_session_request import CompleteCheckoutSessionRequest
    from .constraint import Constraint
    from .contest_dispute_request import ContestDisputeRequest
    from .create_charge_request import CreateChargeRequest
    from .create_charge_request_web_checkout_details import (
        CreateChargeRequestWebCheckoutDetails,
    )
    from .create_checkout_session_request import CreateCheckoutSessionRequest
    from .create_checkout_session_request_payment_details import (
        CreateCheckoutSessionRequestPaymentDetails,
    )
    from .create_checkout_session_request_web_checkout_details import (
        CreateCheckoutSessionRequestWebCheckoutDetails,
    )
    from .create_delivery_tracker_request import CreateDeliveryTrackerRequest
    from .create_dispute_request import CreateDisputeRequest
    from .create_dispute_request_provider_metadata import (
        CreateDisputeRequestProviderMetadata,
    )
    from .create_dispute_request_status_details import CreateDisputeRequestStatusDetails
    from .create_refund_request import CreateRefundRequest
    from .create_report_request import CreateReportRequest
    from .create_report_response import CreateReportResponse
    from .create_report_schedule_request import CreateReportScheduleRequest
    from .create_report_schedule_response import CreateReportScheduleResponse
    from .delivery_detail import DeliveryDetail
    from .delivery_detail_input import DeliveryDetailInput
    from .delivery_specifications import DeliverySpecifications
    from .delivery_specifications_address_restrictions import (
        DeliverySpecificationsAddressRestrictions,
    )
    from .delivery_specifications_address_restrictions_restrictions import (
        DeliverySpecificationsAddressRestrictionsRestrictions,
    )
    from .delivery_specifications_address_restrictions_type import (
        DeliverySpecificationsAddressRestrictionsType,
    )
    from .delivery_specifications_input import DeliverySpecificationsInput
    from .delivery_specifications_input_address_restrictions import (
        DeliverySpecificationsInputAddressRestrictions,
    )
    from .delivery_specifications_input_address_restrictions_restrictions import (
        DeliverySpecificationsInputAddressRestrictionsRestrictions,
    )
    from .delivery_specifications_input_address_restrictions_type import (
        DeliverySpecificationsInputAddressRestrictionsType,
    )
    from .delivery_specifications_input_special_restrictions_item import (
        DeliverySpecificationsInputSpecialRestrictionsItem,
    )
    from .delivery_specifications_special_restrictions_item import (
        DeliverySpecificationsSpecialRestrictionsItem,
    )
    from .delivery_tracker import DeliveryTracker
    from .disbursement import Disbursement
    from .dispute import Dispute
    from .dispute_filing_reason import DisputeFilingReason
    from .dispute_provider_metadata import DisputeProviderMetadata
    from .dispute_reason_code import DisputeReasonCode
    from .dispute_resolution import DisputeResolution
    from .dispute_state import DisputeState
    from .dispute_status_details import DisputeStatusDetails
    from .error_response import ErrorResponse
    from .evidence_type import EvidenceType
    from .file import File
    from .finalize_checkout_session_request import FinalizeCheckoutSessionRequest
    from .frequency import Frequency
    from .frequency_input import FrequencyInput
    from .frequency_unit import FrequencyUnit
    from .get_disbursements_response import GetDisbursementsResponse
    from .get_report_schedules_response import GetReportSchedulesResponse
    from .get_reports_response import GetReportsResponse
    from .merchant_evidence import MerchantEvidence
    from .merchant_evidence_input import MerchantEvidenceInput
    from .merchant_metadata import MerchantMetadata
    from .merchant_metadata_input import MerchantMetadataInput
    from .multi_addresses_checkout_metadata import MultiAddressesCheckoutMetadata
    from .multi_addresses_checkout_metadata_input import (
        MultiAddressesCheckoutMetadataInput,
    )
    from .payment_details import PaymentDetails
    from .payment_intent import PaymentIntent
    from .payment_method_on_file_metadata import PaymentMethodOnFileMetadata
    from .payment_method_on_file_metadata_input import PaymentMethodOnFileMetadataInput
    from .payment_preference import PaymentPreference
    from .price import Price
    from .price_input import PriceInput
    from .product_type import ProductType
    from .provider_metadata import ProviderMetadata
    from .provider_metadata_input import ProviderMetadataInput
    from .reason import Reason
    from .recurring_metadata import RecurringMetadata
    from .recurring_metadata_input import RecurringMetadataInput
    from .refund import Refund
    from .refund_state import RefundState
    from .refund_status_details import RefundStatusDetails
    from .release_environment import ReleaseEnvironment
    from .report import Report
    from .report_document import ReportDocument
    from .report_processing_status import ReportProcessingStatus
    from .report_schedule import ReportSchedule
    from .restriction import Restriction
    from .restriction_input import RestrictionInput
    from .schedule_frequency import ScheduleFrequency
    from .update_charge_permission_request import UpdateChargePermissionRequest
    from .update_charge_request import UpdateChargeRequest
    from .update_charge_request_status_details import UpdateChargeRequestStatusDetails
    from .update_checkout_session_request import UpdateCheckoutSessionRequest
    from .update_checkout_session_request_payment_details import (
        UpdateCheckoutSessionRequestPaymentDetails,
    )
    from .update_checkout_session_request_web_checkout_details import (
        UpdateCheckoutSessionRequestWebCheckoutDetails,
    )
    from .update_dispute_request import UpdateDisputeRequest
    from .update_dispute_request_status_details import UpdateDisputeRequestStatusDetails
    from .upload_file_request import UploadFileRequest
    from .upload_file_request_purpose import UploadFileRequestPurpose
    from .upload_file_request_type import UploadFileRequestType
    from .web_checkout_details import WebCheckoutDetails

#: Model name -> the module that defines it.
_MODULES = {
    "Address": ".address",
    "AddressDetailsInput": ".address_details_input",
    "AddressInput": ".address_input",
    "AddressWithId": ".address_with_id",
    "AuthorizationToken": ".authorization_token",
    "Buyer": ".buyer",
    "CancelChargeRequest": ".cancel_charge_request",
    "CaptureChargeRequest": ".capture_charge_request",
    "Channel": ".channel",
    "Charge": ".charge",
    "ChargeInitiator": ".charge_initiator",
    "ChargePermission": ".charge_permission",
    "ChargePermissionLimits": ".charge_permission_limits",
    "ChargePermissionState": ".charge_permission_state",
    "ChargePermissionStatusDetails": ".charge_permission_status_details",
    "ChargePermissionType": ".charge_permission_type",
    "ChargeReasonCode": ".charge_reason_code",
    "ChargeState": ".charge_state",
    "ChargeStatusDetails": ".charge_status_details",
    "CheckoutMode": ".checkout_mode",
    "CheckoutSession": ".checkout_session",
    "CheckoutSessionReasonCode": ".checkout_session_reason_code",
    "CheckoutSessionScope": ".checkout_session_scope",
    "CheckoutSessionState": ".checkout_session_state",
    "CheckoutSessionStatusDetails": ".checkout_session_status_details",
    "CloseChargePermissionRequest": ".close_charge_permission_request",
    "CompleteCheckoutSessionRequest": ".complete_checkout_session_request",
    "Constraint": ".constraint",
    "ContestDisputeRequest": ".contest_dispute_request",
    "CreateChargeRequest": ".create_charge_request",
    "CreateChargeRequestWebCheckoutDetails": ".create_charge_request_web_checkout_details",
    "CreateCheckoutSessionRequest": ".create_checkout_session_request",
    "CreateCheckoutSessionRequestPaymentDetails": ".create_checkout_session_request_payment_details",
    "CreateCheckoutSessionRequestWebCheckoutDetails": ".create_checkout_session_request_web_checkout_details",
    "CreateDeliveryTrackerRequest": ".create_delivery_tracker_request",
    "CreateDisputeRequest": ".create_dispute_request",
    "CreateDisputeRequestProviderMetadata": ".create_dispute_request_provider_metadata",
    "CreateDisputeRequestStatusDetails": ".create_dispute_request_status_details",
    "CreateRefundRequest": ".create_refund_request",
    "CreateReportRequest": ".create_report_request",
    "CreateReportResponse": ".create_report_response",
    "CreateReportScheduleRequest": ".create_report_schedule_request",
    "CreateReportScheduleResponse": ".create_report_schedule_response",
    "DeliveryDetail": ".delivery_detail",
    "DeliveryDetailInput": ".delivery_detail_input",
    "DeliverySpecifications": ".delivery_specifications",
    "DeliverySpecificationsAddressRestrictions": ".delivery_specifications_address_restrictions",
    "DeliverySpecificationsAddressRestrictionsRestrictions": ".delivery_specifications_address_restrictions_restrictions",
    "DeliverySpecificationsAddressRestrictionsType": ".delivery_specifications_address_restrictions_type",
    "DeliverySpecificationsInput": ".delivery_specifications_input",
    "DeliverySpecificationsInputAddressRestrictions": ".delivery_specifications_input_address_restrictions",
    "DeliverySpecificationsInputAddressRestrictionsRestrictions": ".delivery_specifications_input_address_restrictions_restrictions",
    "DeliverySpecificationsInputAddressRestrictionsType": ".delivery_specifications_input_address_restrictions_type",
    "DeliverySpecificationsInputSpecialRestrictionsItem": ".delivery_specifications_input_special_restrictions_item",
    "DeliverySpecificationsSpecialRestrictionsItem": ".delivery_specifications_special_restrictions_item",
    "DeliveryTracker": ".delivery_tracker",
    "Disbursement": ".disbursement",
    "Dispute": ".dispute",
    "DisputeFilingReason": ".dispute_filing_reason",
    "DisputeProviderMetadata": ".dispute_provider_metadata",
    "DisputeReasonCode": ".dispute_reason_code",
    "DisputeResolution": ".dispute_resolution",
    "DisputeState": ".dispute_state",
    "DisputeStatusDetails": ".dispute_status_details",
    "ErrorResponse": ".error_response",
    "EvidenceType": ".evidence_type",
    "File": ".file",
    "FinalizeCheckoutSessionRequest": ".finalize_checkout_session_request",
    "Frequency": ".frequency",
    "FrequencyInput": ".frequency_input",
    "FrequencyUnit": ".frequency_unit",
    "GetDisbursementsResponse": ".get_disbursements_response",
    "GetReportSchedulesResponse": ".get_report_schedules_response",
    "GetReportsResponse": ".get_reports_response",
    "MerchantEvidence": ".merchant_evidence",
    "MerchantEvidenceInput": ".merchant_evidence_input",
    "MerchantMetadata": ".merchant_metadata",
    "MerchantMetadataInput": ".merchant_metadata_input",
    "MultiAddressesCheckoutMetadata": ".multi_addresses_checkout_metadata",
    "MultiAddressesCheckoutMetadataInput": ".multi_addresses_checkout_metadata_input",
    "PaymentDetails": ".payment_details",
    "PaymentIntent": ".payment_intent",
    "PaymentMethodOnFileMetadata": ".payment_method_on_file_metadata",
    "PaymentMethodOnFileMetadataInput": ".payment_method_on_file_metadata_input",
    "PaymentPreference": ".payment_preference",
    "Price": ".price",
    "PriceInput": ".price_input",
    "ProductType": ".product_type",
    "ProviderMetadata": ".provider_metadata",
    "ProviderMetadataInput": ".provider_metadata_input",
    "Reason": ".reason",
    "RecurringMetadata": ".recurring_metadata",
    "RecurringMetadataInput": ".recurring_metadata_input",
    "Refund": ".refund",
    "RefundState": ".refund_state",
    "RefundStatusDetails": ".refund_status_details",
    "ReleaseEnvironment": ".release_environment",
    "Report": ".report",
    "ReportDocument": ".report_document",
    "ReportProcessingStatus": ".report_processing_status",
    "ReportSchedule": ".report_schedule",
    "Restriction": ".restriction",
    "RestrictionInput": ".restriction_input",
    "ScheduleFrequency": ".schedule_frequency",
    "UpdateChargePermissionRequest": ".update_charge_permission_request",
    "UpdateChargeRequest": ".update_charge_request",
    "UpdateChargeRequestStatusDetails": ".update_charge_request_status_details",
    "UpdateCheckoutSessionRequest": ".update_checkout_session_request",
    "UpdateCheckoutSessionRequestPaymentDetails": ".update_checkout_session_request_payment_details",
    "UpdateCheckoutSessionRequestWebCheckoutDetails": ".update_checkout_session_request_web_checkout_details",
    "UpdateDisputeRequest": ".update_dispute_request",
    "UpdateDisputeRequestStatusDetails": ".update_dispute_request_status_details",
    "UploadFileRequest": ".upload_file_request",
    "UploadFileRequestPurpose": ".upload_file_request_purpose",
    "UploadFileRequestType": ".upload_file_request_type",
    "WebCheckoutDetails": ".web_checkout_details",
}


def __getattr__(name: str) -> Any:
    """Import a model when it is first read from this package, then keep it here."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*globals(), *_MODULES]


__all__ = (
    "Address",
    "AddressDetailsInput",
    "AddressInput",
    "AddressWithId",
    "AuthorizationToken",
    "Buyer",
    "CancelChargeRequest",
    "CaptureChargeRequest",
    "Channel",
    "Charge",
    "ChargeInitiator",
    "ChargePermission",
    "ChargePermissionLimits",
    "ChargePermissionState",
    "ChargePermissionStatusDetails",
    "ChargePermissionType",
    "ChargeReasonCode",
    "ChargeState",
    "ChargeStatusDetails",
    "CheckoutMode",
    "CheckoutSession",
    "CheckoutSessionReasonCode",
    "CheckoutSessionScope",
    "CheckoutSessionState",
    "CheckoutSessionStatusDetails",
    "CloseChargePermissionRequest",
    "CompleteCheckoutSessionRequest",
    "Constraint",
    "ContestDisputeRequest",
    "CreateChargeRequest",
    "CreateChargeRequestWebCheckoutDetails",
    "CreateCheckoutSessionRequest",
    "CreateCheckoutSessionRequestPaymentDetails",
    "CreateCheckoutSessionRequestWebCheckoutDetails",
    "CreateDeliveryTrackerRequest",
    "CreateDisputeRequest",
    "CreateDisputeRequestProviderMetadata",
    "CreateDisputeRequestStatusDetails",
    "CreateRefundRequest",
    "CreateReportRequest",
    "CreateReportResponse",
    "CreateReportScheduleRequest",
    "CreateReportScheduleResponse",
    "DeliveryDetail",
    "DeliveryDetailInput",
    "DeliverySpecifications",
    "DeliverySpecificationsAddressRestrictions",
    "DeliverySpecificationsAddressRestrictionsRestrictions",
    "DeliverySpecificationsAddressRestrictionsType",
    "DeliverySpecificationsInput",
    "DeliverySpecificationsInputAddressRestrictions",
    "DeliverySpecificationsInputAddressRestrictionsRestrictions",
    "DeliverySpecificationsInputAddressRestrictionsType",
    "DeliverySpecificationsInputSpecialRestrictionsItem",
    "DeliverySpecificationsSpecialRestrictionsItem",
    "DeliveryTracker",
    "Disbursement",
    "Dispute",
    "DisputeFilingReason",
    "DisputeProviderMetadata",
    "DisputeReasonCode",
    "DisputeResolution",
    "DisputeState",
    "DisputeStatusDetails",
    "ErrorResponse",
    "EvidenceType",
    "File",
    "FinalizeCheckoutSessionRequest",
    "Frequency",
    "FrequencyInput",
    "FrequencyUnit",
    "GetDisbursementsResponse",
    "GetReportSchedulesResponse",
    "GetReportsResponse",
    "MerchantEvidence",
    "MerchantEvidenceInput",
    "MerchantMetadata",
    "MerchantMetadataInput",
    "MultiAddressesCheckoutMetadata",
    "MultiAddressesCheckoutMetadataInput",
    "PaymentDetails",
    "PaymentIntent",
    "PaymentMethodOnFileMetadata",
    "PaymentMethodOnFileMetadataInput",
    "PaymentPreference",
    "Price",
    "PriceInput",
    "ProductType",
    "ProviderMetadata",
    "ProviderMetadataInput",
    "Reason",
    "RecurringMetadata",
    "RecurringMetadataInput",
    "Refund",
    "RefundState",
    "RefundStatusDetails",
    "ReleaseEnvironment",
    "Report",
    "ReportDocument",
    "ReportProcessingStatus",
    "ReportSchedule",
    "Restriction",
    "RestrictionInput",
    "ScheduleFrequency",
    "UpdateChargePermissionRequest",
    "UpdateChargeRequest",
    "UpdateChargeRequestStatusDetails",
    "UpdateCheckoutSessionRequest",
    "UpdateCheckoutSessionRequestPaymentDetails",
    "UpdateCheckoutSessionRequestWebCheckoutDetails",
    "UpdateDisputeRequest",
    "UpdateDisputeRequestStatusDetails",
    "UploadFileRequest",
    "UploadFileRequestPurpose",
    "UploadFileRequestType",
    "WebCheckoutDetails",
)
