"""AmazonPaySandbox: keys, the request pipeline, control of the buyer step, faults and views."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from . import _idempotency as idempotency
from . import _routes as routes
from ._body import check, parse_json_object
from ._errors import Reason, SandboxError, encode, error_body
from ._faults import Fault, FaultContext, FaultRule, SimulatedBrokenBody, SimulatedNetworkError
from ._journal import transaction
from ._resources import Charge, ChargePermission, CheckoutSession, Refund
from ._spec import operation
from ._state import Call, Settings, State
from ._transport import SandboxTransport
from ._values import public_key_id, request_id, utc
from ._verify import IDEMPOTENCY_HEADER, DateWindow, IncomingRequest, authenticate, is_live_key

if TYPE_CHECKING:
    from ._server import SandboxServer

SIMULATION_HEADER: Final = "x-amz-pay-simulation-code"
_APPROVE: Final = re.compile(r"/_sandbox/checkoutSessions/(?P<id>[^/]+)/approve/?\Z")
logger = logging.getLogger("amazonpay.testing")

Clock = Callable[[], datetime]
Response = tuple[int, dict[str, str], bytes]
T = TypeVar("T")


@dataclass(frozen=True)
class RecordedRequest:
    """One request the sandbox received, for assertions (the authorization header is left out)."""

    method: str
    url: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    operation_id: str | None
    request_id: str
    status: int | None  # None when an injected network error replaced the answer before processing
    replayed: bool = False  # answered from the idempotency store

    def json(self) -> Any:
        """The body parsed as JSON (``None`` when empty)."""
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class _Outcome:
    status: int
    body: bytes
    operation_id: str | None = None
    replayed: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def refused(cls, error: SandboxError, operation_id: str | None = None) -> _Outcome:
        return cls(error.status, encode(error.body()), operation_id, headers=error.headers)


class _View(Mapping[str, dict[str, Any]], Generic[T]):
    """Read-only view of stored objects as the API would render them (without counting reads)."""

    def __init__(self, lock: threading.RLock, items: dict[str, T], render: Callable[[T], dict[str, Any]]) -> None:
        self._lock = lock
        self._items = items
        self._render = render

    def __getitem__(self, key: str) -> dict[str, Any]:
        with self._lock:
            return self._render(self._items[key])

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._items))

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


class AmazonPaySandbox:
    """An in-memory, stateful simulator of the Amazon Pay API v2 sandbox.

    Verifies every request like the service (headers, date, host and region, key id and path,
    RSASSA-PSS signature), enforces idempotency keys, runs the life cycles of Checkout Sessions,
    Charge Permissions, Charges and Refunds, and answers the documented simulation codes.

    ``clock`` returns the service's current time (UTC); it is also what ``x-amz-pay-date`` is
    checked against, so a fake clock should not run behind the time the client signs with.
    """

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.RLock()
        self._settings = Settings()
        self._state = State(self._settings)
        self._keys: dict[str, rsa.RSAPublicKey] = {}
        self._idempotency = idempotency.IdempotencyStore()
        self._requests: list[RecordedRequest] = []
        self.faults: list[FaultRule] = []
        """Fault rules consulted, in order, before each API request; the first that fires applies."""

    # --- settings -------------------------------------------------------------------------

    @property
    def settle_after_reads(self) -> int:
        """Pending refunds and pending authorizations settle once read (GET) this many times ..."""
        return self._settings.settle_after_reads

    @settle_after_reads.setter
    def settle_after_reads(self, value: int) -> None:
        self._settings.settle_after_reads = value

    @property
    def settle_after(self) -> timedelta:
        """... and once this much clock time has passed since they were created (both must hold)."""
        return self._settings.settle_after

    @settle_after.setter
    def settle_after(self, value: timedelta) -> None:
        self._settings.settle_after = value

    @property
    def future_date_tolerance(self) -> timedelta:
        """How far ``x-amz-pay-date`` may be ahead of the clock before "should not be in future"."""
        return self._settings.future_date_tolerance

    @future_date_tolerance.setter
    def future_date_tolerance(self, value: timedelta) -> None:
        self._settings.future_date_tolerance = value

    @property
    def past_date_tolerance(self) -> timedelta:
        """How far ``x-amz-pay-date`` may be behind the clock (default 15 minutes) before it is stale."""
        return self._settings.past_date_tolerance

    @past_date_tolerance.setter
    def past_date_tolerance(self, value: timedelta) -> None:
        self._settings.past_date_tolerance = value

    # --- keys -----------------------------------------------------------------------------

    def create_key(self, environment_specific: bool = True) -> tuple[str, bytes]:
        """A throwaway RSA-2048 key pair, registered: ``(public key id, PKCS#8 private key PEM)``.

        The id is ``SANDBOX-AE...`` (use ``https://<host>/v2``) or, with
        ``environment_specific=False``, a legacy ``AE...`` (use ``https://<host>/sandbox/v2``).
        """
        private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        key_id = public_key_id(environment_specific=environment_specific)
        self.register_key(key_id, private_key.public_key())
        pem = private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        return key_id, pem

    def register_key(self, public_key_id: str, public_key: rsa.RSAPublicKey | bytes | str) -> None:
        """Accept requests signed for ``public_key_id`` (an RSA public key object or PEM)."""
        if is_live_key(public_key_id):
            raise ValueError(f"{public_key_id} is a live key id: the sandbox simulator accepts sandbox keys only")
        if isinstance(public_key, str | bytes):
            data = public_key.encode("ascii") if isinstance(public_key, str) else public_key
            loaded = serialization.load_pem_public_key(data)
        else:
            loaded = public_key
        if not isinstance(loaded, rsa.RSAPublicKey):
            raise TypeError("Amazon Pay keys are RSA keys")
        with self._lock:
            self._keys[public_key_id] = loaded

    # --- transports -----------------------------------------------------------------------

    def transport(self) -> SandboxTransport:
        """An httpx transport (sync and async) answering from this sandbox, without sockets."""
        return SandboxTransport(self.handle)

    def serve(self, host: str = "127.0.0.1", port: int = 0, *, tls: bool = False) -> SandboxServer:
        """Serve this sandbox on ``host:port`` (0: any free port), started in a thread.

        With ``tls=True`` it serves HTTPS with a certificate it makes for the loopback names
        (``server.ca_file`` is the file to trust).
        """
        from ._server import SandboxServer

        return SandboxServer(self, host, port, tls=tls).start()

    # --- the buyer and the clock ----------------------------------------------------------

    def approve(
        self,
        checkout_session_id: str,
        buyer: Mapping[str, str] | None = None,
        *,
        shipping_address: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The buyer's browser step: sign in, choose payment (and address), return to the merchant.

        Resolves the ``BuyerNotAssociated`` constraint; ``buyer`` may set ``name``, ``email``
        and ``buyerId``. Returns the session as Get Checkout Session would show it. Raises
        :class:`SandboxError` (ResourceNotFound, InvalidCheckoutSessionStatus) like the API.
        """
        with self._lock:
            if shipping_address is not None:
                check(dict(shipping_address), _approve_schema()["properties"]["shippingAddress"], "shippingAddress")
            with transaction():
                return self._state.approve(checkout_session_id, self._now(), buyer, shipping_address)

    def _now(self) -> datetime:
        return utc(self._clock())

    # --- faults ---------------------------------------------------------------------------

    def fail_next(
        self,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        times: int = 1,
        after_processing: bool = False,
        exception: type[BaseException] | BaseException | None = None,
        body: dict[str, Any] | bytes | None = None,
        operation_id: str | None = None,
        break_body: Literal["cut", "stall"] | None = None,
    ) -> Fault:
        """Fail the next ``times`` API requests (optionally only those to ``operation_id``).

        ``fail_next(status=429, headers={"Retry-After": "1"})`` answers 429 without processing;
        ``fail_next(exception=httpx.ReadTimeout, after_processing=True)`` processes the request
        (and stores its result for the idempotency key), then raises the exception instead of
        answering. With neither status nor exception the answer is 500. ``body`` replaces the
        answer's JSON body; ``bytes`` are sent as given (``fail_next(status=502, headers=
        {"content-type": "text/html"}, body=b"<html>...")`` is a proxy's error page).
        ``break_body="cut"`` or ``"stall"`` breaks the answer after its headers (see :class:`Fault`).
        """
        fault = Fault(
            status=status,
            headers=dict(headers or {}),
            body=body,
            exception=exception,
            after_processing=after_processing,
            times=times,
            operation_id=operation_id,
            break_body=break_body,
        )
        with self._lock:
            self.faults.append(fault)
        return fault

    def _take_fault(self, context: FaultContext) -> Fault | None:
        for rule in list(self.faults):
            fault = rule(context)
            if isinstance(rule, Fault) and rule.exhausted:
                self.faults.remove(rule)
            if fault is not None:
                return fault
        return None

    # --- views ----------------------------------------------------------------------------

    @property
    def checkout_sessions(self) -> Mapping[str, dict[str, Any]]:
        """Checkout Sessions by id, as JSON (read-only)."""
        return _View[CheckoutSession](self._lock, self._state.checkout_sessions, CheckoutSession.json)

    @property
    def charge_permissions(self) -> Mapping[str, dict[str, Any]]:
        """Charge Permissions by id, as JSON (read-only)."""
        return _View[ChargePermission](self._lock, self._state.charge_permissions, self._state.render_permission)

    @property
    def charges(self) -> Mapping[str, dict[str, Any]]:
        """Charges by id, as JSON (read-only)."""
        return _View[Charge](self._lock, self._state.charges, Charge.json)

    @property
    def refunds(self) -> Mapping[str, dict[str, Any]]:
        """Refunds by id, as JSON (read-only)."""
        return _View[Refund](self._lock, self._state.refunds, Refund.json)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    # --- the core -------------------------------------------------------------------------

    def handle(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> Response:
        """Answer one HTTP request: ``(status, headers, body)``. Used by every transport.

        Never raises for any input: a bug of the simulator itself is a 500 answer with the
        service's error body (its traceback logged on the ``amazonpay.testing`` logger) and
        leaves the simulated state as it was. Raises :class:`SimulatedNetworkError` or
        :class:`SimulatedBrokenBody` only when an injected fault asks for a network error or a
        broken answer.
        """
        rid = request_id()
        with self._lock:
            now = self._now()
            try:
                request = IncomingRequest.parse(method, url, headers, body)
            except SandboxError as error:
                return self._response(rid, now, error.status, encode(error.body()))
            try:
                return self._answer(request, rid, now)
            except (SimulatedNetworkError, SimulatedBrokenBody):
                raise
            except Exception:
                logger.exception("amazonpay.testing failed on %s %s (request id %s)", request.method, request.path, rid)
                content = encode(
                    error_body(
                        Reason.InternalServerError.code,
                        f"amazonpay.testing failed unexpectedly (a bug in the simulator; its traceback is logged "
                        f"with request id {rid}). Nothing was changed.",
                    )
                )
                self._record(request, rid, 500, _Outcome(500, content))
                return self._response(rid, now, 500, content)

    def _answer(self, request: IncomingRequest, rid: str, now: datetime) -> Response:
        control = _APPROVE.search(request.path)
        if control is not None or "/_sandbox/" in request.path:
            outcome = self._control(request, control)
            self._record(request, rid, outcome.status, outcome)
            return self._response(rid, now, outcome.status, outcome.body, outcome.headers)
        context = FaultContext(request.method, request.path, self._operation_of(request), request.headers, request.body)
        fault = self._take_fault(context)
        if fault is not None and not fault.after_processing:
            return self._fail(fault, request, rid, now, context.operation_id, processed=None)
        outcome = self._process(request, now)
        if fault is not None:
            return self._fail(fault, request, rid, now, context.operation_id, processed=outcome)
        self._record(request, rid, outcome.status, outcome)
        return self._response(rid, now, outcome.status, outcome.body, outcome.headers)

    def _fail(
        self,
        fault: Fault,
        request: IncomingRequest,
        rid: str,
        now: datetime,
        operation_id: str | None,
        processed: _Outcome | None,
    ) -> Response:
        outcome = processed or _Outcome(fault.status or 0, b"", operation_id)
        if fault.exception is not None:
            self._record(request, rid, processed.status if processed else None, outcome)
            raise SimulatedNetworkError(fault.exception)
        if fault.break_body is not None:
            if processed is not None:
                status, content = processed.status, processed.body
            else:
                status, content = fault.status or 500, fault.response_content()
            self._record(request, rid, status, outcome)
            raise SimulatedBrokenBody(*self._response(rid, now, status, content, fault.headers), fault.break_body)
        status = fault.status or 500
        self._record(request, rid, status, outcome)
        return self._response(rid, now, status, fault.response_content(), fault.headers)

    @staticmethod
    def _operation_of(request: IncomingRequest) -> str | None:
        api_path = request.api_path
        matched = routes.match(request.method, api_path.operation_path) if api_path else None
        return matched.route.operation_id if matched and matched.route else None

    def _process(self, request: IncomingRequest, now: datetime) -> _Outcome:
        """Route, authenticate, check and run one API request: nothing changes unless all checks pass."""
        operation_id: str | None = None
        try:
            api_path = request.api_path
            matched = routes.match(request.method, api_path.operation_path) if api_path else None
            if matched is not None and matched.route is None:
                raise SandboxError(
                    Reason.MethodNotAllowed,
                    f"{request.method} is not an operation of {api_path.operation_path if api_path else request.path}; "
                    f"it allows {', '.join(matched.allowed)}.",
                    headers={"allow": ", ".join(matched.allowed)},
                )
            window = DateWindow(self._settings.future_date_tolerance, self._settings.past_date_tolerance)
            key_id, api_path = authenticate(request, self._keys, now, window)
            if matched is None or matched.route is None:
                raise SandboxError(
                    Reason.ResourceNotFound, f"No operation {request.method} {api_path.operation_path} in API v2."
                )
            route = matched.route
            operation_id = route.operation_id
            if route.handler is None:
                raise SandboxError(Reason.ResourceNotFound, f"amazonpay.testing does not simulate {operation_id} yet.")
            spec = route.operation
            key = None
            if spec.requires_idempotency_key:
                key = idempotency.check_key(request.headers.get(IDEMPOTENCY_HEADER))
            simulation = request.headers.get(SIMULATION_HEADER)
            if simulation is not None and simulation.strip() not in spec.simulation_codes:
                allowed = ", ".join(sorted(spec.simulation_codes)) or "none"
                raise SandboxError(
                    Reason.InvalidSandboxSimulationSpecified,
                    f"Simulation code {simulation.strip()[:64]!r} is not valid for {operation_id} (valid: {allowed}).",
                )
            fingerprint = idempotency.fingerprint(request.method, api_path.operation_path, request.body)
            if key is not None:
                stored = self._idempotency.lookup(key_id, key, fingerprint)
                if stored is not None:
                    return _Outcome(stored.replay_status(), stored.body, operation_id, replayed=True)
            call = Call(
                now=now,
                region=request.region,
                resource_id=matched.resource_id,
                body=_request_body(request.body, spec.request_schema, spec.requires_body, operation_id),
                simulation=simulation.strip() if simulation is not None else None,
            )
            try:
                with transaction():
                    status, payload = route.handler(self._state, call)
            except SandboxError as error:
                status, payload = error.status, error.body()
            encoded = encode(payload)
            if key is not None:
                self._idempotency.store(key_id, key, idempotency.StoredResult(fingerprint, status, encoded))
            return _Outcome(status, encoded, operation_id)
        except SandboxError as error:
            return _Outcome.refused(error, operation_id)

    def _control(self, request: IncomingRequest, approve: re.Match[str] | None) -> _Outcome:
        """The simulator's own endpoints (no signature): the buyer's approval."""
        try:
            if approve is None:
                raise SandboxError(
                    Reason.ResourceNotFound, f"No sandbox control endpoint {request.method} {request.path}."
                )
            if request.method != "POST":
                raise SandboxError(
                    Reason.MethodNotAllowed,
                    f"{request.method} is not allowed on {request.path}; it allows POST.",
                    headers={"allow": "POST"},
                )
            options = parse_json_object(request.body) if request.body.strip() else {}
            check(options, _approve_schema(), "body")
            session = self.approve(approve["id"], options.get("buyer"), shipping_address=options.get("shippingAddress"))
            return _Outcome(200, encode(session))
        except SandboxError as error:
            return _Outcome.refused(error)

    def _record(self, request: IncomingRequest, rid: str, status: int | None, outcome: _Outcome) -> None:
        headers = {name: value for name, value in request.headers.items() if name != "authorization"}
        self._requests.append(
            RecordedRequest(
                method=request.method,
                url=request.url,
                path=request.path,
                headers=headers,
                body=request.body,
                operation_id=outcome.operation_id,
                request_id=rid,
                status=status,
                replayed=outcome.replayed,
            )
        )

    @staticmethod
    def _response(
        rid: str, now: datetime, status: int, body: bytes, extra: Mapping[str, str] | None = None
    ) -> Response:
        headers = {
            "content-type": "application/json",
            "x-amz-pay-request-id": rid,
            "date": format_datetime(now, usegmt=True),
        }
        headers.update({name.lower(): value for name, value in (extra or {}).items()})
        return status, headers, body


def _request_body(body: bytes, schema: dict[str, Any] | None, required: bool, operation_id: str) -> dict[str, Any]:
    """The body as the operation's schema in the spec allows it, or the service's 400 answer."""
    if schema is None:
        return {}
    if not body.strip():
        if required:
            raise SandboxError(
                Reason.InvalidRequestFormat, f"The request body is missing: {operation_id} takes a JSON object."
            )
        return {}
    document = parse_json_object(body)
    check(document, schema, "body")
    return document


@cache
def _approve_schema() -> dict[str, Any]:
    """The control endpoint's body: an optional buyer and the spec's request-side address."""
    update = operation("updateCheckoutSession").request_schema or {}
    text = {"type": "string", "minLength": 1}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "buyer": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"name": text, "email": text, "buyerId": text},
            },
            "shippingAddress": update["properties"]["shippingAddress"],
        },
    }
