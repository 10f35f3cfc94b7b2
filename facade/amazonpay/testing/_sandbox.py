"""AmazonPaySandbox: keys, the request pipeline, the buyer step and the clock, notifications, faults and views."""

from __future__ import annotations

import logging
import re
import ssl
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from amazonpay._json import JsonObject

from . import _authorization_tokens as authorization_tokens
from . import _charge_permissions as charge_permissions
from . import _checkout_sessions as checkout_sessions
from . import _disputes as disputes
from . import _idempotency as idempotency
from . import _routes as routes
from . import _storage as storage
from . import _time as simulated_time
from ._body import check, parse_json_object, request_body
from ._charge_permissions import ChargePermission
from ._charges import Charge
from ._checkout_sessions import CheckoutSession
from ._errors import Reason, SandboxError, encode, error_body
from ._faults import Fault, FaultContext, FaultRule, SimulatedBrokenBody, SimulatedNetworkError
from ._journal import transaction
from ._ledger import ledger
from ._notify import DEFAULT_TIMEOUT, Endpoint, NotificationDelivery, Outbox, PublishedNotification, state_changes
from ._refunds import Refund
from ._request_log import RecordedRequest, RequestLog
from ._sns import SnsSigner
from ._spec import operation
from ._state import Call, Settings, State
from ._transport import SandboxTransport
from ._values import Money, http_date, public_key_id, request_id, timestamp, utc
from ._verify import IDEMPOTENCY_HEADER, DateWindow, IncomingRequest, authenticate, is_live_key

if TYPE_CHECKING:
    from ._server import SandboxServer

SIMULATION_HEADER: Final = "x-amz-pay-simulation-code"
BUYER_TOKEN_HEADER: Final = "x-sandbox-buyer-token"  # noqa: S105 (a header name: the approval hands the token over)
_APPROVE: Final = re.compile(r"/_sandbox/checkoutSessions/(?P<id>[^/]+)/approve/?\Z")
_ADVANCE: Final = re.compile(r"/_sandbox/advance/?\Z")
_SNS_CERTIFICATE: Final = re.compile(r"/_sandbox/sns/certificate/?\Z")
logger = logging.getLogger("amazonpay.testing")

Clock = Callable[[], datetime]
Response = tuple[int, dict[str, str], bytes]
T = TypeVar("T")


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


