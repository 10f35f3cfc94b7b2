"""The pytest plugin's clients wait on the simulator's clock: a wait's pauses move simulated time, nothing sleeps.

Before, the fixtures set the signing clock but not the waits' sleep: a ``wait()`` without
``sleep=`` slept for real, up to its 600 s deadline. Real sleeping is made to fail here, so a
client that still sleeps fails at once instead of holding the suite; wall time is measured only
as a generous guard, and the assertions are on simulated time.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError, WaitTimeoutError
from amazonpay.testing import AmazonPaySandbox
from amazonpay_api.models.refund import Refund
from tests.support.operations import STORE_ID, money

HOUR = timedelta(hours=1)
#: Far above what the waits below take here (milliseconds to a tenth of a second on a loaded
#: 2-core machine); only there to fail loudly if a wait ever sleeps for real again.
WALL_GUARD = 20.0


@pytest.fixture(autouse=True)
def real_sleep_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wait that sleeps for real (time.sleep, anyio.sleep) fails the test at once."""

    def refuse(seconds: float) -> None:
        raise AssertionError(f"a wait slept {seconds:.1f} s for real instead of moving the simulated clock")

    async def refuse_async(seconds: float) -> None:
        refuse(seconds)

    monkeypatch.setattr("amazonpay._waiting.time.sleep", refuse)
    monkeypatch.setattr("amazonpay._waiting.anyio.sleep", refuse_async)


def refund_settling_in_an_hour(pay: AmazonPay, sandbox: AmazonPaySandbox) -> str:
    """A refund on a new captured charge, RefundInitiated, that settles after an hour of simulated time."""
    sandbox.settle_after_reads = 0  # on time alone
    sandbox.settle_after = HOUR
    session = pay.checkout_sessions.create(
        {"webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"}, "storeId": STORE_ID}
    )
    session_id = session.checkout_session_id
    sandbox.approve(session_id)
    pay.checkout_sessions.update(
        session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
            "paymentDetails": {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": money("10.00")},
        },
    )
    charge_id = pay.checkout_sessions.complete(session_id, {"chargeAmount": money("10.00")}).charge_id
    refund = pay.refunds.create({"chargeId": charge_id, "refundAmount": money("4.00")})
    assert refund.status_details.state == "RefundInitiated"
    return refund.refund_id


def test_a_wait_of_an_hour_of_simulated_time_sleeps_for_none_of_it(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    refund_id = refund_settling_in_an_hour(amazon_pay, amazon_pay_sandbox)
    before = amazon_pay_sandbox.now()
    started = time.monotonic()
    refund = amazon_pay.refunds.wait(refund_id, interval=600, deadline=3 * 3600)  # no sleep=: the fixture's
    wall = time.monotonic() - started
    print(f"an hour of simulated time waited in {wall * 1000:.0f} ms")
    assert refund.status_details.state == "Refunded"
    passed = amazon_pay_sandbox.now() - before
    assert HOUR <= passed < HOUR + timedelta(minutes=11)  # one jittered interval past the hour at most
    assert wall < WALL_GUARD


@pytest.mark.anyio
async def test_an_async_wait_moves_the_same_clock(
    async_amazon_pay: AsyncAmazonPay, amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    refund_id = refund_settling_in_an_hour(amazon_pay, amazon_pay_sandbox)
    before = amazon_pay_sandbox.now()
    refund = await async_amazon_pay.refunds.wait(refund_id, interval=60, deadline=3 * 3600)
    assert refund.status_details.state == "Refunded"
    assert amazon_pay_sandbox.now() - before >= HOUR


def test_the_default_deadline_passes_in_simulated_time_too(
    amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    """A refund that settles after the default 600 s deadline ends in WaitTimeoutError, on simulated time."""
    refund_id = refund_settling_in_an_hour(amazon_pay, amazon_pay_sandbox)
    before = amazon_pay_sandbox.now()
    with pytest.raises(WaitTimeoutError) as raised:
        amazon_pay.refunds.wait(refund_id)
    assert raised.value.state == "RefundInitiated"
    assert isinstance(raised.value.last, Refund)
    assert raised.value.last.refund_id == refund_id
    assert raised.value.waited == pytest.approx(600)  # the pauses', all simulated
    assert timedelta(seconds=600) <= amazon_pay_sandbox.now() - before < timedelta(seconds=600 + WALL_GUARD)


def test_a_calls_own_sleep_still_wins(amazon_pay: AmazonPay, amazon_pay_sandbox: AmazonPaySandbox) -> None:
    refund_id = refund_settling_in_an_hour(amazon_pay, amazon_pay_sandbox)
    paused: list[float] = []

    def sleep(seconds: float) -> None:
        paused.append(seconds)
        amazon_pay_sandbox.sleep(seconds)

    amazon_pay.refunds.wait(refund_id, interval=600, deadline=2 * 3600, sleep=sleep)
    assert sum(paused) >= HOUR.total_seconds()


@pytest.mark.parametrize("wait_sleep", [0, "sandbox.sleep"])
def test_a_wait_sleep_that_cannot_be_called_is_refused_at_construction(
    amazon_pay_options: dict[str, Any], wait_sleep: object
) -> None:
    with pytest.raises(ConfigurationError, match="wait_sleep must be callable"):
        AmazonPay(**{**amazon_pay_options, "wait_sleep": wait_sleep})
