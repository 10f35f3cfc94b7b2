"""Ready-to-mount receivers: a WSGI and an ASGI callable that verify, hand over and answer.

What each answer tells SNS:

- 200: a verified notification, handed to ``on_notification``; or a verified subscription or
  unsubscribe confirmation, handed to ``on_subscription`` (or logged), never confirmed.
- 400: not JSON, not SNS, a refused certificate URL, a bad signature: SNS does not retry.
- 503: the certificate could not be fetched, our side and maybe transient: SNS retries.
- 500: a callback raised, so the message was not handled: SNS retries.
- 405, 411, 413: not POST, no Content-Length, a body over ``max_body_bytes``.

Answer quickly: SNS waits seconds, not minutes. ``on_notification`` should record the
notification (or queue it) and return; get the object it names afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Final
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from .._codes import NotificationFailure
from .._errors import NotificationVerificationError
from ._messages import Message, Notification, SubscriptionConfirmation, UnsubscribeConfirmation
from ._verifier import AsyncNotificationVerifier, NotificationVerifier

logger = logging.getLogger("amazonpay")

#: SNS messages are at most 256 KiB; an Amazon Pay notification is under 1 KiB.
DEFAULT_MAX_BODY_BYTES: Final = 512 * 1024
_PHRASES: Final = {
    200: "OK",
    400: "Bad Request",
    405: "Method Not Allowed",
    411: "Length Required",
    413: "Content Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}

Confirmation = SubscriptionConfirmation | UnsubscribeConfirmation
Answer = tuple[int, str]


def _refused(error: NotificationVerificationError) -> Answer:
    logger.warning("SNS message refused: %s", error)
    if error.reason is NotificationFailure.CERT_FETCH_FAILED:
        return 503, "certificate unavailable"
    return 400, str(error.reason)


def _unhandled(message: Confirmation) -> Answer:
    logger.warning(
        "SNS sent a %s for %s; nothing was done (pass on_subscription= to handle it)",
        type(message).__name__,
        message.topic_arn,
    )
    return 200, "surfaced"


def _handler_failed(message: Message) -> Answer:
    logger.exception("the handler of SNS message %s failed; answering 500 so SNS redelivers", message.sns_message_id)
    return 500, "not handled"


def _before_body(method: str, length: str | None, max_body_bytes: int) -> Answer | int:
    """The answer to a request refused before its body is read, or the number of bytes to read."""
    if method != "POST":
        return 405, "POST only"
    if length is None or not (length.isascii() and length.isdigit()):
        return 411, "Content-Length required"
    # Compared as text first: int() refuses more than 4300 digits, and the header is the sender's.
    digits = length.lstrip("0") or "0"
    if len(digits) > len(str(max_body_bytes)) or int(digits) > max_body_bytes:
        return 413, "body too large"
    return int(digits)


def wsgi_receiver(
    verifier: NotificationVerifier,
    on_notification: Callable[[Notification], object],
    *,
    on_subscription: Callable[[Confirmation], object] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> WSGIApplication:
    """A WSGI application for the endpoint you register in Seller Central (any path).

    ``on_notification`` gets each verified :class:`Notification`; deduplicate on its
    ``deduplication_key``, since SNS may deliver one twice. ::

        app = wsgi_receiver(NotificationVerifier(topic_arns=[IPN_TOPIC_ARN]), queue.put)
        wsgiref.simple_server.make_server("", 8080, app).serve_forever()
    """

    def answer(environ: WSGIEnvironment) -> Answer:
        length = _before_body(environ.get("REQUEST_METHOD", ""), environ.get("CONTENT_LENGTH"), max_body_bytes)
        if not isinstance(length, int):
            return length
        body = environ["wsgi.input"].read(length)
        try:
            message: Message = verifier.verify(body)
        except NotificationVerificationError as error:
            return _refused(error)
        if not isinstance(message, Notification) and on_subscription is None:
            return _unhandled(message)
        try:
            if isinstance(message, Notification):
                on_notification(message)
            elif on_subscription is not None:
                on_subscription(message)
        except Exception:
            return _handler_failed(message)
        return 200, "ok"

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        status, text = answer(environ)
        content = text.encode()
        headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(content)))]
        if status == 405:
            headers.append(("Allow", "POST"))
        start_response(f"{status} {_PHRASES[status]}", headers)
        return [content]

    return application


Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def asgi_receiver(
    verifier: AsyncNotificationVerifier,
    on_notification: Callable[[Notification], Awaitable[object]],
    *,
    on_subscription: Callable[[Confirmation], Awaitable[object]] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """The ASGI twin of :func:`wsgi_receiver` (async callbacks); mount it or serve it with any ASGI server."""

    async def read_body(receive: Receive) -> bytes | None:
        body = bytearray()
        while True:
            event = await receive()
            if event["type"] == "http.disconnect":
                return None
            body += event.get("body", b"")
            if len(body) > max_body_bytes:
                return None
            if not event.get("more_body", False):
                return bytes(body)

    async def answer(scope: Scope, receive: Receive) -> Answer:
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        length = _before_body(scope["method"], headers.get("content-length"), max_body_bytes)
        if not isinstance(length, int):
            return length
        body = await read_body(receive)
        if body is None:
            return 413, "body too large"
        try:
            message: Message = await verifier.verify(body)
        except NotificationVerificationError as error:
            return _refused(error)
        if not isinstance(message, Notification) and on_subscription is None:
            return _unhandled(message)
        try:
            if isinstance(message, Notification):
                await on_notification(message)
            elif on_subscription is not None:
                await on_subscription(message)
        except Exception:
            return _handler_failed(message)
        return 200, "ok"

    async def application(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        status, text = await answer(scope, receive)
        content = text.encode()
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(content)).encode())]
        if status == 405:
            headers.append((b"allow", b"POST"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": content})

    return application
