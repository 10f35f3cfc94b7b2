"""Charges: one payment, authorized then captured, or canceled, or declined.

(AuthorizationInitiated) -> Authorized -> (CaptureInitiated) -> Captured | Canceled | Declined.

Create, Get, Capture and Cancel Charge (docs, charge.html) and Update Charge (payment service
providers; openapi/extensions.overlay.yml). An authorization holds its amount for 30 days; a
pending authorization (canHandlePendingAuthorization) settles later, and so does a capture made
more than 7 days after the authorization; Create Charge's simulation codes decline it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final

from . import _charge_permissions as charge_permissions
from ._errors import Reason, SandboxError, refusal
from ._journal import Journaled, time_passing
from ._lifecycle import Pending, Status, is_due
from ._values import RELEASE_ENVIRONMENT, Money, charge_id, same_currency, timestamp, unused_id

if TYPE_CHECKING:
    from ._charge_permissions import ChargePermission
    from ._state import Call, Result, State

CHARGE_LIFETIME: Final = timedelta(days=30)
OPEN_CHARGE_STATES: Final = frozenset({"AuthorizationInitiated", "Authorized"})
# An authorization holds its amount until it is captured, canceled or declined.
HOLDING_CHARGE_STATES: Final = OPEN_CHARGE_STATES | {"CaptureInitiated"}
# A capture more than 7 days after the authorization settles later (docs, Capture Charge).
SYNCHRONOUS_CAPTURE_WINDOW: Final = timedelta(days=7)
#: The one charge state a payment service provider is documented to set (Node README sample).
PSP_SETTABLE_STATES: Final = frozenset({"Canceled"})


@dataclass
class Charge(Journaled):
    """One payment: (AuthorizationInitiated) -> Authorized -> (CaptureInitiated) -> Captured, or Canceled / Declined."""

    OBJECT_TYPE: ClassVar[str] = "CHARGE"

    id: str
    permission_id: str
    amount: Money
    status: Status
    created: datetime
    expires: datetime
    captured: Money
    refunded: Money
    capture_now: bool = False
    can_handle_pending: bool = False
    soft_descriptor: str | None = None
    provider_metadata: dict[str, Any] = field(default_factory=dict)
    pending: Pending | None = None

    def is_open(self) -> bool:
        """Whether it can still be canceled: authorized or being authorized, not yet being captured."""
        return self.status.state in OPEN_CHARGE_STATES

    def holds(self) -> bool:
        """Whether its authorization holds its amount of the permission's balance."""
        return self.status.state in HOLDING_CHARGE_STATES

    def json(self) -> dict[str, Any]:
        """The ``Charge`` object."""
        return {
            "chargeId": self.id,
            "chargePermissionId": self.permission_id,
            "chargeAmount": self.amount.json(),
            "captureAmount": self.captured.json(),
            "refundedAmount": self.refunded.json(),
            "convertedAmount": None,
            "conversionRate": None,
            "softDescriptor": self.soft_descriptor,
            "captureNow": self.capture_now,
            "canHandlePendingAuthorization": self.can_handle_pending,
            "providerMetadata": {"providerReferenceId": self.provider_metadata.get("providerReferenceId")},
            "statusDetails": self.status.json(),
            "creationTimestamp": timestamp(self.created),
            "expirationTimestamp": timestamp(self.expires),
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }


def find(state: State, charge_id_: str, now: datetime, *, read: bool = False) -> Charge:
    """The charge, settled or expired if its time has come (a GET is a ``read``); ResourceNotFound if none."""
    charge = state.charges.get(charge_id_)
    if charge is None:
        raise SandboxError(Reason.ResourceNotFound, f"Charge {charge_id_} does not exist.")
    with time_passing():
        settle(state, charge, now, read=read)
        if charge.status.state == "Authorized" and now >= charge.expires:
            charge.status = Status("Canceled", charge.expires, "ExpiredUnused", "The Charge expired unused.")
    return charge


def settle(state: State, charge: Charge, now: datetime, *, read: bool) -> None:
    """Apply the charge's pending outcome if it is due: Authorized, Captured or Declined."""
    pending = charge.pending
    if pending is None or not is_due(state.settings, pending, now, read=read):
        return
    charge.pending = None
    if pending.state == "Captured":
        _capture(state, charge, pending.amount or charge.amount, now)
    elif pending.state == "Declined":
        charge.status = Status("Declined", now, pending.reason_code, Reason[pending.reason_code or ""].default_message)
        if pending.reason_code == "AmazonRejected":
            charge_permissions.close(
                state.charge_permissions[charge.permission_id], now, "AmazonRejected", "Charge declined."
            )
    else:
        charge.status = Status(pending.state, now)


def new_charge(
    state: State,
    permission: ChargePermission,
    amount: Money,
    now: datetime,
    *,
    capture_now: bool,
    can_handle_pending: bool,
    soft_descriptor: str | None = None,
    provider_metadata: Mapping[str, Any] | None = None,
    decline: str | None = None,
) -> Charge:
    """A new charge on ``permission``: authorized (and captured), settling later when it can be pending."""
    charge = Charge(
        id=unused_id(lambda: charge_id(permission.id), state.charges),
        permission_id=permission.id,
        amount=amount,
        status=Status("AuthorizationInitiated", now),
        created=now,
        expires=now + CHARGE_LIFETIME,
        captured=amount.zero(),
        refunded=amount.zero(),
        capture_now=capture_now,
        can_handle_pending=can_handle_pending,
        soft_descriptor=soft_descriptor,
        provider_metadata=dict(provider_metadata or {}),
    )
    state.charges[charge.id] = charge
    if decline is not None:
        outcome = Pending(now, "Declined", decline)
    elif capture_now:
        outcome = Pending(now, "Captured", amount=amount)
    else:
        outcome = Pending(now, "Authorized")
    if can_handle_pending:
        charge.pending = outcome
        settle(state, charge, now, read=False)
    elif outcome.state == "Captured":
        _capture(state, charge, amount, now)
    else:
        charge.status = Status(outcome.state, now)
    return charge


