"""Amazon's hosted pages as money paths, driven over HTTP as a hostile or careless browser would.

A tampered or replayed button click, a buyer who skips amazonPayRedirectUrl, a second "place
order", a cancel after approving, another buyer holding the session id, the id of another
merchant's session: each ends on the simulator's charges and ledger. (tests/browser clicks the
same pages in Chromium; these need no visitor, so they run in every test session.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from amazonpay import AmazonPay, UnprocessableError
from amazonpay.pytest_plugin import client_options
from amazonpay.testing import AmazonPaySandbox, BuyerPages

SHOP = "http://127.0.0.1:9/shop"  # never fetched: the tests read the redirects, they do not follow them
PRICE = {"amount": "30.00", "currencyCode": "EUR"}
PAYLOAD = {
    "webCheckoutDetails": {"checkoutReviewReturnUrl": f"{SHOP}/review", "checkoutCancelUrl": f"{SHOP}/cancel"},
    "storeId": "amzn1.application-oa2-client.0123456789abcdef",
}


class Browser:
    """One buyer's browser on the hosted pages: its own cookies, redirects read, not followed."""

    def __init__(self, pages: BuyerPages) -> None:
        self.http = httpx.Client(base_url=pages.url, follow_redirects=False)

    def page(self, response: httpx.Response) -> str:
        """Which hosted page answered (its ``data-page``), or where it redirects."""
        if response.is_redirect:
            return f"-> {response.headers['location']}"
        return response.text.split('data-page="', 1)[1].split('"', 1)[0]

    def click(self, form: dict[str, str]) -> str:
        """The button's click; the new session's id (from the sign-in redirect)."""
        answer = self.http.post("/buyer/button", data=form)
        assert answer.is_redirect, self.page(answer)
        return answer.headers["location"].rsplit("=", 1)[1]

    def approve(self, session_id: str, instrument: str, buyer: str = "0") -> httpx.Response:
        self.http.post("/buyer/signin", data={"amazonCheckoutSessionId": session_id, "buyer": buyer})
        return self.http.post(
            "/buyer/choose", data={"amazonCheckoutSessionId": session_id, "address": "0", "instrument": instrument}
        )

    def redirect_page(self, session_id: str) -> httpx.Response:
        """What amazonPayRedirectUrl opens."""
        return self.http.get("/checkout", params={"amazonCheckoutSessionId": session_id})


@pytest.fixture
def form(amazon_pay: AmazonPay, amazon_pay_options: dict[str, Any]) -> dict[str, str]:
    """What checkout.js posts for the merchant's button (its options and createCheckoutSessionConfig)."""
    payload, signature = amazon_pay.sign_button_payload(PAYLOAD)
    return {
        "merchantId": "A2SANDBOXMERCHANT",
        "ledgerCurrency": "EUR",
        "placement": "Cart",
        "productType": "PayAndShip",
        "payloadJSON": payload,
        "signature": signature,
        "publicKeyId": amazon_pay_options["public_key_id"],
        "algorithm": amazon_pay.algorithm,
    }


@pytest.fixture
def visitor(amazon_pay_buyer_pages: BuyerPages) -> Iterator[Browser]:
    buyer = Browser(amazon_pay_buyer_pages)
    yield buyer
    buyer.http.close()


def place_order(pay: AmazonPay, session_id: str, price: dict[str, str] = PRICE) -> str:
    """The merchant's review page: Update Checkout Session; the amazonPayRedirectUrl it answers."""
    updated = pay.checkout_sessions.update(
        session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": f"{SHOP}/result"},
            "paymentDetails": {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": price},
        },
    )
    assert updated.web_checkout_details is not None
    return str(updated.web_checkout_details.amazon_pay_redirect_url)


def captures(sandbox: AmazonPaySandbox) -> list[tuple[str, str]]:
    return [(row["TransactionType"], row["TransactionAmount"]) for row in sandbox.ledger()]


def test_a_tampered_payload_makes_nothing(visitor: Browser, form: dict[str, str], sandbox: AmazonPaySandbox) -> None:
    tampered = {**form, "payloadJSON": form["payloadJSON"].replace("0123456789abcdef", "0123456789abcdeF")}
    answer = visitor.http.post("/buyer/button", data=tampered)
    assert visitor.page(answer) == "error"
    assert "Error Code: InvalidSignatureError" in answer.text
    assert not sandbox.checkout_sessions


def test_a_replayed_click_makes_a_second_session_and_moves_no_money(
    visitor: Browser, form: dict[str, str], sandbox: AmazonPaySandbox
) -> None:
    """As Amazon's button: every click makes a Checkout Session (the signed payload is public in the page)."""
    first, second = visitor.click(form), visitor.click(form)
    assert first != second
    assert [s["statusDetails"]["state"] for s in sandbox.checkout_sessions.values()] == ["Open", "Open"]
    assert not sandbox.charges
    assert sandbox.ledger() == []


