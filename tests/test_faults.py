"""Faults against the embedded sandbox, through AmazonPay and AsyncAmazonPay alike.

Every case ends in success or in ONE typed amazonpay error (with the request id and the attempt
count when the server answered); no call makes more than ``max_retries + 1`` attempts; no
retried money-moving POST moves money twice. Every request that reaches the sandbox is checked
by an independent verifier (``tests/support/independent_signing.py``) before any fault applies,
and the client's fake clock ticks one second per reading, so each attempt's date is provably new.
"""

from __future__ import annotations

import inspect
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from amazonpay import (
    AmazonPay,
    AmazonPayError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncAmazonPay,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    UnprocessableError,
    request_options,
)
from amazonpay._options import CallState
from amazonpay.testing import AmazonPaySandbox, FaultContext, RecordedRequest
from tests.conftest import FakeClock, Observer
from tests.support.independent_signing import verify_request
from tests.support.operations import money, recurring_checkout

pytestmark = pytest.mark.anyio

MAX_RETRIES = 3
KEY = "x-amz-pay-idempotency-key"
DATE = "x-amz-pay-date"
MODES = ["sync", "async"]


def backoff(retry: int) -> tuple[float, float]:
    """The range of the default policy's delay before retry number ``retry`` (jitter: -25 %)."""
    ceiling = min(0.5 * 2 ** (retry - 1), 8.0)
    return ceiling * 0.75, ceiling


def check_backoff(sleeps: list[float], retries: int) -> None:
    assert len(sleeps) == retries, sleeps
    for number, delay in enumerate(sleeps, start=1):
        low, high = backoff(number)
        assert low <= delay <= high, (number, delay)


@dataclass
class Witness:
    """A fault rule that never fires: it verifies each request reaching the sandbox.

    It runs first, before any injected fault, so requests a fault then fails (which the
    sandbox's own verifier never sees) are checked too.
    """

    public_key: rsa.RSAPublicKey
    checked: int = 0
    rejected: list[str] = field(default_factory=list)

    def __call__(self, request: FaultContext) -> None:
        self.checked += 1
        try:
            verify_request(
                self.public_key, request.method, f"https://sandbox{request.path}", request.headers, request.body
            )
        except Exception as error:  # any failure is a finding, reported by check_attempts
            self.rejected.append(f"{request.method} {request.path}: {error!r}")


@dataclass
class Harness:
    """A sandbox with a Recurring charge permission, and a sync or async client for it."""

    mode: str
    sandbox: AmazonPaySandbox
    pay: AmazonPay | AsyncAmazonPay
    witness: Witness
    permission_id: str = ""
    #: Each logical call: the slice of ``sandbox.requests`` it made, and its retry budget.
    calls: list[tuple[int, int, int]] = field(default_factory=list)

    async def call(self, resource: str, method: str, *args: Any, **options: Any) -> Any:
        """``pay.<resource>.<method>(*args, **options)``, awaited for the async client."""
        first = len(self.sandbox.requests)
        try:
            return await invoke(self.pay, resource, method, *args, **options)
        finally:
            self.calls.append((first, len(self.sandbox.requests), options.get("max_retries", MAX_RETRIES)))

    async def outcome(self, resource: str, method: str, *args: Any, **options: Any) -> tuple[Any, CallState]:
        """The result and the call's state (request id, attempts)."""
        with request_options() as state:
            result = await self.call(resource, method, *args, **options)
        return result, state

    async def failure(
        self, expected: type[AmazonPayError], resource: str, method: str, *args: Any, **options: Any
    ) -> Any:
        """The one typed error the call raises."""
        with pytest.raises(expected) as raised:
            await self.call(resource, method, *args, **options)
        return raised.value

    def charge_body(self, amount: str = "5.00", *, capture_now: bool = True) -> dict[str, Any]:
        return {"chargePermissionId": self.permission_id, "chargeAmount": money(amount), "captureNow": capture_now}

    async def charge(self, amount: str = "5.00", *, capture_now: bool = True) -> str:
        """A charge made without faults (Captured, or Authorized with ``capture_now=False``)."""
        charge = await self.call("charges", "create", self.charge_body(amount, capture_now=capture_now))
        return str(charge.charge_id)

    def last(self) -> RecordedRequest:
        return self.sandbox.requests[-1]

    def attempts_of(self, key: str) -> list[RecordedRequest]:
        """The requests the sandbox received with this idempotency key (one per attempt)."""
        return [request for request in self.sandbox.requests if request.headers.get(KEY) == key]

    def check_attempts(self) -> None:
        """Every request of the test: verified, dated afresh; every call within its retry budget."""
        requests = self.sandbox.requests
        assert self.witness.checked == len(requests)
        assert self.witness.rejected == []
        # The sandbox's own verifier answers 400/401/403 to a bad date or signature; none of these
        # tests injects such a status, so none may appear.
        assert [r.status for r in requests if r.status in (400, 401, 403)] == []
        dates = [r.headers[DATE] for r in requests]
        assert dates == sorted(dates), "dates go back"
        assert len(set(dates)) == len(dates), "a date was reused"
        assert self.calls[-1][1] == len(requests), "a request outside a call"
        for first, end, budget in self.calls:
            # A refused cancel or close may be followed by the GET that reconciles it (own budget).
            own = [
                r for r in requests[first:end] if (r.method, r.path) == (requests[first].method, requests[first].path)
            ]
            checks = [r for r in requests[first:end] if r not in own]
            assert 1 <= len(own) <= budget + 1
            assert len(checks) <= budget + 1
            assert all(r.method == "GET" for r in checks)
            assert len({r.headers.get(KEY) for r in own}) == 1, "one idempotency key per call"


