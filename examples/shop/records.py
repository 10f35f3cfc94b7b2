"""The shop's own records, in SQLite: orders, refunds, subscription charges, notifications seen.

What a merchant keeps beside Amazon Pay. The shop writes it, the scripts beside it
(``examples/*.py``) read and extend it, and the reconciliation job compares it with what Amazon
Pay says. Every write is one transaction, so a crash leaves each row whole or absent; what the
merchant did not record before a crash is found again through the idempotency keys below.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY,
    sku TEXT NOT NULL,
    kind TEXT NOT NULL,                     -- 'one-time' or 'subscription'
    amount TEXT NOT NULL,                   -- what the buyer agreed to pay (each cycle, for a subscription)
    currency TEXT NOT NULL,
    checkout_session_id TEXT NOT NULL UNIQUE,
    charge_permission_id TEXT,
    charge_id TEXT,                         -- the charge checkout made
    state TEXT NOT NULL,                    -- 'open'; once checkout ends, its charge's state, or 'failed'
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS refunds (
    refund_id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    state TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE    -- the key it was requested with: one refund per key
);
CREATE TABLE IF NOT EXISTS subscription_charges (
    order_id TEXT NOT NULL REFERENCES orders,
    period TEXT NOT NULL,                   -- the billing cycle, YYYY-MM
    charge_id TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (order_id, period)
);
CREATE TABLE IF NOT EXISTS notifications (
    deduplication_key TEXT PRIMARY KEY,     -- Amazon Pay's NotificationId: SNS redelivers with the same one
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    state TEXT,                             -- the object's state once fetched; NULL until then
    received TEXT NOT NULL,
    raw TEXT NOT NULL                       -- the SNS body, to verify again after a restart
);
"""


def idempotency_key(*parts: str) -> str:
    """A key derived from the merchant's own records: the same operation always gets the same key.

    Amazon Pay keys are 1 to 32 characters of ``[A-Za-z0-9_-]``; a hash of the parts fits and
    keeps an id's length or characters out of the way. A re-run of the same operation sends the
    same key, so Amazon Pay answers with the first call's result instead of moving money again.
    """
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Order:
    """One order as the shop recorded it."""

    order_id: str
    sku: str
    kind: str
    amount: str
    currency: str
    checkout_session_id: str
    charge_permission_id: str | None
    charge_id: str | None
    state: str
    created: str


@dataclass(frozen=True)
class Refund:
    """One refund as the shop recorded it."""

    refund_id: str
    order_id: str
    amount: str
    currency: str
    state: str
    idempotency_key: str


@dataclass(frozen=True)
class SubscriptionCharge:
    """One billing cycle of a subscription, charged."""

    order_id: str
    period: str
    charge_id: str
    amount: str
    currency: str
    state: str


