"""The layer below every generated operation: stamp, sign, send, read, retry, raise typed errors.

It wraps any httpx transport (network, the sandbox simulator, a test double). Every attempt
gets a fresh ``x-amz-pay-date`` and signature; one idempotency key is chosen per logical POST
and reused on each retry. An attempt ends when the whole answer is read (at most
:data:`MAX_RESPONSE_BYTES`, decompressed), so a body that stalls or is cut short is retried
like a dropped connection, and every failure after the first byte left is one typed error
carrying the key. Because it sits below the operations, an operation that a future spec adds
is signed, routed, retried and mapped to errors with no change here; the few per-operation
facts it needs (how to reconcile a retried cancel) are generated from the spec.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sys
import time
import weakref
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, Literal
from urllib.parse import unquote_to_bytes

import anyio
import httpx

from amazonpay_api.errors import UnexpectedStatus

if TYPE_CHECKING:
    from anyio.lowlevel import RunVar

from . import __version__
from ._endpoints import Endpoint
from ._errors import (
    AmazonPayError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    OutcomeUnknownError,
    UnexpectedResponseError,
    error_for_status,
    outcome_hint,
    printable,
)
from ._options import FIELD_VALUE, MAX_TIMEOUT, CallState, _runner, checked_timeout, current_call
from ._registry import has_secret_paths, hide_secrets, methods_with_bodies, operation_at, route
from ._retry import RetryPolicy
from ._signing import Credentials, authorization_header, encode_query

logger = logging.getLogger("amazonpay")

Clock = Callable[[], datetime]
ClockSkew = Literal["auto"] | None
USER_AGENT = f"amazonpay-python/{__version__}"
#: The service rejects dates in the future; beyond this difference from its ``Date`` header,
#: ``clock_skew="auto"`` corrects the signing clock.
MAX_CLOCK_SKEW = timedelta(minutes=2)
#: The ``Date`` headers ``clock_skew="auto"`` may follow. API v2 is of 2019 (its reference signs
#: 20190805T051457Z): no Amazon clock shows an earlier date; and a later one past 9000 would take
#: the signing clock out of the years a date can be written in (past 9999 it overflows).
_PLAUSIBLE_DATES: Final = (datetime(2019, 1, 1, tzinfo=UTC), datetime(9000, 1, 1, tzinfo=UTC))
#: The largest answer accepted, after decompression. Amazon Pay answers are a few kilobytes;
#: anything near this is a misrouted download or a decompression bomb.
MAX_RESPONSE_BYTES: Final = 1 << 20
#: Compressed bytes handed to the decoder at a time, so one step inflates at most ~1 MiB.
_RAW_CHUNK: Final = 1024
#: Failures that happen before any byte of the request leaves the process.
_NOTHING_SENT: Final = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
)
_HOP_BY_HOP: Final = frozenset({b"content-encoding", b"content-length", b"transfer-encoding"})
#: What a header value may hold (FIELD_VALUE: visible ASCII, spaces and tabs), and the newline joining values.
_VALUE_BYTES: Final = bytes(range(0x21, 0x7F)) + b" \t\n"
_BLANKS: Final = (b" ", b"\t")
#: Headers whose values are no secret (httpx and this transport set them alike on every request);
#: any other value (the authorization header, the auth token, the caller's headers) may be one.
_PUBLIC_HEADERS: Final = frozenset(
    {
        b"accept",
        b"accept-encoding",
        b"connection",
        b"content-length",
        b"content-type",
        b"host",
        b"user-agent",
        b"x-amz-pay-date",
        b"x-amz-pay-host",
        b"x-amz-pay-idempotency-key",
        b"x-amz-pay-region",
    }
)


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


def amz_date(moment: datetime) -> str:
    """``x-amz-pay-date``: a UTC time in ISO 8601 basic form, ``20190805T051457Z``, its year in four digits.

    Formatted field by field: ``strftime("%Y")`` drops the zero padding of a year below 1000 (glibc);
    with ``%`` in one step, which costs half of six format specifications in an f-string.
    """
    t = moment.astimezone(UTC)
    return "%04d%02d%02dT%02d%02d%02dZ" % (t.year, t.month, t.day, t.hour, t.minute, t.second)  # noqa: UP031


class _Attempts:
    """Book-keeping of one logical request across its attempts."""

    __slots__ = (  # noqa: RUF023  # in __init__'s order
        "call",
        "idempotency_key",
        "max_retries",
        "number",
        "started",
        "sent",
        "uncertain",
        "shown",
        "secrets",
        "date",
        "runner",
    )

    def __init__(
        self,
        *,
        call: CallState,
        idempotency_key: str | None,
        max_retries: int,
        number: int = 0,
        sent: bool = False,
        shown: str | None = None,
        secrets: tuple[str, ...] = (),
        date: str | None = None,
        runner: object = None,
    ) -> None:
        self.call = call
        self.idempotency_key = idempotency_key
        self.max_retries = max_retries
        self.number = number
        self.started = 0.0
        self.sent = sent  # an attempt's bytes may have left the process
        self.uncertain = False  # an attempt may have been processed without a definitive answer
        self.shown = shown  # the URL path with its secret segments hidden (None: it has none)
        self.secrets = secrets  # the values of those segments, as sent
        self.date = date  # the first attempt's x-amz-pay-date, read while the call is checked
        self.runner = runner  # the thread or task running the call (the outcome's bookkeeping asks, once a call)

    def path(self, request: httpx.Request) -> str:
        """The request's path as logs and messages show it."""
        return request.url.path if self.shown is None else self.shown

    def url(self, request: httpx.Request) -> str:
        """The request's URL as messages and errors show it."""
        if self.shown is None:
            return str(request.url)
        query = request.url.query
        return str(request.url.copy_with(raw_path=self.shown.encode("ascii") + (b"?" + query if query else b"")))

    def hide(self, request: httpx.Request) -> None:
        """Give the answered request its URL as it may be shown: httpx logs it (and the answer keeps it)."""
        if self.shown is not None:
            request.url = httpx.URL(self.url(request))

    def outgoing(self, request: httpx.Request) -> httpx.Request:
        """What the wrapped transport gets: the request, or a copy when :meth:`hide` will change its URL."""
        if self.shown is None:
            return request
        return httpx.Request(
            request.method, request.url, headers=request.headers, content=request.content, extensions=request.extensions
        )


