"""The examples, run as a user runs them, against the simulator: what they print and what the simulator holds.

The shop (``examples/shop``) runs in process under Flask's test client, with
``sandbox.approve()`` standing in for the buyer on Amazon's pages; the scripts run as
subprocesses configured from the environment, against the simulator served over HTTP. Every
test ends on the simulator's state (its ledger, charges, refunds), and every re-run of a
money-moving script is checked to move no money.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import queue
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from amazonpay import AmazonPay
from amazonpay.notifications import NotificationVerifier
from amazonpay.pytest_plugin import client_options
from amazonpay.testing import AmazonPaySandbox, SandboxServer

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))  # the examples import the shop as a user running them from examples/ does

from shop import notifications  # noqa: E402
from shop.app import Settings, create_app  # noqa: E402
from shop.records import Records  # noqa: E402

STORE_ID = "amzn1.application-oa2-client.example0000000000000000000000"
SHOP_URL = "http://shop.test"
BUTTON = re.compile(r"amazon\.Pay\.renderButton\('#AmazonPayButton', (.*)\);")


@dataclass
class World:
    """A simulator served over HTTP, a key file for the scripts, and the shop in process on the same simulator."""

    sandbox: AmazonPaySandbox
    server: SandboxServer
    key_id: str
    key_file: Path
    database: Path
    pay: AmazonPay
    records: Records
    shop: Any  # flask.Flask

    @property
    def env(self) -> dict[str, str]:
        """The environment a user sets for the scripts (and nothing of the test run's own)."""
        return {
            "PATH": os.environ.get("PATH", ""),
            "AMAZON_PAY_PUBLIC_KEY_ID": self.key_id,
            "AMAZON_PAY_PRIVATE_KEY": str(self.key_file),
            "AMAZON_PAY_REGION": "eu",
            "AMAZON_PAY_BASE_URL": f"{self.server.url}/v2",
            "SHOP_DB": str(self.database),
        }

    def run(self, script: str, *arguments: str, expect: int = 0) -> str:
        """Run ``examples/<script>`` as a user does; its output, after checking its exit status."""
        done = subprocess.run(
            [sys.executable, str(EXAMPLES / script), *arguments],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == expect, done.stdout + done.stderr
        return done.stdout

    def money_moved(self) -> tuple[int, int, int]:
        """Charges, refunds and settled ledger rows: what a re-run must leave as it was."""
        return len(self.sandbox.charges), len(self.sandbox.refunds), len(self.sandbox.ledger())


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    sandbox = AmazonPaySandbox()
    key_id, pem = sandbox.create_key()
    key_file = tmp_path / "private.pem"
    key_file.write_bytes(pem)
    server = sandbox.serve()
    options = client_options(sandbox) | {"public_key_id": key_id, "private_key": pem}
    pay = AmazonPay(**options)
    records = Records(tmp_path / "shop.db")
    settings = Settings(
        public_key_id=key_id, merchant_id="A1EXAMPLESHOP", store_id=STORE_ID, shop_url=SHOP_URL, region="eu"
    )
    # The simulator's SNS stand-in serves the certificate its notifications are signed with.
    verify = NotificationVerifier(topic_arns=[sandbox.sns.topic_arn], fetcher=sandbox.sns.fetch)
    shop = create_app(settings, pay, records, verify)
    try:
        yield World(sandbox, server, key_id, key_file, tmp_path / "shop.db", pay, records, shop)
    finally:
        pay.close()
        server.stop()
        records.close()


def public_key(world: World) -> rsa.RSAPublicKey:
    key = serialization.load_pem_private_key(world.key_file.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key.public_key()


def verify_button_signature(world: World, config: dict[str, str]) -> None:
    """Amazon's recipe for the button (amazon-pay-checkout/add-the-amazon-pay-button.html, "Sign the payload").

    AMZN-PAY-RSASSA-PSS-V2 signs ``"AMZN-PAY-RSASSA-PSS-V2\\n" + hex(SHA-256(payloadJSON))`` with
    RSASSA-PSS, SHA-256, MGF1(SHA-256) and a 32-byte salt; checked with the public key, never by
    comparing signatures (PSS is randomised).
    """
    assert config["algorithm"] == "AMZN-PAY-RSASSA-PSS-V2"
    digest = hashlib.sha256(config["payloadJSON"].encode("utf-8")).hexdigest()
    public_key(world).verify(
        base64.b64decode(config["signature"]),
        f"AMZN-PAY-RSASSA-PSS-V2\n{digest}".encode(),
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
        hashes.SHA256(),
    )


def button_of(page: str) -> dict[str, Any]:
    found = BUTTON.search(page)
    assert found, page
    button: dict[str, Any] = json.loads(found.group(1))
    return button


def checkout(world: World, sku: str, *, client: Any = None) -> tuple[Any, str]:
    """A buyer's checkout through the shop's pages: the result page's response and the session id."""
    client = client or world.shop.test_client()
    page = client.get(f"/products/{sku}")
    assert page.status_code == 200
    button = button_of(page.text)
    config = button["createCheckoutSessionConfig"]
    verify_button_signature(world, config)
    assert button["publicKeyId"] == world.key_id
    assert 'src="https://static-eu.payments-amazon.com/checkout.js"' in page.text
    # The button click: Amazon creates the Checkout Session from the signed payload, as is.
    session = world.pay.checkout_sessions.create(json.loads(config["payloadJSON"]))
    session_id = session.checkout_session_id
    # The buyer signs in and picks an address and a card on Amazon's pages, then returns.
    world.sandbox.approve(session_id, buyer={"name": "Jane Doe", "email": "jane@example.com"})
    review_url = json.loads(config["payloadJSON"])["webCheckoutDetails"]["checkoutReviewReturnUrl"]
    assert review_url == f"{SHOP_URL}/review/{sku}"
    review = client.get(f"/review/{sku}?amazonCheckoutSessionId={session_id}")
    assert review.status_code == 200
    assert "Jane Doe (jane@example.com)" in review.text
    placed = client.post(f"/checkout/{session_id}")
    assert placed.status_code == 303
    assert placed.location == world.sandbox.checkout_sessions[session_id]["webCheckoutDetails"]["amazonPayRedirectUrl"]
    # Amazon processes the payment there and sends the buyer to checkoutResultReturnUrl.
    result_url = world.sandbox.checkout_sessions[session_id]["webCheckoutDetails"]["checkoutResultReturnUrl"]
    assert result_url == f"{SHOP_URL}/result"
    return client.get(f"/result?amazonCheckoutSessionId={session_id}"), session_id


# --- the shop ----------------------------------------------------------------------------------


def test_shop_one_time_checkout_captures_once(world: World) -> None:
    result, session_id = checkout(world, "grinder")
    assert result.status_code == 200
    assert "Order order-00001: Burr coffee grinder, 49.99 EUR, payment Captured." in result.text
    order = world.records.order("order-00001")
    assert order is not None
    assert order.state == "Captured"
    session = world.sandbox.checkout_sessions[session_id]
    assert (order.charge_id, order.charge_permission_id) == (session["chargeId"], session["chargePermissionId"])
    assert session["merchantMetadata"]["merchantReferenceId"] == "order-00001"
    ledger = world.sandbox.ledger()
    assert [(row["TransactionType"], row["ChargeId"], row["TransactionAmount"]) for row in ledger] == [
        ("Capture", order.charge_id, "49.99")
    ]
    # The buyer reloads the result page: Complete is sent again with the same key and replayed.
    again = world.shop.test_client().get(f"/result?amazonCheckoutSessionId={session_id}")
    assert "payment Captured" in again.text
    assert world.sandbox.ledger() == ledger
    completes = [r for r in world.sandbox.requests if r.operation_id == "completeCheckoutSession"]
    assert [r.replayed for r in completes] == [False, True]
    assert len({r.headers["x-amz-pay-idempotency-key"] for r in completes}) == 1
    # Back on the review page, or placing the order again: the result, never a second payment.
    client = world.shop.test_client()
    review = client.get(f"/review/grinder?amazonCheckoutSessionId={session_id}")
    assert (review.status_code, review.location) == (303, f"/result?amazonCheckoutSessionId={session_id}")
    assert client.post(f"/checkout/{session_id}").location == f"/result?amazonCheckoutSessionId={session_id}"
    assert world.sandbox.ledger() == ledger
    assert client.get("/review/grinder?amazonCheckoutSessionId=no-such-session").status_code == 404


def test_shop_subscription_checkout_grants_a_recurring_permission(world: World) -> None:
    result, _ = checkout(world, "club-monthly")
    assert "12.99 EUR, payment Captured" in result.text
    button = button_of(world.shop.test_client().get("/products/club-monthly").text)
    assert button["productType"] == "PayOnly"
    order = world.records.order("order-00001")
    assert order is not None
    assert order.kind == "subscription"
    permission = world.sandbox.charge_permissions[order.charge_permission_id]
    assert permission["chargePermissionType"] == "Recurring"
    assert permission["recurringMetadata"]["frequency"] == {"unit": "Month", "value": "1"}
    assert permission["statusDetails"]["state"] == "Chargeable"
    assert [(r["ChargeId"], r["TransactionAmount"]) for r in world.sandbox.ledger()] == [(order.charge_id, "12.99")]


def test_shop_sends_the_buyer_back_when_checkout_cannot_complete(world: World) -> None:
    client = world.shop.test_client()
    config = button_of(client.get("/products/grinder").text)["createCheckoutSessionConfig"]
    session_id = world.pay.checkout_sessions.create(json.loads(config["payloadJSON"])).checkout_session_id
    world.sandbox.approve(session_id)
    assert client.get(f"/review/grinder?amazonCheckoutSessionId={session_id}").status_code == 200
    assert client.post(f"/checkout/{session_id}").status_code == 303
    # The buyer leaves Amazon's page and comes back after the session expired (24 hours).
    world.sandbox.advance(timedelta(hours=25))
    result = client.get(f"/result?amazonCheckoutSessionId={session_id}")
    assert result.status_code == 200
    assert "Your payment was not successful" in result.text
    reason = re.search(r'<p id="failure">Amazon Pay could not complete this checkout \((\w+)\)', result.text)
    assert reason, result.text
    assert reason.group(1) == "InvalidCheckoutSessionStatus"  # Complete on a session no longer Open
    order = world.records.order("order-00001")
    assert order is not None
    assert order.state == "failed"
    assert not world.sandbox.charges
    assert not world.sandbox.ledger()


def test_shop_placing_an_order_the_buyer_canceled_charges_nothing(world: World) -> None:
    """The buyer reviewed the order, went back to Amazon's page and canceled there, then placed the order."""
    client = world.shop.test_client()
    config = button_of(client.get("/products/grinder").text)["createCheckoutSessionConfig"]
    session_id = world.pay.checkout_sessions.create(json.loads(config["payloadJSON"])).checkout_session_id
    world.sandbox.approve(session_id)
    assert client.get(f"/review/grinder?amazonCheckoutSessionId={session_id}").status_code == 200
    canceled = httpx.post(f"{world.server.url}/buyer/cancel", data={"amazonCheckoutSessionId": session_id})
    assert canceled.status_code == 303  # Amazon's cancel: to checkoutCancelUrl
    placed = client.post(f"/checkout/{session_id}")
    assert placed.status_code == 200
    assert "Amazon Pay could not complete this checkout (InvalidCheckoutSessionStatus)" in placed.text
    order = world.records.order("order-00001")
    assert order is not None
    assert order.state == "failed"
    assert not world.sandbox.charges
    assert not world.sandbox.ledger()


def test_shop_records_what_notifications_report_once(world: World) -> None:
    client = world.shop.test_client()
    answers: list[int] = []

    def post(body: str) -> int:
        answer = client.post("/amazonpay/ipn", data=body, content_type="text/plain; charset=UTF-8")
        answers.append(answer.status_code)
        return answer.status_code

    world.sandbox.subscribe(post)
    checkout(world, "grinder", client=client)
    order = world.records.order("order-00001")
    assert order is not None
    assert order.charge_id is not None
    refund = world.pay.refunds.create(
        {"chargeId": order.charge_id, "refundAmount": {"amount": "5.00", "currencyCode": "EUR"}}
    )
    world.pay.refunds.get(refund.refund_id)  # the first read finds it settled: Refunded, notified
    world.shop.extensions["ipn_worker"].drain()
    about = [n for n in world.records.notifications() if n["object_id"] == refund.refund_id]
    assert [(n["object_type"], n["state"]) for n in about] == [("REFUND", "Refunded")]
    published = next(n for n in world.sandbox.notifications if n.object_id == refund.refund_id)
    world.sandbox.redeliver(published)  # SNS delivers at least once: the same NotificationId again
    forged = published.body.replace(refund.refund_id, "S02-0000000-0000000-R000000")
    assert post(forged) == 400
    world.shop.extensions["ipn_worker"].drain()
    assert [n["object_id"] for n in world.records.notifications()].count(refund.refund_id) == 1
    assert "S02-0000000-0000000-R000000" not in {n["object_id"] for n in world.records.notifications()}
    assert set(answers) == {200, 400}


def test_shop_handles_a_notification_again_after_its_fetch_failed(world: World) -> None:
    client = world.shop.test_client()
    world.sandbox.subscribe(lambda body: client.post("/amazonpay/ipn", data=body).status_code)
    checkout(world, "grinder", client=client)
    order = world.records.order("order-00001")
    assert order is not None
    # Amazon Pay is down when the worker gets the refund (every attempt): the claim stays unfinished.
    world.sandbox.settle_after_reads = 0  # the refund settles an hour later, read or not
    world.sandbox.settle_after = timedelta(hours=1)
    refund = world.pay.refunds.create(
        {"chargeId": order.charge_id, "refundAmount": {"amount": "1.00", "currencyCode": "EUR"}}
    )
    world.sandbox.fail_next(status=503, headers={"Retry-After": "0"}, times=4, operation_id="getRefund")
    world.sandbox.advance(timedelta(hours=1))  # Refunded, notified
    world.shop.extensions["ipn_worker"].drain()
    assert not world.sandbox.faults  # the worker's four attempts took them all
    assert [(n["object_id"], n["state"]) for n in world.records.notifications()] == [(refund.refund_id, None)]
    # SNS's redelivery is a duplicate; the shop's next start handles what was left unfinished.
    world.sandbox.redeliver(next(n for n in world.sandbox.notifications if n.object_id == refund.refund_id))
    verify = NotificationVerifier(topic_arns=[world.sandbox.sns.topic_arn], fetcher=world.sandbox.sns.fetch)
    restarted = notifications.Worker(world.pay, world.records, verify)
    restarted.drain()
    assert [(n["object_id"], n["state"]) for n in world.records.notifications()] == [(refund.refund_id, "Refunded")]


# --- the scripts -------------------------------------------------------------------------------


def test_refund_script_refunds_once_however_often_it_runs(world: World) -> None:
    checkout(world, "grinder")
    order = world.records.order("order-00001")
    assert order is not None
    out = world.run("refund.py", "order-00001", "--wait")
    refund_id = re.search(r"refunded 49\.99 EUR: (\S+), Refunded", out)
    assert refund_id, out
    assert [r["refundId"] for r in world.sandbox.refunds.values()] == [refund_id.group(1)]
    assert world.sandbox.ledger()[-1]["TransactionAmount"] == "-49.99"
    moved = world.money_moved()
    assert "already refunded for whole-order" in world.run("refund.py", "order-00001")
    assert "nothing refunded this time" in world.run("refund.py", "order-00001")
    assert world.money_moved() == moved
    # A crash lost the record after Amazon refunded: the same key gets the same refund back.
    with sqlite3.connect(world.database) as db:
        db.execute("DELETE FROM refunds")
    out = world.run("refund.py", "order-00001")
    assert f"Amazon Pay answered with refund {refund_id.group(1)} made by an earlier run" in out
    assert "nothing new was refunded" in out
    assert world.money_moved() == moved
    assert [r.refund_id for r in world.records.refunds()] == [refund_id.group(1)]
    # Nothing is left to refund; a made-up order is refused before any call.
    assert "TransactionAmountExceeded" in world.run(
        "refund.py", "order-00001", "--return-id", "second", "--amount", "1.00", expect=1
    )
    assert "nothing to refund (no such order)" in world.run("refund.py", "order-99999", expect=2)
    assert world.money_moved() == moved


def test_refund_script_partial_refunds_by_return(world: World) -> None:
    checkout(world, "grinder")
    first = world.run("refund.py", "order-00001", "--amount", "10.00", "--return-id", "RMA-1")
    second = world.run("refund.py", "order-00001", "--amount", "5.00", "--return-id", "RMA-2")
    assert "refunded 10.00 EUR" in first
    assert "refunded 5.00 EUR" in second
    assert sorted(r["refundAmount"]["amount"] for r in world.sandbox.refunds.values()) == ["10.00", "5.00"]
    # The same return with another amount is refused by Amazon Pay's key check, not refunded.
    with sqlite3.connect(world.database) as db:
        db.execute("DELETE FROM refunds WHERE amount = '10.00'")
    out = world.run("refund.py", "order-00001", "--amount", "7.00", "--return-id", "RMA-1", expect=1)
    assert "requested before with another amount" in out
    assert len(world.sandbox.refunds) == 2


def _month(base: datetime, months: int) -> str:
    index = base.year * 12 + base.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def test_subscription_run_charges_each_cycle_once(world: World) -> None:
    checkout(world, "club-monthly")
    order = world.records.order("order-00001")
    assert order is not None
    started = datetime.fromisoformat(order.created).astimezone(UTC)
    this_month, next_month, after = (_month(started, n) for n in (0, 1, 2))
    assert "not due (the subscription started" in world.run("subscription_charges.py", "--period", this_month)
    out = world.run("subscription_charges.py", "--period", next_month)
    charged = re.search(rf"order-00001 {next_month}: charged 12\.99 EUR: (\S+), Captured", out)
    assert charged, out
    assert f"{next_month}: 1 charged, 0 skipped, 0 failed" in out
    moved = world.money_moved()
    assert "already charged" in world.run("subscription_charges.py", "--period", next_month)
    assert world.money_moved() == moved
    with sqlite3.connect(world.database) as db:  # a crash between the charge and its record
        db.execute("DELETE FROM subscription_charges")
    out = world.run("subscription_charges.py", "--period", next_month)
    assert f"Amazon Pay answered with {charged.group(1)} made by an earlier run; nothing new charged" in out
    assert world.money_moved() == moved
    world.run("subscription_charges.py", "--period", after)
    on_permission = [c for c in world.sandbox.charges.values() if c["chargePermissionId"] == order.charge_permission_id]
    assert sorted(c.get("chargeInitiator") or "checkout" for c in on_permission) == ["MITR", "MITR", "checkout"]
    captures = [r["ChargeId"] for r in world.sandbox.ledger() if r["TransactionType"] == "Capture"]
    assert len(captures) == len(set(captures)) == 3
    assert [c.period for c in world.records.subscription_charges()] == [next_month, after]
    # The buyer cancels: the permission is closed, and the next run charges nobody.
    world.pay.charge_permissions.close(
        order.charge_permission_id, {"closureReason": "canceled by the buyer", "cancelPendingCharges": False}
    )
    out = world.run("subscription_charges.py", "--period", _month(started, 3))
    assert "not charged, the permission is Closed" in out
    assert len(world.sandbox.ledger()) == 3


def test_reconciliation_agrees_then_finds_what_the_records_miss(world: World) -> None:
    checkout(world, "grinder")
    checkout(world, "club-monthly")
    grinder = world.records.order("order-00001")
    assert grinder is not None
    assert grinder.charge_id is not None
    world.run("refund.py", "order-00001", "--amount", "9.99", "--return-id", "RMA-1", "--wait")
    world.run("subscription_charges.py", "--period", _month(datetime.now(UTC), 1))
    moved = world.money_moved()
    out = world.run("reconcile.py", "--poll-interval", "0.1", "--deadline", "30")
    assert "checked 3 charge(s), 1 refund(s), 4 settlement row(s): 0 disagreement(s)" in out
    assert "DISAGREE" not in out
    assert world.money_moved() == moved  # reconciliation moves no money
    # Someone refunded from Seller Central, past the shop; and a record was edited by hand.
    outside = world.pay.refunds.create(
        {"chargeId": grinder.charge_id, "refundAmount": {"amount": "5.00", "currencyCode": "EUR"}}
    )
    world.pay.refunds.get(outside.refund_id)
    with sqlite3.connect(world.database) as db:
        db.execute("UPDATE orders SET amount = '12.00' WHERE sku = 'club-monthly'")
    out = world.run("reconcile.py", "--poll-interval", "0.1", "--deadline", "30", expect=1)
    disagreements = [line for line in out.splitlines() if line.startswith("DISAGREE")]
    assert any("Amazon Pay refunded 14.99 EUR, the records show 9.99 refunded" in d for d in disagreements), out
    assert any(f"refund of 5.00 EUR ({outside.refund_id}" in d and "records do not have" in d for d in disagreements)
    assert any(
        "order-00002" in d and "the records say 12.00 EUR captured, Amazon Pay 12.99" in d for d in disagreements
    )
    assert f"{len(disagreements)} disagreement(s)" in out


class Lines:
    """What a process prints, line by line, read in a thread: a failure rather than a hang when none comes."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        self._lines: queue.Queue[str] = queue.Queue()
        stdout = process.stdout
        threading.Thread(target=lambda: [self._lines.put(line) for line in stdout], daemon=True).start()

    def next(self, timeout: float = 30) -> str:
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"no output within {timeout} s")


def test_notification_receiver_verifies_claims_and_fetches(world: World) -> None:
    checkout(world, "grinder")
    order = world.records.order("order-00001")
    assert order is not None
    env = world.env | {
        "AMAZON_PAY_IPN_TOPIC_ARNS": world.sandbox.sns.topic_arn,
        "AMAZON_PAY_SNS_CERTIFICATE_URL": f"{world.server.url}/_sandbox/sns/certificate",
        "PYTHONUNBUFFERED": "1",
    }
    receiver = subprocess.Popen(
        [sys.executable, str(EXAMPLES / "notification_receiver.py"), "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = Lines(receiver)
        url = lines.next().split()[-1]
        assert url.startswith("http://127.0.0.1:")
        world.sandbox.subscribe(url)
        refund = world.pay.refunds.create(
            {"chargeId": order.charge_id, "refundAmount": {"amount": "49.99", "currencyCode": "EUR"}}
        )
        world.pay.refunds.get(refund.refund_id)  # settles: Refunded, posted to the receiver
        published = next(n for n in world.sandbox.notifications if n.object_id == refund.refund_id)
        assert [d.status for d in published.deliveries] == [200]
        line = lines.next()
        assert line.strip() == f"notification {published.notification_id}: REFUND {refund.refund_id} is Refunded"
        assert world.sandbox.redeliver(published)[0].status == 200
        assert "seen before, skipped" in lines.next()
        forged = published.body.replace(refund.refund_id, "S02-0000000-0000000-R000000")
        assert httpx.post(url, content=forged, headers={"content-type": "text/plain"}).status_code == 400
    finally:
        receiver.terminate()
        receiver.wait(timeout=10)
    notes = Records(world.database).notifications()
    assert [(n["object_id"], n["state"]) for n in notes] == [(refund.refund_id, "Refunded")]
    assert world.sandbox.refunds[refund.refund_id]["statusDetails"]["state"] == "Refunded"
