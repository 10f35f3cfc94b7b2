"""Instant payment notifications from the simulator: published with each state change, signed like SNS.

Every change of a charge permission's, charge's or refund's state stands or falls with its
notification: :func:`state_changes` reads the changes from the transaction's journal, and the
sandbox publishes them at the end of that same transaction, so a change that is undone has no
notification and a change that stands has exactly one (a new object is born in its state; it
has none). Delivery comes after the change is committed and outside the simulator's lock: a
failed delivery is recorded, as SNS would record it before retrying, and never undoes a state.

Bodies are signed by an :class:`SnsSigner` made on first use (it makes two RSA keys), so a
sandbox that nobody listens to signs nothing.
"""

from __future__ import annotations

import ipaddress
import logging
import ssl
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Final, Protocol, cast
from urllib.parse import urlsplit

import httpx

from ._journal import Journal
from ._sns import SnsSigner

logger = logging.getLogger("amazonpay.testing")

#: A subscribed endpoint: a callable given each raw SNS body (returning an HTTP status, or
#: None for 200), or the URL of a loopback HTTP(S) endpoint the body is POSTed to.
Endpoint = Callable[[str], int | None] | str
DEFAULT_TIMEOUT: Final = 5.0
_USER_AGENT: Final = "Amazon Simple Notification Service Agent"


@dataclass(frozen=True)
class StateChange:
    """One object whose state a transaction changed."""

    object_type: str
    object_id: str
    charge_permission_id: str
    state: str


class _Notified(Protocol):
    """What a notified object has: its ObjectType, id, charge permission and state."""

    OBJECT_TYPE: ClassVar[str]

    @property
    def id(self) -> str: ...

    @property
    def permission_id(self) -> str: ...

    @property
    def status(self) -> Any: ...  # with a ``state``


def _change(target: object) -> StateChange:
    notified = cast(_Notified, target)
    return StateChange(notified.OBJECT_TYPE, notified.id, notified.permission_id, notified.status.state)


def state_changes(journal: Journal) -> list[StateChange]:
    """The notified objects (those with an ``OBJECT_TYPE``) whose state the journal's transaction changed.

    Charge permissions, charges, refunds and disputes; a new object has no change, except one
    whose birth is the news (``NOTIFIED_AT_BIRTH``: a filed chargeback).
    """
    changes = []
    for target, before in journal.changed():
        if getattr(target, "OBJECT_TYPE", None) is None or "status" not in before:
            continue
        change = _change(target)
        if before["status"].state != change.state:
            changes.append(change)
    changes += [_change(born) for born in journal.created() if getattr(born, "NOTIFIED_AT_BIRTH", False)]
    return changes


@dataclass(frozen=True)
class NotificationDelivery:
    """One attempt to deliver a notification to a subscribed endpoint.

    ``status`` is the endpoint's HTTP status (a callback's return value, 200 for None), or
    None when there was no answer (the callback raised, the connection failed); ``error`` then
    says why. Only a 2xx counts as delivered, as for SNS.
    """

    endpoint: str
    status: int | None
    error: str | None = None

    @property
    def delivered(self) -> bool:
        """Whether the endpoint accepted it (2xx)."""
        return self.status is not None and 200 <= self.status < 300


class PublishedNotification:
    """A notification the simulator published when an object's state changed.

    The notification itself names the object, never its state (get the object to learn it);
    ``state`` is what the object changed to, for assertions. ``body`` is the SNS Notification
    as an endpoint receives it, signed by :attr:`AmazonPaySandbox.sns` (verify it with
    ``NotificationVerifier(fetcher=sandbox.sns.fetch)``).
    """

    def __init__(self, change: StateChange, published: datetime, outbox: Outbox) -> None:
        self.object_type = change.object_type
        self.object_id = change.object_id
        self.charge_permission_id = change.charge_permission_id
        self.state = change.state
        self.published = published
        self.notification_id = str(uuid.uuid4())
        self.message_id = str(uuid.uuid4())
        self._outbox = outbox
        self._body: str | None = None
        self._deliveries: list[NotificationDelivery] = []

    @property
    def body(self) -> str:
        """The signed SNS Notification body (signed on first use, then the same every time)."""
        return self._outbox.body_of(self)

    @property
    def deliveries(self) -> tuple[NotificationDelivery, ...]:
        """Every delivery attempt so far, oldest first."""
        with self._outbox.lock:
            return tuple(self._deliveries)

    def __repr__(self) -> str:
        return (
            f"PublishedNotification({self.object_type} {self.object_id} -> {self.state}, "
            f"notification_id={self.notification_id!r}, published={self.published.isoformat()})"
        )


