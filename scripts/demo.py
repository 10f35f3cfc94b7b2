"""The Amazon Pay integration flows, end to end through the public facade.

    python3 scripts/nox -s demo

By default against the embedded sandbox (`amazonpay.testing`) with a throwaway key: no
account, no network. With AMAZON_PAY_PUBLIC_KEY_ID, AMAZON_PAY_PRIVATE_KEY, AMAZON_PAY_REGION
and AMAZON_PAY_STORE_ID set, the same flows run against Amazon's real sandbox; the buyer's
steps then print the URL to open and wait for Enter.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from amazonpay import AmazonPay, AmazonPayError, UnprocessableError, request_options
from amazonpay.notifications import Notification, NotificationVerifier
from amazonpay.testing import AmazonPaySandbox

T = TypeVar("T")
CURRENCY = {"na": "USD", "eu": "EUR", "jp": "JPY"}
REAL_SANDBOX_VARIABLES = (
    "AMAZON_PAY_PUBLIC_KEY_ID",
    "AMAZON_PAY_PRIVATE_KEY",
    "AMAZON_PAY_REGION",
    "AMAZON_PAY_STORE_ID",
)


class Demo:
    """A client, the buyer's side, and a transcript of every step."""

    def __init__(self) -> None:
        self.calls = 0
        self.retries = 0
        self.received: list[str] = []  # notification bodies the shop's endpoint received
        if all(os.environ.get(name) for name in REAL_SANDBOX_VARIABLES):
            self.sandbox: AmazonPaySandbox | None = None
            self.pay = AmazonPay.from_env()
            self.store_id = os.environ["AMAZON_PAY_STORE_ID"]
            where = f"Amazon's sandbox ({self.pay.endpoint.base_url})"
        else:
            self.sandbox = AmazonPaySandbox()
            # Refunds settle 20 simulated minutes after they start, as in life (minutes to hours);
            # the client signs with the simulated clock, which waits move instead of sleeping.
            self.sandbox.settle_after_reads = 0
            self.sandbox.settle_after = timedelta(minutes=20)
            # The shop's notification endpoint, in process: SNS-signed bodies, as Amazon posts them.
            self.sandbox.subscribe(self.received.append)
            key_id, private_pem = self.sandbox.create_key()
            self.pay = AmazonPay(
                public_key_id=key_id,
                private_key=private_pem,
                region="eu",
                transport=self.sandbox.transport(),
                clock=self.sandbox.now,
            )
            self.store_id = "amzn1.application-oa2-client.demo0000000000000000000000000000"
            where = "the embedded sandbox (amazonpay.testing, no network)"
        self.currency = CURRENCY[self.pay.endpoint.region]
        self.started = self.now() - timedelta(minutes=1)  # the settlement report covers the demo's own transactions
        print(f"amazonpay demo against {where}")
        print(f"client: {self.pay!r}\n")

    def now(self) -> datetime:
        """The time the service keeps: the simulated one, or the real one."""
        return self.sandbox.now() if self.sandbox is not None else datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        """Wait: on simulated time against the embedded sandbox, for real against Amazon."""
        (self.sandbox.sleep if self.sandbox is not None else time.sleep)(seconds)

    def money(self, amount: str) -> dict[str, str]:
        return {"amount": amount, "currencyCode": self.currency}

    def step(self, name: str, call: Callable[[], T], show: Callable[[T], str]) -> T:
        """Run one API call and print: step, request id, attempts, what came back."""
        with request_options() as outcome:
            result = call()
        self.calls += 1
        self.retries += outcome.attempts - 1
        retried = f" after {outcome.attempts} attempts" if outcome.attempts > 1 else ""
        print(f"  {name:<34} {outcome.request_id or '-':<38} {show(result)}{retried}")
        return result

    def buyer_signs_in(self, checkout_session_id: str) -> None:
        """The buyer's browser step: sign in, choose a payment method, return to the shop."""
        if self.sandbox is not None:
            self.sandbox.approve(checkout_session_id, buyer={"name": "Jane Doe", "email": "jane@example.com"})
            print(f"  {'buyer signs in and picks a card':<34} {'(browser)':<38} approved")
        else:
            input(
                f"  Start checkout session {checkout_session_id} with the Amazon Pay button, sign in, then press Enter"
            )

    def buyer_confirms(self, redirect_url: str | None) -> None:
        """The buyer's second browser step: Amazon's page after the amounts are final."""
        if self.sandbox is None:
            input(f"  Open {redirect_url} in a browser, confirm, then press Enter")

    def wait_options(self) -> dict[str, Any]:
        """Poll every 10 minutes for up to 2 hours: on simulated time here, for real against Amazon."""
        if self.sandbox is not None:
            return {"interval": 600, "deadline": 7200, "sleep": self.sandbox.sleep}
        return {"interval": 30, "deadline": 1800}  # production code polls hourly from a job queue

    def notification_about(self, object_id: str) -> None:
        """Verify what the shop's endpoint received about ``object_id``; fetch the object it names."""
        if self.sandbox is None:
            print(f"  {'notification':<34} {'-':<38} Amazon posts it to the URL set in Seller Central")
            return
        verifier = NotificationVerifier(topic_arns=[self.sandbox.sns.topic_arn], fetcher=self.sandbox.sns.fetch)
        messages = [verifier.verify(body) for body in self.received]
        about = [m for m in messages if isinstance(m, Notification) and m.object_id == object_id]
        for message in about:
            print(
                f"  {'notification received, verified':<34} {message.deduplication_key:<38} "
                f"{message.notification_type} of {message.object_type} {message.object_id}"
            )
            self.step("fetch the object it names", partial(self.pay.notifications.fetch, message), state)

    @contextmanager
    def flow(self, title: str) -> Iterator[None]:
        print(f"{title}")
        started = time.perf_counter()
        yield
        print(f"  ({time.perf_counter() - started:.2f} s)\n")


