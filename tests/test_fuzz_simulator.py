"""Schemathesis against the simulator: the effective spec, positive and negative data, all checks.

Runs ``st run`` (schemathesis 4, pinned) against an in-process HTTPS simulator with a fixed
seed and a bounded number of examples per operation, so a run is reproducible and takes about
a minute. Every generated request is signed as sent (``tests/support/fuzz_hooks.py``); the
headers the client library owns are left out of the spec view it fuzzes, as the generator's
view leaves them out. Objects are seeded so that positive cases reach the handlers.
"""

from __future__ import annotations

import json
import os
import re
import ssl
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from amazonpay import AmazonPay
from amazonpay.testing import AmazonPaySandbox
from tests.support.spec import effective_spec, operations

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261128
MAX_EXAMPLES = 40
CONFIG = """
[checks.positive_data_acceptance]
# 400 and 422 for schema-valid data: business rules the schema cannot state (the custom check
# positive_data_refused_only_by_business_rules holds every 400 to that).
expected-statuses = ["2xx", "400", "404", "422"]
"""


def fuzz_view() -> dict[str, Any]:
    """The effective spec without the signed headers the client owns (the signer adds them)."""
    spec = json.loads(json.dumps(effective_spec()))
    parameters = spec["components"]["parameters"]
    owned = {
        f"#/components/parameters/{name}"
        for name, parameter in parameters.items()
        if parameter.get("x-amazonpay-facade-owned") and parameter["name"] != "x-amz-pay-simulation-code"
    }
    for ref in owned:
        del parameters[ref.rsplit("/", 1)[-1]]
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "parameters" in operation:
                operation["parameters"] = [p for p in operation["parameters"] if p.get("$ref") not in owned]
    return spec


def seed(sandbox: AmazonPaySandbox, pay: AmazonPay) -> dict[str, list[str]]:
    """Objects in every state an operation may meet, by path parameter name."""
    ids: dict[str, list[str]] = {
        "checkoutSessionId": [],
        "chargePermissionId": [],
        "chargeId": [],
        "refundId": [],
        "buyerToken": [],
        # Any MWS token in its documented form exchanges (the simulator has no Seller Central).
        "mwsAuthToken": ["amzn.mws.fuzz-delegation"],
    }
    web = {"checkoutReviewReturnUrl": "https://shop.example/review", "checkoutResultReturnUrl": "https://s.example/r"}
    for kind, intent in [("OneTime", "Authorize"), ("OneTime", "AuthorizeWithCapture"), ("Recurring", "Confirm")]:
        for _ in range(2):
            amount = {"amount": "14.00", "currencyCode": "USD"}
            body = {
                "webCheckoutDetails": web,
                "storeId": "amzn1.application-oa2-client.fuzz",
                "chargePermissionType": kind,
                "paymentDetails": {"paymentIntent": intent, "chargeAmount": amount},
            }
            if kind == "Recurring":
                body["recurringMetadata"] = {"frequency": {"unit": "Month", "value": "1"}}
            session = pay.checkout_sessions.create(body)
            ids["checkoutSessionId"].append(session.checkout_session_id)
            sandbox.approve(session.checkout_session_id)
            ids["buyerToken"].append(sandbox.buyer_token(session.checkout_session_id))
            done = pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": amount})
            ids["chargePermissionId"].append(str(done.charge_permission_id))
            if isinstance(done.charge_id, str):
                ids["chargeId"].append(done.charge_id)
    open_session = pay.checkout_sessions.create({"webCheckoutDetails": web, "storeId": "amzn1.fuzz"})
    ids["checkoutSessionId"].append(open_session.checkout_session_id)
    captured = next(charge for charge in sandbox.charges.values() if charge["statusDetails"]["state"] == "Captured")
    refund = pay.refunds.create(
        {"chargeId": captured["chargeId"], "refundAmount": {"amount": "1.00", "currencyCode": "USD"}}
    )
    ids["refundId"].append(refund.refund_id)
    # The back office: a completed settlement report and its document, a schedule, a chargeback.
    window = {"startTime": "20200101T000000Z", "endTime": "20991231T000000Z"}
    report = pay.reports.create({"reportType": "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_", **window})
    ids["reportId"] = [report.report_id]
    ids["reportDocumentId"] = [str(pay.reports.get(report.report_id).report_document_id)]
    schedule = pay.report_schedules.create(
        {"reportType": "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_", "scheduleFrequency": "P1D"}
    )
    ids["reportScheduleId"] = [schedule.report_schedule_id]
    ids["disputeId"] = [
        sandbox.file_chargeback(captured["chargeId"], {"amount": "2.00", "currencyCode": "USD"})["disputeId"]
    ]
    return ids


def test_schemathesis_finds_nothing(tmp_path: Path) -> None:
    sandbox = AmazonPaySandbox()
    key_id, pem = sandbox.create_key()
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(pem)
    spec_file = tmp_path / "fuzz-view.yaml"
    spec_file.write_text(yaml.safe_dump(fuzz_view(), sort_keys=False), encoding="utf-8")
    config_file = tmp_path / "schemathesis.toml"
    config_file.write_text(CONFIG, encoding="utf-8")
    with sandbox.serve(tls=True) as server:
        assert server.ca_file is not None
        tls = ssl.create_default_context(cafile=str(server.ca_file))
        with AmazonPay(
            public_key_id=key_id, private_key=pem, region="na", base_url=server.url + "/v2", verify=tls
        ) as pay:
            ids = seed(sandbox, pay)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "facade"), str(ROOT / "generated")]),
            "SCHEMATHESIS_HOOKS": "tests.support.fuzz_hooks",
            "FUZZ_KEY_FILE": str(key_file),
            "FUZZ_KEY_ID": key_id,
            "FUZZ_IDS": json.dumps(ids),
        }
        command = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config_file), "run", str(spec_file)]
        command += ["--url", server.url + "/v2", "--tls-verify", str(server.ca_file)]
        command += ["--checks", "all", "--mode", "all", "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED)]
        command += ["--generation-deterministic", "--workers", "1", "--no-color"]
        started = time.monotonic()
        run = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=900, check=False)
        elapsed = time.monotonic() - started
    output = run.stdout + run.stderr
    cases = re.search(r"(\d+) generated", output)
    print(f"schemathesis: {cases[1] if cases else '?'} cases in {elapsed:.0f} s, seed {SEED}, exit {run.returncode}")
    print(output[output.find("WARNINGS") :] if "WARNINGS" in output else output.split("SUMMARY")[-1])
    assert run.returncode == 0, output[-20000:]
    assert cases is not None, output[-5000:]
    assert int(cases[1]) >= 1000, output[-5000:]
    answered = Counter((request.operation_id or "-", request.status) for request in sandbox.requests)
    print("answers by operation and status:", dict(sorted(answered.items(), key=str)))
    # Nothing the simulator answered was a server error; every request was recorded.
    assert all(request.status is None or request.status < 500 for request in sandbox.requests)
    # Every operation of the spec reached its simulation (an answer other than 401, 404 or 405:
    # routed, authenticated and handled), so schemathesis checked answers of each.
    reached = {operation for operation, status in answered if status not in (None, 401, 404, 405)}
    assert reached == {operation_id for operation_id, *_ in operations()}, sorted(reached)
