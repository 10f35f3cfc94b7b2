"""The layer below every generated operation: stamp, sign, send, retry, raise typed errors.

It wraps any httpx transport (network, the sandbox simulator, a test double). Every attempt
gets a fresh ``x-amz-pay-date`` and signature; one idempotency key is chosen per logical POST
and reused on each retry. Because it sits below the operations, an operation that a future
spec adds is signed, routed, retried and mapped to errors with no change here.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

import anyio
import httpx

from . import __version__
from ._endpoints import Endpoint
from ._errors import APIConnectionError, APIStatusError, APITimeoutError, ConfigurationError, error_for_status
from ._options import CallState, current_call
from ._retry import RetryPolicy
from ._signing import Credentials, authorization_header
from ._validation import check_request_body

logger = logging.getLogger("amazonpay")

Clock = Callable[[], datetime]
ClockSkew = Literal["auto"] | None
USER_AGENT = f"amazonpay-python/{__version__}"
#: The service rejects dates in the future; beyond this difference from its ``Date`` header,
#: ``clock_skew="auto"`` corrects the signing clock.
MAX_CLOCK_SKEW = timedelta(minutes=2)


def utc_now() -> datetime:
    """The default clock."""
    return datetime.now(UTC)


@dataclass
class _Attempts:
    """Book-keeping of one logical request across its attempts."""

    call: CallState
    idempotency_key: str | None
    max_retries: int
    number: int = 0
    started: float = 0.0


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

    def __repr__(self) -> str:
        return f"AmazonPayTransport(endpoint={self._endpoint.base_url!r}, inner={type(self._inner).__name__})"

    # --- sync ---------------------------------------------------------------------------
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self._inner, httpx.BaseTransport):
            raise ConfigurationError(f"{type(self._inner).__name__} is async-only; use AsyncAmazonPay with it")
        attempts = self._begin(request, request.read())
        while True:
            self._prepare(request, attempts)
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError as error:
                time.sleep(self._after_exception(request, attempts, error))
                continue
            delay = self._retry_delay(request, attempts, response)
            if delay is None:
                if response.status_code >= 400:
                    response.read()
                    raise self._status_error(request, attempts, response)
                return response
            response.close()
            time.sleep(delay)

    def close(self) -> None:
        if isinstance(self._inner, httpx.BaseTransport):
            self._inner.close()

    # --- async --------------------------------------------------------------------------
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(self._inner, httpx.AsyncBaseTransport):
            raise ConfigurationError(f"{type(self._inner).__name__} is sync-only; use AmazonPay with it")
        attempts = self._begin(request, await request.aread())
        while True:
            self._prepare(request, attempts)
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as error:
                await anyio.sleep(self._after_exception(request, attempts, error))
                continue
            delay = self._retry_delay(request, attempts, response)
            if delay is None:
                if response.status_code >= 400:
                    await response.aread()
                    raise self._status_error(request, attempts, response)
                return response
            await response.aclose()
            await anyio.sleep(delay)

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncBaseTransport):
            await self._inner.aclose()

    # --- shared steps -------------------------------------------------------------------
    def _begin(self, request: httpx.Request, body: bytes) -> _Attempts:
        """Check the call once, before its first attempt: nothing invalid is ever sent."""
        check_request_body(request.method, request.url.path, body)
        call = current_call() or CallState()
        key = call.idempotency_key
        if request.method == "POST":
            key = key or uuid.uuid4().hex
        elif key is not None:
            raise ConfigurationError(
                f"idempotency_key applies to POST requests only, not {request.method} {request.url.path}"
            )
        if call.timeout is not None:
            request.extensions["timeout"] = call.timeout.as_dict()
        retries = self._policy.max_retries if call.max_retries is None else call.max_retries
        return _Attempts(call=call, idempotency_key=key, max_retries=retries)

    def _prepare(self, request: httpx.Request, attempts: _Attempts) -> None:
        """Stamp this attempt's headers and sign them."""
        attempts.number += 1
        attempts.started = time.perf_counter()
        headers = request.headers
        headers.update(attempts.call.headers)
        headers["accept"] = "application/json"
        headers["content-type"] = "application/json"
        headers["user-agent"] = USER_AGENT
        headers["x-amz-pay-date"] = (self._clock() + self._skew).strftime("%Y%m%dT%H%M%SZ")
        headers["x-amz-pay-host"] = self._endpoint.host
        headers["x-amz-pay-region"] = self._endpoint.region
        if attempts.idempotency_key is not None:
            headers["x-amz-pay-idempotency-key"] = attempts.idempotency_key
        if attempts.call.simulation_code is not None:
            headers["x-amz-pay-simulation-code"] = attempts.call.simulation_code
        if attempts.call.auth_token is not None:
            headers["x-amz-pay-authtoken"] = attempts.call.auth_token  # signed, as every x-amz-pay-* header
        headers["authorization"] = authorization_header(
            method=request.method,
            path=request.url.path,
            query=request.url.params.multi_items(),
            headers=headers,
            body=request.content,
            key=self._credentials.private_key,
            public_key_id=self._credentials.public_key_id,
            algorithm=self._credentials.algorithm,
        )

    def _after_exception(self, request: httpx.Request, attempts: _Attempts, error: httpx.TransportError) -> float:
        """The delay before the next attempt, or raise the typed error when out of attempts."""
        self._record(attempts, status=None, request_id=None)
        logger.debug(
            "%s %s failed: %s (attempt %d, %.1f ms)",
            request.method,
            request.url.path,
            type(error).__name__,
            attempts.number,
            self._elapsed_ms(attempts),
        )
        if self._policy.retries_exception(error) and attempts.number <= attempts.max_retries:
            delay = self._policy.delay(attempts.number)
            self._log_retry(request, attempts, type(error).__name__, delay)
            return delay
        cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
        what = "timed out" if cls is APITimeoutError else f"failed ({type(error).__name__}: {error})"
        hint = (
            f"; it may have been processed: retry with idempotency_key={attempts.idempotency_key!r} to get its result"
            if attempts.idempotency_key
            else ""
        )
        raise cls(
            f"{request.method} {request.url} {what} after {attempts.number} attempt(s){hint}",
            method=request.method,
            url=str(request.url),
            attempts=attempts.number,
            idempotency_key=attempts.idempotency_key,
        ) from error

    def _retry_delay(self, request: httpx.Request, attempts: _Attempts, response: httpx.Response) -> float | None:
        """The delay before retrying after ``response``, or ``None`` to stop here."""
        request_id = response.headers.get("x-amz-pay-request-id")
        self._record(attempts, status=response.status_code, request_id=request_id, response=response)
        logger.debug(
            "%s %s -> %d (request id %s, attempt %d, %.1f ms)",
            request.method,
            request.url.path,
            response.status_code,
            request_id,
            attempts.number,
            self._elapsed_ms(attempts),
        )
        corrected = self._correct_skew and self._skew_corrected(response)
        # A rejected date (400) is worth one more attempt once the clock has been corrected.
        retryable = self._policy.retries_status(response.status_code) or (corrected and response.status_code == 400)
        if not retryable or attempts.number > attempts.max_retries:
            return None
        if corrected and response.status_code == 400:
            return 0.0
        delay = self._policy.delay(attempts.number, response.headers.get("retry-after"))
        self._log_retry(request, attempts, f"status {response.status_code}", delay)
        return delay

    def _status_error(self, request: httpx.Request, attempts: _Attempts, response: httpx.Response) -> APIStatusError:
        return error_for_status(
            response.status_code,
            response.content,
            request_id=response.headers.get("x-amz-pay-request-id"),
            attempts=attempts.number,
            method=request.method,
            url=str(request.url),
        )

    def _skew_corrected(self, response: httpx.Response) -> bool:
        """Adopt the server's clock when its ``Date`` differs from ours by more than the limit."""
        try:
            server = parsedate_to_datetime(response.headers["date"])
        except (KeyError, TypeError, ValueError):
            return False
        local = self._clock() + self._skew
        offset = server.astimezone(UTC) - local
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
        attempts.call.record(status=status, request_id=request_id, attempts=attempts.number, response=response)

    @staticmethod
    def _elapsed_ms(attempts: _Attempts) -> float:
        return (time.perf_counter() - attempts.started) * 1000

    @staticmethod
    def _log_retry(request: httpx.Request, attempts: _Attempts, cause: str, delay: float) -> None:
        logger.info(
            "retrying %s %s after %s in %.2f s (attempt %d of %d)",
            request.method,
            request.url.path,
            cause,
            delay,
            attempts.number + 1,
            attempts.max_retries + 1,
        )
