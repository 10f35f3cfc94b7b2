"""Every exception the library raises: one hierarchy under :class:`AmazonPayError`.

Messages never contain the private key, a signature or the authorization header. Text that
comes from the network (Amazon's ``message``, a proxy's page) reaches a message bounded and
with control characters escaped, so it can neither flood nor forge a log line; the full text
stays on the error's fields. Every error survives ``pickle`` (Celery, process pools).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from ._codes import NotificationFailure, ReasonCode


class AmazonPayError(Exception):
    """Base class of every error raised by amazonpay."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce calls cls(*args), which keyword-only fields cannot survive;
        # rebuild from args and restore the fields from __dict__ instead.
        return _rebuild, (type(self), self.args), self.__dict__


def _rebuild(cls: type[AmazonPayError], args: tuple[Any, ...]) -> AmazonPayError:
    error = cls.__new__(cls)
    error.args = args
    return error


class ConfigurationError(AmazonPayError, ValueError):
    """A wrong argument, setting or request value, found before anything is sent."""


class APIConnectionError(AmazonPayError):
    """No usable HTTP answer: the connection failed, dropped or timed out (after all retries).

    The message says whether the request may have reached Amazon. If it may have, a POST can be
    called again with the same ``idempotency_key`` (shown in the message) and Amazon replays
    its result instead of moving money twice.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        url: str,
        attempts: int,
        idempotency_key: str | None,
        may_have_been_processed: bool = True,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url
        self.attempts = attempts
        self.idempotency_key = idempotency_key
        #: False only when no attempt's request can have reached Amazon (e.g. every connect failed).
        self.may_have_been_processed = may_have_been_processed


class APITimeoutError(APIConnectionError):
    """The request timed out (after all retries)."""


class OutcomeUnknownError(APIConnectionError):
    """A call that may have taken effect, whose effect could not be confirmed either way.

    Raised when a retried cancel or close was answered with a state error after an earlier
    attempt may have been processed, and the object could not be fetched to tell which, or it
    does not show all that the call asked for (a close with ``cancelPendingCharges``: no answer
    shows whether the permission's charges were canceled). Get the object (and, for that close,
    each charge made on the permission) to see its state before acting on it again.
    """


class APIStatusError(AmazonPayError):
    """Amazon Pay answered with an error status; the base of the status-specific errors.

    Attributes:
        status: HTTP status code (any integer, including ones no spec lists, such as 520).
        reason_code: Amazon's ``reasonCode``: a :class:`ReasonCode`, a ``str`` for a code this
            version does not know, ``None`` when the body was not Amazon's JSON.
        message: Amazon's ``message`` in full, or a description of the unexpected body.
        request_id: ``x-amz-pay-request-id``; quote it to Amazon Pay support.
        attempts: how many attempts were made, retries included.
        body: the raw response body as text.
        idempotency_key: the key the request carried (POSTs), to retry it safely.
        may_have_been_processed: whether an attempt may have taken effect although the call
            failed: a 5xx answer, or an earlier attempt that lost its answer. A 4xx refusal
            after attempts that were all answered means nothing was done.
        string_to_sign: for ``InvalidRequestSignature``, the string the service expected.

    """

    def __init__(
        self,
        *,
        status: int,
        reason_code: ReasonCode | str | None,
        message: str,
        request_id: str | None,
        attempts: int,
        body: str,
        method: str,
        url: str,
        idempotency_key: str | None = None,
        may_have_been_processed: bool = False,
        reconciles: bool = False,
    ) -> None:
        self.status = status
        self.reason_code = reason_code
        self.message = message
        self.request_id = request_id
        self.attempts = attempts
        self.body = body
        self.method = method
        self.url = url
        self.idempotency_key = idempotency_key
        self.may_have_been_processed = may_have_been_processed
        self.string_to_sign = _echoed_string_to_sign(message) if reason_code == "InvalidRequestSignature" else None
        super().__init__(
            f"{status} {printable(reason_code or 'unexpected response', 80)}: {printable(message)} "
            f"({method} {url}, request id {printable(request_id or 'none', 80)}, "
            f"{attempts} attempt{'s' if attempts != 1 else ''})"
            + outcome_hint(
                method, idempotency_key, may_have_been_processed=may_have_been_processed, reconciles=reconciles
            )
        )


class BadRequestError(APIStatusError):
    """400: invalid header, parameter or body (``InvalidParameterValue``, ``DuplicateIdempotencyKey``, ...)."""


class IdempotencyError(BadRequestError):
    """400 ``DuplicateIdempotencyKey``: the key was used before with a different request.

    Nothing was done by this request. Use a new key for a new payment; to get the result of
    the earlier request, repeat it exactly (same body) with the same key.
    """


class AuthenticationError(APIStatusError):
    """401/403: ``UnauthorizedAccess`` or ``InvalidRequestSignature`` (see ``string_to_sign``)."""


class NotFoundError(APIStatusError):
    """404 ``ResourceNotFound``."""


class UnprocessableError(APIStatusError):
    """422: the object's state forbids the operation, or the payment was declined."""