def test_skipping_the_redirect_charges_nothing(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    """A buyer who chose a card that declines goes straight to the result page: Complete must not charge it."""
    session_id = visitor.click(form)
    visitor.approve(session_id, "mastercard-4444")  # soft-declines when Amazon Pay processes it
    place_order(amazon_pay, session_id)
    with pytest.raises(UnprocessableError) as refused:
        amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE})
    assert refused.value.reason_code == "InvalidCheckoutSessionStatus"
    assert "amazonPayRedirectUrl" in str(refused.value)
    assert not sandbox.charges

    assert visitor.page(visitor.redirect_page(session_id)) == "decline"  # the way it should have gone
    paid = visitor.http.post("/buyer/decline", data={"amazonCheckoutSessionId": session_id, "instrument": "visa-1111"})
    assert visitor.page(paid) == f"-> {SHOP}/result?amazonCheckoutSessionId={session_id}"
    amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE})
    assert captures(sandbox) == [("Capture", "30.00")]


def test_an_amount_raised_after_the_buyer_paid_is_not_charged(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    session_id = visitor.click(form)
    visitor.approve(session_id, "visa-1111")
    place_order(amazon_pay, session_id)
    visitor.redirect_page(session_id)  # Amazon Pay processes 30.00
    raised = {"amount": "300.00", "currencyCode": "EUR"}
    place_order(amazon_pay, session_id, raised)
    with pytest.raises(UnprocessableError, match="for this chargeAmount"):
        amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": raised})
    assert not sandbox.charges
    visitor.redirect_page(session_id)  # the buyer is shown, and pays, the new amount
    amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": raised})
    assert captures(sandbox) == [("Capture", "300.00")]


def test_a_second_place_order_charges_once(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    session_id = visitor.click(form)
    visitor.approve(session_id, "visa-1111")
    place_order(amazon_pay, session_id)
    place_order(amazon_pay, session_id)  # the second click: the same Update again
    result = f"-> {SHOP}/result?amazonCheckoutSessionId={session_id}"
    assert visitor.page(visitor.redirect_page(session_id)) == result
    assert visitor.page(visitor.redirect_page(session_id)) == result
    key = session_id.replace("-", "")[:32]  # one Complete per session, as the example shop keys it
    first = amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE}, idempotency_key=key)
    again = amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE}, idempotency_key=key)
    assert first.charge_id == again.charge_id
    assert visitor.page(visitor.redirect_page(session_id)) == "error"  # the checkout has ended
    assert len(sandbox.charges) == 1
    assert captures(sandbox) == [("Capture", "30.00")]


def test_a_cancel_after_approving_charges_nothing(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    session_id = visitor.click(form)
    visitor.approve(session_id, "visa-1111")
    place_order(amazon_pay, session_id)
    visitor.redirect_page(session_id)  # processed: the buyer is sent to the result page ...
    canceled = visitor.http.post("/buyer/cancel", data={"amazonCheckoutSessionId": session_id})  # ... goes back
    assert visitor.page(canceled) == f"-> {SHOP}/cancel"
    with pytest.raises(UnprocessableError) as refused:
        amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE})
    assert refused.value.reason_code == "CheckoutSessionCanceled"
    assert not sandbox.charges
    assert sandbox.ledger() == []


def test_a_cancel_after_completing_changes_nothing(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox
) -> None:
    session_id = visitor.click(form)
    visitor.approve(session_id, "visa-1111")
    place_order(amazon_pay, session_id)
    visitor.redirect_page(session_id)
    amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE})
    answer = visitor.http.post("/buyer/cancel", data={"amazonCheckoutSessionId": session_id})
    assert visitor.page(answer) == "error"
    assert sandbox.checkout_sessions[session_id]["statusDetails"]["state"] == "Completed"
    assert captures(sandbox) == [("Capture", "30.00")]


def test_another_buyer_with_the_session_id_can_do_nothing_with_it(
    visitor: Browser,
    form: dict[str, str],
    amazon_pay: AmazonPay,
    amazon_pay_buyer_pages: BuyerPages,
    sandbox: AmazonPaySandbox,
) -> None:
    session_id = visitor.click(form)
    visitor.approve(session_id, "visa-1111")
    place_order(amazon_pay, session_id)
    before = sandbox.checkout_sessions[session_id]
    other = Browser(amazon_pay_buyer_pages)
    other.http.post(
        "/buyer/signin", data={"amazonCheckoutSessionId": session_id, "buyer": "1"}
    )  # sign-in itself is open
    try:
        tries = [
            other.http.get("/buyer/choose", params={"amazonCheckoutSessionId": session_id}),
            other.http.post(
                "/buyer/choose", data={"amazonCheckoutSessionId": session_id, "address": "1", "instrument": "visa-1111"}
            ),
            other.redirect_page(session_id),
            other.http.post("/buyer/decline", data={"amazonCheckoutSessionId": session_id, "instrument": "amex-0005"}),
            other.http.post("/buyer/cancel", data={"amazonCheckoutSessionId": session_id}),
        ]
    finally:
        other.http.close()
    for answer in tries:
        assert other.page(answer) == "error"
        assert "Error Code: UnauthorizedAccess" in answer.text
    assert sandbox.checkout_sessions[session_id] == before  # address, buyer, state: as the buyer left them
    with pytest.raises(UnprocessableError):  # nothing was processed for anyone
        amazon_pay.checkout_sessions.complete(session_id, {"chargeAmount": PRICE})
    assert not sandbox.charges


