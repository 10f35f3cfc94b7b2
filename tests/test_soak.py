"""Soak: 5 000 money-moving calls at concurrency 50 through AsyncAmazonPay, 10 % of attempts faulted.

The sandbox is the embedded simulator; a seeded fault rule fails one attempt in ten with a 429
(Retry-After 1), a 500, a 503, a connection reset before processing, or a read timeout AFTER
processing (the money moved, the answer was lost). Retries are instant. At the end every call is
accounted for, and the ledger is reconciled exactly with what the calls and the faults say:
no charge, capture or refund exists twice, and every one that exists is explained.

Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import anyio
import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from amazonpay import (
    AmazonPayError,
    APIConnectionError,
    APITimeoutError,
    AsyncAmazonPay,
    RateLimitError,
    ServerError,
    request_options,
)
from amazonpay.testing import AmazonPaySandbox, Fault, FaultContext
from tests.conftest import FakeClock
from tests.support.independent_signing import verify_request
from tests.support.operations import money, recurring_checkout

CALLS = 5000
CONCURRENCY = 50
FAULT_RATE = 0.10
SEED = 20261122
# Two retries (three attempts) rather than the default three: with one attempt in ten faulted,
# about one call in a thousand then exhausts its budget, so the accounting of failed calls
# (including those that failed after the money moved) is exercised too, not only successes.
MAX_RETRIES = 2
REFUNDS_PER_SOURCE = 100  # refunds of 1.00 on a captured charge of 100.00
KEY = "x-amz-pay-idempotency-key"
DATE = "x-amz-pay-date"
KINDS = ("charge", "capture", "refund")

# name -> (the fault, whether the sandbox processed the request before it applied)
FAULTS: dict[str, tuple[Fault, bool]] = {
    "429 Retry-After 1": (Fault(status=429, headers={"Retry-After": "1"}), False),
    "500": (Fault(status=500), False),
    "503": (Fault(status=503), False),
    "connection reset before processing": (Fault(exception=httpx.ReadError), False),
    "read timeout after processing": (Fault(exception=httpx.ReadTimeout, after_processing=True), True),
}
#: The error a call ends with when its last attempt met this fault.
FINAL_ERROR: dict[str, type[AmazonPayError]] = {
    "429 Retry-After 1": RateLimitError,
    "500": ServerError,
    "503": ServerError,
    "connection reset before processing": APIConnectionError,
    "read timeout after processing": APITimeoutError,
}


@dataclass
class FaultRule:
    """Verifies every soak request with the independent verifier, then maybe fails it."""

    public_key: rsa.RSAPublicKey
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))
    armed: bool = False
    checked: int = 0
    rejected: list[str] = field(default_factory=list)
    injected: Counter[str] = field(default_factory=Counter)
    log: defaultdict[str, list[str | None]] = field(default_factory=lambda: defaultdict(list))

    def __call__(self, request: FaultContext) -> Fault | None:
        if not self.armed:
            return None
        self.checked += 1
        try:
            verify_request(
                self.public_key, request.method, f"https://sandbox{request.path}", request.headers, request.body
            )
        except Exception as error:  # reported by the test
            self.rejected.append(f"{request.method} {request.path}: {error!r}")
        kind = None
        if self.rng.random() < FAULT_RATE:
            kind = self.rng.choice(sorted(FAULTS))
            self.injected[kind] += 1
        self.log[request.headers[KEY]].append(kind)
        if kind is None:
            return None
        return dataclasses.replace(FAULTS[kind][0])  # a fresh one-shot copy

    def processed(self, key: str) -> bool:
        """Whether any attempt of the call with this key reached processing."""
        return any(kind is None or FAULTS[kind][1] for kind in self.log[key])


@dataclass
class Outcome:
    kind: str
    key: str
    target: str  # the charge captured or refunded ("" for a create)
    attempts: int
    result_id: str | None = None
    error: AmazonPayError | None = None


async def setup(
    pay: AsyncAmazonPay, sandbox: AmazonPaySandbox, calls: list[tuple[str, str]]
) -> tuple[str, dict[int, str]]:
    """A Recurring permission, an authorized charge per capture call and captured charges to refund."""
    session = await pay.checkout_sessions.create(recurring_checkout("100.00"))
    sandbox.approve(session.checkout_session_id)
    completed = await pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": money("100.00")})
    permission_id = completed.charge_permission_id
    targets: dict[int, str] = {}
    refunds = [index for index, (kind, _) in enumerate(calls) if kind == "refund"]
    sources: list[str] = []

    async def charge(amount: str, capture_now: bool) -> str:
        body = {"chargePermissionId": permission_id, "chargeAmount": money(amount), "captureNow": capture_now}
        created = await pay.charges.create(body)
        return str(created.charge_id)

    async def authorize(index: int) -> None:
        targets[index] = await charge("3.00", False)

    async def source() -> None:
        sources.append(await charge("100.00", True))

    async with anyio.create_task_group() as group:
        for index, (kind, _) in enumerate(calls):
            if kind == "capture":
                group.start_soon(authorize, index)
        for _ in range(-(-len(refunds) // REFUNDS_PER_SOURCE)):
            group.start_soon(source)
    for number, index in enumerate(refunds):
        targets[index] = sources[number // REFUNDS_PER_SOURCE]
    return permission_id, targets


async def soak(
    pay: AsyncAmazonPay, calls: list[tuple[str, str]], permission_id: str, targets: dict[int, str]
) -> list[Outcome]:
    """Run every call, CONCURRENCY at a time; each ends in a result or a typed error."""
    outcomes: list[Outcome | None] = [None] * len(calls)
    queue = iter(range(len(calls)))

    async def one(index: int) -> None:
        kind, key = calls[index]
        target = targets.get(index, "")
        descriptor = f"SOAK{index:05d}"  # makes every body, and so every object, traceable to its call
        with request_options() as state:
            try:
                if kind == "charge":
                    body = {
                        "chargePermissionId": permission_id,
                        "chargeAmount": money("2.00"),
                        "captureNow": True,
                        "softDescriptor": descriptor,
                    }
                    result_id = (await pay.charges.create(body, idempotency_key=key)).charge_id
                elif kind == "capture":
                    body = {"captureAmount": money("3.00"), "softDescriptor": descriptor}
                    result_id = (await pay.charges.capture(target, body, idempotency_key=key)).charge_id
                else:
                    body = {"chargeId": target, "refundAmount": money("1.00"), "softDescriptor": descriptor}
                    result_id = (await pay.refunds.create(body, idempotency_key=key)).refund_id
            except AmazonPayError as error:
                outcomes[index] = Outcome(kind, key, target, state.attempts, error=error)
            else:
                outcomes[index] = Outcome(kind, key, target, state.attempts, result_id=str(result_id))

    async def worker() -> None:
        for index in queue:
            await one(index)

    async with anyio.create_task_group() as group:
        for _ in range(CONCURRENCY):
            group.start_soon(worker)
    done = [outcome for outcome in outcomes if outcome is not None]
    assert len(done) == len(calls), "a call neither returned nor raised a typed error"
    return done


@pytest.mark.anyio
async def test_soak(sleeps: list[float]) -> None:
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=lambda: clock.now)
    key_id, pem = sandbox.create_key()
    private_key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(private_key, rsa.RSAPrivateKey)
    rule = FaultRule(private_key.public_key())
    sandbox.faults.append(rule)
    calls = [(KINDS[index % 3], f"soak-{index:05d}") for index in range(CALLS)]

    async with AsyncAmazonPay(
        public_key_id=key_id,
        private_key=pem,
        region="eu",
        transport=sandbox.transport(),
        clock=clock,
        max_retries=MAX_RETRIES,
    ) as pay:
        started = time.perf_counter()
        permission_id, targets = await setup(pay, sandbox, calls)
        setup_seconds = time.perf_counter() - started
        setup_charges = set(sandbox.charges)
        first_request = len(sandbox.requests)
        rule.armed = True
        started = time.perf_counter()
        outcomes = await soak(pay, calls, permission_id, targets)
        wall = time.perf_counter() - started
    requests = sandbox.requests[first_request:]

    # --- every call accounted for --------------------------------------------------------------
    successes = [o for o in outcomes if o.error is None]
    failures = [o for o in outcomes if o.error is not None]
    assert len(successes) + len(failures) == CALLS
    attempts = sum(o.attempts for o in outcomes)
    retries = attempts - CALLS
    by_key: defaultdict[str, list[Any]] = defaultdict(list)
    for request in requests:
        by_key[request.headers[KEY]].append(request)
    assert len(requests) == attempts == rule.checked  # every attempt reached the sandbox, and was counted
    for outcome in outcomes:
        log = rule.log[outcome.key]
        records = by_key[outcome.key]
        assert 1 <= outcome.attempts == len(log) == len(records) <= MAX_RETRIES + 1, outcome
        if outcome.error is None:
            assert log[-1] is None, outcome  # it succeeded on an attempt that met no fault
        else:
            # It failed only because every attempt met a fault; the error is the last fault's type.
            assert None not in log, (str(outcome.error), log)
            assert outcome.attempts == MAX_RETRIES + 1, outcome
            assert type(outcome.error) is FINAL_ERROR[str(log[-1])], (outcome, log)
            assert getattr(outcome.error, "attempts", None) == outcome.attempts
        # What the sandbox saw: refused before processing, processed once, then only replays.
        first = [r for r in records if not r.replayed and r.status in (200, 201)]
        replays = [r for r in records if r.replayed]
        refused = [r for r in records if not r.replayed and r.status not in (200, 201)]
        assert len(refused) == sum(1 for kind in log if kind is not None and not FAULTS[kind][1])
        assert len(first) == (1 if rule.processed(outcome.key) else 0), (outcome, log)
        assert len(first) + len(replays) + len(refused) == len(records)
        dates = [r.headers[DATE] for r in records]
        assert dates == sorted(set(dates)), "each attempt is dated afresh"

    # --- every attempt authentic; no retry over budget -------------------------------------------
    assert rule.rejected == []
    assert [r.status for r in requests if r.status in (400, 401, 403)] == []  # the sandbox's verifier agreed
    assert len({r.headers[DATE] for r in requests}) == len(requests)
    assert len(sleeps) == retries
    assert all(0.375 <= delay <= 1.0 for delay in sleeps), sorted(set(sleeps))
    assert sleeps.count(1.0) >= sum(1 for log in rule.log.values() for kind in log[:-1] if kind == "429 Retry-After 1")

    # --- the ledger: nothing twice, everything explained ------------------------------------------
    reached = {kind: {o.key for o in outcomes if o.kind == kind and rule.processed(o.key)} for kind in KINDS}
    descriptor_of = {o.key: f"SOAK{int(o.key[-5:]):05d}" for o in outcomes}
    charges = {cid: c for cid, c in sandbox.charges.items() if cid not in setup_charges}
    made = Counter(c["softDescriptor"] for c in charges.values())
    assert set(made.values()) <= {1}, "a charge was created twice"
    assert set(made) == {descriptor_of[key] for key in reached["charge"]}
    for outcome in successes:
        if outcome.kind == "charge":
            assert charges[str(outcome.result_id)]["softDescriptor"] == descriptor_of[outcome.key]
    captured = {o.target for o in outcomes if o.kind == "capture" and o.key in reached["capture"]}
    for outcome in (o for o in outcomes if o.kind == "capture"):
        charge = sandbox.charges[outcome.target]
        state = charge["statusDetails"]["state"]
        assert state == ("Captured" if outcome.target in captured else "Authorized"), outcome
        if outcome.target in captured:
            assert charge["captureAmount"] == money("3.00")
    refunds = sandbox.refunds
    refunded = Counter(r["softDescriptor"] for r in refunds.values())
    assert set(refunded.values()) <= {1}, "a refund was created twice"
    assert set(refunded) == {descriptor_of[key] for key in reached["refund"]}
    by_descriptor = {r["softDescriptor"]: r for r in refunds.values()}
    for outcome in (o for o in outcomes if o.kind == "refund" and o.key in reached["refund"]):
        refund = by_descriptor[descriptor_of[outcome.key]]
        assert refund["chargeId"] == outcome.target
        assert outcome.result_id in (None, refund["refundId"])
    per_source = Counter(r["chargeId"] for r in refunds.values())
    assert max(per_source.values()) <= REFUNDS_PER_SOURCE
    total_refunded = sum(Decimal(r["refundAmount"]["amount"]) for r in refunds.values())
    assert total_refunded == len(refunds)
    # Exact accounting: the objects that exist are the successes plus the failures that had
    # already been processed when they failed (their answer was lost, then the budget ran out).
    for kind, objects in (("charge", len(made)), ("capture", len(captured)), ("refund", len(refunded))):
        succeeded = sum(1 for o in successes if o.kind == kind)
        failed_after_processing = sum(1 for o in failures if o.kind == kind and o.key in reached[kind])
        assert objects == succeeded + failed_after_processing, kind
    assert len(sandbox.charges) == len(setup_charges) + len(made)

    # --- the figures ---------------------------------------------------------------------------------
    failed_by_class = Counter(type(o.error).__name__ for o in failures)
    print(
        f"\nsoak: {CALLS} calls ({', '.join(f'{sum(1 for o in outcomes if o.kind == k)} {k}' for k in KINDS)}), "
        f"concurrency {CONCURRENCY}, max_retries {MAX_RETRIES}, seed {SEED}\n"
        f"  successes: {len(successes)}\n"
        f"  typed failures: {len(failures)} {dict(sorted(failed_by_class.items()))}\n"
        f"  failed after the money moved (recoverable with the same key): "
        f"{sum(1 for o in failures if o.key in reached[o.kind])}\n"
        f"  attempts: {attempts}, retries: {retries}\n"
        f"  faults injected: {sum(rule.injected.values())} of {attempts} attempts "
        f"{dict(sorted(rule.injected.items()))}\n"
        f"  ledger: {len(made)} charges, {len(captured)} captures, {len(refunded)} refunds created by the soak; "
        f"0 duplicates\n"
        f"  setup: {len(setup_charges)} charges in {setup_seconds:.1f} s\n"
        f"  wall time: {wall:.1f} s, {CALLS / wall:.0f} calls/s ({attempts / wall:.0f} attempts/s)"
    )
