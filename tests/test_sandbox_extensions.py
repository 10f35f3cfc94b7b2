"""The simulator's five operations beyond the bundled spec, through the public client.

finalize (Buy Now), getBuyer (Sign-in), updateCharge (PSPs), createDeliveryTracker (Alexa) and
getAuthorizationToken (solution providers): each through ``pay.<resource>.<method>``, sync and
async, with every simulator answer validated against the effective spec on the way
(``check_response`` of tests/test_sandbox.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from amazonpay import (
    AmazonPay,
    AsyncAmazonPay,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    UnprocessableError,
)
from amazonpay.testing import AmazonPaySandbox
from amazonpay.testing import _routes as routes
from tests.support.spec import operations
from tests.test_sandbox import check_response

STORE_ID = "amzn1.application-oa2-client.buynow"
CURRENCY = {"na": "USD", "eu": "EUR", "jp": "JPY"}


class Checked(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The sandbox's transport, each answer validated against the effective spec."""

    def __init__(self, sandbox: AmazonPaySandbox) -> None:
        self.inner = sandbox.transport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        response.request = request
        return check_response(response)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        await response.aread()
        response.request = request
        return check_response(response)


def client(sandbox: AmazonPaySandbox, region: str = "na") -> AmazonPay:
    key_id, pem = sandbox.create_key()
    return AmazonPay(public_key_id=key_id, private_key=pem, region=region, transport=Checked(sandbox))


@pytest.fixture
def pay(sandbox: AmazonPaySandbox, sleeps: list[float]) -> Iterator[AmazonPay]:
    with client(sandbox) as pay:
        yield pay


def money(amount: str, currency: str = "USD") -> dict[str, str]:
    return {"amount": amount, "currencyCode": currency}


def buy_now_body(amount: str = "14.00", intent: str = "Authorize", currency: str = "USD") -> dict[str, Any]:
    """What the Buy Now button creates the session with: its payment details, no result URL."""
    return {
        "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
        "storeId": STORE_ID,
        "paymentDetails": {"paymentIntent": intent, "chargeAmount": money(amount, currency)},
    }


def approved(pay: AmazonPay, sandbox: AmazonPaySandbox, **body: Any) -> tuple[str, dict[str, Any]]:
    """A Buy Now session the buyer approved, and the shipping address Amazon shares."""
    session = pay.checkout_sessions.create(buy_now_body(**body))
    sandbox.approve(session.checkout_session_id, {"name": "Buy Now Buyer", "email": "bn@example.com"})
    shared = pay.checkout_sessions.get(session.checkout_session_id).to_dict()["shippingAddress"]
    return session.checkout_session_id, shared


def finalize_body(address: dict[str, Any], amount: str = "14.00", intent: str = "Authorize") -> dict[str, Any]:
    return {"chargeAmount": money(amount), "paymentIntent": intent, "shippingAddress": address}


# --- every operation of the spec is simulated -----------------------------------------------------


def test_every_operation_of_the_effective_spec_has_a_handler() -> None:
    spec_ids = {operation_id for operation_id, _method, _path, _operation in operations()}
    simulated = {route.operation_id for route in routes.routes() if route.handler is not None}
    assert spec_ids == simulated
    assert set(routes.HANDLERS) == spec_ids  # and no handler for an operation the spec lacks


# --- Buy Now: create with payment details, approve, finalize -----------------------------------------


