"""Life cycles and business rules of the four objects (docs and facts sheet, section 6).

Every operation method of :class:`State` takes a validated :class:`Call` and returns
``(status, body)``, or raises :class:`SandboxError` with the documented reason.
Time-dependent changes (expiry, pending outcomes settling) are applied by the lookups, whenever
an operation touches an object, and by :meth:`State.apply_time` to every object when the
simulated time moves on: one place applies them either way. Only GETs count as reads for
:attr:`Settings.settle_after_reads`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Final

from . import _backoffice as backoffice
from ._errors import Reason, SandboxError
from ._extensions import Extras
from ._journal import JournaledDict
from ._resources import (
    DEFAULT_ADDRESSES,
    Charge,
    ChargePermission,
    CheckoutSession,
    Pending,
    Refund,
    Status,
)
from ._values import Money, buyer_id, charge_id, charge_permission_id, checkout_session_id, refund_id

Result = tuple[int, dict[str, Any] | None]  # None: an answer without a body

SESSION_LIFETIME: Final = timedelta(hours=24)
SESSION_RETENTION: Final = timedelta(days=30)
CHARGE_LIFETIME: Final = timedelta(days=30)
ONE_TIME_PERMISSION_LIFETIME: Final = timedelta(days=180)
OPEN_CHARGE_STATES: Final = frozenset({"AuthorizationInitiated", "Authorized"})
# An authorization holds its amount until it is captured, canceled or declined.
HOLDING_CHARGE_STATES: Final = OPEN_CHARGE_STATES | {"CaptureInitiated"}
# A capture more than 7 days after the authorization settles later (docs, Capture Charge).
SYNCHRONOUS_CAPTURE_WINDOW: Final = timedelta(days=7)
DEFAULT_BUYER: Final[Mapping[str, str]] = {"name": "Susie Smith", "email": "susie.smith@example.com"}
SESSION_CANCEL_REASONS: Final[Mapping[str, str]] = {
    "BuyerCanceled": "The buyer canceled the checkout.",
    "AmazonCanceled": "Amazon has canceled the transaction due to service unavailability.",
    "Declined": "Generic payment decline.",
}


@dataclass
class Settings:
    """Knobs of the simulation that tests may change at any time."""

    settle_after_reads: int = 1
    settle_after: timedelta = timedelta(0)
    future_date_tolerance: timedelta = timedelta(seconds=60)
    past_date_tolerance: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class Call:
    """One validated operation call: the time, the region, the path id, the body, the simulation."""

    now: datetime
    region: str
    resource_id: str = ""
    body: Mapping[str, Any] = field(default_factory=dict)
    simulation: str | None = None
    query: Mapping[str, str] = field(default_factory=dict)
    origin: str = ""  # scheme://host[:port] the request was sent to: where the simulator's URLs point


def _session_amount(body: Mapping[str, Any]) -> Money | None:
    """The chargeAmount a create or update body sets, parsed before anything changes."""
    price = (body.get("paymentDetails") or {}).get("chargeAmount")
    return None if price is None else Money.from_json(price, "paymentDetails.chargeAmount")


def _same_currency(money: Money, currency: str, name: str) -> None:
    if money.currency != currency:
        raise SandboxError(
            Reason.CurrencyMismatch, f"{name}.currencyCode {money.currency} does not match the currency {currency}."
        )


def unused_id(make: Callable[[], str], taken: Container[str]) -> str:
    """A fresh id from ``make`` that no stored object has.

    Charge and refund ids end in six random digits, so a few thousand of them on one permission
    would collide (the birthday bound); the service never reuses an id, so neither may we.
    """
    while (new := make()) in taken:
        pass
    return new


class State:
    """The simulator's objects and the rules that move them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.checkout_sessions: dict[str, CheckoutSession] = JournaledDict()
        self.charge_permissions: dict[str, ChargePermission] = JournaledDict()
        self.charges: dict[str, Charge] = JournaledDict()
        self.refunds: dict[str, Refund] = JournaledDict()
        self.extras = Extras()  # what the operations beyond the bundled spec remember
        self.back_office = backoffice.BackOffice()  # reports, schedules, disputes, files

    # --- lookups that apply the passage of time -------------------------------------------

    def _session(self, session_id: str, now: datetime) -> CheckoutSession:
        session = self.checkout_sessions.get(session_id)
        if session is not None and now >= session.created + SESSION_RETENTION:
            del self.checkout_sessions[session_id]
            session = None
        if session is None:
            raise SandboxError(Reason.ResourceNotFound, f"Checkout Session {session_id} does not exist.")
        if session.status.state == "Open" and now >= session.expires:
            session.status = Status(
                "Canceled", session.expires, "Expired", "The Checkout Session expired after 24 hours."
            )
        return session

    def _permission(self, permission_id: str, now: datetime) -> ChargePermission:
        permission = self.charge_permissions.get(permission_id)
        if permission is None:
            raise SandboxError(Reason.ResourceNotFound, f"Charge Permission {permission_id} does not exist.")
        if permission.expires is not None and permission.status.state != "Closed" and now >= permission.expires:
            permission.status = Status("Closed", permission.expires, "Expired", "The Charge Permission expired.")
        return permission

    def _charge(self, charge_id_: str, now: datetime, *, read: bool = False) -> Charge:
        charge = self.charges.get(charge_id_)
        if charge is None:
            raise SandboxError(Reason.ResourceNotFound, f"Charge {charge_id_} does not exist.")
        self._settle_charge(charge, now, read=read)
        if charge.status.state == "Authorized" and now >= charge.expires:
            charge.status = Status("Canceled", charge.expires, "ExpiredUnused", "The Charge expired unused.")
        return charge

    def _refund(self, refund_id_: str, now: datetime, *, read: bool = False) -> Refund:
        refund = self.refunds.get(refund_id_)
        if refund is None:
            raise SandboxError(Reason.ResourceNotFound, f"Refund {refund_id_} does not exist.")
        self._settle_refund(refund, now, read=read)
        return refund

    def _due(self, pending: Pending, now: datetime, *, read: bool) -> bool:
        if read:
            pending.reads += 1
        return pending.reads >= self.settings.settle_after_reads and now - pending.since >= self.settings.settle_after

    def _settle_charge(self, charge: Charge, now: datetime, *, read: bool) -> None:
        pending = charge.pending
        if pending is None or not self._due(pending, now, read=read):
            return
        charge.pending = None
        if pending.state == "Captured":
            self._capture(charge, pending.amount or charge.amount, now)
        elif pending.state == "Declined":
            charge.status = Status(
                "Declined", now, pending.reason_code, Reason[pending.reason_code or ""].default_message
            )
            if pending.reason_code == "AmazonRejected":
                self._close(self.charge_permissions[charge.permission_id], now, "AmazonRejected", "Charge declined.")
        else:
            charge.status = Status(pending.state, now)

    def _settle_refund(self, refund: Refund, now: datetime, *, read: bool) -> None:
        pending = refund.pending
        if pending is None or not self._due(pending, now, read=read):
            return
        refund.pending = None
        description = None
        if pending.reason_code is not None:
            description = f"The refund was declined ({pending.reason_code}, a sandbox simulation code)."
        refund.status = Status(pending.state, now, pending.reason_code, description)
        if pending.state == "Refunded":
            charge = self.charges[refund.charge_id]
            charge.refunded = charge.refunded.plus(refund.amount)

    def apply_time(self, now: datetime) -> None:
        """Apply to every object what time has made due by ``now``: what each lookup applies to one."""
        for session_id in list(self.checkout_sessions):
            with contextlib.suppress(SandboxError):  # past its retention: the lookup deleted it
                self._session(session_id, now)
        for permission_id in list(self.charge_permissions):
            self._permission(permission_id, now)
        for charge_id_ in list(self.charges):
            self._charge(charge_id_, now)
        for refund_id_ in list(self.refunds):
            self._refund(refund_id_, now)
        backoffice.apply_time(self, now)

    # --- derived values -------------------------------------------------------------------

    def _charges_of(self, permission_id: str) -> list[Charge]:
        return [c for c in self.charges.values() if c.permission_id == permission_id]

    def balance(self, permission: ChargePermission) -> Money | None:
        """What a OneTime permission can still charge: limit minus captures and open authorizations."""
        if permission.limit is None:
            return None
        used = Decimal(0)
        for charge in self._charges_of(permission.id):
            used += charge.captured.amount
            if charge.status.state in HOLDING_CHARGE_STATES:
                used += charge.amount.amount
        left = max(permission.limit.amount - used, Decimal(0))
        return Money(left, permission.limit.currency, permission.limit.places)

    def render_permission(self, permission: ChargePermission) -> dict[str, Any]:
        """The permission's JSON with its current balance."""
        return permission.json(self.balance(permission))

    # --- Checkout Session -----------------------------------------------------------------

    def create_checkout_session(self, call: Call) -> Result:
        """POST /checkoutSessions: a new Open session."""
        body = call.body
        web = body["webCheckoutDetails"]
        amount = _session_amount(body)
        session = CheckoutSession(
            id=unused_id(checkout_session_id, self.checkout_sessions),
            region=call.region,
            store_id=body["storeId"],
            review_url=web.get("checkoutReviewReturnUrl"),  # none in ProcessOrder or Saved Wallet setup
            status=Status("Open", call.now),
            created=call.now,
            expires=call.now + SESSION_LIFETIME,
            charge_permission_type=body.get("chargePermissionType") or "OneTime",
            delivery_specifications=body.get("deliverySpecifications"),
        )
        self._apply_session_details(session, body, amount)
        self.checkout_sessions[session.id] = session
        return 201, session.json()

    @staticmethod
    def _apply_session_details(session: CheckoutSession, body: Mapping[str, Any], amount: Money | None) -> None:
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

    def get_checkout_session(self, call: Call) -> Result:
        """GET /checkoutSessions/{id}."""
        return 200, self._session(call.resource_id, call.now).json()

    def update_checkout_session(self, call: Call) -> Result:
        """PATCH /checkoutSessions/{id}: only while Open."""
        amount = _session_amount(call.body)
        session = self._session(call.resource_id, call.now)
        self._require_open(session, "update")
        self._apply_session_details(session, call.body, amount)
        return 200, session.json()

    @staticmethod
    def _require_open(session: CheckoutSession, action: str) -> None:
        if session.status.state != "Open":
            raise SandboxError(
                Reason.InvalidCheckoutSessionStatus,
                f"Cannot {action} Checkout Session {session.id} in state {session.status.state}.",
            )

    def approve(
        self,
        session_id: str,
        now: datetime,
        buyer: Mapping[str, Any] | None = None,
        shipping_address: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The buyer's browser step: sign in, pick the payment instrument and address, return."""
        session = self._session(session_id, now)
        self._require_open(session, "approve")
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

    def complete_checkout_session(self, call: Call) -> Result:
        """POST /checkoutSessions/{id}/complete: permission (and charge) for an approved session."""
        session = self._session(call.resource_id, call.now)
        if call.body.get("chargeAmount") is None:
            # A business rule, not a schema one: the spec takes {} for a Saved Wallet setup-only
            # session (docs, verify and complete checkout), which this simulator does not play.
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"chargeAmount is required to complete Checkout Session {session.id}: only a Saved Wallet "
                "setup-only session is completed without it.",
            )
        amount = Money.from_json(call.body["chargeAmount"], "chargeAmount")
        self._require_open(session, "complete")
        missing = session.constraints()
        if missing:
            hint = (
                " (the buyer has not signed in: call AmazonPaySandbox.approve)"
                if "BuyerNotAssociated" in missing
                else ""
            )
            raise SandboxError(
                Reason.InvalidCheckoutSessionStatus,
                f"Checkout Session {session.id} has unresolved constraints: {', '.join(missing)}{hint}.",
            )
        assert session.charge_amount is not None  # no ChargeAmountNotSet constraint
        _same_currency(amount, session.charge_amount.currency, "chargeAmount")
        if amount.amount != session.charge_amount.amount:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"chargeAmount {amount.text()} does not match the Checkout Session's chargeAmount "
                f"{session.charge_amount.text()}.",
            )
        if call.simulation is not None:
            description = SESSION_CANCEL_REASONS[call.simulation]
            session.status = Status("Canceled", call.now, call.simulation, description)
            raise SandboxError(
                Reason.CheckoutSessionCanceled,
                f"Checkout Session {session.id} was canceled: {call.simulation}. {description}",
            )
        self.finish(session, call.now)
        return 200, session.json()

    def finish(self, session: CheckoutSession, now: datetime) -> None:
        """Complete a verified session: its permission and, unless only confirmed, its charge."""
        assert session.charge_amount is not None
        permission = self._new_permission(session, now)
        if session.payment_intent in ("Authorize", "AuthorizeWithCapture"):
            charge = self._new_charge(
                permission,
                session.charge_amount,
                now,
                capture_now=session.payment_intent == "AuthorizeWithCapture",
                can_handle_pending=session.can_handle_pending,
            )
            session.charge_id = charge.id
        session.charge_permission_id = permission.id
        session.status = Status("Completed", now)

    def _new_permission(self, session: CheckoutSession, now: datetime) -> ChargePermission:
        assert session.buyer is not None
        assert session.charge_amount is not None
        one_time = session.charge_permission_type == "OneTime"
        permission = ChargePermission(
            id=unused_id(charge_permission_id, self.charge_permissions),
            type=session.charge_permission_type,
            currency=session.charge_amount.currency,
            buyer=dict(session.buyer),
            status=Status("Chargeable", now),
            created=now,
            limit=session.charge_amount if one_time else None,
            expires=now + ONE_TIME_PERMISSION_LIFETIME if one_time else None,
            shipping_address=session.shipping_address,
            billing_address=session.billing_address,
            merchant_metadata=dict(session.merchant_metadata),
            platform_id=session.platform_id,
        )
        self.charge_permissions[permission.id] = permission
        return permission

    # --- Charge Permission ----------------------------------------------------------------

    def get_charge_permission(self, call: Call) -> Result:
        """GET /chargePermissions/{id}."""
        return 200, self.render_permission(self._permission(call.resource_id, call.now))

    def update_charge_permission(self, call: Call) -> Result:
        """PATCH /chargePermissions/{id}: merchantMetadata, while not Closed."""
        permission = self._permission(call.resource_id, call.now)
        self._require_not_closed(permission, "update")
        permission.merchant_metadata = {**permission.merchant_metadata, **(call.body.get("merchantMetadata") or {})}
        return 200, self.render_permission(permission)

    @staticmethod
    def _require_not_closed(permission: ChargePermission, action: str) -> None:
        if permission.status.state == "Closed":
            raise SandboxError(
                Reason.InvalidChargePermissionStatus,
                f"Cannot {action} Charge Permission {permission.id}: it is Closed.",
            )

    def close_charge_permission(self, call: Call) -> Result:
        """DELETE /chargePermissions/{id}/close: Closed; optionally cancel open charges."""
        permission = self._permission(call.resource_id, call.now)
        self._require_not_closed(permission, "close")
        reason = "AmazonClosed" if call.simulation == "AmazonClosed" else "MerchantClosed"
        self._close(permission, call.now, reason, call.body["closureReason"])
        if call.body.get("cancelPendingCharges"):
            for charge in self._charges_of(permission.id):
                if charge.status.state in OPEN_CHARGE_STATES:
                    charge.pending = None
                    charge.status = Status("Canceled", call.now, "ChargePermissionCanceled", call.body["closureReason"])
        return 200, self.render_permission(permission)

    @staticmethod
    def _close(permission: ChargePermission, now: datetime, reason: str, description: str | None) -> None:
        permission.status = Status("Closed", now, reason, description)

    # --- Charge ---------------------------------------------------------------------------

    def _new_charge(
        self,
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
        charge = Charge(
            id=unused_id(lambda: charge_id(permission.id), self.charges),
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
        self.charges[charge.id] = charge
        if decline is not None:
            outcome = Pending(now, "Declined", decline)
        elif capture_now:
            outcome = Pending(now, "Captured", amount=amount)
        else:
            outcome = Pending(now, "Authorized")
        if can_handle_pending:
            charge.pending = outcome
            self._settle_charge(charge, now, read=False)
        elif outcome.state == "Captured":
            self._capture(charge, amount, now)
        else:
            charge.status = Status(outcome.state, now)
        return charge

    def _capture(self, charge: Charge, amount: Money, now: datetime) -> None:
        charge.captured = amount
        charge.status = Status("Captured", now)
        permission = self.charge_permissions[charge.permission_id]
        if permission.limit is not None and permission.status.state != "Closed":
            captured = sum((c.captured.amount for c in self._charges_of(permission.id)), Decimal(0))
            if captured >= permission.limit.amount:
                self._close(permission, now, "AmazonClosed", "The total order amount has been captured.")

    def _check_one_time_count(self, permission: ChargePermission, exclude: str | None = None) -> None:
        if permission.type != "OneTime":
            return
        others = [c for c in self._charges_of(permission.id) if c.id != exclude]
        if any(c.captured.amount > 0 or c.status.state == "CaptureInitiated" for c in others):
            raise SandboxError(
                Reason.TransactionCountExceeded,
                f"Charge Permission {permission.id} is OneTime and already has a captured Charge.",
            )

    def create_charge(self, call: Call) -> Result:
        """POST /charges: authorize (and maybe capture) on a Chargeable permission."""
        body = call.body
        amount = Money.from_json(body["chargeAmount"], "chargeAmount")
        permission = self._permission(body["chargePermissionId"], call.now)
        if permission.status.state != "Chargeable":
            raise SandboxError(
                Reason.InvalidChargePermissionStatus,
                f"Charge Permission {permission.id} is {permission.status.state}, not Chargeable.",
            )
        _same_currency(amount, permission.currency, "chargeAmount")
        self._check_one_time_count(permission)
        balance = self.balance(permission)
        if balance is not None and amount.amount > balance.amount:
            raise SandboxError(
                Reason.TransactionAmountExceeded,
                f"chargeAmount {amount.text()} exceeds the balance {balance.text()} "
                f"of Charge Permission {permission.id}.",
            )
        pending = bool(body.get("canHandlePendingAuthorization", False))
        if call.simulation is not None and not pending:
            if call.simulation == "AmazonRejected":
                self._close(permission, call.now, "AmazonRejected", "Charge declined by Amazon.")
            raise SandboxError(Reason[call.simulation])
        charge = self._new_charge(
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

    def get_charge(self, call: Call) -> Result:
        """GET /charges/{id} (a read: pending authorizations settle)."""
        return 200, self._charge(call.resource_id, call.now, read=True).json()

    def capture_charge(self, call: Call) -> Result:
        """POST /charges/{id}/capture: only from Authorized, at most the authorized amount.

        More than 7 days after the authorization the capture settles later: CaptureInitiated.
        """
        amount = Money.from_json(call.body["captureAmount"], "captureAmount")
        charge = self._charge(call.resource_id, call.now)
        if charge.status.state != "Authorized":
            raise SandboxError(
                Reason.InvalidChargeStatus, f"Cannot capture Charge {charge.id} in state {charge.status.state}."
            )
        _same_currency(amount, charge.amount.currency, "captureAmount")
        if amount.amount > charge.amount.amount:
            raise SandboxError(
                Reason.TransactionAmountExceeded,
                f"captureAmount {amount.text()} exceeds the authorized amount {charge.amount.text()}.",
            )
        self._check_one_time_count(self.charge_permissions[charge.permission_id], exclude=charge.id)
        if call.body.get("softDescriptor") is not None:
            charge.soft_descriptor = call.body["softDescriptor"]
        captured = Money(amount.amount, amount.currency, max(amount.places, charge.amount.places))
        # Capture is allowed only from Authorized, so the last change of state was the authorization.
        if call.now - charge.status.updated > SYNCHRONOUS_CAPTURE_WINDOW:
            charge.status = Status("CaptureInitiated", call.now)
            charge.pending = Pending(call.now, "Captured", amount=captured)
            self._settle_charge(charge, call.now, read=False)
        else:
            self._capture(charge, captured, call.now)
        return 200, charge.json()

    def cancel_charge(self, call: Call) -> Result:
        """DELETE /charges/{id}/cancel: only before capture starts."""
        charge = self._charge(call.resource_id, call.now)
        if charge.status.state not in OPEN_CHARGE_STATES:
            raise SandboxError(
                Reason.InvalidChargeStatus, f"Cannot cancel Charge {charge.id} in state {charge.status.state}."
            )
        charge.pending = None
        charge.status = Status("Canceled", call.now, "MerchantCanceled", call.body["cancellationReason"])
        return 200, charge.json()

    # --- Refund ---------------------------------------------------------------------------

    def create_refund(self, call: Call) -> Result:
        """POST /refunds: on a Captured charge, up to what is left of the captured amount."""
        body = call.body
        amount = Money.from_json(body["refundAmount"], "refundAmount")
        charge = self._charge(body["chargeId"], call.now)
        if charge.status.state != "Captured":
            raise SandboxError(
                Reason.InvalidChargeStatus, f"Cannot refund Charge {charge.id} in state {charge.status.state}."
            )
        _same_currency(amount, charge.amount.currency, "refundAmount")
        refunds = [r for r in self.refunds.values() if r.charge_id == charge.id and r.status.state != "Declined"]
        already = sum((r.amount.amount for r in refunds), Decimal(0))
        if already + amount.amount > charge.captured.amount:
            left = charge.captured.minus(Money(already, amount.currency, 0))
            raise SandboxError(
                Reason.TransactionAmountExceeded,
                f"refundAmount {amount.text()} exceeds what is left to refund on Charge {charge.id} ({left.text()}).",
            )
        # Refunds always settle later; a simulation code (the spec lists them) makes it a decline.
        outcome = Pending(call.now, "Declined", call.simulation) if call.simulation else Pending(call.now, "Refunded")
        refund = Refund(
            id=unused_id(lambda: refund_id(charge.permission_id), self.refunds),
            charge_id=charge.id,
            permission_id=charge.permission_id,
            amount=amount,
            status=Status("RefundInitiated", call.now),
            created=call.now,
            soft_descriptor=body.get("softDescriptor"),
            pending=outcome,
        )
        self.refunds[refund.id] = refund
        self._settle_refund(refund, call.now, read=False)
        return 201, refund.json()

    def get_refund(self, call: Call) -> Result:
        """GET /refunds/{id} (a read: pending refunds settle)."""
        return 200, self._refund(call.resource_id, call.now, read=True).json()
