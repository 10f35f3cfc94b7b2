"""Checkout Sessions: the buyer's checkout, Open -> Completed | Canceled, and how it completes.

Create, Get, Update and Complete Checkout Session (the bundled spec; docs, checkout-session.html)
and Finalize (Buy Now and mobile flows; openapi/extensions.overlay.yml), the buyer's step
(:func:`approve`, which ``AmazonPaySandbox.approve`` runs) and what completing makes: the charge
permission and, for Authorize and AuthorizeWithCapture, the charge (:func:`finish`). A session
expires 24 hours after its creation and is kept 30 days.

The flows Amazon documents beyond the one-time checkout, each rule with its page:

- Recurring: ``chargePermissionType`` Recurring with ``recurringMetadata`` (:mod:`._recurring`),
  set on create or, to upgrade a one-time checkout, on update (docs
  amazon-pay-checkout/upgrading-from-onetime-to-recurring.html). Until its frequency is set the
  session has the RecurringFrequencyNotSet constraint (the constraint the checkout-session
  reference lists beside the four others, as quoted with its page's links in a public
  ``@amazonpay/amazon-pay-api-sdk-nodejs`` type declaration; Amazon's Japanese onboarding site,
  amazonpay-onboarding.com/en/specification/parameter/chargePermissionType: "you need to set
  recurringMetaData"). recurringMetadata goes with Recurring only.
- Saved Wallet (PaymentMethodOnFile): ``paymentMethodOnFileMetadata.setupOnly`` true saves the
  buyer's payment method without charging: the session takes no chargeAmount and no
  paymentIntent but Confirm, has no ChargeAmountNotSet or PaymentIntentNotSet constraint, is
  completed with ``{}`` and grants a permission without a charge (docs
  amazon-pay-paymentmethodonfile-setupintent/verify-and-complete-checkout.html: chargeAmount is
  not required; its answer shows webCheckoutDetails, paymentDetails, merchantMetadata and
  productType null, as the Completed setup session answers here). Without setupOnly it is a
  checkout with a first charge. A ``chargePermissionId`` names the buyer's saved wallet to
  update (.NET README L248): the session completes onto it.
- End of checkout / Additional Payment Button (``checkoutMode`` ProcessOrder): the merchant sets
  the payment info when creating the session, not by Update Checkout Session (docs
  amazon-pay-checkout/end-of-checkout.html), so create requires paymentIntent and chargeAmount,
  and with every detail set its answer carries ``amazonPayRedirectUrl``; the merchant sends the
  address the buyer typed as ``addressDetails`` (PayAndShip), without it the session is PayOnly
  (Amazon's Magento plugin sends it only for quotes with a shipping address,
  AmazonPayAdapter::generatePayNowButtonPayload). The buyer pays on Amazon's page
  (:func:`approve`), then the merchant completes (web) or finalizes (mobile apps).
- Payment details: ``softDescriptor`` applies with AuthorizeWithCapture only (.NET
  ``PaymentDetails.cs``: "Do not use if PaymentIntent is set to Confirm or Authorize") and is
  carried to the charge checkout makes, with the session's merchantMetadata and platformId;
  ``totalOrderAmount`` is the full order when chargeAmount is a part of it (docs
  amazon-pay-checkout/one-time-payment-scenarios.html) and becomes the permission's limit;
  ``allowOvercharge`` and ``extendExpiration`` can be set only at creation, on a one-time
  checkout (docs amazon-pay-checkout/advanced-one-time-payment-options.html).
- Finalize (docs amazon-pay-buy-now-checkout/verify-and-complete-checkout.html): chargeAmount
  must match; totalOrderAmount and supplementaryData are required if the session has them;
  PayAndShip requires the shippingAddress Amazon shared, PayOnly the billingAddress.
- Which buyer details Amazon shares: ``scopes``; a billing address only when they ask for
  ``billingAddress`` (without scopes, in the EU only: docs, paymentPreferences).

What the simulator decides where the docs are silent: a totalOrderAmount sent to Complete or
Finalize for a session that has none must equal chargeAmount (nothing was split); a setup-only
session shares no shipping address (its productType is null); addressDetails comes with
ProcessOrder only; multiAddressesCheckoutMetadata is kept and shown as sent (the simulator
plays no PayAndShipMultiAddress address list).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from . import _addresses as addresses
from . import _buyers as buyers
from . import _charge_permissions as charge_permissions
from . import _charges as charges
from . import _limits as limits
from ._errors import Reason, SandboxError, refusal
from ._journal import Journaled, time_passing
from ._lifecycle import Status
from ._recurring import RecurringMetadata
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
from ._wallet import INSTRUMENTS_BY_ID

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
    "RecurringFrequencyNotSet": "recurringMetadata.frequency is not set.",
}
PROCESS_ORDER: Final = "ProcessOrder"
CHARGING_INTENTS: Final = frozenset({"Authorize", "AuthorizeWithCapture"})

# Where the buyer is sent once the merchant has set every detail.
REDIRECT_HOSTS: Final[dict[str, str]] = {
    "na": "payments.amazon.com",
    "eu": "payments.amazon.eu",
    "jp": "payments.amazon.co.jp",
}
DEFAULT_CURRENCIES: Final[dict[str, str]] = {"na": "USD", "eu": "EUR", "jp": "JPY"}


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
    cancel_url: str | None = None
    error_url: str | None = None
    checkout_mode: str | None = None
    payment_intent: str | None = None
    can_handle_pending: bool = False
    charge_amount: Money | None = None
    total_order_amount: Money | None = None
    estimate_order_total: Money | None = None
    soft_descriptor: str | None = None
    allow_overcharge: bool | None = None  # set at creation only
    extend_expiration: bool | None = None  # set at creation only
    presentment_currency: str | None = None
    charge_permission_type: str = "OneTime"
    recurring_metadata: RecurringMetadata | None = None
    setup_only: bool | None = None  # paymentMethodOnFileMetadata.setupOnly
    saved_permission_id: str | None = None  # the Saved Wallet permission a returning buyer updates
    scopes: tuple[str, ...] | None = None
    merchant_address: dict[str, Any] | None = None  # addressDetails (ProcessOrder)
    supplementary_data: str | None = None
    multi_addresses: list[Any] | None = None  # multiAddressesCheckoutMetadata, as sent
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    provider_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None
    delivery_specifications: dict[str, Any] | None = None
    buyer: dict[str, Any] | None = None
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    charge_permission_id: str | None = None
    charge_id: str | None = None
    # Made by the Amazon Pay button (:mod:`._buyer_pages`): its productType option (docs
    # amazon-pay-checkout/amazon-pay-script.html), the page it was on, the instrument the buyer picked.
    button_product_type: str | None = None
    button_page: str | None = None
    # The simulator that served the button (scheme://host:port): its hosted pages take the buyer
    # on, so amazonPayRedirectUrl points there and a browser nobody routes (a person trying the
    # example shop) reaches them. None (made through the API): Amazon's host, as the service answers.
    pages_origin: str | None = None
    instrument: str | None = None  # an id of _wallet.INSTRUMENTS; None: the default one
    # Who approved on the hosted pages (their email): another buyer's visit is refused there.
    pages_buyer: str | None = None
    # The chargeAmount Amazon's page processed at amazonPayRedirectUrl with the instrument now
    # chosen (processed: it did; a new choice undoes it). A session approved on the hosted pages
    # completes only so: "Completed: The buyer was redirected to the AmazonPayRedirectUrl and
    # payment intent was successfully completed" (docs amazon-pay-api-v2/checkout-session.html,
    # states). AmazonPaySandbox.approve stands for every buyer step and needs none of it.
    processed: bool = False
    processed_amount: Money | None = None

    def product_type(self) -> str | None:
        """PayAndShip, PayOnly (the button's; end of checkout without addressDetails), or None (Saved Wallet setup)."""
        if self.setup_only:
            return None
        if self.button_product_type is not None:
            return self.button_product_type
        if self.checkout_mode == PROCESS_ORDER and self.merchant_address is None:
            return "PayOnly"
        return "PayAndShip"

    def payment_descriptor(self) -> str:
        """How the buyer's chosen payment instrument is described (paymentPreferences)."""
        if self.instrument is None:
            return charge_permissions.PAYMENT_DESCRIPTOR
        return INSTRUMENTS_BY_ID[self.instrument].descriptor

    def constraints(self) -> list[str]:
        """Ids of the constraints still to be resolved (none once the session left Open)."""
        if self.status.state != "Open":
            return []
        recurring = self.charge_permission_type == "Recurring"
        unresolved = {
            "BuyerNotAssociated": self.buyer is None,
            "ChargeAmountNotSet": self.charge_amount is None and not self.setup_only,
            "CheckoutResultReturnUrlNotSet": self.result_url is None,
            "PaymentIntentNotSet": self.payment_intent is None and not self.setup_only,
            "RecurringFrequencyNotSet": recurring
            and (self.recurring_metadata is None or not self.recurring_metadata.frequency_set),
        }
        return [name for name, missing in unresolved.items() if missing]

    def redirect_url(self) -> str | None:
        """``amazonPayRedirectUrl``: set once every merchant-side detail is set (the buyer may still be missing)."""
        if self.status.state != "Open" or set(self.constraints()) - {"BuyerNotAssociated"}:
            return None
        origin = self.pages_origin or f"https://{REDIRECT_HOSTS[self.region]}"
        return f"{origin}/checkout?amazonCheckoutSessionId={self.id}"

    def currency(self) -> str:
        """The presentment currency: as set (a chargeAmount sets it to its own), else the region's."""
        if self.presentment_currency is not None:
            return self.presentment_currency
        return DEFAULT_CURRENCIES[self.region]

    def shares_billing_address(self) -> bool:
        """Whether Amazon shares the buyer's billing address: scopes ask for it (without scopes, the EU)."""
        if self.scopes is None:
            return self.region == "eu"
        return "billingAddress" in self.scopes

    def json(self) -> dict[str, Any]:
        """The ``CheckoutSession`` object; buyer details only while Open (docs, buyer)."""
        is_open = self.status.state == "Open"
        # A completed Saved Wallet setup answers as its verify-and-complete pages show it.
        setup_done = bool(self.setup_only) and self.status.state == "Completed"
        preferences = None
        if is_open and self.buyer is not None:
            preferences = [{"paymentDescriptor": self.payment_descriptor(), "billingAddress": self.billing_address}]
        return {
            "checkoutSessionId": self.id,
            "webCheckoutDetails": None if setup_done else self._web_checkout_details(),
            "productType": self.product_type(),
            "paymentDetails": None if setup_done else self._payment_details(),
            "chargePermissionType": self.charge_permission_type,
            "recurringMetadata": None if self.recurring_metadata is None else self.recurring_metadata.json(),
            "paymentMethodOnFileMetadata": None
            if self.setup_only is None or setup_done
            else {"setupOnly": self.setup_only},
            "merchantMetadata": None if setup_done else merchant_metadata(self.merchant_metadata),
            "supplementaryData": self.supplementary_data,
            "buyer": dict(self.buyer) if is_open and self.buyer is not None else None,
            "billingAddress": dict(self.billing_address) if is_open and self.billing_address is not None else None,
            "paymentPreferences": preferences,
            "statusDetails": self.status.json(),
            "shippingAddress": dict(self.shipping_address) if self.shipping_address is not None else None,
            "shippingAddressList": None,
            "multiAddressesCheckoutMetadata": None if self.multi_addresses is None else list(self.multi_addresses),
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

    def _web_checkout_details(self) -> dict[str, Any]:
        return {
            "checkoutReviewReturnUrl": self.review_url,
            "checkoutResultReturnUrl": self.result_url,
            "checkoutCancelUrl": self.cancel_url,
            "checkoutErrorUrl": self.error_url,
            "amazonPayRedirectUrl": self.redirect_url(),
            "checkoutMode": self.checkout_mode,
        }

    def _payment_details(self) -> dict[str, Any]:
        def price(money: Money | None) -> dict[str, Any] | None:
            return None if money is None else money.json()

        return {
            "paymentIntent": self.payment_intent,
            "canHandlePendingAuthorization": self.can_handle_pending,
            "chargeAmount": price(self.charge_amount),
            "totalOrderAmount": price(self.total_order_amount),
            "softDescriptor": self.soft_descriptor,
            "presentmentCurrency": self.currency(),
            "allowOvercharge": self.allow_overcharge,
            "extendExpiration": self.extend_expiration,
            "estimateOrderTotal": price(self.estimate_order_total),
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


@dataclass(frozen=True)
class _Amounts:
    """The amounts a Create or Update Checkout Session body sets, parsed before anything changes."""

    charge_amount: Money | None
    total_order_amount: Money | None
    estimate_order_total: Money | None
    recurring: RecurringMetadata | None

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> _Amounts:
        details = body.get("paymentDetails") or {}

        def price(name: str) -> Money | None:
            value = details.get(name)
            return None if value is None else Money.from_json(value, f"paymentDetails.{name}")

        recurring = body.get("recurringMetadata")
        return cls(
            charge_amount=price("chargeAmount"),
            total_order_amount=price("totalOrderAmount"),
            estimate_order_total=price("estimateOrderTotal"),
            recurring=None if recurring is None else RecurringMetadata.from_json(recurring),
        )


def create_checkout_session(state: State, call: Call) -> Result:
    """POST /checkoutSessions: a new Open session, checked whole before it is stored."""
    body = call.body
    amounts = _Amounts.of(body)
    web = body["webCheckoutDetails"]
    details = body.get("paymentDetails") or {}
    address = body.get("addressDetails")
    merchant_address = None if address is None else addresses.from_address_details(address)
    session = CheckoutSession(
        id=unused_id(checkout_session_id, state.checkout_sessions),
        region=call.region,
        store_id=body["storeId"],
        review_url=web.get("checkoutReviewReturnUrl"),  # none in ProcessOrder or Saved Wallet setup
        status=Status("Open", call.now),
        created=call.now,
        expires=call.now + SESSION_LIFETIME,
        checkout_mode=web.get("checkoutMode"),
        allow_overcharge=details.get("allowOvercharge"),
        extend_expiration=details.get("extendExpiration"),
        setup_only=(body.get("paymentMethodOnFileMetadata") or {}).get("setupOnly"),
        saved_permission_id=body.get("chargePermissionId"),
        scopes=None if body.get("scopes") is None else tuple(body["scopes"]),
        merchant_address=merchant_address,
        shipping_address=None if merchant_address is None else dict(merchant_address),
        delivery_specifications=body.get("deliverySpecifications"),
    )
    _set_details(session, body, amounts)
    _check(session)
    if session.checkout_mode == PROCESS_ORDER and not session.setup_only:
        unset = [f"paymentDetails.{name}" for name in ("paymentIntent", "chargeAmount") if details.get(name) is None]
        if unset:
            raise _refuse(
                f"{' and '.join(unset)} must be set when creating a Checkout Session with checkoutMode "
                "ProcessOrder: the buyer completes checkout on Amazon Pay's page right after the button."
            )
    if merchant_address is not None and session.checkout_mode != PROCESS_ORDER:
        raise _refuse(
            "addressDetails is the address the buyer typed in the shop, sent with webCheckoutDetails.checkoutMode "
            "ProcessOrder; without it the buyer picks the address on Amazon Pay's page."
        )
    if session.saved_permission_id is not None:
        charge_permissions.saved_wallet(state, session.saved_permission_id, call.now)
    state.checkout_sessions[session.id] = session
    return 201, session.json()


def _set_details(session: CheckoutSession, body: Mapping[str, Any], amounts: _Amounts) -> None:
    """Set what a create or update ``body`` sets (``amounts``: its amounts, already parsed)."""
    web = body.get("webCheckoutDetails") or {}
    for name, attribute in (
        ("checkoutReviewReturnUrl", "review_url"),
        ("checkoutResultReturnUrl", "result_url"),
        ("checkoutCancelUrl", "cancel_url"),
        ("checkoutErrorUrl", "error_url"),
    ):
        if web.get(name) is not None:
            setattr(session, attribute, web[name])
    details = body.get("paymentDetails") or {}
    for attribute in ("charge_amount", "total_order_amount", "estimate_order_total"):
        if getattr(amounts, attribute) is not None:
            setattr(session, attribute, getattr(amounts, attribute))
    if amounts.charge_amount is not None:
        # docs amazon-pay-checkout/multi-currency-integration.html: a chargeAmount in another currency
        # "will also automatically update the presentmentCurrency".
        session.presentment_currency = amounts.charge_amount.currency
    for name, attribute in (
        ("paymentIntent", "payment_intent"),
        ("canHandlePendingAuthorization", "can_handle_pending"),
        ("presentmentCurrency", "presentment_currency"),
        ("softDescriptor", "soft_descriptor"),
    ):
        if details.get(name) is not None:
            setattr(session, attribute, details[name])
    if body.get("chargePermissionType") is not None:
        session.charge_permission_type = body["chargePermissionType"]
    if amounts.recurring is not None:
        session.recurring_metadata = amounts.recurring
    session.merchant_metadata = {**session.merchant_metadata, **(body.get("merchantMetadata") or {})}
    session.provider_metadata = {**session.provider_metadata, **(body.get("providerMetadata") or {})}
    if body.get("platformId") is not None:
        session.platform_id = body["platformId"]
    if body.get("supplementaryData") is not None:
        session.supplementary_data = body["supplementaryData"]
    if body.get("multiAddressesCheckoutMetadata") is not None:
        session.multi_addresses = [dict(item) for item in body["multiAddressesCheckoutMetadata"]]


def _refuse(message: str) -> SandboxError:
    return SandboxError(Reason.InvalidParameterValue, message)


def _check(session: CheckoutSession) -> None:
    """Refuse a session whose details do not go together (the rules of the module's docstring)."""
    kind = session.charge_permission_type
    if session.recurring_metadata is not None and kind != "Recurring":
        raise _refuse(
            f"recurringMetadata describes a Recurring Charge Permission; the Checkout Session's "
            f"chargePermissionType is {kind}: send chargePermissionType Recurring with it."
        )
    if session.saved_permission_id is not None and kind != "PaymentMethodOnFile":
        raise _refuse(
            f"chargePermissionId names the buyer's Saved Wallet, so the Checkout Session's chargePermissionType "
            f"stays PaymentMethodOnFile, not {kind}."
        )
    if session.setup_only is not None and kind != "PaymentMethodOnFile":
        raise _refuse(
            f"paymentMethodOnFileMetadata sets up a Saved Wallet; the Checkout Session's chargePermissionType is "
            f"{kind}: send chargePermissionType PaymentMethodOnFile with it."
        )
    if session.setup_only:
        if session.charge_amount is not None:
            raise _refuse(
                "paymentDetails.chargeAmount was set, but a Saved Wallet setup (setupOnly) charges nothing: "
                "leave it out, or set setupOnly false to charge at checkout."
            )
        if session.payment_intent not in (None, "Confirm"):
            raise _refuse(
                f"paymentDetails.paymentIntent {session.payment_intent} charges, but a Saved Wallet setup "
                "(setupOnly) charges nothing: use Confirm."
            )
    if (session.allow_overcharge or session.extend_expiration) and kind != "OneTime":
        raise _refuse(
            f"allowOvercharge and extendExpiration are options of a one-time checkout (docs "
            f"advanced-one-time-payment-options.html); the Checkout Session's chargePermissionType is {kind}."
        )
    charge, total = session.charge_amount, session.total_order_amount
    if charge is not None and session.presentment_currency != charge.currency:
        raise SandboxError(
            Reason.CurrencyMismatch,
            f"paymentDetails.presentmentCurrency {session.presentment_currency} does not match the chargeAmount's "
            f"currency {charge.currency}: set chargeAmount.currencyCode, which sets presentmentCurrency too "
            "(docs amazon-pay-checkout/multi-currency-integration.html).",
        )
    if charge is not None and total is not None:
        same_currency(total, charge.currency, "paymentDetails.totalOrderAmount")
        if charge.minor > total.minor:
            raise _refuse(
                f"paymentDetails.chargeAmount {charge.text()} exceeds totalOrderAmount {total.text()}: chargeAmount "
                "is what checkout processes, a part of the order total at most."
            )
    recurring_amount = None if session.recurring_metadata is None else session.recurring_metadata.amount
    if charge is not None and recurring_amount is not None:
        same_currency(recurring_amount, charge.currency, "recurringMetadata.amount")
    _check_soft_descriptor(session.soft_descriptor, session.payment_intent)


def _check_soft_descriptor(soft_descriptor: str | None, intent: str | None) -> None:
    if soft_descriptor is not None and intent is not None and intent != "AuthorizeWithCapture":
        raise _refuse(
            f"paymentDetails.softDescriptor applies only with paymentIntent AuthorizeWithCapture, not {intent}: "
            "set it on Capture Charge instead."
        )


def get_checkout_session(state: State, call: Call) -> Result:
    """GET /checkoutSessions/{id}."""
    return 200, find(state, call.resource_id, call.now).json()


def update_checkout_session(state: State, call: Call) -> Result:
    """PATCH /checkoutSessions/{id}: only while Open; the result is checked whole before the session changes."""
    body = call.body
    amounts = _Amounts.of(body)
    session = find(state, call.resource_id, call.now)
    _require_open(session, "update")
    details = body.get("paymentDetails") or {}
    for name, was in (("allowOvercharge", session.allow_overcharge), ("extendExpiration", session.extend_expiration)):
        if name in details and bool(details[name]) != bool(was):
            raise _refuse(
                f"paymentDetails.{name} can only be set when the Checkout Session is created (docs "
                f"advanced-one-time-payment-options.html); {session.id} was created with {name} {bool(was)}."
            )
    candidate = dataclasses.replace(session)
    _set_details(candidate, body, amounts)
    _check(candidate)
    _set_details(session, body, amounts)
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
    instrument: str | None = None,
) -> dict[str, Any]:
    """The buyer's step on Amazon's pages: sign in, pick the payment instrument (and address), return.

    At the end of checkout (ProcessOrder) it stands for the buyer paying on Amazon's page; the
    address is then the merchant's addressDetails, and a PayOnly checkout or a Saved Wallet
    setup has none, so the buyer picks none. The buyer gets a buyerToken (:func:`._buyers.sign_in`).
    ``instrument`` is the payment instrument the hosted pages let the buyer pick (None: the default).
    """
    session = find(state, session_id, now)
    _require_open(session, "approve")
    chosen = {"buyerId": buyer_id(), **DEFAULT_BUYER, **(buyer or {})}
    unknown = set(chosen) - {"buyerId", "name", "email"}
    if unknown:
        raise SandboxError(Reason.UnrecognizedField, f"Unknown buyer field(s): {', '.join(sorted(unknown))}.")
    product = session.product_type()
    if shipping_address is not None and (product != "PayAndShip" or session.merchant_address is not None):
        why = (
            "the merchant sent it as addressDetails (checkoutMode ProcessOrder)"
            if session.merchant_address is not None
            else f"the checkout is {product or 'a Saved Wallet setup'}, without a shipping address"
        )
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"The buyer picks no shipping address for Checkout Session {session.id}: {why}.",
        )
    session.buyer = {name: str(value) for name, value in chosen.items()}
    if shipping_address is not None:
        session.shipping_address = dict(shipping_address)
    elif session.shipping_address is None and product == "PayAndShip":
        session.shipping_address = dict(addresses.DEFAULT_ADDRESSES[session.region])
    billing = session.shipping_address or addresses.DEFAULT_ADDRESSES[session.region]
    session.billing_address = dict(billing) if session.shares_billing_address() else None
    if instrument is not None:
        session.instrument = instrument
    buyers.sign_in(state, session.id)
    return session.json()


def cancel(session: CheckoutSession, now: datetime, reason: str) -> None:
    """The checkout failed on Amazon's pages: the buyer canceled (BuyerCanceled), or payment was Declined."""
    _require_open(session, "cancel")
    session.status = Status("Canceled", now, reason, SESSION_CANCEL_REASONS[reason])


def _require_processed(session: CheckoutSession, action: str) -> None:
    """A session approved on the hosted pages is paid only once Amazon Pay processed that chargeAmount there.

    Complete and Finalize alike: either would otherwise charge the buyer's chosen instrument
    unprocessed, a declining one included. The hosted pages serve the redirect flow (checkout.js
    has no Buy Now onCompleteCheckout), so there the processing is amazonPayRedirectUrl's.
    """
    if session.pages_buyer is not None and not (
        session.processed and session.processed_amount == session.charge_amount
    ):
        raise SandboxError(
            Reason.InvalidCheckoutSessionStatus,
            f"Cannot {action} Checkout Session {session.id}: Amazon Pay has not processed its payment "
            + ("for this chargeAmount" if session.processed else "with the buyer's payment method")
            + "; redirect the buyer to amazonPayRedirectUrl first (Complete Checkout Session is called on "
            "checkoutResultReturnUrl, where Amazon Pay sends the buyer back).",
        )


def _require_resolved(session: CheckoutSession, action: str, ignored: frozenset[str] = frozenset()) -> None:
    missing = [c for c in session.constraints() if c not in ignored]
    if missing:
        hint = (
            " (the buyer has not signed in: call AmazonPaySandbox.approve)" if "BuyerNotAssociated" in missing else ""
        )
        raise SandboxError(
            Reason.InvalidCheckoutSessionStatus,
            f"Cannot {action} Checkout Session {session.id}: unresolved constraints {', '.join(missing)}{hint}.",
        )


def _check_amounts(session: CheckoutSession, body: Mapping[str, Any]) -> None:
    """The amounts must be the session's: chargeAmount, and totalOrderAmount when it has one (docs, above)."""
    assert session.charge_amount is not None  # no ChargeAmountNotSet constraint
    amount = Money.from_json(body["chargeAmount"], "chargeAmount")
    same_currency(amount, session.charge_amount.currency, "chargeAmount")
    if amount.minor != session.charge_amount.minor:
        raise _refuse(
            f"chargeAmount {amount.text()} does not match the Checkout Session's chargeAmount "
            f"{session.charge_amount.text()}."
        )
    sent = body.get("totalOrderAmount")
    total = None if sent is None else Money.from_json(sent, "totalOrderAmount")
    expected = session.total_order_amount or amount  # no totalOrderAmount: nothing was split
    if total is None:
        if session.total_order_amount is not None:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"totalOrderAmount is required: Checkout Session {session.id} has totalOrderAmount {expected.text()}.",
            )
        return
    same_currency(total, expected.currency, "totalOrderAmount")
    if total.minor != expected.minor:
        raise _refuse(f"totalOrderAmount {total.text()} does not match the order total {expected.text()}.")


def _check_permission(state: State, session: CheckoutSession, intent: str | None, now: datetime) -> None:
    """The permission completing grants can take the checkout's charge (``intent``): monthly limits, saved wallet.

    A first charge of a Recurring or Saved Wallet checkout stays within the monthly limit
    (:mod:`._limits`); the Saved Wallet a session names is still usable.
    """
    saved = None
    if session.saved_permission_id is not None:
        saved = charge_permissions.saved_wallet(state, session.saved_permission_id, now)
        if session.charge_amount is not None:  # as Create Charge on it would (CurrencyMismatch)
            same_currency(session.charge_amount, saved.currency, "paymentDetails.chargeAmount")
    if intent not in CHARGING_INTENTS or session.charge_amount is None:
        return
    if saved is not None:
        charges.check_limits(state, saved, session.charge_amount, now)
        return
    monthly = limits.monthly_limit(session.charge_permission_type, session.charge_amount.currency)
    if monthly is not None and session.charge_amount.minor > monthly.minor:
        raise SandboxError(
            Reason.PeriodicAmountExceeded,
            f"chargeAmount {session.charge_amount.text()} exceeds the monthly limit {monthly.text()} "
            f"{monthly.currency} of a {session.charge_permission_type} Charge Permission.",
        )


def complete_checkout_session(state: State, call: Call) -> Result:
    """POST /checkoutSessions/{id}/complete: permission (and charge) for an approved session."""
    session = find(state, call.resource_id, call.now)
    body = call.body
    if session.setup_only:
        sent = [name for name in ("chargeAmount", "totalOrderAmount") if body.get(name) is not None]
        if sent:
            raise _refuse(
                f"{' and '.join(sent)} sent, but Checkout Session {session.id} is a Saved Wallet setup "
                "(setupOnly): it charges nothing and is completed with {}."
            )
    elif body.get("chargeAmount") is None:
        # A business rule, not a schema one: the spec takes {} for a Saved Wallet setup-only session.
        raise _refuse(
            f"chargeAmount is required to complete Checkout Session {session.id}: only a Saved Wallet "
            "setup-only session is completed without it."
        )
    if session.status.state == "Canceled" and session.status.reason_code in SESSION_CANCEL_REASONS:
        # docs verify-and-complete-checkout.html: "Complete Checkout Session will return an error response
        # for failed transactions. The buyer either canceled checkout or was unable to provide a valid
        # payment instrument."
        raise SandboxError(
            Reason.CheckoutSessionCanceled,
            f"Checkout Session {session.id} was canceled: {session.status.reason_code}. "
            f"{session.status.reason_description}",
        )
    _require_open(session, "complete")
    _require_resolved(session, "complete")
    _require_processed(session, "complete")
    if not session.setup_only:
        _check_amounts(session, body)
    _check_permission(state, session, session.payment_intent, call.now)
    if call.simulation is not None:
        description = SESSION_CANCEL_REASONS[call.simulation]
        session.status = Status("Canceled", call.now, call.simulation, description)
        return refusal(  # the session stays Canceled
            Reason.CheckoutSessionCanceled,
            f"Checkout Session {session.id} was canceled: {call.simulation}. {description}",
        )
    return finish(state, session, call.now)


