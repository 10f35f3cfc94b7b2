"""An operation added to the received spec becomes a signed, routed, retried method; facade/ is untouched.

Runs in `nox -s drift` (marker ``generation``, without the suite's conftest): it needs the
pinned generation tools, which the test environment does not have. Generation runs in a
subprocess into a temporary root, and the new method is called in another subprocess whose
``amazonpay_api`` is the freshly generated one and whose ``amazonpay`` is this repository's
facade, unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.generation

ROOT = Path(__file__).resolve().parents[1]
FACADE = ROOT / "facade"
RECEIVED = "amazon-pay-api-openapi.yml"

# What a future spec could add, written as the received spec writes its operations: a new tag,
# a path id, a body, an inline response schema and an idempotency key; and an operation that
# answers without a body.
NEW_PATHS: dict[str, Any] = {}
NEW_PATHS["/widgets/{widgetId}/polish"] = {
    "post": {
        "operationId": "polishWidget",
        "summary": "Amazon Polish a Widget",
        "description": "Polishes the widget.",
        "tags": ["Widgets"],
        "parameters": [
            {"name": "widgetId", "in": "path", "required": True, "schema": {"type": "string"}},
            {"$ref": "#/components/parameters/PayDate"},
            {"$ref": "#/components/parameters/PayRegion"},
            {"$ref": "#/components/parameters/IdempotencyKey"},
        ],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "object", "required": ["shine"], "properties": {"shine": {"type": "string"}}}
                }
            },
        },
        "responses": {
            "200": {
                "description": "Success",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"widgetId": {"type": "string"}, "shine": {"type": "string"}},
                        }
                    }
                },
            }
        },
    }
}
NEW_PATHS["/widgets/{widgetId}"] = {
    "delete": {
        "operationId": "deleteWidget",
        "summary": "Amazon Delete a Widget",
        "tags": ["Widgets"],
        "parameters": [{"name": "widgetId", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "Deleted"}},
    }
}

# Runs with the generated package first on sys.path: a 503 (Retry-After: 0), then the answer;
# every attempt is verified with the public key by the independent canonicaliser.
PROBE = """
import asyncio, json, sys
import httpx
from cryptography.hazmat.primitives.asymmetric import rsa
import amazonpay, amazonpay_api
from amazonpay import AmazonPay, AsyncAmazonPay
from tests.support.independent_signing import verify_request

key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
seen = []

def answer(request):
    verified = verify_request(key.public_key(), request.method, str(request.url), request.headers, request.content)
    seen.append({
        "method": request.method, "url": str(request.url), "body": json.loads(request.content or b"null"),
        "key": request.headers.get("x-amz-pay-idempotency-key"), "signed": verified.signed,
    })
    if request.method == "DELETE":
        return httpx.Response(204)
    if sum(attempt["method"] == "POST" for attempt in seen) % 2:
        return httpx.Response(503, headers={"retry-after": "0"},
                              json={"reasonCode": "ServiceUnavailable", "message": "try again"})
    return httpx.Response(200, json={"widgetId": "W-1", "shine": "high"})

sync = AmazonPay(public_key_id="SANDBOX-AEWIDGET", private_key=key, region="eu",
                 transport=httpx.MockTransport(answer))
result = sync.widgets.polish("W-1", {"shine": "high"}, idempotency_key="polish-1")
deleted = sync.widgets.delete("W-1")

async def call_async():
    async with AsyncAmazonPay(public_key_id="SANDBOX-AEWIDGET", private_key=key, region="eu",
                              transport=httpx.MockTransport(answer)) as pay:
        return await pay.widgets.polish("W-1", {"shine": "high"})

