"""The example shop: Amazon Pay's web checkout, as Amazon's checkout guide lays it out, on Flask.

The steps and the pages they follow (developer.amazon.com/docs/amazon-pay-checkout/):

1. ``/products/<sku>``: the product page with the Amazon Pay button
   (add-the-amazon-pay-button.html): the Create Checkout Session payload, signed on the server
   with ``pay.sign_button_payload``, handed to ``amazon.Pay.renderButton``
   (amazon-pay-script.html). The buyer clicks, signs in and picks an address and a payment
   method on Amazon's pages.
2. ``/review/<sku>?amazonCheckoutSessionId=...``: Amazon sends the buyer to
   ``checkoutReviewReturnUrl`` (display-shipping-payment-info.html): Get Checkout Session, show
   the address and payment method read-only, with ``bindChangeAction`` to change them.
3. ``POST /checkout/<checkoutSessionId>``: the buyer places the order (set-payment-info.html):
   Update Checkout Session with the amount, the order id and ``checkoutResultReturnUrl``, then
   redirect the browser to the ``amazonPayRedirectUrl`` it returns, where Amazon processes the
   payment.
4. ``/result?amazonCheckoutSessionId=...``: Amazon sends the buyer to ``checkoutResultReturnUrl``
   (verify-and-complete-checkout.html): Complete Checkout Session with the same amount; an
   error means the buyer canceled or had no valid payment method, so back to the start.
5. ``POST /amazonpay/ipn``: instant payment notifications (``notifications.py``).

The subscription product is the recurring guide's flow (amazon-pay-recurring-checkout/):
the button payload asks for a ``Recurring`` charge permission with its ``recurringMetadata``;
the first month is charged at checkout, the later ones by ``examples/subscription_charges.py``.

Only the library's public API is used, configured from the environment as any deployment:
``AmazonPay.from_env()`` (``AMAZON_PAY_PUBLIC_KEY_ID``, ``AMAZON_PAY_PRIVATE_KEY``,
``AMAZON_PAY_REGION``, ``AMAZON_PAY_BASE_URL`` for the simulator) and :class:`Settings`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, abort, redirect, render_template, request
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.wrappers import Response

from amazonpay import AmazonPay, NotFoundError, UnprocessableError
from amazonpay.notifications import NotificationVerifier
from amazonpay_api.params import PriceParam

from . import notifications
from .records import Records, idempotency_key


@dataclass(frozen=True)
class Product:
    """Something the shop sells: once, or every month (a subscription)."""

    sku: str
    name: str
    price: str
    kind: str = "one-time"  # or "subscription"

    @property
    def product_type(self) -> str:
        """The button's productType (amazon-pay-script.html): the grinder is shipped, the club is online."""
        return "PayAndShip" if self.kind == "one-time" else "PayOnly"


CATALOG = {
    product.sku: product
    for product in (
        Product("grinder", "Burr coffee grinder", "49.99"),
        Product("club-monthly", "Coffee club: a new brewing guide every month", "12.99", kind="subscription"),
    )
}

#: checkout.js of each region (add-the-amazon-pay-button.html, "Add the Amazon Pay script").
CHECKOUT_JS = {
    "na": "https://static-na.payments-amazon.com/checkout.js",
    "eu": "https://static-eu.payments-amazon.com/checkout.js",
    "jp": "https://static-fe.payments-amazon.com/checkout.js",
}
#: The ledger currency and a checkout language of each region (amazon-pay-script.html's values).
LEDGER_CURRENCY = {"na": "USD", "eu": "EUR", "jp": "JPY"}
CHECKOUT_LANGUAGE = {"na": "en_US", "eu": "en_GB", "jp": "ja_JP"}


