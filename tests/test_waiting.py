"""Waiting: the waiter on a fake clock (it ends, returns any final state, never hides a failure),
then ``pay.refunds.wait`` and ``pay.charges.wait`` against the simulator on the clock the test
moves, with the final states read from the effective spec."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amazonpay import AmazonPayError, ConfigurationError, NotFoundError, WaitTimeoutError
from amazonpay._waiting import JITTER, WaitRule, wait, wait_async
from amazonpay.testing import AmazonPaySandbox
from tests.support.operations import money
from tests.support.shop import Shop
from tests.support.spec import operations_by_id

RULE = WaitRule("getThing", ("statusDetails", "state"), frozenset({"Done", "Declined"}))


def thing(state: str | None) -> dict[str, Any]:
    return {"thingId": "T-1", "statusDetails": {"state": state, "reasonCode": None}}


class Clock:
    """A monotonic clock that only sleeping moves, and a GET that reads states in turn."""

    def __init__(self, states: list[str | None], *, get_takes: float = 0.0) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.gets = 0
        self._states: Iterator[str | None] = iter(states)
        self._last: str | None = None
        self.get_takes = get_takes

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def get(self) -> dict[str, Any]:
        self.gets += 1
        self.now += self.get_takes
        self._last = next(self._states, self._last)
        return thing(self._last)

    async def async_get(self) -> dict[str, Any]:
        return self.get()


def run(clock: Clock, *, interval: float = 10.0, deadline: float = 60.0) -> Any:
    return wait(RULE, clock.get, interval=interval, deadline=deadline, sleep=clock.sleep, monotonic=clock.monotonic)


def test_a_final_object_returns_at_once() -> None:
    clock = Clock(["Done"])
    assert run(clock)["statusDetails"]["state"] == "Done"
    assert (clock.gets, clock.sleeps) == (1, [])


def test_a_declined_object_is_an_answer_not_an_error() -> None:
    clock = Clock(["Pending", "Pending", "Declined"])
    assert run(clock)["statusDetails"]["state"] == "Declined"
    assert clock.gets == 3
    assert len(clock.sleeps) == 2
    assert all(10 * (1 - JITTER) <= s <= 10 * (1 + JITTER) for s in clock.sleeps)


def test_the_deadline_raises_with_the_last_object() -> None:
    clock = Clock(["Pending"])
    with pytest.raises(WaitTimeoutError) as timed_out:
        run(clock, interval=10, deadline=60)
    error = timed_out.value
    assert isinstance(error, AmazonPayError)
    assert isinstance(error, TimeoutError)
    assert error.last == thing("Pending")
    assert error.state == "Pending"
    assert error.attempts == clock.gets
    assert error.waited == pytest.approx(60)
    assert error.operation_id == "getThing"
    assert clock.now - 1000 == pytest.approx(60)  # not a moment past the deadline
    assert "'Pending'" in str(error)
    assert "T-1" not in str(error)  # the object is not in the message


def test_the_timeout_message_bounds_the_servers_state_and_the_error_keeps_it_whole() -> None:
    # Issue 19, finding 16: a 300 000-character state made a 300 000-character message.
    state = "Pending\u2028" + "x" * 300_000
    clock = Clock([state])
    with pytest.raises(WaitTimeoutError) as timed_out:
        run(clock)
    message = str(timed_out.value)
    assert len(message) < 1000
    assert "more characters" in message
    assert "\u2028" not in message  # a line separator would split a log line
    assert message.startswith("getThing: still 'Pending\\u2028xxx")
    assert timed_out.value.state == state


def test_the_last_sleep_is_cut_to_the_deadline_and_the_state_is_checked_at_it() -> None:
    clock = Clock(["Pending"] * 3 + ["Done"])
    assert run(clock, interval=25, deadline=60)["statusDetails"]["state"] == "Done"
    assert sum(clock.sleeps) == pytest.approx(60)
    assert clock.sleeps[-1] < 25 * (1 - JITTER)


def test_slow_gets_count_against_the_deadline() -> None:
    clock = Clock(["Pending"], get_takes=30)
    with pytest.raises(WaitTimeoutError) as timed_out:
        run(clock, interval=10, deadline=60)
    assert timed_out.value.attempts == 2


@pytest.mark.parametrize("state", [None, "SomethingNewer", "done"])
def test_a_state_the_spec_does_not_list_as_final_is_waited_on(state: str | None) -> None:
    clock = Clock([state])
    with pytest.raises(WaitTimeoutError) as timed_out:
        run(clock)
    assert timed_out.value.state == state


def test_an_object_without_the_state_field_is_not_final() -> None:
    assert not RULE.is_final({"thingId": "T-1"})
    assert not RULE.is_final({"statusDetails": "Done"})
    assert RULE.is_final(thing("Done"))


class Model:
    """Like a generated model: ``to_dict`` gives the API's field names."""

    def __init__(self, state: str) -> None:
        self.state = state

    def to_dict(self) -> dict[str, Any]:
        return thing(self.state)


