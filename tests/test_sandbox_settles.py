"""The simulator settles later and emits: refunds, pending authorizations and late captures settle
on a clock the test moves, and every change of state publishes a notification signed like SNS,
verified here by the library's verifier through the simulator's own certificate fetcher."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

import amazonpay.testing._sandbox as sandbox_module
import amazonpay.testing._time as simulated_time
from amazonpay import AmazonPay, AmazonPayError, UnprocessableError
from amazonpay.notifications import Notification, NotificationVerifier, ObjectType
from amazonpay.testing import AmazonPaySandbox, PublishedNotification
from amazonpay.testing._refunds import Refund
from amazonpay.testing._state import State
from tests.support.operations import STORE_ID, money
from tests.support.shop import Shop
from tests.support.spec import simulation_codes

DAY = timedelta(days=1)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def shop() -> Shop:
    return Shop()


def verified(sandbox: AmazonPaySandbox, notification: PublishedNotification) -> Notification:
    """The notification's body as the library's verifier reads it (certificate from the simulator)."""
    message = NotificationVerifier(fetcher=sandbox.sns.fetch).verify(notification.body)
    assert isinstance(message, Notification)
    return message


def published(sandbox: AmazonPaySandbox) -> list[tuple[str, str, str]]:
    return [(n.object_type, n.object_id, n.state) for n in sandbox.notifications]


# --- refunds ----------------------------------------------------------------------------------


def test_a_refund_settles_refunded_and_its_notification_verifies(shop: Shop) -> None:
    refund = shop.refund("2.50")
    assert refund.status_details.state == "RefundInitiated"
    assert shop.sandbox.notifications == []  # a new object is born in its state: nothing changed yet

    settled = shop.pay.refunds.get(refund.refund_id)

    assert settled.status_details.state == "Refunded"
    assert shop.pay.charges.get(refund.charge_id).refunded_amount.amount == "2.50"
    [notification] = shop.sandbox.notifications
    assert (notification.object_type, notification.object_id, notification.state) == (
        "REFUND",
        refund.refund_id,
        "Refunded",
    )
    message = verified(shop.sandbox, notification)
    assert message.object_type is ObjectType.REFUND
    assert message.object_id == refund.refund_id
    assert message.charge_permission_id == shop.pay.charges.get(refund.charge_id).charge_permission_id
    assert message.notification_id == notification.notification_id
    assert message.sns_message_id == notification.message_id
    assert abs(message.timestamp - notification.published) < timedelta(milliseconds=1)
    assert "Refunded" not in notification.body  # notifications carry no state


@pytest.mark.parametrize("code", simulation_codes("createRefund"))
def test_a_refund_declines_with_the_simulation_codes_the_spec_lists(shop: Shop, code: str) -> None:
    refund = shop.refund("2.50", simulation_code=code)
    assert refund.status_details.state == "RefundInitiated"  # accepted: the decline comes later

    declined = shop.pay.refunds.get(refund.refund_id)

    assert (declined.status_details.state, declined.status_details.reason_code) == ("Declined", code)
    assert shop.pay.charges.get(refund.charge_id).refunded_amount.amount == "0.00"
    assert published(shop.sandbox) == [("REFUND", refund.refund_id, "Declined")]


def test_the_spec_lists_refund_simulation_codes() -> None:
    assert simulation_codes("createRefund"), "the overlay declares Create Refund's codes"


def test_a_declined_refund_leaves_its_amount_refundable(shop: Shop) -> None:
    refund = shop.refund("10.00", simulation_code=simulation_codes("createRefund")[0])
    shop.pay.refunds.get(refund.refund_id)
    again = shop.pay.refunds.create({"chargeId": refund.charge_id, "refundAmount": money("10.00")})
    assert shop.pay.refunds.get(again.refund_id).status_details.state == "Refunded"


@pytest.mark.spec_violations_expected
def test_a_code_another_operation_takes_is_refused_on_refunds(shop: Shop) -> None:
    charge = shop.captured_charge()
    with pytest.raises(AmazonPayError) as refused:
        shop.pay.refunds.create(
            {"chargeId": charge.charge_id, "refundAmount": money("1.00")}, simulation_code="SoftDeclined"
        )
    assert refused.value.reason_code == "InvalidSandboxSimulationSpecified"
    assert shop.sandbox.refunds == {}
    assert shop.sandbox.notifications == []


# --- the clock the test moves --------------------------------------------------------------------


def test_advance_settles_on_time_alone_and_publishes_when_due(shop: Shop) -> None:
    shop.sandbox.settle_after_reads = 0
    shop.sandbox.settle_after = timedelta(hours=2)
    refund = shop.refund()
    received: list[str] = []
    shop.sandbox.subscribe(received.append)

    assert shop.sandbox.advance(timedelta(hours=1, minutes=59)) == []
    assert received == []
    [notification] = shop.sandbox.advance(timedelta(minutes=1))

    assert (notification.object_id, notification.state) == (refund.refund_id, "Refunded")
    assert received == [notification.body]
    assert shop.sandbox.refunds[refund.refund_id]["statusDetails"]["state"] == "Refunded"
    assert shop.pay.refunds.get(refund.refund_id).status_details.state == "Refunded"
    assert len(shop.sandbox.notifications) == 1  # the GET found it settled: no second notification


def test_reads_and_time_must_both_hold(shop: Shop) -> None:
    shop.sandbox.settle_after_reads = 1
    shop.sandbox.settle_after = timedelta(hours=1)
    refund = shop.refund()
    shop.sandbox.advance(timedelta(hours=2))
    assert shop.sandbox.notifications == []  # due by time, never read
    assert shop.pay.refunds.get(refund.refund_id).status_details.state == "Refunded"
    assert published(shop.sandbox) == [("REFUND", refund.refund_id, "Refunded")]


def test_time_only_moves_forward(shop: Shop) -> None:
    for bad in (timedelta(seconds=-1), 5):
        with pytest.raises(ValueError, match="advance takes a timedelta"):
            shop.sandbox.advance(bad)  # type: ignore[arg-type]
    before = shop.sandbox.now()
    assert shop.sandbox.advance(timedelta(0)) == []
    assert shop.sandbox.now() - before < timedelta(seconds=5)


def test_time_cannot_pass_the_latest_time_it_can_write_and_a_refused_move_changes_nothing(shop: Shop) -> None:
    sandbox = shop.sandbox
    for too_far in (timedelta.max, datetime(9999, 1, 1, tzinfo=UTC) - sandbox.now() + timedelta(seconds=1)):
        before = sandbox.now()
        with pytest.raises(ValueError, match=r"would pass 99990101T000000Z.*Nothing was changed"):
            sandbox.advance(too_far)
        assert sandbox.now() - before < timedelta(seconds=5)
    sandbox.advance(datetime(9998, 12, 31, tzinfo=UTC) - sandbox.now())  # up to the last day is fine
    with sandbox.serve() as server, httpx.Client(base_url=server.url) as http:
        before = sandbox.now()
        refused = http.post("/_sandbox/advance", json={"seconds": 3650 * 86400})
        assert (refused.status_code, refused.json()["reasonCode"]) == (400, "InvalidParameterValue")
        assert "Nothing was changed" in refused.json()["message"]
        assert sandbox.now() - before < timedelta(seconds=5)
        assert http.post("/_sandbox/advance", json={"seconds": 60}).status_code == 200
    assert shop.checkout().status_details.state == "Completed"  # signed requests still work, near the end of time


def test_a_client_on_the_sandbox_clock_keeps_working_after_time_moves(shop: Shop) -> None:
    shop.sandbox.advance(timedelta(days=40))
    assert shop.checkout().status_details.state == "Completed"


def test_expiry_by_advance_publishes_what_expired(shop: Shop) -> None:
    session = shop.checkout("10.00", "Authorize")
    shop.sandbox.advance(30 * DAY)
    assert published(shop.sandbox) == [("CHARGE", session.charge_id, "Canceled")]
    assert shop.pay.charges.get(session.charge_id).status_details.reason_code == "ExpiredUnused"
    shop.sandbox.advance(150 * DAY)
    assert published(shop.sandbox)[-1] == ("CHARGE_PERMISSION", session.charge_permission_id, "Closed")


# --- pending authorizations ---------------------------------------------------------------------


def test_a_pending_authorization_settles_authorized(shop: Shop) -> None:
    shop.sandbox.settle_after_reads = 0
    shop.sandbox.settle_after = timedelta(seconds=30)  # the docs' simulated card: Authorized after 30 s
    session = shop.checkout("10.00", "Authorize", pending=True)
    assert shop.pay.charges.get(session.charge_id).status_details.state == "AuthorizationInitiated"
    [notification] = shop.sandbox.advance(timedelta(seconds=30))
    assert (notification.object_type, notification.object_id, notification.state) == (
        "CHARGE",
        session.charge_id,
        "Authorized",
    )
    assert verified(shop.sandbox, notification).charge_permission_id == session.charge_permission_id


def test_a_pending_authorization_declines_with_a_create_charge_code(shop: Shop) -> None:
    permission_id = shop.checkout("10.00", "Confirm", permission_type="Recurring").charge_permission_id
    charge = shop.pay.charges.create(
        {"chargePermissionId": permission_id, "chargeAmount": money("5.00"), "canHandlePendingAuthorization": True},
        simulation_code="HardDeclined",
    )
    assert charge.status_details.state == "AuthorizationInitiated"
    declined = shop.pay.charges.get(charge.charge_id)
    assert (declined.status_details.state, declined.status_details.reason_code) == ("Declined", "HardDeclined")
    assert published(shop.sandbox) == [("CHARGE", charge.charge_id, "Declined")]


# --- late captures -----------------------------------------------------------------------------


def test_a_capture_more_than_7_days_after_authorization_settles_later(shop: Shop) -> None:
    session = shop.checkout("10.00", "Authorize")
    shop.sandbox.advance(7 * DAY + timedelta(seconds=1))

    capture = shop.pay.charges.capture(session.charge_id, {"captureAmount": money("8.00")})

    assert capture.status_details.state == "CaptureInitiated"
    assert capture.capture_amount.amount == "0.00"
    limits = shop.pay.charge_permissions.get(session.charge_permission_id).limits
    assert limits.amount_balance.amount == "0.00"  # the authorization still holds its amount
    # Capture has started: no cancel. (The client's check of the refusal reads the charge, which
    # settles it: the simulator settles pending outcomes on the first read by default.)
    with pytest.raises(UnprocessableError) as cancel:
        shop.pay.charges.cancel(session.charge_id, {"cancellationReason": "too late"})
    assert cancel.value.reason_code == "InvalidChargeStatus"

    captured = shop.pay.charges.get(session.charge_id)

    assert (captured.status_details.state, captured.capture_amount.amount) == ("Captured", "8.00")
    assert published(shop.sandbox) == [
        ("CHARGE", session.charge_id, "CaptureInitiated"),
        ("CHARGE", session.charge_id, "Captured"),
    ]


def test_a_capture_within_7_days_is_synchronous(shop: Shop) -> None:
    session = shop.checkout("10.00", "Authorize")
    shop.sandbox.advance(7 * DAY - timedelta(minutes=1))
    capture = shop.pay.charges.capture(session.charge_id, {"captureAmount": money("10.00")})
    assert capture.status_details.state == "Captured"
    # The charge changed by the call's own answer, and the fully captured OneTime permission closed.
    assert published(shop.sandbox) == [
        ("CHARGE", session.charge_id, "Captured"),
        ("CHARGE_PERMISSION", session.charge_permission_id, "Closed"),
    ]


# --- publication stands or falls with the change --------------------------------------------------


def test_a_refusal_that_changes_state_publishes_it(shop: Shop) -> None:
    permission_id = shop.checkout("10.00", "Confirm", permission_type="Recurring").charge_permission_id
    with pytest.raises(UnprocessableError):
        shop.pay.charges.create(
            {"chargePermissionId": permission_id, "chargeAmount": money("5.00")}, simulation_code="AmazonRejected"
        )
    assert published(shop.sandbox) == [("CHARGE_PERMISSION", permission_id, "Closed")]


def test_a_change_undone_by_a_failure_publishes_nothing(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    refund = shop.refund("2.50")

    def fail(self: Refund) -> Any:
        raise RuntimeError("a bug after the change")

    # Get Refund settles the refund, then fails rendering it: the transaction is undone.
    monkeypatch.setattr(Refund, "json", fail)
    with pytest.raises(AmazonPayError) as failed:
        shop.pay.refunds.get(refund.refund_id, max_retries=0)
    monkeypatch.undo()
    assert failed.value.status == 500
    assert shop.sandbox.refunds[refund.refund_id]["statusDetails"]["state"] == "RefundInitiated"
    assert shop.sandbox.charges[refund.charge_id]["refundedAmount"]["amount"] == "0.00"
    assert shop.sandbox.notifications == []


def test_a_failure_to_publish_undoes_the_change(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    refund = shop.refund("2.50")

    def broken(journal: Any) -> Any:
        raise RuntimeError("publishing failed")

    monkeypatch.setattr(sandbox_module, "state_changes", broken)
    with pytest.raises(AmazonPayError):
        shop.pay.refunds.get(refund.refund_id, max_retries=0)
    monkeypatch.undo()
    assert shop.sandbox.refunds[refund.refund_id]["statusDetails"]["state"] == "RefundInitiated"
    assert shop.sandbox.notifications == []
    assert shop.pay.refunds.get(refund.refund_id).status_details.state == "Refunded"
    assert published(shop.sandbox) == [("REFUND", refund.refund_id, "Refunded")]


def test_an_advance_that_fails_moves_nothing(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    shop.sandbox.settle_after_reads = 0
    shop.sandbox.settle_after = timedelta(hours=1)
    refund = shop.refund()
    apply_time = simulated_time.apply_time

    def apply_then_fail(state: State, now: Any) -> None:
        apply_time(state, now)  # the refund settles ...
        raise RuntimeError("a bug after the change")

    monkeypatch.setattr(simulated_time, "apply_time", apply_then_fail)
    before = shop.sandbox.now()
    with pytest.raises(RuntimeError):
        shop.sandbox.advance(timedelta(days=1))
    monkeypatch.undo()
    assert shop.sandbox.now() - before < timedelta(hours=1)
    assert shop.sandbox.refunds[refund.refund_id]["statusDetails"]["state"] == "RefundInitiated"
    assert shop.sandbox.notifications == []


def test_concurrent_reads_settle_once(shop: Shop) -> None:
    refund = shop.refund()
    states: list[str] = []
    workers = [
        threading.Thread(target=lambda: states.append(shop.pay.refunds.get(refund.refund_id).status_details.state))
        for _ in range(8)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert states == ["Refunded"] * 8
    assert published(shop.sandbox) == [("REFUND", refund.refund_id, "Refunded")]


def test_a_replayed_request_publishes_nothing_again(shop: Shop) -> None:
    session = shop.checkout("10.00", "Authorize")
    body = {"captureAmount": money("10.00")}
    shop.pay.charges.capture(session.charge_id, body, idempotency_key="capture-1")
    shop.pay.charges.capture(session.charge_id, body, idempotency_key="capture-1")
    assert [n.object_type for n in shop.sandbox.notifications] == ["CHARGE", "CHARGE_PERMISSION"]


def test_a_processed_request_whose_answer_is_lost_still_publishes(shop: Shop) -> None:
    refund = shop.refund()
    shop.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="getRefund")
    with pytest.raises(AmazonPayError):
        shop.pay.refunds.get(refund.refund_id, max_retries=0)
    assert published(shop.sandbox) == [("REFUND", refund.refund_id, "Refunded")]


# --- delivery ------------------------------------------------------------------------------------


def test_a_callback_that_fails_is_recorded_and_the_answer_stands(shop: Shop) -> None:
    refund = shop.refund()
    answers = iter([500])

    def endpoint(body: str) -> int:
        return next(answers)  # 500 first, then StopIteration: a raising handler

    shop.sandbox.subscribe(endpoint)
    assert shop.pay.refunds.get(refund.refund_id).status_details.state == "Refunded"
    [notification] = shop.sandbox.notifications
    [first] = notification.deliveries
    assert (first.status, first.delivered) == (500, False)

    [second] = shop.sandbox.redeliver(notification)
    assert (second.status, second.delivered) == (None, False)
    assert second.error is not None
    assert second.error.startswith("StopIteration")


def test_redelivery_is_a_recognisable_duplicate(shop: Shop) -> None:
    refund = shop.refund()
    bodies: list[str] = []
    shop.sandbox.subscribe(bodies.append)
    shop.pay.refunds.get(refund.refund_id)
    [notification] = shop.sandbox.notifications
    shop.sandbox.redeliver(notification)
    assert bodies == [notification.body, notification.body]
    first, again = (NotificationVerifier(fetcher=shop.sandbox.sns.fetch).verify(body) for body in bodies)
    assert isinstance(first, Notification)
    assert isinstance(again, Notification)
    assert first.deduplication_key == again.deduplication_key
    assert [d.delivered for d in notification.deliveries] == [True, True]


def test_subscriptions(shop: Shop) -> None:
    def endpoint(body: str) -> None:
        pass

    shop.sandbox.subscribe(endpoint)
    with pytest.raises(ValueError, match="already subscribed"):
        shop.sandbox.subscribe(endpoint)
    shop.sandbox.unsubscribe(endpoint)
    with pytest.raises(ValueError, match="not subscribed"):
        shop.sandbox.unsubscribe(endpoint)
    with pytest.raises(TypeError):
        shop.sandbox.subscribe(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="redeliver takes a notification this sandbox published"):
        Shop().sandbox.redeliver(_one_notification(shop))


def _one_notification(shop: Shop) -> PublishedNotification:
    shop.pay.refunds.get(shop.refund().refund_id)
    return shop.sandbox.notifications[-1]


def test_delivery_happens_outside_the_simulators_lock(shop: Shop) -> None:
    """A handler that asks the API from another thread while it is being called does not deadlock."""
    refund = shop.refund()
    seen: list[str] = []

    def endpoint(body: str) -> int:
        message = NotificationVerifier(fetcher=shop.sandbox.sns.fetch).verify(body)
        assert isinstance(message, Notification)
        worker = threading.Thread(
            target=lambda: seen.append(shop.pay.refunds.get(message.object_id).status_details.state)
        )
        worker.start()
        worker.join(timeout=20)
        return 200 if seen else 503

    shop.sandbox.subscribe(endpoint)
    shop.pay.refunds.get(refund.refund_id)
    assert seen == ["Refunded"]
    assert shop.sandbox.notifications[0].deliveries[0].delivered


def test_a_handler_may_fetch_the_object_in_process(shop: Shop) -> None:
    """The merchant's handler: verify, then get the object the notification names."""
    refund = shop.refund()
    states: list[str] = []

    def endpoint(body: str) -> int:
        message = NotificationVerifier(fetcher=shop.sandbox.sns.fetch).verify(body)
        assert isinstance(message, Notification)
        assert message.object_type is ObjectType.REFUND
        states.append(shop.pay.refunds.get(message.object_id).status_details.state)
        return 200

    shop.sandbox.subscribe(endpoint)
    shop.pay.refunds.get(refund.refund_id)
    assert states == ["Refunded"]


