"""The simulator's ledger: every settled movement of money, as the settlement report lists it.

One row per capture, refund and chargeback the merchant lost, read from the stored charges,
refunds and disputes whenever it is asked for (the settlement report, the disbursements,
:meth:`AmazonPaySandbox.ledger`): the simulator's own choice, the docs give no sandbox figures.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from ._values import Money, timestamp

if TYPE_CHECKING:
    from ._state import State

SETTLEMENT_COLUMNS: Final = (
    "TransactionPostedDate",
    "TransactionType",
    "TransactionAmount",
    "CurrencyCode",
    "ChargePermissionId",
    "ChargeId",
    "RefundId",
    "DisputeId",
)


@dataclass(frozen=True)
class Transaction:
    """One settled movement of money: a capture, a refund, or a chargeback the merchant lost."""

    posted: datetime
    type: str  # Capture, Refund, Chargeback
    amount: Money  # positive; refunds and chargebacks are paid out, so count negative
    charge_permission_id: str
    charge_id: str
    refund_id: str | None = None
    dispute_id: str | None = None

    @property
    def signed(self) -> int:
        """What it adds to the merchant's balance, in minor units."""
        return self.amount.minor if self.type == "Capture" else -self.amount.minor

    def row(self) -> dict[str, str]:
        """Its settlement report row."""
        sign = "" if self.type == "Capture" else "-"
        return {
            "TransactionPostedDate": timestamp(self.posted),
            "TransactionType": self.type,
            "TransactionAmount": sign + self.amount.text(),
            "CurrencyCode": self.amount.currency,
            "ChargePermissionId": self.charge_permission_id,
            "ChargeId": self.charge_id,
            "RefundId": self.refund_id or "",
            "DisputeId": self.dispute_id or "",
        }


def ledger(state: State) -> list[Transaction]:
    """Every settled transaction of the simulation, oldest first: captures, refunds, lost chargebacks."""
    moves = [
        Transaction(charge.status.updated, "Capture", charge.captured, charge.permission_id, charge.id)
        for charge in state.charges.values()
        if charge.status.state == "Captured" and charge.captured.minor > 0
    ]
    moves += [
        Transaction(refund.status.updated, "Refund", refund.amount, refund.permission_id, refund.charge_id, refund.id)
        for refund in state.refunds.values()
        if refund.status.state == "Refunded"
    ]
    moves += [
        Transaction(
            dispute.closed, "Chargeback", dispute.amount, dispute.permission_id, dispute.charge_id, None, dispute.id
        )
        for dispute in state.disputes.values()
        if dispute.status.resolution == "BuyerWon" and dispute.closed is not None
    ]
    return sorted(moves, key=lambda move: (move.posted, move.type, move.charge_id, move.refund_id or ""))


def settlement_csv(transactions: Iterable[Transaction]) -> bytes:
    """The settlement report: a header and one row per transaction."""
    out = io.StringIO()
    writer = csv.DictWriter(out, SETTLEMENT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(move.row() for move in transactions)
    return out.getvalue().encode("utf-8")
