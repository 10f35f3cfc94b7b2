"""``GET /checkout.js``: the Amazon Pay script (``checkout.js``, shipped beside this module), pointed at the simulator.

One script for every region: Amazon serves the same API from static-na, static-eu and
static-fe.payments-amazon.com (docs amazon-pay-checkout/amazon-pay-script.html); the region is
the button's ledgerCurrency. The script's hosted pages are on the origin it was fetched from,
written into it as it is served.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Final

PLACEHOLDER: Final = '"__SIMULATOR_ORIGIN__"'


@cache
def _source() -> str:
    return resources.files(__package__).joinpath("checkout.js").read_text(encoding="utf-8")


def script(origin: str) -> bytes:
    """The script, its hosted pages at ``origin`` (``scheme://host[:port]`` of the simulator)."""
    return _source().replace(PLACEHOLDER, json.dumps(origin), 1).encode("utf-8")
