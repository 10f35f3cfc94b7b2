"""The buyer's side in a browser: the Amazon Pay script and Amazon's hosted pages, served by the simulator.

The route table :data:`ROUTES` is what :mod:`._server` hands over (every other path is the API):

- ``GET /checkout.js``: the script (:mod:`._checkout_js`); browser tests map
  ``https://static-na|eu|fe.payments-amazon.com/checkout.js`` to it;
- ``POST /buyer/button``: the button's click (:mod:`._button`): options and signature checked,
  the Checkout Session made from payloadJSON by Create Checkout Session's own schema and rules
  ("The payload has the same structure as the request body for the Create Checkout Session API",
  docs amazon-pay-checkout/add-the-amazon-pay-button.html); then sign-in;
- ``/buyer/signin``: who signs in (:data:`._wallet.BUYERS`; a cookie keeps them signed in until
  ``amazon.Pay.signout()``);
- ``/buyer/choose``: the shipping address (PayAndShip) and payment instrument, then back to
  ``checkoutReviewReturnUrl?amazonCheckoutSessionId=...`` ("The buyer is redirected to
  checkoutReviewReturnUrl after they select their preferred shipping address and payment
  instrument. The Amazon Pay checkout session ID will be included as a query parameter", docs
  display-shipping-payment-info.html), which is also where ``bindChangeAction`` returns the
  buyer. At the end of checkout (checkoutMode ProcessOrder) and in flows without a review page
  the buyer pays right there (docs end-of-checkout.html: the buyer "will complete checkout on an
  Amazon Pay hosted page");
- ``GET /checkout?amazonCheckoutSessionId=...``: ``amazonPayRedirectUrl``'s path (its host is
  payments.amazon.com, .eu or .co.jp; tests map it here): the payment is processed with the
  chosen instrument (:mod:`._wallet`), then the buyer goes to
  ``checkoutResultReturnUrl?amazonCheckoutSessionId=...`` (docs verify-and-complete-checkout.html),
  or, after a soft decline, picks another instrument (``POST /buyer/decline``);
- ``POST /buyer/cancel``: the buyer cancels: the session is Canceled (BuyerCanceled) and the
  buyer goes to ``checkoutCancelUrl``, or without one back to the page of the button;
- ``POST /buyer/signout``: ``amazon.Pay.signout()``.

Every change goes through the simulator's state and rules, as one transaction per step
(``AmazonPaySandbox._hosted``): the buyer's approval is :func:`._checkout_sessions.approve`,
the one ``AmazonPaySandbox.approve`` runs, so a browser buyer and ``approve()`` end in the same
objects. A refusal is Amazon's error page (``Error Code`` / ``Error Message``, the live button's
form). The pages run no script: nothing for the console to report.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http.cookies import CookieError, SimpleCookie
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import _checkout_sessions as checkout_sessions
from ._body import request_body
from ._button import read_click
from ._checkout_js import script
from ._errors import PageError, Reason, SandboxError
from ._spec import operation
from ._state import Call
from ._values import request_id
from ._wallet import BUYERS, DEFAULT_INSTRUMENT, INSTRUMENTS, INSTRUMENTS_BY_ID, address_book

if TYPE_CHECKING:
    from ._checkout_sessions import CheckoutSession
    from ._sandbox import AmazonPaySandbox
    from ._state import State

Response = tuple[int, dict[str, str], bytes]
Handler = Callable[[str, str, Mapping[str, str], bytes], Response]
SESSION_PARAMETER: Final = "amazonCheckoutSessionId"
BUYER_COOKIE: Final = "amazonpay-sandbox-buyer"
CHANGE_ACTIONS: Final = ("changeAddress", "changePayment")
logger = logging.getLogger("amazonpay.testing")


@dataclass(frozen=True)
class _Visit:
    """One request to a buyer-side page: where it came to, its query, its form, its cookies."""

    method: str
    origin: str
    query: Mapping[str, str]
    form: Mapping[str, str] = field(default_factory=dict)
    cookies: Mapping[str, str] = field(default_factory=dict)

    def field(self, name: str) -> str:
        """A form field (POST) or query parameter (GET) the page needs."""
        value = (self.form if self.method == "POST" else self.query).get(name)
        if not value:
            raise PageError(400, Reason.MissingParameterValue.code, f"{name} is missing.")
        return value

    def session_id(self) -> str:
        """The Checkout Session the page is about (``amazonCheckoutSessionId``)."""
        return self.field(SESSION_PARAMETER)

    def buyer(self) -> Mapping[str, str] | None:
        """The signed-in buyer (the sign-in cookie), or None."""
        index = self.cookies.get(BUYER_COOKIE, "")
        return BUYERS[int(index)] if index.isdigit() and int(index) < len(BUYERS) else None


Page = Callable[["AmazonPaySandbox", _Visit], Response]


def handler(sandbox: AmazonPaySandbox, url: str) -> Handler | None:
    """What answers ``url`` when it is a buyer-side page of :data:`ROUTES` (None: an API path)."""
    path = urlsplit(url).path
    return functools.partial(_serve, sandbox) if path in ROUTES else None


def _serve(sandbox: AmazonPaySandbox, method: str, url: str, headers: Mapping[str, str], body: bytes) -> Response:
    parts = urlsplit(url)
    methods, page = ROUTES[parts.path]
    if method not in methods:
        allowed = ", ".join(methods)
        return _error_page(405, Reason.MethodNotAllowed.code, f"{method} is not allowed on {parts.path}.", allowed)
    form: dict[str, str] = {}
    if method == "POST":
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    visit = _Visit(
        method=method,
        origin=f"{parts.scheme}://{parts.netloc}",
        query=dict(parse_qsl(parts.query, keep_blank_values=True)),
        form=form,
        cookies=_cookies(headers.get("cookie", "")),
    )
    try:
        return page(sandbox, visit)
    except PageError as error:
        return _error_page(error.status, error.code, error.message)
    except SandboxError as error:
        return _error_page(error.status, error.reason.code, error.message)
    except Exception:
        logger.exception("amazonpay.testing: the hosted page %s failed", parts.path)
        return _error_page(500, Reason.InternalServerError.code, "The simulator failed (its traceback is logged).")


def _cookies(header: str) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


# --- the pages ------------------------------------------------------------------------------


def _checkout_script(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    headers = {"content-type": "application/javascript; charset=utf-8", "cache-control": "no-store"}
    return 200, headers, script(visit.origin)


def _button_click(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    """The button's click: checked, then the Checkout Session made from the payload, then sign-in."""
    click = read_click(visit.form, sandbox._public_key)
    create = operation("createCheckoutSession")

    def change(state: State, now: datetime) -> str:
        body = request_body(
            click.payload.encode("utf-8"), create.request_schema, create.requires_body, "createCheckoutSession"
        )
        _, made = checkout_sessions.create_checkout_session(
            state, Call(now=now, region=click.region, body=body, origin=visit.origin)
        )
        assert made is not None
        session = state.checkout_sessions[made["checkoutSessionId"]]
        session.button_product_type = click.product_type
        session.button_page = click.button_page
        session.pages_origin = visit.origin
        return session.id

    session_id = sandbox._hosted(change)
    step = "/buyer/choose" if visit.buyer() is not None else "/buyer/signin"
    return _redirect(f"{step}?{urlencode({SESSION_PARAMETER: session_id})}")