@pytest.mark.anyio
async def test_async_clients_trigger_delivery_too(shop: Shop) -> None:
    refund = shop.refund()
    received: list[str] = []
    shop.sandbox.subscribe(received.append)
    async with shop.async_client() as pay:
        assert (await pay.refunds.get(refund.refund_id)).status_details.state == "Refunded"
    assert received == [shop.sandbox.notifications[0].body]


# --- delivery to a loopback URL ---------------------------------------------------------------------


class _Receiver(BaseHTTPRequestHandler):
    server: _ReceiverServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        self.server.posts.append((self.path, dict(self.headers.items()), body.decode("utf-8")))
        self.send_response(self.server.status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ReceiverServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Receiver)
        self.posts: list[tuple[str, dict[str, str], str]] = []
        self.status = 200


@pytest.fixture
def receiver() -> Iterator[_ReceiverServer]:
    server = _ReceiverServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_notifications_are_posted_to_a_loopback_url_as_sns_posts_them(shop: Shop, receiver: _ReceiverServer) -> None:
    url = f"http://127.0.0.1:{receiver.server_address[1]}/ipn"
    shop.sandbox.subscribe(url)
    refund = shop.refund()
    shop.pay.refunds.get(refund.refund_id)

    [(path, headers, body)] = receiver.posts
    [notification] = shop.sandbox.notifications
    lowered = {name.lower(): value for name, value in headers.items()}
    assert path == "/ipn"
    assert lowered["content-type"] == "text/plain; charset=UTF-8"
    assert lowered["x-amz-sns-message-type"] == "Notification"
    assert lowered["x-amz-sns-message-id"] == notification.message_id
    assert lowered["x-amz-sns-topic-arn"] == shop.sandbox.sns.topic_arn
    assert lowered["x-amz-sns-subscription-arn"].startswith(shop.sandbox.sns.topic_arn + ":")
    assert lowered["user-agent"] == "Amazon Simple Notification Service Agent"
    assert body == notification.body
    assert verified(shop.sandbox, notification).object_id == refund.refund_id
    assert notification.deliveries[0].delivered

    receiver.status = 400
    shop.sandbox.redeliver(notification)
    assert (notification.deliveries[-1].status, notification.deliveries[-1].delivered) == (400, False)


