"""A ``request_options`` block's outcome: what its fields say, whatever ends the call.

Issue 19, finding 2: a call cut off mid-request (``asyncio.timeout``, an anyio cancel scope,
a worker's time limit, KeyboardInterrupt, a caller giving up on a thread) had sent key K, but
the outcome learnt K only when an attempt came back, so the caller's retry used a fresh key and
could charge twice. The key is in the outcome from the moment it is chosen, and ``sent`` says
whether a request may have left. Finding 3: a GET (or ``wait``) after a POST in one block
overwrote the POST's key with None. Each field now describes exactly the call its docstring
names, for any sequence of calls (a property test drives random sequences).
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager, suppress
from typing import Any
from unittest.mock import patch

import anyio
import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import given, settings
from hypothesis import strategies as st

import amazonpay._transport
from amazonpay import AmazonPay, AmazonPayError, AsyncAmazonPay, request_options
from amazonpay._options import CallState
from amazonpay.testing import AmazonPaySandbox
from amazonpay_api.api.charges import get_charge
from tests.conftest import FakeClock, Recorder
from tests.support.operations import BY_NAME, CHARGE, money, recurring_checkout

KEY = "x-amz-pay-idempotency-key"
REFUND = {"refundAmount": money("1.00")}


# --- a sandbox whose answer never comes back, after it processed the request -------------------


class Stuck(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The sandbox, processing every request; the ``stick``-th next POST's answer never arrives.

    ``on_stuck`` runs once the request is processed (the money moved) and before the wait that
    never ends: the test cancels the call there, as a timeout would.
    """

    def __init__(self, sandbox: AmazonPaySandbox) -> None:
        self.inner = sandbox.transport()
        self.stick = False
        self.on_stuck: Callable[[], object] = lambda: None
        self.released = threading.Event()

    def _sticks(self, request: httpx.Request) -> bool:
        stick, self.stick = self.stick and request.method == "POST", self.stick and request.method != "POST"
        return stick

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if self._sticks(request):
            self.on_stuck()
            self.released.wait(30)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if self._sticks(request):
            self.on_stuck()
            await anyio.sleep_forever()
        return response


@contextmanager
def client(mode: str) -> Iterator[tuple[Any, AmazonPaySandbox, Stuck]]:
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=lambda: clock.now)
    key_id, pem = sandbox.create_key()
    stuck = Stuck(sandbox)
    options: dict[str, Any] = {"public_key_id": key_id, "private_key": pem, "region": "eu", "transport": stuck}
    pay = AmazonPay(**options, clock=clock) if mode == "sync" else AsyncAmazonPay(**options, clock=clock)
    yield pay, sandbox, stuck
    if isinstance(pay, AmazonPay):
        pay.close()


async def captured_charge(pay: AmazonPay | AsyncAmazonPay, sandbox: AmazonPaySandbox) -> str:
    async def done(result: Any) -> Any:
        return await result if asyncio.iscoroutine(result) else result

    session = await done(pay.checkout_sessions.create(recurring_checkout("50.00")))
    sandbox.approve(session.checkout_session_id)
    amount = {"chargeAmount": money("50.00")}
    completed = await done(pay.checkout_sessions.complete(session.checkout_session_id, amount))
    body = {"chargePermissionId": completed.charge_permission_id, "chargeAmount": money("20.00"), "captureNow": True}
    charge = await done(pay.charges.create(body))
    return str(charge.charge_id)


def sent_keys(sandbox: AmazonPaySandbox) -> list[str]:
    return [r.headers[KEY] for r in sandbox.requests if r.operation_id == "createRefund"]


def check_recovered(sandbox: AmazonPaySandbox, outcome: CallState, refund_id: str | None) -> None:
    """The outcome told the key the cut-off POST was sent with; the retry with it replayed, once."""
    (first, again) = sent_keys(sandbox)
    assert outcome.idempotency_key == first == again
    assert outcome.sent
    assert outcome.attempts == 1
    assert outcome.status is None  # no answer came
    assert list(sandbox.refunds) == [refund_id]  # one refund, though the caller called twice


# --- finding 2: async cancellation -------------------------------------------------------------


