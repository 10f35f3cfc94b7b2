"""Every reason code the simulator answers with, its HTTP status and a default message: one table."""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import Enum
from typing import Any, Final

from amazonpay._codes import ReasonCode


class Reason(Enum):
    """Reason codes (facts sheet, section 4, and the docs' error tables) with their HTTP status.

    The member name is the ``reasonCode`` sent on the wire, and a member of the client's
    :class:`amazonpay.ReasonCode` (``code`` looks it up; a test checks every member).
    """

    # 400
    MissingHeader = (400, "A required header is missing.")
    MissingHeaderValue = (400, "A required header has no value.")
    InvalidHeaderValue = (400, "A header has an invalid value.")
    InvalidRequestFormat = (400, "The request body is not a JSON object.")
    MissingParameterValue = (400, "A required parameter is missing.")
    InvalidParameterValue = (400, "A parameter has an invalid value.")
    UnrecognizedField = (400, "The request contains a field the operation does not accept.")
    InvalidSandboxSimulationSpecified = (400, "The simulation code is not valid for this operation.")
    DuplicateIdempotencyKey = (400, "The idempotency key was already used with a different request.")
    CurrencyMismatch = (400, "The currency does not match the currency of the object.")
    TransactionAmountExceeded = (400, "The amount exceeds the amount allowed.")
    # A Recurring or Saved Wallet permission's monthly limit (_limits; Amazon Pay's Japanese FAQ,
    # amazonpay-faq.jp QA-57, shows this answer with status 400 and this message).
    PeriodicAmountExceeded = (
        400,
        "You've exceeded the monthly limit for the Charge Permission and must wait until the next month to charge "
        "this buyer.",
    )
    # 401
    UnauthorizedAccess = (401, "The request is not authorized.")
    InvalidRequestSignature = (401, "The request signature we calculated does not match the signature you provided.")
    # 404, 405
    ResourceNotFound = (404, "The requested resource does not exist.")
    MethodNotAllowed = (405, "The path exists, but not with this HTTP method.")
    # 422
    InvalidCheckoutSessionStatus = (422, "The Checkout Session is in a state where the operation is not allowed.")
    CheckoutSessionCanceled = (422, "Checkout was not successfully completed; the Checkout Session is Canceled.")
    InvalidChargeStatus = (422, "The Charge is in a state where the operation is not allowed.")
    InvalidChargePermissionStatus = (422, "The Charge Permission is in a state where the operation is not allowed.")
    TransactionCountExceeded = (422, "A OneTime Charge Permission takes at most 25 Create Charge calls.")
    SoftDeclined = (422, "Charge was soft declined. Retry attempts may or may not be successful.")
    HardDeclined = (422, "Charge was hard declined. Retry attempts will not succeed.")
    AmazonRejected = (422, "Charge was declined by Amazon. The associated Charge Permission is canceled.")
    TransactionTimedOut = (422, "Amazon Pay did not have enough time to process the authorization.")
    # Injected faults (AmazonPaySandbox.fail_next)
    TooManyRequests = (429, "Request was throttled.")
    InternalServerError = (500, "Amazon Pay encountered an internal error.")
    ProcessingFailure = (500, "Amazon could not process the request because of an internal processing error.")
    ServiceUnavailable = (503, "Amazon Pay is temporarily unavailable.")

    def __init__(self, status: int, default_message: str) -> None:
        self.status = status
        self.default_message = default_message

    @property
    def code(self) -> ReasonCode:
        """The ``reasonCode``: the client's enum member of the same name (a ``str``)."""
        return ReasonCode[self.name]


# Default reason for a canned fault response of a given status.
FAULT_REASONS: dict[int, Reason] = {
    429: Reason.TooManyRequests,
    500: Reason.InternalServerError,
    503: Reason.ServiceUnavailable,
}


class SandboxError(Exception):
    """An error answer of the simulated service: a reason code, its status and a message."""

    def __init__(self, reason: Reason, message: str | None = None, *, headers: Mapping[str, str] | None = None) -> None:
        self.reason = reason
        self.message = message or reason.default_message
        self.headers: Mapping[str, str] = dict(headers or {})
        """Headers the answer carries besides the usual ones (``allow`` on a 405)."""
        super().__init__(f"{reason.status} {reason.code}: {self.message}")

    @property
    def status(self) -> int:
        """The HTTP status of the answer."""
        return self.reason.status

    def body(self) -> dict[str, str]:
        """The documented error body ``{"reasonCode": ..., "message": ...}``."""
        return error_body(self.reason.code, self.message)


class PageError(Exception):
    """A hosted page (the button's click, the buyer's pages) cannot go on: Amazon's error page.

    That page shows an error code and message with an HTTP status of its own (a session in the
    wrong state is 409 there, where the API answers 422), so it is not a :class:`SandboxError`.
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code  # a Reason's code, or the button's own (InvalidSignatureError)
        self.message = message


def refusal(reason: Reason, message: str | None = None) -> tuple[int, dict[str, Any]]:
    """A handler's answer that refuses but keeps what it changed, returned instead of raised.

    A raised :class:`SandboxError` undoes the request's changes; the few refusals the docs
    pair with a change (an ``AmazonRejected`` decline closes the charge permission; a
    simulated cancel cancels the checkout session) are returned with this.
    """
    error = SandboxError(reason, message)
    return error.status, error.body()


def error_body(reason_code: str, message: str) -> dict[str, str]:
    """An error body as the service sends it."""
    return {"reasonCode": reason_code, "message": message}


def encode(payload: Mapping[str, object]) -> bytes:
    """JSON bytes of a response body."""
    return _compact(payload).encode("utf-8")


# One encoder (json.dumps made one per call). Bodies are trees built for the answer: no container
# holds itself, so the per-container search for one (check_circular) is skipped.
_compact: Final = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode
