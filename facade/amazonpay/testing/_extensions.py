"""The operations Amazon documents beyond the bundled spec (openapi/extensions.overlay.yml).

Finalize Checkout Session (Buy Now and mobile flows), Get Buyer (Amazon Sign-in), Update Charge
(payment service providers), Create Delivery Tracker (Alexa notifications) and Get Authorization
Token (solution providers), with the rules their docs pages state (amazon-pay-beyond-13.md,
section 1.1). Each handler takes the :class:`State` and a validated :class:`Call`, like the
handlers of :mod:`._state`; what they remember is stored in the :class:`State` too.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from ._errors import Reason, SandboxError
from ._resources import Status
from ._values import Money

if TYPE_CHECKING:
    from ._state import Call, Result, State

#: Merchant Web Services authorization tokens (v1 delegation) start so (docs, token-exchange).
MWS_TOKEN_PREFIX: Final = "amzn.mws."  # noqa: S105 (a format, not a secret)
AUTH_TOKEN_HEADER: Final = "x-amz-pay-authtoken"  # noqa: S105 (a header name)
#: The one charge state a payment service provider is documented to set (Node README sample).
PSP_SETTABLE_STATES: Final = frozenset({"Canceled"})
_OPEN_CHARGE_STATES: Final = frozenset({"AuthorizationInitiated", "Authorized"})
#: Shipments in one Create Delivery Tracker request. The docs (delivery-tracker.html, its ja/
#: page) give no limit and every SDK sample sends one; the simulator's own bound, so one request
#: cannot hold its lock for long or fill its memory. Not in the spec: the client must not refuse
#: what Amazon may accept.
MAX_SHIPMENTS: Final = 100


# --- the buyer step and Get Buyer ---------------------------------------------------------------


def sign_in(state: State, session_id: str) -> str:
    """Issue the buyerToken Amazon Sign-in hands the merchant for the buyer who approved ``session_id``.

    The profile is the one the buyer chose at approval, as Get Buyer returns it (docs buyer.html):
    postal code, country and phone come from the shipping address.
    """
    session = state.checkout_sessions[session_id]
    assert session.buyer is not None  # approved
    address = session.shipping_address or {}
    token = "amzn1.buyer." + secrets.token_urlsafe(24)
    state.buyers[token] = {
        **session.buyer,
        "postalCode": address.get("postalCode"),
        "countryCode": address.get("countryCode"),
        "phoneNumber": address.get("phoneNumber"),
        "shippingAddress": dict(address) if session.shipping_address is not None else None,
        "billingAddress": dict(session.billing_address) if session.billing_address is not None else None,
        "primeMembershipTypes": None,  # only for allow-listed merchants
    }
    state.buyer_tokens[session_id] = token
    return token


def get_buyer(state: State, call: Call) -> Result:
    """GET /buyers/{buyerToken}: the profile of a buyer who signed in."""
    buyer = state.buyers.get(call.resource_id)
    if buyer is None:
        raise SandboxError(
            Reason.ResourceNotFound,
            f"Buyer token {call.resource_id[:64]!r} was not issued (AmazonPaySandbox.approve issues one per "
            "buyer approval; AmazonPaySandbox.buyer_token(checkout_session_id) returns it).",
        )
    return 200, dict(buyer)


# --- Finalize Checkout Session --------------------------------------------------------------------


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
    session = state._session(call.resource_id, call.now)
    state._require_open(session, "finalize")
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
    state.finish(session, call.now)
    return 200, session.json()


# --- Update Charge ------------------------------------------------------------------------------


def update_charge(state: State, call: Call) -> Result:
    """PATCH /charges/{id}: a payment service provider sets the status of an open charge."""
    details = call.body["statusDetails"]
    wanted = details["state"]
    if wanted not in PSP_SETTABLE_STATES:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"statusDetails.state {wanted[:64]!r} cannot be set; a payment service provider may set "
            f"{', '.join(sorted(PSP_SETTABLE_STATES))}.",
        )
    charge = state._charge(call.resource_id, call.now)
    if charge.status.state not in _OPEN_CHARGE_STATES:
        raise SandboxError(
            Reason.InvalidChargeStatus, f"Cannot update Charge {charge.id} in state {charge.status.state}."
        )
    charge.pending = None
    charge.status = Status(wanted, call.now, details.get("reasonCode"))
    return 200, charge.json()


# --- Create Delivery Tracker --------------------------------------------------------------------


def create_delivery_tracker(state: State, call: Call) -> Result:
    """POST /deliveryTrackers: shipments of an order; each tracking number is accepted once."""
    body = call.body
    given = [name for name in ("amazonOrderReferenceId", "chargePermissionId") if name in body]
    if len(given) != 1:
        raise SandboxError(
            Reason.InvalidParameterValue,
            "Send exactly one of amazonOrderReferenceId and chargePermissionId"
            f" (got {' and '.join(given) if given else 'neither'}).",
        )
    if given == ["amazonOrderReferenceId"] and call.region == "jp":
        raise SandboxError(Reason.InvalidParameterValue, "In Japan a Delivery Tracker takes a chargePermissionId only.")
    if "chargePermissionId" in body and body["chargePermissionId"] not in state.charge_permissions:
        raise SandboxError(
            Reason.InvalidParameterValue, f"chargePermissionId {body['chargePermissionId'][:64]!r} is invalid."
        )
    details = body["deliveryDetails"]
    if not details:
        raise SandboxError(Reason.InvalidParameterValue, "deliveryDetails lists no shipment.")
    if len(details) > MAX_SHIPMENTS:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"deliveryDetails lists {len(details)} shipments; the simulator takes at most {MAX_SHIPMENTS} in one "
            "request (Amazon documents no limit; every sample sends one).",
        )
    numbers = [detail["trackingNumber"] for detail in details]
    seen: set[str] = set()
    for number in numbers:
        if number in seen or number in state.tracking_numbers:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"trackingNumber {number[:64]!r} was already used: a tracking number can be used once.",
            )
        seen.add(number)
    tracker = {name: body[name] for name in given}
    tracker["deliveryDetails"] = [dict(detail) for detail in details]
    for number in numbers:
        state.tracking_numbers[number] = tracker
    return 200, tracker


# --- Get Authorization Token and delegated calls ------------------------------------------------


def get_authorization_token(state: State, call: Call) -> Result:
    """GET /authorizationTokens/{mwsAuthToken}?merchantId=: the token for delegated calls.

    Any merchant may have delegated access (the simulator has no Seller Central), so any MWS
    token in its documented form is exchanged; the same token and merchant get the same answer.
    """
    merchant_id = call.query.get("merchantId")
    if not merchant_id:
        raise SandboxError(
            Reason.MissingParameterValue, "The query parameter merchantId is required (the merchant who delegated)."
        )
    mws_token = call.resource_id
    if not mws_token.startswith(MWS_TOKEN_PREFIX) or len(mws_token) == len(MWS_TOKEN_PREFIX):
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"mwsAuthToken {mws_token[:64]!r} is not an MWS authorization token ({MWS_TOKEN_PREFIX}...).",
        )
    key = (mws_token, merchant_id)
    token = state.authorization_tokens.get(key)
    if token is None:
        token = "Atza|" + secrets.token_urlsafe(48)
        state.authorization_tokens[key] = token
        state.issued_tokens[token] = merchant_id
    return 200, {"authorizationToken": token}


def check_auth_token(state: State, token: str | None) -> None:
    """A delegated call must carry a token Get Authorization Token issued (401 otherwise)."""
    if token is not None and token not in state.issued_tokens:
        raise SandboxError(
            Reason.UnauthorizedAccess,
            f"The {AUTH_TOKEN_HEADER} header carries a token that was not issued: exchange the merchant's MWS "
            "token with Get Authorization Token (pay.authorization_tokens.get) first.",
        )