@pytest.mark.anyio
async def test_a_refund_cancelled_by_a_cancel_scope_mid_request_tells_its_key() -> None:
    with client("async") as (pay, sandbox, stuck):
        charge_id = await captured_charge(pay, sandbox)
        with request_options() as outcome:
            with anyio.CancelScope() as scope:
                stuck.stick, stuck.on_stuck = True, scope.cancel
                await pay.refunds.create({**REFUND, "chargeId": charge_id})
        assert scope.cancelled_caught
        with request_options(idempotency_key=outcome.idempotency_key):  # the caller's retry
            refund = await pay.refunds.create({**REFUND, "chargeId": charge_id})
        check_recovered(sandbox, outcome, refund.refund_id)
        await pay.aclose()


@pytest.mark.anyio
async def test_a_refund_cut_off_by_asyncio_timeout_tells_its_key() -> None:
    with client("async") as (pay, sandbox, stuck):
        charge_id = await captured_charge(pay, sandbox)
        stuck.stick = True
        with request_options() as outcome, pytest.raises(TimeoutError):
            async with asyncio.timeout(0.05):  # the answer never comes: the deadline always passes
                await pay.refunds.create({**REFUND, "chargeId": charge_id})
        refund = await pay.refunds.create({**REFUND, "chargeId": charge_id}, idempotency_key=outcome.idempotency_key)
        check_recovered(sandbox, outcome, refund.refund_id)
        await pay.aclose()


# --- finding 2, review: the call runs in a task or thread the block started ------------------------
# The block's outcome was filled only by its own task's calls, so a call that runs in a task of its
# own (asyncio.wait_for makes one before Python 3.12) or in a thread told the block nothing: cut off
# after the money moved, it left outcome.idempotency_key None, and the caller's retry charged twice.


def check_recovered_elsewhere(sandbox: AmazonPaySandbox, outcome: CallState, refund_id: str | None) -> None:
    """The block learnt the key and that it was sent, though the call ran in another task or thread."""
    (first, again) = sent_keys(sandbox)
    assert outcome.idempotency_key == first == again
    assert outcome.sent
    assert list(sandbox.refunds) == [refund_id]  # one refund, though the caller called twice


@pytest.mark.anyio
async def test_a_refund_cut_off_by_asyncio_wait_for_tells_its_key() -> None:
    with client("async") as (pay, sandbox, stuck):
        charge_id = await captured_charge(pay, sandbox)
        stuck.stick = True
        with request_options() as outcome, pytest.raises(TimeoutError):
            await asyncio.wait_for(pay.refunds.create({**REFUND, "chargeId": charge_id}), 0.05)
        refund = await pay.refunds.create({**REFUND, "chargeId": charge_id}, idempotency_key=outcome.idempotency_key)
        check_recovered_elsewhere(sandbox, outcome, refund.refund_id)
        await pay.aclose()


@pytest.mark.anyio
async def test_a_refund_awaited_in_a_task_of_its_own_and_cut_off_tells_its_key() -> None:
    with client("async") as (pay, sandbox, stuck):
        charge_id = await captured_charge(pay, sandbox)
        stuck.stick = True
        with request_options() as outcome, pytest.raises(TimeoutError):
            async with asyncio.timeout(0.05):
                await asyncio.create_task(pay.refunds.create({**REFUND, "chargeId": charge_id}))
        refund = await pay.refunds.create({**REFUND, "chargeId": charge_id}, idempotency_key=outcome.idempotency_key)
        check_recovered_elsewhere(sandbox, outcome, refund.refund_id)
        await pay.aclose()


def test_a_refund_given_up_on_in_a_thread_that_copied_the_blocks_context_tells_its_key() -> None:
    """The README's thread-pool pattern, with the block opened by the caller, not by the thread."""
    with client("sync") as (pay, sandbox, stuck), ThreadPoolExecutor(1) as executor:
        charge_id = anyio.run(captured_charge, pay, sandbox)
        arrived = threading.Event()
        stuck.stick, stuck.on_stuck = True, arrived.set
        body = {**REFUND, "chargeId": charge_id}
        with request_options() as outcome:
            future = executor.submit(contextvars.copy_context().run, pay.refunds.create, body)
            assert arrived.wait(30)  # the refund was processed; its answer is held back
            with pytest.raises(FutureTimeout):
                future.result(timeout=0.01)
        assert outcome.idempotency_key is not None  # known while the call is still out
        assert outcome.sent
        stuck.released.set()
        first = future.result(timeout=30)
        again = pay.refunds.create(body, idempotency_key=outcome.idempotency_key)
        assert again.refund_id == first.refund_id
        assert list(sandbox.refunds) == [first.refund_id]


