"""What the objects' life cycles share: their status, and outcomes that settle later.

Refunds, pending authorizations, late captures and reports settle once read (GET) often enough
(:attr:`Settings.settle_after_reads`) and once enough simulated time has passed
(:attr:`Settings.settle_after`): :func:`is_due`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._journal import Journaled
from ._values import Money, timestamp

if TYPE_CHECKING:
    from ._state import Settings


@dataclass(frozen=True)
class Status:
    """``statusDetails``: state, reason and when the state last changed."""

    state: str
    updated: datetime
    reason_code: str | None = None
    reason_description: str | None = None

    def json(self) -> dict[str, Any]:
        """The ``StatusDetails`` object."""
        return {
            "state": self.state,
            "reasonCode": self.reason_code,
            "reasonDescription": self.reason_description,
            "lastUpdatedTimestamp": timestamp(self.updated),
        }

    def json_with_reasons(self) -> dict[str, Any]:
        """A Charge Permission's ``statusDetails``: its reasons are a list, null when there is none.

        A NonChargeable permission can have several reasons at once (.NET SDK
        ``Types/ChargePermissionStatusDetails.cs``; ``ChargePermissionResponseTests.cs`` shows
        ``"reasons": null`` while Chargeable).
        """
        reasons = None
        if self.reason_code is not None:
            reasons = [{"reasonCode": self.reason_code, "reasonDescription": self.reason_description}]
        return {"state": self.state, "reasons": reasons, "lastUpdatedTimestamp": timestamp(self.updated)}


@dataclass
class Pending(Journaled):
    """An asynchronous outcome waiting to settle: what it becomes and how long it has waited.

    ``amount`` is what a pending capture captures.
    """

    since: datetime
    state: str
    reason_code: str | None = None
    amount: Money | None = None
    reads: int = 0


def is_due(settings: Settings, pending: Pending, now: datetime, *, read: bool) -> bool:
    """Whether ``pending`` settles now; a read (a GET of its object) counts towards it."""
    if read:
        pending.reads += 1
    return pending.reads >= settings.settle_after_reads and now - pending.since >= settings.settle_after
