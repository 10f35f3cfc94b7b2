"""Charges: one payment, authorized then captured, or canceled, or declined.

(AuthorizationInitiated) -> Authorized -> (CaptureInitiated) -> Captured | Canceled | Declined.

Create, Get, Capture and Cancel Charge (docs, charge.html) and Update Charge (payment service
providers; openapi/extensions.overlay.yml). An authorization holds its amount for 30 days; a
pending authorization (canHandlePendingAuthorization) settles later, and so does a capture made
more than 7 days after the authorization; Create Charge's simulation codes decline it.

Create Charge is bounded by its permission's limits (:mod:`._limits`): a OneTime permission's
balance and its 25 charges, a Recurring or Saved Wallet permission's monthly limit. A charge
says who initiated it (``chargeInitiator``: CIT customer, MIT merchant; U unscheduled, R
recurring) and through which ``channel`` (docs
amazon-pay-paymentmethodonfile-apb/manage-payments-using-payment-method-on-file.html; .NET
``ChargeInitiator.cs``, ``Channel.cs``); a Recurring permission takes no buyer-initiated charge
("Recurring Charge Permissions do not support card-on-file or buyer initiated payments", docs
amazon-pay-checkout/advanced-subscription-use-cases.html).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final

from . import _charge_permissions as charge_permissions
from . import _limits as limits
from ._errors import Reason, SandboxError, refusal
from ._journal import Journaled, time_passing
from ._lifecycle import Pending, Status, is_due
from ._values import RELEASE_ENVIRONMENT, Money, charge_id, merchant_metadata, same_currency, timestamp, unused_id

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
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None
    charge_initiator: str | None = None
    channel: str | None = None
    web_checkout_details: dict[str, Any] | None = None
    at_checkout: bool = False  # made by completing a checkout session, not by Create Charge
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
            "merchantMetadata": merchant_metadata(self.merchant_metadata),
            "platformId": self.platform_id,
            "chargeInitiator": self.charge_initiator,
            "channel": self.channel,
            "webCheckoutDetails": None if self.web_checkout_details is None else dict(self.web_checkout_details),
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
    merchant_metadata: Mapping[str, Any] | None = None,
    platform_id: str | None = None,
    charge_initiator: str | None = None,
    channel: str | None = None,
    web_checkout_details: Mapping[str, Any] | None = None,
    at_checkout: bool = False,
    decline: str | None = None,
) -> Charge:
    """A new charge on ``permission``: authorized (and captured), settling later when it can be pending.

    The details a Create Charge body or the completed checkout session gives it are kept as sent.
    """
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
        merchant_metadata=dict(merchant_metadata or {}),
        platform_id=platform_id,
        charge_initiator=charge_initiator,
        channel=channel,
        web_checkout_details=None if web_checkout_details is None else dict(web_checkout_details),
        at_checkout=at_checkout,
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


def check_limits(state: State, permission: ChargePermission, amount: Money, now: datetime) -> None:
    """Refuse a charge of ``amount`` beyond what the permission allows now (:mod:`._limits`).

    OneTime: at most 25 Create Charge calls (TransactionCountExceeded) and the balance of its amount limit
    (TransactionAmountExceeded). Recurring and Saved Wallet: what is left of the calendar
    month's limit (PeriodicAmountExceeded).
    """
    created = [charge for charge in state.charges_of(permission.id) if not charge.at_checkout]
    if permission.type == "OneTime" and len(created) >= limits.MAX_ONE_TIME_CHARGES:
        raise SandboxError(
            Reason.TransactionCountExceeded,
            f"Charge Permission {permission.id} is OneTime and has had its {limits.MAX_ONE_TIME_CHARGES} "
            "Create Charge calls.",
        )
    limit, balance = charge_permissions.limit_and_balance(state, permission, now)
    if limit is None or balance is None or amount.minor <= balance.minor:
        return
    if permission.type in charge_permissions.MONTHLY_TYPES:
        raise SandboxError(
            Reason.PeriodicAmountExceeded,
            f"chargeAmount {amount.text()} exceeds what is left this month ({balance.text()} of "
            f"{limit.text()} {limit.currency}) on Charge Permission {permission.id}: "
            f"{Reason.PeriodicAmountExceeded.default_message}",
        )
    raise SandboxError(
        Reason.TransactionAmountExceeded,
        f"chargeAmount {amount.text()} exceeds the balance {balance.text()} of Charge Permission {permission.id}.",
    )


def create_charge(state: State, call: Call) -> Result:
    """POST /charges: authorize (and maybe capture) on a Chargeable permission, within its limits."""
    body = call.body
    amount = Money.from_json(body["chargeAmount"], "chargeAmount")
    permission = charge_permissions.find(state, body["chargePermissionId"], call.now)
    if permission.status.state != "Chargeable":
        raise SandboxError(
            Reason.InvalidChargePermissionStatus,
            f"Charge Permission {permission.id} is {permission.status.state}, not Chargeable.",
        )
    initiator = body.get("chargeInitiator")
    if permission.type == "Recurring" and initiator is not None and initiator.startswith("CIT"):
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"chargeInitiator {initiator} is a buyer-initiated charge; Recurring Charge Permission {permission.id} "
            "takes merchant-initiated charges only (MITR, MITU).",
        )
    same_currency(amount, permission.currency, "chargeAmount")
    check_limits(state, permission, amount, call.now)
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
        merchant_metadata=body.get("merchantMetadata"),
        platform_id=body.get("platformId"),
        charge_initiator=initiator,
        channel=body.get("channel"),
        web_checkout_details=body.get("webCheckoutDetails"),
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
