"""The effective spec is the received spec plus the overlays, and says what the docs say."""

from __future__ import annotations

import importlib.util
import re
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from tests.support.spec import effective_spec, follow, operations_by_id

REPO = Path(__file__).resolve().parent.parent
RECEIVED = REPO / "openapi" / "amazon-pay-api-openapi.yml"
SHARED_RECEIVED = REPO.parent / "shared" / "reference" / "amazon-pay-api-openapi.yml"
OPENAPI = REPO / "openapi"
OVERLAY_SCRIPT = REPO / "scripts" / "overlay.py"
EXTENSIONS = OPENAPI / "extensions.overlay.yml"
# What extensions.overlay.yml adds: the checkout and charge operations the received spec lacks
# (issue 11) and the back office (issue 12).
EXTENDED_OPERATIONS = {
    "finalizeCheckoutSession",
    "getBuyer",
    "updateCharge",
    "createDeliveryTracker",
    "getAuthorizationToken",
    "getReports",
    "getReportById",
    "getReportDocument",
    "getReportSchedules",
    "getReportScheduleById",
    "createReport",
    "createReportSchedule",
    "cancelReportSchedule",
    "getDisbursements",
    "createDispute",
    "getDispute",
    "updateDispute",
    "contestDispute",
    "uploadFile",
}

CREATE_OPERATIONS = ("createCheckoutSession", "createCharge", "createRefund")
GENERIC_ERRORS = ("400", "401", "404", "429", "500", "503")
STATE_CHANGING_METHODS = ("post", "patch", "delete")
BASIC_TIMESTAMP_EXAMPLE = "20190805T051457Z"
FACADE_OWNED = "x-amazonpay-facade-owned"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def effective() -> dict[str, Any]:
    return effective_spec()


def parameter_refs(operation: dict[str, Any]) -> set[str]:
    return {p["$ref"].rsplit("/", 1)[-1] for p in operation.get("parameters", []) if "$ref" in p}


def json_schema(response: dict[str, Any]) -> dict[str, Any]:
    """The application/json schema of a response (itself possibly a reference), unresolved."""
    return follow(response)["content"]["application/json"]["schema"]


def walk(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (json-pointer-ish path, dict) pair under node."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def schema_property(schema_name: str, prop: str) -> dict[str, Any]:
    properties = effective_spec()["components"]["schemas"][schema_name]["properties"]
    assert prop in properties, f"{schema_name}.{prop} is missing"
    return follow(properties[prop])


# --- the received spec, the overlay and the effective spec ------------------------------------


def test_received_spec_is_byte_identical_to_the_shared_reference() -> None:
    if not SHARED_RECEIVED.exists():
        pytest.skip(f"the shared reference copy is absent ({SHARED_RECEIVED}); nothing to compare with")
    assert RECEIVED.read_bytes() == SHARED_RECEIVED.read_bytes(), (
        f"{RECEIVED.relative_to(REPO)} differs from {SHARED_RECEIVED}: the received spec is never edited; "
        "put corrections in corrections.overlay.yml"
    )


def test_effective_spec_validates_as_openapi_3_1(effective: dict[str, Any]) -> None:
    assert str(effective["openapi"]).startswith("3.1.")
    validate(effective)  # raises with the offending location


def _overlay_script() -> Any:
    module_spec = importlib.util.spec_from_file_location("amazonpay_overlay_script", OVERLAY_SCRIPT)
    assert module_spec is not None
    assert module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_spec.name] = module
    module_spec.loader.exec_module(module)
    return module


OVERLAYS = _overlay_script().OVERLAYS


def test_effective_spec_is_the_overlays_applied_to_the_received_spec(effective: dict[str, Any]) -> None:
    assert OVERLAYS == ("corrections.overlay.yml", "extensions.overlay.yml")

    applied = _overlay_script().effective_spec(OPENAPI)

    assert applied == effective, "the committed effective spec is not what the overlays give: run `nox -s generate`"


@pytest.mark.parametrize("name", OVERLAYS)
def test_every_overlay_action_says_why(name: str) -> None:
    actions = load_yaml(OPENAPI / name)["actions"]
    assert actions
    undescribed = [
        (number, action.get("target"))
        for number, action in enumerate(actions, start=1)
        if not isinstance(action.get("description"), str) or not action["description"].strip()
    ]
    assert not undescribed, f"overlay actions without a description: {undescribed}"


def test_an_action_that_selects_nothing_fails() -> None:
    script = _overlay_script()
    overlay = {"overlay": "1.0.0", "actions": [{"target": "$.paths['/nowhere']", "description": "x", "remove": True}]}
    with pytest.raises(script.OverlayError, match=r"test.overlay.yml action 1 selects nothing: \$.paths\['/nowhere'\]"):
        script.apply_overlay(load_yaml(RECEIVED), overlay, "test.overlay.yml")


# --- the headers the library owns -----------------------------------------------------------------