def state(obj: Any) -> str:
    details = obj.status_details
    # A Charge Permission lists its reasons; the other objects have one reason code.
    codes = [r.reason_code for r in details.reasons or []] if hasattr(details, "reasons") else [details.reason_code]
    reason = f" ({', '.join(code for code in codes if code)})" if any(codes) else ""
    return f"{details.state}{reason}"


def redirect(session: Any) -> str:
    return "set" if session.web_checkout_details.amazon_pay_redirect_url else "missing"


def amount(price: Any) -> str:
    return f"{price.amount} {price.currency_code}" if price else "-"


def checkout(demo: Demo, permission_type: str, total: str) -> Any:
    """Create a session, let the buyer sign in, set the amount, complete: the common start."""
    pay = demo.pay
    session = demo.step(
        "create checkout session",
        lambda: pay.checkout_sessions.create(
            {
                "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
                "storeId": demo.store_id,
                "chargePermissionType": permission_type,
                # A subscription says how often it charges (else RecurringFrequencyNotSet).
                **(
                    {"recurringMetadata": {"frequency": {"unit": "Month", "value": "1"}}}
                    if permission_type == "Recurring"
                    else {}
                ),
            }
        ),
        state,
    )
    demo.buyer_signs_in(session.checkout_session_id)
    session = demo.step(
        "update amount and return URL",
        lambda: pay.checkout_sessions.update(
            session.checkout_session_id,
            {
                "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
                "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": demo.money(total)},
                "merchantMetadata": {"merchantReferenceId": f"order-{permission_type.lower()}-1"},
            },
        ),
        lambda s: f"{state(s)}, {amount(s.payment_details.charge_amount)}, redirect URL {redirect(s)}",
    )
    demo.buyer_confirms(session.web_checkout_details.amazon_pay_redirect_url)
    return demo.step(
        "complete checkout session",
        lambda: pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": demo.money(total)}),
        lambda s: f"{state(s)}, permission {s.charge_permission_id}",
    )


