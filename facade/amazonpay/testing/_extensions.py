"""Finalize Checkout Session (Buy Now and mobile flows) and Update Charge (payment service providers).

Operations Amazon documents beyond the bundled spec (openapi/extensions.overlay.yml), with the
rules their docs pages state (amazon-pay-beyond-13.md, section 1.1). Each handler takes the
:class:`State` and a validated :class:`Call`, like the handlers of :mod:`._state`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from ._errors import Reason, SandboxError
from ._resources import Status
from ._values import Money

if TYPE_CHECKING:
    from ._state import Call, Result, State

#: The one charge state a payment service provider is documented to set (Node README sample).
PSP_SETTABLE_STATES: Final = frozenset({"Canceled"})
_OPEN_CHARGE_STATES: Final = frozenset({"AuthorizationInitiated", "Authorized"})


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