async def invoke(pay: AmazonPay | AsyncAmazonPay, resource: str, method: str, *args: Any, **options: Any) -> Any:
    """``pay.<resource>.<method>(*args, **options)``, awaited for the async client."""
    result = getattr(getattr(pay, resource), method)(*args, **options)
    return await result if inspect.isawaitable(result) else result


def _public_key(pem: bytes) -> rsa.RSAPublicKey:
    key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key.public_key()


@asynccontextmanager
async def harness(mode: str, *, served: bool = False) -> AsyncIterator[Harness]:
    """A harness; ``served=True`` puts the sandbox behind a real HTTP server on loopback and
    gives the client the default network transport instead of the in-memory one."""
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=lambda: clock.now)  # never behind the client's clock
    key_id, pem = sandbox.create_key()
    witness = Witness(_public_key(pem))
    sandbox.faults.append(witness)
    server = sandbox.serve("127.0.0.1", 0) if served else None
    options: dict[str, Any] = {"public_key_id": key_id, "private_key": pem, "region": "eu", "clock": clock}
    options["max_retries"] = MAX_RETRIES
    if server is not None:
        options["base_url"] = f"{server.url}/v2"
    else:
        options["transport"] = sandbox.transport()
    pay = AmazonPay(**options) if mode == "sync" else AsyncAmazonPay(**options)
    try:
        yield Harness(mode, sandbox, pay, witness)
    finally:
        if isinstance(pay, AmazonPay):
            pay.close()
        else:
            await pay.aclose()
        if server is not None:
            server.stop()


async def with_permission(h: Harness) -> Harness:
    """Check out once, as a buyer would, for a Recurring charge permission."""
    session = await h.call("checkout_sessions", "create", recurring_checkout("100.00"))
    h.sandbox.approve(session.checkout_session_id)
    completed = await h.call(
        "checkout_sessions", "complete", session.checkout_session_id, {"chargeAmount": money("100.00")}
    )
    h.permission_id = completed.charge_permission_id
    return h


@pytest.fixture(params=MODES)
async def h(request: pytest.FixtureRequest, sleeps: list[float]) -> AsyncIterator[Harness]:
    """A harness through the in-memory sandbox transport, sync or async; retries are instant."""
    async with harness(request.param) as made:
        yield await with_permission(made)
        made.check_attempts()


# --- connection failures ---------------------------------------------------------------------


