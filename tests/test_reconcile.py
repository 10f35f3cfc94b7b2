"""A retried cancel or close that an earlier attempt already did: the caller and the ledger agree.

Finding 5. Cancel Charge and Close Charge Permission are DELETEs without an idempotency key; a
retry after a lost answer is refused with 422 although the object is in the state asked for.
The spec's ``x-amazonpay-reconcile`` (corrections overlay) tells the transport which object to
get and which state settles it. PATCH updates replay to the same object and need no rule.

Issue 19, finding 1: only a refusal that may echo this call's own earlier attempt is
reconciled (an attempt that lost its answer, or a caller's retry marked ``retrying=True``), and
only to what the call asked for: a Charge canceled by someone else, or a close that asked to
cancel pending charges (which no answer shows), is never reported as this call's success.
"""

from __future__ import annotations

import httpx
import pytest

from amazonpay import AmazonPay, AmazonPayError, OutcomeUnknownError, UnprocessableError, request_options
from amazonpay._registry import operation_registry
from amazonpay_api.api.charges import cancel_charge
from amazonpay_api.models import CancelChargeRequest
from tests.conftest import Recorder
from tests.support.operations import BY_NAME, CHARGE
from tests.support.spec import effective_spec
from tests.test_faults import MAX_RETRIES, Harness, h

__all__ = ["h"]  # the sandbox harness fixture, shared with test_faults

pytestmark = pytest.mark.anyio

LOST = [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError]
CANCEL = {"cancellationReason": "Out of stock"}
CLOSE = {"closureReason": "Subscription ended"}


@pytest.mark.parametrize("lost", LOST, ids=lambda e: e.__name__)
async def test_a_cancel_whose_answer_was_lost_returns_the_canceled_charge(
    h: Harness, lost: type[httpx.TransportError]
) -> None:
    charge_id = await h.charge("5.00", capture_now=False)
    h.sandbox.fail_next(exception=lost, after_processing=True, operation_id="cancelCharge")
    charge, state = await h.outcome("charges", "cancel", charge_id, CANCEL)
    assert charge.charge_id == charge_id
    assert charge.status_details.state == "Canceled" == h.sandbox.charges[charge_id]["statusDetails"]["state"]
    operations = [(r.operation_id, r.status) for r in h.sandbox.requests[-3:]]
    assert operations == [("cancelCharge", 200), ("cancelCharge", 422), ("getCharge", 200)]
    assert state.attempts == 3
    assert state.request_id == h.last().request_id  # the answer returned is the GET's


@pytest.mark.parametrize("kind", ["cut", "stall"])
async def test_a_cancel_whose_body_broke_returns_the_canceled_charge(h: Harness, kind: str) -> None:
    charge_id = await h.charge("5.00", capture_now=False)
    h.sandbox.fail_next(break_body=kind, after_processing=True, operation_id="cancelCharge")  # type: ignore[arg-type]
    charge = await h.call("charges", "cancel", charge_id, CANCEL)
    assert charge.status_details.state == "Canceled"


async def test_a_close_whose_answer_was_lost_returns_the_closed_permission(h: Harness) -> None:
    h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="closeChargePermission")
    permission = await h.call("charge_permissions", "close", h.permission_id, CLOSE)
    assert permission.charge_permission_id == h.permission_id
    assert permission.status_details.state == "Closed"
    assert h.sandbox.charge_permissions[h.permission_id]["statusDetails"]["state"] == "Closed"


async def test_a_cancel_refused_for_a_captured_charge_stands(h: Harness) -> None:
    """The object is not in the state asked for: this call did not do it, and says so."""
    charge_id = await h.charge("5.00", capture_now=True)
    h.sandbox.fail_next(status=503, operation_id="cancelCharge")  # an uncertain first attempt
    error = await h.failure(UnprocessableError, "charges", "cancel", charge_id, CANCEL)
    assert error.reason_code == "InvalidChargeStatus"
    assert not error.may_have_been_processed
    assert "may have been processed" not in str(error)
    assert h.sandbox.charges[charge_id]["statusDetails"]["state"] == "Captured"
    assert [r.operation_id for r in h.sandbox.requests[-3:]] == ["cancelCharge", "cancelCharge", "getCharge"]


async def test_when_the_object_cannot_be_fetched_the_outcome_is_unknown(h: Harness) -> None:
    charge_id = await h.charge("5.00", capture_now=False)
    h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="cancelCharge")
    h.sandbox.fail_next(status=503, times=MAX_RETRIES + 1, operation_id="getCharge")
    error = await h.failure(OutcomeUnknownError, "charges", "cancel", charge_id, CANCEL)
    assert "the outcome is unknown; get the object to see its state" in str(error)
    assert error.may_have_been_processed
    assert h.sandbox.charges[charge_id]["statusDetails"]["state"] == "Canceled"  # it was, in fact