async_result = asyncio.run(call_async())
print(json.dumps({
    "generated_from": amazonpay_api.__file__,
    "facade_from": amazonpay.__file__,
    "result": [type(result).__name__, result.to_dict()],
    "async_result": [type(async_result).__name__, async_result.to_dict()],
    "deleted": repr(deleted),
    "attempts": seen,
}))
"""


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_an_operation_added_to_the_received_spec_is_a_signed_routed_retried_method(tmp_path: Path) -> None:
    openapi = tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    received = yaml.safe_load((openapi / RECEIVED).read_text(encoding="utf-8"))
    received["paths"].update(NEW_PATHS)
    received["tags"].append({"name": "Widgets", "description": "Widgets to polish"})
    (openapi / RECEIVED).write_text(yaml.safe_dump(received, sort_keys=False), encoding="utf-8")
    facade_before = _tree_digest(FACADE)
    out = tmp_path / "out"

    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    generation = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--root", str(out), "--openapi", str(openapi)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )

    assert generation.returncode == 0, generation.stderr
    assert "34 operations generated" in generation.stdout
    assert _tree_digest(FACADE) == facade_before
    assert not (out / "facade").exists()
    generated = out / "generated"
    resource = (generated / "amazonpay_api" / "resources" / "widgets.py").read_text(encoding="utf-8")
    assert "def polish(" in resource
    assert "**options: Unpack[MoneyCallOptions]" in resource
    assert "def delete(" in resource

    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**environment, "PYTHONPATH": str(generated)},
        check=False,
    )

    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout)
    assert Path(report["generated_from"]).is_relative_to(generated)
    assert Path(report["facade_from"]).is_relative_to(FACADE)
    assert report["result"] == ["PolishWidgetResponse200", {"widgetId": "W-1", "shine": "high"}]
    assert report["async_result"] == report["result"]
    assert report["deleted"] == "None"
    deletion = report["attempts"].pop(2)
    assert (deletion["method"], deletion["url"]) == ("DELETE", "https://pay-api.amazon.eu/v2/widgets/W-1")
    assert "x-amz-pay-date" in deletion["signed"]
    attempts = report["attempts"]
    assert len(attempts) == 4  # polish, sync and async: a 503, then the retry that succeeds
    for attempt in attempts:
        assert attempt["method"] == "POST"
        assert attempt["url"] == "https://pay-api.amazon.eu/v2/widgets/W-1/polish"
        assert attempt["body"] == {"shine": "high"}
        assert {"x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region", "x-amz-pay-idempotency-key"} <= set(
            attempt["signed"]
        )
    assert [attempt["key"] for attempt in attempts[:2]] == ["polish-1", "polish-1"]
    assert attempts[2]["key"] == attempts[3]["key"] != "polish-1"  # one generated key per call


# --- the spec's extensions for waiting and notifications, checked at generation -----------------


@pytest.fixture(scope="module")
def generation_scripts() -> Any:
    """scripts/generate.py and scripts/resource_layer.py (they need the generation tools)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import generate
        import overlay
        import resource_layer
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return generate, resource_layer, overlay.effective_spec(ROOT / "openapi")


def test_the_registry_carries_the_final_states_and_the_notification_objects(generation_scripts: Any) -> None:
    generate, _, spec = generation_scripts
    registry = {facts["operationId"]: facts for facts in generate.operation_registry(spec)}
    assert registry["getRefund"]["wait"] == {
        "stateField": ["statusDetails", "state"],
        "finalStates": ["Refunded", "Declined"],
    }
    assert "AuthorizationInitiated" not in registry["getCharge"]["wait"]["finalStates"]
    assert {facts["notificationObject"] for facts in registry.values()} == {
        None,
        "CHARGE",
        "REFUND",
        "CHARGE_PERMISSION",
        "CHARGEBACK",
    }
    assert registry["getReportById"]["wait"] == {
        "stateField": ["processingStatus"],
        "finalStates": ["COMPLETED", "FAILED", "CANCELLED"],
    }
    waiting = {"getRefund", "getCharge", "getReportById"}
    assert all(facts["wait"] is None for name, facts in registry.items() if name not in waiting)


