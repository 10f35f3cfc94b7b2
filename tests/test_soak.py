"""Soak: 5 000 calls at concurrency 50 through AsyncAmazonPay, 10 % of attempts faulted.

Four calls in five move money (create a charge, capture one, refund one: POSTs with an
idempotency key); one in five cancels a charge, closes a Charge Permission (DELETEs) or updates
one (PATCH), which carry no key. The sandbox is the embedded simulator; a seeded fault rule
fails one attempt in ten, before processing (a 429 with Retry-After 1, a 500, a 503, a 500
whose body is cut mid-way, a connection reset) or AFTER it (the state changed, the answer was
lost: a read timeout, the body cut mid-way, a stall after the headers, and, on DELETE and
PATCH, the connection dropped). Retries are instant.

The caller cancels too (issue 19): a seeded rule cancels the calling task at random points, one
attempt in twenty five, through an anyio cancel scope as a timeout of the caller's would: before
the attempt reaches the sandbox, or after the sandbox answered (money moved) and before the
client reads the answer, or while the client reconciles a refused DELETE. The caller then calls
again as the same call, as the README says: a POST with the idempotency key its outcome reports
(half the calls let the client choose the key, half give their own), a cancel or close inside
``request_options(retrying=True)`` when the outcome says a request was sent.

At the end every call is accounted for against the ledger (the simulator's state): no charge,
capture or refund exists twice, and no call's outcome contradicts the ledger. A success shows
its effect in the ledger; an error that says nothing was done leaves none; an error that says
the call may have been processed is honest either way, and carries the idempotency key of a
POST so the caller can recover. Every request of a POST call carries one key, across the
caller's retries too. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from contextvars import ContextVar
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
from amazonpay._options import CallState
from amazonpay.testing import AmazonPaySandbox, Fault, FaultContext
from tests.conftest import FakeClock
from tests.support.independent_signing import verify_request
from tests.support.operations import money, saved_wallet_checkout

CALLS = 5000
CONCURRENCY = 50
FAULT_RATE = 0.10
SEED = 20261122
# Two retries (three attempts) rather than the default three: with one attempt in ten faulted,
# about one call in a thousand then exhausts its budget, so the accounting of failed calls
# (including those that failed after the money moved) is exercised too, not only successes.
MAX_RETRIES = 2
REFUNDS_PER_SOURCE = 100  # refunds of 1.00 on a captured charge of 100.00
CANCEL_RATE = 0.04  # of the attempts the client hands to the connection
CANCEL_POINTS = ("before sending", "after the answer came")
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
class Try:
    """One call of a soak call's method: the first, or the caller's retry after a cancellation."""

    name: str  # the soak call's name ("soak-00042")
    number: int  # 0 for the first try
    state: CallState  # its request_options outcome
    dispatched: list[tuple[str, int]] = field(default_factory=list)  # (method, attempt) handed to the connection
    reached: int = 0  # attempts that reached the sandbox
    cancelled: str | None = None  # the point it was cancelled at (one of CANCEL_POINTS)


#: The try the running task makes (each soak task makes one call at a time).
TRYING: ContextVar[Try] = ContextVar("soak_try")


def descriptor_in(body: bytes) -> str | None:
    """The softDescriptor a soak POST carries (which soak call it is), if any."""
    if not body.startswith(b"{"):
        return None
    found = json.loads(body).get("softDescriptor")
    return found if isinstance(found, str) and found.startswith("SOAK") else None


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
    #: Per request the sandbox received, in order: the (call, try number) that made it.
    order: list[tuple[str, int]] = field(default_factory=list)
    misplaced: list[str] = field(default_factory=list)

    def call_of(self, request: FaultContext) -> str:
        """The soak call a request belongs to: the descriptor of a POST, else the owner of its object."""
        descriptor = descriptor_in(request.body)
        if descriptor is not None:
            return f"soak-{descriptor[4:]}"
        match = _OBJECT_ID.search(request.path)
        return self.owners.get(match[1] if match else "", f"no soak call: {request.path}")

    def __call__(self, request: FaultContext) -> Fault | None:
        if not self.armed:
            return None
        self.checked += 1
        trying = TRYING.get()
        trying.reached += 1
        self.order.append((trying.name, trying.number))
        if self.call_of(request) != trying.name:  # the request is what the try says it sends
            self.misplaced.append(f"{request.method} {request.path} made by {trying.name}")
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
        self.log[trying.name].append(kind)
        if kind is None:
            return None
        return dataclasses.replace(FAULTS[kind].fault)  # a fresh one-shot copy

    def processed(self, name: str) -> bool:
        """Whether any attempt of the soak call reached processing."""
        return any(kind is None or FAULTS[kind].processed for kind in self.log[name])


class Canceller(httpx.AsyncBaseTransport):
    """Between the client and the sandbox: cancels the calling task at seeded random points.

    The cancellation is anyio's own, delivered at a checkpoint inside the request, as a caller's
    ``anyio.move_on_after`` or ``asyncio.timeout`` would: the try's cancel scope is cancelled,
    and the next checkpoint raises in the middle of the client's call.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.rng = random.Random(SEED + 1)  # its own stream: the fault rule's draws stay as they were
        self.armed = False
        self.scopes: ContextVar[anyio.CancelScope] = ContextVar("soak_scope")
        self.cancelled: Counter[tuple[str, str]] = Counter()  # (method, point)

    async def _cancel(self, trying: Try, request: httpx.Request, point: str) -> None:
        trying.cancelled = point
        self.cancelled[(request.method, point)] += 1
        self.scopes.get().cancel()
        await anyio.lowlevel.checkpoint()  # raises the cancellation here
        raise AssertionError("the cancelled scope did not cancel")

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.armed:
            return await self.inner.handle_async_request(request)
        trying = TRYING.get()
        trying.dispatched.append((request.method, trying.state.attempts))
        point = self.rng.choice(CANCEL_POINTS) if self.rng.random() < CANCEL_RATE else None
        if point == CANCEL_POINTS[0]:
            await self._cancel(trying, request, point)
        response = await self.inner.handle_async_request(request)
        if point == CANCEL_POINTS[1]:
            await self._cancel(trying, request, point)
        return response


