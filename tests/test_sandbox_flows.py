"""The flows Amazon documents beyond the one-time checkout, played by the simulator (issue 18).

Recurring, Saved Wallet, end of checkout (``ProcessOrder``), Buy Now with scopes, the payment
details carried to the charge and the advanced one-time options, each rule with the Amazon page
or SDK file it comes from (the simulator's modules cite the same). Every call goes through the
public client, and every answer of the simulator is validated against the effective spec on
the way (``Checked``, tests/test_sandbox_extensions.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from amazonpay import AmazonPay, BadRequestError, UnprocessableError
from amazonpay.testing import AmazonPaySandbox, SandboxError
from amazonpay.testing._limits import add_months, month_start
from tests.test_sandbox_extensions import Checked, money

STORE_ID = "amzn1.application-oa2-client.flows"
REVIEW = "https://shop.example/review"
RESULT = "https://shop.example/result"
MONTHLY = {"frequency": {"unit": "Month", "value": "1"}, "amount": money("30.00")}
RECURRING = Path(__file__).resolve().parents[1] / "docs" / "recurring.md"


@pytest.fixture
def pay(sandbox: AmazonPaySandbox, sleeps: list[float]) -> Iterator[AmazonPay]:
    """A client whose signing clock is the sandbox's, so that the simulated time can move on."""
    key_id, pem = sandbox.create_key()
    with AmazonPay(
        public_key_id=key_id, private_key=pem, region="na", transport=Checked(sandbox), clock=sandbox.now
    ) as client:
        yield client


def as_json(model: Any) -> dict[str, Any]:
    answer: dict[str, Any] = model.to_dict()
    return answer


def constraints(session: Any) -> list[str]:
    return [constraint["constraintId"] for constraint in as_json(session)["constraints"]]


