"""Waiting for objects that settle later: poll at a fixed interval with jitter, within a finite deadline.

Which operations can be waited on, where an object keeps its state and which states are final
come from the effective spec (``x-amazonpay-wait``), through the generated registry: nothing
here names an operation or a state. A wait returns the object in whatever final state it
reaches (a Declined refund is an answer, not an error), raises :class:`WaitTimeoutError`
with the last object seen when the deadline passes, and lets every error of the GET it polls
with propagate as it is: a failure is never turned into waiting, and waiting never outlives
its deadline by more than the one GET in flight.
"""

from __future__ import annotations

import inspect
import math
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, TypeVar

import anyio

from ._errors import ConfigurationError, WaitTimeoutError
from ._registry import operation_registry

T = TypeVar("T")
S = TypeVar("S", bound=Callable[..., object])

JITTER: Final = 0.1


@dataclass(frozen=True)
class WaitRule:
    """What the spec says of one waitable GET: where its object's state is, and which states are final."""

    operation_id: str
    state_field: tuple[str, ...]  # JSON names, outermost first: ("statusDetails", "state")
    final_states: frozenset[str]

    @classmethod
    def from_registry(cls, operation_id: str, data: Mapping[str, Any]) -> WaitRule:
        """The rule of ``x-amazonpay-wait`` as the generated registry carries it."""
        return cls(operation_id, tuple(data["stateField"]), frozenset(data["finalStates"]))

    def state_of(self, obj: Any) -> str | None:
        """The object's state (a generated model or a dict in API field names); None if it has none."""
        node: Any = obj.to_dict() if hasattr(obj, "to_dict") else obj
        for name in self.state_field:
            if not isinstance(node, Mapping):
                return None
            node = node.get(name)
        return node if isinstance(node, str) else None

    def is_final(self, obj: Any) -> bool:
        """Whether the object is in a state it does not leave on its own (a state the spec lists as final).

        A state the spec does not list, newer than this client or missing, is not final: the
        wait goes on and, if it does not change, ends in :class:`WaitTimeoutError` showing it,
        rather than returning an object whose state the caller's code may misread.
        """
        state = self.state_of(obj)
        return state is not None and state in self.final_states


@cache
def wait_rule(operation_id: str) -> WaitRule:
    """The rule of a GET that declares ``x-amazonpay-wait``; ``KeyError`` for any other operation."""
    for facts in operation_registry():
        if facts["operationId"] == operation_id and facts.get("wait"):
            return WaitRule.from_registry(operation_id, facts["wait"])
    raise KeyError(f"{operation_id} declares no x-amazonpay-wait in the effective spec")


@dataclass(frozen=True)
class Pacing:
    """The interval, the deadline and the clocks of one wait, checked before anything is sent."""

    interval: float
    deadline: float
    monotonic: Callable[[], float]

    @classmethod
    def checked(cls, interval: float, deadline: float, monotonic: Callable[[], float] | None) -> Pacing:
        """The pacing, or :class:`ConfigurationError` naming the bad value (inf, nan, <= 0, not a number)."""
        for name, value in (("interval", interval), ("deadline", deadline)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
                raise ConfigurationError(
                    f"{name} must be a finite number of seconds above 0, not {value!r}: a wait always ends"
                )
        if monotonic is not None and not callable(monotonic):
            raise ConfigurationError(f"monotonic must be callable, like time.monotonic, not {monotonic!r}")
        return cls(float(interval), float(deadline), monotonic or time.monotonic)

    @staticmethod
    def pause(sleep: S | None, default: S) -> S:
        """``sleep``, or ``default`` when None; :class:`ConfigurationError` if it cannot be called."""
        if sleep is not None and not callable(sleep):
            raise ConfigurationError(f"sleep must be callable, like time.sleep or sandbox.sleep, not {sleep!r}")
        return sleep if sleep is not None else default

    def delay(self) -> float:
        """The interval, jittered so that many waiters do not poll in step."""
        return self.interval * random.uniform(1 - JITTER, 1 + JITTER)


class Polling:
    """One wait's progress: after each GET, return the object, pause, or raise at the deadline.

    Time waited is the larger of what the clock says and the sum of the pauses (a sleep never
    ends early), and the GET after the last pause, cut to the deadline, is the last one: a
    clock too coarse to register small pauses (a float far from zero, a fake clock) cannot make
    the wait go on. Every pause but the last lasts at least (1 - JITTER) intervals, so a wait
    makes at most deadline / ((1 - JITTER) * interval) + 2 GETs.
    """

    def __init__(self, rule: WaitRule, pacing: Pacing) -> None:
        self.rule = rule
        self.pacing = pacing
        self.started = pacing.monotonic()
        self.attempts = 0
        self._paused = 0.0
        self._deadline_reached = False

    def pause_after(self, current: object) -> float | None:
        """Seconds to pause before the next GET; None when ``current`` is final."""
        self.attempts += 1
        if self.rule.is_final(current):
            return None
        waited = max(self.pacing.monotonic() - self.started, self._paused)
        remaining = self.pacing.deadline - waited
        if remaining <= 0 or self._deadline_reached:
            raise WaitTimeoutError(
                last=current,
                state=self.rule.state_of(current),
                attempts=self.attempts,
                waited=waited,
                deadline=self.pacing.deadline,
                operation_id=self.rule.operation_id,
            )
        delay = self.pacing.delay()
        if delay >= remaining:
            delay, self._deadline_reached = remaining, True
        self._paused += delay
        return delay


def wait(
    rule: WaitRule,
    get: Callable[[], T],
    *,
    interval: float,
    deadline: float,
    sleep: Callable[[float], object] | None,
    monotonic: Callable[[], float] | None,
) -> T:
    """GET until the object's state is final; raise :class:`WaitTimeoutError` at the deadline."""
    polling = Polling(rule, Pacing.checked(interval, deadline, monotonic))
    pause = Pacing.pause(sleep, time.sleep)
    while True:
        current = get()
        pause_for = polling.pause_after(current)
        if pause_for is None:
            return current
        pause(pause_for)


async def wait_async(
    rule: WaitRule,
    get: Callable[[], Awaitable[T]],
    *,
    interval: float,
    deadline: float,
    sleep: Callable[[float], object] | None,
    monotonic: Callable[[], float] | None,
) -> T:
    """The async twin of :func:`wait` (asyncio or trio).

    ``sleep``'s result is awaited when it is awaitable (``anyio.sleep``, ``sandbox.async_sleep``);
    a function that returns at once without blocking (``sandbox.sleep``) serves as well.
    """
    polling = Polling(rule, Pacing.checked(interval, deadline, monotonic))
    pause: Callable[[float], object] = Pacing.pause(sleep, anyio.sleep)
    while True:
        current = await get()
        pause_for = polling.pause_after(current)
        if pause_for is None:
            return current
        paused = pause(pause_for)
        if inspect.isawaitable(paused):
            await paused
