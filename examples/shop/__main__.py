"""Serve the example shop: ``python -m shop`` from ``examples/`` (``examples/run_shop.py`` adds a simulator).

Configured from the environment (docs/examples.md lists the variables); ``SHOP_URL`` is also
where it listens (its host and port).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from amazonpay import AmazonPay

from .app import Settings, create_app
from .records import Records


def main() -> None:
    """Build the shop from the environment and serve it with Flask's server, threaded."""
    pay = AmazonPay.from_env()
    settings = Settings.from_env(pay.endpoint.region)
    app = create_app(settings, pay, Records(settings.database))
    where = urlsplit(settings.shop_url)
    app.run(host=where.hostname or "127.0.0.1", port=where.port or 80, threaded=True)


if __name__ == "__main__":
    main()
