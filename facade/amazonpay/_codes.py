"""The codes errors carry, as enums: Amazon's ``reasonCode`` values, and why a notification was refused.

Apart from :mod:`._errors`, which every process that makes a call imports: a call that succeeds
never needs them, and their members cost 0.7 ms to build (an enum builds each member at import).
An error's ``reason_code`` is a :class:`ReasonCode` member all the same (``reason_code()`` loads
this module on the way to raising it).
"""

from __future__ import annotations

from enum import StrEnum


class ReasonCode(StrEnum):
    """Amazon's ``reasonCode`` values: each member's name is the code on the wire.

    A ``StrEnum``, so ``error.reason_code == "SoftDeclined"`` keeps working; a code this
    version does not know stays a plain ``str`` on the error.
    """

    # 400
    InvalidHeaderValue = "InvalidHeaderValue"
    InvalidRequest = "InvalidRequest"
    InvalidParameterValue = "InvalidParameterValue"
    InvalidRequestFormat = "InvalidRequestFormat"
    MissingHeader = "MissingHeader"
    MissingHeaderValue = "MissingHeaderValue"
    MissingParameterValue = "MissingParameterValue"
    UnrecognizedField = "UnrecognizedField"
    InvalidSandboxSimulationSpecified = "InvalidSandboxSimulationSpecified"
    DuplicateIdempotencyKey = "DuplicateIdempotencyKey"
    InvalidParameterCombination = "InvalidParameterCombination"
    CurrencyMismatch = "CurrencyMismatch"
    InvalidAPIVersion = "InvalidAPIVersion"
    TransactionAmountExceeded = "TransactionAmountExceeded"
    PeriodicAmountExceeded = "PeriodicAmountExceeded"
    # 401 / 403
    UnauthorizedAccess = "UnauthorizedAccess"
    InvalidRequestSignature = "InvalidRequestSignature"
    # 404 / 405
    ResourceNotFound = "ResourceNotFound"
    MethodNotAllowed = "MethodNotAllowed"
    # 422: state errors
    InvalidCheckoutSessionStatus = "InvalidCheckoutSessionStatus"
    CheckoutSessionCanceled = "CheckoutSessionCanceled"
    InvalidChargeStatus = "InvalidChargeStatus"
    InvalidChargePermissionStatus = "InvalidChargePermissionStatus"
    TransactionCountExceeded = "TransactionCountExceeded"
    PaymentMethodNotAllowed = "PaymentMethodNotAllowed"
    MFANotCompleted = "MFANotCompleted"
    # 422: declines (DeclinedError)
    SoftDeclined = "SoftDeclined"
    HardDeclined = "HardDeclined"
    AmazonRejected = "AmazonRejected"
    TransactionTimedOut = "TransactionTimedOut"
    # 429 / 5xx
    TooManyRequests = "TooManyRequests"
    ProcessingFailure = "ProcessingFailure"
    InternalServerError = "InternalServerError"
    ServiceUnavailable = "ServiceUnavailable"


# --- notifications (amazonpay.notifications) -------------------------------------------------
class NotificationFailure(StrEnum):
    """Why an SNS message was refused: the ``reason`` of :class:`NotificationVerificationError`."""

    BAD_JSON = "bad_json"  # not UTF-8, not JSON, not an object, or a key repeated
    MISSING_KEY = "missing_key"  # a key SNS always sends is absent
    BAD_MESSAGE = "bad_message"  # a value of the wrong type or form, or an unreadable Amazon Pay message
    UNKNOWN_TYPE = "unknown_type"  # Type is not Notification, SubscriptionConfirmation or UnsubscribeConfirmation
    UNSUPPORTED_SIGNATURE_VERSION = "unsupported_signature_version"  # neither "1" nor "2"
    BAD_CERT_URL = "bad_cert_url"  # SigningCertURL is not an SNS certificate URL; nothing was fetched
    UNEXPECTED_TOPIC = "unexpected_topic"  # TopicArn is not one of the expected topics
    TIMESTAMP_OUT_OF_RANGE = "timestamp_out_of_range"  # further from now than max_age
    CERT_FETCH_FAILED = "cert_fetch_failed"  # the certificate could not be fetched (possibly transient)
    BAD_CERTIFICATE = "bad_certificate"  # not an X.509 RSA certificate, or outside its validity dates
    BAD_SIGNATURE = "bad_signature"  # the signature does not verify
    BAD_SUBSCRIBE_URL = "bad_subscribe_url"  # confirm(): SubscribeURL is not an SNS ConfirmSubscription URL
    CONFIRM_FAILED = "confirm_failed"  # confirm(): the GET of SubscribeURL failed