def test_buy_now_flow_ends_in_finalize(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id, shared = approved(pay, sandbox)
    done = pay.checkout_sessions.finalize(session_id, finalize_body(shared))
    assert done.status_details.state == "Completed"
    assert isinstance(done.charge_permission_id, str)
    assert isinstance(done.charge_id, str)
    charge = pay.charges.get(done.charge_id)
    assert charge.status_details.state == "Authorized"
    assert charge.charge_amount.to_dict() == money("14.00")
    permission = pay.charge_permissions.get(done.charge_permission_id)
    assert permission.to_dict()["shippingAddress"] == shared
    # What the merchant verified is what the permission holds; the request carried a key.
    (sent,) = [r for r in sandbox.requests if r.operation_id == "finalizeCheckoutSession"]
    assert sent.headers["x-amz-pay-idempotency-key"]


def test_finalize_takes_a_null_billing_address_for_pay_and_ship(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # The Node and PHP READMEs and the Node SDK's sandbox test send "billingAddress": null (issue 18).
    session_id, shared = approved(pay, sandbox)
    done = pay.checkout_sessions.finalize(session_id, {**finalize_body(shared), "billingAddress": None})
    assert done.status_details.state == "Completed"


@pytest.mark.spec_violations_expected
def test_the_simulator_refuses_an_unknown_field_of_a_nullable_billing_address(
    pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    # Through pay.api's httpx client, whose pre-send check leaves names to the model and the service.
    session_id, shared = approved(pay, sandbox)
    body = {**finalize_body(shared), "billingAddress": {**shared, "floor": "3"}}
    with pytest.raises(BadRequestError) as refused:
        pay.api.get_httpx_client().post(f"/checkoutSessions/{session_id}/finalize", json=body)
    assert refused.value.reason_code == "UnrecognizedField"
    assert "billingAddress.floor is not a recognized field" in refused.value.message


@pytest.mark.parametrize(("intent", "state"), [("AuthorizeWithCapture", "Captured"), ("Confirm", None)])
def test_finalize_follows_the_payment_intent_it_is_sent(
    pay: AmazonPay, sandbox: AmazonPaySandbox, intent: str, state: str | None
) -> None:
    session_id, shared = approved(pay, sandbox)  # created with Authorize
    done = pay.checkout_sessions.finalize(session_id, finalize_body(shared, intent=intent))
    assert done.payment_details.payment_intent == intent
    if state is None:
        assert done.charge_id is None
    else:
        assert isinstance(done.charge_id, str)
        assert pay.charges.get(done.charge_id).status_details.state == state


def _other(address: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**address, **changes}


@pytest.mark.parametrize(
    ("change", "reason", "words"),
    [
        (lambda a: finalize_body(a, amount="14.01"), "InvalidParameterValue", "does not match the Checkout Session"),
        (lambda a: {**finalize_body(a), "chargeAmount": money("14.00", "EUR")}, "CurrencyMismatch", "EUR"),
        (lambda a: finalize_body(_other(a, city="Springfield")), "InvalidParameterValue", "differs in city"),
        (lambda a: finalize_body(_other(a, postalCode="60603")), "InvalidParameterValue", "differs in postalCode"),
        (lambda a: {k: v for k, v in finalize_body(a).items() if k != "shippingAddress"}, "InvalidParameterValue",
         "shippingAddress is required"),
        (lambda a: {**finalize_body(a), "billingAddress": a}, "InvalidParameterValue", "no billingAddress"),
        (lambda a: {**finalize_body(a), "supplementaryData": "{}"}, "InvalidParameterValue", "supplementaryData"),
    ],
    ids=["amount", "currency", "city", "postal-code", "no-address", "billing-outside-eu", "supplementary"],
)  # fmt: skip
def test_finalize_refuses_what_does_not_match_and_changes_nothing(
    pay: AmazonPay, sandbox: AmazonPaySandbox, change: Any, reason: str, words: str
) -> None:
    session_id, shared = approved(pay, sandbox)
    with pytest.raises(BadRequestError) as refused:
        pay.checkout_sessions.finalize(session_id, change(shared))
    assert refused.value.reason_code == reason
    assert words in refused.value.message
    assert sandbox.checkout_sessions[session_id]["statusDetails"]["state"] == "Open"
    assert not sandbox.charge_permissions
    # The matching request still finalizes.
    assert pay.checkout_sessions.finalize(session_id, finalize_body(shared)).status_details.state == "Completed"


def test_null_and_absent_address_fields_are_the_same(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id, shared = approved(pay, sandbox)
    assert shared["addressLine3"] is None
    sparse = {name: value for name, value in shared.items() if value is not None}
    assert pay.checkout_sessions.finalize(session_id, finalize_body(sparse)).status_details.state == "Completed"


def test_finalize_needs_the_buyer_and_an_open_session(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session = pay.checkout_sessions.create(buy_now_body())
    with pytest.raises(UnprocessableError) as unapproved:
        pay.checkout_sessions.finalize(session.checkout_session_id, finalize_body({"name": "x"}))
    assert unapproved.value.reason_code == "InvalidCheckoutSessionStatus"
    assert "BuyerNotAssociated" in unapproved.value.message
    session_id, shared = approved(pay, sandbox)
    pay.checkout_sessions.finalize(session_id, finalize_body(shared))
    with pytest.raises(UnprocessableError) as again:
        pay.checkout_sessions.finalize(session_id, finalize_body(shared))  # a new call: a new key
    assert again.value.reason_code == "InvalidCheckoutSessionStatus"
    assert len(sandbox.charge_permissions) == 1
    with pytest.raises(NotFoundError):
        pay.checkout_sessions.finalize("no-such-session", finalize_body(shared))


def test_finalize_retried_after_a_lost_answer_is_answered_from_the_key(
    pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    """The buyer pays once and the caller is told so, although the first answer never arrived."""
    session_id, shared = approved(pay, sandbox)
    sandbox.fail_next(exception=httpx.ReadTimeout, after_processing=True, operation_id="finalizeCheckoutSession")
    done = pay.checkout_sessions.finalize(session_id, finalize_body(shared))
    assert done.status_details.state == "Completed"
    attempts = [r for r in sandbox.requests if r.operation_id == "finalizeCheckoutSession"]
    assert [r.replayed for r in attempts] == [False, True]
    assert len({r.headers["x-amz-pay-idempotency-key"] for r in attempts}) == 1
    assert len(sandbox.charge_permissions) == 1
    assert len(sandbox.charges) == 1


@pytest.mark.anyio
async def test_buy_now_async(sandbox: AmazonPaySandbox, sleeps: list[float]) -> None:
    key_id, pem = sandbox.create_key()
    async with AsyncAmazonPay(public_key_id=key_id, private_key=pem, region="eu", transport=Checked(sandbox)) as pay:
        session = await pay.checkout_sessions.create(buy_now_body("30.00", "AuthorizeWithCapture", "EUR"))
        sandbox.approve(session.checkout_session_id)
        shared = (await pay.checkout_sessions.get(session.checkout_session_id)).to_dict()
        body = {
            "chargeAmount": money("30.00", "EUR"),
            "paymentIntent": "AuthorizeWithCapture",
            "shippingAddress": shared["shippingAddress"],
            "billingAddress": shared["paymentPreferences"][0]["billingAddress"],  # the EU shares one
        }
        done = await pay.checkout_sessions.finalize(session.checkout_session_id, body)
        assert done.status_details.state == "Completed"
        assert isinstance(done.charge_id, str)
        assert (await pay.charges.get(done.charge_id)).status_details.state == "Captured"
        buyer = await pay.buyers.get(sandbox.buyer_token(session.checkout_session_id))
        assert buyer.to_dict()["billingAddress"] == body["billingAddress"]
        assert buyer.country_code == "DE"
        tracker = await pay.delivery_trackers.create(
            {
                "chargePermissionId": done.charge_permission_id,
                "deliveryDetails": [{"trackingNumber": "A1", "carrierCode": "DHL"}],
            }
        )
        assert tracker.charge_permission_id == done.charge_permission_id
        token = await pay.authorization_tokens.get("amzn.mws.async", merchant_id="A2MERCHANT")
        charge = await pay.charges.get(done.charge_id, auth_token=token.authorization_token)
        assert charge.charge_id == done.charge_id


# --- getBuyer ---------------------------------------------------------------------------------------


def test_get_buyer_returns_the_buyer_of_the_approval(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id, shared = approved(pay, sandbox)
    buyer = pay.buyers.get(sandbox.buyer_token(session_id)).to_dict()
    session_buyer = sandbox.checkout_sessions[session_id]["buyer"]
    assert {k: buyer[k] for k in ("buyerId", "name", "email")} == session_buyer
    assert buyer["name"] == "Buy Now Buyer"
    assert buyer["shippingAddress"] == shared
    assert (buyer["postalCode"], buyer["countryCode"], buyer["phoneNumber"]) == (
        shared["postalCode"],
        shared["countryCode"],
        shared["phoneNumber"],
    )
    assert buyer["billingAddress"] is None  # outside the EU, as on the session
    # A second approval of another session is another token, for that buyer.
    other_id, _ = approved(pay, sandbox)
    assert sandbox.buyer_token(other_id) != sandbox.buyer_token(session_id)


def test_get_buyer_with_a_token_nobody_was_given(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    with pytest.raises(NotFoundError) as missing:
        pay.buyers.get("amzn1.buyer.invented")
    assert missing.value.reason_code == "ResourceNotFound"
    session = pay.checkout_sessions.create(buy_now_body())
    with pytest.raises(KeyError):
        sandbox.buyer_token(session.checkout_session_id)  # not approved yet


def test_the_approval_endpoint_hands_over_the_buyer_token(sandbox: AmazonPaySandbox, pay: AmazonPay) -> None:
    session = pay.checkout_sessions.create(buy_now_body())
    with httpx.Client(transport=sandbox.transport()) as http:
        answer = http.post(
            f"https://pay-api.amazon.com/_sandbox/checkoutSessions/{session.checkout_session_id}/approve"
        )
    assert answer.status_code == 200
    token = answer.headers["x-sandbox-buyer-token"]
    assert token == sandbox.buyer_token(session.checkout_session_id)
    assert pay.buyers.get(token).buyer_id == answer.json()["buyer"]["buyerId"]


# --- updateCharge -----------------------------------------------------------------------------------


def test_update_charge_cancels_an_open_charge_once(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id, shared = approved(pay, sandbox)
    charge_id = pay.checkout_sessions.finalize(session_id, finalize_body(shared)).charge_id
    assert isinstance(charge_id, str)
    update = {"statusDetails": {"state": "Canceled", "reasonCode": "ExpiredUnused"}}
    updated = pay.charges.update(charge_id, update)
    assert (updated.status_details.state, updated.status_details.reason_code) == ("Canceled", "ExpiredUnused")
    assert pay.charges.get(charge_id).status_details.state == "Canceled"
    with pytest.raises(UnprocessableError) as again:
        pay.charges.update(charge_id, update)
    assert again.value.reason_code == "InvalidChargeStatus"
    with pytest.raises(NotFoundError):
        pay.charges.update("S01-0000000-0000000-C000000", update)


def test_update_charge_sets_only_the_documented_state(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id, shared = approved(pay, sandbox)
    charge_id = pay.checkout_sessions.finalize(session_id, finalize_body(shared)).charge_id
    assert isinstance(charge_id, str)
    with pytest.raises(BadRequestError) as refused:
        pay.charges.update(charge_id, {"statusDetails": {"state": "Captured"}})
    assert refused.value.reason_code == "InvalidParameterValue"
    assert "Canceled" in refused.value.message
    assert pay.charges.get(charge_id).status_details.state == "Authorized"


# --- createDeliveryTracker ----------------------------------------------------------------------------


def _tracker(permission_id: str, *numbers: str) -> dict[str, Any]:
    details = [{"trackingNumber": number, "carrierCode": "UPS"} for number in numbers]
    return {"chargePermissionId": permission_id, "deliveryDetails": details}


def test_a_tracking_number_is_accepted_once(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id, shared = approved(pay, sandbox)
    permission_id = str(pay.checkout_sessions.finalize(session_id, finalize_body(shared)).charge_permission_id)
    tracker = pay.delivery_trackers.create(_tracker(permission_id, "1Z999AA10123456784"))
    assert tracker.to_dict() == _tracker(permission_id, "1Z999AA10123456784")
    with pytest.raises(BadRequestError) as again:
        pay.delivery_trackers.create(_tracker(permission_id, "1Z999AA10123456784"))
    assert again.value.reason_code == "InvalidParameterValue"
    assert "already used" in again.value.message
    with pytest.raises(BadRequestError):
        pay.delivery_trackers.create(_tracker(permission_id, "TWICE", "TWICE"))
    # A refused request recorded nothing: its numbers are still free.
    assert pay.delivery_trackers.create(_tracker(permission_id, "TWICE")).to_dict() == _tracker(permission_id, "TWICE")


def test_more_than_100_shipments_are_refused_and_repeats_are_found_in_one_pass(
    pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    session_id, shared = approved(pay, sandbox)
    permission_id = str(pay.checkout_sessions.finalize(session_id, finalize_body(shared)).charge_permission_id)
    # 20 000 (1 MB) took ~20 s under the simulator's lock, every number compared with every other
    many = _tracker(permission_id, *(f"1Z{n:016d}" for n in range(1000)))
    with pytest.raises(BadRequestError) as refused:
        pay.delivery_trackers.create(many)
    assert "1000 shipments; the simulator takes at most 100" in refused.value.message
    limit = _tracker(permission_id, *(f"1Z{n:016d}" for n in range(100)))
    assert pay.delivery_trackers.create(limit).to_dict() == limit
    with pytest.raises(BadRequestError, match="'1Z0000000000000099' was already used"):
        pay.delivery_trackers.create(_tracker(permission_id, "FRESH", "1Z0000000000000099"))
    with pytest.raises(BadRequestError, match="'LATE' was already used"):
        pay.delivery_trackers.create(_tracker(permission_id, *(f"N{n}" for n in range(98)), "LATE", "LATE"))


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (_tracker("S01-0000000-0000000", "N1"), "is invalid"),
        ({**_tracker("S01-0000000-0000000", "N2"), "amazonOrderReferenceId": "P01-1"}, "exactly one"),
        ({"deliveryDetails": [{"trackingNumber": "N3", "carrierCode": "UPS"}]}, "exactly one"),
        ({"amazonOrderReferenceId": "P01-0000000-0000000", "deliveryDetails": []}, "no shipment"),
    ],
    ids=["unknown-permission", "both-ids", "no-id", "no-shipment"],
)
def test_delivery_tracker_refusals(pay: AmazonPay, body: dict[str, Any], words: str) -> None:
    with pytest.raises(BadRequestError) as refused:
        pay.delivery_trackers.create(body)
    assert refused.value.reason_code == "InvalidParameterValue"
    assert words in refused.value.message


def test_japan_tracks_charge_permissions_only(sandbox: AmazonPaySandbox) -> None:
    with client(sandbox, "jp") as pay:
        body = {
            "amazonOrderReferenceId": "P01-0000000-0000000",
            "deliveryDetails": [{"trackingNumber": "J1", "carrierCode": "JP"}],
        }
        with pytest.raises(BadRequestError) as refused:
            pay.delivery_trackers.create(body)
        assert "chargePermissionId only" in refused.value.message
    with client(sandbox, "na") as pay:
        assert pay.delivery_trackers.create(body).amazon_order_reference_id == "P01-0000000-0000000"


# --- getAuthorizationToken and delegated calls -----------------------------------------------------------


def test_an_mws_token_exchanges_for_a_token_delegated_calls_carry(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    token = pay.authorization_tokens.get("amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE", merchant_id="A1MERCHANT")
    issued = token.authorization_token
    assert isinstance(issued, str)
    assert issued.startswith("Atza|")
    again = pay.authorization_tokens.get("amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE", merchant_id="A1MERCHANT")
    assert again.authorization_token == issued
    other = pay.authorization_tokens.get("amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE", merchant_id="A2OTHER")
    assert other.authorization_token != issued
    (first, *_) = [r for r in sandbox.requests if r.operation_id == "getAuthorizationToken"]
    assert first.url.endswith("?merchantId=A1MERCHANT")
    # A delegated call with the issued token is served; with any other token it is refused.
    created = pay.checkout_sessions.create(buy_now_body(), auth_token=issued)
    assert created.status_details.state == "Open"
    with pytest.raises(AuthenticationError) as refused:
        pay.checkout_sessions.get(created.checkout_session_id, auth_token="Atza|invented")
    assert refused.value.reason_code == "UnauthorizedAccess"
    assert "Atza|invented" not in str(refused.value)


def test_an_mws_token_must_look_like_one(pay: AmazonPay) -> None:
    with pytest.raises(BadRequestError) as refused:
        pay.authorization_tokens.get("not-an-mws-token", merchant_id="A1MERCHANT")
    assert refused.value.reason_code == "InvalidParameterValue"
    assert "amzn.mws." in refused.value.message


def test_complete_without_a_charge_amount_is_refused_for_a_session_that_is_not_a_setup(
    pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    # The spec takes {} (a Saved Wallet setup-only session, issue 18); a one-time session still
    # needs its amount: the simulator answers as the service does, not with a failure of its own.
    session_id, _ = approved(pay, sandbox)
    pay.checkout_sessions.update(
        session_id, {"webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/r"}}
    )
    with pytest.raises(BadRequestError) as refused:
        pay.checkout_sessions.complete(session_id, {})
    assert refused.value.reason_code == "InvalidParameterValue"
    assert "chargeAmount is required to complete Checkout Session" in refused.value.message
