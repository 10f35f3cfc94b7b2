"""No handler of the simulator can leave a change behind a refusal: the undo journal's guarantee.

Every handler of the route table is wrapped so that, when armed, it does all its work and then
refuses (a :class:`SandboxError`, as a late validation would). A tour of the API calls every
operation twice: armed, the call is refused and the simulated state (every stored object, the
notifications, the ledger) must be exactly as before; disarmed, the call does its work and the
tour goes on. The tour must reach every handler, so a new operation cannot escape the check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from amazonpay import AmazonPayError, UnprocessableError
from amazonpay.testing import AmazonPaySandbox, Reason, SandboxError
from amazonpay.testing import _routes as routes
from tests.support.operations import STORE_ID, money
from tests.support.shop import Shop
from tests.test_sandbox import FakeClock

SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_"


def frozen(value: Any) -> Any:
    """A deep, comparable copy of the simulator's objects (dataclasses by their fields)."""
    if isinstance(value, dict):
        return {repr(key): frozen(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [frozen(item) for item in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return type(value).__name__, frozen(vars(value))
    return value


def snapshot(sandbox: AmazonPaySandbox) -> Any:
    """Everything a request could change: the stored objects, what was published, the ledger."""
    return frozen(sandbox._state), len(sandbox.notifications), sandbox.ledger()


@dataclass
class Refusing:
    """The route table's handlers, each refusing after doing its work while ``armed``."""

    armed: bool = False
    reached: set[str] = field(default_factory=set)

    def wrap(self, operation_id: str, handler: routes.Handler) -> routes.Handler:
        def refuse_after(state: Any, call: Any) -> Any:
            answer = handler(state, call)
            self.reached.add(operation_id)
            if self.armed:
                raise SandboxError(Reason.InvalidParameterValue, f"{operation_id} refused after doing its work")
            return answer

        return refuse_after


@pytest.fixture
def refusing(monkeypatch: pytest.MonkeyPatch) -> Iterator[Refusing]:
    wrapper = Refusing()
    wrapped = {operation_id: wrapper.wrap(operation_id, handler) for operation_id, handler in routes.HANDLERS.items()}
    monkeypatch.setattr(routes, "HANDLERS", wrapped)
    routes.routes.cache_clear()
    yield wrapper
    monkeypatch.undo()
    routes.routes.cache_clear()


class Tour(Shop):
    """The shop, calling each operation refused first (nothing may change), then for real."""

    def __init__(self, refusing: Refusing) -> None:
        super().__init__()
        # Nothing waits for time: every pending outcome settles in the call that starts it, so a
        # lookup changes nothing and any difference after a refusal is the handler's own change.
        self.sandbox.settle_after_reads = 0
        self.refusing = refusing

    def call(self, operation_id: str, step: Callable[[], Any]) -> Any:
        before = snapshot(self.sandbox)
        self.refusing.armed = True
        try:
            with pytest.raises(AmazonPayError) as refused:
                step()
        finally:
            self.refusing.armed = False
        assert refused.value.status == 400, refused.value
        assert f"{operation_id} refused after doing its work" in str(refused.value)
        assert snapshot(self.sandbox) == before, f"{operation_id} left a change behind its refusal"
        return step()


def test_no_handler_leaves_a_change_behind_a_refusal(refusing: Refusing) -> None:
    tour = Tour(refusing)
    pay, sandbox, call = tour.pay, tour.sandbox, tour.call
    web = {"checkoutReviewReturnUrl": "https://shop.example/review"}

    # One-time checkout: authorize, capture, refund.
    created = call(
        "createCheckoutSession", lambda: pay.checkout_sessions.create({"webCheckoutDetails": web, "storeId": STORE_ID})
    )
    session_id = created.checkout_session_id
    call("getCheckoutSession", lambda: pay.checkout_sessions.get(session_id))
    sandbox.approve(session_id)
    details = {
        "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
        "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": money("10.00")},
    }
    call("updateCheckoutSession", lambda: pay.checkout_sessions.update(session_id, details))
    done = call(
        "completeCheckoutSession", lambda: pay.checkout_sessions.complete(session_id, {"chargeAmount": money("10.00")})
    )
    permission_id, charge_id = done.charge_permission_id, done.charge_id
    call("getChargePermission", lambda: pay.charge_permissions.get(permission_id))
    call(
        "updateChargePermission",
        lambda: pay.charge_permissions.update(permission_id, {"merchantMetadata": {"merchantReferenceId": "o-1"}}),
    )
    call("getCharge", lambda: pay.charges.get(charge_id))
    call("captureCharge", lambda: pay.charges.capture(charge_id, {"captureAmount": money("10.00")}))
    refund = call("createRefund", lambda: pay.refunds.create({"chargeId": charge_id, "refundAmount": money("1.00")}))
    call("getRefund", lambda: pay.refunds.get(refund.refund_id))
    tracker = {
        "chargePermissionId": permission_id,
        "deliveryDetails": [{"trackingNumber": "1Z9", "carrierCode": "UPS"}],
    }
    call("createDeliveryTracker", lambda: pay.delivery_trackers.create(tracker))

    # Buy Now: the buyer, finalize, and a payment service provider cancelling the charge.
    buy_now = {
        "webCheckoutDetails": web,
        "storeId": STORE_ID,
        "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": money("5.00")},
    }
    buy_now_id = pay.checkout_sessions.create(buy_now).checkout_session_id
    sandbox.approve(buy_now_id)
    call("getBuyer", lambda: pay.buyers.get(sandbox.buyer_token(buy_now_id)))
    shared = pay.checkout_sessions.get(buy_now_id).to_dict()["shippingAddress"]
    finalize = {"chargeAmount": money("5.00"), "paymentIntent": "Authorize", "shippingAddress": shared}
    finalized = call("finalizeCheckoutSession", lambda: pay.checkout_sessions.finalize(buy_now_id, finalize))
    canceled = {"statusDetails": {"state": "Canceled", "reasonCode": "ExpiredUnused"}}
    call("updateCharge", lambda: pay.charges.update(finalized.charge_id, canceled))

    # Recurring: a charge, cancelled, and the permission closed.
    recurring = tour.checkout("20.00", "Confirm", permission_type="Recurring").charge_permission_id
    charge = call(
        "createCharge", lambda: pay.charges.create({"chargePermissionId": recurring, "chargeAmount": money("3.00")})
    )
    call("cancelCharge", lambda: pay.charges.cancel(charge.charge_id, {"cancellationReason": "out of stock"}))
    call("closeChargePermission", lambda: pay.charge_permissions.close(recurring, {"closureReason": "done"}))
    call("getAuthorizationToken", lambda: pay.authorization_tokens.get("amzn.mws.tour", merchant_id="M1"))

    # The back office.
    now = sandbox.now()
    period = {
        "startTime": f"{now - timedelta(days=1):%Y%m%dT%H%M%SZ}",
        "endTime": f"{now + timedelta(hours=1):%Y%m%dT%H%M%SZ}",
    }
    report_id = call("createReport", lambda: pay.reports.create({"reportType": SETTLEMENT, **period})).report_id
    report = call("getReportById", lambda: pay.reports.get(report_id))
    call("getReportDocument", lambda: pay.reports.get_document(report.report_document_id))
    call("getReports", lambda: list(pay.reports.list(page_size=1)))
    schedule = {"reportType": SETTLEMENT, "scheduleFrequency": "P1D"}
    schedule_id = call("createReportSchedule", lambda: pay.report_schedules.create(schedule)).report_schedule_id
    call("getReportSchedules", lambda: list(pay.report_schedules.list()))
    call("getReportScheduleById", lambda: pay.report_schedules.get(schedule_id))
    call("cancelReportSchedule", lambda: pay.report_schedules.cancel(schedule_id))
    call(
        "getDisbursements",
        lambda: list(pay.disbursements.list(start_time=period["startTime"], end_time=period["endTime"])),
    )
    call("uploadFile", lambda: pay.files.create({"type": "pdf", "purpose": "disputeEvidence"}))
    filed = {
        "chargeId": charge_id,
        "disputeAmount": money("2.00"),
        "filingReason": "Fraudulent",
        "statusDetails": {"state": "ActionRequired"},
    }
    dispute_id = call("createDispute", lambda: pay.disputes.create(filed)).dispute_id
    call("getDispute", lambda: pay.disputes.get(dispute_id))
    evidence = {"merchantEvidences": [{"evidenceType": "Other", "evidenceText": "Delivered on time."}]}
    call("contestDispute", lambda: pay.disputes.contest(dispute_id, evidence))
    resolved = {"statusDetails": {"state": "Resolved", "resolution": "MerchantWon"}}
    call("updateDispute", lambda: pay.disputes.update(dispute_id, resolved))

    assert refusing.reached == set(routes.HANDLERS), "the tour must call every operation the simulator handles"
    tour.pay.close()


def test_a_refusal_keeps_what_time_had_made_due_and_publishes_it() -> None:
    clock = FakeClock()
    shop = Shop(AmazonPaySandbox(clock=clock))
    permission_id = shop.checkout("10.00", "Confirm").charge_permission_id
    clock.advance(timedelta(days=181))  # the OneTime permission expired, and nobody has looked yet
    with pytest.raises(UnprocessableError, match="is Closed, not Chargeable"):
        shop.pay.charges.create({"chargePermissionId": permission_id, "chargeAmount": money("1.00")})
    # The expiry would have happened without the request: it stays, with its notification.
    assert shop.sandbox.charge_permissions[permission_id]["statusDetails"]["reasons"][0]["reasonCode"] == "Expired"
    assert [(n.object_id, n.state) for n in shop.sandbox.notifications] == [(permission_id, "Closed")]
    shop.pay.close()


def test_a_refusal_the_docs_pair_with_a_change_keeps_it() -> None:
    shop = Shop()
    permission_id = shop.checkout("10.00", "Confirm", permission_type="Recurring").charge_permission_id
    with pytest.raises(UnprocessableError) as declined:
        shop.pay.charges.create(
            {"chargePermissionId": permission_id, "chargeAmount": money("1.00")}, simulation_code="AmazonRejected"
        )
    assert declined.value.reason_code == "AmazonRejected"
    status = shop.pay.charge_permissions.get(permission_id).status_details
    assert (status.state, status.reasons[0].reason_code) == ("Closed", "AmazonRejected")
    shop.pay.close()
