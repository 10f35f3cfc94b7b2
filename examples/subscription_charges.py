"""Charge every active subscription of the shop for one billing cycle; safe to run again.

    python examples/subscription_charges.py [--period 2027-01]

For each subscription the shop sold (a Recurring charge permission, its first month charged at
checkout), makes the cycle's merchant-initiated charge: Create Charge with ``chargeInitiator``
MITR and ``captureNow``, as amazon-pay-recurring-checkout/manage-recurring-payments.html
describes, and records it. ``--period`` is the billing cycle, a month (default: this month,
UTC). Configured from the environment as the library reads it (``AMAZON_PAY_PUBLIC_KEY_ID``,
``AMAZON_PAY_PRIVATE_KEY``, ``AMAZON_PAY_REGION``, ``AMAZON_PAY_BASE_URL`` for the simulator),
with ``SHOP_DB``, the shop's SQLite file. Run it from a scheduler once a day: each run charges
what is due and skips the rest.

Why a re-run charges nobody twice: one idempotency key per subscription and cycle, derived from
both. A cycle recorded as charged is skipped before any call; one charged by a run that crashed
before recording it is sent again with the same key, and Amazon Pay answers with the charge it
made then instead of charging again. A permission no longer chargeable (the buyer canceled, it
expired) is reported and skipped; a decline is reported and left for the next run.

Exit status: 0 when every due cycle is charged, 1 when one was declined or refused.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import UTC, datetime

from amazonpay import AmazonPay, AmazonPayError, DeclinedError, request_options

from shop.records import Records, SubscriptionCharge, idempotency_key


def period(text: str) -> str:
    """A billing cycle, ``YYYY-MM``."""
    if not re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a month like 2027-01")
    return text


def main() -> int:
    """Charge each subscription's cycle once; say what was done and what was skipped."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--period", type=period, default=f"{datetime.now(UTC):%Y-%m}", help="the month to charge")
    args = parser.parse_args()
    records = Records(os.environ.get("SHOP_DB", "shop.db"))
    charged = skipped = failed = 0
    with AmazonPay.from_env() as pay:
        for order in records.orders(kind="subscription"):
            name = f"{order.order_id} {args.period}"
            if order.charge_permission_id is None or order.state != "Captured":
                continue  # checkout never completed: no subscription
            if args.period <= order.created[:7]:
                print(f"{name}: not due (the subscription started {order.created[:7]}, charged at checkout)")
                skipped += 1
                continue
            done = records.subscription_charges(order.order_id)
            if any(charge.period == args.period for charge in done):
                charge_id = next(charge.charge_id for charge in done if charge.period == args.period)
                print(f"{name}: already charged ({charge_id}); nothing charged this time")
                skipped += 1
                continue
            permission = pay.charge_permissions.get(order.charge_permission_id)
            if permission.status_details.state != "Chargeable":
                reasons = ", ".join(str(r.reason_code) for r in permission.status_details.reasons or [])
                print(f"{name}: not charged, the permission is {permission.status_details.state} ({reasons})")
                skipped += 1
                continue
            # One key per subscription and cycle: a re-run replays this cycle's charge, never a second one.
            key = idempotency_key("subscription", order.order_id, args.period)
            try:
                with request_options() as outcome:
                    charge = pay.charges.create(
                        {
                            "chargePermissionId": order.charge_permission_id,
                            "chargeAmount": {"amount": order.amount, "currencyCode": order.currency},
                            "captureNow": True,
                            "chargeInitiator": "MITR",  # merchant-initiated, recurring: the buyer is not there
                            "canHandlePendingAuthorization": False,
                            "softDescriptor": "EXAMPLE SUBSCR",
                            "merchantMetadata": {"merchantReferenceId": f"{order.order_id}-{args.period}"},
                        },
                        idempotency_key=key,
                    )
            except DeclinedError as error:
                print(f"{name}: declined ({error.reason_code}); ask the buyer to update the payment method")
                failed += 1
                continue
            except AmazonPayError as error:
                print(f"{name}: refused: {error}")
                failed += 1
                continue
            state = str(charge.status_details.state)
            records.record_subscription_charge(
                SubscriptionCharge(order.order_id, args.period, charge.charge_id, order.amount, order.currency, state)
            )
            if outcome.status == 200:  # a replay answers 200 with the charge made before; a new one 201
                print(
                    f"{name}: Amazon Pay answered with {charge.charge_id} made by an earlier run; nothing new charged"
                )
                skipped += 1
            else:
                print(f"{name}: charged {order.amount} {order.currency}: {charge.charge_id}, {state}")
                charged += 1
    print(f"{args.period}: {charged} charged, {skipped} skipped, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