async def test_a_connect_error_before_processing_is_retried(h: Harness, sleeps: list[float]) -> None:
    charges = len(h.sandbox.charges)
    h.sandbox.fail_next(exception=httpx.ConnectError)
    charge, state = await h.outcome("charges", "create", h.charge_body())
    assert state.attempts == 2
    assert state.request_id == h.last().request_id
    key = h.last().headers[KEY]
    assert [r.status for r in h.attempts_of(key)] == [None, 201]
    assert len(h.sandbox.charges) == charges + 1
    assert h.sandbox.charges[charge.charge_id]["statusDetails"]["state"] == "Captured"
    check_backoff(sleeps, 1)


async def test_connect_errors_beyond_the_budget_raise_api_connection_error(h: Harness, sleeps: list[float]) -> None:
    charges = len(h.sandbox.charges)
    h.sandbox.fail_next(exception=httpx.ConnectError, times=MAX_RETRIES + 1)
    error = await h.failure(APIConnectionError, "charges", "create", h.charge_body())
    assert type(error) is APIConnectionError  # not a timeout
    assert "failed (ConnectError: " in str(error)  # named, not chained: the httpx error holds the request
    assert error.__cause__ is None
    assert error.__context__ is None
    assert error.attempts == MAX_RETRIES + 1
    assert [r.status for r in h.attempts_of(error.idempotency_key)] == [None] * (MAX_RETRIES + 1)
    assert str(error).endswith("; nothing was sent")  # no connection opened: safe to call again
    assert not error.may_have_been_processed
    assert len(h.sandbox.charges) == charges
    check_backoff(sleeps, MAX_RETRIES)


@pytest.mark.parametrize("mode", MODES)
async def test_connection_refused_for_real(
    mode: str, sleeps: list[float], prepared_requests: list[Observer], rsa_key: rsa.RSAPrivateKey
) -> None:
    """Nothing listens on the port: the default network transport's ConnectError, retried, typed."""
    # A socket bound and never listening holds the port for the test (no other worker or test can
    # start a server on it) and makes connecting to it refused at once.
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    attempts: list[httpx.Request] = []
    public_key = rsa_key.public_key()

    def verify(sent: httpx.Request) -> None:
        verify_request(public_key, sent.method, str(sent.url), dict(sent.headers), sent.content)
        attempts.append(httpx.Request(sent.method, sent.url, headers=sent.headers))

    prepared_requests.append(verify)
    cls = AmazonPay if mode == "sync" else AsyncAmazonPay
    pay = cls(
        public_key_id="AEXAMPLELEGACYID",
        sandbox=True,
        private_key=rsa_key,
        region="eu",
        base_url=f"http://127.0.0.1:{port}/sandbox/v2",
        max_retries=2,
        clock=FakeClock(),
    )
    body = {"chargePermissionId": "S02-1234567-1234567", "chargeAmount": money("5.00"), "captureNow": True}
    try:
        with pytest.raises(APIConnectionError) as raised:
            await invoke(pay, "charges", "create", body)
    finally:
        if isinstance(pay, AmazonPay):
            pay.close()
        else:
            await pay.aclose()
        probe.close()
    error = raised.value
    assert type(error) is APIConnectionError
    assert "failed (ConnectError: " in str(error)  # named, not chained: the httpx error holds the request
    assert error.__cause__ is None
    assert error.__context__ is None
    assert error.attempts == 3
    assert error.url == f"http://127.0.0.1:{port}/sandbox/v2/charges"
    assert len(attempts) == 3
    assert len({a.headers[KEY] for a in attempts}) == 1 == len({error.idempotency_key, attempts[0].headers[KEY]})
    assert len({a.headers[DATE] for a in attempts}) == 3
    check_backoff(sleeps, 2)


# --- answers lost after the sandbox processed the request ---------------------------------------

LOST_ANSWERS = [
    pytest.param(httpx.ReadTimeout, id="read-timeout"),
    pytest.param(httpx.RemoteProtocolError, id="remote-protocol-error"),
    pytest.param(httpx.ReadError, id="connection-reset"),
]