def test_an_unreachable_url_is_a_failed_delivery(shop: Shop, receiver: _ReceiverServer) -> None:
    port = receiver.server_address[1]
    receiver.shutdown()
    receiver.server_close()
    shop.sandbox.subscribe(f"http://127.0.0.1:{port}/ipn", timeout=2)
    refund = shop.refund()
    assert shop.pay.refunds.get(refund.refund_id).status_details.state == "Refunded"
    [delivery] = shop.sandbox.notifications[0].deliveries
    assert delivery.status is None
    assert delivery.error is not None


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/ipn",
        "https://10.0.0.1/ipn",
        "http://user:secret@127.0.0.1/ipn",
        "ftp://127.0.0.1/ipn",
        "127.0.0.1:8080/ipn",
        "http://127.0.0.1.example.com/ipn",
    ],
)
def test_only_loopback_urls_are_posted_to(shop: Shop, url: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        shop.sandbox.subscribe(url)


# --- the server's control endpoints ----------------------------------------------------------------


def test_the_server_moves_time_and_serves_the_certificate(shop: Shop) -> None:
    shop.sandbox.settle_after_reads = 0
    shop.sandbox.settle_after = timedelta(hours=1)
    refund = shop.refund()
    with shop.sandbox.serve() as server, httpx.Client(base_url=server.url) as http:
        moved = http.post("/_sandbox/advance", json={"seconds": 3600})
        assert moved.status_code == 200
        [entry] = moved.json()["notifications"]
        assert entry == {
            "objectType": "REFUND",
            "objectId": refund.refund_id,
            "chargePermissionId": shop.sandbox.notifications[0].charge_permission_id,
            "state": "Refunded",
            "notificationId": shop.sandbox.notifications[0].notification_id,
        }
        certificate = http.get("/_sandbox/sns/certificate")
        assert certificate.status_code == 200
        assert certificate.content == shop.sandbox.sns.certificate_pem
        for bad in ({"seconds": -1}, {"seconds": "60"}, {"seconds": 1.5}, {}, {"seconds": 1, "x": 1}):
            refused = http.post("/_sandbox/advance", json=bad)
            assert refused.status_code == 400, bad
        assert http.get("/_sandbox/advance").status_code == 405
        assert http.post("/_sandbox/sns/certificate").status_code == 405
    assert json.loads(moved.content)["now"]


# --- python -m amazonpay.testing --notify ------------------------------------------------------------


def _start_cli(*arguments: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = {"PYTHONPATH": f"{ROOT / 'facade'}:{ROOT / 'generated'}", "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen(
        [sys.executable, "-m", "amazonpay.testing", "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    lines: dict[str, str] = {}
    while "SNS signing certificate" not in lines:
        line = process.stdout.readline()
        if not line:
            return process, lines
        name, _, value = line.partition(":")
        lines[name.strip()] = value.strip()
    return process, lines


def test_the_command_line_server_posts_notifications(tmp_path: Path, receiver: _ReceiverServer) -> None:
    key_file = tmp_path / "key.pem"
    url = f"http://127.0.0.1:{receiver.server_address[1]}/ipn"
    process, lines = _start_cli("--key-file", str(key_file), "--notify", url)
    try:
        assert lines["notifications"] == url
        base = lines["base URL"]
        server = base.removesuffix("/v2")
        with (
            AmazonPay(public_key_id=lines["public key id"], private_key=key_file, region="eu", base_url=base) as pay,
            httpx.Client(base_url=server) as http,
        ):
            session = pay.checkout_sessions.create(
                {"webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/r"}, "storeId": STORE_ID}
            )
            assert http.post(f"/_sandbox/checkoutSessions/{session.checkout_session_id}/approve").status_code == 200
            pay.checkout_sessions.update(
                session.checkout_session_id,
                {
                    "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/done"},
                    "paymentDetails": {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": money("5.00")},
                },
            )
            completed = pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": money("5.00")})
            refund = pay.refunds.create({"chargeId": completed.charge_id, "refundAmount": money("5.00")})
            assert pay.refunds.get(refund.refund_id).status_details.state == "Refunded"
            certificate = http.get("/_sandbox/sns/certificate").content
        [(_, _, body)] = receiver.posts
        message = NotificationVerifier(fetcher=lambda _url: certificate).verify(body)
        assert isinstance(message, Notification)
        assert message.object_id == refund.refund_id
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_command_line_refuses_a_url_off_loopback() -> None:
    process, _ = _start_cli("--notify", "http://example.com/ipn")
    assert process.wait(timeout=30) == 2
    assert process.stderr is not None
    assert "loopback" in process.stderr.read()
