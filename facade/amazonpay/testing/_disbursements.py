"""Disbursements: what Amazon pays out, one per day and currency of the ledger, once the day is over.

Captures less refunds and lost chargebacks; the simulator's own rule where the docs give none
for the sandbox (amazon-pay-beyond-13.md, "Disbursements").
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from . import _listings as listings
from . import _reports as reports
from ._errors import Reason, SandboxError
from ._ledger import Transaction, ledger
from ._values import Money, request_time, timestamp

if TYPE_CHECKING:
    from ._state import Call, Result, State

SELLER_ID: Final = "A1TESTMERCHANT0"  # the MerchantID of the simulator's notifications


def disbursements(state: State, now: datetime) -> list[dict[str, Any]]:
    """One disbursement per day and currency of settled transactions, once the day is over, newest first."""
    days: dict[tuple[datetime, str], list[Transaction]] = {}
    for move in ledger(state):
        day = move.posted.replace(hour=0, minute=0, second=0, microsecond=0)
        if day + timedelta(days=1) <= now:
            days.setdefault((day, move.amount.currency), []).append(move)
    answers = []
    for (day, currency), moves in sorted(days.items(), reverse=True):
        date = timestamp(day)[:8]  # YYYYMMDD, the year padded to 4 digits as in every timestamp
        total = Money(sum(move.signed for move in moves), currency)
        answers.append(
            {
                "sellerId": SELLER_ID,
                "settlementId": f"{date}{currency}",
                "amazonDisbursementReferenceId": f"D01-{date}-{currency}",
                "amount": total.text(),
                "currencyCode": currency,
                "transactionTime": timestamp(day + timedelta(days=1)),
            }
        )
    return answers


def get_disbursements(state: State, call: Call) -> Result:
    """GET /disbursements: the payouts of a period, newest first, a page at a time."""
    listing = listings.continued(state, call, "disbursements")
    if listing is None:
        start_text, end_text = call.parameter("startTime"), call.parameter("endTime")
        if start_text is None or end_text is None:
            raise SandboxError(
                Reason.InvalidParameterValue,
                "startTime and endTime are required on the first page of disbursements (only nextToken goes alone).",
            )
        start, end = request_time(start_text, "startTime"), request_time(end_text, "endTime")
        page_size = listings.page_size(call)
        reports.apply_time(state, call.now)
        items: tuple[Any, ...] = tuple(
            d for d in disbursements(state, call.now) if start <= request_time(d["transactionTime"], "") <= end
        )
    else:
        items, page_size = listing.rest, listing.page_size
    page, token = listings.page(state, "disbursements", items, page_size)
    answer: dict[str, Any] = {"disbursements": [dict(d) for d in page]}
    if token is not None:
        answer["nextToken"] = token
    return 200, answer