@pytest.mark.parametrize("exception", LOST_ANSWERS)
async def test_a_lost_answer_after_a_create_is_replayed_not_charged_twice(
    h: Harness, sleeps: list[float], exception: type[httpx.TransportError]
) -> None:
    charges = set(h.sandbox.charges)
    h.sandbox.fail_next(exception=exception, after_processing=True, operation_id="createCharge")
    charge, state = await h.outcome("charges", "create", h.charge_body("7.00"))
    assert state.attempts == 2
    new = set(h.sandbox.charges) - charges
    assert new == {charge.charge_id}  # exactly one charge, and it is the one returned
    key = h.last().headers[KEY]
    assert [(r.status, r.replayed) for r in h.attempts_of(key)] == [(201, False), (200, True)]
    assert charge.capture_amount.amount == "7.00"
    check_backoff(sleeps, 1)


@pytest.mark.parametrize("operation", ["captureCharge", "createRefund"])
async def test_a_lost_answer_after_a_capture_or_refund_is_replayed(h: Harness, operation: str) -> None:
    if operation == "captureCharge":
        target = await h.charge("9.00", capture_now=False)
        h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id=operation)
        charge, state = await h.outcome("charges", "capture", target, {"captureAmount": money("9.00")})
        assert charge.status_details.state == "Captured"
        assert h.sandbox.charges[target]["captureAmount"] == money("9.00")  # captured once, not twice
    else:
        target = await h.charge("9.00")
        refunds = set(h.sandbox.refunds)
        h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id=operation)
        refund, state = await h.outcome("refunds", "create", {"chargeId": target, "refundAmount": money("4.00")})
        assert set(h.sandbox.refunds) - refunds == {refund.refund_id}
    assert state.attempts == 2
    assert [(r.status, r.replayed) for r in h.attempts_of(h.last().headers[KEY])][1] == (200, True)


async def test_lost_answers_beyond_the_budget_raise_and_the_key_recovers_the_charge(
    h: Harness, sleeps: list[float]
) -> None:
    charges = set(h.sandbox.charges)
    h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, times=MAX_RETRIES + 1)
    error = await h.failure(APITimeoutError, "charges", "create", h.charge_body())
    assert error.attempts == MAX_RETRIES + 1
    created = set(h.sandbox.charges) - charges
    assert len(created) == 1  # processed once, replayed on every retry
    records = h.attempts_of(error.idempotency_key)
    assert [(r.status, r.replayed) for r in records] == [(201, False)] + [(200, True)] * MAX_RETRIES
    # What the message advises: call again with the same key, and get the charge.
    charge, state = await h.outcome("charges", "create", h.charge_body(), idempotency_key=error.idempotency_key)
    assert {charge.charge_id} == created == set(h.sandbox.charges) - charges
    assert state.attempts == 1
    check_backoff(sleeps, MAX_RETRIES)


# --- status faults ------------------------------------------------------------------------------


@pytest.mark.parametrize(("retry_after", "expected"), [("7", 7.0), (None, None)], ids=["Retry-After", "backoff"])
async def test_throttling_waits_as_told_then_succeeds(
    h: Harness, sleeps: list[float], retry_after: str | None, expected: float | None
) -> None:
    h.sandbox.fail_next(status=429, headers={"Retry-After": retry_after} if retry_after else {})
    _, state = await h.outcome("charges", "create", h.charge_body())
    assert state.attempts == 2
    assert [r.status for r in h.attempts_of(h.last().headers[KEY])] == [429, 201]
    if expected is None:
        check_backoff(sleeps, 1)
    else:
        assert sleeps == [expected]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_a_server_error_burst_within_the_budget(h: Harness, sleeps: list[float], status: int) -> None:
    charges = len(h.sandbox.charges)
    h.sandbox.fail_next(status=status, times=MAX_RETRIES)
    charge, state = await h.outcome("charges", "create", h.charge_body())
    assert state.attempts == MAX_RETRIES + 1
    assert [r.status for r in h.attempts_of(h.last().headers[KEY])] == [status] * MAX_RETRIES + [201]
    assert len(h.sandbox.charges) == charges + 1
    assert charge.charge_id in h.sandbox.charges
    check_backoff(sleeps, MAX_RETRIES)