class _Unreadable(Exception):
    """The answer's body could not be read in full: too large, or undecodable."""

    def __init__(self, response: httpx.Response, reason: str) -> None:
        super().__init__(reason)
        self.response = response
        self.reason = reason


def _shown(request: httpx.Request) -> tuple[str | None, tuple[str, ...]]:
    """The request's path with its secret segments hidden (None: it has none), and their values."""
    if not has_secret_paths(request.method):
        return None, ()
    shown, secrets = hide_secrets(request.method, request.url.raw_path.split(b"?", 1)[0].decode("ascii"))
    return (shown, secrets) if secrets else (None, ())


def _finite(timeout: Mapping[str, float | None] | None) -> bool:
    """Whether every part of a request's timeout (httpx's ``extensions["timeout"]``) is in bounds."""
    return timeout is not None and all(value is not None and 0 < value <= MAX_TIMEOUT for value in timeout.values())


def _reconciles(request: httpx.Request) -> bool:
    """Whether the operation has a reconcile rule (``x-amazonpay-reconcile``): cancel, close."""
    found = route(request.method, request.url.raw_path.split(b"?", 1)[0].decode("ascii"))
    return found is not None and found.entry["reconcile"] is not None


def _answers_without_body(request: httpx.Request) -> bool:
    entry = operation_at(request.method, request.url.path)
    return entry is not None and not entry["responseBody"]


class AmazonPayTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport (sync and async) that makes plain requests into Amazon Pay requests."""

    def __init__(
        self,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport,
        *,
        credentials: Credentials,
        endpoint: Endpoint,
        retry_policy: RetryPolicy,
        clock: Clock = utc_now,
        clock_skew: ClockSkew = None,
    ) -> None:
        self._inner = inner
        self._credentials = credentials
        self._endpoint = endpoint
        self._policy = retry_policy
        self._clock = clock
        self._correct_skew = clock_skew == "auto"
        self._skew = timedelta(0)  # added to the local clock when signing
        self._ran_in_a_loop = False
        #: The asyncio loop the async side first ran in, once known (the check's fast path).
        self._home_asyncio_loop: weakref.ref[object] | None = None
        base = httpx.URL(endpoint.base_url)
        #: Where signed requests may go: the endpoint's scheme, host and port, under its path.
        self._origin = (base.scheme, base.host, base.port)
        self._prefix = base.raw_path.rstrip(b"/") + b"/"
        #: The headers that are the same on every request of this client.
        self._fixed_headers = {
            "accept": "application/json",
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "x-amz-pay-host": endpoint.host,
            "x-amz-pay-region": endpoint.region,
        }
        self._fixed_raw = [(name.encode("ascii"), value.encode("ascii")) for name, value in self._fixed_headers.items()]
        #: The request's lines each attempt replaces: the stamp's (the idempotency key's too: no request
        #: carries one of its own, _begin refuses it) and a previous attempt's signature.
        self._replaced = frozenset(
            {name for name, _ in self._fixed_raw} | {b"x-amz-pay-date", b"x-amz-pay-idempotency-key", b"authorization"}
        )

    @cached_property
    def _home_loop(self) -> RunVar[bool]:
        """Set in the event loop the async side first ran in; unset in any other loop.

        Made on first async use: a sync client never loads ``anyio.lowlevel``.
        """
        from anyio.lowlevel import RunVar

        return RunVar(f"amazonpay-transport-{id(self)}")

    def __repr__(self) -> str:
        return f"AmazonPayTransport(endpoint={self._endpoint.base_url!r}, inner={type(self._inner).__name__})"

    # --- sync ---------------------------------------------------------------------------
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` as one logical Amazon Pay call: its attempts, then a read answer or a typed error."""
        inner = self._inner
        if not isinstance(inner, httpx.BaseTransport):
            raise ConfigurationError(f"{type(inner).__name__} is async-only; use AsyncAmazonPay with it")
        attempts = self._begin(request, request.read())
        try:
            return self._exchange(inner, request, attempts)
        except APIStatusError as refused:
            check = self._reconciliation(request, attempts, refused)
            if check is None:
                raise
            rule, fetch = check
            fetched = self._fetch_attempts(attempts, fetch)
            try:
                found = self._exchange(inner, fetch, fetched)
            except AmazonPayError as failure:
                raise self._unknown(request, attempts, fetched, refused, failure) from failure
            return self._reconciled(request, attempts, fetched, refused, rule, found)

    def _exchange(self, inner: httpx.BaseTransport, request: httpx.Request, attempts: _Attempts) -> httpx.Response:
        while True:
            self._prepare(request, attempts)
            then: float | AmazonPayError
            try:
                response = _read(inner.handle_request(attempts.outgoing(request)), request)
            except httpx.TransportError as error:
                then = self._after_exception(request, attempts, error)
            except _Unreadable as unreadable:
                then = self._unreadable(request, attempts, unreadable)
            else:
                delay = self._retry_delay(request, attempts, response)
                if delay is None:
                    return self._final(request, attempts, response)
                then = delay
            if isinstance(then, AmazonPayError):
                # Raised here, outside the except clause: the httpx exception (which holds the
                # request, headers and all) is neither its cause nor its context.
                raise then
            time.sleep(then)

    def close(self) -> None:
        """Close the wrapped transport."""
        if isinstance(self._inner, httpx.BaseTransport):
            self._inner.close()

    # --- async --------------------------------------------------------------------------
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """The async twin of :meth:`handle_request`."""
        inner = self._inner
        if not isinstance(inner, httpx.AsyncBaseTransport):
            raise ConfigurationError(f"{type(inner).__name__} is sync-only; use AmazonPay with it")
        self._check_event_loop(request)
        attempts = self._begin(request, await request.aread())
        try:
            return await self._async_exchange(inner, request, attempts)
        except APIStatusError as refused:
            check = self._reconciliation(request, attempts, refused)
            if check is None:
                raise
            rule, fetch = check
            fetched = self._fetch_attempts(attempts, fetch)
            try:
                found = await self._async_exchange(inner, fetch, fetched)
            except AmazonPayError as failure:
                raise self._unknown(request, attempts, fetched, refused, failure) from failure
            return self._reconciled(request, attempts, fetched, refused, rule, found)

    async def _async_exchange(
        self, inner: httpx.AsyncBaseTransport, request: httpx.Request, attempts: _Attempts
    ) -> httpx.Response:
        while True:
            self._prepare(request, attempts)
            then: float | AmazonPayError
            try:
                response = await _aread(await inner.handle_async_request(attempts.outgoing(request)), request)
            except httpx.TransportError as error:
                then = self._after_exception(request, attempts, error)
            except _Unreadable as unreadable:
                then = self._unreadable(request, attempts, unreadable)
            else:
                delay = self._retry_delay(request, attempts, response)
                if delay is None:
                    return self._final(request, attempts, response)
                then = delay
            if isinstance(then, AmazonPayError):
                raise then  # outside the except clause, as in _exchange
            await anyio.sleep(then)

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        if isinstance(self._inner, httpx.AsyncBaseTransport):
            await self._inner.aclose()

    def _check_event_loop(self, request: httpx.Request) -> None:
        """Refuse a second event loop: the pooled connections belong to the first one."""
        # The common case first, without anyio: the running asyncio loop is the home loop (0.4 us; anyio's
        # run variable, which trio needs, asks sniffio, the current task and a weak dictionary: 2.3 us).
        asyncio = sys.modules.get("asyncio")
        loop = asyncio._get_running_loop() if asyncio is not None else None
        home = self._home_asyncio_loop
        if loop is not None and home is not None and home() is loop:
            return
        if self._home_loop.get(False):
            return
        if self._ran_in_a_loop:
            shown, _ = _shown(request)
            raise ConfigurationError(
                f"{request.method} {shown or request.url.path} not sent: this AsyncAmazonPay was first used in "
                "another event loop, and its connections belong to that loop. Create the client in the loop that "
                "uses it (for example inside the function that asyncio.run runs)"
            )
        self._home_loop.set(True)
        self._ran_in_a_loop = True
        if loop is not None:
            self._home_asyncio_loop = weakref.ref(loop)

    # --- shared steps -------------------------------------------------------------------
    def _begin(self, request: httpx.Request, body: bytes) -> _Attempts:
        """Check the call once, before its first attempt: nothing invalid is ever sent."""
        shown, secrets = _shown(request)
        path = shown or request.url.path
        self._check_destination(request, path)
        if "x-amz-pay-idempotency-key" in request.headers:
            # Set on the httpx client or request, it would be replaced by the call's own key, and a
            # caller re-running the call in the belief that it is idempotent could pay twice.
            raise ConfigurationError(
                f"{request.method} {path} not sent: set the idempotency key with "
                "request_options(idempotency_key=...) or the method's idempotency_key=, not as a header; "
                "nothing was sent"
            )
        call = current_call() or CallState()
        _check_headers(request, call, f"{request.method} {path}")
        if request.method in methods_with_bodies():
            # Imported by the first call with a body: a process that only reads (GETs) never loads the checks.
            from ._validation import check_request_body

            check_request_body(request.method, path, body)
        date = amz_date(self._now())  # a clock that cannot sign is refused here, before the call counts
        key = call.take_idempotency_key(request.method, path)
        if request.method == "POST" and key is None:
            key = os.urandom(16).hex()  # 128 random bits in 32 hex digits, as uuid4().hex, without importing uuid
        runner = _runner()
        call.began(key, runner)  # the caller knows the key before anything is sent, whatever ends the call
        if call.timeout is not None:
            request.extensions["timeout"] = call.timeout.as_dict()
        elif not _finite(request.extensions.get("timeout")):
            # A per-request timeout given to pay.api's httpx client (get(..., timeout=None)), or none at all
            # (this transport used without an httpx client), is checked as request_options' is.
            checked_timeout(httpx.Timeout(**(request.extensions.get("timeout") or {"timeout": None})))
        if request.url.query:
            # httpx writes a space as "+"; Amazon reads RFC 3986. Send exactly what is signed.
            query = request.url.params.multi_items()
            request.url = request.url.copy_with(query=encode_query(query).encode("ascii"))
        retries = self._policy.max_retries if call.max_retries is None else call.max_retries
        return _Attempts(
            call=call, idempotency_key=key, max_retries=retries, shown=shown, secrets=secrets, date=date, runner=runner
        )

    def _check_destination(self, request: httpx.Request, path: str) -> None:
        """Refuse a URL outside the configured endpoint: the request would carry its signature elsewhere."""
        url = request.url
        raw = url.raw_path
        if (url.scheme, url.host, url.port) == self._origin and raw.startswith(self._prefix) and not _dot_segment(raw):
            return
        raise ConfigurationError(
            f"{request.method} {url.scheme}://{printable(url.netloc.decode('ascii'), 100)}{printable(path, 200)} not "
            f"sent: amazonpay signs requests for {self._endpoint.base_url} only, and a signed request (with any "
            "delegated auth token) must not reach another host or path. Give pay.api's httpx client a path "
            "relative to its base URL (such as '/merchantAccounts'); nothing was sent"
        )

    def _prepare(self, request: httpx.Request, attempts: _Attempts) -> None:
        """Stamp this attempt's headers and sign them."""
        attempts.number += 1
        attempts.started = time.perf_counter()
        call = attempts.call
        if call.headers:
            request.headers.update(call.headers)
        dated = {"x-amz-pay-date": attempts.date or amz_date(self._now())}
        attempts.date = None  # each retry is dated afresh
        if attempts.idempotency_key is not None:
            dated["x-amz-pay-idempotency-key"] = attempts.idempotency_key
        replaced = self._replaced
        if call.simulation_code is not None or call.auth_token is not None:
            if call.simulation_code is not None:
                dated["x-amz-pay-simulation-code"] = call.simulation_code
            if call.auth_token is not None:
                dated["x-amz-pay-authtoken"] = call.auth_token  # signed, as every x-amz-pay-* header
            replaced = replaced.union([name.encode("ascii") for name in dated])
        stamp = {**self._fixed_headers, **dated}
        # One new header list, not a scan of the list per header set (as many setitems would do); the
        # headers every request of this client has are encoded once.
        stamped = self._fixed_raw + [(name.encode("ascii"), value.encode("ascii")) for name, value in dated.items()]
        kept = []
        own_signed = False  # the stamp holds every header the recipe signs, unless the caller sent x-amz-pay-* ones
        for name, value in request.headers.raw:
            lowered = name.lower()
            if lowered not in replaced:
                kept.append((name, value))
                own_signed = own_signed or lowered.startswith(b"x-amz-pay-")
        authorization = authorization_header(
            method=request.method,
            path=request.url.path,
            query=request.url.params.multi_items() if request.url.query else (),
            headers=httpx.Headers([*kept, *stamped]) if own_signed else stamp,
            body=request.content,
            key=self._credentials.private_key,
            public_key_id=self._credentials.public_key_id,
            algorithm=self._credentials.algorithm,
        )
        request.headers = httpx.Headers([*kept, *stamped, (b"authorization", authorization.encode("ascii"))])
        # Last, right before the bytes may leave: a call cancelled from here on says it was sent.
        call.sending(attempts.number, attempts.runner)

    def _after_exception(
        self, request: httpx.Request, attempts: _Attempts, error: httpx.TransportError
    ) -> float | APIConnectionError:
        """The delay before the next attempt, or the typed error when out of attempts."""
        if not isinstance(error, _NOTHING_SENT):
            attempts.sent = attempts.uncertain = True
        self._record(attempts, status=None, request_id=None)
        logger.debug(
            "%s %s failed: %s (attempt %d, %.1f ms)",
            request.method,
            attempts.path(request),
            type(error).__name__,
            attempts.number,
            self._elapsed_ms(attempts),
        )
        if self._policy.retries_exception(error) and attempts.number <= attempts.max_retries:
            delay = self._policy.delay(attempts.number)
            self._log_retry(request, attempts, type(error).__name__, delay)
            return delay
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if cls is APITimeoutError else f"failed ({_failure(error, request, attempts)})"
        hint = (
            outcome_hint(
                request.method, attempts.idempotency_key, may_have_been_processed=True, reconciles=_reconciles(request)
            )
            if attempts.uncertain
            else "; nothing was sent"
            if not attempts.sent
            else ""
        )
        url = attempts.url(request)
        return cls(
            f"{request.method} {url} {what} after {attempts.number} attempt(s){hint}",
            method=request.method,
            url=url,
            attempts=attempts.number,
            idempotency_key=attempts.idempotency_key,
            may_have_been_processed=attempts.uncertain,
        )

    def _retry_delay(self, request: httpx.Request, attempts: _Attempts, response: httpx.Response) -> float | None:
        """The delay before retrying after ``response``, or ``None`` to stop here."""
        attempts.sent = True
        request_id = response.headers.get("x-amz-pay-request-id")
        self._record(attempts, status=response.status_code, request_id=request_id, response=response)
        if logger.isEnabledFor(logging.DEBUG):  # its arguments cost more than the disabled call
            logger.debug(
                "%s %s -> %d (request id %s, attempt %d, %.1f ms)",
                request.method,
                attempts.path(request),
                response.status_code,
                printable(request_id or "none", 80),
                attempts.number,
                self._elapsed_ms(attempts),
            )
        corrected = self._correct_skew and self._skew_corrected(response)
        # A rejected date (400) is worth one more attempt once the clock has been corrected.
        retryable = self._policy.retries_status(response.status_code) or (corrected and response.status_code == 400)
        if response.status_code >= 500:
            attempts.uncertain = True  # the service may have acted before it failed
        if not retryable or attempts.number > attempts.max_retries:
            return None
        if corrected and response.status_code == 400:
            return 0.0
        delay = self._policy.delay(attempts.number, response.headers.get("retry-after"))
        self._log_retry(request, attempts, f"status {response.status_code}", delay)
        return delay

    def _final(self, request: httpx.Request, attempts: _Attempts, response: _Answer) -> httpx.Response:
        """The answer of the call: a 2xx whose body is a JSON object, else the typed error.

        An empty 2xx body is an answer too where the spec's operation answers without content
        (a 204, or Cancel Report Schedule's 200).
        """
        if not 200 <= response.status_code < 300:
            error = self._status_error(request, attempts, response, may_have_been_processed=attempts.uncertain)
            if error.may_have_been_processed and self._reconciliation(request, attempts, error) is not None:
                # The reconciliation that follows finds out; until then the refusal claims nothing.
                error = self._status_error(request, attempts, response, may_have_been_processed=False)
            raise error
        response.secrets = attempts.secrets  # the request's URL is hidden from here on
        if not response.content and (response.status_code == 204 or _answers_without_body(request)):
            attempts.hide(request)
            return response
        try:
            body: Any = json.loads(response.content)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise self._unreadable(request, attempts, _Unreadable(response, "the body is not a JSON object"))
        response.checked_json = body
        attempts.hide(request)
        return response

    @staticmethod
    def _status_error(
        request: httpx.Request, attempts: _Attempts, response: httpx.Response, *, may_have_been_processed: bool
    ) -> APIStatusError:
        return error_for_status(
            response.status_code,
            _hidden(response.content, attempts.secrets),
            request_id=response.headers.get("x-amz-pay-request-id"),
            attempts=attempts.number,
            method=request.method,
            url=attempts.url(request),
            idempotency_key=attempts.idempotency_key,
            may_have_been_processed=may_have_been_processed,
            location=response.headers.get("location"),
            reconciles=may_have_been_processed and _reconciles(request),
        )

    def _unreadable(self, request: httpx.Request, attempts: _Attempts, problem: _Unreadable) -> UnexpectedResponseError:
        response = problem.response
        attempts.sent = True
        request_id = response.headers.get("x-amz-pay-request-id")
        self._record(attempts, status=response.status_code, request_id=request_id)
        try:
            content = response.content
        except httpx.ResponseNotRead:
            content = b""
        key = attempts.idempotency_key
        recover = f"retry with idempotency_key={key!r} to get its result" if key else "get the object to see its state"
        return UnexpectedResponseError(
            f"{request.method} {attempts.url(request)} was answered {response.status_code} but {problem.reason}; the "
            f"call may have succeeded at Amazon: {recover}",
            status=response.status_code,
            request_id=request_id,
            body=_hidden(content[:MAX_RESPONSE_BYTES], attempts.secrets).decode("utf-8", errors="replace"),
            idempotency_key=key,
        )

    # --- reconciliation of a refused retry (generated from x-amazonpay-reconcile) ---------------
    @staticmethod
    def _reconciliation(
        request: httpx.Request, attempts: _Attempts, refused: APIStatusError
    ) -> tuple[dict[str, Any], httpx.Request] | None:
        """The check to run when ``refused`` may only say that an earlier attempt of this call did the job.

        Only then: after an attempt of this call that may have been processed, or when the
        caller marks the call as the retry of one (``request_options(retrying=True)``). A
        refusal of a first, answered call is the outcome, even if the object is already in the
        state asked for: something else put it there. The rule is the operation's ``reconcile``
        (generated from ``x-amazonpay-reconcile``): get the object at ``getPath``, filled from
        the refused request's path parameters.
        """
        if refused.status != 422 or not (attempts.uncertain or attempts.call.retrying):
            return None
        raw_path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        found = route(request.method, raw_path)
        rule = found.entry["reconcile"] if found is not None else None
        if found is None or rule is None or refused.reason_code not in rule["reasonCodes"]:
            return None
        path = found.prefix + rule["getPath"].format(**found.parameters)
        url = request.url.copy_with(raw_path=path.encode("ascii"))
        return rule, httpx.Request("GET", url, extensions=dict(request.extensions))

    def _fetch_attempts(self, attempts: _Attempts, fetch: httpx.Request) -> _Attempts:
        """Attempts of the reconciling GET: counted on after the call's, with a full retry budget."""
        shown, secrets = _shown(fetch)
        return _Attempts(
            call=attempts.call,
            idempotency_key=None,
            max_retries=attempts.number + self._policy.max_retries,
            number=attempts.number,
            sent=attempts.sent,  # the call's own request was sent, whatever happens to the GET
            shown=shown,
            secrets=secrets,
            runner=attempts.runner,
        )

    def _reconciled(
        self,
        request: httpx.Request,
        attempts: _Attempts,
        fetched: _Attempts,
        refused: APIStatusError,
        rule: dict[str, Any],
        found: httpx.Response,
    ) -> httpx.Response:
        """``found`` if it shows what the refused call asked for; else the refusal, or an unknown outcome."""
        obj: Any = json.loads(found.content)
        state, reason = _field(obj, rule["stateField"]), None
        if rule["stateReasonField"] is not None:
            reason = _field(obj, rule["stateReasonField"])
        if state != rule["state"] or (rule["stateReasons"] is not None and reason not in rule["stateReasons"]):
            # The object does not show this call's effect, so this call did not do it: the refusal stands.
            raise refused
        body: Any = json.loads(request.content) if request.content else {}
        unverifiable = [
            f"{name}={json.dumps(value)}"
            for name, value in rule["unverifiable"].items()
            if isinstance(body, dict) and body.get(name) == value
        ]
        if unverifiable:
            url = attempts.url(request)
            raise OutcomeUnknownError(
                f"{request.method} {url} answered {refused.reason_code} after an earlier attempt may have been "
                f"processed; the object is {rule['state']}, but it does not show whether {', '.join(unverifiable)} "
                "took effect, and no operation tells: the outcome is unknown; find out what that asked for by other "
                "means before calling again",
                method=request.method,
                url=url,
                attempts=fetched.number,
                idempotency_key=None,
            )
        logger.info(
            "%s %s answered %s, but the object is already %s: returning it (%s)",
            request.method,
            attempts.path(request),
            refused.reason_code,
            rule["state"],
            "an earlier attempt did it" if attempts.uncertain else "the attempt this call retries did it",
        )
        attempts.hide(request)
        return found

    @staticmethod
    def _unknown(
        request: httpx.Request,
        attempts: _Attempts,
        fetched: _Attempts,
        refused: APIStatusError,
        failure: AmazonPayError,
    ) -> AmazonPayError:
        """The outcome when the object could not be fetched: an earlier attempt may have done the job, or not."""
        url = attempts.url(request)
        return OutcomeUnknownError(
            f"{request.method} {url} answered {refused.reason_code} after an earlier attempt may have been "
            f"processed, and the object could not be fetched to tell ({type(failure).__name__}): the outcome is "
            "unknown; get the object to see its state before calling again",
            method=request.method,
            url=url,
            attempts=fetched.number,
            idempotency_key=None,
        )

    # --- helpers ----------------------------------------------------------------------------
    def _now(self) -> datetime:
        """The signing time: the clock's, in UTC, plus any correction adopted from Amazon's ``Date``."""
        moment = self._clock()
        if not isinstance(moment, datetime) or moment.utcoffset() is None:
            what = "a datetime without a time zone" if isinstance(moment, datetime) else type(moment).__name__
            raise ConfigurationError(
                f"clock() returned {what}: x-amz-pay-date is UTC, and a time without a zone cannot be told apart from "
                "local time; pass a clock that returns an aware datetime, such as datetime.now(UTC); nothing was sent"
            )
        moment = moment.astimezone(UTC)
        return moment + self._skew if self._skew else moment

    def _skew_corrected(self, response: httpx.Response) -> bool:
        """Adopt the server's clock when its ``Date`` differs from ours by more than the limit."""
        try:
            server = parsedate_to_datetime(response.headers["date"])
        except (KeyError, TypeError, ValueError, IndexError):
            return False
        if server.tzinfo is None or not _PLAUSIBLE_DATES[0] <= server < _PLAUSIBLE_DATES[1]:
            return False
        offset = server.astimezone(UTC) - self._now()
        if abs(offset) <= MAX_CLOCK_SKEW:
            return False
        self._skew += timedelta(seconds=round(offset.total_seconds()))
        logger.warning(
            "local clock is %+.0f s off Amazon Pay's (Date header); signing with the corrected time from now on",
            -offset.total_seconds(),
        )
        return True

    @staticmethod
    def _record(
        attempts: _Attempts, *, status: int | None, request_id: str | None, response: httpx.Response | None = None
    ) -> None:
        attempts.call.record(
            attempts.runner, status=status, request_id=request_id, sent=attempts.sent, response=response
        )

    @staticmethod
    def _elapsed_ms(attempts: _Attempts) -> float:
        return (time.perf_counter() - attempts.started) * 1000

    @staticmethod
    def _log_retry(request: httpx.Request, attempts: _Attempts, cause: str, delay: float) -> None:
        logger.info(
            "retrying %s %s after %s in %.2f s (attempt %d of %d)",
            request.method,
            attempts.path(request),
            cause,
            delay,
            attempts.number + 1,
            attempts.max_retries + 1,
        )


