"""Soak: 5 000 calls at concurrency 50 through AsyncAmazonPay, 10 % of attempts faulted.

Four calls in five move money (create a charge, capture one, refund one: POSTs with an
idempotency key); one in five cancels a charge, closes a Charge Permission (DELETEs) or updates
one (PATCH), which carry no key. The sandbox is the embedded simulator; a seeded fault rule
fails one attempt in ten, before processing (a 429 with Retry-After 1, a 500, a 503, a 500
whose body is cut mid-way, a connection reset) or AFTER it (the state changed, the answer was
lost: a read timeout, the body cut mid-way, a stall after the headers, and, on DELETE and
PATCH, the connection dropped). Retries are instant.

At the end every call is accounted for against the ledger (the simulator's state): no charge,
capture or refund exists twice, and no call's outcome contradicts the ledger. A success shows
its effect in the ledger; an error that says nothing was done leaves none; an error that says
the call may have been processed is honest either way, and carries the idempotency key of a
POST so the caller can recover. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import dataclasses
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
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
    UnexpectedResponseError,
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
MONEY_KINDS = ("charge", "capture", "refund")  # POSTs with an idempotency key
STATE_KINDS = ("cancel", "close", "update")  # DELETE, DELETE, PATCH: no key
KINDS = MONEY_KINDS + STATE_KINDS
#: Every 15 calls: four of each money-moving kind, then one cancel, one close, one update.
SCHEDULE = MONEY_KINDS * 4 + STATE_KINDS
#: The ledger state each kind puts its target in (create kinds are found by their descriptor).
STATE_ASKED = {"capture": "Captured", "cancel": "Canceled", "close": "Closed"}
#: The field naming the object each kind returns (and acts on).
ID_FIELD = {
    "charge": "chargeId",
    "capture": "chargeId",
    "refund": "refundId",
    "cancel": "chargeId",
    "close": "chargePermissionId",
    "update": "chargePermissionId",
}
METHODS = ("POST", "DELETE", "PATCH", "GET")  # GET: the fetch that reconciles a refused DELETE
ALL_METHODS = frozenset(METHODS)
_OBJECT_ID = re.compile(r"/(?:charges|chargePermissions)/([^/]+)")


@dataclass(frozen=True)
class Injected:
    """A fault of the soak: what it does, whether the sandbox processed the request first, and
    the error a call ends with when its last attempt met it."""

    fault: Fault
    processed: bool
    final_error: type[AmazonPayError]
    methods: frozenset[str] = ALL_METHODS


FAULTS: dict[str, Injected] = {
    "429 Retry-After 1": Injected(Fault(status=429, headers={"Retry-After": "1"}), False, RateLimitError),
    "500": Injected(Fault(status=500), False, ServerError),
    "503": Injected(Fault(status=503), False, ServerError),
    "500 body cut mid-way": Injected(Fault(status=500, break_body="cut"), False, APIConnectionError),
    "connection reset before processing": Injected(Fault(exception=httpx.ReadError), False, APIConnectionError),
    "read timeout after processing": Injected(
        Fault(exception=httpx.ReadTimeout, after_processing=True), True, APITimeoutError
    ),
    # The processed answer (a 2xx; the 422 of a retried cancel or close) is broken after its headers.
    "body cut mid-way after processing": Injected(
        Fault(break_body="cut", after_processing=True), True, APIConnectionError
    ),
    # The in-process transport raises httpx.ReadTimeout at once while the body is read: no waiting.
    "stall after headers after processing": Injected(
        Fault(break_body="stall", after_processing=True), True, APITimeoutError
    ),
    "connection dropped after a processed DELETE/PATCH": Injected(
        Fault(exception=httpx.RemoteProtocolError, after_processing=True),
        True,
        APIConnectionError,
        frozenset({"DELETE", "PATCH"}),
    ),
}


@dataclass
class FaultRule:
    """Verifies every soak request with the independent verifier, then maybe fails it."""

    public_key: rsa.RSAPublicKey
    #: object id -> the soak call acting on it without an idempotency key (cancel, close, update)
    owners: dict[str, str] = field(default_factory=dict)
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))
    armed: bool = False
    checked: int = 0
    rejected: list[str] = field(default_factory=list)
    injected: Counter[str] = field(default_factory=Counter)
    injected_by_method: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    log: defaultdict[str, list[str | None]] = field(default_factory=lambda: defaultdict(list))

    def call_of(self, path: str, headers: Mapping[str, str]) -> str:
        """The soak call a request belongs to: its idempotency key, else the owner of its object."""
        if KEY in headers:
            return headers[KEY]
        match = _OBJECT_ID.search(path)
        return self.owners.get(match[1] if match else "", f"no soak call: {path}")

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
            kind = self.rng.choice([name for name in sorted(FAULTS) if request.method in FAULTS[name].methods])
            self.injected[kind] += 1
            self.injected_by_method[request.method][kind] += 1
        self.log[self.call_of(request.path, request.headers)].append(kind)
        if kind is None:
            return None
        return dataclasses.replace(FAULTS[kind].fault)  # a fresh one-shot copy

    def processed(self, key: str) -> bool:
        """Whether any attempt of the call with this key reached processing."""
        return any(kind is None or FAULTS[kind].processed for kind in self.log[key])


@dataclass
class Outcome:
    kind: str
    key: str
    target: str  # the object acted on ("" for a create)
    attempts: int
    result: dict[str, Any] | None = None  # the object returned, as the API writes it
    error: AmazonPayError | None = None

    @property
    def descriptor(self) -> str:
        return descriptor_of(self.key)

    @property
    def result_id(self) -> str | None:
        return None if self.result is None else self.result.get(ID_FIELD[self.kind])


def descriptor_of(key: str) -> str:
    """In every body the call with this key sends, so every object is traceable to its call."""
    return f"SOAK{int(key[-5:]):05d}"


def shows(kind: str, obj: Mapping[str, Any], descriptor: str) -> bool:
    """Whether ``obj`` (a ledger object or a returned one) shows the effect of the soak call."""
    if kind in ("charge", "refund"):
        return obj.get("softDescriptor") == descriptor
    if kind == "update":
        return (obj.get("merchantMetadata") or {}).get("merchantReferenceId") == descriptor
    return obj["statusDetails"]["state"] == STATE_ASKED[kind]


def told_uncertain(error: AmazonPayError) -> bool:
    """Whether the error tells the caller the call may have been processed."""
    return isinstance(error, UnexpectedResponseError) or bool(getattr(error, "may_have_been_processed", False))


async def setup(
    pay: AsyncAmazonPay, sandbox: AmazonPaySandbox, calls: list[tuple[str, str]]
) -> tuple[str, dict[int, str]]:
    """A Recurring permission, an authorized charge per capture and cancel call, captured charges
    to refund, and a permission of its own for each close and update call."""

    async def permission() -> str:
        session = await pay.checkout_sessions.create(recurring_checkout("100.00"))
        sandbox.approve(session.checkout_session_id)
        completed = await pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": money("100.00")})
        return str(completed.charge_permission_id)

    permission_id = await permission()
    targets: dict[int, str] = {}
    refunds = [index for index, (kind, _) in enumerate(calls) if kind == "refund"]
    sources: list[str] = []

    async def charge(amount: str, capture_now: bool) -> str:
        body = {"chargePermissionId": permission_id, "chargeAmount": money(amount), "captureNow": capture_now}
        created = await pay.charges.create(body)
        return str(created.charge_id)

    async def authorize(index: int) -> None:
        targets[index] = await charge("3.00", False)

    async def own_permission(index: int) -> None:
        targets[index] = await permission()

    async def source() -> None:
        sources.append(await charge("100.00", True))

    async with anyio.create_task_group() as group:
        for index, (kind, _) in enumerate(calls):
            if kind in ("capture", "cancel"):
                group.start_soon(authorize, index)
            elif kind in ("close", "update"):
                group.start_soon(own_permission, index)
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
        descriptor = descriptor_of(key)
        with request_options() as state:
            try:
                result: Any
                if kind == "charge":
                    body = {
                        "chargePermissionId": permission_id,
                        "chargeAmount": money("2.00"),
                        "captureNow": True,
                        "softDescriptor": descriptor,
                    }
                    result = await pay.charges.create(body, idempotency_key=key)
                elif kind == "capture":
                    body = {"captureAmount": money("3.00"), "softDescriptor": descriptor}
                    result = await pay.charges.capture(target, body, idempotency_key=key)
                elif kind == "refund":
                    body = {"chargeId": target, "refundAmount": money("1.00"), "softDescriptor": descriptor}
                    result = await pay.refunds.create(body, idempotency_key=key)
                elif kind == "cancel":
                    result = await pay.charges.cancel(target, {"cancellationReason": descriptor})
                elif kind == "close":
                    result = await pay.charge_permissions.close(target, {"closureReason": descriptor})
                else:
                    metadata = {"merchantMetadata": {"merchantReferenceId": descriptor}}
                    result = await pay.charge_permissions.update(target, metadata)
            except AmazonPayError as error:
                outcomes[index] = Outcome(kind, key, target, state.attempts, error=error)
            else:
                outcomes[index] = Outcome(kind, key, target, state.attempts, result=result.to_dict())

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
    sandbox.max_recorded_requests = sandbox.max_recorded_bytes = None  # every request is read back below
    key_id, pem = sandbox.create_key()
    private_key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(private_key, rsa.RSAPrivateKey)
    rule = FaultRule(private_key.public_key())
    sandbox.faults.append(rule)
    calls = [(SCHEDULE[index % len(SCHEDULE)], f"soak-{index:05d}") for index in range(CALLS)]

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
        rule.owners = {targets[index]: key for index, (kind, key) in enumerate(calls) if kind in STATE_KINDS}
        rule.armed = True
        started = time.perf_counter()
        outcomes = await soak(pay, calls, permission_id, targets)
        wall = time.perf_counter() - started
    requests = sandbox.requests[first_request:]
    successes = [o for o in outcomes if o.error is None]
    failures = [o for o in outcomes if o.error is not None]
    by_call: defaultdict[str, list[Any]] = defaultdict(list)
    for request in requests:
        by_call[rule.call_of(request.path, request.headers)].append(request)

    # --- the ledger, and each call's view of it --------------------------------------------------
    charges = {cid: c for cid, c in sandbox.charges.items() if cid not in setup_charges}
    made = Counter(c["softDescriptor"] for c in charges.values())
    refunds = sandbox.refunds
    refunded = Counter(r["softDescriptor"] for r in refunds.values())
    created = {
        "charge": {c["softDescriptor"]: c for c in charges.values()},
        "refund": {r["softDescriptor"]: r for r in refunds.values()},
    }
    duplicates = sum(n - 1 for n in made.values()) + sum(n - 1 for n in refunded.values())
    for outcome in (o for o in outcomes if o.kind == "capture"):  # a capture leaves no object of its own
        processed = [r for r in by_call[outcome.key] if not r.replayed and r.status in (200, 201)]
        duplicates += max(0, len(processed) - 1)

    def ledger_object(outcome: Outcome) -> dict[str, Any] | None:
        if outcome.kind in created:
            return created[outcome.kind].get(outcome.descriptor)
        if outcome.kind in ("capture", "cancel"):
            return sandbox.charges[outcome.target]
        return sandbox.charge_permissions[outcome.target]

    disagreements: list[str] = []
    uncertain: Counter[str] = Counter()  # told "may have been processed": did it happen?
    changed_keys: set[str] = set()
    for outcome in outcomes:
        obj = ledger_object(outcome)
        changed = obj is not None and shows(outcome.kind, obj, outcome.descriptor)
        if changed:
            changed_keys.add(outcome.key)
        if outcome.error is None:
            assert outcome.result is not None
            same = obj is not None and outcome.result_id == obj[ID_FIELD[outcome.kind]]
            if not (changed and same and shows(outcome.kind, outcome.result, outcome.descriptor)):
                disagreements.append(f"{outcome.kind} {outcome.key} returned {outcome.result} but the ledger has {obj}")
        elif told_uncertain(outcome.error):
            uncertain["processed" if changed else "not processed"] += 1
            if outcome.kind not in MONEY_KINDS:
                uncertain["DELETE/PATCH"] += 1
            elif getattr(outcome.error, "idempotency_key", None) == outcome.key:
                uncertain["POST with its idempotency key"] += 1
            else:
                disagreements.append(f"{outcome.kind} {outcome.key}: {outcome.error!r} lacks the idempotency key")
        elif changed:
            disagreements.append(f"{outcome.kind} {outcome.key} was told {outcome.error!r} but the ledger has {obj}")

    # --- the figures ---------------------------------------------------------------------------------
    attempts = sum(o.attempts for o in outcomes)
    retries = attempts - CALLS
    fetched = {o.key for o in outcomes if any(r.method == "GET" for r in by_call[o.key])}
    reconciled = sum(1 for o in successes if o.key in fetched)
    failed_by_class = Counter(type(o.error).__name__ for o in failures)
    done = {kind: sum(1 for o in outcomes if o.kind == kind and o.key in changed_keys) for kind in KINDS}
    width = max(map(len, FAULTS))
    fault_table = f"    {'':4} {'':{width}} " + " ".join(f"{m:>6}" for m in METHODS) + "\n"
    for name in FAULTS:
        per_method = " ".join(f"{rule.injected_by_method[m][name]:6d}" for m in METHODS)
        fault_table += f"    {rule.injected[name]:4d} {name:{width}} {per_method}\n"
    print(
        f"\nsoak: {CALLS} calls ({', '.join(f'{sum(1 for o in outcomes if o.kind == k)} {k}' for k in KINDS)}), "
        f"concurrency {CONCURRENCY}, max_retries {MAX_RETRIES}, seed {SEED}\n"
        f"  successes: {len(successes)} ({reconciled} cancel/close returned by reconciliation after a lost answer)\n"
        f"  typed failures: {len(failures)} {dict(sorted(failed_by_class.items()))}\n"
        f"  told 'may have been processed': {uncertain['processed'] + uncertain['not processed']} "
        f"({uncertain['processed']} had been, {uncertain['not processed']} had not; "
        f"{uncertain['POST with its idempotency key']} POSTs each carrying its idempotency key, "
        f"{uncertain['DELETE/PATCH']} DELETE/PATCH)\n"
        f"  attempts: {attempts}, retries: {retries}, calls that fetched to reconcile: {len(fetched)}\n"
        f"  faults injected: {sum(rule.injected.values())} of {attempts} attempts, by method:\n{fault_table}"
        f"  ledger: {', '.join(f'{done[k]} {k}s' for k in KINDS)} done by the soak\n"
        f"  duplicates: {duplicates}\n"
        f"  disagreements between the caller's view and the ledger: {len(disagreements)}\n"
        f"  setup: {len(setup_charges)} charges, {len(sandbox.charge_permissions)} permissions "
        f"in {setup_seconds:.1f} s\n"
        f"  wall time: {wall:.1f} s, {CALLS / wall:.0f} calls/s ({attempts / wall:.0f} attempts/s)"
    )
    assert duplicates == 0
    assert disagreements == []
    # The seeded run meets every fault, the drop on both DELETE and PATCH, and reconciles.
    assert all(rule.injected[name] for name in FAULTS), rule.injected
    dropped = rule.injected_by_method
    assert all(dropped[m]["connection dropped after a processed DELETE/PATCH"] for m in ("DELETE", "PATCH"))
    assert reconciled > 0

    # --- every call accounted for --------------------------------------------------------------
    assert len(successes) + len(failures) == CALLS
    assert len(requests) == attempts == rule.checked  # every attempt reached the sandbox, and was counted
    assert set(by_call) <= {key for _, key in calls}  # no request the soak cannot place
    for outcome in outcomes:
        log = rule.log[outcome.key]
        records = by_call[outcome.key]
        assert 1 <= outcome.attempts == len(log) == len(records), outcome
        dates = [r.headers[DATE] for r in records]
        assert dates == sorted(set(dates)), "each attempt is dated afresh"
        if outcome.kind in STATE_KINDS:
            continue  # reconciliation may add a GET and its retries; the ledger check above judged them
        assert outcome.attempts <= MAX_RETRIES + 1, outcome
        if outcome.error is None:
            assert log[-1] is None, outcome  # it succeeded on an attempt that met no fault
        else:
            # It failed only because every attempt met a fault; the error is the last fault's type.
            assert None not in log, (str(outcome.error), log)
            assert outcome.attempts == MAX_RETRIES + 1, outcome
            assert type(outcome.error) is FAULTS[str(log[-1])].final_error, (outcome, log)
            assert getattr(outcome.error, "attempts", None) == outcome.attempts
        # What the sandbox saw: refused before processing, processed once, then only replays.
        first = [r for r in records if not r.replayed and r.status in (200, 201)]
        replays = [r for r in records if r.replayed]
        refused = [r for r in records if not r.replayed and r.status not in (200, 201)]
        assert len(refused) == sum(1 for kind in log if kind is not None and not FAULTS[kind].processed)
        assert len(first) == (1 if rule.processed(outcome.key) else 0), (outcome, log)
        assert len(first) + len(replays) + len(refused) == len(records)
    for outcome in (o for o in outcomes if o.kind in ("cancel", "close")):
        # A DELETE is retried after a lost answer, refused as already done, and then reconciled.
        if outcome.key in fetched:
            assert [r.method for r in by_call[outcome.key]].count("DELETE") >= 2, outcome

    # --- every attempt authentic; no retry over budget -------------------------------------------
    assert rule.rejected == []
    assert [r.status for r in requests if r.status in (400, 401, 403)] == []  # the sandbox's verifier agreed
    assert len({r.headers[DATE] for r in requests}) == len(requests)
    assert len(sleeps) == retries - len(fetched)  # a reconciling GET follows its refusal at once
    # The backoff of a reconciling GET's retries goes on from the call's attempts (at most 8 s).
    assert all(0.375 <= delay <= 8.0 for delay in sleeps), sorted(set(sleeps))
    assert sleeps.count(1.0) >= sum(1 for log in rule.log.values() for kind in log[:-1] if kind == "429 Retry-After 1")

    # --- the ledger: nothing twice, everything explained ------------------------------------------
    reached = {kind: {o.key for o in outcomes if o.kind == kind and rule.processed(o.key)} for kind in MONEY_KINDS}
    assert set(made) == {o.descriptor for o in outcomes if o.key in reached["charge"]}
    captured = {o.target for o in outcomes if o.kind == "capture" and o.key in reached["capture"]}
    for outcome in (o for o in outcomes if o.kind == "capture"):
        charge = sandbox.charges[outcome.target]
        state = charge["statusDetails"]["state"]
        assert state == ("Captured" if outcome.target in captured else "Authorized"), outcome
        if outcome.target in captured:
            assert charge["captureAmount"] == money("3.00")
    assert set(refunded) == {o.descriptor for o in outcomes if o.key in reached["refund"]}
    for outcome in (o for o in outcomes if o.kind == "refund" and o.key in reached["refund"]):
        assert created["refund"][outcome.descriptor]["chargeId"] == outcome.target
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
