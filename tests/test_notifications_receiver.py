"""The ready-made receivers, driven over real HTTP (WSGI on loopback) and through httpx's ASGI
transport: the answer SNS gets for each kind of request, and what reaches the callbacks."""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import httpx
import pytest

from amazonpay.notifications import (
    AsyncNotificationVerifier,
    Notification,
    NotificationVerifier,
    SubscriptionConfirmation,
    UnsubscribeConfirmation,
    asgi_receiver,
    wsgi_receiver,
)
from amazonpay.testing import SnsSigner
from tests.support.sns import NOW, AsyncSpy, Spy, signer, watch_sns_secrets

Confirmation = SubscriptionConfirmation | UnsubscribeConfirmation


@pytest.fixture(autouse=True)
def _sns_secrets(secrets_stay_secret: None, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    watch_sns_secrets(request, monkeypatch)


class Inbox:
    """What the merchant's callbacks received, deduplicated as the docs advise."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.handled: list[Notification] = []
        self.deliveries = 0
        self.confirmations: list[Confirmation] = []
        self.fail = False

    def on_notification(self, notification: Notification) -> None:
        self.deliveries += 1
        if self.fail:
            raise RuntimeError("the database is down")
        if notification.deduplication_key not in self.seen:
            self.seen.add(notification.deduplication_key)
            self.handled.append(notification)

    def on_subscription(self, message: Confirmation) -> None:
        self.confirmations.append(message)

    async def on_notification_async(self, notification: Notification) -> None:
        self.on_notification(notification)

    async def on_subscription_async(self, message: Confirmation) -> None:
        self.on_subscription(message)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def inbox() -> Inbox:
    return Inbox()


@pytest.fixture
def spy() -> Spy:
    return Spy()


def serve(app: Any) -> Iterator[str]:
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/amazon-pay/ipn"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def endpoint(inbox: Inbox, spy: Spy) -> Iterator[str]:
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW)
    yield from serve(
        wsgi_receiver(verifier, inbox.on_notification, on_subscription=inbox.on_subscription, max_body_bytes=4096)
    )


def post(endpoint: str, body: str | bytes, **options: Any) -> httpx.Response:
    headers = {"content-type": "text/plain; charset=UTF-8", "x-amz-sns-message-type": "Notification"}
    return httpx.post(endpoint, content=body, headers=headers, timeout=10, **options)


# --- WSGI over real HTTP ----------------------------------------------------------------------
def test_a_verified_notification_is_handed_over_and_answered_200(endpoint: str, inbox: Inbox) -> None:
    response = post(endpoint, signer().notification(object_type="REFUND", object_id="S01-R1"))

    assert response.status_code == 200
    assert [(n.object_type, n.object_id) for n in inbox.handled] == [("REFUND", "S01-R1")]


def test_a_redelivery_is_answered_200_and_handled_once(endpoint: str, inbox: Inbox) -> None:
    body = signer().notification(notification_id="n-42")

    statuses = [post(endpoint, body).status_code for _ in range(3)]

    assert statuses == [200, 200, 200]
    assert inbox.deliveries == 3
    assert [n.notification_id for n in inbox.handled] == ["n-42"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        pytest.param("not json", "bad_json", id="not JSON"),
        pytest.param(json.dumps({"Type": "Notification"}), "missing_key", id="not SNS"),
        pytest.param(
            json.dumps(
                {**json.loads(signer().notification()), "Message": '{"ObjectType":"CHARGE","ObjectId":"forged"}'}
            ),
            "bad_signature",
            id="forged",
        ),
        pytest.param(
            signer().sign(json.loads(signer().notification()), cert_url="https://evil.example/x.pem"),
            "bad_cert_url",
            id="hostile certificate URL",
        ),
    ],
)
def test_a_refused_message_is_answered_400_and_never_handed_over(
    endpoint: str, inbox: Inbox, spy: Spy, body: str, reason: str
) -> None:
    response = post(endpoint, body)

    assert (response.status_code, response.text) == (400, reason)
    assert inbox.deliveries == 0
    if reason != "bad_signature":
        assert spy.calls == []


def test_an_unreachable_certificate_is_answered_503_so_sns_retries(endpoint: str, inbox: Inbox) -> None:
    other = SnsSigner(clock=lambda: NOW)  # its certificate is served nowhere here

    response = post(endpoint, other.notification())

    assert response.status_code == 503
    assert inbox.deliveries == 0


def test_a_failing_handler_is_answered_500_so_sns_retries(
    endpoint: str, inbox: Inbox, caplog: pytest.LogCaptureFixture
) -> None:
    inbox.fail = True
    response = post(endpoint, signer().notification())

    assert response.status_code == 500
    assert "SNS redelivers" in caplog.text
    assert inbox.handled == []


@pytest.mark.parametrize("kind", ["subscription_confirmation", "unsubscribe_confirmation"])
def test_a_confirmation_is_surfaced_and_never_visited(endpoint: str, inbox: Inbox, spy: Spy, kind: str) -> None:
    response = post(endpoint, getattr(signer(), kind)())

    assert response.status_code == 200
    assert len(inbox.confirmations) == 1
    assert spy.calls == [signer().cert_url]  # the certificate, not the SubscribeURL
    assert inbox.confirmations[0].token not in signer().confirmed


def test_without_on_subscription_a_confirmation_is_logged(spy: Spy, caplog: pytest.LogCaptureFixture) -> None:
    app = wsgi_receiver(NotificationVerifier(fetcher=spy, clock=lambda: NOW), lambda notification: None)
    for endpoint in serve(app):
        response = post(endpoint, signer().subscription_confirmation())

    assert response.status_code == 200
    assert "SubscriptionConfirmation" in caplog.text
    assert "nothing was done" in caplog.text


def test_only_post_is_accepted(endpoint: str) -> None:
    response = httpx.get(endpoint)
    assert (response.status_code, response.headers["allow"]) == (405, "POST")


def test_a_body_over_the_cap_is_answered_413_unread(endpoint: str, spy: Spy) -> None:
    response = post(endpoint, "x" * 5000)
    assert response.status_code == 413
    assert spy.calls == []


def test_a_body_without_a_length_is_answered_411(endpoint: str) -> None:
    response = post(endpoint, iter([signer().notification().encode()]))  # chunked
    assert response.status_code == 411


# --- ASGI through httpx's transport ---------------------------------------------------------
@pytest.fixture
def asgi_client(inbox: Inbox) -> httpx.AsyncClient:
    verifier = AsyncNotificationVerifier(fetcher=AsyncSpy(), clock=lambda: NOW)
    app = asgi_receiver(
        verifier, inbox.on_notification_async, on_subscription=inbox.on_subscription_async, max_body_bytes=4096
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://shop.example")


@pytest.mark.anyio
async def test_the_asgi_receiver_answers_as_the_wsgi_one(asgi_client: httpx.AsyncClient, inbox: Inbox) -> None:
    notification = signer().notification(notification_id="n-7")
    forged = json.dumps({**json.loads(notification), "MessageId": "forged"})
    async with asgi_client as client:
        statuses = {
            "notification": (await client.post("/ipn", content=notification)).status_code,
            "again": (await client.post("/ipn", content=notification)).status_code,
            "forged": (await client.post("/ipn", content=forged)).status_code,
            "not json": (await client.post("/ipn", content="{")).status_code,
            "subscription": (await client.post("/ipn", content=signer().subscription_confirmation())).status_code,
            "unreachable certificate": (
                await client.post("/ipn", content=SnsSigner(clock=lambda: NOW).notification())
            ).status_code,
            "too large": (await client.post("/ipn", content="x" * 5000)).status_code,
            "GET": (await client.get("/ipn")).status_code,
        }
        inbox.fail = True
        statuses["handler fails"] = (await client.post("/ipn", content=signer().notification())).status_code

    assert statuses == {
        "notification": 200,
        "again": 200,
        "forged": 400,
        "not json": 400,
        "subscription": 200,
        "unreachable certificate": 503,
        "too large": 413,
        "GET": 405,
        "handler fails": 500,
    }
    assert [n.notification_id for n in inbox.handled] == ["n-7"]
    assert [type(c) for c in inbox.confirmations] == [SubscriptionConfirmation]


@pytest.mark.anyio
async def test_the_asgi_receiver_completes_the_lifespan(inbox: Inbox) -> None:
    app = asgi_receiver(AsyncNotificationVerifier(fetcher=AsyncSpy()), inbox.on_notification_async)
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(event: dict[str, Any]) -> None:
        sent.append(event)

    await app({"type": "lifespan"}, receive, send)

    assert [event["type"] for event in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_refusals_are_logged_with_their_reason(endpoint: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="amazonpay")
    post(endpoint, "{}")
    assert "SNS message refused: missing_key" in caplog.text


# --- Content-Length as the sender wrote it (issue 19, finding 9) ------------------------------
#: Digits int() refuses to read (more than 4 300), and lengths that are large or merely padded.
LENGTHS = [("9" * 5000, 413), ("0" * 5000 + "12", None), ("1" + "0" * 30, 413), ("4097", 413)]


def raw_post(endpoint: str, length: str, body: bytes) -> int:
    """The status of a POST whose Content-Length is sent exactly as given (httpx would compute it)."""
    url = httpx.URL(endpoint)
    with socket.create_connection((url.host, url.port or 80), timeout=10) as connection:
        connection.sendall(
            f"POST {url.path} HTTP/1.0\r\nHost: {url.host}\r\nContent-Length: {length}\r\n\r\n".encode() + body
        )
        connection.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(("length", "expected"), LENGTHS, ids=["5000 nines", "zero-padded 12", "10**30", "cap+1"])
def test_the_wsgi_receiver_answers_any_content_length_without_crashing(
    endpoint: str, spy: Spy, length: str, expected: int | None
) -> None:
    body = b"{not json}!!"  # 12 bytes
    status = raw_post(endpoint, length, body)

    assert status == (expected or 400)  # a readable length reads the body, which is refused as not JSON
    assert spy.calls == []


@pytest.mark.anyio
@pytest.mark.parametrize(("length", "expected"), LENGTHS, ids=["5000 nines", "zero-padded 12", "10**30", "cap+1"])
async def test_the_asgi_receiver_answers_any_content_length_without_crashing(
    inbox: Inbox, length: str, expected: int | None
) -> None:
    spy = AsyncSpy()
    app = asgi_receiver(AsyncNotificationVerifier(fetcher=spy), inbox.on_notification_async, max_body_bytes=4096)
    incoming = [{"type": "http.request", "body": b"{not json}!!", "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(event: dict[str, Any]) -> None:
        sent.append(event)

    scope = {"type": "http", "method": "POST", "path": "/ipn", "headers": [(b"content-length", length.encode())]}
    await app(scope, receive, send)

    assert sent[0]["status"] == (expected or 400)
    assert spy.calls == []
    assert inbox.deliveries == 0
