"""Charge Permissions: the buyer's consent to be charged, Chargeable -> Closed.

Get, Update and Close Charge Permission (docs, charge-permission.html). A OneTime permission
holds the order total as its limit, closes once that is captured and expires after 180 days;
its balance is the limit less captures and open authorizations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final

from ._errors import Reason, SandboxError
from ._journal import Journaled, time_passing
from ._lifecycle import Status
from ._values import RELEASE_ENVIRONMENT, Money, charge_permission_id, merchant_metadata, timestamp, unused_id

if TYPE_CHECKING:
    from ._checkout_sessions import CheckoutSession
    from ._state import Call, Result, State

ONE_TIME_PERMISSION_LIFETIME: Final = timedelta(days=180)


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
    limit: Money | None = None  # OneTime: the order total
    expires: datetime | None = None  # OneTime: 180 days
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None

    def json(self, balance: Money | None) -> dict[str, Any]:
        """The ``ChargePermission`` object; ``balance`` is what can still be charged (OneTime)."""
        body: dict[str, Any] = {
            "chargePermissionId": self.id,
            "chargePermissionType": self.type,
            "buyer": dict(self.buyer),
            "statusDetails": self.status.json_with_reasons(),
            "creationTimestamp": timestamp(self.created),
            "merchantMetadata": merchant_metadata(self.merchant_metadata),
            "platformId": self.platform_id,
            "presentmentCurrency": self.currency,
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }
        if self.shipping_address is not None:
            body["shippingAddress"] = dict(self.shipping_address)
        if self.billing_address is not None:
            body["billingAddress"] = dict(self.billing_address)
        if self.limit is not None and balance is not None:
            body["limits"] = {"amountLimit": self.limit.json(), "amountBalance": balance.json()}
        if self.expires is not None:
            body["expirationTimestamp"] = timestamp(self.expires)
        return body

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


def balance(state: State, permission: ChargePermission) -> Money | None:
    """What a OneTime permission can still charge: limit minus captures and open authorizations."""
    if permission.limit is None:
        return None
    used = 0
    for charge in state.charges_of(permission.id):
        used += charge.captured.minor
        if charge.holds():
            used += charge.amount.minor
    return Money(max(permission.limit.minor - used, 0), permission.limit.currency)


def render(state: State, permission: ChargePermission) -> dict[str, Any]:
    """The permission's JSON with its current balance."""
    return permission.json(balance(state, permission))


def new_permission(state: State, session: CheckoutSession, now: datetime) -> ChargePermission:
    """The permission a completed checkout session grants: OneTime ones with the order total as limit."""
    assert session.buyer is not None
    assert session.charge_amount is not None
    one_time = session.charge_permission_type == "OneTime"
    permission = ChargePermission(
        id=unused_id(charge_permission_id, state.charge_permissions),
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
    state.charge_permissions[permission.id] = permission
    return permission


def get_charge_permission(state: State, call: Call) -> Result:
    """GET /chargePermissions/{id}."""
    return 200, render(state, find(state, call.resource_id, call.now))


def update_charge_permission(state: State, call: Call) -> Result:
    """PATCH /chargePermissions/{id}: merchantMetadata, while not Closed."""
    permission = find(state, call.resource_id, call.now)
    _require_not_closed(permission, "update")
    permission.merchant_metadata = {**permission.merchant_metadata, **(call.body.get("merchantMetadata") or {})}
    return 200, render(state, permission)


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
    return 200, render(state, permission)


def close(permission: ChargePermission, now: datetime, reason: str, description: str | None) -> None:
    """Close the permission, for ``reason`` (MerchantClosed, AmazonClosed, AmazonRejected, ...)."""
    permission.status = Status("Closed", now, reason, description)