def test_pay_date_is_the_iso_8601_basic_form(effective: dict[str, Any]) -> None:
    schema = effective["components"]["parameters"]["PayDate"]["schema"]

    assert schema["type"] == "string"
    assert "format" not in schema, "format: date-time (RFC 3339) rejects the basic form the service wants"
    pattern = schema["pattern"]
    assert re.search(pattern, BASIC_TIMESTAMP_EXAMPLE)
    assert not re.search(pattern, "2019-08-05T05:14:57Z")


def test_region_header_values_are_na_eu_jp(effective: dict[str, Any]) -> None:
    schema = effective["components"]["parameters"]["PayRegion"]["schema"]

    assert sorted(schema["enum"]) == ["eu", "jp", "na"]


def test_idempotency_key_fits_a_uuid4_hex_and_nothing_longer_or_stranger(effective: dict[str, Any]) -> None:
    schema = effective["components"]["parameters"]["IdempotencyKey"]["schema"]

    assert schema["maxLength"] == 32
    pattern = schema["pattern"]
    assert re.search(pattern, uuid.uuid4().hex)
    assert not re.search(pattern, "a" * 33)
    assert not re.search(pattern, "abc def")
    assert not re.search(pattern, "abc/def")


def test_every_header_parameter_is_facade_owned(effective: dict[str, Any]) -> None:
    headers = {name: p for name, p in effective["components"]["parameters"].items() if p["in"] == "header"}

    assert {"PayDate", "PayRegion", "PayHost", "IdempotencyKey"} <= headers.keys()
    assert any(p["name"] == "x-amz-pay-simulation-code" for p in headers.values())
    not_owned = [name for name, p in headers.items() if p.get(FACADE_OWNED) is not True]
    assert not not_owned, f"header parameters without {FACADE_OWNED}: true: {not_owned}"


def test_every_operation_declares_the_signed_headers(effective: dict[str, Any]) -> None:
    required = {"PayDate", "PayRegion", "PayHost"}
    missing = {
        operation_id: sorted(required - parameter_refs(operation))
        for operation_id, (_, _, operation) in operations_by_id().items()
        if not required <= parameter_refs(operation)
    }
    assert not missing, f"operations missing header parameters: {missing}"


def test_simulation_codes_are_listed_per_operation(effective: dict[str, Any]) -> None:
    # An operation declares the sandbox simulation header only with the codes it accepts.
    declared = {}
    for operation_id, (_, _, operation) in operations_by_id().items():
        for ref in parameter_refs(operation):
            parameter = effective["components"]["parameters"][ref]
            if parameter["name"] == "x-amz-pay-simulation-code":
                declared[operation_id] = parameter
    assert declared, "no operation declares x-amz-pay-simulation-code"
    for operation_id, parameter in declared.items():
        assert parameter["required"] is False, operation_id
        assert parameter["schema"]["enum"], f"{operation_id} declares the simulation header without codes"


def test_only_posts_declare_an_idempotency_key(effective: dict[str, Any]) -> None:
    # The facade sends a key on every POST and refuses one on anything else; the spec must agree.
    # Required where the received spec requires it; optional on finalize (see its description).
    declared = {}
    for operation_id, (_, method, operation) in operations_by_id().items():
        for ref in parameter_refs(operation):
            parameter = effective["components"]["parameters"][ref]
            if parameter["name"] == "x-amz-pay-idempotency-key":
                assert method == "post", operation_id
                declared[operation_id] = parameter["required"]

    assert declared == {
        "createCheckoutSession": True,
        "completeCheckoutSession": True,
        "createCharge": True,
        "captureCharge": True,
        "createRefund": True,
        "finalizeCheckoutSession": False,
        "createReport": False,
        "createReportSchedule": False,
        "createDispute": True,
        "contestDispute": False,
        "uploadFile": True,
    }


def test_every_operation_declares_the_delegated_access_header(effective: dict[str, Any]) -> None:
    parameter = effective["components"]["parameters"]["AuthToken"]
    assert parameter["name"] == "x-amz-pay-authtoken"
    assert parameter["required"] is False
    assert parameter[FACADE_OWNED] is True
    missing = [op_id for op_id, (_, _, op) in operations_by_id().items() if "AuthToken" not in parameter_refs(op)]
    assert not missing


# --- servers ----------------------------------------------------------------------------------


def test_servers_are_every_region_and_environment(effective: dict[str, Any]) -> None:
    hosts = ("pay-api.amazon.com", "pay-api.amazon.eu", "pay-api.amazon.jp")
    expected = {f"https://{host}{prefix}/v2" for host in hosts for prefix in ("/live", "/sandbox", "")}
    urls = [server["url"] for server in effective["servers"]]

    assert len(urls) == 9
    assert set(urls) == expected


# --- responses --------------------------------------------------------------------------------


def test_the_operations_are_the_received_ones_and_the_extensions(effective: dict[str, Any]) -> None:
    received = {op["operationId"] for item in load_yaml(RECEIVED)["paths"].values() for op in item.values()}

    assert len(received) == 13
    assert set(operations_by_id()) == received | EXTENDED_OPERATIONS
    assert len(operations_by_id()) == 32