def test_the_session_of_another_merchant_is_not_found(visitor: Browser, form: dict[str, str]) -> None:
    """Another merchant's simulator (another sandbox) made it: these pages do not know it."""
    elsewhere = AmazonPaySandbox()
    with AmazonPay(**client_options(elsewhere)) as pay:
        session_id = pay.checkout_sessions.create(PAYLOAD).checkout_session_id
    answers = [
        visitor.http.get("/buyer/signin", params={"amazonCheckoutSessionId": session_id}),
        visitor.redirect_page(session_id),
        visitor.http.post("/buyer/cancel", data={"amazonCheckoutSessionId": session_id}),
    ]
    for answer in answers:
        assert visitor.page(answer) == "error"
        assert "Error Code: ResourceNotFound" in answer.text
    assert elsewhere.checkout_sessions[session_id]["statusDetails"]["state"] == "Open"


@pytest.mark.parametrize("instrument", ["amex-0005", "mastercard-4444"])
def test_finalize_in_place_of_the_redirect_charges_no_declining_card(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox, instrument: str
) -> None:
    """Finalize (Buy Now's Complete) on a session approved on the hosted pages is held to the same
    rule as Complete: it charged a hard- or soft-declining card the buyer never paid with."""
    session_id = visitor.click(form)
    visitor.approve(session_id, instrument)
    place_order(amazon_pay, session_id)
    session = amazon_pay.checkout_sessions.get(session_id).to_dict()
    body = {
        "chargeAmount": PRICE,
        "paymentIntent": "AuthorizeWithCapture",
        "shippingAddress": session["shippingAddress"],
    }
    with pytest.raises(UnprocessableError) as refused:
        amazon_pay.checkout_sessions.finalize(session_id, body)
    assert refused.value.reason_code == "InvalidCheckoutSessionStatus"
    assert "amazonPayRedirectUrl" in str(refused.value)
    assert not sandbox.charges
    assert sandbox.ledger() == []
    assert sandbox.checkout_sessions[session_id]["statusDetails"]["state"] == "Open"


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("http://shop.example/a\r\nSet-Cookie: amazon-pay-buyer=1", id="CRLF"),
        pytest.param("http://shop.example/\u2603", id="not ASCII"),
        pytest.param("javascript:alert(1)", id="not http"),
    ],
)
def test_a_forged_button_page_is_not_where_a_cancel_goes(
    visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay, sandbox: AmazonPaySandbox, page: str
) -> None:
    """buttonPage is the click's, not the signed payload's: anyone may send any. Written into the
    cancel's Location header, a CRLF in it added headers of its sender's choosing (Set-Cookie) and a
    character outside Latin-1 dropped the connection unanswered."""
    payload = {"webCheckoutDetails": {"checkoutReviewReturnUrl": f"{SHOP}/review"}, "storeId": PAYLOAD["storeId"]}
    signed, signature = amazon_pay.sign_button_payload(payload)  # no checkoutCancelUrl: back to the button's page
    session_id = visitor.click({**form, "payloadJSON": signed, "signature": signature, "buttonPage": page})
    answer = visitor.http.post("/buyer/cancel", data={"amazonCheckoutSessionId": session_id})
    assert visitor.page(answer) == "canceled"
    assert "set-cookie" not in answer.headers
    assert sandbox.checkout_sessions[session_id]["statusDetails"]["reasonCode"] == "BuyerCanceled"


def test_the_button_page_is_where_a_cancel_goes(visitor: Browser, form: dict[str, str], amazon_pay: AmazonPay) -> None:
    payload = {"webCheckoutDetails": {"checkoutReviewReturnUrl": f"{SHOP}/review"}, "storeId": PAYLOAD["storeId"]}
    signed, signature = amazon_pay.sign_button_payload(payload)
    page = f"{SHOP}/cart?item=a%20b#top"
    session_id = visitor.click({**form, "payloadJSON": signed, "signature": signature, "buttonPage": page})
    answer = visitor.http.post("/buyer/cancel", data={"amazonCheckoutSessionId": session_id})
    assert visitor.page(answer) == f"-> {page}"
