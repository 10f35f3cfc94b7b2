"""Run the example shop against the simulator, then open the URL it prints.

    python3 scripts/nox -s shop
    # or, with amazonpay[examples] installed: python examples/run_shop.py [--port 8000] [--simulator-port 8765]

Starts the simulator (``python -m amazonpay.testing``, a throwaway key, notifications posted to
the shop) and the shop (``python -m shop``), each a process of its own configured from the
environment as in production: the shop reaches the simulator through ``AMAZON_PAY_BASE_URL``
and its pages load the simulator's ``checkout.js``, whose buyer pages stand in for Amazon's.
Ctrl-C stops both. The shop's records go to a temporary SQLite file (``SHOP_DB`` to keep them).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent


def start_simulator(port: int, key_file: Path, notify: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """Start ``python -m amazonpay.testing``; return it and its banner's ``name: value`` lines."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "amazonpay.testing",
            "--port",
            str(port),
            "--key-file",
            str(key_file),
            "--notify",
            notify,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    banner: dict[str, str] = {}
    while "SNS topic" not in banner:
        line = process.stdout.readline()
        if not line:
            process.wait()
            raise SystemExit(f"the simulator did not start (exit {process.returncode}); is port {port} free?")
        print(f"  simulator | {line.rstrip()}")
        name, _, value = line.partition(":")
        banner[name.strip()] = value.strip()
    return process, banner


def main() -> int:
    """Start both, print where to go, wait for Ctrl-C (or either process to end)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="the shop's port (default 8000)")
    parser.add_argument("--simulator-port", type=int, default=8765, help="the simulator's port (default 8765)")
    args = parser.parse_args()
    # A TERM (a supervisor, `kill`) stops both as Ctrl-C does, rather than leaving them running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    shop_url = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory(prefix="amazonpay-shop-") as folder:
        key_file = Path(folder) / "sandbox-key.pem"
        simulator, banner = start_simulator(args.simulator_port, key_file, f"{shop_url}/amazonpay/ipn")
        server = banner["base URL"].removesuffix("/v2")
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(EXAMPLES), os.environ.get("PYTHONPATH")])),
            "AMAZON_PAY_PUBLIC_KEY_ID": banner["public key id"],
            "AMAZON_PAY_PRIVATE_KEY": str(key_file),
            "AMAZON_PAY_REGION": "eu",
            "AMAZON_PAY_BASE_URL": banner["base URL"],
            "AMAZON_PAY_MERCHANT_ID": "A1EXAMPLESHOP",
            "AMAZON_PAY_STORE_ID": "amzn1.application-oa2-client.example0000000000000000000000",
            "AMAZON_PAY_CHECKOUT_JS": f"{server}/checkout.js",
            "AMAZON_PAY_IPN_TOPIC_ARNS": banner["SNS topic"].split()[0],
            "AMAZON_PAY_SNS_CERTIFICATE_URL": f"{server}/_sandbox/sns/certificate",
            "SHOP_URL": shop_url,
            "SHOP_DB": os.environ.get("SHOP_DB", str(Path(folder) / "shop.db")),
        }
        shop = subprocess.Popen([sys.executable, "-m", "shop"], env=env)
        print(f"\nThe shop runs on the simulator: open {shop_url}/ (Ctrl-C stops both)\n", flush=True)
        try:
            return shop.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            for process in (shop, simulator):
                process.terminate()
                process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