@pytest.mark.anyio
async def test_a_task_tells_only_the_blocks_it_inherited_that_are_still_open() -> None:
    """No key leaks into a block the task did not start in, nor into one closed before its call."""
    with client("async") as (pay, sandbox, _):
        charge_id = await captured_charge(pay, sandbox)
        go = asyncio.Event()

        async def refund_later() -> Any:
            await go.wait()
            return await pay.refunds.create({**REFUND, "chargeId": charge_id})

        with request_options() as closed_before:
            task = asyncio.create_task(refund_later())
        with request_options() as unrelated:
            go.set()
            await task
        assert len(sent_keys(sandbox)) == 1
        assert (closed_before.idempotency_key, closed_before.sent) == (None, False)
        assert (unrelated.idempotency_key, unrelated.sent) == (None, False)
        await pay.aclose()


# --- finding 2: the sync path ------------------------------------------------------------------


class Interrupt(KeyboardInterrupt):
    """Ctrl-C (or a worker's soft time limit) arriving while the answer is awaited."""


def test_a_refund_interrupted_mid_request_tells_its_key() -> None:
    with client("sync") as (pay, sandbox, stuck):
        charge_id = anyio.run(captured_charge, pay, sandbox)

        def interrupt() -> None:
            raise Interrupt

        stuck.stick, stuck.on_stuck = True, interrupt
        with request_options() as outcome, pytest.raises(Interrupt):
            pay.refunds.create({**REFUND, "chargeId": charge_id})
        refund = pay.refunds.create({**REFUND, "chargeId": charge_id}, idempotency_key=outcome.idempotency_key)
        check_recovered(sandbox, outcome, refund.refund_id)


def test_a_refund_a_caller_gave_up_on_in_a_thread_tells_its_key() -> None:
    """The call runs in a worker thread whose own block hands its outcome over; the caller stops
    waiting (a timeout) while the answer is still out."""
    with client("sync") as (pay, sandbox, stuck), ThreadPoolExecutor(1) as executor:
        charge_id = anyio.run(captured_charge, pay, sandbox)
        outcomes: list[CallState] = []

        def refund() -> Any:
            with request_options() as outcome:
                outcomes.append(outcome)
                return pay.refunds.create({**REFUND, "chargeId": charge_id})

        arrived = threading.Event()
        stuck.stick, stuck.on_stuck = True, arrived.set
        future = executor.submit(refund)
        assert arrived.wait(30)  # the refund was processed; its answer is held back
        with pytest.raises(FutureTimeout):
            future.result(timeout=0.01)
        (outcome,) = outcomes
        assert outcome.idempotency_key is not None  # known while the call is still out
        assert outcome.sent
        key = outcome.idempotency_key
        stuck.released.set()  # the worker's call ends (its answer comes after all)
        first = future.result(timeout=30)
        again = pay.refunds.create({**REFUND, "chargeId": charge_id}, idempotency_key=key)
        assert again.refund_id == first.refund_id
        assert sent_keys(sandbox) == [key, key]
        assert list(sandbox.refunds) == [first.refund_id]


# --- finding 3: a later call in the block does not erase the POST's key --------------------------


def charge_answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200 if request.method != "POST" else 201, json=CHARGE, headers={"x-amz-pay-request-id": "r"})


