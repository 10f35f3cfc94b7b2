"""Checkout Sessions: the buyer's checkout, Open -> Completed | Canceled, and how it completes.

Create, Get, Update and Complete Checkout Session (the bundled spec; docs, checkout-session.html)
and Finalize (Buy Now and mobile flows; openapi/extensions.overlay.yml), the buyer's step
(:func:`approve`, which ``AmazonPaySandbox.approve`` runs) and what completing makes: the charge
permission and, for Authorize and AuthorizeWithCapture, the charge (:func:`finish`). A session
expires 24 hours after its creation and is kept 30 days.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from . import _charge_permissions as charge_permissions
from . import _charges as charges
from ._errors import Reason, SandboxError, refusal
from ._journal import Journaled, time_passing
from ._lifecycle import Status
from ._values import (
    RELEASE_ENVIRONMENT,
    Money,
    buyer_id,
    checkout_session_id,
    merchant_metadata,
    same_currency,
    timestamp,
    unused_id,
)

if TYPE_CHECKING:
    from ._state import Call, Result, State

SESSION_LIFETIME: Final = timedelta(hours=24)
SESSION_RETENTION: Final = timedelta(days=30)
DEFAULT_BUYER: Final[Mapping[str, str]] = {"name": "Susie Smith", "email": "susie.smith@example.com"}
SESSION_CANCEL_REASONS: Final[Mapping[str, str]] = {
    "BuyerCanceled": "The buyer canceled the checkout.",
    "AmazonCanceled": "Amazon has canceled the transaction due to service unavailability.",
    "Declined": "Generic payment decline.",
}
CONSTRAINTS: Final[dict[str, str]] = {
    "BuyerNotAssociated": (
        "There is no buyer associated with the Checkout Session. "
        "Return the checkout session id to the Amazon Pay Button to allow buyer to login."
    ),
    "ChargeAmountNotSet": "chargeAmount is not set.",
    "CheckoutResultReturnUrlNotSet": "checkoutResultReturnUrl is not set.",
    "PaymentIntentNotSet": "paymentIntent is not set.",
}

# Where the buyer is sent once the merchant has set every detail.
REDIRECT_HOSTS: Final[dict[str, str]] = {
    "na": "payments.amazon.com",
    "eu": "payments.amazon.eu",
    "jp": "payments.amazon.co.jp",
}
DEFAULT_CURRENCIES: Final[dict[str, str]] = {"na": "USD", "eu": "EUR", "jp": "JPY"}
DEFAULT_ADDRESSES: Final[dict[str, dict[str, Any]]] = {
    "na": {
        "name": "Susie Smith",
        "addressLine1": "10 Ditka Ave",
        "addressLine2": "Suite 2500",
        "addressLine3": None,
        "city": "Chicago",
        "county": None,
        "district": None,
        "stateOrRegion": "IL",
        "postalCode": "60602",
        "countryCode": "US",
        "phoneNumber": "800-000-0000",
    },
    "eu": {
        "name": "Erika Mustermann",
        "addressLine1": "Marktplatz 1",
        "addressLine2": None,
        "addressLine3": None,
        "city": "Berlin",
        "county": None,
        "district": None,
        "stateOrRegion": "Berlin",
        "postalCode": "10115",
        "countryCode": "DE",
        "phoneNumber": "030 0000000",
    },
    "jp": {
        "name": "Hanako Yamada",
        "addressLine1": "1-1 Chiyoda",
        "addressLine2": None,
        "addressLine3": None,
        "city": "Chiyoda-ku",
        "county": None,
        "district": None,
        "stateOrRegion": "Tokyo",
        "postalCode": "100-0001",
        "countryCode": "JP",
        "phoneNumber": "03-0000-0000",
    },
}
PAYMENT_DESCRIPTOR: Final = "Visa ****1111 (Amazon Pay)"


@dataclass
class CheckoutSession(Journaled):
    """A buyer's checkout: Open -> Completed | Canceled."""

    id: str
    region: str
    store_id: str
    review_url: str | None  # none when the buyer does not return to a review page
    status: Status
    created: datetime
    expires: datetime
    result_url: str | None = None
    payment_intent: str | None = None
    can_handle_pending: bool = False
    charge_amount: Money | None = None
    presentment_currency: str | None = None
    charge_permission_type: str = "OneTime"
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    provider_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None
    delivery_specifications: dict[str, Any] | None = None
    buyer: dict[str, Any] | None = None
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    charge_permission_id: str | None = None
    charge_id: str | None = None

    def constraints(self) -> list[str]:
        """Ids of the constraints still to be resolved (none once the session left Open)."""
        if self.status.state != "Open":
            return []
        unresolved = {
            "BuyerNotAssociated": self.buyer is None,
            "ChargeAmountNotSet": self.charge_amount is None,
            "CheckoutResultReturnUrlNotSet": self.result_url is None,
            "PaymentIntentNotSet": self.payment_intent is None,
        }
        return [name for name, missing in unresolved.items() if missing]

    def redirect_url(self) -> str | None:
        """``amazonPayRedirectUrl``: set once every merchant-side detail is set."""
        if self.charge_amount is None or self.result_url is None or self.payment_intent is None:
            return None
        return f"https://{REDIRECT_HOSTS[self.region]}/checkout?amazonCheckoutSessionId={self.id}"

    def currency(self) -> str:
        """The presentment currency: as set, else the charge amount's, else the region's."""
        if self.presentment_currency is not None:
            return self.presentment_currency
        if self.charge_amount is not None:
            return self.charge_amount.currency
        return DEFAULT_CURRENCIES[self.region]

    def json(self) -> dict[str, Any]:
        """The ``CheckoutSession`` object; buyer details only while Open (docs, buyer)."""
        is_open = self.status.state == "Open"
        preferences = None
        if is_open and self.buyer is not None:
            preferences = [{"paymentDescriptor": PAYMENT_DESCRIPTOR, "billingAddress": self.billing_address}]
        return {
            "checkoutSessionId": self.id,
            "webCheckoutDetails": {
                "checkoutReviewReturnUrl": self.review_url,
                "checkoutResultReturnUrl": self.result_url,
                "amazonPayRedirectUrl": self.redirect_url(),
            },
            "productType": "PayAndShip",
            "paymentDetails": {
                "paymentIntent": self.payment_intent,
                "canHandlePendingAuthorization": self.can_handle_pending,
                "chargeAmount": self.charge_amount.json() if self.charge_amount else None,
                "softDescriptor": None,
                "presentmentCurrency": self.currency(),
            },
            "chargePermissionType": self.charge_permission_type,
            "merchantMetadata": merchant_metadata(self.merchant_metadata),
            "supplementaryData": None,
            "buyer": dict(self.buyer) if is_open and self.buyer is not None else None,
            "paymentPreferences": preferences,
            "statusDetails": self.status.json(),
            "shippingAddress": dict(self.shipping_address) if self.shipping_address is not None else None,
            "platformId": self.platform_id,
            "chargePermissionId": self.charge_permission_id,
            "chargeId": self.charge_id,
            "constraints": [{"constraintId": c, "description": CONSTRAINTS[c]} for c in self.constraints()],
            "creationTimestamp": timestamp(self.created),
            "expirationTimestamp": timestamp(self.expires),
            "storeId": self.store_id,
            "deliverySpecifications": self.delivery_specifications,
            "providerMetadata": {"providerReferenceId": self.provider_metadata.get("providerReferenceId")},
            "checkoutButtonText": None,
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }


