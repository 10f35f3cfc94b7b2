"""Retries: same idempotency key, fresh date and signature per attempt, typed errors when exhausted."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import (
    AmazonPay,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncAmazonPay,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from tests.support.independent_signing import verify_request
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.conftest import FakeClock, Recorder, Sent

KEY = "x-amz-pay-idempotency-key"
CREATE = BY_NAME["charges.create"]


def unavailable() -> httpx.Response:
    return httpx.Response(
        503,
        json={"reasonCode": "ServiceUnavailable", "message": "Service is temporarily unavailable"},
        headers={"x-amz-pay-request-id": "req-503"},
    )


def throttled(retry_after: str = "2") -> httpx.Response:
    return httpx.Response(
        429,
        json={"reasonCode": "TooManyRequests", "message": "Rate exceeded"},
        headers={"x-amz-pay-request-id": "req-429", "Retry-After": retry_after},
    )


# (the failure, the delay the client must wait before its retry: None for the backoff)
FAILURES: list[Any] = [
    pytest.param(unavailable, None, id="503"),
    pytest.param(throttled, 2.0, id="429 Retry-After 2"),
    pytest.param(lambda: httpx.ConnectError("connection dropped"), None, id="ConnectError"),
    pytest.param(lambda: httpx.ReadTimeout("read timed out"), None, id="ReadTimeout"),
]


def check_attempts(sent: list[Sent], public_key: rsa.RSAPublicKey, *, key_pattern: str | None = "[0-9a-f]{32}") -> None:
    """Same idempotency key on every attempt; a fresh date and a valid signature on each."""
    keys = {attempt.headers.get(KEY) for attempt in sent}
    assert len(keys) == 1
    (key,) = keys
    if key_pattern is None:
        assert key is None
    else:
        assert key is not None
        assert re.fullmatch(key_pattern, key)
    dates = [attempt.headers["x-amz-pay-date"] for attempt in sent]
    expected = [
        (datetime(2026, 11, 22, 10, 0, 0) + timedelta(seconds=n)).strftime("%Y%m%dT%H%M%SZ") for n in range(len(sent))
    ]
    assert dates == expected  # the fake clock advances a second per reading: one reading per attempt
    for attempt in sent:
        verify_request(public_key, attempt.method, str(attempt.url), attempt.headers, attempt.content)


def check_first_delay(expected: float | None, sleeps: list[float]) -> None:
    assert len(sleeps) == 1
    if expected is not None:
        assert sleeps == [expected]
    else:
        assert 0 < sleeps[0] <= RetryPolicy().initial_delay


# --- one failure, then success --------------------------------------------------------------
@pytest.mark.parametrize(("failure", "delay"), FAILURES)
def test_one_failure_then_success(
    failure: Callable[[], Any],
    delay: float | None,
    pay: AmazonPay,
    transport: Recorder,
    sleeps: list[float],
    public_key: rsa.RSAPublicKey,
) -> None:
    transport.queue(failure())
    transport.default = CREATE.answer()
    charge = pay.charges.create(CREATE_CHARGE_BODY)
    CREATE.check_result(charge)
    assert len(transport.sent) == 2
    check_attempts(transport.sent, public_key)
    check_first_delay(delay, sleeps)


@pytest.mark.anyio
@pytest.mark.parametrize(("failure", "delay"), FAILURES)
async def test_one_failure_then_success_async(
    failure: Callable[[], Any],
    delay: float | None,
    async_pay: AsyncAmazonPay,
    transport: Recorder,
    sleeps: list[float],
    public_key: rsa.RSAPublicKey,
) -> None:
    transport.queue(failure())
    transport.default = CREATE.answer()
    charge = await async_pay.charges.create(CREATE_CHARGE_BODY)
    CREATE.check_result(charge)
    assert len(transport.sent) == 2
    check_attempts(transport.sent, public_key)
    check_first_delay(delay, sleeps)


def test_a_caller_key_is_kept_across_retries(
    pay: AmazonPay, transport: Recorder, sleeps: list[float], public_key: rsa.RSAPublicKey
) -> None:
    transport.queue(unavailable(), httpx.ConnectError("dropped"))
    transport.default = CREATE.answer()
    pay.charges.create(CREATE_CHARGE_BODY, idempotency_key="order-7")
    assert [attempt.headers[KEY] for attempt in transport.sent] == ["order-7"] * 3
    check_attempts(transport.sent, public_key, key_pattern="order-7")


def test_a_get_is_retried_without_a_key(
    pay: AmazonPay, transport: Recorder, sleeps: list[float], public_key: rsa.RSAPublicKey
) -> None:
    transport.queue(httpx.ReadTimeout("slow"), unavailable())
    transport.default = BY_NAME["charges.get"].answer()
    BY_NAME["charges.get"].check_result(pay.charges.get("S02-1-C1"))
    assert len(transport.sent) == 3
    check_attempts(transport.sent, public_key, key_pattern=None)


@pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503, 504])
def test_transient_statuses_are_retried(status: int, pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.queue(httpx.Response(status, json={"reasonCode": "Transient", "message": "again"}))
    transport.default = CREATE.answer()
    pay.charges.create(CREATE_CHARGE_BODY)
    assert len(transport.sent) == 2
    assert len(sleeps) == 1


# --- exhausted retries ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("reply", "error_class", "reason_code", "message", "request_id"),
    [
        (unavailable, ServerError, "ServiceUnavailable", "Service is temporarily unavailable", "req-503"),
        (throttled, RateLimitError, "TooManyRequests", "Rate exceeded", "req-429"),
    ],
    ids=["503", "429"],
)
@pytest.mark.parametrize("max_retries", [3, 1])
def test_exhausted_status_retries_raise_the_typed_error(
    reply: Callable[[], httpx.Response],
    error_class: type[APIStatusError],
    reason_code: str,
    message: str,
    request_id: str,
    max_retries: int,
    rsa_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    transport: Recorder,
    clock: FakeClock,
    sleeps: list[float],
) -> None:
    transport.default = lambda request: reply()
    with (
        AmazonPay(
            public_key_id="LIVE-AE1",
            private_key=rsa_key,
            region="eu",
            transport=transport,
            clock=clock,
            max_retries=max_retries,
        ) as pay,
        pytest.raises(error_class) as raised,
    ):
        pay.charges.create(CREATE_CHARGE_BODY)
    error = raised.value
    assert type(error) is error_class
    assert error.status == reply().status_code
    assert error.reason_code == reason_code
    assert error.message == message
    assert error.request_id == request_id
    assert error.attempts == max_retries + 1
    assert len(transport.sent) == max_retries + 1
    assert len(sleeps) == max_retries
    check_attempts(transport.sent, public_key)
    assert request_id in str(error)
    assert f"{max_retries + 1} attempts" in str(error)


@pytest.mark.anyio
async def test_exhausted_status_retries_raise_the_typed_error_async(
    async_pay: AsyncAmazonPay, transport: Recorder, sleeps: list[float], public_key: rsa.RSAPublicKey
) -> None:
    transport.default = lambda request: unavailable()
    with pytest.raises(ServerError) as raised:
        await async_pay.charges.capture("S02-1-C1", {"captureAmount": {"amount": "1.00", "currencyCode": "EUR"}})
    assert raised.value.attempts == 4
    assert raised.value.request_id == "req-503"
    assert len(transport.sent) == 4
    check_attempts(transport.sent, public_key)


@pytest.mark.parametrize(
    ("exception", "error_class"),
    [
        (lambda: httpx.ConnectError("connection refused"), APIConnectionError),
        (lambda: httpx.RemoteProtocolError("server disconnected"), APIConnectionError),
        (lambda: httpx.ReadTimeout("read timed out"), APITimeoutError),
        (lambda: httpx.ConnectTimeout("connect timed out"), APITimeoutError),
    ],
    ids=["ConnectError", "RemoteProtocolError", "ReadTimeout", "ConnectTimeout"],
)
def test_exhausted_connection_retries_raise_with_attempts_and_key(
    exception: Callable[[], Exception],
    error_class: type[APIConnectionError],
    pay: AmazonPay,
    transport: Recorder,
    sleeps: list[float],
    public_key: rsa.RSAPublicKey,
) -> None:
    transport.default = lambda request: (_ for _ in ()).throw(exception())
    with pytest.raises(APIConnectionError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY)
    error = raised.value
    assert type(error) is error_class
    assert error.attempts == 4
    assert len(transport.sent) == 4
    assert len(sleeps) == 3
    key = transport.sent[0].headers[KEY]
    assert error.idempotency_key == key
    if not isinstance(exception(), httpx.ConnectError | httpx.ConnectTimeout):
        assert error.may_have_been_processed
        assert f"it may have been processed: retry with idempotency_key={key!r}" in str(error)
    else:  # a connection that never opened sent nothing
        assert not error.may_have_been_processed
        assert str(error).endswith("; nothing was sent")
    assert error.method == "POST"
    assert error.url == "https://pay-api.amazon.eu/v2/charges"
    check_attempts(transport.sent, public_key)


@pytest.mark.anyio
async def test_exhausted_connection_retries_raise_async(
    async_pay: AsyncAmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = lambda request: (_ for _ in ()).throw(httpx.ReadTimeout("read timed out"))
    with pytest.raises(APITimeoutError) as raised:
        await async_pay.refunds.create(
            {"chargeId": "S02-1-C1", "refundAmount": {"amount": "1.00", "currencyCode": "EUR"}}
        )
    assert raised.value.attempts == 4
    assert raised.value.idempotency_key == transport.sent[0].headers[KEY]
    assert len(sleeps) == 3


def test_an_exhausted_get_has_no_key(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.default = lambda request: (_ for _ in ()).throw(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as raised:
        pay.charges.get("S02-1-C1")
    assert raised.value.idempotency_key is None
    assert raised.value.attempts == 4


def test_a_non_retryable_transport_error_is_not_retried(
    pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = lambda request: (_ for _ in ()).throw(httpx.UnsupportedProtocol("no such scheme"))
    with pytest.raises(APIConnectionError) as raised:
        pay.charges.get("S02-1-C1")
    assert raised.value.attempts == 1
    assert len(transport.sent) == 1
    assert sleeps == []


# --- how many attempts ------------------------------------------------------------------------
def test_max_retries_0_per_call_makes_one_attempt(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.default = lambda request: unavailable()
    with pytest.raises(ServerError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY, max_retries=0)
    assert raised.value.attempts == 1
    assert len(transport.sent) == 1
    assert sleeps == []


def test_max_retries_0_per_call_for_connection_errors(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.default = lambda request: (_ for _ in ()).throw(httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as raised:
        pay.charges.get("S02-1-C1", max_retries=0)
    assert raised.value.attempts == 1
    assert sleeps == []


def test_a_per_call_max_retries_overrides_the_clients(
    rsa_key: rsa.RSAPrivateKey, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = lambda request: unavailable()
    with AmazonPay(
        public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", transport=transport, max_retries=0
    ) as pay:
        with pytest.raises(ServerError) as raised:
            pay.charges.get("S02-1-C1", max_retries=2)
        assert raised.value.attempts == 3
        with pytest.raises(ServerError) as raised:
            pay.charges.get("S02-1-C1")
        assert raised.value.attempts == 1
    assert len(transport.sent) == 4


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422])
def test_non_retryable_statuses_are_not_retried(
    status: int, pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = lambda request: httpx.Response(status, json={"reasonCode": "Nope", "message": "no"})
    with pytest.raises(APIStatusError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY)
    assert raised.value.status == status
    assert raised.value.attempts == 1
    assert len(transport.sent) == 1
    assert sleeps == []


# --- how long to wait -------------------------------------------------------------------------
def test_backoff_delays_grow_and_stay_under_the_cap() -> None:
    policy = RetryPolicy()
    for _ in range(200):  # jitter: every draw must keep the order
        delays = [policy.delay(retry) for retry in range(1, 6)]
        assert all(delay > 0 for delay in delays)
        assert delays == sorted(delays)
        assert len(set(delays)) == len(delays)
        assert all(policy.delay(retry) <= policy.max_delay for retry in range(1, 40))


def test_backoff_between_real_attempts(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.queue(unavailable(), unavailable(), unavailable())
    transport.default = CREATE.answer()
    pay.charges.create(CREATE_CHARGE_BODY)
    assert len(sleeps) == 3
    assert sleeps == sorted(sleeps)
    assert len(set(sleeps)) == 3
    assert all(0 < delay <= RetryPolicy().max_delay for delay in sleeps)


@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [
        pytest.param("2", 2.0, 2.0, id="seconds"),
        pytest.param("0", 0.0, 0.0, id="zero"),
        pytest.param("3600", 60.0, 60.0, id="clamped to the cap"),
        pytest.param(
            format_datetime(datetime.now(UTC) + timedelta(hours=3), usegmt=True), 60.0, 60.0, id="date beyond the cap"
        ),
        pytest.param("Wed, 21 Oct 2015 07:28:00 GMT", 0.375, 0.5, id="date in the past: backoff"),
        pytest.param("soon", 0.375, 0.5, id="unreadable: backoff"),
        pytest.param("nan", 0.375, 0.5, id="nan: backoff"),
        pytest.param("-5", 0.375, 0.5, id="negative: backoff"),
        pytest.param("1_0", 0.375, 0.5, id="underscores: backoff, not 10 s"),
        pytest.param("1.5", 0.375, 0.5, id="a fraction: backoff (delta-seconds are digits)"),
    ],
)
def test_retry_after(
    retry_after: str, low: float, high: float, pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.queue(throttled(retry_after))
    transport.default = CREATE.answer()
    pay.charges.create(CREATE_CHARGE_BODY)
    assert len(sleeps) == 1
    assert low <= sleeps[0] <= high


def test_an_http_date_retry_after_is_understood(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    transport.queue(throttled(format_datetime(when, usegmt=True)))
    transport.default = CREATE.answer()
    pay.charges.create(CREATE_CHARGE_BODY)
    assert len(sleeps) == 1
    assert 25.0 <= sleeps[0] <= 30.0
