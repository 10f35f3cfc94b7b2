"""``amazonpay``: the command line for internal tools, built at run time from the operation registry.

Every operation of the spec is a command ``amazonpay <resource> <method>`` (``amazonpay charges
get S02-...``, ``amazonpay refunds create --charge-id ... --amount 10.00 --currency-code EUR``),
so an operation generation adds appears here with no hand edit. Installed with the ``cli``
extra (``pip install 'amazonpay[cli]'``), which brings click. ``amazonpay --help`` imports
neither httpx nor the generated package: both load only when a command calls the API.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the ``amazonpay`` command (the console script's entry point)."""
    try:
        from ._app import cli
    except ModuleNotFoundError as missing:
        if missing.name != "click":
            raise
        sys.exit("the amazonpay command needs the cli extra: pip install 'amazonpay[cli]'")
    cli(prog_name="amazonpay")