def one_time(demo: Demo) -> None:
    pay = demo.pay
    with demo.flow("1. One-time checkout: authorize, capture, partial refund, close"):
        session = checkout(demo, "OneTime", "49.99")
        charge = demo.step(
            "capture 49.99",
            lambda: pay.charges.capture(
                session.charge_id, {"captureAmount": demo.money("49.99"), "softDescriptor": "DEMO SHOP"}
            ),
            lambda c: f"{state(c)}, captured {amount(c.capture_amount)}",
        )
        refund = demo.step(
            "refund 10.00",
            lambda: pay.refunds.create({"chargeId": charge.charge_id, "refundAmount": demo.money("10.00")}),
            lambda r: f"{state(r)}, {amount(r.refund_amount)}",
        )
        refund = demo.step(  # refunds settle later: wait returns any final state (Declined too)
            "wait for the refund",
            lambda: pay.refunds.wait(refund.refund_id, **demo.wait_options()),
            state,
        )
        demo.notification_about(refund.refund_id)
        demo.step(
            "charge after the refund",
            lambda: pay.charges.get(charge.charge_id),
            lambda c: f"{state(c)}, refunded {amount(c.refunded_amount)}",
        )
        permission = demo.step(
            "charge permission", lambda: pay.charge_permissions.get(session.charge_permission_id), state
        )
        if permission.status_details.state == "Closed":  # a OneTime permission closes once fully captured
            print(f"  {'close the permission':<34} {'-':<38} not needed: Amazon closed it after the capture")
        else:
            demo.step(
                "close the permission",
                lambda: pay.charge_permissions.close(session.charge_permission_id, {"closureReason": "order shipped"}),
                state,
            )


def recurring(demo: Demo) -> None:
    pay = demo.pay
    with demo.flow("2. Recurring: the buyer agrees once, the shop charges twice without them"):
        session = checkout(demo, "Recurring", "9.99")
        for month in ("November", "December"):
            demo.step(
                f"charge {month} (no buyer present)",
                lambda: pay.charges.create(
                    {
                        "chargePermissionId": session.charge_permission_id,
                        "chargeAmount": demo.money("9.99"),
                        "captureNow": True,
                        "softDescriptor": "DEMO SUBSCR",
                    }
                ),
                lambda c: f"{state(c)}, {amount(c.capture_amount)}",
            )
        demo.step(
            "permission after two charges",
            lambda: pay.charge_permissions.get(session.charge_permission_id),
            lambda p: f"{state(p)}, {p.charge_permission_type}",
        )


def decline_and_throttle(demo: Demo) -> None:
    pay = demo.pay
    with demo.flow("3. A soft decline handled, and a throttled (429) answer retried"):
        session = checkout(demo, "Recurring", "20.00")
        body = {
            "chargePermissionId": session.charge_permission_id,
            "chargeAmount": demo.money("20.00"),
            "captureNow": True,
        }
        try:
            pay.charges.create(body, simulation_code="SoftDeclined")
            raise SystemExit("the SoftDeclined simulation was not declined")
        except UnprocessableError as declined:
            demo.calls += 1
            request_id = declined.request_id or "-"
            print(f"  {'charge, card soft-declined':<34} {request_id:<38} {declined.reason_code}: ask the buyer")
        demo.step(
            "retry the charge", lambda: pay.charges.create(body), lambda c: f"{state(c)}, {amount(c.capture_amount)}"
        )
        if demo.sandbox is not None:
            demo.sandbox.fail_next(status=429, headers={"Retry-After": "1"})
            demo.step(
                "charge while throttled",
                lambda: pay.charges.create(body),
                lambda c: f"{state(c)}, {amount(c.capture_amount)}",
            )