def test_generated_models_are_read_by_their_api_field_names() -> None:
    assert RULE.state_of(Model("Done")) == "Done"
    assert RULE.is_final(Model("Declined"))
    assert not RULE.is_final(Model("Pending"))


def test_an_error_of_the_get_propagates_as_it_is() -> None:
    clock = Clock(["Pending"])
    failure = NotFoundError(
        status=404,
        reason_code="ResourceNotFound",
        message="gone",
        request_id="r",
        attempts=1,
        body="{}",
        method="GET",
        url="https://pay-api.amazon.eu/v2/things/T-1",
    )

    def get() -> dict[str, Any]:
        if clock.gets:
            raise failure
        return clock.get()

    with pytest.raises(NotFoundError) as raised:
        wait(RULE, get, interval=1, deadline=60, sleep=clock.sleep, monotonic=clock.monotonic)
    assert raised.value is failure


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("interval", 0),
        ("interval", -1),
        ("interval", math.inf),
        ("interval", math.nan),
        ("interval", True),
        ("interval", "10"),
        ("deadline", 0),
        ("deadline", -0.5),
        ("deadline", math.inf),
        ("deadline", -math.inf),
        ("deadline", math.nan),
        ("deadline", None),
    ],
)
def test_a_wait_always_ends_bad_pacing_is_refused_before_any_get(name: str, value: Any) -> None:
    clock = Clock(["Pending"])
    pacing = {"interval": 10.0, "deadline": 60.0, name: value}
    with pytest.raises(ConfigurationError, match=f"{name} must be a finite number of seconds above 0"):
        wait(RULE, clock.get, sleep=clock.sleep, monotonic=clock.monotonic, **pacing)
    assert clock.gets == 0


def test_monotonic_and_sleep_must_be_callable() -> None:
    clock = Clock(["Pending"])
    with pytest.raises(ConfigurationError, match="monotonic must be callable"):
        wait(RULE, clock.get, interval=1, deadline=1, sleep=None, monotonic=42)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="sleep must be callable"):
        wait(RULE, clock.get, interval=1, deadline=1, sleep=1.0, monotonic=None)  # type: ignore[arg-type]
    assert clock.gets == 0


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    interval=st.floats(min_value=1e-9, max_value=1e6, allow_nan=False, allow_infinity=False),
    # Deadlines of at most 300 intervals: at most ~335 GETs per example, so the test stays quick.
    intervals=st.floats(min_value=0.001, max_value=300, allow_nan=False, allow_infinity=False),
    get_takes=st.floats(min_value=0, max_value=1e4, allow_nan=False, allow_infinity=False),
)
def test_a_wait_never_outlives_its_deadline_by_more_than_a_get(
    interval: float, intervals: float, get_takes: float
) -> None:
    deadline = interval * intervals
    clock = Clock(["Pending"], get_takes=get_takes)
    with pytest.raises(WaitTimeoutError) as timed_out:
        run(clock, interval=interval, deadline=deadline)
    assert timed_out.value.waited == pytest.approx(deadline, rel=1e-9) or timed_out.value.waited > deadline
    # The clock starts at 1000, so pauses below its resolution do not move it: the sum of pauses still ends the wait.
    assert clock.now - 1000 <= deadline + get_takes + 1e-9 * 1000
    assert all(0 < s <= interval * (1 + JITTER) for s in clock.sleeps)
    assert clock.gets <= deadline / (interval * (1 - JITTER)) + 2


def test_a_clock_that_does_not_move_cannot_make_a_wait_go_on() -> None:
    clock = Clock(["Pending"])
    clock.sleep = clock.sleeps.append  # type: ignore[method-assign]  # pauses that the clock never sees
    with pytest.raises(WaitTimeoutError) as timed_out:
        run(clock, interval=10, deadline=60)
    assert clock.now == 1000
    assert sum(clock.sleeps) == pytest.approx(60)
    assert timed_out.value.waited == pytest.approx(60)
    assert 7 <= clock.gets <= 60 / 9 + 2


