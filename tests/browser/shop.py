"""A minimal merchant for the browser tests: a button page, a review page, a result page, on the public client.

Served at ORIGIN by the test itself (Playwright's routing answers every request to it):
the button payload signed with ``pay.sign_button_payload``, Update Checkout Session on the
review page, Complete Checkout Session on the result page, as Amazon's integration guide
describes (docs amazon-pay-checkout/add-the-amazon-pay-button.html, display-shipping-payment-info.html,
set-payment-info.html, verify-and-complete-checkout.html).
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from amazonpay import AmazonPay, APIStatusError

# A loopback origin (nothing listens there: the test's routing answers it). A page of a public
# origin may not load from the simulator on loopback (Chromium's Private Network Access).
ORIGIN = "http://127.0.0.1:18080"
STORE_ID = "amzn1.application-oa2-client.0123456789abcdef"
PRICE = {"amount": "14.00", "currencyCode": "EUR"}


class Shop:
    """What the merchant's pages do; ``completed`` and ``failed`` record the result page's outcomes."""

    def __init__(self, pay: AmazonPay, public_key_id: str, sandbox: Any) -> None:
        self.pay = pay
        self.public_key_id = public_key_id
        self.sandbox = sandbox
        self.payload: dict[str, Any] = {}
        self.payload_text: str | None = None  # sent as is instead of the signed payload (tampering)
        self.product_type = "PayAndShip"
        self.payment_details: dict[str, Any] = {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": PRICE}
        self.completed: dict[str, Any] = {}
        self.failed: dict[str, str] = {}

    def checkout(self, payload: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
        """Set the button's payload (default: a one-time checkout back to this shop's review page)."""
        self.payload = payload or {
            "webCheckoutDetails": {
                "checkoutReviewReturnUrl": f"{ORIGIN}/review",
                "checkoutCancelUrl": f"{ORIGIN}/cancel",
            },
            "storeId": STORE_ID,
        }
        self.payload.update(changes)
        return self.payload

    # --- the pages ----------------------------------------------------------------------

    def handle(self, route: Any) -> None:
        """Answer one request to the shop."""
        parts = urlsplit(route.request.url)
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        pages = {"/product": self.product, "/review": self.review, "/result": self.result, "/cancel": self.canceled}
        page = pages.get(parts.path)
        if page is None:
            route.fulfill(status=404, body="")
            return
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=page(query))

    def product(self, query: dict[str, str]) -> str:
        signed, signature = self.pay.sign_button_payload(self.payload)
        options = {
            "merchantId": "A2SANDBOXMERCHANT",
            "ledgerCurrency": "EUR",
            "checkoutLanguage": "en_GB",
            "productType": self.product_type,
            "placement": "Cart",
            "buttonColor": "Gold",
            "estimatedOrderAmount": PRICE,
            "createCheckoutSessionConfig": {
                "payloadJSON": self.payload_text if self.payload_text is not None else signed,
                "signature": signature,
                "publicKeyId": self.public_key_id,
                "algorithm": self.pay.algorithm,
            },
        }
        script = (
            '<script src="https://static-eu.payments-amazon.com/checkout.js"></script>'
            f"<script>amazon.Pay.renderButton('#AmazonPayButton', {_js(options)});</script>"
        )
        return _page("Product", '<div id="AmazonPayButton"></div>' + script)

    def review(self, query: dict[str, str]) -> str:
        session_id = query["amazonCheckoutSessionId"]
        session = self.pay.checkout_sessions.get(session_id)
        updated = self.pay.checkout_sessions.update(
            session_id,
            {
                "webCheckoutDetails": {"checkoutResultReturnUrl": f"{ORIGIN}/result"},
                "paymentDetails": self.payment_details,
            },
        )
        address = session.shipping_address
        shown = f"{address.name}, {address.address_line_1}, {address.city}" if address else "no shipping address"
        descriptor = session.payment_preferences[0].payment_descriptor
        bind = "".join(
            f"amazon.Pay.bindChangeAction('#change-{kind}', "
            f"{_js({'amazonCheckoutSessionId': session_id, 'changeAction': action})});"
            for kind, action in (("address", "changeAddress"), ("payment", "changePayment"))
        )
        change = f'<script src="https://static-eu.payments-amazon.com/checkout.js"></script><script>{bind}</script>'
        redirect = html.escape(updated.web_checkout_details.amazon_pay_redirect_url)
        content = (
            f'<p id="address">{html.escape(shown)}</p><button id="change-address">Change address</button>'
            f'<p id="payment">{html.escape(descriptor)}</p><button id="change-payment">Change payment</button>'
            f'<a id="place-order" href="{redirect}">Place order</a>'
        )
        return _page("Review", content + change)

    def result(self, query: dict[str, str]) -> str:
        session_id = query["amazonCheckoutSessionId"]
        try:
            done = self.pay.checkout_sessions.complete(
                session_id, {"chargeAmount": self.payment_details["chargeAmount"]}
            )
        except APIStatusError as error:
            self.failed[session_id] = str(error.reason_code)
            return _page("Result", f'<p id="outcome">Payment failed: {html.escape(str(error.reason_code))}</p>')
        self.completed[session_id] = done
        return _page("Result", f'<p id="outcome">Thank you: {html.escape(str(done.charge_permission_id))}</p>')

    def canceled(self, query: dict[str, str]) -> str:
        return _page("Canceled", '<p id="outcome">You canceled Amazon Pay.</p>')


def _js(value: Any) -> str:
    """A JavaScript literal of ``value``, safe inside a script element."""
    return json.dumps(value).replace("</", "<\\/")


def _page(title: str, content: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{content}</body></html>"
    )