async def test_a_cancel_of_a_charge_canceled_before_the_call_is_refused(h: Harness) -> None:
    """Nothing was retried: the refusal is the outcome, and nothing is fetched to explain it away."""
    charge_id = await h.charge("5.00", capture_now=False)
    await h.call("charges", "cancel", charge_id, CANCEL)
    error = await h.failure(UnprocessableError, "charges", "cancel", charge_id, CANCEL)
    assert error.reason_code == "InvalidChargeStatus"
    assert not error.may_have_been_processed
    assert [r.operation_id for r in h.sandbox.requests[-2:]] == ["cancelCharge", "cancelCharge"]


async def test_a_close_asking_to_cancel_pending_charges_of_a_closed_permission_is_refused(h: Harness) -> None:
    """The permission was closed earlier without cancelling: its Authorized charge stays capturable,
    and a close that asks to cancel it must not be told it did."""
    charge_id = await h.charge("5.00", capture_now=False)
    await h.call("charge_permissions", "close", h.permission_id, CLOSE)  # closed, the charge left open
    error = await h.failure(
        UnprocessableError, "charge_permissions", "close", h.permission_id, {**CLOSE, "cancelPendingCharges": True}
    )
    assert error.reason_code == "InvalidChargePermissionStatus"
    assert not error.may_have_been_processed
    assert h.last().operation_id == "closeChargePermission"  # no GET to reconcile with
    assert h.sandbox.charges[charge_id]["statusDetails"]["state"] == "Authorized"


async def test_a_retried_close_that_asked_to_cancel_pending_charges_has_an_unknown_outcome(h: Harness) -> None:
    """The permission is Closed, but no answer shows whether its charges were canceled too."""
    charge_id = await h.charge("5.00", capture_now=False)
    h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="closeChargePermission")
    body = {**CLOSE, "cancelPendingCharges": True}
    error = await h.failure(OutcomeUnknownError, "charge_permissions", "close", h.permission_id, body)
    assert "cancelPendingCharges=true" in str(error)
    assert error.may_have_been_processed
    operations = [r.operation_id for r in h.sandbox.requests[-3:]]
    assert operations == ["closeChargePermission", "closeChargePermission", "getChargePermission"]
    assert h.sandbox.charges[charge_id]["statusDetails"]["state"] == "Canceled"  # it was, in fact


async def test_a_callers_own_retry_marked_retrying_gets_the_canceled_charge(h: Harness) -> None:
    """A call cut off after its request left (a cancelled task, a timeout of the caller's) is
    retried inside request_options(retrying=True): the refusal is reconciled as for the
    client's own retries."""
    charge_id = await h.charge("5.00", capture_now=False)
    await h.call("charges", "cancel", charge_id, CANCEL)  # the answer the caller never saw
    with request_options(retrying=True):
        again = await h.call("charges", "cancel", charge_id, CANCEL)
    assert again.status_details.state == "Canceled"
    assert [r.operation_id for r in h.sandbox.requests[-2:]] == ["cancelCharge", "getCharge"]


async def test_a_patch_whose_answer_was_lost_is_replayed_to_the_same_object(h: Harness) -> None:
    h.sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="updateChargePermission")
    body = {"merchantMetadata": {"merchantReferenceId": "order-77"}}
    permission = await h.call("charge_permissions", "update", h.permission_id, body)
    assert permission.merchant_metadata.merchant_reference_id == "order-77"
    stored = h.sandbox.charge_permissions[h.permission_id]
    assert stored["merchantMetadata"]["merchantReferenceId"] == "order-77"
    assert [r.status for r in h.sandbox.requests[-2:]] == [200, 200]


def test_a_cancel_through_pay_api_is_reconciled_too(pay: AmazonPay, transport: object) -> None:
    from tests.conftest import Recorder

    assert isinstance(transport, Recorder)
    canceled = {**CHARGE, "statusDetails": {"state": "Canceled"}}
    transport.queue(
        httpx.ReadTimeout("answer lost"),
        httpx.Response(422, json={"reasonCode": "InvalidChargeStatus", "message": "Charge is Canceled"}),
        httpx.Response(200, json=canceled, headers={"x-amz-pay-request-id": "req-get"}),
    )
    with request_options() as state:
        response = cancel_charge.sync_detailed(
            client=pay.api, charge_id="S02-1-C1", body=CancelChargeRequest.from_dict(CANCEL)
        )
    assert response.status_code == 200
    assert response.parsed.status_details.state == "Canceled"  # type: ignore[union-attr]
    assert [(sent.method, sent.url.path) for sent in transport.sent] == [
        ("DELETE", "/v2/charges/S02-1-C1/cancel"),
        ("DELETE", "/v2/charges/S02-1-C1/cancel"),
        ("GET", "/v2/charges/S02-1-C1"),
    ]
    assert (state.request_id, state.attempts) == ("req-get", 3)


