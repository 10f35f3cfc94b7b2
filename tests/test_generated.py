"""The generated client: one module per operation, no facade-owned headers, models that read the docs."""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import re
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS31Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from amazonpay_api.models import Charge, CheckoutSession
from tests.support.spec import effective_spec, follow, operations_by_id, snake_case

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated" / "amazonpay_api"
DOCS = REPO.parent / "shared" / "reference" / "docs"

OPERATION_FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
SPEC_URI = "urn:amazonpay:effective-spec"

# The docs pages spell these three response fields in the singular, while the live API, the spec
# and the official SDKs use the plural; the examples are renamed before parsing.
DOCS_SINGULAR_TO_WIRE = {
    "webCheckoutDetail": "webCheckoutDetails",
    "paymentDetail": "paymentDetails",
    "statusDetail": "statusDetails",
}


@pytest.fixture(scope="module")
def effective() -> dict[str, Any]:
    return effective_spec()


def operation_modules() -> dict[str, str]:
    """Module name (snake case) -> dotted import path, for every generated operation module."""
    return {
        path.stem: "amazonpay_api." + ".".join(path.relative_to(GENERATED).with_suffix("").parts)
        for path in sorted((GENERATED / "api").rglob("*.py"))
        if path.name != "__init__.py"
    }


def docs_response_examples(page: str) -> list[dict[str, Any]]:
    """The JSON response bodies of a docs page, in page order, with field names as on the wire.

    A response body is the first `{` ... `}` block (both at column 0) after a "Returns HTTP" line.
    """
    lines = (DOCS / page).read_text(encoding="utf-8").splitlines()
    examples = []
    index = 0
    while index < len(lines):
        if not lines[index].startswith("Returns HTTP"):
            index += 1
            continue
        start = next(i for i in range(index, len(lines)) if lines[i].rstrip() == "{")
        end = next(i for i in range(start, len(lines)) if lines[i].rstrip() == "}")
        examples.append(_parse_docs_json("\n".join(lines[start : end + 1])))
        index = end + 1
    return examples


def _parse_docs_json(text: str) -> dict[str, Any]:
    # Strip `// comments` outside strings (the URLs in strings contain `//`), and the odd
    # non-breaking space the pages carry; strict=False lets control characters through.
    text = re.sub(r'("(?:\\.|[^"\\])*")|//[^\n]*', lambda m: m.group(1) or "", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    data = json.loads(text, strict=False)
    return {DOCS_SINGULAR_TO_WIRE.get(key, key): value for key, value in data.items()}


@functools.cache
def checkout_session_examples() -> dict[str, dict[str, Any]]:
    examples = docs_response_examples("checkout-session.txt")
    assert len(examples) == 3, "expected the Create, Get and Update Checkout Session responses"
    return dict(zip(("create", "get", "update"), examples, strict=True))


@functools.cache
def charge_examples() -> dict[str, dict[str, Any]]:
    examples = docs_response_examples("charge.txt")
    assert len(examples) == 4, "expected the Create, Get, Capture and Cancel Charge responses"
    return dict(zip(("create", "get", "capture", "cancel"), examples, strict=True))


def schema_errors(schema_name: str, instance: Any) -> list[str]:
    """Errors of instance against components.schemas[schema_name], `$ref`s resolved in the spec."""
    registry = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(effective_spec()))
    validator = OAS31Validator(
        {"$ref": f"{SPEC_URI}#/components/schemas/{schema_name}"},
        registry=registry,
        format_checker=OAS31Validator.FORMAT_CHECKER,
    )
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    ]


needs_docs = pytest.mark.skipif(not DOCS.is_dir(), reason=f"the shared docs are absent ({DOCS})")


# --- operation modules ------------------------------------------------------------------------


def test_one_module_per_operation_named_after_it(effective: dict[str, Any]) -> None:
    modules = operation_modules()
    operation_ids = operations_by_id()

    assert len(modules) == len(operation_ids)
    assert set(modules) == {snake_case(operation_id) for operation_id in operation_ids}


@pytest.mark.parametrize("module_name", sorted(operation_modules()))
def test_every_operation_module_is_sync_and_async(module_name: str) -> None:
    module = importlib.import_module(operation_modules()[module_name])

    for function in OPERATION_FUNCTIONS:
        assert callable(getattr(module, function, None)), f"{module_name} has no {function}()"
    assert inspect.iscoroutinefunction(module.asyncio)
    assert inspect.iscoroutinefunction(module.asyncio_detailed)