@dataclass
class Outcome:
    kind: str
    key: str  # the soak call's name ("soak-00042"); its idempotency key only if it gives its own
    target: str  # the object acted on ("" for a create)
    tries: list[Try]  # the last one ended in the result or error below; the others were cancelled
    result: dict[str, Any] | None = None  # the object returned, as the API writes it
    error: AmazonPayError | None = None

    @property
    def descriptor(self) -> str:
        return descriptor_of(self.key)

    @property
    def attempts(self) -> int:
        """Attempts of the try that ended the call (the caller's earlier tries were cancelled)."""
        return self.tries[-1].state.attempts

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
    """A Saved Wallet permission (hundreds of charges a month fit its limit), an authorized charge
    per capture and cancel call, captured charges to refund, and a permission of its own for each
    close and update call."""

    async def permission() -> str:
        session = await pay.checkout_sessions.create(saved_wallet_checkout("100.00"))
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
    pay: AsyncAmazonPay,
    calls: list[tuple[str, str]],
    permission_id: str,
    targets: dict[int, str],
    canceller: Canceller,
) -> list[Outcome]:
    """Run every call, CONCURRENCY at a time; each ends in a result or a typed error.

    A call cancelled mid-request is called again as the same call, from what its outcome says:
    a POST with the key the outcome reports, a cancel or close marked ``retrying`` once a request
    may have been sent. Even calls give their own idempotency key, odd ones let the client choose.
    """
    outcomes: list[Outcome | None] = [None] * len(calls)
    queue = iter(range(len(calls)))

    async def call(kind: str, target: str, descriptor: str, key: str | None) -> Any:
        if kind == "charge":
            body = {
                "chargePermissionId": permission_id,
                "chargeAmount": money("2.00"),
                "captureNow": True,
                "softDescriptor": descriptor,
            }
            return await pay.charges.create(body, idempotency_key=key)
        if kind == "capture":
            body = {"captureAmount": money("3.00"), "softDescriptor": descriptor}
            return await pay.charges.capture(target, body, idempotency_key=key)
        if kind == "refund":
            body = {"chargeId": target, "refundAmount": money("1.00"), "softDescriptor": descriptor}
            return await pay.refunds.create(body, idempotency_key=key)
        if kind == "cancel":
            return await pay.charges.cancel(target, {"cancellationReason": descriptor})
        if kind == "close":
            return await pay.charge_permissions.close(target, {"closureReason": descriptor})
        metadata = {"merchantMetadata": {"merchantReferenceId": descriptor}}
        return await pay.charge_permissions.update(target, metadata)

    async def one(index: int) -> None:
        kind, name = calls[index]
        target = targets.get(index, "")
        key = name if index % 2 == 0 else None  # None: the client chooses
        retrying = False
        tries: list[Try] = []
        while True:
            with request_options(retrying=retrying) as state, anyio.CancelScope() as scope:
                trying = Try(name, len(tries), state)
                tries.append(trying)
                entered = TRYING.set(trying), canceller.scopes.set(scope)
                try:
                    result = await call(kind, target, descriptor_of(name), key if kind in MONEY_KINDS else None)
                except AmazonPayError as error:
                    outcomes[index] = Outcome(kind, name, target, tries, error=error)
                else:
                    outcomes[index] = Outcome(kind, name, target, tries, result=result.to_dict())
                finally:
                    TRYING.reset(entered[0])
                    canceller.scopes.reset(entered[1])
            if not scope.cancelled_caught:
                return
            # Cut off mid-request: call again as the same call, with what the outcome says.
            assert trying.cancelled is not None
            assert outcomes[index] is None
            key = state.idempotency_key if kind in MONEY_KINDS else None
            retrying = retrying or state.sent

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
    canceller = Canceller(sandbox.transport())
    calls = [(SCHEDULE[index % len(SCHEDULE)], f"soak-{index:05d}") for index in range(CALLS)]

    async with AsyncAmazonPay(
        public_key_id=key_id,
        private_key=pem,
        region="eu",
        transport=canceller,
        clock=clock,
        max_retries=MAX_RETRIES,
    ) as pay:
        started = time.perf_counter()
        permission_id, targets = await setup(pay, sandbox, calls)
        setup_seconds = time.perf_counter() - started
        setup_charges = set(sandbox.charges)
        first_request = len(sandbox.requests)
        rule.owners = {targets[index]: key for index, (kind, key) in enumerate(calls) if kind in STATE_KINDS}
        rule.armed = canceller.armed = True
        started = time.perf_counter()
        outcomes = await soak(pay, calls, permission_id, targets, canceller)
        wall = time.perf_counter() - started
    requests = sandbox.requests[first_request:]
    successes = [o for o in outcomes if o.error is None]
    failures = [o for o in outcomes if o.error is not None]
    assert len(rule.order) == len(requests)  # the rule saw each request the sandbox recorded, in order
    by_call: defaultdict[str, list[Any]] = defaultdict(list)
    by_try: defaultdict[tuple[str, int], list[Any]] = defaultdict(list)
    faults_of_try: defaultdict[tuple[str, int], list[str | None]] = defaultdict(list)  # rule.log, per try
    for request, (name, number) in zip(requests, rule.order, strict=True):
        faults_of_try[(name, number)].append(rule.log[name][len(by_call[name])])
        by_call[name].append(request)
        by_try[(name, number)].append(request)

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

    #: The keys the requests of each POST call carried, across the caller's tries: one each.
    keys = {o.key: {r.headers[KEY] for r in by_call[o.key]} for o in outcomes if o.kind in MONEY_KINDS}
    split_keys = sorted(name for name, sent in keys.items() if len(sent) != 1)

    def key_of(outcome: Outcome) -> str | None:
        """The one idempotency key every request of a POST call carried (None if it carried several)."""
        sent = keys[outcome.key]
        return next(iter(sent)) if len(sent) == 1 else None

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
            elif getattr(outcome.error, "idempotency_key", None) == key_of(outcome):
                uncertain["POST with its idempotency key"] += 1
            else:
                disagreements.append(f"{outcome.kind} {outcome.key}: {outcome.error!r} lacks the idempotency key")
        elif changed:
            disagreements.append(f"{outcome.kind} {outcome.key} was told {outcome.error!r} but the ledger has {obj}")

    # --- the figures ---------------------------------------------------------------------------------
    tries = [trying for outcome in outcomes for trying in outcome.tries]
    dispatched = sum(len(trying.dispatched) for trying in tries)  # every attempt the client made
    retries = dispatched - len(tries)
    fetched = {o.key for o in outcomes if any(r.method == "GET" for r in by_call[o.key])}
    reconciled = sum(1 for o in successes if o.key in fetched)
    failed_by_class = Counter(type(o.error).__name__ for o in failures)
    done = {kind: sum(1 for o in outcomes if o.kind == kind and o.key in changed_keys) for kind in KINDS}
    cut_off = [o for o in outcomes if len(o.tries) > 1]
    # POST calls whose money moved in a try that was cut off, and whose retry with the key got it back.
    replayed_after_cut = [
        o
        for o in cut_off
        if o.kind in MONEY_KINDS
        and any(r.status in (200, 201) and not r.replayed for t in o.tries[:-1] for r in by_try[(o.key, t.number)])
        and any(r.replayed for r in by_try[(o.key, o.tries[-1].number)])
    ]
    width = max(map(len, FAULTS))
    fault_table = f"    {'':4} {'':{width}} " + " ".join(f"{m:>6}" for m in METHODS) + "\n"
    for name in FAULTS:
        per_method = " ".join(f"{rule.injected_by_method[m][name]:6d}" for m in METHODS)
        fault_table += f"    {rule.injected[name]:4d} {name:{width}} {per_method}\n"
    for point in CANCEL_POINTS:
        per_method = " ".join(f"{canceller.cancelled[(m, point)]:6d}" for m in METHODS)
        fault_table += f"    {sum(canceller.cancelled[(m, point)] for m in METHODS):4d} {'cancelled ' + point:{width}} "
        fault_table += f"{per_method}\n"
    print(
        f"\nsoak: {CALLS} calls ({', '.join(f'{sum(1 for o in outcomes if o.kind == k)} {k}' for k in KINDS)}), "
        f"concurrency {CONCURRENCY}, max_retries {MAX_RETRIES}, seed {SEED}\n"
        f"  successes: {len(successes)} ({reconciled} cancel/close returned by reconciliation after a lost answer)\n"
        f"  typed failures: {len(failures)} {dict(sorted(failed_by_class.items()))}\n"
        f"  told 'may have been processed': {uncertain['processed'] + uncertain['not processed']} "
        f"({uncertain['processed']} had been, {uncertain['not processed']} had not; "
        f"{uncertain['POST with its idempotency key']} POSTs each carrying its idempotency key, "
        f"{uncertain['DELETE/PATCH']} DELETE/PATCH)\n"
        f"  cancelled by the caller mid-request: {sum(canceller.cancelled.values())} times in {len(cut_off)} calls, "
        f"each called again as the same call ({len(replayed_after_cut)} POSTs had moved money before the cut "
        "and got it back by replay with the key the outcome reported)\n"
        f"  attempts: {dispatched} in {len(tries)} tries, retries: {retries}, "
        f"calls that fetched to reconcile: {len(fetched)}\n"
        f"  faults injected: {sum(rule.injected.values())} of {len(requests)} attempts that reached the sandbox, "
        f"by method:\n{fault_table}"
        f"  ledger: {', '.join(f'{done[k]} {k}s' for k in KINDS)} done by the soak\n"
        f"  POST calls whose requests carried more than one idempotency key: {len(split_keys)}\n"
        f"  duplicates: {duplicates}\n"
        f"  disagreements between the caller's view and the ledger: {len(disagreements)}\n"
        f"  setup: {len(setup_charges)} charges, {len(sandbox.charge_permissions)} permissions "
        f"in {setup_seconds:.1f} s\n"
        f"  wall time: {wall:.1f} s, {CALLS / wall:.0f} calls/s ({dispatched / wall:.0f} attempts/s)"
    )
    assert split_keys == []
    assert duplicates == 0
    assert disagreements == []
    # The seeded run meets every fault, the drop on both DELETE and PATCH, and reconciles.
    assert all(rule.injected[name] for name in FAULTS), rule.injected
    dropped = rule.injected_by_method
    assert all(dropped[m]["connection dropped after a processed DELETE/PATCH"] for m in ("DELETE", "PATCH"))
    assert reconciled > 0
    # ... and is cut off at both points in each method, some POSTs after their money moved.
    assert all(canceller.cancelled[(m, point)] for m in METHODS for point in CANCEL_POINTS), canceller.cancelled
    assert {o.kind for o in cut_off} == set(KINDS)
    assert {o.kind for o in replayed_after_cut} == set(MONEY_KINDS)

    # --- every call accounted for --------------------------------------------------------------
    assert len(successes) + len(failures) == CALLS
    assert rule.misplaced == []  # every request is the one its try meant to send
    assert len(requests) == rule.checked == sum(trying.reached for trying in tries)
    for trying in tries:
        # An attempt handed to the connection reaches the sandbox unless the caller cut it off first.
        assert trying.reached == len(trying.dispatched) - (trying.cancelled == CANCEL_POINTS[0])
        assert trying.state.attempts == (trying.dispatched[-1][1] if trying.dispatched else 0)
        assert trying.state.sent == bool(trying.dispatched)  # no failure here happens before sending
    for outcome in outcomes:
        log = rule.log[outcome.key]
        records = by_call[outcome.key]
        assert len(log) == len(records), outcome
        assert all(trying.cancelled for trying in outcome.tries[:-1])
        assert outcome.tries[-1].cancelled is None
        dates = [r.headers[DATE] for r in records]
        assert dates == sorted(set(dates)), "each attempt is dated afresh"
        if outcome.kind in STATE_KINDS:
            continue  # reconciliation may add a GET and its retries; the ledger check above judged them
        key = key_of(outcome)  # the one key of its tries (split_keys is empty): its own, or the client's
        assert key == outcome.key if int(outcome.key[-5:]) % 2 == 0 else re.fullmatch(r"[0-9a-f]{32}", str(key))
        assert all(trying.state.idempotency_key == key for trying in outcome.tries)  # each outcome told it
        final = outcome.tries[-1]
        final_log = faults_of_try[(outcome.key, final.number)]
        assert 1 <= outcome.attempts == len(final_log) == final.reached <= MAX_RETRIES + 1, outcome
        if outcome.error is None:
            assert final_log[-1] is None, outcome  # it succeeded on an attempt that met no fault
        else:
            # It failed only because every attempt met a fault; the error is the last fault's type.
            assert None not in final_log, (str(outcome.error), log)
            assert outcome.attempts == MAX_RETRIES + 1, outcome
            assert type(outcome.error) is FAULTS[str(final_log[-1])].final_error, (outcome, log)
            assert getattr(outcome.error, "attempts", None) == outcome.attempts
        # What the sandbox saw, across the caller's tries: refused before processing, processed
        # once, then only replays.
        first = [r for r in records if not r.replayed and r.status in (200, 201)]
        replays = [r for r in records if r.replayed]
        refused = [r for r in records if not r.replayed and r.status not in (200, 201)]
        assert len(refused) == sum(1 for kind in log if kind is not None and not FAULTS[kind].processed)
        assert len(first) == (1 if rule.processed(outcome.key) else 0), (outcome, log)
        assert len(first) + len(replays) + len(refused) == len(records)
    for outcome in (o for o in outcomes if o.kind in ("cancel", "close")):
        # A DELETE is retried after a lost answer (or a cut), refused as already done, and then reconciled.
        if outcome.key in fetched:
            assert [r.method for r in by_call[outcome.key]].count("DELETE") >= 2, outcome

    # --- every attempt authentic; no retry over budget -------------------------------------------
    assert rule.rejected == []
    assert [r.status for r in requests if r.status in (400, 401, 403)] == []  # the sandbox's verifier agreed
    assert len({r.headers[DATE] for r in requests}) == len(requests)
    # A retry sleeps before its attempt; a reconciling GET follows its refusal at once.
    expected_sleeps = sum(
        1
        for trying in tries
        for (method, attempt), before in zip(trying.dispatched, [("", 0), *trying.dispatched], strict=False)
        if attempt > 1 and not (method == "GET" and before[0] != "GET")
    )
    assert len(sleeps) == expected_sleeps
    # The backoff of a reconciling GET's retries goes on from the call's attempts (at most 8 s).
    assert all(0.375 <= delay <= 8.0 for delay in sleeps), sorted(set(sleeps))
    # Each 429 that another attempt of its try followed waited the second it was told to.
    followed = [
        kind
        for trying in tries
        for kind in faults_of_try[(trying.name, trying.number)][: None if trying.cancelled == CANCEL_POINTS[0] else -1]
    ]
    assert sleeps.count(1.0) >= followed.count("429 Retry-After 1")

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