def finalize_checkout_session(state: State, call: Call) -> Result:
    """POST /checkoutSessions/{id}/finalize: verify amounts, addresses and data, then complete the session.

    Buy Now and mobile flows: the session was created with its payment details and the buyer
    approved it (docs amazon-pay-buy-now-checkout/verify-and-complete-checkout.html;
    mobile-app-onetime-eoc/call-finalize-checkoutsession-api.html). paymentIntent decides
    whether a charge is authorized.
    """
    body = call.body
    Money.from_json(body["chargeAmount"], "chargeAmount")
    session = find(state, call.resource_id, call.now)
    _require_open(session, "finalize")
    if session.setup_only:
        raise _refuse(
            f"Checkout Session {session.id} is a Saved Wallet setup (setupOnly): it charges nothing; complete it "
            "with Complete Checkout Session and {}."
        )
    # Finalize replaces the redirect: the merchant's return URL and intent are not needed here.
    _require_resolved(session, "finalize", frozenset({"CheckoutResultReturnUrlNotSet", "PaymentIntentNotSet"}))
    _require_processed(session, "finalize")
    _check_amounts(session, body)
    if session.product_type() == "PayAndShip":
        if body.get("shippingAddress") is None:
            raise SandboxError(
                Reason.InvalidParameterValue,
                "shippingAddress is required to finalize a PayAndShip Checkout Session: send the address Amazon "
                "shared.",
            )
    elif session.billing_address is not None and body.get("billingAddress") is None:
        raise SandboxError(
            Reason.InvalidParameterValue,
            "billingAddress is required to finalize a PayOnly Checkout Session: send the billing address Amazon "
            "shared.",
        )
    addresses.require_same(body.get("shippingAddress"), session.shipping_address, "shippingAddress")
    addresses.require_same(body.get("billingAddress"), session.billing_address, "billingAddress")
    sent = body.get("supplementaryData")
    if session.supplementary_data is not None and sent != session.supplementary_data:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"supplementaryData must be the Checkout Session's ({session.supplementary_data[:64]!r}).",
        )
    if session.supplementary_data is None and sent is not None:
        raise _refuse(f"supplementaryData was sent, but Checkout Session {session.id} has none.")
    _check_soft_descriptor(session.soft_descriptor, body["paymentIntent"])
    _check_permission(state, session, body["paymentIntent"], call.now)
    session.payment_intent = body["paymentIntent"]
    if body.get("canHandlePendingAuthorization") is not None:
        session.can_handle_pending = body["canHandlePendingAuthorization"]
    return finish(state, session, call.now)


def finish(state: State, session: CheckoutSession, now: datetime) -> Result:
    """Complete a verified session: its permission and, unless only confirmed, its charge; the answer.

    202 while the charge's authorization is pending (AuthorizationInitiated), else 200: the PHP
    SDK's README reads Complete Checkout Session so, and Amazon's Magento plugin takes a 202 as
    pending.
    """
    permission = charge_permissions.grant(state, session, now)
    if session.payment_intent in CHARGING_INTENTS and session.charge_amount is not None:
        charge = charges.new_charge(
            state,
            permission,
            session.charge_amount,
            now,
            capture_now=session.payment_intent == "AuthorizeWithCapture",
            can_handle_pending=session.can_handle_pending,
            soft_descriptor=session.soft_descriptor,
            provider_metadata=session.provider_metadata,
            merchant_metadata=session.merchant_metadata,
            platform_id=session.platform_id,
            at_checkout=True,
        )
        session.charge_id = charge.id
    session.charge_permission_id = permission.id
    session.status = Status("Completed", now)
    pending = (
        session.charge_id is not None and state.charges[session.charge_id].status.state == "AuthorizationInitiated"
    )
    return 202 if pending else 200, session.json()
