"""Refunds: money back on a captured charge, RefundInitiated -> Refunded | Declined.

Create and Get Refund (docs, refund.html): up to what is left of the captured amount; a refund
always settles later, and Create Refund's simulation codes decline it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from . import _charges as charges
from ._errors import Reason, SandboxError
from ._journal import Journaled, time_passing
from ._lifecycle import Pending, Status, is_due
from ._values import RELEASE_ENVIRONMENT, Money, refund_id, same_currency, timestamp, unused_id

if TYPE_CHECKING:
    from ._state import Call, Result, State


@dataclass
class Refund(Journaled):
    """Money back on a captured charge: RefundInitiated -> Refunded | Declined."""

    OBJECT_TYPE: ClassVar[str] = "REFUND"

    id: str
    charge_id: str
    permission_id: str
    amount: Money
    status: Status
    created: datetime
    soft_descriptor: str | None = None
    pending: Pending | None = None

    def json(self) -> dict[str, Any]:
        """The ``Refund`` object."""
        return {
            "refundId": self.id,
            "chargeId": self.charge_id,
            "refundAmount": self.amount.json(),
            "softDescriptor": self.soft_descriptor,  # null when none: a key the Node SDK's tests expect
            "statusDetails": self.status.json(),
            "creationTimestamp": timestamp(self.created),
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }


def find(state: State, refund_id_: str, now: datetime, *, read: bool = False) -> Refund:
    """The refund, settled if its time has come (a GET is a ``read``); ResourceNotFound if there is none."""
    refund = state.refunds.get(refund_id_)
    if refund is None:
        raise SandboxError(Reason.ResourceNotFound, f"Refund {refund_id_} does not exist.")
    with time_passing():
        settle(state, refund, now, read=read)
    return refund


def settle(state: State, refund: Refund, now: datetime, *, read: bool) -> None:
    """Apply the refund's pending outcome if it is due: Refunded (counted on its charge) or Declined."""
    pending = refund.pending
    if pending is None or not is_due(state.settings, pending, now, read=read):
        return
    refund.pending = None
    description = None
    if pending.reason_code is not None:
        description = f"The refund was declined ({pending.reason_code}, a sandbox simulation code)."
    refund.status = Status(pending.state, now, pending.reason_code, description)
    if pending.state == "Refunded":
        charge = state.charges[refund.charge_id]
        charge.refunded = charge.refunded.plus(refund.amount)


def create_refund(state: State, call: Call) -> Result:
    """POST /refunds: on a Captured charge, up to what is left of the captured amount."""
    body = call.body
    amount = Money.from_json(body["refundAmount"], "refundAmount")
    charge = charges.find(state, body["chargeId"], call.now)
    if charge.status.state != "Captured":
        raise SandboxError(
            Reason.InvalidChargeStatus, f"Cannot refund Charge {charge.id} in state {charge.status.state}."
        )
    same_currency(amount, charge.amount.currency, "refundAmount")
    refunds = [r for r in state.refunds_of(charge.id) if r.status.state != "Declined"]
    already = sum(r.amount.minor for r in refunds)
    if already + amount.minor > charge.captured.minor:
        left = charge.captured.minus(Money(already, amount.currency))
        raise SandboxError(
            Reason.TransactionAmountExceeded,
            f"refundAmount {amount.text()} exceeds what is left to refund on Charge {charge.id} ({left.text()}).",
        )
    # Refunds always settle later; a simulation code (the spec lists them) makes it a decline.
    outcome = Pending(call.now, "Declined", call.simulation) if call.simulation else Pending(call.now, "Refunded")
    refund = Refund(
        id=unused_id(lambda: refund_id(charge.permission_id), state.refunds),
        charge_id=charge.id,
        permission_id=charge.permission_id,
        amount=amount,
        status=Status("RefundInitiated", call.now),
        created=call.now,
        soft_descriptor=body.get("softDescriptor"),
        pending=outcome,
    )
    state.refunds[refund.id] = refund
    settle(state, refund, call.now, read=False)
    return 201, refund.json()


def get_refund(state: State, call: Call) -> Result:
    """GET /refunds/{id} (a read: pending refunds settle)."""
    return 200, find(state, call.resource_id, call.now, read=True).json()