def find(state: State, session_id: str, now: datetime) -> CheckoutSession:
    """The checkout session, expired or dropped if its time has come; ResourceNotFound if there is none."""
    with time_passing():
        session = state.checkout_sessions.get(session_id)
        if session is not None and now >= session.created + SESSION_RETENTION:
            del state.checkout_sessions[session_id]
            session = None
        if session is None:
            raise SandboxError(Reason.ResourceNotFound, f"Checkout Session {session_id} does not exist.")
        if session.status.state == "Open" and now >= session.expires:
            session.status = Status(
                "Canceled", session.expires, "Expired", "The Checkout Session expired after 24 hours."
            )
        return session


def _session_amount(body: Mapping[str, Any]) -> Money | None:
    """The chargeAmount a create or update body sets, parsed before anything changes."""
    price = (body.get("paymentDetails") or {}).get("chargeAmount")
    return None if price is None else Money.from_json(price, "paymentDetails.chargeAmount")


def create_checkout_session(state: State, call: Call) -> Result:
    """POST /checkoutSessions: a new Open session."""
    body = call.body
    web = body["webCheckoutDetails"]
    amount = _session_amount(body)
    session = CheckoutSession(
        id=unused_id(checkout_session_id, state.checkout_sessions),
        region=call.region,
        store_id=body["storeId"],
        review_url=web.get("checkoutReviewReturnUrl"),  # none in ProcessOrder or Saved Wallet setup
        status=Status("Open", call.now),
        created=call.now,
        expires=call.now + SESSION_LIFETIME,
        charge_permission_type=body.get("chargePermissionType") or "OneTime",
        delivery_specifications=body.get("deliverySpecifications"),
    )
    _apply_details(session, body, amount)
    state.checkout_sessions[session.id] = session
    return 201, session.json()


