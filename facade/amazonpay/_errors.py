"""Every exception the library raises: one hierarchy under :class:`AmazonPayError`.

Messages never contain the private key, a signature or the authorization header.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Final


class AmazonPayError(Exception):
    """Base class of every error raised by amazonpay."""


class ConfigurationError(AmazonPayError, ValueError):
    """A wrong argument, setting or request value, found before anything is sent."""


class APIConnectionError(AmazonPayError):
    """No HTTP answer: the connection failed or dropped (after all retries).

    For a money-moving POST the request may still have been processed: call again with the
    same ``idempotency_key`` (shown in the message) and Amazon replays the result.
    """

    def __init__(self, message: str, *, method: str, url: str, attempts: int, idempotency_key: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url
        self.attempts = attempts
        self.idempotency_key = idempotency_key


class APITimeoutError(APIConnectionError):
    """The request timed out (after all retries)."""


class APIStatusError(AmazonPayError):
    """Amazon Pay answered with an error status; the base of the status-specific errors.

    Attributes:
        status: HTTP status code (any integer, including ones no spec lists, such as 520).
        reason_code: Amazon's ``reasonCode`` (``None`` when the body was not Amazon's JSON).
        message: Amazon's ``message``, or a description of the unexpected body.
        request_id: ``x-amz-pay-request-id``; quote it to Amazon Pay support.
        attempts: how many attempts were made, retries included.
        body: the raw response body as text.
        string_to_sign: for ``InvalidRequestSignature``, the string the service expected.

    """

    def __init__(
        self,
        *,
        status: int,
        reason_code: str | None,
        message: str,
        request_id: str | None,
        attempts: int,
        body: str,
        method: str,
        url: str,
    ) -> None:
        self.status = status
        self.reason_code = reason_code
        self.message = message
        self.request_id = request_id
        self.attempts = attempts
        self.body = body
        self.method = method
        self.url = url
        self.string_to_sign = _echoed_string_to_sign(message) if reason_code == "InvalidRequestSignature" else None
        super().__init__(
            f"{status} {reason_code or 'unexpected response'}: {message} "
            f"({method} {url}, request id {request_id or 'none'}, {attempts} attempt{'s' if attempts != 1 else ''})"
        )


class BadRequestError(APIStatusError):
    """400: invalid header, parameter or body (``InvalidParameterValue``, ``DuplicateIdempotencyKey``, ...)."""


class AuthenticationError(APIStatusError):
    """401/403: ``UnauthorizedAccess`` or ``InvalidRequestSignature`` (see ``string_to_sign``)."""


class NotFoundError(APIStatusError):
    """404 ``ResourceNotFound``."""


class UnprocessableError(APIStatusError):
    """422: the object's state forbids the operation, or the payment was declined."""


class RateLimitError(APIStatusError):
    """429: throttled, still after the retries."""


class ServerError(APIStatusError):
    """5xx, including status codes no spec lists (520, 599)."""


class UnexpectedResponseError(AmazonPayError):
    """A success status whose body this client version cannot read.

    For example a value of an enum that the spec does not list yet. The call may have
    succeeded on Amazon's side: ``body`` holds what was received, ``request_id`` identifies it.
    """

    def __init__(self, message: str, *, status: int, request_id: str | None, body: str) -> None:
        super().__init__(f"{message} (status {status}, request id {request_id or 'none'})")
        self.status = status
        self.request_id = request_id
        self.body = body


_BY_STATUS: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    422: UnprocessableError,
    429: RateLimitError,
}
_ECHOED: Final = re.compile(r"(?:String-to-Sign should have been|String to sign:?)\s*'(?P<text>.*?)'", re.DOTALL)
_BODY_EXCERPT: Final = 300


def _echoed_string_to_sign(message: str) -> str | None:
    match = _ECHOED.search(message)
    return match["text"] if match else None


def error_for_status(
    status: int, body: bytes, *, request_id: str | None, attempts: int, method: str, url: str
) -> APIStatusError:
    """The typed error for an error response; never fails, whatever the body."""
    text = body.decode("utf-8", errors="replace")
    reason_code: str | None = None
    message = text[:_BODY_EXCERPT] or "(empty body)"
    try:
        parsed: Any = json.loads(text)
    except ValueError:
        message = f"the body is not JSON (a proxy page?): {message}"
    else:
        if isinstance(parsed, dict) and isinstance(parsed.get("reasonCode"), str):
            reason_code = parsed["reasonCode"]
            message = str(parsed.get("message") or "")
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIStatusError)
    return cls(
        status=status,
        reason_code=reason_code,
        message=message,
        request_id=request_id,
        attempts=attempts,
        body=text,
        method=method,
        url=url,
    )


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


class NotificationVerificationError(AmazonPayError, ValueError):
    """An SNS message (or its subscription confirmation) was refused; nothing in it is to be trusted.

    ``reason`` is a :class:`NotificationFailure` for code; the message says what was wrong for
    people. It never contains the signature, the subscription token or the body.
    """

    def __init__(self, reason: NotificationFailure, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason


class StorageError(AmazonPayError):
    """Moving bytes to or from a pre-signed storage URL failed (report downloads, file uploads).

    The message names the storage host and status, never the URL's query (its signature).
    ``status`` is None when no HTTP answer came.
    """

    def __init__(self, message: str, *, status: int | None, host: str) -> None:
        super().__init__(message)
        self.status = status
        self.host = host


class DownloadExpiredError(StorageError):
    """The storage host refused the pre-signed download URL (403): it expired.

    Report document URLs are valid 30 seconds. Fetch the document again: call ``download()`` again.
    """