@pytest.mark.parametrize(
    ("status", "expected", "reason_code"),
    [
        (500, ServerError, "InternalServerError"),
        (502, ServerError, "InternalServerError"),
        (503, ServerError, "ServiceUnavailable"),
        (504, ServerError, "InternalServerError"),
        (429, RateLimitError, "TooManyRequests"),
    ],
)
async def test_a_burst_beyond_the_budget_raises_the_typed_error(
    h: Harness, sleeps: list[float], status: int, expected: type[APIStatusError], reason_code: str
) -> None:
    charges = len(h.sandbox.charges)
    h.sandbox.fail_next(status=status, times=MAX_RETRIES + 5)
    error = await h.failure(expected, "charges", "create", h.charge_body())
    assert (error.status, error.reason_code, error.attempts) == (status, reason_code, MAX_RETRIES + 1)
    assert error.request_id == h.last().request_id
    key = h.last().headers[KEY]
    assert [r.status for r in h.attempts_of(key)] == [status] * (MAX_RETRIES + 1)  # and not one more
    assert len(h.sandbox.charges) == charges
    check_backoff(sleeps, MAX_RETRIES)


async def test_a_per_call_budget_is_kept(h: Harness, sleeps: list[float]) -> None:
    h.sandbox.fail_next(status=503, times=10)
    error = await h.failure(ServerError, "charges", "create", h.charge_body(), max_retries=1)
    assert error.attempts == 2
    assert len(h.attempts_of(h.last().headers[KEY])) == 2
    check_backoff(sleeps, 1)


async def test_a_get_is_retried_without_an_idempotency_key(h: Harness, sleeps: list[float]) -> None:
    charge_id = await h.charge()
    before = len(h.sandbox.requests)
    h.sandbox.fail_next(status=503, times=2)
    charge, state = await h.outcome("charges", "get", charge_id)
    assert (charge.charge_id, state.attempts) == (charge_id, 3)
    gets = h.sandbox.requests[before:]
    assert [(r.method, r.status, KEY in r.headers) for r in gets] == [("GET", 503, False)] * 2 + [("GET", 200, False)]


async def test_an_unlisted_status_520_is_a_server_error_not_retried(h: Harness, sleeps: list[float]) -> None:
    charges = len(h.sandbox.charges)
    h.sandbox.fail_next(status=520, headers={"content-type": "text/html"}, body=b"<html>origin error</html>")
    error = await h.failure(ServerError, "charges", "create", h.charge_body())
    assert (error.status, error.attempts, error.request_id) == (520, 1, h.last().request_id)
    assert sleeps == []  # 520 is not in the retry list
    assert len(h.sandbox.charges) == charges


# --- bodies that are not what the spec says -----------------------------------------------------

PROXY_PAGE = b"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"


@pytest.mark.parametrize("times", [1, MAX_RETRIES + 1], ids=["once", "beyond-the-budget"])
async def test_a_proxy_html_page_is_retried_then_a_server_error(h: Harness, sleeps: list[float], times: int) -> None:
    h.sandbox.fail_next(status=502, headers={"content-type": "text/html"}, body=PROXY_PAGE, times=times)
    if times == 1:
        _, state = await h.outcome("charges", "create", h.charge_body())
        assert state.attempts == 2
        return
    error = await h.failure(ServerError, "charges", "create", h.charge_body())
    assert (error.status, error.reason_code, error.attempts) == (502, None, MAX_RETRIES + 1)
    assert "the body is not JSON" in error.message
    assert "502 Bad Gateway" in error.message
    assert error.body == PROXY_PAGE.decode()
    assert error.request_id == h.last().request_id


async def test_a_truncated_json_error_body_gives_the_typed_error(h: Harness) -> None:
    h.sandbox.fail_next(status=422, body=b'{"reasonCode":"InvalidChargeStat', operation_id="createCharge")
    error = await h.failure(UnprocessableError, "charges", "create", h.charge_body())
    assert (error.status, error.reason_code, error.attempts) == (422, None, 1)
    assert "the body is not JSON" in error.message
    assert error.request_id == h.last().request_id


