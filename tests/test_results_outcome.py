"""``amazonpay.outcome_of(result)``: the request id, attempts, key and replay of the call that returned a result.

What the simulator recorded of each request (its own request id, the key header it received,
whether it answered from its idempotency store) is the independent account each outcome is
checked against, one call at a time and under threads and asyncio tasks making calls at once.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, Outcome, outcome_of, request_options
from amazonpay._outcome import _outcomes
from amazonpay.testing import AmazonPaySandbox, RecordedRequest
from amazonpay_api.models.refund import Refund
from tests.support.operations import money
from tests.support.shop import Shop

KEY = "x-amz-pay-idempotency-key"


def refund_body(charge_id: str, amount: str = "1.00") -> dict[str, Any]:
    return {"chargeId": charge_id, "refundAmount": money(amount)}


def recorded(sandbox: AmazonPaySandbox, outcome: Outcome | None) -> RecordedRequest:
    """The request the simulator answered with the outcome's request id."""
    assert outcome is not None
    (request,) = [r for r in sandbox.requests if r.request_id == outcome.request_id]
    return request


def test_a_create_then_its_repeat_with_the_same_key_replayed(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    charge_id = Shop(amazon_pay_sandbox).captured_charge().charge_id
    first = amazon_pay.refunds.create(refund_body(charge_id), idempotency_key="refund-order-42")
    outcome = outcome_of(first)
    assert outcome is not None
    request = recorded(amazon_pay_sandbox, outcome)
    assert (outcome.status, outcome.attempts, outcome.sent) == (201, 1, True)
    assert outcome.idempotency_key == request.headers[KEY] == "refund-order-42"
    assert outcome.replayed is request.replayed is False

    again = amazon_pay.refunds.create(refund_body(charge_id), idempotency_key="refund-order-42")
    replay = outcome_of(again)
    assert again == first  # the same refund, answered from Amazon's idempotency store
    assert replay is not None
    assert replay.status == 200
    assert replay.replayed is recorded(amazon_pay_sandbox, replay).replayed is True
    assert outcome_of(first) == outcome  # the first result keeps its own call's outcome


def test_a_get_has_a_request_id_and_no_key_and_cannot_tell_a_replay(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    charge = Shop(amazon_pay_sandbox).captured_charge()
    fetched = amazon_pay.charges.get(charge.charge_id)
    outcome = outcome_of(fetched)
    assert outcome is not None
    assert recorded(amazon_pay_sandbox, outcome).operation_id == "getCharge"
    assert (outcome.idempotency_key, outcome.replayed, outcome.status) == (None, None, 200)


def test_capture_answers_200_either_way_so_replayed_is_unknown(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    """Capture Charge declares only 200: its answer cannot say whether Amazon replayed it."""
    charge_id = Shop(amazon_pay_sandbox).checkout("10.00", "Authorize").charge_id
    captured = amazon_pay.charges.capture(charge_id, {"captureAmount": money("10.00")})
    outcome = outcome_of(captured)
    assert outcome is not None
    assert outcome.idempotency_key is not None
    assert outcome.replayed is None


def test_the_attempts_count_the_retries(amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox) -> None:
    charge = Shop(amazon_pay_sandbox).captured_charge()
    amazon_pay_sandbox.fail_next(status=503, headers={"Retry-After": "0"}, operation_id="getCharge")
    outcome = outcome_of(amazon_pay.charges.get(charge.charge_id))
    assert outcome is not None
    assert outcome.attempts == 2
    assert recorded(amazon_pay_sandbox, outcome).status == 200


def test_concurrent_threads_each_get_their_own_calls_outcome(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    charge_id = Shop(amazon_pay_sandbox).captured_charge("50.00").charge_id

    def refund(number: int) -> tuple[str, Refund]:
        key = f"thread-{number}"
        return key, amazon_pay.refunds.create(refund_body(charge_id), idempotency_key=key)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(refund, range(16)))
    for key, result in results:
        outcome = outcome_of(result)
        assert outcome is not None
        assert outcome.idempotency_key == key
        assert recorded(amazon_pay_sandbox, outcome).headers[KEY] == key
    assert len({outcome_of(result).request_id for _, result in results}) == 16  # type: ignore[union-attr]


@pytest.mark.anyio
async def test_concurrent_tasks_each_get_their_own_calls_outcome(
    async_amazon_pay: AsyncAmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    charge_id = Shop(amazon_pay_sandbox).captured_charge("50.00").charge_id

    async def refund(number: int) -> tuple[str, Refund]:
        key = f"task-{number}"
        await asyncio.sleep(0)  # the tasks interleave
        return key, await async_amazon_pay.refunds.create(refund_body(charge_id), idempotency_key=key)

    results = await asyncio.gather(*(refund(n) for n in range(16)))
    for key, result in results:
        outcome = outcome_of(result)
        assert outcome is not None
        assert outcome.idempotency_key == key == recorded(amazon_pay_sandbox, outcome).headers[KEY]


def test_the_model_is_the_apis_equality_repr_dict_and_pickle_unchanged(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    charge_id = Shop(amazon_pay_sandbox).captured_charge().charge_id
    refund = amazon_pay.refunds.create(refund_body(charge_id))
    assert outcome_of(refund) is not None
    rebuilt = Refund.from_dict(refund.to_dict())
    assert rebuilt == refund
    assert repr(rebuilt) == repr(refund)
    assert "weakref" not in repr(refund)
    assert pickle.loads(pickle.dumps(refund)) == refund  # noqa: S301 (our own bytes)
    assert copy.deepcopy(refund) == refund
    # Built by hand, copied: no call returned them.
    assert outcome_of(rebuilt) is None
    assert outcome_of(copy.copy(refund)) is None
    assert outcome_of({"refundId": refund.refund_id}) is None
    assert outcome_of(None) is None


def test_an_outcome_is_forgotten_with_its_result(amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox) -> None:
    charge = Shop(amazon_pay_sandbox).captured_charge()
    results = [amazon_pay.charges.get(charge.charge_id) for _ in range(5)]
    kept = {id(result) for result in results}
    assert kept <= set(_outcomes._entries)
    del results
    gc.collect()
    assert not kept & set(_outcomes._entries)
    assert outcome_of(charge) is not None  # a live result keeps its own


def test_a_blocks_outcome_says_replayed_too(amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox) -> None:
    charge_id = Shop(amazon_pay_sandbox).captured_charge().charge_id
    amazon_pay.refunds.create(refund_body(charge_id), idempotency_key="block-replay")
    with request_options(idempotency_key="block-replay") as outcome:
        again = amazon_pay.refunds.create(refund_body(charge_id))
    assert outcome.replayed is True
    assert outcome.request_id == outcome_of(again).request_id  # type: ignore[union-attr]


def test_a_wait_has_the_outcome_of_its_last_get(amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox) -> None:
    charge_id = Shop(amazon_pay_sandbox).captured_charge().charge_id
    refund = amazon_pay.refunds.create(refund_body(charge_id))
    settled = amazon_pay.refunds.wait(refund.refund_id)
    outcome = outcome_of(settled)
    assert outcome is not None
    assert outcome.request_id == amazon_pay_sandbox.requests[-1].request_id