# --- what a request may show of itself ---------------------------------------------------------
def _sendable_values(joined: bytes) -> bool:
    """Whether header values joined by newlines (which no sendable value holds) each match FIELD_VALUE.

    Byte scans, not FIELD_VALUE's pattern repeated: as fast on every call, and nothing to
    compile (0.25 ms) in a process's first one. No byte outside the value's alphabet, and no
    space or tab at either end of a line.
    """
    if joined.translate(None, _VALUE_BYTES):
        return False
    return not (
        joined.startswith(_BLANKS)
        or joined.endswith(_BLANKS)
        or b"\n " in joined
        or b"\n\t" in joined
        or b" \n" in joined
        or b"\t\n" in joined
    )


def _check_headers(request: httpx.Request, call: CallState, where: str) -> None:
    """Refuse, before sending, header values the HTTP layer would refuse and repeated ``x-amz-pay-*`` names.

    A value h11 refuses (a space at either end, a control character) fails in the middle of
    the send with an error quoting it; the values of ``headers=`` and the per-call options are
    checked where they are given, these are the httpx client's and request's own. Two lines of
    one ``x-amz-pay-*`` name would be sent apart but signed joined (``a, b``): how Amazon
    canonicalises them is not documented, so they are not guessed at.
    """
    raw = request.headers.raw
    if not _sendable_values(b"\n".join([value for _, value in raw])):
        name = next(name for name, value in raw if not re.fullmatch(FIELD_VALUE, value.decode("latin-1")))
        raise ConfigurationError(
            f"{where} not sent: header {printable(name.decode('latin-1'), 100)} has a value the HTTP layer would "
            "refuse (a space at either end, a control character, a line break or non-ASCII); its value is not "
            "shown; nothing was sent"
        )
    if not call.headers and b"x-amz-pay-" not in b"\n".join([name for name, _ in raw]).lower():
        return  # the common case: no header of the caller's own is signed
    own = [name.lower() for name, _ in raw if name[:10].lower() == b"x-amz-pay-"]
    given = [name.lower().encode("ascii") for name in call.headers]  # headers= replace the request's lines
    # The transport replaces every line of the names it stamps.
    stamped = {b"x-amz-pay-date", b"x-amz-pay-host", b"x-amz-pay-region"}
    if call.simulation_code is not None:
        stamped.add(b"x-amz-pay-simulation-code")
    if call.auth_token is not None:
        stamped.add(b"x-amz-pay-authtoken")
    names = [name for name in own if name not in given] + [name for name in given if name.startswith(b"x-amz-pay-")]
    repeated = next((name for name in names if names.count(name) > 1 and name not in stamped), None)
    if repeated is not None:
        raise ConfigurationError(
            f"{where} not sent: header {repeated.decode('ascii')} is given more than once; each x-amz-pay-* header "
            "is signed, and two lines of one name have no documented signed form: pass it once; nothing was sent"
        )


