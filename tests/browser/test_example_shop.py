"""The example shop (examples/shop, what the README points a new user at) clicked through in Chromium.

Set up as ``nox -s shop`` sets it up for a person: the shop serves its pages on loopback and
loads the simulator's own ``checkout.js`` (``AMAZON_PAY_CHECKOUT_JS``); nothing is routed by
Playwright, so every URL the browser follows is one a person's browser follows too. Each test
ends on the simulator's ledger and the shop's own records.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amazonpay import AmazonPay
from amazonpay.testing import AmazonPaySandbox, BuyerPages

from .conftest import BuyerSteps
from .example_shop import ExampleShop, serve


@pytest.fixture
def example_shop(
    amazon_pay: AmazonPay,
    amazon_pay_options: dict[str, Any],
    amazon_pay_buyer_pages: BuyerPages,
    tmp_path: Path,
) -> Iterator[ExampleShop]:
    """The example shop on a loopback port, loading the simulator's own checkout.js (as run_shop.py sets it)."""
    with serve(amazon_pay, amazon_pay_options["public_key_id"], tmp_path, amazon_pay_buyer_pages.script_url) as shop:
        yield shop


def _to_review(page: Any, buyer: BuyerSteps, shop: ExampleShop, instrument: str) -> None:
    page.goto(f"{shop.url}/products/grinder")
    page.click("#AmazonPayButton [role=button]")
    buyer.sign_in()
    buyer.choose(address=0, instrument=instrument)
    page.wait_for_url(f"{shop.url}/review/grinder?amazonCheckoutSessionId=*")


def test_a_buyer_buys_the_grinder(
    page: Any, buyer: BuyerSteps, example_shop: ExampleShop, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    _to_review(page, buyer, example_shop, "visa-1111")
    assert page.inner_text("#buyer") == "Signed in with Amazon as Susie Smith (susie.smith@example.com)"
    assert "Erika Mustermann" in page.inner_text("#shipping-address")
    assert page.inner_text("#payment") == "Visa ****1111 (Amazon Pay)"
    page.click("#placeOrder")  # Update Checkout Session, then amazonPayRedirectUrl on the simulator
    page.wait_for_url(f"{example_shop.url}/result?amazonCheckoutSessionId=*")
    (order,) = example_shop.records.orders()
    assert page.inner_text("#result") == f"Order {order.order_id}: Burr coffee grinder, 49.99 EUR, payment Captured."

    (session,) = amazon_pay_sandbox.checkout_sessions.values()
    assert session["statusDetails"]["state"] == "Completed"
    assert session["merchantMetadata"]["merchantReferenceId"] == order.order_id
    assert (order.checkout_session_id, order.state, order.amount, order.currency) == (
        session["checkoutSessionId"],
        "Captured",
        "49.99",
        "EUR",
    )
    assert (order.charge_id, order.charge_permission_id) == (session["chargeId"], session["chargePermissionId"])
    charge = amazon_pay_sandbox.charges[order.charge_id]
    assert charge["captureAmount"] == {"amount": "49.99", "currencyCode": "EUR"}
    ledger = [
        (row["TransactionType"], row["TransactionAmount"], row["ChargeId"]) for row in amazon_pay_sandbox.ledger()
    ]
    assert ledger == [("Capture", "49.99", order.charge_id)]

    page.goto(f"{example_shop.url}/result?amazonCheckoutSessionId={order.checkout_session_id}")  # a reload
    assert "payment Captured" in page.inner_text("#result")
    assert (len(amazon_pay_sandbox.charges), len(amazon_pay_sandbox.ledger())) == (1, 1)  # Complete replayed


def test_a_hard_decline_charges_nothing(
    page: Any, buyer: BuyerSteps, example_shop: ExampleShop, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    _to_review(page, buyer, example_shop, "amex-0005")
    page.click("#placeOrder")
    page.wait_for_url(f"{example_shop.url}/result?amazonCheckoutSessionId=*")
    assert "(CheckoutSessionCanceled)" in page.inner_text("#failure")

    (order,) = example_shop.records.orders()
    assert (order.state, order.charge_id) == ("failed", None)
    (session,) = amazon_pay_sandbox.checkout_sessions.values()
    assert (session["statusDetails"]["state"], session["statusDetails"]["reasonCode"]) == ("Canceled", "Declined")
    assert not amazon_pay_sandbox.charges
    assert amazon_pay_sandbox.ledger() == []


def test_a_soft_decline_then_another_card(
    page: Any, buyer: BuyerSteps, example_shop: ExampleShop, amazon_pay_sandbox: AmazonPaySandbox
) -> None:
    _to_review(page, buyer, example_shop, "mastercard-4444")
    page.click("#placeOrder")
    assert buyer.pick_after_decline("visa-1111").startswith("SoftDeclined")
    page.wait_for_url(f"{example_shop.url}/result?amazonCheckoutSessionId=*")
    assert page.inner_text("#result").endswith("payment Captured.")

    (order,) = example_shop.records.orders()
    assert order.state == "Captured"
    ledger = [
        (row["TransactionType"], row["TransactionAmount"], row["ChargeId"]) for row in amazon_pay_sandbox.ledger()
    ]
    assert ledger == [("Capture", "49.99", order.charge_id)]
