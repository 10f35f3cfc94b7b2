"""Instant payment notifications: verified, claimed once, answered at once; the object fetched after.

The shop mounts :func:`receiver` at ``/amazonpay/ipn``; ``examples/notification_receiver.py``
serves the same application on its own. What it follows (README, "Instant payment
notifications"): verify the SNS signature with the library, pinned to the topics Amazon Pay
sends from; deduplicate on ``deduplication_key``, since SNS delivers at least once; answer 200
within seconds and get the object the notification names afterwards (a notification carries no
state), in a worker thread; record the state the object shows.
"""

from __future__ import annotations

import logging
import queue
import threading
from wsgiref.types import WSGIApplication

import httpx

from amazonpay import AmazonPay, AmazonPayError
from amazonpay.notifications import (
    Fetcher,
    Notification,
    NotificationVerificationError,
    NotificationVerifier,
    wsgi_receiver,
)

from .records import Records

logger = logging.getLogger("shop.notifications")


def verifier(topic_arns: list[str], certificate_url: str | None = None) -> NotificationVerifier:
    """A verifier pinned to ``topic_arns``; it fetches SNS's signing certificate from where the message says.

    ``certificate_url`` is for the simulator only: the certificate its messages are signed with,
    served at ``<simulator>/_sandbox/sns/certificate`` (the messages name an SNS URL the
    simulator cannot serve). The signature is checked the same way either way.
    """
    fetcher: Fetcher | None = None
    if certificate_url is not None:
        fixed = certificate_url

        def fetcher(url: str, /) -> bytes:
            return httpx.get(fixed, timeout=10).raise_for_status().content

    return NotificationVerifier(topic_arns=topic_arns, fetcher=fetcher)


class Worker:
    """Fetches the object of each claimed notification and records its state, one at a time, in a thread."""

    def __init__(self, pay: AmazonPay, records: Records, verify: NotificationVerifier) -> None:
        self._pay = pay
        self._records = records
        self._queue: queue.Queue[Notification] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="ipn-worker", daemon=True)
        self._thread.start()
        # What a crash (or a failed GET) left unfinished: handled again, verified again.
        for raw in records.unfinished_notifications():
            try:
                message = verify.verify(raw)
            except NotificationVerificationError as error:
                logger.warning("an unfinished notification could not be verified again: %s", error)
                continue
            if isinstance(message, Notification):
                self._queue.put(message)

    def receive(self, message: Notification) -> None:
        """``on_notification``: claim it (a redelivery stops here) and queue it; nothing slow before the answer."""
        claimed = self._records.claim_notification(
            message.deduplication_key, str(message.object_type), message.object_id, message.raw
        )
        if claimed:
            self._queue.put(message)
        else:
            print(f"notification {message.deduplication_key}: seen before, skipped", flush=True)

    def drain(self) -> None:
        """Wait until every queued notification is handled (tests, and a clean shutdown)."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            message = self._queue.get()
            try:
                self._handle(message)
            finally:
                self._queue.task_done()

    def _handle(self, message: Notification) -> None:
        try:
            obj = self._pay.notifications.fetch(message)
        except AmazonPayError as error:
            # Left unfinished in the records: the next start (or SNS's redelivery after a restart) retries it.
            logger.warning("could not get %s %s: %s", message.object_type, message.object_id, error)
            return
        # A Dispute's answer may leave statusDetails out (Unset, falsy); every other object has it.
        state = str(obj.status_details.state) if obj.status_details else "unknown"
        self._records.record_notified_state(message.deduplication_key, message.object_id, state)
        print(
            f"notification {message.deduplication_key}: {message.object_type} {message.object_id} is {state}",
            flush=True,
        )


def receiver(worker: Worker, verify: NotificationVerifier) -> WSGIApplication:
    """The WSGI endpoint to register in Seller Central: the library's receiver handing over to ``worker``."""
    return wsgi_receiver(verify, worker.receive)