_Send = Callable[[PublishedNotification, str], NotificationDelivery]  # (notification, subscription ARN)


@dataclass(frozen=True)
class _Subscription:
    endpoint: Endpoint
    name: str
    arn: str
    send: _Send


class Outbox:
    """The notifications a sandbox published, its subscriptions, and delivery."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self.lock = threading.RLock()
        self._clock = clock
        self._signer: SnsSigner | None = None
        self._published: list[PublishedNotification] = []
        self._undelivered: list[PublishedNotification] = []
        self._subscriptions: list[_Subscription] = []

    @property
    def signer(self) -> SnsSigner:
        """The SNS stand-in that signs the bodies and serves its certificate (made on first use)."""
        with self.lock:
            if self._signer is None:
                # Valid from a day before the earlier of real and simulated time, so verifiers on
                # either clock accept it, however the simulated time has been moved.
                self._signer = SnsSigner(clock=lambda: min(datetime.now(UTC), self._clock()))
            return self._signer

    @property
    def published(self) -> list[PublishedNotification]:
        """Every notification published so far, oldest first (a copy)."""
        with self.lock:
            return list(self._published)

    def publish(self, changes: Iterable[StateChange], now: datetime) -> list[PublishedNotification]:
        """Publish one notification per change; called as the last step of the change's transaction."""
        made = [PublishedNotification(change, now, self) for change in changes]
        with self.lock:
            self._published.extend(made)
            self._undelivered.extend(made)
        return made

    def body_of(self, notification: PublishedNotification) -> str:
        """The notification's signed SNS body, made once."""
        with self.lock:
            if notification._body is None:
                notification._body = self.signer.notification(
                    object_type=notification.object_type,
                    object_id=notification.object_id,
                    charge_permission_id=notification.charge_permission_id,
                    notification_id=notification.notification_id,
                    message_id=notification.message_id,
                    timestamp=notification.published,
                )
            return notification._body

    # --- subscriptions ----------------------------------------------------------------------

    def subscribe(self, endpoint: Endpoint, *, timeout: float, verify: ssl.SSLContext | None) -> None:
        """Deliver every notification published from now on to ``endpoint`` too."""
        if isinstance(endpoint, str):
            send = _poster(endpoint, timeout, verify)
            name = endpoint
        elif callable(endpoint):
            send = _caller(endpoint)
            name = getattr(endpoint, "__qualname__", None) or repr(endpoint)
        else:
            raise TypeError(f"subscribe takes a callable or a loopback URL, not {type(endpoint).__name__}")
        with self.lock:
            if any(subscription.endpoint == endpoint for subscription in self._subscriptions):
                raise ValueError(f"{name} is already subscribed")
            arn = f"{self.signer.topic_arn}:{uuid.uuid4()}"
            self._subscriptions.append(_Subscription(endpoint, name, arn, send))

    def unsubscribe(self, endpoint: Endpoint) -> None:
        """Stop delivering to ``endpoint``; ``ValueError`` if it is not subscribed."""
        with self.lock:
            for subscription in self._subscriptions:
                if subscription.endpoint == endpoint:
                    self._subscriptions.remove(subscription)
                    return
        raise ValueError(f"{endpoint!r} is not subscribed")

    # --- delivery ---------------------------------------------------------------------------

    @property
    def subscribed(self) -> bool:
        """Whether any endpoint is subscribed: delivering may then wait on it."""
        return bool(self._subscriptions)

    def deliver_published(self) -> None:
        """Deliver what was published and not yet delivered; call it holding no sandbox lock."""
        with self.lock:
            pending, self._undelivered = self._undelivered, []
            subscriptions = list(self._subscriptions)
        if not subscriptions:
            return
        for notification in pending:
            self._deliver(notification, subscriptions)

    def redeliver(self, notification: PublishedNotification) -> list[NotificationDelivery]:
        """Deliver ``notification`` again, same ids and body, to every subscribed endpoint."""
        with self.lock:
            if notification not in self._published:
                raise ValueError("redeliver takes a notification this sandbox published")
            subscriptions = list(self._subscriptions)
        return self._deliver(notification, subscriptions)

    def _deliver(
        self, notification: PublishedNotification, subscriptions: list[_Subscription]
    ) -> list[NotificationDelivery]:
        results = []
        for subscription in subscriptions:
            try:
                delivery = subscription.send(notification, subscription.arn)
            except Exception as exc:  # a bug of the simulator's own: recorded, never raised into the request
                logger.exception("amazonpay.testing failed to deliver notification %s", notification.notification_id)
                delivery = NotificationDelivery(subscription.name, None, f"the simulator failed: {type(exc).__name__}")
            if not delivery.delivered:
                logger.warning(
                    "amazonpay.testing: notification %s (%s %s) not delivered to %s: %s",
                    notification.notification_id,
                    notification.object_type,
                    notification.object_id,
                    subscription.name,
                    delivery.error or f"answered {delivery.status}",
                )
            with self.lock:
                notification._deliveries.append(delivery)
            results.append(delivery)
        return results