def test_an_id_with_reserved_characters_is_fetched_at_the_same_encoded_path(pay: AmazonPay, transport: object) -> None:
    from tests.conftest import Recorder

    assert isinstance(transport, Recorder)
    transport.queue(
        httpx.ReadTimeout("answer lost"),
        httpx.Response(422, json={"reasonCode": "InvalidChargeStatus", "message": "Charge is Canceled"}),
        httpx.Response(200, json={**CHARGE, "chargeId": "a b%", "statusDetails": {"state": "Canceled"}}),
    )
    pay.charges.cancel("a b%", CANCEL)
    cancel, fetch = b"/v2/charges/a%20b%25/cancel", b"/v2/charges/a%20b%25"
    assert [sent.url.raw_path for sent in transport.sent] == [cancel, cancel, fetch]


@pytest.mark.parametrize(
    ("reason", "ours"),
    [
        ("MerchantCanceled", True),  # docs, Charge: "You canceled the Charge using the Cancel Charge operation"
        (None, True),  # the docs' Cancel Charge answer: "reasonCode": null
        ("ExpiredUnused", False),
        ("AmazonCanceled", False),
        ("BuyerCanceled", False),
        ("ChargePermissionCanceled", False),
    ],
)
def test_a_retried_cancel_returns_the_charge_only_if_a_merchant_cancel_put_it_there(
    pay: AmazonPay, transport: object, reason: str | None, ours: bool
) -> None:
    from tests.conftest import Recorder

    assert isinstance(transport, Recorder)
    canceled = {**CHARGE, "statusDetails": {"state": "Canceled", "reasonCode": reason}}
    transport.queue(
        httpx.ReadTimeout("answer lost"),
        httpx.Response(422, json={"reasonCode": "InvalidChargeStatus", "message": "Charge is Canceled"}),
        httpx.Response(200, json=canceled),
    )
    if ours:
        assert pay.charges.cancel("S02-1-C1", CANCEL).status_details.state == "Canceled"
    else:
        with pytest.raises(UnprocessableError) as refused:
            pay.charges.cancel("S02-1-C1", CANCEL)
        assert not refused.value.may_have_been_processed  # the earlier attempt did not do it
    assert [sent.method for sent in transport.sent] == ["DELETE", "DELETE", "GET"]


def test_the_rules_are_the_specs(pay: AmazonPay) -> None:
    """The registry's rules are generated from x-amazonpay-reconcile, one per marked operation."""
    marked = {
        (method.upper(), path): operation["x-amazonpay-reconcile"]
        for path, item in effective_spec()["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "x-amazonpay-reconcile" in operation
    }
    rules = {
        (entry["method"], entry["path"]): entry["reconcile"] for entry in operation_registry() if entry["reconcile"]
    }
    assert {where: rule["state"] for where, rule in rules.items()} == {
        where: rule["state"] for where, rule in marked.items()
    }
    assert set(marked) == {
        (BY_NAME["charges.cancel"].method, "/charges/{chargeId}/cancel"),
        (BY_NAME["charge_permissions.close"].method, "/chargePermissions/{chargePermissionId}/close"),
    }
    for where, rule in rules.items():
        assert rule["unverifiable"] == marked[where].get("unverifiable", {})
        assert rule["stateReasons"] == marked[where].get("stateReasons")


# --- review of issue 19: the hint of a cancel or close cut off says how to retry it ---------------
# A DELETE that timed out (or ended in a 5xx) after being sent said only "get the object to see its
# state before calling again"; a cancel or close has a safer retry, the one the README documents:
# call it again inside request_options(retrying=True), which reconciles as the client's own retries.


@pytest.mark.parametrize(
    ("name", "arguments", "body", "reconciles"),
    [
        ("charges.cancel", ("S02-1-C1",), CANCEL, True),
        ("charge_permissions.close", ("S02-1",), CLOSE, True),
        ("charges.update", ("S02-1-C1",), {"statusDetails": {"state": "Authorized"}}, False),
    ],
)
@pytest.mark.parametrize(
    "answer",
    [httpx.ReadTimeout("no answer"), httpx.Response(503, json={"reasonCode": "ServiceUnavailable", "message": "x"})],
    ids=["timed out", "503"],
)
def test_the_hint_of_a_cut_off_call_without_a_key_says_how_to_retry_it(
    name: str,
    arguments: tuple[str, ...],
    body: dict[str, object],
    reconciles: bool,
    answer: object,
    pay: AmazonPay,
    transport: Recorder,
    sleeps: list[float],
) -> None:
    transport.default = (lambda request: (_ for _ in ()).throw(answer)) if isinstance(answer, Exception) else answer
    resource, method = name.split(".")
    with pytest.raises(AmazonPayError) as raised:
        getattr(getattr(pay, resource), method)(*arguments, body, max_retries=1)
    message = str(raised.value)
    assert "it may have been processed" in message
    assert ("request_options(retrying=True)" in message) is reconciles
    assert "get the object to see its state" in message