def _dot_segment(raw_path: bytes) -> bool:
    """Whether a path has a percent-encoded ``.`` or ``..`` segment (httpx removes the plain ones)."""
    return b"%2" in raw_path and any(
        unquote_to_bytes(segment) in (b".", b"..") for segment in raw_path.split(b"?", 1)[0].split(b"/")
    )


def _failure(error: httpx.TransportError, request: httpx.Request, attempts: _Attempts) -> str:
    """What an httpx failure says, unless its text quotes what the request carried.

    Its class name always; its text only if no header value that may be a secret (anything but
    :data:`_PUBLIC_HEADERS`) and no secret path segment appears in it, as written or escaped as
    Python writes bytes (as h11 quotes them). A ``LocalProtocolError`` is the HTTP layer refusing
    the request as built, so its text is never shown.
    """
    name = type(error).__name__
    if isinstance(error, httpx.LocalProtocolError):
        return f"{name}: the HTTP layer refused the request as built (its text, which quotes the request, is not shown)"
    text = str(error)
    values = [value for name, value in request.headers.raw if value and name.lower() not in _PUBLIC_HEADERS]
    values += [secret.encode("ascii") for secret in attempts.secrets]
    values += [unquote_to_bytes(secret) for secret in attempts.secrets]
    if any(form in text for value in values for form in (value.decode("latin-1"), repr(value)[2:-1])):
        return f"{name} (its text is not shown: it quotes the request)"
    return f"{name}: {printable(text, 200)}"