def _caller(callback: Callable[[str], int | None]) -> _Send:
    name = getattr(callback, "__qualname__", None) or repr(callback)

    def send(notification: PublishedNotification, subscription_arn: str) -> NotificationDelivery:
        try:
            answer = callback(notification.body)
        except Exception as exc:  # the endpoint failed: SNS sees a 5xx and retries
            logger.warning("amazonpay.testing: the notification callback %s raised", name, exc_info=True)
            return NotificationDelivery(name, None, f"{type(exc).__name__}: {str(exc)[:200]}")
        if answer is None:
            return NotificationDelivery(name, 200)
        if isinstance(answer, bool) or not isinstance(answer, int):
            return NotificationDelivery(name, None, f"the callback returned {answer!r:.60}, not an HTTP status or None")
        return NotificationDelivery(name, answer)

    return send


def _check_loopback(url: str) -> None:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if parts.scheme not in ("http", "https") or not loopback or parts.username or parts.password:
        raise ValueError(
            f"notifications are POSTed to loopback http(s) URLs only (localhost, 127.0.0.1, [::1]), not {url[:100]!r}"
        )


def _poster(url: str, timeout: float, verify: ssl.SSLContext | None) -> _Send:
    """POST the body as SNS does (text/plain, its x-amz-sns-* headers), without following redirects."""
    _check_loopback(url)
    if not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")

    def send(notification: PublishedNotification, subscription_arn: str) -> NotificationDelivery:
        body = notification.body
        signer = notification._outbox.signer
        headers = {
            "content-type": "text/plain; charset=UTF-8",
            "user-agent": _USER_AGENT,
            "x-amz-sns-message-type": "Notification",
            "x-amz-sns-message-id": notification.message_id,
            "x-amz-sns-topic-arn": signer.topic_arn,
            "x-amz-sns-subscription-arn": subscription_arn,
        }
        try:
            with httpx.Client(
                timeout=timeout, verify=verify if verify is not None else True, follow_redirects=False, trust_env=False
            ) as client:
                response = client.post(url, content=body.encode("utf-8"), headers=headers)
        except httpx.HTTPError as exc:
            return NotificationDelivery(url, None, f"{type(exc).__name__}: {str(exc)[:200]}")
        return NotificationDelivery(url, response.status_code)

    return send