def buy_now(demo: Demo) -> None:
    pay = demo.pay
    with demo.flow("4. Buy Now: the session starts with its amount, the shop verifies and finalizes"):
        session = demo.step(
            "create session with its amount",
            lambda: pay.checkout_sessions.create(
                {
                    "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
                    "storeId": demo.store_id,
                    "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": demo.money("35.00")},
                }
            ),
            lambda s: f"{state(s)}, {amount(s.payment_details.charge_amount)}",
        )
        session_id = session.checkout_session_id
        demo.buyer_signs_in(session_id)
        if demo.sandbox is not None:  # the token Amazon Sign-in hands the shop
            token = demo.sandbox.buyer_token(session_id)
            demo.step("get buyer", lambda: pay.buyers.get(token), lambda b: f"{b.name} <{b.email}>")
        shared = demo.step(
            "get the address Amazon shares",
            lambda: pay.checkout_sessions.get(session_id),
            lambda s: f"{s.shipping_address.city}, {s.shipping_address.country_code}",
        )
        done = demo.step(
            "finalize (amount and address)",
            lambda: pay.checkout_sessions.finalize(
                session_id,
                {
                    "chargeAmount": demo.money("35.00"),
                    "paymentIntent": "Authorize",
                    "shippingAddress": shared.shipping_address.to_dict(),
                },
            ),
            lambda s: f"{state(s)}, charge {s.charge_id}",
        )
        demo.step(
            "the charge",
            lambda: pay.charges.get(done.charge_id),
            lambda c: f"{state(c)}, {amount(c.charge_amount)}",
        )


SETTLEMENT_REPORT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_"
FINAL_REPORT_STATES = ("COMPLETED", "FAILED", "CANCELLED")


def settlement(demo: Demo) -> None:
    """Finance's view: the settlement report of this demo's transactions, downloaded and summarised."""
    pay = demo.pay
    with demo.flow("5. Back office: the settlement report of this demo's transactions"):
        period = {
            "startTime": f"{demo.started:%Y%m%dT%H%M%SZ}",
            "endTime": f"{demo.now() + timedelta(minutes=1):%Y%m%dT%H%M%SZ}",
        }
        created = demo.step(
            "create report (asynchronous)",
            lambda: pay.reports.create({"reportType": SETTLEMENT_REPORT, **period}),
            lambda r: r.report_id,
        )
        report = demo.step("get report", lambda: pay.reports.get(created.report_id), lambda r: r.processing_status)
        for _ in range(12):  # poll every 10 minutes for up to 2 hours (simulated here)
            if report.processing_status in FINAL_REPORT_STATES:
                break
            demo.sleep(600)
            report = demo.step(
                "get report, 10 minutes later",
                lambda: pay.reports.get(created.report_id),
                lambda r: r.processing_status,
            )
        if report.processing_status != "COMPLETED" or not isinstance(report.report_document_id, str):
            raise SystemExit(f"the settlement report ended {report.processing_status}")
        document_id = report.report_document_id
        content = demo.step(
            "download (30-second URL, unsigned)", lambda: pay.reports.download(document_id), lambda b: f"{len(b)} bytes"
        )
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
        summary: dict[tuple[str, str], tuple[int, Decimal]] = {}
        for row in rows:
            key = (row["TransactionType"], row["CurrencyCode"])
            count, total = summary.get(key, (0, Decimal(0)))
            summary[key] = (count + 1, total + Decimal(row["TransactionAmount"]))
        for (kind, currency), (count, total) in sorted(summary.items()):
            print(f"  {kind:<34} {f'{count} transaction(s)':<38} {total} {currency}")
        if demo.sandbox is not None:
            ledger = demo.sandbox.ledger()
            if rows != ledger:
                raise SystemExit(f"the settlement report ({len(rows)} rows) does not match the ledger ({len(ledger)})")
            print(f"  {'matches the simulator ledger':<34} {'-':<38} {len(rows)} rows, row for row")


def main() -> int:
    started = time.perf_counter()
    demo = Demo()
    try:
        with demo.pay:
            one_time(demo)
            recurring(demo)
            decline_and_throttle(demo)
            buy_now(demo)
            settlement(demo)
    except AmazonPayError as error:
        print(f"\nFAILED: {error}", file=sys.stderr)
        return 1
    print(
        f"Summary: 5 flows green, {demo.calls} API calls, {demo.retries} retried attempt(s), "
        f"{time.perf_counter() - started:.1f} s"
    )
    if demo.sandbox is not None:
        print(
            f"Sandbox ledger: {len(demo.sandbox.checkout_sessions)} checkout sessions, "
            f"{len(demo.sandbox.charge_permissions)} charge permissions, {len(demo.sandbox.charges)} charges, "
            f"{len(demo.sandbox.refunds)} refunds"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