def unreadable_answer(response: httpx.Response, error: Exception) -> UnexpectedResponseError:
    """The typed error for a success answer the generated code cannot read into its model.

    ``error`` is what the generated parsing raised: a ``KeyError`` for a required field missing,
    a ``ValueError`` for a value the spec does not list, ``UnexpectedStatus`` for a success
    status it does not document. Calls through ``pay.api`` and the resource methods alike get
    it (the configured generated client reads every answer through here).
    """
    request = response.request
    # The transport hid the answered request's secret path segments; it keeps their values on the answer.
    secrets = response.secrets if isinstance(response, _Answer) else _shown(request)[1]
    entry = operation_at(request.method, request.url.path)
    what = f"the {entry['operationId']} answer" if entry is not None else "the answer"
    if isinstance(error, KeyError):
        problem = f"{what} lacks the required field {printable(str(error), 100)}"
    elif isinstance(error, UnexpectedStatus):
        problem = f"{what} has the status {response.status_code}, which the spec does not document"
    else:
        problem = f"cannot read {what} ({type(error).__name__}: {printable(str(error))})"
    key = request.headers.get("x-amz-pay-idempotency-key")
    recover = f"retry with idempotency_key={key!r} to get its result" if key else "get the object again"
    content = _hidden(response.content, secrets)
    problem = _hidden(problem.encode("utf-8"), secrets).decode("utf-8")
    return UnexpectedResponseError(
        f"{problem}; the call may have succeeded at Amazon: {recover}, or regenerate the client from a newer spec",
        status=response.status_code,
        request_id=response.headers.get("x-amz-pay-request-id"),
        body=content.decode("utf-8", errors="replace"),
        idempotency_key=key,
    )