class DeclinedError(UnprocessableError):
    """422: the payment was declined; ``reason_code`` says why.

    One of ``SoftDeclined``, ``HardDeclined``, ``AmazonRejected``, ``TransactionTimedOut``.
    ``SoftDeclined`` may succeed on a later attempt; the others will not: ask the buyer to
    choose another payment method.
    """


class RateLimitError(APIStatusError):
    """429: throttled, still after the retries."""


class ServerError(APIStatusError):
    """5xx, including status codes no spec lists (520, 599)."""


class UnexpectedResponseError(AmazonPayError):
    """An answer this client cannot read.

    A success body that is not a JSON object, misses a required field, holds a value the spec
    does not list yet, or is larger than any Amazon Pay answer (a decompression bomb).

    The request reached Amazon, so it may have succeeded: ``body`` holds what was received,
    ``request_id`` identifies it, and ``idempotency_key`` (POSTs) gets its result again.
    """

    def __init__(
        self, message: str, *, status: int, request_id: str | None, body: str, idempotency_key: str | None = None
    ) -> None:
        super().__init__(f"{message} (status {status}, request id {printable(request_id or 'none', 80)})")
        self.message = message
        self.status = status
        self.request_id = request_id
        self.body = body
        self.idempotency_key = idempotency_key


_BY_STATUS: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    422: UnprocessableError,
    429: RateLimitError,
}
#: Narrower classes for some reason codes, each under its status's class (keyed by the codes'
#: values: a :class:`ReasonCode` member finds its entry, and they are not built at import).
_BY_REASON: Final[Mapping[tuple[int, str], type[APIStatusError]]] = {
    (400, "DuplicateIdempotencyKey"): IdempotencyError,
    (422, "SoftDeclined"): DeclinedError,
    (422, "HardDeclined"): DeclinedError,
    (422, "AmazonRejected"): DeclinedError,
    (422, "TransactionTimedOut"): DeclinedError,
}
# Patterns compiled (and cached by ``re``) when an error first needs them, not at import.
_ECHOED: Final = r"(?:String-to-Sign should have been|String to sign:?)\s*'(?P<text>.*?)'"
_BODY_EXCERPT: Final = 300
#: The most characters of server text that go into one exception message.
MESSAGE_LIMIT: Final = 500
_CONTROL: Final = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"


def outcome_hint(
    method: str, idempotency_key: str | None, *, may_have_been_processed: bool, reconciles: bool = False
) -> str:
    """The end of a message about a failed call that may have taken effect: how to find out.

    ``reconciles``: the operation has an ``x-amazonpay-reconcile`` rule (cancel, close), so a
    retry marked ``retrying=True`` tells whether the lost attempt did the job.
    """
    if not may_have_been_processed:
        return ""
    if idempotency_key is not None:
        return f"; it may have been processed: retry with idempotency_key={idempotency_key!r} to get its result"
    if reconciles:
        return (
            "; it may have been processed: call it again inside amazonpay.request_options(retrying=True), which "
            "returns the object if that attempt did the job (or get the object to see its state before calling again)"
        )
    if method != "GET":
        return "; it may have been processed: get the object to see its state before calling again"
    return ""


