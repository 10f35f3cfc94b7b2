"""What a ``request_options`` block covers: one explicit key for one POST, its own outcome only.

Findings 1 (a key leaking to every POST of its block), 15 (a task overwriting its block's
outcome) and 17 (options and thread pools: the guide's pattern in docs/errors.md, run as written).
"""

from __future__ import annotations

import asyncio
import contextvars
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError, request_options
from amazonpay_api.api.charges import create_charge
from amazonpay_api.models import CreateChargeRequest
from tests.support.operations import BY_NAME, CHARGE, CREATE_CHARGE_BODY, money
from tests.test_faults import Harness, h, invoke

__all__ = ["h"]  # the sandbox harness fixture, shared with test_faults

if TYPE_CHECKING:
    from tests.conftest import Recorder

KEY = "x-amz-pay-idempotency-key"
CREATE = BY_NAME["charges.create"]
ERRORS = Path(__file__).resolve().parents[1] / "docs" / "errors.md"
ALREADY_USED = r"POST /v2/charges not sent: idempotency_key 'order-42' was already used by POST /v2/charges"


# --- finding 1: an explicit key belongs to one logical POST ------------------------------------


def test_a_second_post_under_a_blocks_key_is_refused_before_sending(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = CREATE.answer()
    with request_options(idempotency_key="order-42"):
        pay.charges.create(CREATE_CHARGE_BODY)
        with pytest.raises(ConfigurationError, match=ALREADY_USED) as same:
            pay.charges.create(CREATE_CHARGE_BODY)  # the same body: Amazon would replay the first charge
        with pytest.raises(ConfigurationError, match=ALREADY_USED):
            pay.charges.create({**CREATE_CHARGE_BODY, "chargeAmount": money("99.00")})  # would be refused
        with pytest.raises(ConfigurationError, match=ALREADY_USED):
            create_charge.sync_detailed(client=pay.api, body=CreateChargeRequest.from_dict(CREATE_CHARGE_BODY))
    assert [sent.headers[KEY] for sent in transport.sent] == ["order-42"]
    assert "pass idempotency_key= to the method, or open one request_options block per call" in str(same.value)


@pytest.mark.anyio
async def test_in_the_sandbox_the_second_charge_is_refused_not_silently_lost(h: Harness) -> None:
    """The reproduction: two creates in one block both "succeeded" with the same charge id."""
    charges = set(h.sandbox.charges)
    with request_options(idempotency_key="order-42"):
        first = await h.call("charges", "create", h.charge_body("5.00"))
        for body in (h.charge_body("5.00"), h.charge_body("6.00")):
            with pytest.raises(ConfigurationError, match=ALREADY_USED):
                await invoke(h.pay, "charges", "create", body)
    assert set(h.sandbox.charges) - charges == {first.charge_id}
    assert [r.headers[KEY] for r in h.sandbox.requests].count("order-42") == 1


@pytest.mark.anyio
async def test_running_the_same_block_again_replays_its_call(h: Harness) -> None:
    """What the key is for: the same block run twice (a retried job) gets the first result."""
    charges = set(h.sandbox.charges)
    results = []
    for _ in range(2):
        with request_options(idempotency_key="order-43"):
            results.append(await h.call("charges", "create", h.charge_body("7.00")))
    assert results[0].charge_id == results[1].charge_id
    assert set(h.sandbox.charges) - charges == {results[0].charge_id}
    assert [r.replayed for r in h.attempts_of("order-43")] == [False, True]


@pytest.mark.anyio
async def test_tasks_gathered_in_one_block_cannot_share_its_key(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    transport.default = CREATE.answer()
    body = CreateChargeRequest.from_dict(CREATE_CHARGE_BODY)
    with request_options(idempotency_key="order-42"):
        outcomes = await asyncio.gather(
            create_charge.asyncio_detailed(client=async_pay.api, body=body),
            create_charge.asyncio_detailed(client=async_pay.api, body=body),
            return_exceptions=True,
        )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ConfigurationError)]
    assert len(refused) == 1
    assert re.search(ALREADY_USED, str(refused[0]))
    assert [sent.headers[KEY] for sent in transport.sent] == ["order-42"]