async def test_a_plain_text_error_body_gives_the_typed_error(h: Harness, sleeps: list[float]) -> None:
    body = b"Service Unavailable"
    h.sandbox.fail_next(status=503, headers={"content-type": "text/plain"}, body=body, times=MAX_RETRIES + 1)
    error = await h.failure(ServerError, "charges", "create", h.charge_body())
    assert (error.status, error.reason_code, error.attempts) == (503, None, MAX_RETRIES + 1)
    assert "the body is not JSON" in error.message
    assert "Service Unavailable" in error.message


@pytest.mark.parametrize(
    "body", [b'{"chargeId":"S02-0000000-0000000-C0000', b"OK", b""], ids=["truncated-json", "not-json", "empty"]
)
async def test_an_unreadable_success_body_is_unexpected_response_error(h: Harness, body: bytes) -> None:
    """The sandbox charged, then the answer came back garbled: typed error; the key recovers it."""
    charges = set(h.sandbox.charges)
    h.sandbox.fail_next(status=201, body=body, after_processing=True, operation_id="createCharge")
    error = await h.failure(UnexpectedResponseError, "charges", "create", h.charge_body(), idempotency_key="order-1")
    assert (error.status, error.request_id, error.body) == (201, h.last().request_id, body.decode())
    assert "may have succeeded" in str(error)
    created = set(h.sandbox.charges) - charges
    assert len(created) == 1
    charge = await h.call("charges", "create", h.charge_body(), idempotency_key="order-1")
    assert {charge.charge_id} == created == set(h.sandbox.charges) - charges


async def test_an_enum_value_added_later_in_a_success_body_is_read(h: Harness) -> None:
    # issue 18: a value Amazon added after this client (as PaymentMethodOnFile was) never fails a
    # call that succeeded; the generated enum keeps it.
    charge_id = await h.charge()
    newer = {**h.sandbox.charges[charge_id], "releaseEnvironment": "Staging"}
    h.sandbox.fail_next(status=200, body=newer, operation_id="getCharge")
    charge = await h.call("charges", "get", charge_id)
    assert charge.release_environment == "Staging"
    assert charge.to_dict()["releaseEnvironment"] == "Staging"


async def test_a_success_body_of_the_wrong_shape_is_unexpected_response_error(h: Harness) -> None:
    charge_id = await h.charge()
    broken = {**h.sandbox.charges[charge_id], "statusDetails": "Authorized"}
    h.sandbox.fail_next(status=200, body=broken, operation_id="getCharge")
    error = await h.failure(UnexpectedResponseError, "charges", "get", charge_id)
    assert (error.status, error.request_id) == (200, h.last().request_id)
    assert '"statusDetails":"Authorized"' in error.body


async def test_unknown_fields_in_a_success_body_are_kept(h: Harness) -> None:
    charge_id = await h.charge()
    known = h.sandbox.charges[charge_id]
    newer = {
        **known,
        "installments": [{"count": 3}],
        "statusDetails": {**known["statusDetails"], "settlementWindow": "T+1"},
    }
    h.sandbox.fail_next(status=200, body=newer, operation_id="getCharge")
    charge = await h.call("charges", "get", charge_id)
    assert charge.charge_id == charge_id
    assert charge.additional_properties["installments"] == [{"count": 3}]
    assert charge.status_details.additional_properties["settlementWindow"] == "T+1"
    assert charge.status_details.state == known["statusDetails"]["state"]


# --- a real HTTP server that drops the connection after processing --------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_a_connection_dropped_by_a_real_server_after_processing(
    mode: str, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    """The HTTP server closes the socket without an answer after processing; the network
    transport raises RemoteProtocolError, the client retries with the same key, gets the one charge."""
    async with harness(mode, served=True) as h:
        await with_permission(h)
        charges = set(h.sandbox.charges)
        h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="createCharge")
        charge, state = await h.outcome("charges", "create", h.charge_body())
        assert state.attempts == 2
        assert set(h.sandbox.charges) - charges == {charge.charge_id}
        assert [(r.status, r.replayed) for r in h.attempts_of(h.last().headers[KEY])] == [(201, False), (200, True)]
        h.check_attempts()
    check_backoff(sleeps, 1)
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying POST /v2/charges")]
    assert len(retries) == 1
    assert "after RemoteProtocolError" in retries[0]  # "Server disconnected without sending a response"
