"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_input import AddressInput
from .authorization_token import AuthorizationToken
from .buyer import Buyer
from .cancel_charge_request import CancelChargeRequest
from .capture_charge_request import CaptureChargeRequest
from .charge import Charge
from .charge_permission import ChargePermission
from .charge_permission_limits import ChargePermissionLimits
from .charge_permission_type import ChargePermissionType
from .checkout_session import CheckoutSession
from .close_charge_permission_request import CloseChargePermissionRequest
from .complete_checkout_session_request import CompleteCheckoutSessionRequest
from .constraint import Constraint
from .contest_dispute_request import ContestDisputeRequest
from .create_charge_request import CreateChargeRequest
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
from .get_disbursements_response import GetDisbursementsResponse
from .get_report_schedules_response import GetReportSchedulesResponse
from .get_reports_response import GetReportsResponse
from .merchant_evidence import MerchantEvidence
from .merchant_evidence_input import MerchantEvidenceInput
from .merchant_metadata import MerchantMetadata
from .merchant_metadata_input import MerchantMetadataInput
from .payment_details import PaymentDetails
from .payment_intent import PaymentIntent
from .payment_preference import PaymentPreference
from .price import Price
from .price_input import PriceInput
from .provider_metadata import ProviderMetadata
from .provider_metadata_input import ProviderMetadataInput
from .refund import Refund
from .release_environment import ReleaseEnvironment
from .report import Report
from .report_document import ReportDocument
from .report_processing_status import ReportProcessingStatus
from .report_schedule import ReportSchedule
from .restriction import Restriction
from .restriction_input import RestrictionInput
from .schedule_frequency import ScheduleFrequency
from .status_details import StatusDetails
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

__all__ = (
    "Address",
    "AddressInput",
    "AuthorizationToken",
    "Buyer",
    "CancelChargeRequest",
    "CaptureChargeRequest",
    "Charge",
    "ChargePermission",
    "ChargePermissionLimits",
    "ChargePermissionType",
    "CheckoutSession",
    "CloseChargePermissionRequest",
    "CompleteCheckoutSessionRequest",
    "Constraint",
    "ContestDisputeRequest",
    "CreateChargeRequest",
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
    "GetDisbursementsResponse",
    "GetReportSchedulesResponse",
    "GetReportsResponse",
    "MerchantEvidence",
    "MerchantEvidenceInput",
    "MerchantMetadata",
    "MerchantMetadataInput",
    "PaymentDetails",
    "PaymentIntent",
    "PaymentPreference",
    "Price",
    "PriceInput",
    "ProviderMetadata",
    "ProviderMetadataInput",
    "Refund",
    "ReleaseEnvironment",
    "Report",
    "ReportDocument",
    "ReportProcessingStatus",
    "ReportSchedule",
    "Restriction",
    "RestrictionInput",
    "ScheduleFrequency",
    "StatusDetails",
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