@dataclass(frozen=True)
class Settings:
    """What the shop needs besides the client, from the environment (:meth:`from_env`)."""

    public_key_id: str  # the button names it: it selects the environment (SANDBOX- or LIVE-)
    merchant_id: str
    store_id: str
    shop_url: str  # where the buyer's browser reaches the shop: the return URLs start with it
    region: str
    database: str = "shop.db"
    checkout_js: str = ""  # default: Amazon's script for the region
    ipn_topic_arns: list[str] = field(default_factory=list)
    sns_certificate_url: str | None = None  # the simulator's; None: the URL each message names

    @property
    def script_url(self) -> str:
        """The checkout.js the pages load."""
        return self.checkout_js or CHECKOUT_JS[self.region]

    @classmethod
    def from_env(cls, region: str) -> Settings:
        """Read ``AMAZON_PAY_MERCHANT_ID``, ``AMAZON_PAY_STORE_ID``, ``SHOP_URL`` and the optional rest.

        Optional: ``SHOP_DB`` (the SQLite file, default ``shop.db``), ``AMAZON_PAY_CHECKOUT_JS``
        (another checkout.js, such as the simulator's ``<simulator>/checkout.js``),
        ``AMAZON_PAY_IPN_TOPIC_ARNS`` (comma-separated: the SNS topics notifications may come
        from; without it the shop takes none), ``AMAZON_PAY_SNS_CERTIFICATE_URL`` (simulator
        only).
        """

        def need(name: str) -> str:
            value = os.environ.get(name, "").strip()
            if not value:
                raise SystemExit(f"environment variable {name} is not set (see docs/examples.md)")
            return value

        return cls(
            public_key_id=need("AMAZON_PAY_PUBLIC_KEY_ID"),
            merchant_id=need("AMAZON_PAY_MERCHANT_ID"),
            store_id=need("AMAZON_PAY_STORE_ID"),
            shop_url=need("SHOP_URL").rstrip("/"),
            region=region,
            database=os.environ.get("SHOP_DB", "shop.db"),
            checkout_js=os.environ.get("AMAZON_PAY_CHECKOUT_JS", ""),
            ipn_topic_arns=[arn.strip() for arn in os.environ.get("AMAZON_PAY_IPN_TOPIC_ARNS", "").split(",") if arn],
            sns_certificate_url=os.environ.get("AMAZON_PAY_SNS_CERTIFICATE_URL") or None,
        )


def money(product: Product, currency: str) -> PriceParam:
    """A Price in the API's field names."""
    return {"amount": product.price, "currencyCode": currency}


