"""The buyer's side in Chromium: the button, Amazon's hosted pages and the redirects, ending in the simulator's ledger.

Each test clicks through as a buyer would and ends by checking the simulator's state (the
session, permission, charge and settlement ledger), not only what the pages say.
"""

from __future__ import annotations

from typing import Any

import pytest

from amazonpay import APIStatusError

from .conftest import BuyerSteps
from .shop import ORIGIN, PRICE, Shop


def _click_button(page: Any) -> None:
    page.goto(f"{ORIGIN}/product")
    page.click("#AmazonPayButton [role=button]")


def _place_order(page: Any) -> None:
    page.wait_for_url(f"{ORIGIN}/review?*")
    page.click("#place-order")


def _outcome(page: Any) -> str:
    page.wait_for_url(f"{ORIGIN}/*")
    return str(page.inner_text("#outcome"))


def _only(mapping: Any) -> dict[str, Any]:
    assert len(mapping) == 1, list(mapping)
    return dict(mapping[next(iter(mapping))])


def test_pay_and_ship_ends_in_a_captured_charge(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    _click_button(page)
    buyer.sign_in(buyer=1)
    buyer.choose(address=1)
    page.wait_for_url(f"{ORIGIN}/review?*")
    assert page.inner_text("#address") == "Erika Mustermann (office), 1 Second Street, Berlin"
    assert page.inner_text("#payment") == "Visa ****1111 (Amazon Pay)"
    _place_order(page)
    assert _outcome(page).startswith("Thank you")

    session = _only(amazon_pay_sandbox.checkout_sessions)
    assert session["statusDetails"]["state"] == "Completed"
    assert session["productType"] == "PayAndShip"
    assert session["shippingAddress"]["addressLine1"] == "1 Second Street"
    charge = amazon_pay_sandbox.charges[session["chargeId"]]
    assert charge["statusDetails"]["state"] == "Captured"
    assert charge["captureAmount"] == PRICE
    permission = amazon_pay_sandbox.charge_permissions[session["chargePermissionId"]]
    assert permission["buyer"]["email"] == "jan.jansen@example.com"
    ledger = amazon_pay_sandbox.ledger()
    assert [(row["TransactionType"], row["TransactionAmount"], row["ChargeId"]) for row in ledger] == [
        ("Capture", "14.00", charge["chargeId"])
    ]


def test_a_browser_buyer_and_approve_end_in_the_same_objects(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay: Any, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    _click_button(page)
    buyer.sign_in()
    buyer.choose()
    _place_order(page)
    assert _outcome(page).startswith("Thank you")
    browser_session = _only(amazon_pay_sandbox.checkout_sessions)

    made = amazon_pay.checkout_sessions.create(shop.payload)
    amazon_pay_sandbox.approve(made.checkout_session_id)
    amazon_pay.checkout_sessions.update(
        made.checkout_session_id,
        {"webCheckoutDetails": {"checkoutResultReturnUrl": f"{ORIGIN}/result"}, "paymentDetails": shop.payment_details},
    )
    amazon_pay.checkout_sessions.complete(made.checkout_session_id, {"chargeAmount": PRICE})
    api_session = amazon_pay_sandbox.checkout_sessions[made.checkout_session_id]

    def shape(session: dict[str, Any]) -> dict[str, Any]:
        permission = amazon_pay_sandbox.charge_permissions[session["chargePermissionId"]]
        charge = amazon_pay_sandbox.charges[session["chargeId"]]
        return {
            "session": (session["statusDetails"]["state"], session["productType"], session["shippingAddress"]),
            "permission": (
                permission["statusDetails"]["state"],
                permission["buyer"]["name"],
                permission["shippingAddress"],
            ),
            "charge": (charge["statusDetails"]["state"], charge["chargeAmount"], charge["captureAmount"]),
        }

    assert shape(browser_session) == shape(api_session)


def test_pay_only_has_no_address_and_an_authorized_charge(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    shop.product_type = "PayOnly"
    shop.payment_details = {"paymentIntent": "Authorize", "chargeAmount": PRICE}
    _click_button(page)
    buyer.sign_in()
    assert buyer.page.locator("#addresses").count() == 0  # the chooser offers no address
    buyer.choose()
    page.wait_for_url(f"{ORIGIN}/review?*")
    assert page.inner_text("#address") == "no shipping address"
    _place_order(page)
    assert _outcome(page).startswith("Thank you")

    session = _only(amazon_pay_sandbox.checkout_sessions)
    assert session["productType"] == "PayOnly"
    assert session["shippingAddress"] is None
    assert amazon_pay_sandbox.charges[session["chargeId"]]["statusDetails"]["state"] == "Authorized"
    assert amazon_pay_sandbox.ledger() == []  # authorized, nothing captured


def test_recurring_checkout_grants_a_recurring_permission(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay: Any, amazon_pay_sandbox: Any
) -> None:
    shop.checkout(
        chargePermissionType="Recurring",
        recurringMetadata={"frequency": {"unit": "Month", "value": "1"}, "amount": PRICE},
    )
    _click_button(page)
    buyer.sign_in()
    buyer.choose()
    _place_order(page)
    assert _outcome(page).startswith("Thank you")

    session = _only(amazon_pay_sandbox.checkout_sessions)
    permission = amazon_pay_sandbox.charge_permissions[session["chargePermissionId"]]
    assert permission["chargePermissionType"] == "Recurring"
    assert permission["recurringMetadata"]["frequency"] == {"unit": "Month", "value": "1"}
    assert permission["statusDetails"]["state"] == "Chargeable"
    # The next month's charge, made by the merchant without the buyer.
    amazon_pay.charges.create(
        {"chargePermissionId": permission["chargePermissionId"], "chargeAmount": PRICE, "captureNow": True},
        idempotency_key="browser-recurring-2",
    )
    assert [row["TransactionAmount"] for row in amazon_pay_sandbox.ledger()] == ["14.00", "14.00"]


def test_soft_decline_then_another_instrument(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    _click_button(page)
    buyer.sign_in()
    buyer.choose(instrument="mastercard-4444")
    page.wait_for_url(f"{ORIGIN}/review?*")
    assert page.inner_text("#payment") == "Mastercard ****4444 (Amazon Pay)"
    _place_order(page)
    assert buyer.pick_after_decline("visa-1111").startswith("SoftDeclined")
    assert _outcome(page).startswith("Thank you")

    session = _only(amazon_pay_sandbox.checkout_sessions)
    charge = amazon_pay_sandbox.charges[session["chargeId"]]
    assert charge["statusDetails"]["state"] == "Captured"
    assert [row["TransactionAmount"] for row in amazon_pay_sandbox.ledger()] == ["14.00"]


def test_hard_decline_cancels_the_checkout(page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any) -> None:
    shop.checkout()
    _click_button(page)
    buyer.sign_in()
    buyer.choose(instrument="amex-0005")
    _place_order(page)
    assert _outcome(page) == "Payment failed: CheckoutSessionCanceled"

    session = _only(amazon_pay_sandbox.checkout_sessions)
    assert session["statusDetails"]["state"] == "Canceled"
    assert session["statusDetails"]["reasonCode"] == "Declined"
    assert len(amazon_pay_sandbox.charges) == 0
    assert len(amazon_pay_sandbox.charge_permissions) == 0
    assert amazon_pay_sandbox.ledger() == []


def test_pending_instrument_gives_a_pending_authorization(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay: Any, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    shop.payment_details = {"paymentIntent": "Authorize", "chargeAmount": PRICE, "canHandlePendingAuthorization": True}
    _click_button(page)
    buyer.sign_in()
    buyer.choose(instrument="discover-0000")
    _place_order(page)
    assert _outcome(page).startswith("Thank you")

    session = _only(amazon_pay_sandbox.checkout_sessions)
    assert amazon_pay_sandbox.charges[session["chargeId"]]["statusDetails"]["state"] == "AuthorizationInitiated"
    assert amazon_pay.charges.get(session["chargeId"]).status_details.state == "Authorized"  # settles on read


def test_cancel_returns_to_the_cancel_url(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay: Any, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    _click_button(page)
    buyer.sign_in()
    buyer.cancel(on="choose")
    page.wait_for_url(f"{ORIGIN}/cancel")
    assert page.inner_text("#outcome") == "You canceled Amazon Pay."

    session = _only(amazon_pay_sandbox.checkout_sessions)
    assert (session["statusDetails"]["state"], session["statusDetails"]["reasonCode"]) == ("Canceled", "BuyerCanceled")
    with pytest.raises(APIStatusError) as refused:
        amazon_pay.checkout_sessions.complete(session["checkoutSessionId"], {"chargeAmount": PRICE})
    assert refused.value.reason_code == "CheckoutSessionCanceled"
    assert amazon_pay_sandbox.ledger() == []


def test_tampered_payload_is_refused(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay: Any, amazon_pay_sandbox: Any
) -> None:
    shop.checkout()
    signed, _ = amazon_pay.sign_button_payload(shop.payload)
    shop.payload_text = signed.replace("/review", "/elsewhere")  # changed after signing
    _click_button(page)
    error = buyer.error()
    assert "Error Code: InvalidSignatureError" in error
    assert len(amazon_pay_sandbox.checkout_sessions) == 0


def test_payload_that_is_not_json_is_refused(page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any) -> None:
    shop.checkout()
    shop.payload = "{'storeId': 'not JSON'}"  # type: ignore[assignment]  # signed as given
    _click_button(page)
    assert "Error Code: InvalidRequestFormat" in buyer.error()
    assert len(amazon_pay_sandbox.checkout_sessions) == 0


def test_change_address_round_trip(page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any) -> None:
    shop.checkout()
    _click_button(page)
    buyer.sign_in()
    buyer.choose(address=0)
    page.wait_for_url(f"{ORIGIN}/review?*")
    assert page.inner_text("#address") == "Erika Mustermann, Marktplatz 1, Berlin"
    page.click("#change-address")
    buyer.choose(address=1)
    page.wait_for_url(f"{ORIGIN}/review?*")
    assert page.inner_text("#address") == "Erika Mustermann (office), 1 Second Street, Berlin"
    _place_order(page)
    assert _outcome(page).startswith("Thank you")

    session = _only(amazon_pay_sandbox.checkout_sessions)
    permission = amazon_pay_sandbox.charge_permissions[session["chargePermissionId"]]
    assert permission["shippingAddress"]["addressLine1"] == "1 Second Street"
    assert [row["TransactionAmount"] for row in amazon_pay_sandbox.ledger()] == ["14.00"]


def test_end_of_checkout_pays_on_the_hosted_page(
    page: Any, buyer: BuyerSteps, shop: Shop, amazon_pay_sandbox: Any
) -> None:
    shop.checkout(
        {
            "webCheckoutDetails": {"checkoutMode": "ProcessOrder", "checkoutResultReturnUrl": f"{ORIGIN}/result"},
            "storeId": "amzn1.application-oa2-client.0123456789abcdef",
            "paymentDetails": {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": PRICE},
            "addressDetails": {
                "name": "Max Muster",
                "addressLine1": "Hauptstr. 5",
                "city": "Hamburg",
                "postalCode": "20095",
                "countryCode": "DE",
                "phoneNumber": "040 000000",
            },
        }
    )
    _click_button(page)
    buyer.sign_in()
    assert buyer.page.locator("#addresses").count() == 0  # the merchant sent the address
    assert buyer.page.inner_text("#continue") == "Pay now"
    buyer.choose()
    assert _outcome(page).startswith("Thank you")  # straight from Amazon's page to the result page

    session = _only(amazon_pay_sandbox.checkout_sessions)
    assert session["shippingAddress"]["addressLine1"] == "Hauptstr. 5"
    assert amazon_pay_sandbox.charges[session["chargeId"]]["statusDetails"]["state"] == "Captured"
    assert [row["TransactionAmount"] for row in amazon_pay_sandbox.ledger()] == ["14.00"]
