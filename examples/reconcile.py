"""Reconcile the shop's records with Amazon Pay's, and print every disagreement.

    python examples/reconcile.py [--poll-interval 60] [--deadline 7200]

Compares what the shop recorded (orders, subscription charges, refunds: ``SHOP_DB``) with what
Amazon Pay says, three ways:

- each recorded charge against Get Charge: its state, the amount captured, the amount refunded
  (against the refunds recorded for it that Amazon Pay shows Refunded);
- each recorded refund against Get Refund: its state and amount;
- the settlement report of the period the records cover (requested with Create Report, polled
  until done, downloaded; amazon-pay-reports/requesting-sandbox-settlement-reports.html): every
  capture and refund in it must be recorded with the same amount, and every capture or refund
  the records show settled must be in it.

Moves no money: it only reads, and requests a report. Configured from the environment as the
library reads it (``AMAZON_PAY_PUBLIC_KEY_ID``, ``AMAZON_PAY_PRIVATE_KEY``, ``AMAZON_PAY_REGION``,
``AMAZON_PAY_BASE_URL`` for the simulator), with ``SHOP_DB``. Settlement reports take minutes
to hours on Amazon's side: ``--poll-interval`` and ``--deadline`` (seconds) bound the wait.

Exit status: 0 when everything agrees, 1 when something disagrees (each line starts with
``DISAGREE``), 3 when the report could not be had.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from amazonpay import AmazonPay

from shop.records import Records

#: The settlement report of the sandbox; live, the same name without _SANDBOX (the .NET SDK's
#: WebStore/Types/ReportTypes.cs lists both).
SETTLEMENT_REPORT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_"


@dataclass(frozen=True)
class Expected:
    """A movement of money as the shop recorded it."""

    label: str  # the order (and billing cycle) it belongs to
    amount: Decimal
    currency: str
    state: str
    charge_id: str | None = None  # of a refund: the charge it refunds


def recorded(records: Records) -> tuple[dict[str, Expected], dict[str, Expected]]:
    """The shop's charges and refunds, by Amazon Pay's ids."""
    orders = {order.order_id: order for order in records.orders()}
    charges = {
        order.charge_id: Expected(order.order_id, Decimal(order.amount), order.currency, order.state)
        for order in orders.values()
        if order.charge_id is not None
    }
    for cycle in records.subscription_charges():
        label = f"{cycle.order_id} {cycle.period}"
        charges[cycle.charge_id] = Expected(label, Decimal(cycle.amount), cycle.currency, cycle.state)
    refunds = {
        refund.refund_id: Expected(
            refund.order_id, Decimal(refund.amount), refund.currency, refund.state, orders[refund.order_id].charge_id
        )
        for refund in records.refunds()
    }
    return charges, refunds


def compare_with_objects(pay: AmazonPay, charges: dict[str, Expected], refunds: dict[str, Expected]) -> list[str]:
    """Each recorded refund against Get Refund, then each recorded charge against Get Charge."""
    found: list[str] = []
    refunded: dict[str, Decimal] = {}  # by charge: what Amazon Pay refunded of the refunds recorded
    for refund_id, expected in refunds.items():
        refund = pay.refunds.get(refund_id)
        state = str(refund.status_details.state)
        amount = Decimal(refund.refund_amount.amount) if refund.refund_amount else Decimal(0)
        if state != expected.state:
            found.append(f"{expected.label} refund {refund_id}: the records say {expected.state}, Amazon Pay {state}")
        if amount != expected.amount:
            found.append(f"{expected.label} refund {refund_id}: the records say {expected.amount}, Amazon Pay {amount}")
        if state == "Refunded" and expected.charge_id is not None:
            refunded[expected.charge_id] = refunded.get(expected.charge_id, Decimal(0)) + amount
    for charge_id, expected in charges.items():
        charge = pay.charges.get(charge_id)
        state = str(charge.status_details.state)
        captured = Decimal(charge.capture_amount.amount) if charge.capture_amount else Decimal(0)
        amazon_refunded = Decimal(charge.refunded_amount.amount) if charge.refunded_amount else Decimal(0)
        if state != expected.state:
            found.append(f"{expected.label} charge {charge_id}: the records say {expected.state}, Amazon Pay {state}")
        if state == "Captured" and captured != expected.amount:
            found.append(
                f"{expected.label} charge {charge_id}: the records say {expected.amount} {expected.currency} "
                f"captured, Amazon Pay {captured}"
            )
        if amazon_refunded != refunded.get(charge_id, Decimal(0)):
            found.append(
                f"{expected.label} charge {charge_id}: Amazon Pay refunded {amazon_refunded} {expected.currency}, "
                f"the records show {refunded.get(charge_id, Decimal(0))} refunded"
            )
    return found


def compare_with_report(
    rows: list[dict[str, str]], charges: dict[str, Expected], refunds: dict[str, Expected]
) -> list[str]:
    """Every capture and refund the report settled is recorded alike, and every settled record is in it."""
    found: list[str] = []
    reported: set[str] = set()
    for row in rows:
        amount, currency = abs(Decimal(row["TransactionAmount"])), row["CurrencyCode"]
        if row["TransactionType"] == "Capture":
            reported.add(row["ChargeId"])
            expected = charges.get(row["ChargeId"])
            what = f"capture of {amount} {currency} on charge {row['ChargeId']}"
        elif row["TransactionType"] == "Refund":
            reported.add(row["RefundId"])
            expected = refunds.get(row["RefundId"])
            what = f"refund of {amount} {currency} ({row['RefundId']}, charge {row['ChargeId']})"
        else:  # a chargeback the merchant lost: the shop records none
            found.append(f"settlement report: a {row['TransactionType']} of {amount} {currency} on {row['ChargeId']}")
            continue
        if expected is None:
            found.append(f"settlement report: {what}, which the records do not have")
        elif (amount, currency) != (expected.amount, expected.currency):
            recorded_as = f"{expected.amount} {expected.currency}"
            found.append(f"{expected.label}: the settlement report shows a {what}; the records say {recorded_as}")
    for charge_id, expected in charges.items():
        if expected.state == "Captured" and charge_id not in reported:
            found.append(f"{expected.label} charge {charge_id}: recorded as captured, not in the settlement report")
    for refund_id, expected in refunds.items():
        if expected.state == "Refunded" and refund_id not in reported:
            found.append(f"{expected.label} refund {refund_id}: recorded as refunded, not in the settlement report")
    return found


def settlement_report_type(pay: AmazonPay) -> str:
    """The sandbox's settlement report, or the live one (amazon-pay-api-v2/reports.html)."""
    return SETTLEMENT_REPORT if pay.endpoint.sandbox else SETTLEMENT_REPORT.replace("_SANDBOX", "")