def test_threads_sharing_a_blocks_context_cannot_share_its_key(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = CREATE.answer()
    start = threading.Barrier(4)

    def create() -> Any:
        start.wait()
        return pay.charges.create(CREATE_CHARGE_BODY)

    with request_options(idempotency_key="order-42"), ThreadPoolExecutor(4) as executor:
        futures = [executor.submit(contextvars.copy_context().run, create) for _ in range(4)]
    errors = [future.exception() for future in futures]
    assert sum(error is None for error in errors) == 1
    assert all(isinstance(error, ConfigurationError) for error in errors if error is not None)
    assert [sent.headers[KEY] for sent in transport.sent] == ["order-42"]


def test_gets_in_a_block_with_a_key_work_and_leave_the_key_to_its_post(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(201 if request.method == "POST" else 200, json=CHARGE)
    with request_options(idempotency_key="order-42"):
        pay.charges.get("S02-1-C1")
        pay.charges.get("S02-1-C2")
        pay.charges.create(CREATE_CHARGE_BODY)
        pay.charges.get("S02-1-C3")
    assert [(sent.method, sent.headers.get(KEY)) for sent in transport.sent] == [
        ("GET", None),
        ("GET", None),
        ("POST", "order-42"),
        ("GET", None),
    ]


def test_idempotency_key_none_opts_a_call_out_of_the_blocks_key(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = CREATE.answer()
    with request_options(idempotency_key="order-42"):
        pay.charges.create(CREATE_CHARGE_BODY, idempotency_key=None)
        pay.charges.create(CREATE_CHARGE_BODY)  # the block's key is still unused
        with request_options(idempotency_key=None):
            create_charge.sync_detailed(client=pay.api, body=CreateChargeRequest.from_dict(CREATE_CHARGE_BODY))
    fresh, blocks, fresh_again = (sent.headers[KEY] for sent in transport.sent)
    assert re.fullmatch("[0-9a-f]{32}", fresh)
    assert re.fullmatch("[0-9a-f]{32}", fresh_again)
    assert fresh != fresh_again
    assert blocks == "order-42"


def test_a_key_given_to_the_call_is_the_calls_own(pay: AmazonPay, transport: Recorder) -> None:
    """Passing the key again, explicitly, is a deliberate replay (what an error message advises)."""
    transport.default = CREATE.answer()
    with request_options(idempotency_key="order-42"):
        pay.charges.create(CREATE_CHARGE_BODY)
        pay.charges.create(CREATE_CHARGE_BODY, idempotency_key="order-42")
        pay.charges.create(CREATE_CHARGE_BODY, idempotency_key="order-43")
    assert [sent.headers[KEY] for sent in transport.sent] == ["order-42", "order-42", "order-43"]


def test_a_refused_body_leaves_the_key_unused(pay: AmazonPay, transport: Recorder) -> None:
    """Nothing was sent, so the key still belongs to the block's first POST that is sent."""
    transport.default = CREATE.answer()
    with request_options(idempotency_key="order-42"):
        with pytest.raises(ConfigurationError, match="softDescriptor"):
            pay.charges.create({**CREATE_CHARGE_BODY, "softDescriptor": "x" * 17})
        pay.charges.create(CREATE_CHARGE_BODY)
    assert [sent.headers[KEY] for sent in transport.sent] == ["order-42"]


# --- finding 15: the outcome belongs to the call that filled it -----------------------------------


def answer_with_the_charge_id_as_request_id(request: httpx.Request) -> httpx.Response:
    charge_id = request.url.path.rsplit("/", 1)[-1]
    return httpx.Response(200, json={**CHARGE, "chargeId": charge_id}, headers={"x-amz-pay-request-id": charge_id})


@pytest.mark.anyio
async def test_a_task_started_in_a_block_does_not_overwrite_its_outcome(
    async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    transport.default = answer_with_the_charge_id_as_request_id
    with request_options() as outcome:
        await async_pay.charges.get("mine")
        later = asyncio.create_task(async_pay.charges.get("a-task-started-in-the-block"))
        inside = asyncio.create_task(async_pay.charges.get("a-task-awaited-in-the-block"))
        await inside
    assert (outcome.request_id, outcome.attempts) == ("mine", 1)
    await later
    assert outcome.request_id == "mine"
    assert [sent.url.path.rsplit("/", 1)[-1] for sent in transport.sent] == [
        "mine",
        "a-task-started-in-the-block",
        "a-task-awaited-in-the-block",
    ]


def test_a_thread_running_in_a_blocks_context_does_not_overwrite_its_outcome(
    pay: AmazonPay, transport: Recorder
) -> None:
    transport.default = answer_with_the_charge_id_as_request_id
    with request_options() as outcome, ThreadPoolExecutor(1) as executor:
        pay.charges.get("mine")
        executor.submit(contextvars.copy_context().run, pay.charges.get, "a-thread").result()
    assert outcome.request_id == "mine"


@pytest.mark.anyio
async def test_a_tasks_own_block_gets_its_outcome(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    transport.default = answer_with_the_charge_id_as_request_id

    async def get(charge_id: str) -> str | None:
        with request_options() as mine:
            await async_pay.charges.get(charge_id)
        return mine.request_id

    with request_options() as outer:
        ids = await asyncio.gather(get("one"), get("two"))
    assert ids == ["one", "two"]
    assert outer.request_id is None  # neither task is the block's own code


# --- finding 17: options reach a thread pool only in a copied context (the guide's pattern) ---------


def guide_executor_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", ERRORS.read_text(encoding="utf-8"), re.DOTALL)
    (block,) = [block for block in blocks if "copy_context()" in block]
    return block


def test_the_guide_shows_how_options_reach_a_thread_pool(pay: AmazonPay, transport: Recorder) -> None:
    get = BY_NAME["charges.get"]
    transport.default = get.answer()
    namespace: dict[str, Any] = {"pay": pay, "charge_id": "S02-1-C1", "request_options": request_options}
    exec(guide_executor_example(), namespace)  # noqa: S102  # the guide's own text, run as written
    get.check_result(namespace["charge"])
    (sent,) = transport.sent
    assert sent.extensions["timeout"]["read"] == 5.0  # the block's timeout=5 reached the worker thread


def test_a_bare_executor_submit_drops_the_blocks_options(pay: AmazonPay, transport: Recorder) -> None:
    """Why the guide says so: a context variable stays in its thread unless the context is copied."""
    transport.default = BY_NAME["charges.get"].answer()
    with request_options(timeout=5), ThreadPoolExecutor(1) as executor:
        executor.submit(pay.charges.get, "S02-1-C1").result()
    assert transport.sent[0].extensions["timeout"]["read"] == 30.0  # the client's default
