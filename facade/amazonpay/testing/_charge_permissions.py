"""Charge Permissions: the buyer's consent to be charged, Chargeable -> Closed.

Get, Update and Close Charge Permission (docs, charge-permission.html). Three types
(docs amazon-pay-paymentmethodonfile/charge-permission.html):

- OneTime: holds the order total as its limit (:mod:`._limits`), closes once that is captured
  and expires after 180 days (13 months with ``extendExpiration``); its balance is the limit
  less captures and open authorizations.
- Recurring: carries its ``recurringMetadata`` (:mod:`._recurring`); charged every billing
  cycle by the merchant, within a limit per calendar month.
- PaymentMethodOnFile (Saved Wallet): charged ad hoc, within a limit per calendar month;
  closes only when canceled ("The Saved Wallet Charge Permission will move to a Closed state
  after if it's canceled").

What the simulator decides where the docs are silent: a Recurring permission has no expiry
(the pages say it closes "after the expiration date", which Amazon calculates from
recurringMetadata by a rule no page states; the .NET SDK's recorded sandbox answers,
``ChargePermissionResponseTests.cs``, show ``expirationTimestamp`` null); the limits of a
Recurring or Saved Wallet permission are shown as the month's limit and what is left of it;
``chargePermissionReferenceId`` is null, as in every recorded answer (no page says what sets it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Final

from . import _limits as limits
from ._errors import Reason, SandboxError
from ._journal import Journaled, time_passing
from ._lifecycle import Status
from ._recurring import RecurringMetadata
from ._values import (
    RELEASE_ENVIRONMENT,
    Money,
    charge_permission_id,
    merchant_metadata,
    same_currency,
    timestamp,
    unused_id,
)

if TYPE_CHECKING:
    from ._checkout_sessions import CheckoutSession
    from ._state import Call, Result, State

#: How the simulated buyer's payment instrument is described (paymentPreferences).
PAYMENT_DESCRIPTOR: Final = "Visa ****1111 (Amazon Pay)"
#: Types charged within a limit per calendar month (:data:`._limits.MONTHLY_LIMITS`).
MONTHLY_TYPES: Final = frozenset(limits.MONTHLY_LIMITS)


@dataclass
class ChargePermission(Journaled):
    """The buyer's consent to be charged: Chargeable -> Closed."""

    OBJECT_TYPE: ClassVar[str] = "CHARGE_PERMISSION"  # its ObjectType in notifications

    id: str
    type: str
    currency: str
    buyer: dict[str, Any]
    status: Status
    created: datetime
    limit: Money | None = None  # OneTime: the order total, or more with allowOvercharge
    expires: datetime | None = None  # OneTime: 180 days or 13 months
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None
    recurring_metadata: RecurringMetadata | None = None
    setup_only: bool | None = None  # Saved Wallet: paymentMethodOnFileMetadata.setupOnly

    def json(self, limit: Money | None, balance: Money | None) -> dict[str, Any]:
        """The ``ChargePermission`` object with its ``limit`` and what is left of it (:func:`render`)."""
        return {
            "chargePermissionId": self.id,
            "chargePermissionReferenceId": None,
            "chargePermissionType": self.type,
            "buyer": dict(self.buyer),
            "shippingAddress": None if self.shipping_address is None else dict(self.shipping_address),
            "billingAddress": None if self.billing_address is None else dict(self.billing_address),
            "paymentPreferences": [{"paymentDescriptor": PAYMENT_DESCRIPTOR}],
            "statusDetails": self.status.json_with_reasons(),
            "creationTimestamp": timestamp(self.created),
            "expirationTimestamp": None if self.expires is None else timestamp(self.expires),
            "merchantMetadata": merchant_metadata(self.merchant_metadata),
            "platformId": self.platform_id,
            "limits": {
                "amountLimit": None if limit is None else limit.json(),
                "amountBalance": None if balance is None else balance.json(),
            },
            "presentmentCurrency": self.currency,
            "recurringMetadata": None if self.recurring_metadata is None else self.recurring_metadata.json(),
            "paymentMethodOnFileMetadata": None if self.setup_only is None else {"setupOnly": self.setup_only},
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }

    @property
    def permission_id(self) -> str:
        """Its own id (the ChargePermissionId of its notifications)."""
        return self.id


def find(state: State, permission_id: str, now: datetime) -> ChargePermission:
    """The charge permission, expired if its time has come; ResourceNotFound if there is none."""
    permission = state.charge_permissions.get(permission_id)
    if permission is None:
        raise SandboxError(Reason.ResourceNotFound, f"Charge Permission {permission_id} does not exist.")
    if permission.expires is not None and permission.status.state != "Closed" and now >= permission.expires:
        with time_passing():
            permission.status = Status("Closed", permission.expires, "Expired", "The Charge Permission expired.")
    return permission


def _used(state: State, permission: ChargePermission, since: datetime | None = None) -> int:
    """Minor units captured or held by the permission's charges (created at or after ``since``)."""
    used = 0
    for charge in state.charges_of(permission.id):
        if since is not None and charge.created < since:
            continue
        used += charge.captured.minor
        if charge.holds():
            used += charge.amount.minor
    return used


def limit_and_balance(state: State, permission: ChargePermission, now: datetime) -> tuple[Money | None, Money | None]:
    """What the permission may charge and what is left of it.

    OneTime: its amount limit less captures and open authorizations. Recurring and Saved
    Wallet: the calendar month's limit (:func:`._limits.monthly_limit`) less what the month's
    charges captured or hold. ``(None, None)`` where no limit is documented.
    """
    if permission.type in MONTHLY_TYPES:
        limit = limits.monthly_limit(permission.type, permission.currency)
        since: datetime | None = limits.month_start(now)
    else:
        limit, since = permission.limit, None
    if limit is None:
        return None, None
    return limit, Money(max(limit.minor - _used(state, permission, since), 0), limit.currency)