@pytest.mark.anyio
async def test_async_waits_the_same_way() -> None:
    clock = Clock(["Pending", "Declined"])
    done = await wait_async(
        RULE, clock.async_get, interval=5, deadline=60, sleep=clock.async_sleep, monotonic=clock.monotonic
    )
    assert done["statusDetails"]["state"] == "Declined"
    assert clock.gets == 2

    clock = Clock(["Pending"])
    with pytest.raises(WaitTimeoutError) as timed_out:
        await wait_async(
            RULE, clock.async_get, interval=5, deadline=20, sleep=clock.async_sleep, monotonic=clock.monotonic
        )
    assert timed_out.value.last == thing("Pending")

    with pytest.raises(ConfigurationError):
        await wait_async(RULE, clock.async_get, interval=math.inf, deadline=20, sleep=None, monotonic=None)


def test_the_defaults_really_sleep_and_really_end(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("amazonpay._waiting.time.sleep", slept.append)
    clock = Clock(["Pending", "Done"])
    done = wait(RULE, clock.get, interval=0.01, deadline=5, sleep=None, monotonic=None)
    assert done["statusDetails"]["state"] == "Done"
    assert len(slept) == 1


# --- pay.<resource>.wait against the simulator -----------------------------------------------------

MINUTE = 60.0
STARTED = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def final_states(operation_id: str) -> set[str]:
    """What the effective spec says a wait on ``operation_id`` ends in (read here, not from the registry)."""
    return set(operations_by_id()[operation_id][2]["x-amazonpay-wait"]["finalStates"])


@pytest.fixture
def shop() -> Shop:
    """A shop whose pending outcomes settle on simulated time alone, 25 minutes after they start.

    Its clock stands still but for what the test (or a wait's ``sleep``) advances.
    """
    shop = Shop(AmazonPaySandbox(clock=lambda: STARTED))
    shop.sandbox.settle_after_reads = 0
    shop.sandbox.settle_after = timedelta(minutes=25)
    return shop


def gets(sandbox: AmazonPaySandbox, operation_id: str) -> int:
    return sum(1 for request in sandbox.requests if request.operation_id == operation_id)


def test_a_refund_is_awaited_to_refunded(shop: Shop) -> None:
    refund = shop.refund("2.50")
    assert not shop.pay.refunds.is_final(refund)
    started = shop.sandbox.now()

    settled = shop.pay.refunds.wait(
        refund.refund_id, interval=10 * MINUTE, deadline=60 * MINUTE, sleep=shop.sandbox.sleep
    )

    assert (settled.refund_id, settled.status_details.state) == (refund.refund_id, "Refunded")
    assert shop.pay.refunds.is_final(settled)
    # GETs at 0, ~10, ~20 and ~30 minutes (jitter 10 %): the first after the 25th minute sees it.
    assert gets(shop.sandbox, "getRefund") == 4
    assert timedelta(minutes=27) <= shop.sandbox.now() - started <= timedelta(minutes=33, milliseconds=1)


@pytest.mark.parametrize("code", ["AmazonRejected", "ProcessingFailure"])
def test_a_declined_refund_is_returned_not_raised(shop: Shop, code: str) -> None:
    refund = shop.refund("2.50", simulation_code=code)
    declined = shop.pay.refunds.wait(
        refund.refund_id, interval=10 * MINUTE, deadline=60 * MINUTE, sleep=shop.sandbox.sleep
    )
    assert (declined.status_details.state, declined.status_details.reason_code) == ("Declined", code)
    assert shop.pay.refunds.is_final(declined)


def test_the_deadline_raises_with_the_last_refund_and_a_later_wait_finds_it_settled(shop: Shop) -> None:
    shop.sandbox.settle_after = timedelta(hours=2)
    refund = shop.refund("2.50")
    started = shop.sandbox.now()

    with pytest.raises(WaitTimeoutError) as timed_out:
        shop.pay.refunds.wait(refund.refund_id, interval=10 * MINUTE, deadline=60 * MINUTE, sleep=shop.sandbox.sleep)

    error = timed_out.value
    assert isinstance(error, AmazonPayError)
    assert (error.last.refund_id, error.last.status_details.state, error.state) == (
        refund.refund_id,
        "RefundInitiated",
        "RefundInitiated",
    )
    assert error.operation_id == "getRefund"
    assert error.attempts == gets(shop.sandbox, "getRefund")
    assert 6 <= error.attempts <= 60 / 9 + 2
    assert abs(shop.sandbox.now() - started - timedelta(hours=1)) < timedelta(milliseconds=1)  # µs rounding
    assert refund.refund_id not in str(error)

    again = shop.pay.refunds.wait(
        refund.refund_id, interval=10 * MINUTE, deadline=90 * MINUTE, sleep=shop.sandbox.sleep
    )
    assert again.status_details.state == "Refunded"


@pytest.mark.parametrize(
    "pacing",
    [
        {"deadline": math.inf},
        {"deadline": math.nan},
        {"deadline": -1.0},
        {"deadline": 0},
        {"interval": math.inf},
        {"interval": -5.0},
        {"interval": 0.0},
    ],
    ids=repr,
)
def test_a_wait_that_could_not_end_is_refused_before_any_request(shop: Shop, pacing: dict[str, float]) -> None:
    before = len(shop.sandbox.requests)
    with pytest.raises(ConfigurationError, match="must be a finite number of seconds above 0"):
        shop.pay.refunds.wait("S02-0000000-0000000-R000000", sleep=shop.sandbox.sleep, **pacing)
    assert len(shop.sandbox.requests) == before


def test_a_failed_get_is_raised_at_once(shop: Shop) -> None:
    with pytest.raises(NotFoundError):
        shop.pay.refunds.wait("S02-0000000-0000000-R999999", sleep=shop.sandbox.sleep)
    assert gets(shop.sandbox, "getRefund") == 1
    with pytest.raises(ConfigurationError, match="not a valid id"):
        shop.pay.refunds.wait("../charges", sleep=shop.sandbox.sleep)
    assert gets(shop.sandbox, "getRefund") == 1


def test_a_pending_authorization_is_awaited_through_authorization_initiated(shop: Shop) -> None:
    session = shop.checkout("10.00", "Authorize", pending=True)
    assert not shop.pay.charges.is_final(shop.pay.charges.get(session.charge_id))
    charge = shop.pay.charges.wait(
        session.charge_id, interval=5 * MINUTE, deadline=60 * MINUTE, sleep=shop.sandbox.sleep
    )
    assert charge.status_details.state == "Authorized"


def test_a_late_capture_is_awaited_through_capture_initiated(shop: Shop) -> None:
    session = shop.checkout("10.00", "Authorize")
    shop.sandbox.advance(timedelta(days=8))
    capture = shop.pay.charges.capture(session.charge_id, {"captureAmount": money("8.00")})
    assert capture.status_details.state == "CaptureInitiated"
    assert not shop.pay.charges.is_final(capture)
    charge = shop.pay.charges.wait(
        session.charge_id, interval=5 * MINUTE, deadline=60 * MINUTE, sleep=shop.sandbox.sleep
    )
    assert (charge.status_details.state, charge.capture_amount.amount) == ("Captured", "8.00")


@pytest.mark.parametrize(("resource", "operation_id"), [("refunds", "getRefund"), ("charges", "getCharge")])
def test_the_predicates_are_the_specs_final_states(shop: Shop, resource: str, operation_id: str) -> None:
    finals = final_states(operation_id)
    pending = {"RefundInitiated", "AuthorizationInitiated", "CaptureInitiated"}
    for pay in (shop.pay, shop.async_client()):
        is_final = getattr(pay, resource).is_final
        assert all(is_final({"statusDetails": {"state": state}}) for state in finals)
        assert not any(is_final({"statusDetails": {"state": state}}) for state in pending | {"", "refunded"})
        assert not is_final({"statusDetails": {}})
        assert not is_final({})
    assert finals.isdisjoint(pending)


@pytest.mark.anyio
async def test_async_clients_wait_the_same_way(shop: Shop) -> None:
    refund = shop.refund("2.50")
    declined = shop.refund("1.00", simulation_code="AmazonRejected")
    async with shop.async_client() as pay:
        settled = await pay.refunds.wait(
            refund.refund_id, interval=10 * MINUTE, deadline=60 * MINUTE, sleep=shop.sandbox.async_sleep
        )
        assert settled.status_details.state == "Refunded"
        assert (await pay.refunds.wait(declined.refund_id, sleep=shop.sandbox.async_sleep)).status_details.state == (
            "Declined"
        )

        shop.sandbox.settle_after = timedelta(hours=2)
        late = shop.refund("1.00")
        with pytest.raises(WaitTimeoutError) as timed_out:
            await pay.refunds.wait(
                late.refund_id, interval=10 * MINUTE, deadline=30 * MINUTE, sleep=shop.sandbox.async_sleep
            )
        assert timed_out.value.last.status_details.state == "RefundInitiated"

        before = len(shop.sandbox.requests)
        with pytest.raises(ConfigurationError):
            await pay.charges.wait(late.charge_id, deadline=math.inf, sleep=shop.sandbox.async_sleep)
        assert len(shop.sandbox.requests) == before