def _apply_details(session: CheckoutSession, body: Mapping[str, Any], amount: Money | None) -> None:
    """Set what ``body`` sets; ``amount`` is its chargeAmount, already parsed and checked."""
    web = body.get("webCheckoutDetails") or {}
    if web.get("checkoutReviewReturnUrl") is not None:
        session.review_url = web["checkoutReviewReturnUrl"]
    if web.get("checkoutResultReturnUrl") is not None:
        session.result_url = web["checkoutResultReturnUrl"]
    details = body.get("paymentDetails") or {}
    if amount is not None:
        session.charge_amount = amount
    if details.get("paymentIntent") is not None:
        session.payment_intent = details["paymentIntent"]
    if details.get("canHandlePendingAuthorization") is not None:
        session.can_handle_pending = details["canHandlePendingAuthorization"]
    if details.get("presentmentCurrency") is not None:
        session.presentment_currency = details["presentmentCurrency"]
    session.merchant_metadata = {**session.merchant_metadata, **(body.get("merchantMetadata") or {})}
    session.provider_metadata = {**session.provider_metadata, **(body.get("providerMetadata") or {})}
    if body.get("platformId") is not None:
        session.platform_id = body["platformId"]


def get_checkout_session(state: State, call: Call) -> Result:
    """GET /checkoutSessions/{id}."""
    return 200, find(state, call.resource_id, call.now).json()


def update_checkout_session(state: State, call: Call) -> Result:
    """PATCH /checkoutSessions/{id}: only while Open."""
    amount = _session_amount(call.body)
    session = find(state, call.resource_id, call.now)
    _require_open(session, "update")
    _apply_details(session, call.body, amount)
    return 200, session.json()


def _require_open(session: CheckoutSession, action: str) -> None:
    if session.status.state != "Open":
        raise SandboxError(
            Reason.InvalidCheckoutSessionStatus,
            f"Cannot {action} Checkout Session {session.id} in state {session.status.state}.",
        )


def approve(
    state: State,
    session_id: str,
    now: datetime,
    buyer: Mapping[str, Any] | None = None,
    shipping_address: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The buyer's browser step: sign in, pick the payment instrument and address, return."""
    session = find(state, session_id, now)
    _require_open(session, "approve")
    chosen = {"buyerId": buyer_id(), **DEFAULT_BUYER, **(buyer or {})}
    unknown = set(chosen) - {"buyerId", "name", "email"}
    if unknown:
        raise SandboxError(Reason.UnrecognizedField, f"Unknown buyer field(s): {', '.join(sorted(unknown))}.")
    session.buyer = {name: str(value) for name, value in chosen.items()}
    if shipping_address is not None:
        session.shipping_address = dict(shipping_address)
    elif session.shipping_address is None:
        session.shipping_address = dict(DEFAULT_ADDRESSES[session.region])
    # Billing addresses are only reported in the EU (docs, paymentPreferences).
    session.billing_address = dict(session.shipping_address) if session.region == "eu" else None
    return session.json()


def complete_checkout_session(state: State, call: Call) -> Result:
    """POST /checkoutSessions/{id}/complete: permission (and charge) for an approved session."""
    session = find(state, call.resource_id, call.now)
    if call.body.get("chargeAmount") is None:
        # A business rule, not a schema one: the spec takes {} for a Saved Wallet setup-only
        # session (docs, verify and complete checkout), which this simulator does not play.
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"chargeAmount is required to complete Checkout Session {session.id}: only a Saved Wallet "
            "setup-only session is completed without it.",
        )
    amount = Money.from_json(call.body["chargeAmount"], "chargeAmount")
    _require_open(session, "complete")
    missing = session.constraints()
    if missing:
        hint = (
            " (the buyer has not signed in: call AmazonPaySandbox.approve)" if "BuyerNotAssociated" in missing else ""
        )
        raise SandboxError(
            Reason.InvalidCheckoutSessionStatus,
            f"Checkout Session {session.id} has unresolved constraints: {', '.join(missing)}{hint}.",
        )
    assert session.charge_amount is not None  # no ChargeAmountNotSet constraint
    same_currency(amount, session.charge_amount.currency, "chargeAmount")
    if amount.minor != session.charge_amount.minor:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"chargeAmount {amount.text()} does not match the Checkout Session's chargeAmount "
            f"{session.charge_amount.text()}.",
        )
    if call.simulation is not None:
        description = SESSION_CANCEL_REASONS[call.simulation]
        session.status = Status("Canceled", call.now, call.simulation, description)
        return refusal(  # the session stays Canceled
            Reason.CheckoutSessionCanceled,
            f"Checkout Session {session.id} was canceled: {call.simulation}. {description}",
        )
    finish(state, session, call.now)
    return 200, session.json()