class _View(Mapping[str, JsonObject], Generic[T]):
    """Read-only view of stored objects as the API would render them (without counting reads)."""

    def __init__(self, lock: threading.RLock, items: dict[str, T], render: Callable[[T], JsonObject]) -> None:
        self._lock = lock
        self._items = items
        self._render = render

    def __getitem__(self, key: str) -> JsonObject:
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
    Refunds, pending authorizations and late captures settle later (:attr:`settle_after_reads`,
    :attr:`settle_after`, :meth:`advance`); every change of a charge permission's, charge's or
    refund's state publishes a notification signed like SNS (:meth:`subscribe`, :attr:`sns`).

    ``clock`` returns the real time of the simulation (UTC); :meth:`now` is that plus what
    :meth:`advance` added. ``x-amz-pay-date`` is checked against :meth:`now`, so give clients
    ``clock=sandbox.now`` when the simulated time moves on.
    """

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._offset = timedelta(0)  # how far advance() has moved the simulated time
        self._lock = threading.RLock()
        self._settings = Settings()
        self._state = State(self._settings)
        self._outbox = Outbox(self.now)
        self._keys: dict[str, rsa.RSAPublicKey] = {}
        self._idempotency = idempotency.IdempotencyStore()
        self._requests = RequestLog()
        self.faults: list[FaultRule] = []
        """Fault rules consulted, in order, before each API request; the first that fires applies."""

    # --- settings -------------------------------------------------------------------------

    @property
    def settle_after_reads(self) -> int:
        """Pending outcomes (refunds, pending authorizations, late captures) settle once read (GET) this often ...

        Default 1: the first GET finds the outcome. Set 0 to settle on time alone (:meth:`advance`).
        """
        return self._settings.settle_after_reads

    @settle_after_reads.setter
    def settle_after_reads(self, value: int) -> None:
        self._settings.settle_after_reads = value

    @property
    def settle_after(self) -> timedelta:
        """... and once this much simulated time has passed since they began (both must hold).

        Default 0. With ``settle_after_reads = 0`` too, outcomes settle in the call that starts them.
        """
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

    def now(self) -> datetime:
        """The simulated time (UTC): ``clock()`` plus what :meth:`advance` added.

        Pass it to a client (``AmazonPay(clock=sandbox.now)``) so that what it signs follows.
        """
        return utc(self._clock()) + self._offset

    def advance(self, delta: timedelta) -> list[PublishedNotification]:
        """Move the simulated time forward by ``delta`` (nothing sleeps) and apply what is then due.

        Pending outcomes whose time has come settle (subject to :attr:`settle_after_reads` as
        well), sessions, charges and permissions expire, exactly as a request touching them
        would find; each change publishes its notification, delivered before this returns.
        ``advance(timedelta(0))`` applies what is due now. Returns the notifications published.
        """
        if not isinstance(delta, timedelta) or delta < timedelta(0):
            raise ValueError(f"advance takes a timedelta of zero or more (time does not go back), not {delta!r}")
        try:
            with self._lock:
                return self._advance(delta)
        except SandboxError as refused:
            raise ValueError(refused.message) from None
        finally:
            self._outbox.deliver_published()

    def sleep(self, seconds: float) -> None:
        """:meth:`advance` by ``seconds``: the ``sleep=`` of ``pay.refunds.wait`` and the like in tests.

        ``pay.refunds.wait(refund_id, sleep=sandbox.sleep)`` polls on simulated time: what is
        due settles between two GETs, and nothing really sleeps.
        """
        self.advance(timedelta(seconds=seconds))

    async def async_sleep(self, seconds: float) -> None:
        """:meth:`sleep` for async clients: ``await pay.refunds.wait(refund_id, sleep=sandbox.async_sleep)``."""
        self.sleep(seconds)

    def _advance(self, delta: timedelta) -> list[PublishedNotification]:
        """Move the clock and apply what is due, or refuse a move past :data:`LATEST_TIME` changing nothing."""
        now = self.now()
        if delta > LATEST_TIME - now:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"Moving the simulated time by {delta} from {timestamp(now)} would pass {timestamp(LATEST_TIME)}, "
                "the latest time the simulator keeps (what it derives from the clock must stay a 4-digit year). "
                "Nothing was changed.",
            )
        before = self._offset
        self._offset += delta
        now = self.now()
        published: list[PublishedNotification] = []
        try:
            self._apply(lambda: simulated_time.apply_time(self._state, now), now, published)
        except BaseException:
            self._offset = before  # the changes were undone: so is the move
            raise
        return published

    def approve(
        self,
        checkout_session_id: str,
        buyer: Mapping[str, str] | None = None,
        *,
        shipping_address: Mapping[str, object] | None = None,
    ) -> JsonObject:
        """The buyer's browser step: sign in, choose payment (and address), return to the merchant.

        Resolves the ``BuyerNotAssociated`` constraint; ``buyer`` may set ``name``, ``email``
        and ``buyerId``. Returns the session as Get Checkout Session would show it. Raises
        :class:`SandboxError` (ResourceNotFound, InvalidCheckoutSessionStatus) like the API.
        The buyer also gets a buyerToken for Get Buyer (:meth:`buyer_token`).
        """
        try:
            with self._lock:
                return self._approve(checkout_session_id, buyer, shipping_address)
        finally:
            self._outbox.deliver_published()

    def buyer_token(self, checkout_session_id: str) -> str:
        """The buyerToken of the buyer who approved the session last (Amazon Sign-in's return value).

        ``pay.buyers.get(token)`` returns that buyer. Over HTTP, the approval's answer carries
        it in the ``x-sandbox-buyer-token`` header. ``KeyError`` if nobody approved the session.
        """
        with self._lock:
            return self._state.buyer_tokens[checkout_session_id]

    def _approve(
        self,
        checkout_session_id: str,
        buyer: Mapping[str, str] | None,
        shipping_address: Mapping[str, object] | None,
    ) -> JsonObject:
        if shipping_address is not None:
            check(dict(shipping_address), _approve_schema()["properties"]["shippingAddress"], "shippingAddress")
        now = self.now()

        return self._apply(
            lambda: checkout_sessions.approve(self._state, checkout_session_id, now, buyer, shipping_address), now
        )

    def _hosted(self, change: Callable[[State, datetime], T]) -> T:
        """One step of the buyer on Amazon's hosted pages (:mod:`._buyer_pages`): one change, like a request.

        All of it or nothing; its notifications are delivered before this returns.
        """
        try:
            with self._lock:
                now = self.now()
                return self._apply(lambda: change(self._state, now), now)
        finally:
            self._outbox.deliver_published()

    def _public_key(self, public_key_id: str) -> rsa.RSAPublicKey | None:
        """The registered public key of ``public_key_id`` (the button payload's check), or None."""
        with self._lock:
            return self._keys.get(public_key_id)

    def file_chargeback(
        self,
        charge_id: str,
        amount: Mapping[str, str] | None = None,
        *,
        filing_reason: str = "ProductNotReceived",
    ) -> JsonObject:
        """The buyer's bank files a chargeback against a captured charge: a Dispute, ActionRequired.

        ``amount`` (a Price, ``{"amount": "5.00", "currencyCode": "USD"}``) defaults to what was
        captured. The merchant has 11 simulated days to contest it (``pay.disputes.contest``);
        unanswered, it is lost (Resolved, BuyerWon). A CHARGEBACK notification is published.
        Returns the dispute as Get Dispute shows it; raises :class:`SandboxError` like the API.
        """
        reasons = _dispute_enum("DisputeFilingReason")
        if filing_reason not in reasons:
            raise ValueError(f"filing_reason must be one of {', '.join(reasons)}, not {filing_reason!r}")
        try:
            with self._lock:
                now = self.now()
                money = None if amount is None else Money.from_json(amount, "amount")
                dispute = self._apply(
                    lambda: disputes.file_chargeback(
                        self._state, charge_id, now, amount=money, filing_reason=filing_reason
                    ),
                    now,
                )
                return dispute.json()
        finally:
            self._outbox.deliver_published()

    def resolve_dispute(self, dispute_id: str, resolution: str = "MerchantWon") -> JsonObject:
        """The investigator decides an open dispute: Resolved, with ``resolution`` (BuyerWon, MerchantWon, NoFault).

        BuyerWon takes the disputed amount back: the ledger (the settlement report, the
        disbursements) shows a Chargeback. A CHARGEBACK notification is published.
        """
        resolutions = _dispute_enum("DisputeResolution")
        if resolution not in resolutions:
            raise ValueError(f"resolution must be one of {', '.join(resolutions)}, not {resolution!r}")
        try:
            with self._lock:
                now = self.now()
                dispute = self._apply(lambda: disputes.resolve_dispute(self._state, dispute_id, resolution, now), now)
                return dispute.json()
        finally:
            self._outbox.deliver_published()

    def ledger(self) -> list[dict[str, str]]:
        """Every settled transaction (captures, refunds, lost chargebacks), oldest first, as settlement report rows."""
        with self._lock:
            return [move.row() for move in ledger(self._state)]

    def _apply(self, change: Callable[[], T], now: datetime, published: list[PublishedNotification] | None = None) -> T:
        """Run one change of the simulated state and publish its notifications: all of it, or nothing.

        A refusal (:class:`SandboxError`) undoes what the request changed but keeps what time
        alone had made due (an expiry found on the way), and publishes that; anything else
        undoes every change, and publishing is the transaction's last step.
        """
        with transaction() as journal:
            try:
                outcome: T | SandboxError = change()
            except SandboxError as refusal:
                journal.refused()
                outcome = refusal
            made = self._outbox.publish(state_changes(journal), now)
        if published is not None:
            published.extend(made)
        if isinstance(outcome, SandboxError):
            raise outcome
        return outcome

    # --- notifications --------------------------------------------------------------------

    def subscribe(
        self, endpoint: Endpoint, *, timeout: float = DEFAULT_TIMEOUT, verify: ssl.SSLContext | None = None
    ) -> None:
        """Deliver each notification published from now on to ``endpoint``, like an SNS subscription.

        ``endpoint`` is a callable given the raw SNS body (a ``str``) that returns the HTTP
        status it would answer (None for 200), or the URL of an HTTP(S) endpoint on loopback
        that the body is POSTed to as SNS posts it (``text/plain``, ``x-amz-sns-*`` headers,
        ``timeout`` seconds, no redirects; ``verify`` is the SSL context for https). Delivery
        happens in the thread whose request or :meth:`advance` made the change, after the
        change, before that call returns; an endpoint that raises, fails or answers other than
        2xx is recorded in the notification's ``deliveries`` (and logged), never raised.
        """
        self._outbox.subscribe(endpoint, timeout=timeout, verify=verify)

    def unsubscribe(self, endpoint: Endpoint) -> None:
        """Stop delivering to ``endpoint``."""
        self._outbox.unsubscribe(endpoint)

    @property
    def notifications(self) -> list[PublishedNotification]:
        """Every notification published so far, oldest first (a copy)."""
        return self._outbox.published

    @property
    def sns(self) -> SnsSigner:
        """The SNS stand-in that signs the notifications: ``NotificationVerifier(fetcher=sandbox.sns.fetch)``.

        Its ``fetch`` serves the signing certificate at the URL the messages name.
        """
        return self._outbox.signer

    def redeliver(self, notification: PublishedNotification) -> list[NotificationDelivery]:
        """Deliver ``notification`` again (same ids, same body) to every endpoint, as SNS retries and duplicates."""
        return self._outbox.redeliver(notification)

    # --- faults ---------------------------------------------------------------------------

    def fail_next(
        self,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        times: int = 1,
        after_processing: bool = False,
        exception: type[BaseException] | BaseException | None = None,
        body: Mapping[str, object] | bytes | None = None,
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
    def checkout_sessions(self) -> Mapping[str, JsonObject]:
        """Checkout Sessions by id, as JSON (read-only)."""
        return _View[CheckoutSession](self._lock, self._state.checkout_sessions, CheckoutSession.json)

    @property
    def charge_permissions(self) -> Mapping[str, JsonObject]:
        """Charge Permissions by id, as JSON (read-only)."""
        return _View[ChargePermission](
            self._lock,
            self._state.charge_permissions,
            lambda permission: charge_permissions.render(self._state, permission, self.now()),
        )

    @property
    def charges(self) -> Mapping[str, JsonObject]:
        """Charges by id, as JSON (read-only)."""
        return _View[Charge](self._lock, self._state.charges, Charge.json)

    @property
    def refunds(self) -> Mapping[str, JsonObject]:
        """Refunds by id, as JSON (read-only)."""
        return _View[Refund](self._lock, self._state.refunds, Refund.json)

    @property
    def disputes(self) -> Mapping[str, JsonObject]:
        """Disputes by id, as JSON (read-only)."""
        return _View[disputes.Dispute](self._lock, self._state.disputes, disputes.Dispute.json)

    @property
    def requests(self) -> list[RecordedRequest]:
        """The requests received, oldest first (a copy).

        The newest only, within :attr:`max_recorded_requests` and :attr:`max_recorded_bytes`.
        """
        with self._lock:
            return self._requests.copy()

    @property
    def max_recorded_requests(self) -> int | None:
        """How many requests :attr:`requests` keeps (default 10 000; None: every one); the oldest go first."""
        return self._requests.max_requests

    @max_recorded_requests.setter
    def max_recorded_requests(self, value: int | None) -> None:
        with self._lock:
            self._requests.max_requests = value

    @property
    def max_recorded_bytes(self) -> int | None:
        """How many bytes of bodies, URLs and headers :attr:`requests` keeps (default 64 MiB; None: no bound).

        The newest request is kept whatever its size.
        """
        return self._requests.max_bytes

    @max_recorded_bytes.setter
    def max_recorded_bytes(self, value: int | None) -> None:
        with self._lock:
            self._requests.max_bytes = value

    # --- the core -------------------------------------------------------------------------

    def handle(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> Response:
        """Answer one HTTP request: ``(status, headers, body)``. Used by every transport.

        Never raises for any input: a bug of the simulator itself is a 500 answer with the
        service's error body (its traceback logged on the ``amazonpay.testing`` logger) and
        leaves the simulated state as it was. Raises :class:`SimulatedNetworkError` or
        :class:`SimulatedBrokenBody` only when an injected fault asks for a network error or a
        broken answer. The notifications the request's changes published are delivered before
        it returns (after the answer is made, outside the lock).
        """
        try:
            return self._handle(method, url, headers, body)
        finally:
            self._outbox.deliver_published()  # what the request changed, after its answer is made

    def _delivers_notifications(self) -> bool:
        """Whether answering a request may wait on a subscribed endpoint (the HTTP server then answers in a thread)."""
        return self._outbox.subscribed

    def _handle(self, method: str, url: str, headers: Mapping[str, str], body: bytes) -> Response:
        rid = request_id()
        with self._lock:
            now = self.now()
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
        if "/_sandbox/" in request.path:
            outcome = self._control(request)
            self._record(request, rid, outcome.status, outcome)
            return self._response(rid, now, outcome.status, outcome.body, outcome.headers)
        api_path = request.api_path
        matched = routes.match(request.method, api_path.operation_path) if api_path else None
        operation_id = matched.route.operation_id if matched and matched.route else None
        context = FaultContext(request.method, request.path, operation_id, request.headers, request.body)
        fault = self._take_fault(context)
        if fault is not None and not fault.after_processing:
            return self._fail(fault, request, rid, now, operation_id, processed=None)
        outcome = self._process(request, now, matched)
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

    def _process(self, request: IncomingRequest, now: datetime, matched: routes.Match | None) -> _Outcome:
        """Authenticate, check and run one API request routed to ``matched``: nothing changes unless all checks pass."""
        operation_id: str | None = None
        try:
            api_path = request.api_path
            if matched is not None and matched.route is None:
                raise SandboxError(
                    Reason.MethodNotAllowed,
                    f"{request.method} is not an operation of {api_path.operation_path if api_path else request.path}; "
                    f"it allows {', '.join(matched.allowed)}.",
                    headers={"allow": ", ".join(matched.allowed)},
                )
            window = DateWindow(self._settings.future_date_tolerance, self._settings.past_date_tolerance)
            key_id, api_path = authenticate(request, self._keys, now, window)
            authorization_tokens.check_auth_token(
                self._state, request.headers.get(authorization_tokens.AUTH_TOKEN_HEADER)
            )
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
            # A POST that may take a key (finalize) honours one when sent, as every POST does.
            if spec.requires_idempotency_key or (request.method == "POST" and IDEMPOTENCY_HEADER in request.headers):
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
                body=request_body(request.body, spec.request_schema, spec.requires_body, operation_id),
                simulation=simulation.strip() if simulation is not None else None,
                query=dict(request.query),
                origin=_origin(request.url),
            )
            handler = route.handler
            try:
                status, payload = self._apply(lambda: handler(self._state, call), now)
            except SandboxError as error:
                status, payload = error.status, error.body()
            encoded = encode(payload) if payload is not None else b""
            if key is not None:
                self._idempotency.store(key_id, key, idempotency.StoredResult(fingerprint, status, encoded))
            return _Outcome(status, encoded, operation_id)
        except SandboxError as error:
            return _Outcome.refused(error, operation_id)

    def _control(self, request: IncomingRequest) -> _Outcome:
        """The simulator's own endpoints (no signature): the buyer's approval, time, the SNS certificate, storage."""
        try:
            now = self.now()
            query = dict(request.query)
            moved = self._apply(
                lambda: storage.transfer(self._state, request.method, request.path, query, request.body, now), now
            )
            if moved is not None:
                status, headers, content = moved
                return _Outcome(status, content, headers=headers)
            approve = _APPROVE.search(request.path)
            if _SNS_CERTIFICATE.search(request.path):
                _allow(request, "GET")
                pem = self.sns.certificate_pem
                return _Outcome(200, pem, headers={"content-type": "application/x-pem-file"})
            if approve is None and not _ADVANCE.search(request.path):
                raise SandboxError(
                    Reason.ResourceNotFound, f"No sandbox control endpoint {request.method} {request.path}."
                )
            _allow(request, "POST")
            options = parse_json_object(request.body) if request.body.strip() else {}
            if approve is None:
                check(options, _ADVANCE_SCHEMA, "body")
                published = self._advance(_advance_by(options))
                return _Outcome(200, encode(_advanced(self.now(), published)))
            check(options, _approve_schema(), "body")
            session = self._approve(approve["id"], options.get("buyer"), options.get("shippingAddress"))
            token = self._state.buyer_tokens[approve["id"]]
            return _Outcome(200, encode(session), headers={BUYER_TOKEN_HEADER: token})
        except SandboxError as error:
            return _Outcome.refused(error)

    def _record(self, request: IncomingRequest, rid: str, status: int | None, outcome: _Outcome) -> None:
        if self._requests.max_requests == 0:  # python -m amazonpay.testing keeps none: no copy to make
            return
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
        headers = {"content-type": "application/json", "x-amz-pay-request-id": rid, "date": http_date(now)}
        headers.update({name.lower(): value for name, value in (extra or {}).items()})
        return status, headers, body


def _origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: where the URLs the simulator answers point."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"


@cache
def _dispute_enum(name: str) -> tuple[str, ...]:
    """The filing reasons or resolutions the spec's dispute requests accept (the hooks take the same)."""
    if name == "DisputeFilingReason":
        schema = (operation("createDispute").request_schema or {})["properties"]["filingReason"]
    else:
        schema = (operation("updateDispute").request_schema or {})["properties"]["statusDetails"]["properties"][
            "resolution"
        ]
    return tuple(schema["enum"])


def _allow(request: IncomingRequest, method: str) -> None:
    if request.method != method:
        raise SandboxError(
            Reason.MethodNotAllowed,
            f"{request.method} is not allowed on {request.path}; it allows {method}.",
            headers={"allow": method},
        )


# The control endpoint's body: how many whole seconds to move the simulated time.
_ADVANCE_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["seconds"],
    "properties": {"seconds": {"type": "integer"}},
}
_MAX_ADVANCE: Final = timedelta(days=3650)
#: The simulated clock stops short of the last Timestamp the spec can write (9999-12-31): what the
#: simulator derives from it (expiries of up to 180 days, 90 days of report retention, a
#: schedule's next period) stays a 4-digit year.
LATEST_TIME: Final = datetime(9999, 1, 1, tzinfo=UTC)


def _advance_by(options: Mapping[str, Any]) -> timedelta:
    seconds = options["seconds"]
    if not 0 <= seconds <= _MAX_ADVANCE.total_seconds():
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"Invalid value for parameter seconds: {seconds}; expected 0 to {int(_MAX_ADVANCE.total_seconds())}.",
        )
    return timedelta(seconds=seconds)


def _advanced(now: datetime, published: list[PublishedNotification]) -> dict[str, Any]:
    """The control endpoint's answer: the simulated time and what was published."""
    return {
        "now": timestamp(now),
        "notifications": [
            {
                "objectType": n.object_type,
                "objectId": n.object_id,
                "chargePermissionId": n.charge_permission_id,
                "state": n.state,
                "notificationId": n.notification_id,
            }
            for n in published
        ],
    }


@cache
def _approve_schema() -> dict[str, Any]:
    """The control endpoint's body: an optional buyer and the spec's request-side address.

    The address is the one Finalize Checkout Session confirms: Update Checkout Session takes
    none (the buyer picks it on Amazon's page, which this endpoint stands for).
    """
    finalize = operation("finalizeCheckoutSession").request_schema or {}
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
            "shippingAddress": finalize["properties"]["shippingAddress"],
        },
    }