@pytest.mark.parametrize("operation_id", sorted(EXTENDED_OPERATIONS))
def test_an_added_operation_names_its_sources(operation_id: str) -> None:
    _, _, operation = operations_by_id()[operation_id]
    description = " ".join(operation["description"].split())

    assert "Sources: " in description
    assert "developer.amazon.com/docs/" in description or "No Amazon Pay docs page describes it" in description
    assert re.search(r"(Node|PHP|Java|\.NET) `[^`]+\.(js|php|java|cs)[:`]", description), "no SDK file is cited"


@pytest.mark.parametrize("operation_id", CREATE_OPERATIONS)
def test_create_operations_answer_200_and_201_with_the_same_body(effective: dict[str, Any], operation_id: str) -> None:
    responses = operations_by_id()[operation_id][2]["responses"]

    assert {"200", "201"} <= responses.keys()
    created = json_schema(responses["201"])
    assert "$ref" in created
    assert json_schema(responses["200"]) == created


def test_every_operation_has_typed_error_responses(effective: dict[str, Any]) -> None:
    error_response = effective["components"]["schemas"]["ErrorResponse"]
    assert set(error_response["properties"]) == {"reasonCode", "message"}
    assert set(error_response["required"]) == {"reasonCode", "message"}

    checked = 0
    for operation_id, (_, method, operation) in operations_by_id().items():
        statuses = GENERIC_ERRORS + (("422",) if method in STATE_CHANGING_METHODS else ())
        for status in statuses:
            assert status in operation["responses"], f"{operation_id} has no {status} response"
            body = follow(json_schema(operation["responses"][status]))
            assert body is error_response, f"{operation_id} {status} is not an ErrorResponse"
            checked += 1
    changing = [op_id for op_id, (_, method, _) in operations_by_id().items() if method in STATE_CHANGING_METHODS]
    assert checked == len(operations_by_id()) * len(GENERIC_ERRORS) + len(changing)


# --- documented fields ------------------------------------------------------------------------


def test_checkout_session_has_the_documented_fields() -> None:
    web_checkout_details = effective_spec()["components"]["schemas"]["CheckoutSession"]["properties"][
        "webCheckoutDetails"
    ]
    # null in the answer to a Saved Wallet setup's Complete Checkout Session (issue 18)
    assert web_checkout_details == {"anyOf": [{"$ref": "#/components/schemas/WebCheckoutDetails"}, {"type": "null"}]}
    assert "amazonPayRedirectUrl" in follow(web_checkout_details["anyOf"][0])["properties"]

    constraints = schema_property("CheckoutSession", "constraints")
    assert constraints["type"] == "array"
    assert "constraintId" in follow(constraints["items"])["properties"]

    for field in ("chargePermissionId", "chargeId"):
        assert "string" in schema_property("CheckoutSession", field)["type"]


@pytest.mark.parametrize(
    "schema_name",
    ["CheckoutSessionStatusDetails", "ChargeStatusDetails", "RefundStatusDetails", "ChargePermissionStatusDetails"],
)
def test_status_details_have_the_last_updated_timestamp(schema_name: str) -> None:
    timestamp = schema_property(schema_name, "lastUpdatedTimestamp")

    assert re.search(timestamp["pattern"], BASIC_TIMESTAMP_EXAMPLE)


@pytest.mark.parametrize("schema_name", ["CheckoutSession", "Charge", "ChargePermission"])
def test_objects_report_their_release_environment(schema_name: str) -> None:
    release_environment = schema_property(schema_name, "releaseEnvironment")

    assert set(release_environment["enum"]) == {"Sandbox", "Live"}


def test_cancel_charge_requires_a_cancellation_reason(effective: dict[str, Any]) -> None:
    operation = operations_by_id()["cancelCharge"][2]
    body = follow(operation["requestBody"]["content"]["application/json"]["schema"])

    assert "cancellationReason" in body["properties"]
    assert "cancellationReason" in body.get("required", [])


# --- timestamps -------------------------------------------------------------------------------


def test_no_schema_property_is_still_an_rfc_3339_date_time(effective: dict[str, Any]) -> None:
    timestamps = {
        f"{path}/properties/{name}": follow(option)
        for path, node in walk(effective["components"]["schemas"], "#/components/schemas")
        for name, prop in (node.get("properties") or {}).items()
        if isinstance(prop, dict) and name.endswith("Timestamp")
        # a nullable timestamp (anyOf the Timestamp and null) is checked through its string option
        for option in prop.get("anyOf", [prop])
        if follow(option).get("type") != "null"
    }
    # creation and expiration of CheckoutSession, Charge and ChargePermission, Refund creation, lastUpdated
    assert len(timestamps) >= 8

    still_date_time = [path for path, node in walk(effective) if node.get("format") == "date-time"]
    assert not still_date_time, f"format: date-time left at {still_date_time}"
    not_basic = [
        path for path, prop in timestamps.items() if not re.search(prop.get("pattern", "(?!)"), BASIC_TIMESTAMP_EXAMPLE)
    ]
    assert not not_basic, f"timestamps without the basic-form pattern: {not_basic}"