def _capture(state: State, charge: Charge, amount: Money, now: datetime) -> None:
    charge.captured = amount
    charge.status = Status("Captured", now)
    permission = state.charge_permissions[charge.permission_id]
    if permission.limit is not None and permission.status.state != "Closed":
        captured = sum(c.captured.minor for c in state.charges_of(permission.id))
        if captured >= permission.limit.minor:
            charge_permissions.close(permission, now, "AmazonClosed", "The total order amount has been captured.")


def _check_one_time_count(state: State, permission: ChargePermission, exclude: str | None = None) -> None:
    if permission.type != "OneTime":
        return
    others = [c for c in state.charges_of(permission.id) if c.id != exclude]
    if any(c.captured.minor > 0 or c.status.state == "CaptureInitiated" for c in others):
        raise SandboxError(
            Reason.TransactionCountExceeded,
            f"Charge Permission {permission.id} is OneTime and already has a captured Charge.",
        )


def create_charge(state: State, call: Call) -> Result:
    """POST /charges: authorize (and maybe capture) on a Chargeable permission."""
    body = call.body
    amount = Money.from_json(body["chargeAmount"], "chargeAmount")
    permission = charge_permissions.find(state, body["chargePermissionId"], call.now)
    if permission.status.state != "Chargeable":
        raise SandboxError(
            Reason.InvalidChargePermissionStatus,
            f"Charge Permission {permission.id} is {permission.status.state}, not Chargeable.",
        )
    same_currency(amount, permission.currency, "chargeAmount")
    _check_one_time_count(state, permission)
    balance = charge_permissions.balance(state, permission)
    if balance is not None and amount.minor > balance.minor:
        raise SandboxError(
            Reason.TransactionAmountExceeded,
            f"chargeAmount {amount.text()} exceeds the balance {balance.text()} of Charge Permission {permission.id}.",
        )
    pending = bool(body.get("canHandlePendingAuthorization", False))
    if call.simulation is not None and not pending:
        if call.simulation == "AmazonRejected":
            charge_permissions.close(permission, call.now, "AmazonRejected", "Charge declined by Amazon.")
        return refusal(Reason[call.simulation])  # AmazonRejected: the permission stays Closed
    charge = new_charge(
        state,
        permission,
        amount,
        call.now,
        capture_now=bool(body.get("captureNow", False)),
        can_handle_pending=pending,
        soft_descriptor=body.get("softDescriptor"),
        provider_metadata=body.get("providerMetadata"),
        decline=call.simulation,
    )
    return 201, charge.json()


def get_charge(state: State, call: Call) -> Result:
    """GET /charges/{id} (a read: pending authorizations settle)."""
    return 200, find(state, call.resource_id, call.now, read=True).json()


def capture_charge(state: State, call: Call) -> Result:
    """POST /charges/{id}/capture: only from Authorized, at most the authorized amount.

    More than 7 days after the authorization the capture settles later: CaptureInitiated.
    """
    amount = Money.from_json(call.body["captureAmount"], "captureAmount")
    charge = find(state, call.resource_id, call.now)
    if charge.status.state != "Authorized":
        raise SandboxError(
            Reason.InvalidChargeStatus, f"Cannot capture Charge {charge.id} in state {charge.status.state}."
        )
    same_currency(amount, charge.amount.currency, "captureAmount")
    if amount.minor > charge.amount.minor:
        raise SandboxError(
            Reason.TransactionAmountExceeded,
            f"captureAmount {amount.text()} exceeds the authorized amount {charge.amount.text()}.",
        )
    _check_one_time_count(state, state.charge_permissions[charge.permission_id], exclude=charge.id)
    if call.body.get("softDescriptor") is not None:
        charge.soft_descriptor = call.body["softDescriptor"]
    # Capture is allowed only from Authorized, so the last change of state was the authorization.
    if call.now - charge.status.updated > SYNCHRONOUS_CAPTURE_WINDOW:
        charge.status = Status("CaptureInitiated", call.now)
        charge.pending = Pending(call.now, "Captured", amount=amount)
        settle(state, charge, call.now, read=False)
    else:
        _capture(state, charge, amount, call.now)
    return 200, charge.json()


def cancel_charge(state: State, call: Call) -> Result:
    """DELETE /charges/{id}/cancel: only before capture starts."""
    charge = find(state, call.resource_id, call.now)
    if charge.status.state not in OPEN_CHARGE_STATES:
        raise SandboxError(
            Reason.InvalidChargeStatus, f"Cannot cancel Charge {charge.id} in state {charge.status.state}."
        )
    charge.pending = None
    charge.status = Status("Canceled", call.now, "MerchantCanceled", call.body["cancellationReason"])
    return 200, charge.json()


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
    charge = find(state, call.resource_id, call.now)
    if not charge.is_open():
        raise SandboxError(
            Reason.InvalidChargeStatus, f"Cannot update Charge {charge.id} in state {charge.status.state}."
        )
    charge.pending = None
    charge.status = Status(wanted, call.now, details.get("reasonCode"))
    return 200, charge.json()