def printable(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` for a message or a log line: control characters escaped, at most ``limit`` characters."""
    escaped = re.sub(_CONTROL, lambda match: match[0].encode("unicode_escape").decode("ascii"), text)
    if len(escaped) <= limit:
        return escaped
    return f"{escaped[:limit]}... ({len(escaped) - limit} more characters)"


def _echoed_string_to_sign(message: str) -> str | None:
    match = re.search(_ECHOED, message, re.DOTALL)
    return match["text"] if match else None


def reason_code(value: str) -> ReasonCode | str:
    """The :class:`ReasonCode` member for ``value``, or ``value`` itself when this version does not know it."""
    from ._codes import ReasonCode  # an error's, on the way to raising it: a call that succeeds never loads it

    try:
        return ReasonCode(value)
    except ValueError:
        return value


def error_for_status(
    status: int,
    body: bytes,
    *,
    request_id: str | None,
    attempts: int,
    method: str,
    url: str,
    idempotency_key: str | None = None,
    may_have_been_processed: bool = False,
    location: str | None = None,
    reconciles: bool = False,
) -> APIStatusError:
    """The typed error for an error (or redirect) response; never fails, whatever the body."""
    text = body.decode("utf-8", errors="replace")
    code: ReasonCode | str | None = None
    message = text[:_BODY_EXCERPT] or "(empty body)"
    try:
        parsed: Any = json.loads(text)
    except ValueError:
        message = f"the body is not JSON (a proxy page?): {message}"
    else:
        if isinstance(parsed, dict) and isinstance(parsed.get("reasonCode"), str):
            code = reason_code(parsed["reasonCode"])
            message = str(parsed.get("message") or "")
    if 300 <= status < 400:
        target = f" to {printable(location, 200)}" if location else ""
        message = f"a redirect{target}: Amazon Pay never redirects, so base_url or a proxy is wrong; {message}"
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else APIStatusError)
    if code is not None:
        cls = _BY_REASON.get((status, code), cls)
    return cls(
        status=status,
        reason_code=code,
        message=message,
        request_id=request_id,
        attempts=attempts,
        body=text,
        method=method,
        url=url,
        idempotency_key=idempotency_key,
        may_have_been_processed=may_have_been_processed,
        reconciles=reconciles,
    )


# --- notifications (amazonpay.notifications) -------------------------------------------------
class NotificationVerificationError(AmazonPayError, ValueError):
    """An SNS message (or its subscription confirmation) was refused; nothing in it is to be trusted.

    ``reason`` is a :class:`NotificationFailure` for code; the message says what was wrong for
    people. It never contains the signature, the subscription token or the body.
    """

    def __init__(self, reason: NotificationFailure, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason


# --- waiting (pay.<resource>.wait) -----------------------------------------------------------
class WaitTimeoutError(AmazonPayError, TimeoutError):
    """A wait reached its deadline while the object was still settling; nothing failed.

    Attributes:
        last: the object the last GET returned (its state is not final): the model the wait
            returns (a Charge, Refund or Report: narrow it with ``isinstance``).
        state: that object's state (None if it had none).
        attempts: how many GETs were made.
        waited: seconds from the first GET to the last.
        deadline: the wait's deadline in seconds.
        operation_id: the GET that was polled.

    Wait again later, or act on the object's notification. The message shows the state (bounded,
    control characters escaped: it is the server's text; ``state`` keeps it whole), never the
    object (which may hold the buyer's details).

    """

    def __init__(
        self,
        *,
        last: object,
        state: str | None,
        attempts: int,
        waited: float,
        deadline: float,
        operation_id: str,
    ) -> None:
        super().__init__(
            f"{operation_id}: still {printable(repr(state))} after {attempts} GET{'s' if attempts != 1 else ''} over "
            f"{waited:.1f} s (deadline {deadline:g} s). It has not settled yet: wait again later, or act "
            "on its notification"
        )
        self.last = last
        self.state = state
        self.attempts = attempts
        self.waited = waited
        self.deadline = deadline
        self.operation_id = operation_id


class NotificationObjectError(AmazonPayError, LookupError):
    """A notification names an object this client has no operation to get (``pay.notifications.fetch``).

    Its object type is unknown to this client, or the effective spec has no GET for it yet
    (no operation declares ``x-amazonpay-notification-object`` for it). The notification is
    genuine: handle it from its ids, or regenerate the client from a spec that has the GET.

    Attributes:
        object_type: the notification's ``ObjectType``.
        object_id: the id of the object it names.
        fetchable: the object types this client can fetch.

    """

    def __init__(self, *, object_type: str, object_id: str, fetchable: tuple[str, ...]) -> None:
        super().__init__(
            f"cannot fetch the object of a {printable(repr(object_type), 200)} notification "
            f"({printable(object_id, 200)}): no operation of the "
            f"effective spec gets one. This client fetches {', '.join(fetchable) or 'none'}; handle this one "
            "from its ids, or regenerate the client from a spec with its GET"
        )
        self.object_type = object_type
        self.object_id = object_id
        self.fetchable = fetchable


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


class DownloadTooLargeError(StorageError):
    """The download passed its size limit (``max_bytes=`` of ``download()``, counted decompressed).

    Nothing of it was kept (with a path, the file is not created or replaced). ``limit`` is the
    limit that was passed: call ``download()`` again with a larger ``max_bytes`` if the report
    is expected to be that large.
    """

    def __init__(self, message: str, *, status: int | None, host: str, limit: int) -> None:
        super().__init__(message, status=status, host=host)
        self.limit = limit