STATE = ["statusDetails", "state"]
BAD_WAITS: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "not a GET": ("/refunds", "post", {"stateField": STATE, "finalStates": ["Refunded"]}, "not the GET of one object"),
    "no such field": (
        "/refunds/{refundId}",
        "get",
        {"stateField": ["status", "state"], "finalStates": ["Refunded"]},
        "not a property path",
    ),
    "not a string": (
        "/refunds/{refundId}",
        "get",
        {"stateField": ["statusDetails"], "finalStates": ["Refunded"]},
        "is not a string",
    ),
    "empty path": ("/refunds/{refundId}", "get", {"stateField": [], "finalStates": ["Refunded"]}, "property path"),
    "no states": ("/refunds/{refundId}", "get", {"stateField": STATE, "finalStates": []}, "non-empty list"),
    "a state twice": (
        "/refunds/{refundId}",
        "get",
        {"stateField": STATE, "finalStates": ["Refunded", "Refunded"]},
        "a state twice",
    ),
    "an unknown key": (
        "/refunds/{refundId}",
        "get",
        {"stateField": STATE, "finalStates": ["Refunded"], "interval": 5},
        "exactly stateField and finalStates",
    ),
}


@pytest.mark.parametrize("case", BAD_WAITS)
def test_a_wait_the_spec_cannot_support_fails_generation(generation_scripts: Any, case: str) -> None:
    _, resource_layer, spec = generation_scripts
    path, method, declared, complaint = BAD_WAITS[case]
    operation = dict(spec["paths"][path][method], **{"x-amazonpay-wait": declared})
    with pytest.raises(resource_layer.ResourceLayerError, match=f"x-amazonpay-wait.*{complaint}"):
        resource_layer.wait_rule(spec, path, method, operation)


def test_a_notification_object_is_got_by_one_get(generation_scripts: Any) -> None:
    generate, _, spec = generation_scripts
    get_charge = spec["paths"]["/charges/{chargeId}"]["get"]
    with pytest.raises(generate.GenerationError, match="getCharge already gets the CHARGE objects"):
        generate.notification_object("/charges/{chargeId}", "get", get_charge, {"CHARGE": "getCharge"})
    create = dict(spec["paths"]["/charges"]["post"], **{"x-amazonpay-notification-object": "CHARGE"})
    with pytest.raises(generate.GenerationError, match="not the GET of one object"):
        generate.notification_object("/charges", "post", create, {})


def test_a_name_clash_points_at_the_overlay_not_at_the_received_spec(generation_scripts: Any) -> None:
    """The received spec is byte-identical to Amazon's: the way out of a clash is x-amazonpay-method."""
    _, resource_layer, spec = generation_scripts
    clashing = json.loads(json.dumps(spec))
    get_document = clashing["paths"]["/report-documents/{reportDocumentId}"]["get"]
    del get_document[resource_layer.METHOD_NAME]  # getReportDocument is pay.reports.get then, as getReportById
    with pytest.raises(resource_layer.ResourceLayerError) as raised:
        resource_layer.names(clashing)
    message = str(raised.value)
    assert "would both be pay.reports.get" in message
    assert "x-amazonpay-method" in message
    assert "extensions.overlay.yml" in message
    assert "another operationId" not in message


BAD_RECONCILES: dict[str, tuple[dict[str, Any], str]] = {
    "a reason field without reasons": ({"stateReasonField": ["statusDetails", "reasonCode"]}, "go together"),
    "reasons without their field": ({"stateReasons": ["MerchantClosed"]}, "go together"),
    "an unverifiable field the body lacks": (
        {"unverifiable": {"cancelAllCharges": True}},
        "cancelAllCharges, which the request body does not have",
    ),
}


@pytest.mark.parametrize("case", BAD_RECONCILES)
def test_a_reconcile_rule_the_spec_cannot_support_fails_generation(generation_scripts: Any, case: str) -> None:
    generate, _, spec = generation_scripts
    path = "/chargePermissions/{chargePermissionId}/close"
    close = spec["paths"][path]["delete"]
    extra, complaint = BAD_RECONCILES[case]
    operation = dict(close, **{"x-amazonpay-reconcile": {**close["x-amazonpay-reconcile"], **extra}})
    with pytest.raises(generate.GenerationError, match=f"x-amazonpay-reconcile of DELETE {path}: .*{complaint}"):
        generate._reconcile(spec, "delete", path, operation)
    assert generate._reconcile(spec, "delete", path, close)["unverifiable"] == {"cancelPendingCharges": True}
