"""The example shop (examples/shop) on a loopback port for a browser test, set up as examples/run_shop.py sets it up.

The shop's own code, unchanged (its Flask app, its SQLite records), served by werkzeug in a
thread, with the test's ``amazon_pay`` client: what it asks the simulator and what the browser
does on the simulator's pages meet in one state.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server

from amazonpay import AmazonPay

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
sys.path.insert(0, str(EXAMPLES))  # the shop is imported as run_shop.py runs it (python -m shop, from examples/)

from shop.app import Settings, create_app  # noqa: E402
from shop.records import Records  # noqa: E402

STORE_ID = "amzn1.application-oa2-client.example0000000000000000000000"


@dataclass
class ExampleShop:
    """Where the shop is (``url``) and what it wrote down (``records``)."""

    url: str
    records: Records


def _starting(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    """The answer until the shop, which must know its own URL, is made (nobody asks that early)."""
    start_response("503 Service Unavailable", [("content-type", "text/plain")])
    return [b"starting"]


@contextmanager
def serve(pay: AmazonPay, public_key_id: str, folder: Path, checkout_js: str = "") -> Iterator[ExampleShop]:
    """Serve the shop on a free loopback port; ``checkout_js`` empty: Amazon's script for the region."""
    records = Records(folder / "shop.db")
    server = make_server("127.0.0.1", 0, _starting)
    url = f"http://127.0.0.1:{server.server_port}"
    settings = Settings(
        public_key_id=public_key_id,
        merchant_id="A1EXAMPLESHOP",
        store_id=STORE_ID,
        shop_url=url,
        region="eu",
        database=str(folder / "shop.db"),
        checkout_js=checkout_js,
    )
    server.app = create_app(settings, pay, records)
    thread = threading.Thread(target=server.serve_forever, name="example-shop", daemon=True)
    thread.start()
    try:
        yield ExampleShop(url, records)
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        records.close()