def _sign_in(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    """Who signs in; the choice is kept in a cookie until ``amazon.Pay.signout()``."""
    session_id = visit.session_id()
    sandbox._hosted(lambda state, now: _open(state, session_id, now))
    if visit.method == "GET":
        choices = "".join(
            _radio("buyer", str(index), f"{buyer['name']} ({buyer['email']})", index == 0)
            for index, buyer in enumerate(BUYERS)
        )
        content = (
            "<h2>Sign in</h2>"
            f'<form method="post" action="/buyer/signin">{_hidden(session_id)}'
            f"<fieldset><legend>Amazon account</legend>{choices}</fieldset>"
            '<button type="submit" id="signin">Sign in</button></form>'
        )
        return _page("signin", "Sign in", content + _cancel_form(session_id))
    index = visit.field("buyer")
    if not index.isdigit() or int(index) >= len(BUYERS):
        raise PageError(400, Reason.InvalidParameterValue.code, f"No simulated buyer {index[:8]!r}.")
    cookie = f"{BUYER_COOKIE}={index}; Path=/; HttpOnly; SameSite=Lax"
    return _redirect(f"/buyer/choose?{urlencode({SESSION_PARAMETER: session_id})}", {"set-cookie": cookie})


def _choose(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    """The address (PayAndShip) and payment instrument; back to the review page, or pay here."""
    session_id = visit.session_id()
    buyer = visit.buyer()
    if buyer is None:
        return _redirect(f"/buyer/signin?{urlencode({SESSION_PARAMETER: session_id})}")
    change_action = (visit.form if visit.method == "POST" else visit.query).get("changeAction")
    if change_action is not None and change_action not in CHANGE_ACTIONS:
        raise PageError(400, Reason.InvalidParameterValue.code, f"changeAction must be one of {CHANGE_ACTIONS}.")
    if visit.method == "GET":
        return sandbox._hosted(
            lambda state, now: _chooser(_theirs(state, session_id, now, visit), buyer, change_action)
        )

    def approve(state: State, now: datetime) -> str | None:
        session = _theirs(state, session_id, now, visit)
        addresses = address_book(session.region) if _picks_address(session) else []
        address = None
        if addresses:
            picked = visit.field("address")
            if not picked.isdigit() or int(picked) >= len(addresses):
                raise PageError(400, Reason.InvalidParameterValue.code, f"No address {picked[:8]!r} to pick.")
            address = addresses[int(picked)]
        instrument = _instrument(visit.field("instrument"))
        known = session.buyer is not None and session.buyer.get("email") == buyer["email"]
        profile = {**buyer, **({"buyerId": session.buyer["buyerId"]} if known and session.buyer else {})}
        checkout_sessions.approve(state, session_id, now, profile, address, instrument)
        session.pages_buyer = buyer["email"]
        session.processed = False  # a new choice: Amazon Pay processes the payment again
        if session.review_url is None or not _returns_to_review(session):
            return None
        return _with_session(session.review_url, session_id)

    review = sandbox._hosted(approve)
    return _redirect(review) if review is not None else _pay(sandbox, session_id, visit)


def _redirect_page(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    """``amazonPayRedirectUrl``: the payment is processed, then the buyer goes to the result page."""
    return _pay(sandbox, visit.session_id(), visit)


def _decline(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    """After a soft decline: the buyer picks another instrument, and payment is tried again."""
    return _pay(sandbox, visit.session_id(), visit, _instrument(visit.field("instrument")))


def _cancel(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    """The buyer cancels: the session is Canceled (BuyerCanceled); to checkoutCancelUrl or the button's page."""
    session_id = visit.session_id()

    def cancel(state: State, now: datetime) -> str | None:
        session = _theirs(state, session_id, now, visit)
        checkout_sessions.cancel(session, now, "BuyerCanceled")
        return session.cancel_url or session.button_page

    target = sandbox._hosted(cancel)
    if target is None:
        return _page("canceled", "Checkout canceled", "<h2>You canceled checkout.</h2>")
    return _redirect(target)


def _sign_out(sandbox: AmazonPaySandbox, visit: _Visit) -> Response:
    expired = f"{BUYER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
    return 204, {"set-cookie": expired, "cache-control": "no-store"}, b""


ROUTES: Final[Mapping[str, tuple[tuple[str, ...], Page]]] = {
    "/checkout.js": (("GET",), _checkout_script),
    "/checkout": (("GET",), _redirect_page),
    "/buyer/button": (("POST",), _button_click),
    "/buyer/signin": (("GET", "POST"), _sign_in),
    "/buyer/choose": (("GET", "POST"), _choose),
    "/buyer/decline": (("POST",), _decline),
    "/buyer/cancel": (("POST",), _cancel),
    "/buyer/signout": (("POST",), _sign_out),
}


# --- what the pages decide -------------------------------------------------------------------


def _open(state: State, session_id: str, now: datetime) -> CheckoutSession:
    """The session, Open: a checkout that ended (or never was) has no hosted page."""
    session = checkout_sessions.find(state, session_id, now)
    if session.status.state != "Open":
        raise PageError(
            409,
            Reason.InvalidCheckoutSessionStatus.code,
            f"Checkout Session {session_id} is {session.status.state} ({session.status.reason_code or 'no reason'}): "
            "this checkout has ended.",
        )
    return session


def _theirs(state: State, session_id: str, now: datetime, visit: _Visit) -> CheckoutSession:
    """The session, Open, if the visitor may act on it: anyone until a buyer approves it, then only that buyer.

    The session id travels in URLs (the merchant's review page, its logs, a Referer): another
    Amazon account with it must not pick the address a package goes to, nor pay, nor cancel.
    """
    session = _open(state, session_id, now)
    visitor = visit.buyer()
    if session.pages_buyer is not None and (visitor is None or visitor["email"] != session.pages_buyer):
        raise PageError(
            403,
            Reason.UnauthorizedAccess.code,
            f"Checkout Session {session_id} belongs to another buyer's checkout: sign in as that buyer.",
        )
    return session


def _picks_address(session: CheckoutSession) -> bool:
    """Whether the buyer picks a shipping address: PayAndShip, unless the merchant sent addressDetails."""
    return session.product_type() == "PayAndShip" and session.merchant_address is None


def _returns_to_review(session: CheckoutSession) -> bool:
    """Whether the buyer goes back to the merchant's review page (else pays on Amazon's page now)."""
    return session.review_url is not None and session.checkout_mode != checkout_sessions.PROCESS_ORDER


def _instrument(instrument_id: str) -> str:
    if instrument_id not in INSTRUMENTS_BY_ID:
        raise PageError(400, Reason.InvalidParameterValue.code, f"No payment instrument {instrument_id[:32]!r}.")
    return instrument_id


def _pay(sandbox: AmazonPaySandbox, session_id: str, visit: _Visit, instrument_id: str | None = None) -> Response:
    """Process the payment with the chosen instrument (:mod:`._wallet`), or ``instrument_id`` picked after a decline.

    The result page, or a decline; one transaction, so a pick that cannot be paid changes nothing.
    """

    def process(state: State, now: datetime) -> Response:
        session = _theirs(state, session_id, now, visit)
        if instrument_id is not None:
            session.instrument = instrument_id
            session.processed = False
        if session.buyer is None:
            raise PageError(409, Reason.InvalidCheckoutSessionStatus.code, "The buyer has not signed in yet.")
        if session.redirect_url() is None:
            unset = ", ".join(c for c in session.constraints() if c != "BuyerNotAssociated")
            raise PageError(
                409,
                Reason.InvalidCheckoutSessionStatus.code,
                f"Checkout Session {session_id} cannot be paid yet: {unset} (set them with Update Checkout Session).",
            )
        instrument = INSTRUMENTS_BY_ID[session.instrument or DEFAULT_INSTRUMENT.id]
        outcome = instrument.outcome
        if outcome == "Pending" and not session.can_handle_pending:
            outcome = "TransactionTimedOut"  # canHandlePendingAuthorization false: no pending authorization
        if outcome in ("SoftDeclined", "TransactionTimedOut"):
            return _declined(session, outcome)
        if outcome == "HardDeclined":
            checkout_sessions.cancel(session, now, "Declined")  # the merchant learns it from Complete
        else:
            session.processed, session.processed_amount = True, session.charge_amount
        assert session.result_url is not None  # no CheckoutResultReturnUrlNotSet: redirect_url() is set
        return _redirect(_with_session(session.result_url, session_id))

    return sandbox._hosted(process)


def _declined(session: CheckoutSession, reason: str) -> Response:
    """The decline page: why, and the other instruments to pick from."""
    session_id = session.id
    others = [i for i in INSTRUMENTS if i.id != session.instrument]
    choices = "".join(_radio("instrument", i.id, i.descriptor, n == 0) for n, i in enumerate(others))
    content = (
        f'<h2>Your payment method was declined</h2><p id="decline-reason">{html.escape(reason)}: '
        f"{html.escape(Reason[reason].default_message)} Choose another payment method.</p>"
        f'<form method="post" action="/buyer/decline">{_hidden(session_id)}'
        f"<fieldset><legend>Payment method</legend>{choices}</fieldset>"
        '<button type="submit" id="pay">Pay now</button></form>'
    )
    return _page("decline", "Payment declined", content + _cancel_form(session_id))


def _chooser(session: CheckoutSession, buyer: Mapping[str, str], change_action: str | None) -> Response:
    addresses = address_book(session.region) if _picks_address(session) else []
    # The address picked before (a change of address), else the first.
    picked = (session.shipping_address or addresses[0]).get("addressLine1") if addresses else None
    address_choices = "".join(
        _radio("address", str(n), _one_line(a), a.get("addressLine1") == picked) for n, a in enumerate(addresses)
    )
    chosen = session.instrument or DEFAULT_INSTRUMENT.id
    instrument_choices = "".join(_radio("instrument", i.id, i.descriptor, i.id == chosen) for i in INSTRUMENTS)
    sections = ""
    if addresses:
        sections += f'<fieldset id="addresses"><legend>Shipping address</legend>{address_choices}</fieldset>'
    sections += f'<fieldset id="instruments"><legend>Payment method</legend>{instrument_choices}</fieldset>'
    amount = session.charge_amount.text() if session.charge_amount is not None else None
    summary = f'<p id="amount">{html.escape(amount)} {html.escape(session.currency())}</p>' if amount else ""
    label = "Continue" if _returns_to_review(session) else "Pay now"
    action = f'<input type="hidden" name="changeAction" value="{html.escape(change_action)}">' if change_action else ""
    content = (
        f"<h2>Hello, {html.escape(buyer['name'])}</h2>{summary}"
        f'<form method="post" action="/buyer/choose">{_hidden(session.id)}{action}{sections}'
        f'<button type="submit" id="continue">{label}</button></form>'
    )
    return _page("choose", "Choose address and payment", content + _cancel_form(session.id))


# --- HTML ------------------------------------------------------------------------------------

_STYLE: Final = (
    "body{font:15px/1.4 sans-serif;margin:2em auto;max-width:36em;color:#111}"
    "header{border-bottom:3px solid #f3d078;margin-bottom:1em}fieldset{margin:1em 0}"
    "label{display:block;margin:.3em 0}button{padding:.5em 1.5em;margin:.3em 0}"
)


def _page(name: str, title: str, content: str, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    document = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<link rel="icon" href="data:,"><title>Amazon Pay: {html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head>"
        f'<body data-page="{name}"><header><h1>amazon pay</h1><p>Sandbox simulator (amazonpay.testing)</p></header>'
        f"{content}</body></html>"
    )
    answer = {"content-type": "text/html; charset=utf-8", "cache-control": "no-store", **(headers or {})}
    return status, answer, document.encode("utf-8")


def _error_page(status: int, code: str, message: str, allow: str | None = None) -> Response:
    """Amazon's error page: the session (here: request) id, the error code and message.

    Answered 200 but for a wrong method: the page is the buyer's answer, and a browser reports
    an error status of a page in its console.
    """
    content = (
        "<h2>We're sorry, something went wrong.</h2>"
        f'<pre id="error">Session ID: {request_id()}\nError Code: {html.escape(code)}\n'
        f"Error Message: {html.escape(message)}</pre>"
    )
    return _page("error", "Error", content, status if allow else 200, {"allow": allow} if allow else None)


def _redirect(location: str, headers: Mapping[str, str] | None = None) -> Response:
    return 303, {"location": location, "cache-control": "no-store", **(headers or {})}, b""


def _with_session(url: str, session_id: str) -> str:
    """``url`` with ``amazonCheckoutSessionId`` added to its query."""
    parts = urlsplit(url)
    query = [*parse_qsl(parts.query, keep_blank_values=True), (SESSION_PARAMETER, session_id)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _hidden(session_id: str) -> str:
    return f'<input type="hidden" name="{SESSION_PARAMETER}" value="{html.escape(session_id)}">'


def _radio(name: str, value: str, label: str, checked: bool) -> str:
    mark = " checked" if checked else ""
    return f'<label><input type="radio" name="{name}" value="{html.escape(value)}"{mark}> {html.escape(label)}</label>'


def _cancel_form(session_id: str) -> str:
    return (
        f'<form method="post" action="/buyer/cancel">{_hidden(session_id)}'
        '<button type="submit" id="cancel">Cancel and return to the merchant</button></form>'
    )


def _one_line(address: Mapping[str, Any]) -> str:
    parts = ("name", "addressLine1", "addressLine2", "postalCode", "city", "countryCode")
    return ", ".join(str(address[part]) for part in parts if address.get(part))
