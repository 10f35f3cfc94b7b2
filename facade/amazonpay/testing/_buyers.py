"""Buyers: the buyerToken Amazon Sign-in hands the merchant, and Get Buyer.

Each approval of a checkout session (the buyer's step) issues a token for that buyer; Get Buyer
returns the profile the buyer chose (docs, developer.amazon.com/docs/amazon-pay-api-v2/buyer.html;
openapi/extensions.overlay.yml).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from ._errors import Reason, SandboxError

if TYPE_CHECKING:
    from ._state import Call, Result, State


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