def create_app(
    settings: Settings,
    pay: AmazonPay,
    records: Records,
    verify: NotificationVerifier | None = None,
) -> Flask:
    """The shop's WSGI application; ``verify`` replaces the verifier :class:`Settings` describes (tests)."""
    app = Flask(__name__)
    currency = LEDGER_CURRENCY[settings.region]

    def product_of(sku: str) -> Product:
        product = CATALOG.get(sku)
        if product is None:
            abort(404)
        return product

    @app.get("/")
    def index() -> str:
        return render_template("index.html", products=CATALOG.values(), currency=currency)

    @app.get("/products/<sku>")
    def product_page(sku: str) -> str:
        product = product_of(sku)
        # The Create Checkout Session payload (add-the-amazon-pay-button.html, step 2): where
        # Amazon sends the buyer back, the store, what the shop needs to know of the buyer.
        payload: dict[str, Any] = {
            "webCheckoutDetails": {
                "checkoutReviewReturnUrl": f"{settings.shop_url}/review/{product.sku}",
                "checkoutCancelUrl": f"{settings.shop_url}/products/{product.sku}",
            },
            "storeId": settings.store_id,
            "scopes": ["name", "email", "phoneNumber", "billingAddress"],
        }
        if product.kind == "subscription":
            # amazon-pay-recurring-checkout/add-the-amazon-pay-button.html: a Recurring charge
            # permission and how often, how much it is charged.
            payload["chargePermissionType"] = "Recurring"
            payload["recurringMetadata"] = {
                "frequency": {"unit": "Month", "value": "1"},
                "amount": money(product, currency),
            }
        # Step 3, "Sign the payload": the exact string signed is the one the button is given.
        payload_json, signature = pay.sign_button_payload(payload)
        button = {
            "merchantId": settings.merchant_id,
            "publicKeyId": settings.public_key_id,
            "ledgerCurrency": currency,
            "checkoutLanguage": CHECKOUT_LANGUAGE[settings.region],
            "productType": product.product_type,
            "placement": "Product",
            "buttonColor": "Gold",
            "estimatedOrderAmount": money(product, currency),
            "createCheckoutSessionConfig": {
                "payloadJSON": payload_json,
                "signature": signature,
                "algorithm": pay.algorithm,
            },
        }
        return render_template(
            "product.html", product=product, currency=currency, button=button, script_url=settings.script_url
        )

    @app.get("/review/<sku>")
    def review(sku: str) -> str | Response:
        product = product_of(sku)
        session_id = request.args.get("amazonCheckoutSessionId", "")
        if not session_id:
            abort(400, "amazonCheckoutSessionId missing: start checkout with the Amazon Pay button")
        try:
            session = pay.checkout_sessions.get(session_id)
        except NotFoundError:
            abort(404)
        if session.status_details.state == "Completed":  # the buyer came back to this page: the order is done
            return redirect(f"/result?amazonCheckoutSessionId={session_id}", code=303)
        if session.status_details.state != "Open":  # only an Open session can be reviewed and updated
            return render_template("start_again.html", product=product, reason=session.status_details.state)
        wanted = "Recurring" if product.kind == "subscription" else "OneTime"
        if str(session.charge_permission_type or "OneTime") != wanted:
            abort(400, f"this checkout is not for {product.name}: start again from its page")
        order = records.open_order(session_id, product.sku, product.kind, product.price, currency)
        return render_template(
            "review.html",
            product=product,
            order=order,
            session=session,
            currency=currency,
            script_url=settings.script_url,
        )

    @app.post("/checkout/<session_id>")
    def place_order(session_id: str) -> str | Response:
        order = records.order_of_session(session_id)
        if order is None:
            abort(404)
        if order.state != "open":  # placed already: a second Update would be refused
            return redirect(f"/result?amazonCheckoutSessionId={session_id}", code=303)
        product = product_of(order.sku)
        # set-payment-info.html: the amount and the order, and where Amazon sends the buyer after
        # processing. AuthorizeWithCapture: the shop captures at once (goods ship the same day).
        try:
            session = pay.checkout_sessions.update(
                session_id,
                {
                    "webCheckoutDetails": {"checkoutResultReturnUrl": f"{settings.shop_url}/result"},
                    "paymentDetails": {
                        "paymentIntent": "AuthorizeWithCapture",
                        "canHandlePendingAuthorization": False,
                        "chargeAmount": money(product, currency),
                        "softDescriptor": "EXAMPLE SHOP",
                    },
                    "merchantMetadata": {"merchantReferenceId": order.order_id, "merchantStoreName": "Example shop"},
                },
            )
        except UnprocessableError as error:  # the session ended since the review page (canceled, expired)
            records.settle_order(order.order_id, "failed")
            return render_template("start_again.html", product=product, reason=str(error.reason_code))
        details = session.web_checkout_details
        redirect_url = details.amazon_pay_redirect_url if details else None
        if not redirect_url:  # constraints left (no payment method, say): the buyer must act first
            codes = ", ".join(str(c.constraint_id) for c in session.constraints or [])
            abort(409, f"Amazon Pay cannot process the payment yet ({codes}): change the payment method")
        return redirect(redirect_url, code=303)

    @app.get("/result")
    def result() -> str:
        session_id = request.args.get("amazonCheckoutSessionId", "")
        order = records.order_of_session(session_id)
        if order is None:
            abort(404)
        product = product_of(order.sku)
        try:
            # verify-and-complete-checkout.html: the same amount as set. The key derived from the
            # session makes a reload (or a retry after a lost answer) replay the first Complete.
            session = pay.checkout_sessions.complete(
                session_id,
                {"chargeAmount": money(product, currency)},
                idempotency_key=idempotency_key("complete", session_id),
            )
        except UnprocessableError as error:
            # The buyer canceled, or has no valid payment method: redirect to the start of checkout.
            records.settle_order(order.order_id, "failed")
            return render_template("start_again.html", product=product, reason=str(error.reason_code))
        # The order's state is its charge's (Captured here: AuthorizeWithCapture, no pending authorization).
        charge_state = (
            str(pay.charges.get(session.charge_id).status_details.state) if session.charge_id else "Completed"
        )
        records.settle_order(
            order.order_id, charge_state, session.charge_permission_id or None, session.charge_id or None
        )
        return render_template(
            "result.html", product=product, order=records.order(order.order_id), currency=currency, session=session
        )

    @app.get("/orders")
    def orders() -> str:  # the example's back office: a real shop puts it behind its staff login
        return render_template("orders.html", orders=records.orders(), refunds=records.refunds())

    if verify is None and settings.ipn_topic_arns:
        verify = notifications.verifier(settings.ipn_topic_arns, settings.sns_certificate_url)
    if verify is None:
        # An unpinned verifier accepts a message of any topic, an attacker's included: no endpoint instead.
        app.logger.warning("AMAZON_PAY_IPN_TOPIC_ARNS is not set: /amazonpay/ipn is off")
    else:
        app.extensions["ipn_worker"] = worker = notifications.Worker(pay, records, verify)
        app.wsgi_app = DispatcherMiddleware(  # type: ignore[method-assign]
            app.wsgi_app, {"/amazonpay/ipn": notifications.receiver(worker, verify)}
        )
    return app