@pytest.mark.parametrize("operation_id", sorted(operations_by_id()))
def test_functions_take_no_facade_owned_header(effective: dict[str, Any], operation_id: str) -> None:
    # The transport sets x-amz-pay-date, -host, -region, -idempotency-key, -simulation-code and
    # -authtoken on every attempt; the generated functions take only the client, the body, the
    # path and the query.
    _, _, operation = operations_by_id()[operation_id]
    parameters = {snake_case(p["name"]) for p in map(follow, operation.get("parameters", [])) if p["in"] != "header"}
    expected = {"client"} | parameters | ({"body"} if "requestBody" in operation else set())
    module = importlib.import_module(operation_modules()[snake_case(operation_id)])

    for function in OPERATION_FUNCTIONS:
        assert set(inspect.signature(getattr(module, function)).parameters) == expected, function


@pytest.mark.parametrize("package", [GENERATED, REPO / "facade" / "amazonpay"], ids=lambda p: p.name)
def test_packages_are_typed(package: Path) -> None:
    assert (package / "py.typed").is_file()


# --- the docs' response examples --------------------------------------------------------------


@needs_docs
@pytest.mark.parametrize("example", ["create", "get", "update"])
def test_checkout_session_examples_parse_and_validate(example: str) -> None:
    data = checkout_session_examples()[example]

    session = CheckoutSession.from_dict(data)

    assert session.status_details.state == "Open"
    assert session.checkout_session_id == data["checkoutSessionId"]
    assert session.creation_timestamp == data["creationTimestamp"]
    assert session.additional_properties == {}, "the docs show fields the spec does not declare"
    assert session.to_dict() == data
    assert schema_errors("CheckoutSession", data) == []


@needs_docs
def test_checkout_session_example_values_come_through() -> None:
    created = CheckoutSession.from_dict(checkout_session_examples()["create"])
    fetched = CheckoutSession.from_dict(checkout_session_examples()["get"])
    updated = CheckoutSession.from_dict(checkout_session_examples()["update"])

    assert created.buyer is None
    assert created.web_checkout_details.amazon_pay_redirect_url is None
    assert [c.constraint_id for c in created.constraints] == [
        "BuyerNotAssociated",
        "ChargeAmountNotSet",
        "CheckoutResultReturnUrlNotSet",
        "PaymentIntentNotSet",
    ]
    assert fetched.buyer.buyer_id == "amzn1.account.AH34VHFHHYL4YMBuyerId"
    assert [c.constraint_id for c in fetched.constraints] == [
        "ChargeAmountNotSet",
        "CheckoutResultReturnUrlNotSet",
        "PaymentIntentNotSet",
    ]
    assert updated.web_checkout_details.amazon_pay_redirect_url == "https://pay.amazon.com/redirect/checkoutId-1"
    assert updated.constraints == []
    assert updated.payment_details.payment_intent == "Authorize"
    assert updated.payment_details.charge_amount.amount == "1"


@needs_docs
@pytest.mark.parametrize(
    ("example", "state"),
    [("create", "Captured"), ("get", "Captured"), ("capture", "Captured"), ("cancel", "Canceled")],
)
def test_charge_examples_parse_and_validate(example: str, state: str) -> None:
    data = charge_examples()[example]

    charge = Charge.from_dict(data)

    assert charge.status_details.state == state
    assert charge.charge_id == "P21-1111111-1111111-C111111"
    assert charge.charge_amount.amount == "14.00"
    assert charge.converted_amount == "14.00"
    assert charge.conversion_rate == "1.00"
    assert charge.additional_properties == {}, "the docs show fields the spec does not declare"
    assert charge.to_dict() == data
    assert schema_errors("Charge", data) == []


@needs_docs
def test_the_schema_check_catches_a_bad_example() -> None:
    # The validation above is only worth something if it can fail.
    data = {**charge_examples()["get"], "creationTimestamp": "2019-07-14T15:53:00Z"}

    pattern = effective_spec()["components"]["schemas"]["Timestamp"]["pattern"]
    assert schema_errors("Charge", data) == [f"creationTimestamp: '2019-07-14T15:53:00Z' does not match {pattern!r}"]


# --- forward compatibility --------------------------------------------------------------------


def test_unknown_fields_survive_a_round_trip() -> None:
    data = {
        "chargeId": "P21-1111111-1111111-C111111",
        "chargePermissionId": "P21-1111111-1111111",
        "statusDetails": {"state": "Authorized"},
        "someNewField": 1,
    }

    charge = Charge.from_dict(data)

    assert charge.charge_id == "P21-1111111-1111111-C111111"
    assert charge.additional_properties == {"someNewField": 1}
    assert charge.to_dict() == data