def test_a_get_after_a_post_keeps_the_posts_key(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = charge_answer
    with request_options() as outcome:
        pay.charges.create({"chargePermissionId": "S02-1", "chargeAmount": money("1.00")})
        key = transport.sent[-1].headers[KEY]
        pay.charges.get("S02-1-C1")
        assert outcome.idempotency_key == key  # not None
        get_charge.sync_detailed(client=pay.api, charge_id="S02-1-C1")
        pay.charge_permissions.update("S02-1", {"merchantMetadata": {"merchantReferenceId": "o-1"}})
    assert outcome.idempotency_key == key
    assert [sent.method for sent in transport.sent] == ["POST", "GET", "GET", "PATCH"]


@pytest.mark.anyio
async def test_a_wait_after_a_refund_keeps_the_refunds_key(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    refunded = {**BY_NAME["refunds.get"].reply, "statusDetails": {"state": "Refunded"}}  # type: ignore[dict-item]
    transport.default = lambda request: httpx.Response(201 if request.method == "POST" else 200, json=refunded)
    with request_options() as outcome:
        refund = await async_pay.refunds.create({**REFUND, "chargeId": "S02-1-C1"})
        await async_pay.refunds.wait(refund.refund_id, interval=0.01, deadline=1)
    assert outcome.idempotency_key == transport.sent[0].headers[KEY]
    assert [sent.method for sent in transport.sent] == ["POST", "GET"]


# --- every field, for any sequence of calls in a block -------------------------------------------

#: (method, call) of a call of each HTTP method.
CALLS: dict[str, Callable[[AmazonPay], object]] = {
    "POST": lambda pay: pay.charges.create({"chargePermissionId": "S02-1", "chargeAmount": money("1.00")}),
    "GET": lambda pay: pay.charges.get("S02-1-C1"),
    "PATCH": lambda pay: pay.charge_permissions.update("S02-1", {"merchantMetadata": {"merchantReferenceId": "o"}}),
    "DELETE": lambda pay: pay.charges.cancel("S02-1-C1", {"cancellationReason": "out of stock"}),
}
REPLIES = {
    "POST": (201, CHARGE),
    "GET": (200, CHARGE),
    "PATCH": (200, BY_NAME["charge_permissions.update"].reply),
    "DELETE": (200, {**CHARGE, "statusDetails": {"state": "Canceled"}}),
}
#: How a call goes: the replies of its attempts (an exception class, or a status).
FATES: dict[str, list[type[Exception] | int]] = {
    "answered": [200],
    "answer lost, then answered": [httpx.ReadTimeout, 200],
    "refused (404)": [404],
    "never connected": [httpx.ConnectError],  # max_retries=0 below: one attempt, nothing sent
    "answer lost, no retry left": [httpx.ReadTimeout],
    # A DELETE's retry is refused as already done, then reconciled by a GET (its answer is the call's).
    "answer lost, then refused as done": [httpx.ReadTimeout, 422],
}
SEQUENCES = st.lists(st.tuples(st.sampled_from(sorted(CALLS)), st.sampled_from(sorted(FATES))), min_size=1, max_size=6)


def _reply(method: str, fate: type[Exception] | int, number: int) -> Callable[[httpx.Request], httpx.Response]:
    def reply(request: httpx.Request) -> httpx.Response:
        if not isinstance(fate, int):
            raise fate("simulated")
        refusal = {"reasonCode": "InvalidChargeStatus" if fate == 422 else "ResourceNotFound", "message": "no"}
        status, body = REPLIES[method] if fate == 200 else (fate, refusal)
        return httpx.Response(status, json=body, headers={"x-amz-pay-request-id": f"req-{number}"})

    return reply


@settings(max_examples=80, deadline=None)
@given(sequence=SEQUENCES)
def test_each_field_describes_the_call_its_docstring_names(
    rsa_key: rsa.RSAPrivateKey, sequence: list[tuple[str, str]]
) -> None:
    """Random sequences of calls of every method, each answered, lost, refused or never sent; the
    block around all of them and the block around each must both read as the docstring says."""
    transport = Recorder()
    options: dict[str, Any] = {"public_key_id": "SANDBOX-AEUNITTEST", "private_key": rsa_key, "region": "eu"}
    with (
        patch.object(amazonpay._transport.time, "sleep", lambda seconds: None),  # retries at once
        AmazonPay(**options, transport=transport) as pay,
        request_options() as outcome,
    ):
        last_post_key = None
        for method, fate_name in sequence:
            fate = FATES[fate_name]
            if method == "DELETE" and fate[-1] == 422:
                fate = [*fate, 200]  # the GET that reconciles: the charge is Canceled
            first = len(transport.sent)
            transport.queue(*(_reply(method, step, first + n) for n, step in enumerate(fate)))
            with request_options(max_retries=len(FATES[fate_name]) - 1) as inner, suppress(AmazonPayError):
                CALLS[method](pay)
            made = transport.sent[first:]
            assert len(made) == len(fate)
            key = made[0].headers.get(KEY)
            last_post_key = key or last_post_key
            last = fate[-1]
            for state, post_key in ((outcome, last_post_key), (inner, key)):
                assert state.idempotency_key == post_key, (method, fate_name)  # the block's last POST's
                assert state.attempts == len(made)  # the last call's
                assert state.sent == (fate != [httpx.ConnectError])
                answered = isinstance(last, int)
                assert state.status == (REPLIES[method][0] if last == 200 else last if answered else None)
                assert state.request_id == (f"req-{len(transport.sent) - 1}" if answered else None)
