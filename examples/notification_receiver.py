"""A standalone receiver of Amazon Pay's instant payment notifications, verified with the library.

    AMAZON_PAY_IPN_TOPIC_ARNS=arn:aws:sns:... python examples/notification_receiver.py [--port 8080]

Serves ``POST /`` (any path) with the shop's receiver (``shop/notifications.py``), without the
shop: each SNS message is verified by ``amazonpay.notifications`` (the certificate URL, the
signature, the topic pinned to ``AMAZON_PAY_IPN_TOPIC_ARNS``, comma-separated), answered at once
(200; 400 for a forged or broken message, so SNS does not retry it), claimed once by its
``NotificationId`` (SNS redelivers), and the object it names is then fetched from Amazon Pay in
a worker thread; its state goes to the shop's records (``SHOP_DB``) and is printed. Register the
URL in Seller Central (Integration Central, "IPN" settings).

Configured from the environment as the library reads it (``AMAZON_PAY_PUBLIC_KEY_ID``,
``AMAZON_PAY_PRIVATE_KEY``, ``AMAZON_PAY_REGION``, ``AMAZON_PAY_BASE_URL`` for the simulator).
Against the simulator, ``AMAZON_PAY_SNS_CERTIFICATE_URL=<simulator>/_sandbox/sns/certificate``
serves its signing certificate, and ``python -m amazonpay.testing --notify <this URL>`` posts
to it; the banner prints the topic to pin. Production serves it behind HTTPS with a WSGI server
(gunicorn, uWSGI) instead of the standard library's.
"""

from __future__ import annotations

import argparse
import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

from amazonpay import AmazonPay

from shop import notifications
from shop.records import Records


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """One line per request on stderr, without the client's address."""
        sys.stderr.write(f"{self.command} {self.path} -> {args[1] if len(args) > 1 else '?'}\n")


def main() -> int:
    """Serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    args = parser.parse_args()
    topics = [arn.strip() for arn in os.environ.get("AMAZON_PAY_IPN_TOPIC_ARNS", "").split(",") if arn.strip()]
    if not topics:
        print("AMAZON_PAY_IPN_TOPIC_ARNS is not set: pin the SNS topics Amazon Pay sends from", file=sys.stderr)
        return 2
    verify = notifications.verifier(topics, os.environ.get("AMAZON_PAY_SNS_CERTIFICATE_URL") or None)
    with AmazonPay.from_env() as pay:
        worker = notifications.Worker(pay, Records(os.environ.get("SHOP_DB", "shop.db")), verify)
        server = make_server(args.host, args.port, notifications.receiver(worker, verify), handler_class=_Quiet)
        print(f"receiving notifications on http://{args.host}:{server.server_port}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
            worker.drain()
    return 0


if __name__ == "__main__":
    sys.exit(main())
