"""Clients nobody here wrote, unpatched, against ``python -m amazonpay.testing --tls`` (``nox -s interop``).

* The official Node SDK ``@amazonpay/amazon-pay-api-sdk-nodejs`` 2.3.4 (pinned in
  ``tests/interop/node/package-lock.json``), both algorithms, through its own
  ``overrideServiceUrl``: it sends the extended date form, the region as ``na``, signs
  ``x-amz-pay-host: 127.0.0.1:PORT`` and ``user-agent``, keeps a caller's
  ``X-Amz-Pay-Idempotency-Key`` as written in ``SignedHeaders``, and always builds ``https://``.
* ``AmazonPayClient`` 2.0.1 from PyPI with region ``"NA"``: it sends ``x-amz-pay-region: NA``
  and signs the host and port of its endpoint.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
NODE_PROJECT = Path(__file__).resolve().parent / "node"
ALGORITHMS = ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"]


@dataclass(frozen=True)
class Simulator:
    """Where the command-line simulator listens and what it printed."""

    service: str  # host:port, what an SDK's URL override takes
    key_id: str
    key_file: Path
    ca_file: Path


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    folder = tmp_path_factory.mktemp("simulator")
    key_file, ca_file = folder / "key.pem", folder / "ca.pem"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "facade"), str(ROOT / "generated")])}
    command = [sys.executable, "-m", "amazonpay.testing", "--tls", "--port", "0"]
    command += ["--key-file", str(key_file), "--ca-file", str(ca_file)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        lines: dict[str, str] = {}
        while "CA file" not in lines:
            line = process.stdout.readline()
            assert line, "python -m amazonpay.testing --tls exited before it was ready"
            name, _, value = line.partition(":")
            lines[name.strip()] = value.strip()
        assert Path(lines["CA file"]) == ca_file
        yield Simulator(lines["service URL"].split()[0], lines["public key id"], key_file, ca_file)
    finally:
        process.terminate()
        process.wait(timeout=10)


# --- the official Node SDK ------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_node_sdk_flows(simulator: Simulator, algorithm: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the interop test runs the official Node SDK; install Node.js 20 or later")
    if not (NODE_PROJECT / "node_modules" / "@amazonpay" / "amazon-pay-api-sdk-nodejs").is_dir():
        pytest.fail(f"the Node SDK is not installed: run `npm ci` in {NODE_PROJECT} (nox -s interop does)")
    env = {
        **os.environ,
        "SERVICE": simulator.service,
        "KEY_ID": simulator.key_id,
        "KEY_FILE": str(simulator.key_file),
        "ALGORITHM": algorithm,
        "NODE_EXTRA_CA_CERTS": str(simulator.ca_file),
    }
    run = subprocess.run(
        [node, "flows.js"], cwd=NODE_PROJECT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    steps = [line for line in lines if "step" in line]
    failed = [line for line in steps if not line["ok"]]
    summary = lines[-1].get("summary") if lines else None
    approvals = sum("(control endpoint)" in line["step"] for line in steps)
    print(f"Node SDK 2.3.4, {algorithm}: {len(steps) - approvals} SDK calls and {approvals} buyer approvals, ", end="")
    print(f"{len(failed)} failed")
    assert not failed, "calls the simulator answered unlike the service:\n" + "\n".join(map(json.dumps, failed))
    assert summary == {"calls": len(steps), "failed": 0}, run.stdout + run.stderr
    assert run.returncode == 0, run.stderr
    assert len(steps) >= 41  # every flow ran to its end (Buy Now and delegated access included)


# --- AmazonPayClient 2.0.1 (PyPI) --------------------------------------------------------------


class Flow:
    """Calls through AmazonPayClient, each checked for its status and counted."""

    def __init__(self, simulator: Simulator) -> None:
        from AmazonPay import Client  # the PyPI package AmazonPayClient (installed by nox -s interop)

        self.client = Client(
            public_key_id=simulator.key_id, private_key=str(simulator.key_file), region="NA", sandbox=True
        )
        # It builds URLs as endpoint + /v2 + path and signs the endpoint's host and port.
        self.client.endpoint = f"https://{simulator.service}"
        self.service = simulator.service
        self.calls = 0

    def expect(self, status: int, response: Any) -> dict[str, Any]:
        self.calls += 1
        assert response.status_code == status, f"{response.request.method} {response.url}: {response.text}"
        body: dict[str, Any] = response.json()
        return body

    def approve(self, session_id: str) -> None:
        import requests

        response = requests.post(f"https://{self.service}/_sandbox/checkoutSessions/{session_id}/approve", timeout=30)
        assert response.status_code == 200, response.text

    def session(self, amount: str, intent: str, kind: str = "OneTime") -> str:
        body = {
            "webCheckoutDetails": {
                "checkoutReviewReturnUrl": "https://shop.example/review",
                "checkoutResultReturnUrl": "https://shop.example/result",
            },
            "storeId": "amzn1.application-oa2-client.interop",
            "chargePermissionType": kind,
            "paymentDetails": {"paymentIntent": intent, "chargeAmount": money(amount)},
        }
        created = self.expect(201, self.client.create_checkout_session(body))
        session_id: str = created["checkoutSessionId"]
        return session_id


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currencyCode": "USD"}


def test_amazon_pay_client_flows(simulator: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(simulator.ca_file))
    flow = Flow(simulator)
    pay = flow.client

    session_id = flow.session("14.00", "Authorize")
    assert flow.expect(200, pay.get_checkout_session(session_id))["statusDetails"]["state"] == "Open"
    updated = flow.expect(200, pay.update_checkout_session(session_id, {"merchantMetadata": {"noteToBuyer": "Hi"}}))
    assert updated["merchantMetadata"]["noteToBuyer"] == "Hi"
    flow.approve(session_id)
    done = flow.expect(200, pay.complete_checkout_session(session_id, {"chargeAmount": money("14.00")}))
    permission_id, charge_id = done["chargePermissionId"], done["chargeId"]
    assert flow.expect(200, pay.get_charge_permission(permission_id))["statusDetails"]["state"] == "Chargeable"
    flow.expect(200, pay.update_charge_permission(permission_id, {"merchantMetadata": {"merchantStoreName": "P"}}))
    assert flow.expect(200, pay.get_charge(charge_id))["statusDetails"]["state"] == "Authorized"
    captured = flow.expect(200, pay.capture_charge(charge_id, {"captureAmount": money("14.00")}))
    assert captured["statusDetails"]["state"] == "Captured"
    refund = flow.expect(201, pay.create_refund({"chargeId": charge_id, "refundAmount": money("14.00")}))
    assert flow.expect(200, pay.get_refund(refund["refundId"]))["statusDetails"]["state"] == "Refunded"

    cancel_id = flow.session("5.00", "Authorize")
    flow.approve(cancel_id)
    to_cancel = flow.expect(200, pay.complete_checkout_session(cancel_id, {"chargeAmount": money("5.00")}))["chargeId"]
    canceled = flow.expect(200, pay.cancel_charge(to_cancel, {"cancellationReason": "Out of stock"}))
    assert canceled["statusDetails"]["state"] == "Canceled"

    recurring_id = flow.session("9.99", "Confirm", "Recurring")
    flow.approve(recurring_id)
    recurring = flow.expect(200, pay.complete_checkout_session(recurring_id, {"chargeAmount": money("9.99")}))
    charge = {"chargePermissionId": recurring["chargePermissionId"], "chargeAmount": money("9.99"), "captureNow": True}
    assert flow.expect(201, pay.create_charge(charge))["statusDetails"]["state"] == "Captured"
    closed = flow.expect(200, pay.close_charge_permission(recurring["chargePermissionId"], {"closureReason": "Done"}))
    assert closed["statusDetails"]["state"] == "Closed"
    print(f"AmazonPayClient 2.0.1, region NA: {flow.calls} calls")
    assert flow.calls == 17