def checkout(pay: AmazonPay, sandbox: AmazonPaySandbox, **create: Any) -> str:
    """A session created with ``create`` (and the review URL), approved by the buyer."""
    body = {"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW}, "storeId": STORE_ID, **create}
    session_id: str = pay.checkout_sessions.create(body).checkout_session_id
    sandbox.approve(session_id)
    return session_id


def recurring_permission(pay: AmazonPay, sandbox: AmazonPaySandbox, intent: str = "Confirm") -> Any:
    """A completed Recurring checkout of 30.00 USD a month; its answer."""
    session_id = checkout(
        pay,
        sandbox,
        chargePermissionType="Recurring",
        recurringMetadata=MONTHLY,
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
        paymentDetails={"paymentIntent": intent, "chargeAmount": money("30.00")},
    )
    return pay.checkout_sessions.complete(session_id, {"chargeAmount": money("30.00")})


def saved_wallet(pay: AmazonPay, sandbox: AmazonPaySandbox) -> Any:
    """A Saved Wallet set up without a charge (the .NET README's session), completed with {}."""
    session_id = checkout(
        pay,
        sandbox,
        chargePermissionType="PaymentMethodOnFile",
        paymentMethodOnFileMetadata={"setupOnly": True},
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
        paymentDetails={"paymentIntent": "Confirm"},
    )
    return pay.checkout_sessions.complete(session_id, {})


# --- Recurring --------------------------------------------------------------------------------------


def test_a_recurring_checkout_carries_its_metadata_to_the_permission(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    created = pay.checkout_sessions.create(
        {
            "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW},
            "storeId": STORE_ID,
            "chargePermissionType": "Recurring",
            "recurringMetadata": MONTHLY,
        }
    )
    assert as_json(created)["chargePermissionType"] == "Recurring"
    assert as_json(created)["recurringMetadata"] == MONTHLY
    done = recurring_permission(pay, sandbox)
    assert done.charge_id is None  # Confirm: a free trial, no charge at checkout
    permission = as_json(pay.charge_permissions.get(done.charge_permission_id))
    assert permission["chargePermissionType"] == "Recurring"
    assert permission["recurringMetadata"] == MONTHLY
    assert permission["expirationTimestamp"] is None
    # docs amazon-pay-checkout/monthly-recurring-charge-limits.md: USD 1,000 a calendar month.
    assert permission["limits"]["amountLimit"] == money("1000.00")


def test_a_recurring_session_waits_for_its_frequency(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id = checkout(
        pay,
        sandbox,
        chargePermissionType="Recurring",
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
        paymentDetails={"paymentIntent": "Confirm", "chargeAmount": money("9.99")},
    )
    session = pay.checkout_sessions.get(session_id)
    assert constraints(session) == ["RecurringFrequencyNotSet"]
    assert session.web_checkout_details.amazon_pay_redirect_url is None
    with pytest.raises(UnprocessableError, match="RecurringFrequencyNotSet"):
        pay.checkout_sessions.complete(session_id, {"chargeAmount": money("9.99")})
    updated = pay.checkout_sessions.update(
        session_id, {"recurringMetadata": {"frequency": {"unit": "Week", "value": 1}}}
    )
    assert constraints(updated) == []
    assert isinstance(updated.web_checkout_details.amazon_pay_redirect_url, str)


def test_a_one_time_checkout_is_upgraded_to_recurring_on_update(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-checkout/upgrading-from-onetime-to-recurring.html: the page's body.
    session_id = checkout(pay, sandbox)
    upgrade = {
        "chargePermissionType": "Recurring",
        "recurringMetadata": {"frequency": {"unit": "Month", "value": "1"}, "amount": money("30")},
    }
    upgraded = pay.checkout_sessions.update(session_id, upgrade)
    assert (upgraded.charge_permission_type, as_json(upgraded)["recurringMetadata"]["amount"]) == (
        "Recurring",
        money("30.00"),
    )
    pay.checkout_sessions.update(
        session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": RESULT},
            "paymentDetails": {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": money("30")},
        },
    )
    done = pay.checkout_sessions.complete(session_id, {"chargeAmount": money("30")})
    assert pay.charges.get(done.charge_id).status_details.state == "Captured"
    assert pay.charge_permissions.get(done.charge_permission_id).charge_permission_type == "Recurring"


def test_recurring_metadata_goes_with_a_recurring_permission_only(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id = checkout(pay, sandbox)
    with pytest.raises(BadRequestError, match="send chargePermissionType Recurring"):
        pay.checkout_sessions.update(session_id, {"recurringMetadata": MONTHLY})
    assert as_json(pay.checkout_sessions.get(session_id))["recurringMetadata"] is None  # nothing changed
    one_time = checkout(
        pay,
        sandbox,
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
        paymentDetails={"paymentIntent": "Confirm", "chargeAmount": money("5.00")},
    )
    permission_id = pay.checkout_sessions.complete(one_time, {"chargeAmount": money("5.00")}).charge_permission_id
    with pytest.raises(BadRequestError, match="is OneTime"):
        pay.charge_permissions.update(permission_id, {"recurringMetadata": MONTHLY})


def test_merchant_initiated_charges_within_the_monthly_limit(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    permission_id = recurring_permission(pay, sandbox).charge_permission_id
    for _ in range(3):
        charge = pay.charges.create(
            {
                "chargePermissionId": permission_id,
                "chargeAmount": money("300.00"),
                "captureNow": True,
                "chargeInitiator": "MITR",
            }
        )
        assert (charge.status_details.state, charge.charge_initiator) == ("Captured", "MITR")
    limits = as_json(pay.charge_permissions.get(permission_id))["limits"]
    assert limits == {"amountLimit": money("1000.00"), "amountBalance": money("100.00")}
    with pytest.raises(BadRequestError) as over:
        pay.charges.create({"chargePermissionId": permission_id, "chargeAmount": money("100.01")})
    assert over.value.reason_code == "PeriodicAmountExceeded"
    # The limit resets at the end of every month.
    now = sandbox.now()
    sandbox.advance(add_months(month_start(now), 1) - now + timedelta(hours=1))
    assert pay.charges.create({"chargePermissionId": permission_id, "chargeAmount": money("900.00")}).charge_id


def test_a_recurring_permission_takes_no_buyer_initiated_charge(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-checkout/advanced-subscription-use-cases.html: "Recurring Charge
    # Permissions do not support card-on-file or buyer initiated payments".
    permission_id = recurring_permission(pay, sandbox).charge_permission_id
    with pytest.raises(BadRequestError, match="merchant-initiated"):
        pay.charges.create(
            {"chargePermissionId": permission_id, "chargeAmount": money("1.00"), "chargeInitiator": "CITU"}
        )
    assert not sandbox.charges


def test_update_charge_permission_replaces_the_recurring_metadata(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-checkout/update-info-post-checkout.html: the page's body.
    permission_id = recurring_permission(pay, sandbox).charge_permission_id
    body = {
        "merchantMetadata": {"merchantReferenceId": "32-41-323141-32", "customInformation": ""},
        "recurringMetadata": {"frequency": {"unit": "Month", "value": "1"}, "amount": money("14")},
    }
    updated = as_json(pay.charge_permissions.update(permission_id, body))
    assert updated["recurringMetadata"] == {"frequency": {"unit": "Month", "value": "1"}, "amount": money("14.00")}
    assert updated["merchantMetadata"]["merchantReferenceId"] == "32-41-323141-32"
    with pytest.raises(BadRequestError) as currency:
        pay.charge_permissions.update(permission_id, {"recurringMetadata": {"amount": money("14", "EUR")}})
    assert currency.value.reason_code == "CurrencyMismatch"
    pay.charge_permissions.close(permission_id, {"closureReason": "Subscription canceled"})
    with pytest.raises(UnprocessableError) as closed:  # only a OneTime permission takes updates once Closed
        pay.charge_permissions.update(permission_id, {"merchantMetadata": {"noteToBuyer": "bye"}})
    assert closed.value.reason_code == "InvalidChargePermissionStatus"


def test_a_recurring_permission_closed_by_amazon_is_notified(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    permission_id = recurring_permission(pay, sandbox).charge_permission_id
    closed = pay.charge_permissions.close(permission_id, {"closureReason": "x"}, simulation_code="AmazonClosed")
    assert as_json(closed)["statusDetails"]["reasons"][0]["reasonCode"] == "AmazonClosed"
    (notification,) = [n for n in sandbox.notifications if n.object_id == permission_id]
    assert (notification.object_type, notification.state) == ("CHARGE_PERMISSION", "Closed")
    with pytest.raises(UnprocessableError) as refused:
        pay.charges.create({"chargePermissionId": permission_id, "chargeAmount": money("1.00")})
    assert refused.value.reason_code == "InvalidChargePermissionStatus"


def test_a_declined_merchant_initiated_charge(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    permission_id = recurring_permission(pay, sandbox).charge_permission_id
    body = {"chargePermissionId": permission_id, "chargeAmount": money("30.00"), "chargeInitiator": "MITR"}
    with pytest.raises(UnprocessableError) as declined:
        pay.charges.create(body, simulation_code="HardDeclined")
    assert declined.value.reason_code == "HardDeclined"
    pending = pay.charges.create({**body, "canHandlePendingAuthorization": True}, simulation_code="SoftDeclined")
    assert pending.status_details.state == "AuthorizationInitiated"
    settled = pay.charges.get(pending.charge_id)
    assert (settled.status_details.state, settled.status_details.reason_code) == ("Declined", "SoftDeclined")
    assert [n.state for n in sandbox.notifications if n.object_id == pending.charge_id] == ["Declined"]
    # A declined charge uses nothing of the month's limit.
    assert as_json(pay.charge_permissions.get(permission_id))["limits"]["amountBalance"] == money("1000.00")
    with pytest.raises(UnprocessableError):
        pay.charges.create(body, simulation_code="AmazonRejected")
    assert pay.charge_permissions.get(permission_id).status_details.state == "Closed"


# --- Saved Wallet -----------------------------------------------------------------------------------


def test_a_setup_only_saved_wallet_completes_with_an_empty_body(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    session_id = checkout(
        pay,
        sandbox,
        chargePermissionType="PaymentMethodOnFile",
        paymentMethodOnFileMetadata={"setupOnly": True},
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
    )
    session = pay.checkout_sessions.get(session_id)
    assert constraints(session) == []  # no amount, no payment intent at setup
    assert as_json(session)["paymentMethodOnFileMetadata"] == {"setupOnly": True}
    with pytest.raises(BadRequestError, match="completed with"):
        pay.checkout_sessions.complete(session_id, {"chargeAmount": money("1.00")})
    done = as_json(pay.checkout_sessions.complete(session_id, {}))
    # As the setup-intent guide's verify-and-complete page shows the answer.
    assert done["statusDetails"]["state"] == "Completed"
    assert (done["chargeId"], done["chargePermissionType"]) == (None, "PaymentMethodOnFile")
    assert (done["webCheckoutDetails"], done["paymentDetails"], done["productType"]) == (None, None, None)
    permission = as_json(pay.charge_permissions.get(done["chargePermissionId"]))
    assert permission["paymentMethodOnFileMetadata"] == {"setupOnly": True}
    assert permission["shippingAddress"] is None
    assert permission["expirationTimestamp"] is None  # closes only when canceled
    # docs amazon-pay-checkout/monthly-paymentmethodonfile-charge-limits.html: USD 15,000.
    assert permission["limits"]["amountLimit"] == money("15000.00")
    assert not sandbox.charges


def test_a_setup_only_session_charges_nothing(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    setup = {"chargePermissionType": "PaymentMethodOnFile", "paymentMethodOnFileMetadata": {"setupOnly": True}}
    with pytest.raises(BadRequestError, match="charges nothing"):
        checkout(pay, sandbox, paymentDetails={"chargeAmount": money("1.00")}, **setup)
    with pytest.raises(BadRequestError, match="use Confirm"):
        checkout(pay, sandbox, paymentDetails={"paymentIntent": "Authorize"}, **setup)
    with pytest.raises(BadRequestError, match="send chargePermissionType PaymentMethodOnFile"):
        checkout(pay, sandbox, paymentMethodOnFileMetadata={"setupOnly": True})
    assert not sandbox.checkout_sessions


def test_saved_wallet_charges_say_who_initiated_them(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-paymentmethodonfile-apb/manage-payments-using-payment-method-on-file.html.
    permission_id = saved_wallet(pay, sandbox).charge_permission_id
    body = {
        "chargePermissionId": permission_id,
        "chargeAmount": money("14.00"),
        "chargeInitiator": "CITU",
        "channel": "Web",
        "captureNow": True,
        "softDescriptor": "Descriptor",
        "canHandlePendingAuthorization": False,
        "merchantMetadata": {"merchantReferenceId": "order-7"},
        "platformId": "SPId",
    }
    charge = as_json(pay.charges.create(body))
    assert (charge["chargeInitiator"], charge["channel"], charge["platformId"]) == ("CITU", "Web", "SPId")
    assert charge["merchantMetadata"]["merchantReferenceId"] == "order-7"
    later = as_json(pay.charges.get(charge["chargeId"]))
    assert (later["chargeInitiator"], later["softDescriptor"]) == ("CITU", "Descriptor")
    with pytest.raises(BadRequestError) as over:
        pay.charges.create({"chargePermissionId": permission_id, "chargeAmount": money("14986.01")})
    assert over.value.reason_code == "PeriodicAmountExceeded"


def test_a_returning_buyer_updates_the_saved_wallet_a_session_names(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # .NET README L248 and its test CanConvertToJsonPaymentMethodOnFileForUpdateFlow.
    permission_id = saved_wallet(pay, sandbox).charge_permission_id
    body = {
        "chargePermissionType": "PaymentMethodOnFile",
        "paymentMethodOnFileMetadata": {"setupOnly": True},
        "chargePermissionId": permission_id,
        "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
    }
    session_id: str = pay.checkout_sessions.create({"storeId": STORE_ID, **body}).checkout_session_id
    sandbox.approve(session_id, {"name": "Returning Buyer"})
    assert pay.checkout_sessions.complete(session_id, {}).charge_permission_id == permission_id
    assert len(sandbox.charge_permissions) == 1
    assert pay.charge_permissions.get(permission_id).buyer.name == "Returning Buyer"
    one_time = recurring_permission(pay, sandbox).charge_permission_id
    with pytest.raises(BadRequestError, match="is a Recurring Charge Permission"):
        pay.checkout_sessions.create({"storeId": STORE_ID, **body, "chargePermissionId": one_time})


def test_a_session_naming_a_saved_wallet_stays_a_saved_wallet_checkout(
    pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    # Create refuses chargePermissionId without PaymentMethodOnFile; an update must not get round it
    # (the session completed as OneTime onto the PaymentMethodOnFile permission).
    permission_id = saved_wallet(pay, sandbox).charge_permission_id
    session_id = checkout(
        pay,
        sandbox,
        chargePermissionType="PaymentMethodOnFile",
        chargePermissionId=permission_id,
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
        paymentDetails={"paymentIntent": "Authorize", "chargeAmount": money("10.00")},
    )
    for kind in ("OneTime", "Recurring"):
        body = {"chargePermissionType": kind, **({"recurringMetadata": MONTHLY} if kind == "Recurring" else {})}
        with pytest.raises(BadRequestError, match=f"stays PaymentMethodOnFile, not {kind}"):
            pay.checkout_sessions.update(session_id, body)
    done = pay.checkout_sessions.complete(session_id, {"chargeAmount": money("10.00")})
    assert (done.charge_permission_type, done.charge_permission_id) == ("PaymentMethodOnFile", permission_id)


def test_a_saved_wallet_is_charged_at_checkout_in_its_own_currency(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # Create Charge refuses another currency on the permission (CurrencyMismatch), and so must a
    # checkout onto it: an EUR 14,000.00 charge was made on the USD wallet and counted as USD
    # 14,000.00 of its monthly limit.
    permission_id = saved_wallet(pay, sandbox).charge_permission_id
    session_id = checkout(
        pay,
        sandbox,
        chargePermissionType="PaymentMethodOnFile",
        chargePermissionId=permission_id,
        webCheckoutDetails={"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT},
        paymentDetails={"paymentIntent": "AuthorizeWithCapture", "chargeAmount": money("14000.00", "EUR")},
    )
    with pytest.raises(BadRequestError) as refused:
        pay.checkout_sessions.complete(session_id, {"chargeAmount": money("14000.00", "EUR")})
    assert refused.value.reason_code == "CurrencyMismatch"
    assert pay.checkout_sessions.get(session_id).status_details.state == "Open"
    limits = as_json(pay.charge_permissions.get(permission_id))["limits"]
    assert limits["amountBalance"] == money("15000.00")


# --- the guide's subscription and Saved Wallet (docs/recurring.md) --------------------------------------------------


def guide_example() -> str:
    """The code block of the guide's page on charging without the buyer."""
    section = RECURRING.read_text(encoding="utf-8").split("# Subscriptions and Saved Wallet:", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_guide_subscription_and_saved_wallet_run_as_written(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    namespace: dict[str, Any] = {"pay": pay, "store_id": STORE_ID, "buyer_signs_in": sandbox.approve}
    exec(guide_example(), namespace)  # noqa: S102  # the guide's own text, run as written
    subscription, saved = namespace["subscription"], namespace["saved"]
    closed = sandbox.charge_permissions[subscription]
    assert (closed["statusDetails"]["state"], closed["recurringMetadata"]["amount"]) == ("Closed", money("12.99"))
    assert sandbox.charge_permissions[saved]["statusDetails"]["state"] == "Chargeable"
    made = sorted(
        (charge["chargePermissionId"] == saved, charge["chargeInitiator"] or "", charge["channel"] or "")
        for charge in sandbox.charges.values()
        if charge["statusDetails"]["state"] == "Captured"
    )
    # Month 1 at checkout (no initiator), two MITR cycles; the wallet's one MITU charge through Web.
    assert made == [(False, "", ""), (False, "MITR", ""), (False, "MITR", ""), (True, "MITU", "Web")]
    settled = [(row["ChargePermissionId"], row["TransactionAmount"]) for row in sandbox.ledger()]
    assert settled == [(subscription, "9.99")] * 3 + [(saved, "38.40")]
    assert len(sandbox.charges) == 4


# --- end of checkout (ProcessOrder) -----------------------------------------------------------------

ADDRESS_DETAILS = {  # docs mobile-app/sample-post-payload.html
    "name": "home",
    "addressLine1": "829 Stendhal Ln",
    "addressLine2": None,
    "city": "Cupertino",
    "districtOrCounty": None,
    "stateOrRegion": "CA",
    "postalCode": "95014",
    "countryCode": "US",
    "phoneNumber": "211901222",
}


def end_of_checkout(**more: Any) -> dict[str, Any]:
    return {
        "storeId": STORE_ID,
        "webCheckoutDetails": {
            "checkoutResultReturnUrl": RESULT,
            "checkoutCancelUrl": "https://shop.example/cancel",
            "checkoutMode": "ProcessOrder",
        },
        "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": money("56.00")},
        **more,
    }


def test_end_of_checkout_is_created_ready_for_the_buyer(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    created = as_json(pay.checkout_sessions.create(end_of_checkout(addressDetails=ADDRESS_DETAILS)))
    web = created["webCheckoutDetails"]
    assert (web["checkoutMode"], web["checkoutCancelUrl"]) == ("ProcessOrder", "https://shop.example/cancel")
    assert web["amazonPayRedirectUrl"].endswith(created["checkoutSessionId"])
    assert created["productType"] == "PayAndShip"
    assert created["shippingAddress"]["addressLine1"] == "829 Stendhal Ln"
    assert constraints(pay.checkout_sessions.get(created["checkoutSessionId"])) == ["BuyerNotAssociated"]
    with pytest.raises(SandboxError, match="addressDetails"):  # the buyer picks no address here
        sandbox.approve(created["checkoutSessionId"], shipping_address={"name": "Elsewhere"})
    sandbox.approve(created["checkoutSessionId"])  # the buyer pays on Amazon Pay's page
    done = pay.checkout_sessions.complete(created["checkoutSessionId"], {"chargeAmount": money("56.00")})
    assert pay.charges.get(done.charge_id).status_details.state == "Authorized"
    assert pay.charge_permissions.get(done.charge_permission_id).to_dict()["shippingAddress"]["postalCode"] == "95014"


def test_end_of_checkout_needs_its_payment_info_at_creation(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-checkout/end-of-checkout.html: payment info set when rendering the button.
    with pytest.raises(BadRequestError, match=r"paymentDetails\.chargeAmount must be set"):
        pay.checkout_sessions.create(end_of_checkout(paymentDetails={"paymentIntent": "Authorize"}))
    with pytest.raises(BadRequestError, match="checkoutMode ProcessOrder"):
        pay.checkout_sessions.create(
            {
                "storeId": STORE_ID,
                "webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW},
                "addressDetails": ADDRESS_DETAILS,
            }
        )
    assert not sandbox.checkout_sessions


def test_pay_only_end_of_checkout_finalizes_with_the_billing_address(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # No addressDetails: PayOnly. docs amazon-pay-buy-now-checkout/verify-and-complete-checkout.html:
    # "For PayOnly use cases, the same requirement exists for the billingAddress".
    scopes = ["name", "email", "phoneNumber", "billingAddress"]
    session_id: str = pay.checkout_sessions.create(end_of_checkout(scopes=scopes)).checkout_session_id
    sandbox.approve(session_id)
    session = as_json(pay.checkout_sessions.get(session_id))
    assert (session["productType"], session["shippingAddress"]) == ("PayOnly", None)
    billing = session["billingAddress"]
    finalize = {"chargeAmount": money("56.00"), "paymentIntent": "Authorize"}
    with pytest.raises(BadRequestError, match="billingAddress is required"):
        pay.checkout_sessions.finalize(session_id, finalize)
    with pytest.raises(BadRequestError, match="no shippingAddress"):
        pay.checkout_sessions.finalize(session_id, {**finalize, "billingAddress": billing, "shippingAddress": billing})
    done = pay.checkout_sessions.finalize(session_id, {**finalize, "billingAddress": billing})
    assert done.status_details.state == "Completed"


def test_a_checkout_whose_authorization_is_pending_answers_202(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # The PHP SDK's README, completeCheckoutSession: "if ($result['status'] === 202) { // Charge
    # Permission is in AuthorizationInitiated state", else 200; Amazon's Magento plugin takes a 202 as
    # pending. The client raised UnexpectedResponseError on it ("the call may have succeeded").
    pending = {"paymentIntent": "Authorize", "chargeAmount": money("10.00"), "canHandlePendingAuthorization": True}
    urls = {"checkoutReviewReturnUrl": REVIEW, "checkoutResultReturnUrl": RESULT}
    completed = checkout(pay, sandbox, webCheckoutDetails=urls, paymentDetails=pending)
    done = pay.checkout_sessions.complete(completed, {"chargeAmount": money("10.00")})
    finalized = checkout(pay, sandbox, paymentDetails=pending)
    shared = as_json(pay.checkout_sessions.get(finalized))["shippingAddress"]
    body = {"chargeAmount": money("10.00"), "paymentIntent": "Authorize", "shippingAddress": shared}
    finished = pay.checkout_sessions.finalize(finalized, {**body, "canHandlePendingAuthorization": True})
    at_once = checkout(
        pay, sandbox, webCheckoutDetails=urls, paymentDetails={**pending, "canHandlePendingAuthorization": False}
    )
    pay.checkout_sessions.complete(at_once, {"chargeAmount": money("10.00")})
    answered = [r.status for r in sandbox.requests if r.path.endswith(("/complete", "/finalize"))]
    assert answered == [202, 202, 200]
    for session in (done, finished):
        assert session.status_details.state == "Completed"
        assert sandbox.charges[session.charge_id]["statusDetails"]["state"] == "AuthorizationInitiated"


# --- Buy Now with scopes, Finalize ------------------------------------------------------------------


def test_buy_now_shares_a_billing_address_when_the_scopes_ask(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    details = {"paymentIntent": "Confirm", "chargeAmount": money("10.00"), "totalOrderAmount": money("10.00")}
    without = checkout(pay, sandbox, paymentDetails=details)
    assert as_json(pay.checkout_sessions.get(without))["billingAddress"] is None  # no scopes, outside the EU
    session_id = checkout(pay, sandbox, paymentDetails=details, scopes=["name", "email", "billingAddress"])
    session = as_json(pay.checkout_sessions.get(session_id))
    body = {
        "shippingAddress": session["shippingAddress"],
        "billingAddress": session["billingAddress"],
        "chargeAmount": money("10"),
        "paymentIntent": "Confirm",
    }
    with pytest.raises(BadRequestError, match="totalOrderAmount is required"):
        pay.checkout_sessions.finalize(session_id, body)
    with pytest.raises(BadRequestError, match="differs in city"):
        pay.checkout_sessions.finalize(
            session_id,
            {**body, "totalOrderAmount": money("10"), "billingAddress": {**body["billingAddress"], "city": "X"}},
        )
    assert pay.checkout_sessions.finalize(session_id, {**body, "totalOrderAmount": money("10")}).charge_permission_id


def test_finalize_sends_back_the_sessions_supplementary_data(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # The Node SDK's sandbox test finalizes with supplementaryData the session was created with.
    data = "TestSupplementaryData-onInitCheckout"
    details = {"paymentIntent": "Confirm", "chargeAmount": money("10.00")}
    session_id = checkout(pay, sandbox, paymentDetails=details, supplementaryData=data)
    address = as_json(pay.checkout_sessions.get(session_id))["shippingAddress"]
    body = {"shippingAddress": address, "chargeAmount": money("10"), "paymentIntent": "Confirm"}
    with pytest.raises(BadRequestError, match="supplementaryData must be"):
        pay.checkout_sessions.finalize(session_id, body)
    done = pay.checkout_sessions.finalize(session_id, {**body, "supplementaryData": data})
    assert as_json(done)["supplementaryData"] == data


# --- payment details: softDescriptor, totalOrderAmount, advanced one-time options -------------------


def test_the_session_s_soft_descriptor_and_total_reach_the_charge_and_permission(
    pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    # docs amazon-pay-checkout/set-payment-info.html and one-time-payment-scenarios.html
    # ("Partial authorization or capture at checkout").
    session_id = checkout(pay, sandbox)
    pay.checkout_sessions.update(
        session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": RESULT},
            "paymentDetails": {
                "paymentIntent": "AuthorizeWithCapture",
                "softDescriptor": "Descriptor",
                "chargeAmount": money("40.00"),
                "totalOrderAmount": money("100.00"),
            },
            "merchantMetadata": {"merchantReferenceId": "order-9"},
            "platformId": "SPId",
        },
    )
    shown = as_json(pay.checkout_sessions.get(session_id))["paymentDetails"]
    assert (shown["softDescriptor"], shown["totalOrderAmount"]) == ("Descriptor", money("100.00"))
    with pytest.raises(BadRequestError, match="totalOrderAmount is required"):
        pay.checkout_sessions.complete(session_id, {"chargeAmount": money("40.00")})
    done = pay.checkout_sessions.complete(
        session_id, {"chargeAmount": money("40.00"), "totalOrderAmount": money("100.00")}
    )
    charge = as_json(pay.charges.get(done.charge_id))
    assert (charge["softDescriptor"], charge["platformId"]) == ("Descriptor", "SPId")
    assert charge["merchantMetadata"]["merchantReferenceId"] == "order-9"
    limits = as_json(pay.charge_permissions.get(done.charge_permission_id))["limits"]
    assert limits == {"amountLimit": money("100.00"), "amountBalance": money("60.00")}
    rest = pay.charges.create(
        {"chargePermissionId": done.charge_permission_id, "chargeAmount": money("60.00"), "captureNow": True}
    )
    assert rest.status_details.state == "Captured"
    assert pay.charge_permissions.get(done.charge_permission_id).status_details.state == "Closed"  # all captured


def test_a_soft_descriptor_applies_with_authorize_with_capture_only(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # .NET PaymentDetails.cs: "Do not use if PaymentIntent is set to Confirm or Authorize."
    session_id = checkout(pay, sandbox)
    with pytest.raises(BadRequestError, match="AuthorizeWithCapture"):
        pay.checkout_sessions.update(
            session_id, {"paymentDetails": {"paymentIntent": "Authorize", "softDescriptor": "Descriptor"}}
        )
    assert as_json(pay.checkout_sessions.get(session_id))["paymentDetails"]["paymentIntent"] is None


def test_allow_overcharge_and_extend_expiration(pay: AmazonPay, sandbox: AmazonPaySandbox) -> None:
    # docs amazon-pay-checkout/advanced-one-time-payment-options.html: set at creation only; the
    # limit is 900 % of the order or 500 USD, whichever is more; 13 months instead of 180 days.
    options = {"allowOvercharge": True, "extendExpiration": True}
    session_id = checkout(pay, sandbox, paymentDetails=options)
    with pytest.raises(BadRequestError, match="only be set when the Checkout Session is created"):
        pay.checkout_sessions.update(session_id, {"paymentDetails": {"allowOvercharge": False}})
    pay.checkout_sessions.update(
        session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": RESULT},
            "paymentDetails": {"paymentIntent": "Confirm", "chargeAmount": money("20.00"), **options},
        },
    )
    done = pay.checkout_sessions.complete(session_id, {"chargeAmount": money("20.00")})
    permission = as_json(pay.charge_permissions.get(done.charge_permission_id))
    assert permission["limits"]["amountLimit"] == money("500.00")
    created = datetime.strptime(permission["creationTimestamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert permission["expirationTimestamp"] == add_months(created, 13).strftime("%Y%m%dT%H%M%SZ")
    assert pay.charges.create({"chargePermissionId": done.charge_permission_id, "chargeAmount": money("450.00")})
    with pytest.raises(BadRequestError, match="one-time checkout"):
        checkout(pay, sandbox, chargePermissionType="Recurring", recurringMetadata=MONTHLY, paymentDetails=options)