def render(state: State, permission: ChargePermission, now: datetime) -> dict[str, Any]:
    """The permission's JSON with its limit and balance at ``now``."""
    return permission.json(*limit_and_balance(state, permission, now))


def grant(state: State, session: CheckoutSession, now: datetime) -> ChargePermission:
    """The permission a completed checkout session grants (or the Saved Wallet one it was created for).

    OneTime: the order total (``totalOrderAmount``, else ``chargeAmount``) as its limit, raised
    by ``allowOvercharge``, and its expiry (:mod:`._limits`). A Saved Wallet session created
    with a ``chargePermissionId`` (the buyer's saved wallet, .NET README L248 and its test
    ``CanConvertToJsonPaymentMethodOnFileForUpdateFlow``) completes onto that permission, whose
    buyer details it refreshes.
    """
    assert session.buyer is not None
    if session.saved_permission_id is not None:
        permission = state.charge_permissions[session.saved_permission_id]
        permission.buyer = dict(session.buyer)
        permission.billing_address = session.billing_address
        return permission
    one_time = session.charge_permission_type == "OneTime"
    order = session.total_order_amount or session.charge_amount
    permission = ChargePermission(
        id=unused_id(charge_permission_id, state.charge_permissions),
        type=session.charge_permission_type,
        currency=session.currency(),
        buyer=dict(session.buyer),
        status=Status("Chargeable", now),
        created=now,
        limit=limits.one_time_limit(order, allow_overcharge=bool(session.allow_overcharge))
        if one_time and order is not None
        else None,
        expires=limits.one_time_expiry(now, extend_expiration=bool(session.extend_expiration)) if one_time else None,
        shipping_address=session.shipping_address,
        billing_address=session.billing_address,
        merchant_metadata=dict(session.merchant_metadata),
        platform_id=session.platform_id,
        recurring_metadata=session.recurring_metadata,
        setup_only=session.setup_only,
    )
    state.charge_permissions[permission.id] = permission
    return permission


def saved_wallet(state: State, permission_id: str, now: datetime) -> ChargePermission:
    """The Saved Wallet permission a checkout session names, or the service's refusal.

    It must exist and be a PaymentMethodOnFile permission that is not Closed.
    """
    permission = find(state, permission_id, now)
    if permission.type != "PaymentMethodOnFile":
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"chargePermissionId {permission.id} is a {permission.type} Charge Permission; a Checkout Session "
            "names only a Saved Wallet (PaymentMethodOnFile) one.",
        )
    _require_not_closed(permission, "check out with")
    return permission


def get_charge_permission(state: State, call: Call) -> Result:
    """GET /chargePermissions/{id}."""
    return 200, render(state, find(state, call.resource_id, call.now), call.now)


def update_charge_permission(state: State, call: Call) -> Result:
    """PATCH /chargePermissions/{id}: merchantMetadata, and a Recurring permission's recurringMetadata.

    docs amazon-pay-checkout/update-info-post-checkout.html: merchantMetadata can be updated
    while Chargeable or NonChargeable; once Closed, only on a OneTime permission and only the
    fields still null or empty. recurringMetadata changes a Recurring permission whose
    subscription changed.
    """
    sent = call.body.get("recurringMetadata")
    recurring = None if sent is None else RecurringMetadata.from_json(sent)
    permission = find(state, call.resource_id, call.now)
    if recurring is not None:
        if permission.type != "Recurring":
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"recurringMetadata describes a Recurring Charge Permission; {permission.id} is {permission.type}.",
            )
        if recurring.amount is not None:
            same_currency(recurring.amount, permission.currency, "recurringMetadata.amount")
    metadata = call.body.get("merchantMetadata") or {}
    if permission.status.state == "Closed":
        already = sorted(name for name in metadata if permission.merchant_metadata.get(name) not in (None, ""))
        if permission.type != "OneTime" or recurring is not None or already:
            set_already = f" ({', '.join(already)} already set)" if already else ""
            raise SandboxError(
                Reason.InvalidChargePermissionStatus,
                f"Charge Permission {permission.id} is Closed: a closed permission takes only a OneTime "
                f"permission's merchantMetadata fields that are still null or empty{set_already}.",
            )
    permission.merchant_metadata = {**permission.merchant_metadata, **metadata}
    if recurring is not None:
        permission.recurring_metadata = recurring
    return 200, render(state, permission, call.now)


def _require_not_closed(permission: ChargePermission, action: str) -> None:
    if permission.status.state == "Closed":
        raise SandboxError(
            Reason.InvalidChargePermissionStatus,
            f"Cannot {action} Charge Permission {permission.id}: it is Closed.",
        )


def close_charge_permission(state: State, call: Call) -> Result:
    """DELETE /chargePermissions/{id}/close: Closed; optionally cancel open charges."""
    permission = find(state, call.resource_id, call.now)
    _require_not_closed(permission, "close")
    reason = "AmazonClosed" if call.simulation == "AmazonClosed" else "MerchantClosed"
    close(permission, call.now, reason, call.body["closureReason"])
    if call.body.get("cancelPendingCharges"):
        for charge in state.charges_of(permission.id):
            if charge.is_open():
                charge.pending = None
                charge.status = Status("Canceled", call.now, "ChargePermissionCanceled", call.body["closureReason"])
    return 200, render(state, permission, call.now)


def close(permission: ChargePermission, now: datetime, reason: str, description: str | None) -> None:
    """Close the permission, for ``reason`` (MerchantClosed, AmazonClosed, AmazonRejected, ...)."""
    permission.status = Status("Closed", now, reason, description)