class Records:
    """The shop's database (one SQLite file; ``:memory:`` for a throwaway one)."""

    def __init__(self, path: str | Path) -> None:
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- orders -----------------------------------------------------------------------------

    def open_order(self, checkout_session_id: str, sku: str, kind: str, amount: str, currency: str) -> Order:
        """The order of a Checkout Session: created on the buyer's first return, the same one after."""
        with self._transaction() as db:
            row = db.execute("SELECT * FROM orders WHERE checkout_session_id = ?", (checkout_session_id,)).fetchone()
            if row is None:
                count = db.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
                order_id = f"order-{count + 1:05d}"
                db.execute(
                    "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 'open', ?)",
                    (order_id, sku, kind, amount, currency, checkout_session_id, _now()),
                )
                row = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        return Order(**row)

    def order(self, order_id: str) -> Order | None:
        """The order ``order_id``, or None."""
        row = self._db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        return None if row is None else Order(**row)

    def order_of_session(self, checkout_session_id: str) -> Order | None:
        """The order of a Checkout Session, or None."""
        row = self._db.execute("SELECT * FROM orders WHERE checkout_session_id = ?", (checkout_session_id,)).fetchone()
        return None if row is None else Order(**row)

    def orders(self, kind: str | None = None) -> list[Order]:
        """Every order (of ``kind``), oldest first."""
        query, args = "SELECT * FROM orders", tuple[str, ...]()
        if kind is not None:
            query, args = query + " WHERE kind = ?", (kind,)
        return [Order(**row) for row in self._db.execute(query + " ORDER BY created, order_id", args)]

    def settle_order(
        self, order_id: str, state: str, charge_permission_id: str | None = None, charge_id: str | None = None
    ) -> None:
        """Record how checkout ended: the order's state and what Amazon Pay made for it."""
        with self._transaction() as db:
            db.execute(
                "UPDATE orders SET state = ?, charge_permission_id = COALESCE(?, charge_permission_id), "
                "charge_id = COALESCE(?, charge_id) WHERE order_id = ?",
                (state, charge_permission_id, charge_id, order_id),
            )

    # --- refunds ----------------------------------------------------------------------------

    def record_refund(self, refund: Refund) -> None:
        """Record a refund (again: its state is updated)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO refunds VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (refund_id) DO UPDATE SET state = excluded.state",
                (
                    refund.refund_id,
                    refund.order_id,
                    refund.amount,
                    refund.currency,
                    refund.state,
                    refund.idempotency_key,
                ),
            )

    def refunds(self, order_id: str | None = None) -> list[Refund]:
        """Every refund recorded (of ``order_id``)."""
        query, args = "SELECT * FROM refunds", tuple[str, ...]()
        if order_id is not None:
            query, args = query + " WHERE order_id = ?", (order_id,)
        return [Refund(**row) for row in self._db.execute(query + " ORDER BY rowid", args)]

    # --- subscriptions ----------------------------------------------------------------------

    def record_subscription_charge(self, charge: SubscriptionCharge) -> None:
        """Record a billing cycle's charge (again: its state is updated)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO subscription_charges VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (order_id, period) DO UPDATE SET state = excluded.state",
                (charge.order_id, charge.period, charge.charge_id, charge.amount, charge.currency, charge.state),
            )

    def subscription_charges(self, order_id: str | None = None) -> list[SubscriptionCharge]:
        """Every billing cycle charged (of ``order_id``)."""
        query, args = "SELECT * FROM subscription_charges", tuple[str, ...]()
        if order_id is not None:
            query, args = query + " WHERE order_id = ?", (order_id,)
        return [SubscriptionCharge(**row) for row in self._db.execute(query + " ORDER BY period, order_id", args)]

    # --- notifications ----------------------------------------------------------------------

    def claim_notification(self, deduplication_key: str, object_type: str, object_id: str, raw: str) -> bool:
        """Note a notification as received; False if it was already (a redelivery or a replay)."""
        with self._transaction() as db:
            inserted = db.execute(
                "INSERT INTO notifications VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT DO NOTHING",
                (deduplication_key, object_type, object_id, _now(), raw),
            )
            return inserted.rowcount == 1

    def unfinished_notifications(self) -> list[str]:
        """The bodies of notifications received but whose object was never fetched (a crash, a failed GET)."""
        return [row[0] for row in self._db.execute("SELECT raw FROM notifications WHERE state IS NULL ORDER BY rowid")]

    def release_notification(self, deduplication_key: str) -> None:
        """Forget a claimed notification whose handling failed, so that its redelivery is handled."""
        with self._transaction() as db:
            db.execute("DELETE FROM notifications WHERE deduplication_key = ?", (deduplication_key,))

    def record_notified_state(self, deduplication_key: str, object_id: str, state: str) -> None:
        """The state of the object a notification named, as fetched: on the notification and the record it updates.

        One transaction: a crash leaves the notification unfinished, to be handled again.
        """
        with self._transaction() as db:
            db.execute("UPDATE notifications SET state = ? WHERE deduplication_key = ?", (state, deduplication_key))
            db.execute("UPDATE orders SET state = ? WHERE charge_id = ? AND state != 'open'", (state, object_id))
            db.execute("UPDATE subscription_charges SET state = ? WHERE charge_id = ?", (state, object_id))
            db.execute("UPDATE refunds SET state = ? WHERE refund_id = ?", (state, object_id))

    def notifications(self) -> list[dict[str, str | None]]:
        """Every notification received, oldest first (without its body)."""
        query = "SELECT deduplication_key, object_type, object_id, state, received FROM notifications"
        return [dict(row) for row in self._db.execute(query + " ORDER BY rowid")]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
