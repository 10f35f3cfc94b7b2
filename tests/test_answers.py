"""Reading the answer is part of the attempt: every outcome after the first byte left is a parsed
result or one typed error carrying the idempotency key, through the methods and ``pay.api``.

Findings 2 (body read failures), 8 (query signed as sent), 9 (pay.api, closed client, event
loops), 12 (bounded messages), 14 (pool timeout), 18 (keep-alive kept), 19 (decompression bomb).
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import (
    AmazonPay,
    AmazonPayError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncAmazonPay,
    ConfigurationError,
    NotFoundError,
    ServerError,
    UnexpectedResponseError,
    request_options,
)
from amazonpay.testing import AmazonPaySandbox, Fault, FaultContext, _server
from amazonpay_api.api.charges import create_charge, get_charge
from amazonpay_api.models import CreateChargeRequest
from tests.conftest import FakeClock
from tests.support.independent_signing import verify_request
from tests.support.operations import BY_NAME, CHARGE, CREATE_CHARGE_BODY
from tests.test_faults import MAX_RETRIES, Harness, h

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.conftest import Recorder

__all__ = ["h"]  # the sandbox harness fixture, shared with test_faults

KEY = "x-amz-pay-idempotency-key"
CREATE = BY_NAME["charges.create"]
MAY_HAVE = "it may have been processed: retry with idempotency_key="


def create(pay: AmazonPay, route: str) -> object:
    """Create a charge through the resource method or through the generated function."""
    if route == "method":
        return pay.charges.create(CREATE_CHARGE_BODY)
    return create_charge.sync_detailed(client=pay.api, body=CreateChargeRequest.from_dict(CREATE_CHARGE_BODY))


def get(pay: AmazonPay, route: str) -> object:
    """Get a charge through the resource method or through the generated function."""
    if route == "method":
        return pay.charges.get("S02-1-C1")
    return get_charge.sync_detailed(client=pay.api, charge_id="S02-1-C1")


# --- finding 2: a body that stalls or is cut short is part of the attempt ------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("kind", ["stall", "cut"])
async def test_a_broken_success_body_after_processing_is_retried_with_the_same_key(h: Harness, kind: str) -> None:
    charges = set(h.sandbox.charges)
    h.sandbox.fail_next(break_body=kind, after_processing=True, operation_id="createCharge")  # type: ignore[arg-type]
    charge, state = await h.outcome("charges", "create", h.charge_body("8.00"))
    assert state.attempts == 2
    assert set(h.sandbox.charges) - charges == {charge.charge_id}
    key = h.last().headers[KEY]
    assert [(r.status, r.replayed) for r in h.attempts_of(key)] == [(201, False), (200, True)]


@pytest.mark.anyio
@pytest.mark.parametrize(("kind", "error_class"), [("stall", APITimeoutError), ("cut", APIConnectionError)])
async def test_broken_bodies_beyond_the_budget_raise_one_typed_error_with_the_key(
    h: Harness, kind: str, error_class: type[APIConnectionError]
) -> None:
    charges = set(h.sandbox.charges)
    h.sandbox.fail_next(break_body=kind, after_processing=True, times=MAX_RETRIES + 1)  # type: ignore[arg-type]
    error = await h.failure(error_class, "charges", "create", h.charge_body("9.00"))
    assert type(error) is error_class
    assert error.attempts == MAX_RETRIES + 1
    assert error.may_have_been_processed
    assert f"{MAY_HAVE}{error.idempotency_key!r}" in str(error)
    created = set(h.sandbox.charges) - charges
    assert len(created) == 1
    charge = await h.call("charges", "create", h.charge_body("9.00"), idempotency_key=error.idempotency_key)
    assert {charge.charge_id} == created == set(h.sandbox.charges) - charges


@pytest.mark.anyio
async def test_a_server_error_whose_body_is_cut_is_retried_then_typed(h: Harness) -> None:
    h.sandbox.fail_next(status=500, break_body="cut", times=MAX_RETRIES + 1)
    error = await h.failure(APIConnectionError, "charges", "create", h.charge_body())
    assert error.attempts == MAX_RETRIES + 1
    assert error.may_have_been_processed  # a 500 may come after the work was done
    assert error.idempotency_key in str(error)


READ_FAILURES = [
    httpx.ReadTimeout("read timed out"),
    httpx.ReadError("connection reset by peer"),
    httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    httpx.DecodingError("invalid gzip data"),
]


class Failing(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Half a body, then ``error``: what httpx raises when the socket fails mid-body."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"chargeId":"S02-1-C1","charge'
        raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"chargeId":"S02-1-C1","charge'
        raise self.error


@pytest.mark.parametrize("failure", READ_FAILURES, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("status", [201, 500])
@pytest.mark.parametrize("route", ["method", "pay.api"])
def test_no_raw_httpx_error_escapes_a_body_read(
    failure: Exception, status: int, route: str, pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = lambda request: httpx.Response(status, stream=Failing(failure))
    with pytest.raises(AmazonPayError) as raised:
        create(pay, route)
    error: Any = raised.value
    key = transport.sent[0].headers[KEY]
    assert error.idempotency_key == key
    assert key in str(error)
    assert {sent.headers[KEY] for sent in transport.sent} == {key}


@pytest.mark.anyio
@pytest.mark.parametrize("failure", READ_FAILURES, ids=lambda e: type(e).__name__)
async def test_no_raw_httpx_error_escapes_an_async_body_read(
    failure: Exception, async_pay: AsyncAmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = lambda request: httpx.Response(201, stream=Failing(failure))
    with pytest.raises(AmazonPayError) as raised:
        await create_charge.asyncio_detailed(
            client=async_pay.api, body=CreateChargeRequest.from_dict(CREATE_CHARGE_BODY)
        )
    assert raised.value.idempotency_key == transport.sent[0].headers[KEY]  # type: ignore[attr-defined]


@contextmanager
def served_sandbox(**options: Any) -> Iterator[tuple[AmazonPaySandbox, dict[str, Any], list[Any]]]:
    """The sandbox behind its real HTTP server: (sandbox, client options, accepted connections)."""
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=lambda: clock.now)
    key_id, pem = sandbox.create_key()
    accepted: list[Any] = []
    made = _server._Connection.connection_made

    def counting(connection: _server._Connection, transport: Any) -> None:  # count the connections it accepts
        accepted.append(transport.get_extra_info("peername"))
        made(connection, transport)

    _server._Connection.connection_made = counting  # type: ignore[method-assign]
    server = sandbox.serve("127.0.0.1", 0)
    client = {"public_key_id": key_id, "private_key": pem, "region": "eu", "clock": clock}
    try:
        yield sandbox, client | {"base_url": f"{server.url}/v2"} | options, accepted
    finally:
        server.stop()
        _server._Connection.connection_made = made  # type: ignore[method-assign]


def checkout(pay: AmazonPay, sandbox: AmazonPaySandbox) -> str:
    """A Recurring permission, checked out as a buyer would; its id."""
    from tests.support.operations import money, recurring_checkout

    session = pay.checkout_sessions.create(recurring_checkout("100.00"))
    sandbox.approve(session.checkout_session_id)
    return str(
        pay.checkout_sessions.complete(
            session.checkout_session_id, {"chargeAmount": money("100.00")}
        ).charge_permission_id
    )


@pytest.mark.parametrize("kind", ["stall", "cut"])
def test_a_real_server_breaking_the_body_after_processing(kind: str, sleeps: list[float]) -> None:
    """Over a socket: the stall is a real read timeout, the cut a real short body; one charge."""
    with served_sandbox(timeout=httpx.Timeout(5.0, read=0.5)) as (sandbox, options, _), AmazonPay(**options) as pay:
        permission = checkout(pay, sandbox)
        before = set(sandbox.charges)
        sandbox.fail_next(break_body=kind, after_processing=True, operation_id="createCharge")  # type: ignore[arg-type]
        body = {"chargePermissionId": permission, "chargeAmount": {"amount": "5.00", "currencyCode": "EUR"}}
        with request_options() as state:
            charge = pay.charges.create(body)
    assert state.attempts == 2
    assert set(sandbox.charges) - before == {charge.charge_id}


# --- finding 19: a decompression bomb is refused, not inflated --------------------------------------


def gzip_bomb(size: int) -> Iterator[bytes]:
    """A valid charge in JSON, padded to ``size`` bytes, gzip-compressed on the fly (about 1000:1)."""
    compressor = zlib.compressobj(wbits=31)
    yield compressor.compress(
        b'{"chargeId":"S02-1-C1","chargePermissionId":"S02-1","statusDetails":{"state":"Open"},"pad":"'
    )
    block = b"a" * (1 << 20)
    for _ in range(size // len(block)):
        yield compressor.compress(block)
    yield compressor.compress(b'"}') + compressor.flush()


@pytest.mark.parametrize("route", ["method", "pay.api"])
def test_a_decompression_bomb_is_refused_with_a_typed_error(route: str, pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(
        200, headers={"content-encoding": "gzip", "x-amz-pay-request-id": "req-bomb"}, content=gzip_bomb(100 << 20)
    )
    tracemalloc.start()
    try:
        with pytest.raises(UnexpectedResponseError) as raised:
            get(pay, route)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "exceeds 1024 KiB decompressed" in str(raised.value)
    assert raised.value.request_id == "req-bomb"
    assert peak < 16 << 20, f"{peak / 2**20:.0f} MiB held while refusing a 100 MiB bomb"


def test_a_compressed_answer_within_the_limit_is_read(pay: AmazonPay, transport: Recorder) -> None:
    compressor = zlib.compressobj(wbits=31)
    body = compressor.compress(httpx.Response(200, json=CHARGE).content) + compressor.flush()
    transport.default = lambda request: httpx.Response(200, headers={"content-encoding": "gzip"}, content=iter([body]))
    assert pay.charges.get("S02-1-C1").charge_id == CHARGE["chargeId"]


# --- finding 18: error bodies are read, so the keep-alive connection is kept ---------------------


def test_retried_statuses_keep_the_connection(sleeps: list[float], capsys: pytest.CaptureFixture[str]) -> None:
    calls, rng = 300, random.Random(18)

    def one_in_ten(request: FaultContext) -> Fault | None:
        return Fault(status=rng.choice([429, 500, 503])) if rng.random() < 0.1 else None

    with served_sandbox() as (sandbox, options, accepted), AmazonPay(**options) as pay:
        permission = checkout(pay, sandbox)
        sandbox.faults.append(one_in_ten)
        before, requests = len(accepted), len(sandbox.requests)
        for _ in range(calls):
            pay.charge_permissions.get(permission)
        attempts = len(sandbox.requests) - requests
        opened = len(accepted) - before
    with capsys.disabled():
        print(f"\nkeep-alive: {calls} calls, {attempts - calls} retried statuses, {opened} new connection(s)")
    assert attempts > calls + 10  # the faults did fire
    assert opened == 0  # every retried status drained its body; the first connection served all


# --- finding 14: a pool timeout sent nothing -----------------------------------------------------------


def test_a_pool_timeout_says_nothing_was_sent(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.default = lambda request: (_ for _ in ()).throw(httpx.PoolTimeout("no connection free"))
    with pytest.raises(APITimeoutError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY)
    error = raised.value
    assert not error.may_have_been_processed
    assert "may have been processed" not in str(error)
    assert str(error).endswith("; nothing was sent")


def test_an_earlier_lost_answer_keeps_the_warning_after_a_pool_timeout(
    pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    transport.queue(httpx.ReadTimeout("lost"))
    transport.default = lambda request: (_ for _ in ()).throw(httpx.PoolTimeout("no connection free"))
    with pytest.raises(APITimeoutError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY)
    assert raised.value.may_have_been_processed
    assert MAY_HAVE in str(raised.value)


# --- finding 8: the query sent is the query signed ----------------------------------------------------


@pytest.mark.spec_violations_expected  # the bundled operations take no query; pay.api can send one
def test_a_query_with_a_space_is_sent_as_signed(
    pay: AmazonPay, transport: Recorder, public_key: rsa.RSAPublicKey
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    pay.api.get_httpx_client().get("/charges/S02-1-C1", params={"q": "b c", "plus": "a+b", "é": "ü/"})
    (sent,) = transport.sent
    assert sent.url.query == b"q=b%20c&plus=a%2Bb&%C3%A9=%C3%BC%2F"
    verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content)


@pytest.mark.anyio
@pytest.mark.spec_violations_expected
@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_the_sandbox_accepts_a_query_with_a_space(mode: str) -> None:
    sandbox = AmazonPaySandbox()
    key_id, pem = sandbox.create_key()
    options = {"public_key_id": key_id, "private_key": pem, "region": "eu", "transport": sandbox.transport()}
    params = {"q": "b c", "plus": "a+b"}
    path = "/chargePermissions/S02-0000000-0000000"
    if mode == "sync":
        with AmazonPay(**options) as pay, pytest.raises(NotFoundError):  # past the signature check: 404
            pay.api.get_httpx_client().get(path, params=params)
    else:
        async with AsyncAmazonPay(**options) as async_pay:
            with pytest.raises(NotFoundError):
                await async_pay.api.get_async_httpx_client().get(path, params=params)
    assert [request.status for request in sandbox.requests] == [404]


def test_the_sandbox_refuses_a_query_signed_differently_from_what_was_sent() -> None:
    """The check above can fail: a query changed after signing is refused (401).

    ``b+c`` would be the same value (a ``+`` in a query is a space); ``b%2Bc`` is a literal plus.
    """
    sandbox = AmazonPaySandbox()
    key_id, pem = sandbox.create_key()
    inner = sandbox.transport()

    class Rewriting(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            request.url = request.url.copy_with(query=b"q=b%2Bc")
            return inner.handle_request(request)

    with (
        AmazonPay(public_key_id=key_id, private_key=pem, region="eu", transport=Rewriting()) as pay,
        pytest.raises(APIStatusError) as raised,
    ):
        pay.api.get_httpx_client().get("/chargePermissions/S02-0000000-0000000", params={"q": "b c"})
    assert raised.value.status == 401


# --- finding 9: pay.api and the client's life cycle give the same typed errors -----------------------


@pytest.mark.parametrize(
    ("body", "what"),
    [
        (b"<html>OK</html>", "not JSON"),
        (b"[1, 2]", "a list"),
        (b"null", "null"),
        (b"", "empty"),
        (b'{"chargeId":', "cut"),
    ],
)
def test_an_unreadable_success_body_through_pay_api_is_typed(
    body: bytes, what: str, pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = lambda request: httpx.Response(201, content=body, headers={"x-amz-pay-request-id": "req-1"})
    with pytest.raises(UnexpectedResponseError) as raised:
        create_charge.sync_detailed(client=pay.api, body=CreateChargeRequest.from_dict(CREATE_CHARGE_BODY))
    error = raised.value
    assert (error.status, error.request_id, error.body) == (201, "req-1", body.decode())
    assert error.idempotency_key == transport.sent[0].headers[KEY]
    assert f"retry with idempotency_key={error.idempotency_key!r}" in str(error)


@pytest.mark.parametrize("route", ["method", "pay.api"])
def test_a_redirect_is_a_typed_status_error(route: str, pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(302, headers={"location": "https://login.example/sso"})
    with pytest.raises(APIStatusError) as raised:
        get(pay, route)
    assert raised.value.status == 302
    assert "a redirect to https://login.example/sso: Amazon Pay never redirects" in str(raised.value)


def test_a_call_through_pay_api_after_close_is_typed(pay: AmazonPay, transport: Recorder) -> None:
    pay.close()
    with pytest.raises(ConfigurationError, match="not sent: this AmazonPay client is closed"):
        get_charge.sync_detailed(client=pay.api, charge_id="S02-1-C1")
    assert transport.sent == []


def test_an_async_client_used_from_a_second_event_loop_is_refused(sleeps: list[float]) -> None:
    with served_sandbox() as (sandbox, options, _):
        pay = AsyncAmazonPay(**options)

        async def get() -> Any:
            return await pay.charges.get("S02-0000000-0000000-C000000")

        with pytest.raises(AmazonPayError) as first:
            asyncio.run(get())  # not found, but the pool now holds a connection of this loop
        assert first.value.status == 404  # type: ignore[attr-defined]
        with pytest.raises(ConfigurationError, match="first used in another event loop"):
            asyncio.run(get())
        assert len(sandbox.requests) == 1


# --- finding 12: server text in messages and logs is bounded and escaped -----------------------------


def test_a_huge_message_with_line_breaks_is_bounded_and_escaped(
    pay: AmazonPay, transport: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    message = "declined\r\nINFO amazonpay: forged log line" + "x" * 500_000
    transport.default = lambda request: httpx.Response(
        422,
        json={"reasonCode": "InvalidChargeStatus\nforged", "message": message},
        headers={"x-amz-pay-request-id": "req-\x1b[31mred"},
    )
    with pytest.raises(APIStatusError) as raised:
        pay.charges.get("S02-1-C1")
    text = str(raised.value)
    assert len(text) < 1500
    assert not {"\r", "\n", "\x1b"} & set(text)
    assert "declined\\r\\nINFO amazonpay: forged log line" in text
    assert text.count("more characters)") == 1
    assert raised.value.message == message  # the full text stays on the error
    logged = [record.getMessage() for record in caplog.records if record.name == "amazonpay"]
    assert all("\x1b" not in line and "\n" not in line for line in logged)


def test_a_server_error_says_the_key_recovers_it(pay: AmazonPay, transport: Recorder, sleeps: list[float]) -> None:
    transport.default = lambda request: httpx.Response(500, json={"reasonCode": "InternalServerError", "message": "x"})
    with pytest.raises(ServerError) as raised:
        pay.charges.create(CREATE_CHARGE_BODY)
    assert raised.value.may_have_been_processed
    assert f"{MAY_HAVE}{transport.sent[0].headers[KEY]!r}" in str(raised.value)


def test_the_read_answer_behaves_as_a_read_httpx_response(pay: AmazonPay, transport: Recorder) -> None:
    """pay.api callers get a response like httpx's own after read(): closed, its body as often as asked."""
    body = zlib.compress(b'{"chargeId": "S01-1", "statusDetails": {"state": "Open"}}')
    transport.default = lambda request: httpx.Response(200, content=body, headers={"content-encoding": "deflate"})

    response = pay.api.get_httpx_client().get("/charges/S01-1")

    assert response.is_closed
    assert response.json() == response.json()
    assert response.json() is not response.json()
    whole = response.content
    assert b"".join(response.iter_bytes()) == whole
    assert b"".join(response.iter_bytes()) == whole
    assert list(response.iter_lines()) == [whole.decode()]
    assert response.read() == whole
    assert response.headers["content-length"] == str(len(whole))
    assert "content-encoding" not in response.headers


# --- review of issue 19: an answer's body is read within the read timeout as a whole --------------
# The timeout bounded each read: a server (or a proxy) sending the body a byte at a time, each just
# inside it, held an attempt for as long as it liked (1 MiB at a byte per 29 s is a year), though
# the README says the client never waits forever.


def test_an_answer_dripping_in_is_cut_off_at_the_read_timeout_and_retried(
    pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    body = json.dumps({**CHARGE, "chargeId": "S02-1-C1"}).encode()

    def dripping(request: httpx.Request) -> httpx.Response:
        def drip() -> Iterator[bytes]:
            for byte in body[:30]:
                threading.Event().wait(0.02)  # well inside the read timeout each time (time.sleep is faked)
                yield bytes([byte])
            yield body[30:]

        return httpx.Response(200, content=drip(), headers={"content-type": "application/json"})

    transport.default = dripping
    with pytest.raises(APITimeoutError, match=r"timed out after 2 attempt\(s\)"):
        pay.charges.get("S02-1-C1", timeout=httpx.Timeout(5.0, read=0.1), max_retries=1)
    assert len(transport.sent) == 2
