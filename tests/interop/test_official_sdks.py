"""Clients nobody here wrote, unpatched, against ``python -m amazonpay.testing --tls`` (``nox -s interop``).

* The official Node SDK ``@amazonpay/amazon-pay-api-sdk-nodejs`` 2.3.4 (pinned in
  ``tests/interop/node/package-lock.json``), both algorithms, through its own
  ``overrideServiceUrl``: it sends the extended date form, the region as ``na``, signs
  ``x-amz-pay-host: 127.0.0.1:PORT`` and ``user-agent``, keeps a caller's
  ``X-Amz-Pay-Idempotency-Key`` as written in ``SignedHeaders``, and always builds ``https://``.
* The official PHP SDK ``amzn/amazon-pay-api-sdk-php`` 2.7.2, both algorithms, from the release
  tar in ``../shared/interop/php/`` (checked file by file against its ``sdk.manifest`` before it
  runs) with Debian's PHP and phpseclib: it speaks https to port 443 only and signs the host
  without a port, so its simulator listens on port 443 of a loopback address of its own
  (127.0.0.2) and its ``override_service_url`` names that address; it sends caller headers
  (the auth token) unsigned.
* ``AmazonPayClient`` 2.0.1 from PyPI with region ``"NA"``: it sends ``x-amz-pay-region: NA``
  and signs the host and port of its endpoint.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from amazonpay._registry import operation_at, operation_registry

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
NODE_PROJECT = Path(__file__).resolve().parent / "node"
PHP_PROJECT = Path(__file__).resolve().parent / "php"
ALGORITHMS = ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"]


@dataclass(frozen=True)
class Simulator:
    """Where the command-line simulator listens and what it printed."""

    service: str  # host:port, what an SDK's URL override takes
    key_id: str
    key_file: Path
    ca_file: Path


@contextlib.contextmanager
def serve(folder: Path, host: str, port: int) -> Iterator[Simulator]:
    """``python -m amazonpay.testing --tls`` on ``host:port`` until the block ends."""
    key_file, ca_file = folder / "key.pem", folder / "ca.pem"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "facade"), str(ROOT / "generated")])}
    command = [sys.executable, "-m", "amazonpay.testing", "--tls", "--host", host, "--port", str(port)]
    command += ["--key-file", str(key_file), "--ca-file", str(ca_file)]
    errors = folder / "stderr.txt"
    with errors.open("w") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=env)
    try:
        assert process.stdout is not None
        lines: dict[str, str] = {}
        while "CA file" not in lines:
            line = process.stdout.readline()
            if not line:
                log = errors.read_text()
                pytest.fail(f"python -m amazonpay.testing --tls on {host}:{port} exited before it was ready:\n{log}")
            name, _, value = line.partition(":")
            lines[name.strip()] = value.strip()
        assert Path(lines["CA file"]) == ca_file
        yield Simulator(lines["service URL"].split()[0], lines["public key id"], key_file, ca_file)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    with serve(tmp_path_factory.mktemp("simulator"), "127.0.0.1", 0) as running:
        yield running


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


# --- the official PHP SDK ---------------------------------------------------------------------

PHP_SDK_VERSION = "2.7.2"
PHPSECLIB_AUTOLOAD = Path("/usr/share/php/phpseclib3/autoload.php")  # Debian's php-phpseclib3


def shared_php_folder() -> Path:
    """``shared/interop/php/`` beside the checkout (CI) or beside a folder holding it (a git worktree)."""
    for parent in ROOT.parents:
        folder = parent / "shared" / "interop" / "php"
        if (folder / "sdk.manifest").is_file():
            return folder
    pytest.fail(
        f"the official PHP SDK is not beside the checkout: expected ../shared/interop/php/ (the release tar "
        f"amazon-pay-api-sdk-php-{PHP_SDK_VERSION}.tar and its sdk.manifest) next to {ROOT} or a folder above it"
    )


def free_loopback_port_443() -> str:
    """A loopback address whose port 443 is free: the PHP SDK connects to port 443 of the host it is given.

    127.0.0.2 first (not 127.0.0.1, where something else may listen), then the next ones, in
    case another interop run on the machine holds it.
    """
    for last in range(2, 10):
        host = f"127.0.0.{last}"
        with socket.socket() as probe:
            # As the simulator binds: connections of an earlier run waiting out TIME_WAIT do not count.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, 443))
            except OSError:
                continue
            return host
    pytest.fail("port 443 of 127.0.0.2 to 127.0.0.9 cannot be bound: taken, or this is not root (CI runs as root)")


def git_blob_id(data: bytes) -> str:
    """What ``git hash-object`` prints for a file of these bytes: sha1 of ``blob <size>\\0`` and the bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def unpack_php_sdk(target: Path) -> None:
    """Unpack the files ``sdk.manifest`` lists from the release tar into ``target``, each checked against it.

    Fails unless every listed file is in the tar with the listed blob id and every SDK class
    file of the tar (``Amazon/``, what the autoloader can load) is listed.
    """
    folder = shared_php_folder()
    manifest: dict[str, str] = {}
    for line in (folder / "sdk.manifest").read_text(encoding="utf-8").splitlines():
        blob, _, name = line.partition("  ")
        if ".." in Path(name).parts or Path(name).is_absolute():
            pytest.fail(f"sdk.manifest lists {name!r}, outside the SDK's folder")
        manifest[name] = blob
    patched, missing = [], []
    with tarfile.open(folder / f"amazon-pay-api-sdk-php-{PHP_SDK_VERSION}.tar") as archive:
        files = {member.name: member for member in archive.getmembers() if member.isfile()}
        unlisted = sorted(name for name in files if name.startswith("Amazon/") and name not in manifest)
        for name, blob in manifest.items():
            source = archive.extractfile(files[name]) if name in files else None
            if source is None:
                missing.append(name)
                continue
            data = source.read()
            if git_blob_id(data) != blob:
                patched.append(name)
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    print(f"PHP SDK {PHP_SDK_VERSION}: {len(manifest)} files checked against sdk.manifest, {len(patched)} patched")
    assert not patched, f"files that differ from the SDK as shipped: {patched}"
    assert not missing, f"files of sdk.manifest missing from the tar: {missing}"
    assert not unlisted, f"SDK files sdk.manifest does not list: {unlisted}"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_php_sdk_flows(tmp_path: Path, algorithm: str) -> None:
    php = shutil.which("php")
    if php is None or not PHPSECLIB_AUTOLOAD.is_file():
        pytest.fail(
            "php or phpseclib 3 is missing: the interop test runs the official PHP SDK; install Debian's "
            "php-cli php-curl php-mbstring php-gmp php-phpseclib3 (nox -s interop does)"
        )
    sdk = tmp_path / "sdk"
    unpack_php_sdk(sdk)
    host = free_loopback_port_443()
    with serve(tmp_path, host, 443) as simulator:
        assert simulator.service == f"{host}:443"
        # curl in PHP follows *_proxy variables: none, so that only the loopback simulator is contacted.
        env = {name: value for name, value in os.environ.items() if not name.lower().endswith("_proxy")}
        env |= {
            "SERVICE": host,
            "KEY_ID": simulator.key_id,
            "KEY_FILE": str(simulator.key_file),
            "ALGORITHM": algorithm,
            "AMAZON_PAY_PHP_SDK": str(sdk),
        }
        ca = simulator.ca_file
        command = [php, "-d", f"curl.cainfo={ca}", "-d", f"openssl.cafile={ca}", "flows.php"]
        run = subprocess.run(
            command, cwd=PHP_PROJECT, env=env, capture_output=True, text=True, timeout=300, check=False
        )
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    steps = [line for line in lines if "step" in line]
    failed = [line for line in steps if not line["ok"]]
    summary = lines[-1].get("summary") if lines else None
    calls = [line for line in steps if line["call"] is not None]
    reached = {entry["operationId"] for line in calls if (entry := operation_at(line["method"], line["path"]))}
    unreached = sorted({entry["operationId"] for entry in operation_registry()} - reached)
    print(f"PHP SDK {PHP_SDK_VERSION}, {algorithm}: {len(calls)} SDK calls on {len(reached)} operations and ", end="")
    print(f"{len(steps) - len(calls)} buyer and storage steps, {len(failed)} failed")
    assert not failed, "calls the simulator answered unlike the service:\n" + "\n".join(map(json.dumps, failed))
    assert summary == {"calls": len(steps), "failed": 0}, run.stdout + run.stderr
    assert run.returncode == 0, run.stderr
    assert not unreached, f"operations of the spec the PHP flows never called: {unreached}"
    assert len(steps) >= 79  # every flow ran to its end


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
        if kind == "Recurring":  # how often it charges (else the session has RecurringFrequencyNotSet)
            body["recurringMetadata"] = {"frequency": {"unit": "Month", "value": "1"}, "amount": money(amount)}
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