def _address(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """An address without its unset fields: null and absent mean the same."""
    return {name: item for name, item in (value or {}).items() if item is not None}


def _same_address(sent: Mapping[str, Any] | None, shared: Mapping[str, Any] | None, name: str) -> None:
    if sent is None:
        return
    if shared is None:
        raise SandboxError(
            Reason.InvalidParameterValue, f"{name} was sent, but Amazon shared no {name} for this buyer."
        )
    if _address(sent) != _address(shared):
        differing = sorted(
            k
            for k in _address(sent).keys() | _address(shared).keys()
            if _address(sent).get(k) != _address(shared).get(k)
        )
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"{name} does not match the address Amazon shared (differs in {', '.join(differing)}); "
            "send the address Get Checkout Session shows.",
        )


def finalize_checkout_session(state: State, call: Call) -> Result:
    """POST /checkoutSessions/{id}/finalize: verify amount and address, then complete the session.

    Buy Now and mobile flows: the session was created with its payment details and the buyer
    approved it; chargeAmount must equal the session's, the shipping address (PayAndShip) must
    match the one Amazon shared, and paymentIntent decides whether a charge is authorized.
    """
    body = call.body
    amount = Money.from_json(body["chargeAmount"], "chargeAmount")
    if body.get("totalOrderAmount") is not None:
        Money.from_json(body["totalOrderAmount"], "totalOrderAmount")
    session = find(state, call.resource_id, call.now)
    _require_open(session, "finalize")
    missing = [c for c in session.constraints() if c in ("BuyerNotAssociated", "ChargeAmountNotSet")]
    if missing:
        hint = (
            " (the buyer has not approved it: call AmazonPaySandbox.approve)" if "BuyerNotAssociated" in missing else ""
        )
        raise SandboxError(
            Reason.InvalidCheckoutSessionStatus,
            f"Checkout Session {session.id} has unresolved constraints: {', '.join(missing)}{hint}.",
        )
    assert session.charge_amount is not None
    if amount.currency != session.charge_amount.currency:
        raise SandboxError(
            Reason.CurrencyMismatch,
            f"chargeAmount.currencyCode {amount.currency} does not match {session.charge_amount.currency}.",
        )
    if amount.minor != session.charge_amount.minor:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"chargeAmount {amount.text()} does not match the Checkout Session's chargeAmount "
            f"{session.charge_amount.text()}.",
        )
    # Every simulated session is PayAndShip: the shipping address is required and must match.
    if body.get("shippingAddress") is None:
        raise SandboxError(
            Reason.InvalidParameterValue,
            "shippingAddress is required to finalize a PayAndShip Checkout Session: send the address Amazon shared.",
        )
    _same_address(body["shippingAddress"], session.shipping_address, "shippingAddress")
    _same_address(body.get("billingAddress"), session.billing_address, "billingAddress")
    if body.get("supplementaryData") is not None:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"supplementaryData was sent, but Checkout Session {session.id} has none.",
        )
    session.payment_intent = body["paymentIntent"]
    if body.get("canHandlePendingAuthorization") is not None:
        session.can_handle_pending = body["canHandlePendingAuthorization"]
    finish(state, session, call.now)
    return 200, session.json()


def finish(state: State, session: CheckoutSession, now: datetime) -> None:
    """Complete a verified session: its permission and, unless only confirmed, its charge."""
    assert session.charge_amount is not None
    permission = charge_permissions.new_permission(state, session, now)
    if session.payment_intent in ("Authorize", "AuthorizeWithCapture"):
        charge = charges.new_charge(
            state,
            permission,
            session.charge_amount,
            now,
            capture_now=session.payment_intent == "AuthorizeWithCapture",
            can_handle_pending=session.can_handle_pending,
        )
        session.charge_id = charge.id
    session.charge_permission_id = permission.id
    session.status = Status("Completed", now)
