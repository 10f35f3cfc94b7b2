"""Refund an order of the shop; safe to run again, by hand or by a job that retries.

    python examples/refund.py ORDER_ID [--amount 10.00] [--return-id RMA-7] [--wait]

Refunds the order's charge (the whole amount unless ``--amount``) and records the refund in the
shop's records. Configured from the environment as the library reads it
(``AMAZON_PAY_PUBLIC_KEY_ID``, ``AMAZON_PAY_PRIVATE_KEY``, ``AMAZON_PAY_REGION``, and
``AMAZON_PAY_BASE_URL`` for the simulator), with ``SHOP_DB``, the shop's SQLite file.

Why a second run refunds nothing: the idempotency key is derived from the order and the return
(``--return-id``, default: the whole order), never random. A run after a recorded refund stops
before calling Amazon Pay and says so; a run after a crash that lost the record (the refund was
made, the answer or the write was lost) sends the same key, and Amazon Pay answers with the
refund already made instead of refunding again. Two different refunds of one order need two
return ids. ``--wait`` polls until the refund is final (refunds settle in minutes to hours).

Exit status: 0 refunded or already refunded, 1 refused by Amazon Pay, 2 nothing to refund.
"""

from __future__ import annotations

import argparse
import os
import sys

from amazonpay import AmazonPay, AmazonPayError, IdempotencyError, request_options

from shop.records import Records, Refund, idempotency_key


def main() -> int:
    """Refund once, whatever happened to earlier runs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("order_id")
    parser.add_argument("--amount", help="how much to refund (default: the order's whole amount)")
    parser.add_argument("--return-id", default="whole-order", help="which return this refund is for")
    parser.add_argument("--wait", action="store_true", help="poll until the refund is Refunded or Declined")
    args = parser.parse_args()
    records = Records(os.environ.get("SHOP_DB", "shop.db"))
    order = records.order(args.order_id)
    if order is None or order.charge_id is None or order.state != "Captured":
        state = "no such order" if order is None else f"its payment is {order.state}"
        print(f"{args.order_id}: nothing to refund ({state})")
        return 2
    key = idempotency_key("refund", order.order_id, args.return_id)
    done = [refund for refund in records.refunds(order.order_id) if refund.idempotency_key == key]
    if done:
        refund = done[0]
        print(
            f"{order.order_id}: already refunded for {args.return_id}: {refund.refund_id}, "
            f"{refund.amount} {refund.currency}, {refund.state}; nothing refunded this time"
        )
        return 0
    amount = args.amount or order.amount
    with AmazonPay.from_env() as pay:
        try:
            with request_options() as outcome:
                made = pay.refunds.create(
                    {
                        "chargeId": order.charge_id,
                        "refundAmount": {"amount": amount, "currencyCode": order.currency},
                        "softDescriptor": "EXAMPLE REFUND",
                    },
                    idempotency_key=key,
                )
        except IdempotencyError:
            print(
                f"{order.order_id}: a refund for {args.return_id} was requested before with another amount; "
                "nothing refunded (use another --return-id for another refund)"
            )
            return 1
        except AmazonPayError as error:
            print(f"{order.order_id}: refund refused: {error}")
            return 1
        # 201 is a new refund; a replay of the same key answers 200 with the refund made before.
        replayed = outcome.status == 200
        if args.wait:
            made = pay.refunds.wait(made.refund_id, interval=60, deadline=6 * 3600)
    state = str(made.status_details.state)
    records.record_refund(Refund(made.refund_id, order.order_id, amount, order.currency, state, key))
    if replayed:
        print(
            f"{order.order_id}: Amazon Pay answered with refund {made.refund_id} made by an earlier run "
            f"({amount} {order.currency}, {state}); nothing new was refunded, the record is restored"
        )
    else:
        print(f"{order.order_id}: refunded {amount} {order.currency}: {made.refund_id}, {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