def _hidden(content: bytes, secrets: tuple[str, ...]) -> bytes:
    """An answer's body with the request's secret path segments (as sent or decoded) hidden, for an error."""
    for secret in secrets:
        for form in {secret.encode("ascii"), unquote_to_bytes(secret)}:
            content = content.replace(form, b"***")
    return content


# --- reading an answer in full, within the attempt ----------------------------------------------
class _SmallChunks(httpx.SyncByteStream):
    """The raw (still compressed) body in pieces of at most :data:`_RAW_CHUNK` bytes."""

    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            for start in range(0, len(chunk), _RAW_CHUNK):
                yield chunk[start : start + _RAW_CHUNK]

    def close(self) -> None:
        self._stream.close()


class _AsyncSmallChunks(httpx.AsyncByteStream):
    """The async twin of :class:`_SmallChunks`."""

    def __init__(self, stream: httpx.AsyncByteStream) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            for start in range(0, len(chunk), _RAW_CHUNK):
                yield chunk[start : start + _RAW_CHUNK]

    async def aclose(self) -> None:
        await self._stream.aclose()


def _body_deadline(request: httpx.Request) -> float:
    """When the body must be in (``perf_counter``): the read timeout bounds the whole body, not each read.

    Else a server or proxy sending it a byte at a time, each just inside the timeout, would hold
    the attempt for as long as it liked. A body cut off here is a ``ReadTimeout``, retried.
    """
    read = request.extensions.get("timeout", {}).get("read")
    return math.inf if read is None else time.perf_counter() + read


