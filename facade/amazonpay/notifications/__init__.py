"""amazonpay.notifications: Amazon Pay instant payment notifications (IPN v2), verified.

Amazon Pay posts notifications through Amazon SNS as ``text/plain`` JSON. Hand the raw body to
a verifier, which checks it as AWS's own validators do (the certificate URL before any fetch,
then the SignatureVersion 1 or 2 RSA signature) and returns a typed message::

    from amazonpay.notifications import Notification, NotificationVerificationError, NotificationVerifier

    # Make one and keep it (it caches SNS certificates); pin the topics Amazon Pay sends from.
    verifier = NotificationVerifier(topic_arns=[IPN_TOPIC_ARN])

    def handle(body: bytes) -> int:
        try:
            message = verifier.verify(body)
        except NotificationVerificationError as error:
            return 503 if error.reason == "cert_fetch_failed" else 400  # 400: SNS does not retry
        if isinstance(message, Notification) and not already_seen(message.deduplication_key):
            queue_for_processing(message)  # fetch the object later: answer within seconds
        return 200

A notification says which object changed (``object_type``, ``object_id``), never how: get the
object to learn its state. SNS delivers at least once and redelivers with the same ids, so
deduplicate on ``deduplication_key`` (Amazon Pay's ``NotificationId``). Answer 200 quickly;
anything slow belongs after the answer. Subscription confirmations are returned, never
visited: ``verifier.confirm(message)`` does it when you decide to.

:func:`wsgi_receiver` and :func:`asgi_receiver` are ready-made endpoints with those answers.
"""

from .._codes import NotificationFailure
from .._errors import NotificationVerificationError
from ._fetch import AsyncFetcher, AsyncHttpxFetcher, Fetcher, FetchError, HttpxFetcher
from ._messages import (
    Message,
    Notification,
    NotificationType,
    ObjectType,
    SubscriptionConfirmation,
    UnsubscribeConfirmation,
)
from ._receiver import asgi_receiver, wsgi_receiver
from ._verifier import AsyncNotificationVerifier, NotificationVerifier

__all__ = [
    "AsyncFetcher",
    "AsyncHttpxFetcher",
    "AsyncNotificationVerifier",
    "FetchError",
    "Fetcher",
    "HttpxFetcher",
    "Message",
    "Notification",
    "NotificationFailure",
    "NotificationType",
    "NotificationVerificationError",
    "NotificationVerifier",
    "ObjectType",
    "SubscriptionConfirmation",
    "UnsubscribeConfirmation",
    "asgi_receiver",
    "wsgi_receiver",
]