def settlement_rows(
    pay: AmazonPay, start: datetime, end: datetime, interval: float, deadline: float
) -> list[dict[str, str]]:
    """The settlement report's rows for [start, end]; none when Amazon Pay had no transactions (CANCELLED)."""
    created = pay.reports.create(
        {
            "reportType": settlement_report_type(pay),
            "startTime": f"{start:%Y%m%dT%H%M%SZ}",
            "endTime": f"{end:%Y%m%dT%H%M%SZ}",
        }
    )
    if not isinstance(created.report_id, str):
        raise SystemExit("Create Report answered without a reportId")
    give_up = time.monotonic() + deadline
    while True:
        report = pay.reports.get(created.report_id)
        if report.processing_status == "CANCELLED":
            return []
        if report.processing_status == "COMPLETED" and isinstance(report.report_document_id, str):
            content = pay.reports.download(report.report_document_id)
            return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))
        if report.processing_status == "FAILED" or time.monotonic() > give_up:
            raise SystemExit(f"the settlement report {created.report_id} ended {report.processing_status}")
        time.sleep(interval)


def main() -> int:
    """Gather both sides, compare, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--poll-interval", type=float, default=60.0, help="seconds between report checks")
    parser.add_argument("--deadline", type=float, default=7200.0, help="seconds to wait for the report")
    args = parser.parse_args()
    records = Records(os.environ.get("SHOP_DB", "shop.db"))
    charges, refunds = recorded(records)
    first = min((order.created for order in records.orders()), default=None)
    start = datetime.fromisoformat(first) if first else datetime.now(UTC) - timedelta(days=1)
    with AmazonPay.from_env() as pay:
        # Refunds first: reading one may find it settled, which its charge then shows.
        found = compare_with_objects(pay, charges, refunds)
        end = datetime.now(UTC) + timedelta(minutes=5)
        rows = settlement_rows(pay, start - timedelta(minutes=5), end, args.poll_interval, args.deadline)
    found += compare_with_report(rows, charges, refunds)
    for text in found:
        print(f"DISAGREE {text}")
    print(
        f"checked {len(charges)} charge(s), {len(refunds)} refund(s), {len(rows)} settlement row(s): "
        f"{len(found)} disagreement(s)"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