def _check_pace(ends: float, request: httpx.Request) -> None:
    if time.perf_counter() > ends:
        raise httpx.ReadTimeout("the answer's body did not arrive within the read timeout", request=request)


def _plain_stream(response: httpx.Response) -> bool:
    """Whether the answer's stream is its body as it is: not read yet, and no content coding to undo.

    Then it is read directly, not through httpx's ``iter_bytes`` and ``iter_raw`` (two generators,
    a decoder, two byte chunkers and two context managers, passing the bytes on unchanged): about
    a twentieth of a call's work. A coded (compressed) body is decoded as before, in small steps.
    """
    return not response.is_stream_consumed and not response.headers.get_list("content-encoding")


def _read(response: httpx.Response, request: httpx.Request) -> _Answer:
    """``response`` read in full (so its connection goes back to the pool), as a new response."""
    stream = response.stream
    source: Iterable[bytes]
    if isinstance(stream, httpx.SyncByteStream) and _plain_stream(response):
        source = stream  # the stream's bytes are the body: httpx's decoding layers would pass them on as they are
    else:
        if isinstance(stream, httpx.SyncByteStream):
            response.stream = _SmallChunks(stream)
        source = response.iter_bytes()
    chunks: list[bytes] = []
    size = 0
    ends = _body_deadline(request)
    try:
        for chunk in source:
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise _Unreadable(response, _too_large())
            _check_pace(ends, request)
            chunks.append(chunk)
    except httpx.DecodingError as error:
        raise _Unreadable(response, f"its body cannot be decoded ({printable(str(error), 200)})") from None
    finally:
        response.close()
    return _Answer(response, request, b"".join(chunks))


async def _aread(response: httpx.Response, request: httpx.Request) -> _Answer:
    """The async twin of :func:`_read`."""
    stream = response.stream
    source: AsyncIterable[bytes]
    if isinstance(stream, httpx.AsyncByteStream) and _plain_stream(response):
        source = stream  # as in _read
    else:
        if isinstance(stream, httpx.AsyncByteStream):
            response.stream = _AsyncSmallChunks(stream)
        source = response.aiter_bytes()
    chunks: list[bytes] = []
    size = 0
    ends = _body_deadline(request)
    try:
        async for chunk in source:
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise _Unreadable(response, _too_large())
            _check_pace(ends, request)
            chunks.append(chunk)
    except httpx.DecodingError as error:
        raise _Unreadable(response, f"its body cannot be decoded ({printable(str(error), 200)})") from None
    finally:
        await response.aclose()
    return _Answer(response, request, b"".join(chunks))


def _field(obj: Any, path: list[str]) -> Any:
    """``obj[path[0]][path[1]]...``, or None where the answer lacks a level."""
    for name in path:
        obj = obj.get(name) if isinstance(obj, dict) else None
    return obj


def _too_large() -> str:
    return f"its body exceeds {MAX_RESPONSE_BYTES // 1024} KiB decompressed (no Amazon Pay answer is that large)"


class _Answer(httpx.Response):
    """An answer read in full within its attempt: its decoded body, its headers otherwise as received.

    Made from the body the transport read, so nothing reads it a second time: the body is
    httpx's own read cache (``content``, ``read()``, ``iter_bytes()`` give it, as often as
    asked). The transport parses a success body to check that it is a JSON object, and the
    generated operation parses it again right after: the first ``json()`` takes the
    transport's parse instead; later calls parse afresh, as httpx does, so no two callers
    share one object.
    """

    def __init__(self, response: httpx.Response, request: httpx.Request, body: bytes) -> None:
        headers = [(name, value) for name, value in response.headers.raw if name.lower() not in _HOP_BY_HOP]
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        super().__init__(
            response.status_code,
            headers=headers,
            stream=httpx.ByteStream(body),
            request=request,
            extensions=response.extensions,
        )
        # What read() would store, without reading the body back through httpx's decoders.
        self._content = body
        self.close()
        self.checked_json: dict[str, Any] | None = None
        #: The values of the request's secret path segments, hidden from its URL (for errors that quote the body).
        self.secrets: tuple[str, ...] = ()

    def json(self, **kwargs: Any) -> Any:
        """The body parsed as JSON (the transport's parse, the first time)."""
        checked, self.checked_json = self.checked_json, None
        if checked is not None and not kwargs:
            return checked
        return super().json(**kwargs)
