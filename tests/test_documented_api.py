"""Everything Amazon documents is sendable and readable (issue 18): the documented-API corpus.

``tests/corpus/*.json`` holds the request bodies and answers of Amazon's pages, the official SDK
READMEs and the official SDKs' tests, each with its source (format: one object per file, its
``examples`` each a request or a response of one operation). This module

- counts the documented request fields (a field is a path per operation, such as
  ``createCheckoutSession webCheckoutDetails.checkoutMode``; the keys of a map such as
  ``deliverySpecifications.addressRestrictions.restrictions`` are data, written ``*``) and
  proves each one sendable: the effective spec declares it, the body's generated model keeps it
  (``as_model``), the pre-send check and the simulator's body check accept the body, and the
  resource method sends it to the simulator;
- parses every answer into the generated model of its operation: every field lands as a typed
  attribute (none in ``additional_properties``), the model gives the same JSON back, and the
  body is valid against the effective spec's schema (so a null Amazon shows is declared);
- keeps a name nobody documents refused before sending, naming it.

What the sources disagree on is decided once, below, each with its reason: values written in
another type than the API reference gives (``VALUE_REFUSALS``), names one source uses for what
the others name otherwise (``REFUSED_NAMES``), an answer the page shows for the wrong call
(``RESOLVED_ANSWERS``), and the v1 pages' singular names (``V1_NAMES``).

Ids: an example's ids are Amazon's placeholders, which the simulator does not know. Before a
request is sent, the ids it needs are replaced by real ones that the same client creates in the
simulator first (``_Objects``): path ids (``checkoutSessionId``, ``chargePermissionId``,
``chargeId``, ...) and the ids a body points at (Create Charge's ``chargePermissionId``, Create
Refund's ``chargeId``, ...). Nothing else of a body is changed but the values of
``VALUE_REFUSALS``. The objects are set up as the documented flow of the body would have them
(``_Objects._session_for``: a Recurring session for recurringMetadata, a setup-only Saved
Wallet for Complete's ``{}``, a shared billing address for a Finalize that sends one, ...), so
that each body is sent where it is valid; the few the simulator refuses anyway break a rule
Amazon documents, each listed with it in ``JUSTIFIED_REFUSALS``, and any other refusal fails.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft202012Validator

import amazonpay_api.models
from amazonpay import AmazonPay, APIStatusError, ConfigurationError
from amazonpay._calls import as_model
from amazonpay._registry import operation_registry, request_schemas
from amazonpay._validation import problems
from amazonpay.pytest_plugin import client_options
from amazonpay.testing import AmazonPaySandbox
from amazonpay.testing._body import check as simulator_check
from amazonpay_api.types import Model
from tests.support.spec import follow, operations_by_id, resolve, snake_case

if TYPE_CHECKING:
    from tests.conftest import Recorder

CORPUS = Path(__file__).resolve().parent / "corpus"
EXAMPLE_KEYS = {"name", "operation", "kind", "status", "source", "section", "path", "query", "body", "edits", "notes"}
NOT_IN_SPEC = "operation not in the effective spec"
STORE_ID = "amzn1.application-oa2-client.0123456789abcdef"


def _epoch_to_timestamp(value: Any) -> Any:
    seconds = value / 1000 if value > 10**11 else value  # Node sends milliseconds, Java and PHP seconds
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y%m%dT%H%M%SZ")


#: Values the corpus shows that this client refuses on purpose, by the pre-send check's problem:
#: (why, the value in the documented type). The field is sendable (the spec declares it, the
#: model keeps it); the example writes its value in another type than the API reference gives,
#: and the client sends only the documented type. Such an example is sent with the value turned
#: into the documented type.
VALUE_REFUSALS: dict[str, tuple[str, Callable[[Any, dict[str, Any]], Any]]] = {
    r"\.amount must be string, not -?[0-9]+(\.[0-9]+)?$": (
        "an amount as a JSON number: the .NET SDK (DecimalJsonConverter) and the Node README write "
        'amounts so; the API reference types them string ("14.00"), and this client sends amounts only '
        "as exact decimal strings (pass a str or a Decimal)",
        lambda value, schema: str(value),
    ),
    r' must be boolean, not "(true|false)"$': (
        'a boolean as the string "false": the mobile app finalize page and the Java README write it so; '
        "the API reference types it boolean, and this client sends JSON booleans",
        lambda value, schema: value == "true",
    ),
    r"(Timestamp|Deadline) must be string, not [0-9]+$": (
        "a dispute timestamp as an epoch number: the Node README and tests send milliseconds, the Java "
        "and PHP READMEs seconds, so the SDKs contradict each other; the spec (dispute.html) gives the "
        "ISO 8601 basic form (20250101T000000Z), which this client sends",
        lambda value, schema: _epoch_to_timestamp(value),
    ),
    r"\.softDescriptor has [0-9]+ characters; at most 16 are allowed$": (
        "a soft descriptor longer than the 16 characters the API reference allows (the .NET and Java "
        "READMEs' sample text); the service refuses it, so this client does before sending",
        lambda value, schema: value[: schema["maxLength"]],
    ),
}

#: Request names one source uses where Amazon's other sources use another: refused, with why.
REFUSED_NAMES: dict[tuple[str, str], str] = {
    ("createDispute", "creationTimestamp"): (
        "the PHP README's Create Dispute sends the filing time as creationTimestamp; the Node and Java "
        "READMEs and the Node SDK's sandbox test send filingTimestamp, and creationTimestamp is the "
        "Dispute object's own record time, set by Amazon"
    ),
}

#: Answers a page shows for another call than the one it documents: the model they parse into, and why.
RESOLVED_ANSWERS: dict[str, tuple[str, str]] = {
    "reports:get-report-schedule-by-id-response": (
        "GetReportSchedulesResponse",
        "managing-report-schedules.html shows the list answer ({reportSchedules: [...]}) under Get Report "
        "Schedule By Id; the Node SDK's sandbox test asserts the by-id answer is the bare schedule "
        "(tst/webStoreClientTest.js) and .NET reads a ReportSchedule, so the spec keeps ReportSchedule",
    ),
}

#: The names of the v1 pages of the checkout guide (amazon-pay-checkout/v1-*.html, the API's first
#: version), which the current pages, every official SDK and the service write in the plural.
V1_NAMES = frozenset({"webCheckoutDetail", "paymentDetail", "statusDetail"})


@dataclass(frozen=True)
class Example:
    """One example of the corpus."""

    file: str
    name: str
    operation: str
    kind: str
    source: str
    body: Any
    status: int | None = None
    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    edits: str = ""
    notes: str = ""

    @property
    def id(self) -> str:
        return f"{self.file}:{self.name}"

    @property
    def is_v1(self) -> bool:
        """Written in the API's first version: it uses the v1 pages' singular names (anywhere)."""
        return bool(V1_NAMES & set(re.findall(r'"(\w+)":', json.dumps(self.body))))

    @property
    def is_partial(self) -> bool:
        """A body the page cuts short, or a fragment of an answer: some required fields are absent."""
        return "truncated" in self.edits or self.notes.startswith("A fragment")


@functools.cache
def corpus_files() -> dict[str, dict[str, Any]]:
    """Every corpus file by name, parsed."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.json"))}


@functools.cache
def corpus() -> tuple[Example, ...]:
    return tuple(
        Example(
            file=stem,
            name=raw["name"],
            operation=raw["operation"],
            kind=raw["kind"],
            source=raw["source"],
            body=raw.get("body"),
            status=raw.get("status"),
            path=raw.get("path", {}),
            query=raw.get("query", {}),
            edits=raw.get("edits", ""),
            notes=raw.get("notes", ""),
        )
        for stem, document in corpus_files().items()
        for raw in document["examples"]
    )


@functools.cache
def registry() -> dict[str, dict[str, Any]]:
    return {entry["operationId"]: entry for entry in operation_registry()}


def modeled(kind: str) -> list[Example]:
    """The current API's examples of ``kind`` whose operation the effective spec has."""
    return [e for e in corpus() if e.kind == kind and e.operation in registry() and not e.is_v1]


REQUESTS = [example for example in modeled("request") if example.body is not None]
RESPONSES = [example for example in modeled("response") if not example.is_partial]
PARTIAL_RESPONSES = [example for example in modeled("response") if example.is_partial]
V1_REQUESTS = [e for e in corpus() if e.kind == "request" and e.is_v1]


def ids(examples: list[Example]) -> list[str]:
    return [example.id for example in examples]


# --- the corpus itself ---------------------------------------------------------------------------
def test_the_corpus_files_have_the_shared_form() -> None:
    assert corpus_files(), f"no corpus under {CORPUS}"
    for stem, document in corpus_files().items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", stem), f"{stem}.json: lower-case with dashes"
        assert list(document)[:3] == ["title", "pages", "examples"], f"{stem}.json: keys title, pages, examples"
        names = [raw["name"] for raw in document["examples"]]
        assert len(names) == len(set(names)), f"{stem}.json: example names repeat"
        for raw in document["examples"]:
            where = f"{stem}.json {raw.get('name')}"
            assert set(raw) <= EXAMPLE_KEYS, f"{where}: unknown keys {set(raw) - EXAMPLE_KEYS}"
            assert {"name", "operation", "kind", "source", "section"} <= set(raw), f"{where}: a key is missing"
            assert raw["kind"] in ("request", "response"), where
            assert raw["kind"] == "request" or isinstance(raw.get("status"), int), f"{where}: a response has a status"
            assert raw["source"].startswith("https://"), f"{where}: the source is the page's URL"
            if raw["operation"] not in registry():
                assert NOT_IN_SPEC in raw.get("edits", ""), f"{where}: {raw['operation']} is not in the spec"


def test_the_decisions_name_examples_of_the_corpus() -> None:
    # A decision whose example is gone (renamed, dropped) must go too.
    assert set(RESOLVED_ANSWERS) <= set(ids(list(corpus())))
    assert set(JUSTIFIED_REFUSALS) <= set(ids(REQUESTS))
    fields = request_fields()
    assert set(REFUSED_NAMES) <= set(fields)


# --- request fields: documented and sendable ------------------------------------------------------
def field_paths(value: Any, schema: dict[str, Any], where: str = "") -> Iterator[tuple[str, bool]]:
    """``(path, declared)`` of every field of the JSON ``value`` under the inlined request ``schema``."""
    if "anyOf" in schema:  # a nullable object: its object option
        schema = next((option for option in schema["anyOf"] if "properties" in option), {})
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                path = f"{where}.{name}" if where else name
                yield path, True
                yield from field_paths(item, properties[name], path)
            elif isinstance(extra, dict):  # a map: its keys are data (country codes), not field names
                yield from field_paths(item, extra, f"{where}.*")
            else:
                path = f"{where}.{name}" if where else name
                yield path, False
                yield from field_paths(item, {}, path)
    elif isinstance(value, list):
        for item in value:
            yield from field_paths(item, schema.get("items", {}), f"{where}[]")


def request_fields() -> dict[tuple[str, str], bool]:
    """Every documented request field, ``(operationId, path)``, and whether the spec declares it."""
    fields: dict[tuple[str, str], bool] = {}
    for example in REQUESTS:
        for path, declared in field_paths(example.body, request_schema(example.operation)):
            fields[(example.operation, path)] = fields.get((example.operation, path), True) and declared
    return fields


def request_schema(operation_id: str) -> dict[str, Any]:
    return request_schemas().get(operation_id, {})


def request_model(operation_id: str) -> type[Any]:
    """The generated request model of the operation (its generated function's ``body``)."""
    entry = registry()[operation_id]
    module = importlib.import_module(f"amazonpay_api.api.{entry['resource']}.{snake_case(operation_id)}")
    model: type[Any] = inspect.signature(module.sync_detailed).parameters["body"].annotation
    return model


def refused_names(example: Example) -> list[str]:
    """The names of the example that ``REFUSED_NAMES`` refuses."""
    return sorted(
        path for (operation, path) in REFUSED_NAMES if operation == example.operation and path in example.body
    )


def without_refused_names(example: Example) -> Any:
    return {name: value for name, value in example.body.items() if name not in refused_names(example)}


def documented_values(value: Any, schema: dict[str, Any], where: str = "body") -> Any:
    """``value`` with each value ``VALUE_REFUSALS`` names turned into the documented type."""
    if "anyOf" in schema:
        schema = next((option for option in schema["anyOf"] if option.get("type") != "null"), {})
    found = problems(schema, value, where) if not isinstance(value, dict | list) else []
    for problem in found:
        for pattern, (_, convert) in VALUE_REFUSALS.items():
            if re.search(pattern, f"{where}{problem}" if problem.startswith(" ") else problem):
                return convert(value, schema)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {
            name: documented_values(item, properties.get(name, {}), f"{where}.{name}") for name, item in value.items()
        }
    if isinstance(value, list):
        return [documented_values(item, schema.get("items", {}), f"{where}[{i}]") for i, item in enumerate(value)]
    return value


@pytest.mark.parametrize("example", REQUESTS, ids=ids(REQUESTS))
def test_every_documented_request_field_is_in_the_spec_and_kept_by_the_model(example: Example) -> None:
    undeclared = [
        path for path, declared in field_paths(example.body, request_schema(example.operation)) if not declared
    ]
    assert undeclared == refused_names(example), f"{example.source}: {example.operation} does not declare {undeclared}"
    if undeclared:
        with pytest.raises(ConfigurationError, match="not in the Amazon Pay API as documented"):
            as_model(request_model(example.operation), example.body)
    as_model(request_model(example.operation), without_refused_names(example))  # raises naming a dropped field


@pytest.mark.parametrize("example", REQUESTS, ids=ids(REQUESTS))
def test_every_request_example_passes_both_body_checks(example: Example) -> None:
    schema = request_schema(example.operation)
    body = without_refused_names(example)
    found = problems(schema, body, "body")
    unexpected = [p for p in found if not any(re.search(pattern, p) for pattern in VALUE_REFUSALS)]
    assert not unexpected, f"{example.source}: the pre-send check refuses {unexpected}"
    sendable = documented_values(body, schema)
    assert problems(schema, sendable, "body") == [], f"{example.source}: still refused after documented_values"
    simulator_check(sendable, schema, "body")  # raises the service's 400 if the simulator refuses the shape


#: What each request did in the simulator: sent, or refused for a business rule (reason, message).
OUTCOMES: dict[str, str] = {}

_SANDBOX_REPORTS = (
    'a report type the sandbox does not produce: "Sandbox support only exists for the Sandbox Settlement '
    "Report\" (docs amazon-pay-api-v2/reports.html); the SDKs' samples request production reports"
)
#: Documented bodies the simulator refuses however the session or object is set up, each for a
#: rule Amazon documents: the example's reason code and why. Every other body is sent in a flow
#: where it is valid and accepted; a body listed here that comes to be accepted fails the test
#: until it leaves the list.
JUSTIFIED_REFUSALS: dict[str, tuple[str, str]] = {
    "checkout-guide:acquirer-set-payment-info-update-request": (
        "CurrencyMismatch",
        "the acquirer guide's example gives totalOrderAmount in USD and chargeAmount in GBP: the part of the "
        "order processed at checkout and the order total are amounts of one order, in one currency",
    ),
    "reports:create-report-request": (
        "InvalidParameterValue",
        "its startTime 2022-08-04T00-00-00Z writes the time with hyphens: not the ISO 8601 time the reports "
        "API takes (20220804T000000Z)",
    ),
    "reports:create-report-request-ja": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-dotnet:create-report": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-dotnet:create-report-schedule": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-java:create-report": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-java:create-report-schedule": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-node:create-report": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-node:create-report-schedule": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-php:create-report": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-readme-php:create-report-schedule": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-tests-nodejs:create-report": ("InvalidParameterValue", _SANDBOX_REPORTS),
    "sdk-tests-nodejs:create-report-schedule": ("InvalidParameterValue", _SANDBOX_REPORTS),
}


@pytest.mark.parametrize("example", REQUESTS, ids=ids(REQUESTS))
def test_every_request_example_is_sent_through_its_resource_method(example: Example) -> None:
    sandbox = AmazonPaySandbox()
    entry = registry()[example.operation]
    with AmazonPay(**client_options(sandbox, region=_region(example.body))) as pay:
        method = getattr(getattr(pay, entry["resource"]), entry["action"])
        objects = _Objects(pay, sandbox, _currency(example.body))
        body = documented_values(without_refused_names(example), request_schema(example.operation))
        arguments, body = objects.request(example, body)
        refused: APIStatusError | None = None
        try:
            result = method(*arguments, body, **_query(example)) if entry["requestBody"] else method(*arguments)
        except ConfigurationError as error:
            pytest.fail(f"{example.source}: refused before sending: {error}")
        except APIStatusError as error:
            refused = error
    if refused is None:
        OUTCOMES[example.id] = "sent"
        assert result is not None
        assert example.id not in JUSTIFIED_REFUSALS, f"{example.id} is accepted now: drop it from JUSTIFIED_REFUSALS"
        return
    # Both body checks accepted it (the test above): the simulator refused it for one of its rules.
    OUTCOMES[example.id] = f"refused {refused.status} {refused.reason_code}: {refused.message}"
    assert refused.status < 500, f"{example.source}: the simulator failed: {refused.message}"
    assert example.id in JUSTIFIED_REFUSALS, f"{example.source}: refused {refused.reason_code}: {refused.message}"
    assert refused.reason_code == JUSTIFIED_REFUSALS[example.id][0], refused.message


@pytest.mark.parametrize("example", V1_REQUESTS, ids=ids(V1_REQUESTS))
def test_the_v1_pages_singular_names_are_refused_before_sending(
    example: Example, pay: AmazonPay, transport: Recorder
) -> None:
    # The API's first version: the current API, the SDKs and the service write these in the plural.
    entry = registry()[example.operation]
    method = getattr(getattr(pay, entry["resource"]), entry["action"])
    arguments = ["ID" for p in entry["parameters"] if p["in"] == "path"]
    singular = sorted(V1_NAMES & set(re.findall(r'"(\w+)":', json.dumps(example.body))))
    with pytest.raises(ConfigurationError, match="|".join(singular)):
        method(*arguments, example.body)
    assert transport.sent == []


def test_the_documented_request_fields_are_all_sendable(capsys: pytest.CaptureFixture[str]) -> None:
    fields = request_fields()
    sendable = [key for key, declared in fields.items() if declared]
    refused = sorted(key for key, declared in fields.items() if not declared)
    operations = {operation for operation, _ in fields}
    with capsys.disabled():
        print(
            f"\ndocumented-API corpus: {len(corpus_files())} files; {len(REQUESTS)} request bodies of "
            f"{len(operations)} operations (and {len(V1_REQUESTS)} of the v1 pages, refused); documented "
            f"request fields {len(fields)}, sendable {len(sendable)}; refused by decision: "
            + ", ".join(f"{operation} {path}" for operation, path in refused)
        )
    assert refused == sorted(REFUSED_NAMES), f"documented request fields the spec does not declare: {refused}"
    assert len(fields) >= 200, "the corpus lost request examples"


def test_the_simulator_outcomes_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints what the simulator refused for its rules (the sends run before this, in file order)."""
    refused = {name: outcome for name, outcome in sorted(OUTCOMES.items()) if outcome != "sent"}
    with capsys.disabled():
        print(
            f"\nrequest examples sent: {len(OUTCOMES)}, accepted: {len(OUTCOMES) - len(refused)}, refused for a "
            f"documented rule (JUSTIFIED_REFUSALS): {len(refused)}"
        )
        for name, outcome in refused.items():
            print(f"  {name}: {outcome}")


def _currency(body: Any) -> str:
    """The currency the example's amounts are in (EUR when it has none)."""
    found = re.search(r'"(?:currencyCode|presentmentCurrency)": "([A-Z]{3})"', json.dumps(body))
    return found.group(1) if found else "EUR"


def _region(body: Any) -> str:
    return {"USD": "na", "JPY": "jp"}.get(_currency(body), "eu")


def _query(example: Example) -> dict[str, Any]:
    """The example's query parameters under the resource method's argument names."""
    arguments = {p["name"]: p["argument"] for p in registry()[example.operation]["parameters"] if p["in"] == "query"}
    return {arguments[name]: value for name, value in example.query.items()}


class _Objects:
    """Real objects of the simulator, made through the client, whose ids replace an example's placeholders."""

    def __init__(self, pay: AmazonPay, sandbox: AmazonPaySandbox, currency: str) -> None:
        self.pay = pay
        self.sandbox = sandbox
        self.currency = currency

    def money(self, amount: str = "10.00") -> dict[str, str]:
        return {"amount": "1000" if self.currency == "JPY" else amount, "currencyCode": self.currency}

    def open_session(self, shipping_address: Any = None, **create: Any) -> str:
        """An Open Checkout Session the buyer has approved (choosing ``shipping_address``, if given)."""
        body = {
            "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
            "storeId": STORE_ID,
            **create,
        }
        session_id: str = self.pay.checkout_sessions.create(body).checkout_session_id
        self.sandbox.approve(session_id, shipping_address=shipping_address)
        return session_id

    def ready_session(self, details: dict[str, Any] | None = None, shipping_address: Any = None, **create: Any) -> str:
        """An approved session with every detail set (``details``: its payment details), ready to complete."""
        session_id = self.open_session(shipping_address, **create)
        payment = details if details is not None else {"paymentIntent": "Authorize", "chargeAmount": self.money()}
        self.pay.checkout_sessions.update(
            session_id,
            {
                "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
                "paymentDetails": payment,
            },
        )
        return session_id

    def completed(self, permission_type: str = "OneTime", intent: str = "Authorize", amount: Any = None) -> Any:
        """A completed session of ``amount`` (a Price; 10.00 in the example's currency when None)."""
        amount = amount or self.money()
        create: dict[str, Any] = {"chargePermissionType": permission_type}
        if permission_type == "Recurring":
            create["recurringMetadata"] = {"frequency": {"unit": "Month", "value": "1"}}
        session_id = self.ready_session({"paymentIntent": intent, "chargeAmount": amount}, **create)
        return self.pay.checkout_sessions.complete(session_id, {"chargeAmount": amount})

    def permission(self, permission_type: str = "OneTime") -> str:
        charge_permission_id: str = self.completed(permission_type, "Confirm").charge_permission_id
        return charge_permission_id

    def authorized_charge(self, amount: Any = None) -> str:
        charge_id: str = self.completed("OneTime", "Authorize", amount).charge_id
        return charge_id

    def captured_charge(self, amount: Any = None) -> str:
        charge_id: str = self.completed("OneTime", "AuthorizeWithCapture", amount).charge_id
        return charge_id

    def uploaded_file(self) -> str:
        file_id: str = self.pay.files.upload(b"%PDF-1.4 evidence", type="pdf").id
        return file_id

    def refund(self) -> str:
        refund = self.pay.refunds.create({"chargeId": self.captured_charge(), "refundAmount": self.money("1.00")})
        refund_id: str = refund.refund_id
        return refund_id

    def dispute(self) -> str:
        dispute_id: str = self.sandbox.file_chargeback(self.captured_charge())["disputeId"]
        return dispute_id

    def buyer_token(self) -> str:
        return self.sandbox.buyer_token(self.open_session())

    def request(self, example: Example, body: Any) -> tuple[list[str], Any]:
        """The path arguments and ``body`` (the example's) to send: placeholders replaced by real ids."""
        body = json.loads(json.dumps(body))
        operation = example.operation
        path_ids: dict[str, Callable[[], str]] = {
            "checkoutSessionId": lambda: self._session_for(operation, body),
            "chargePermissionId": lambda: self.permission(
                "Recurring" if isinstance(body, dict) and "recurringMetadata" in body else "OneTime"
            ),
            "chargeId": lambda: self.authorized_charge(body.get("captureAmount") if isinstance(body, dict) else None),
            "refundId": self.refund,
            "disputeId": self.dispute,
            "buyerToken": self.buyer_token,
        }
        arguments = [
            path_ids[p["name"]]() if p["name"] in path_ids else example.path.get(p["name"], "unknown")
            for p in registry()[operation]["parameters"]
            if p["in"] == "path"
        ]
        body_ids: dict[tuple[str, str], Callable[[], str]] = {
            ("createCharge", "chargePermissionId"): lambda: self.permission(
                "PaymentMethodOnFile" if "chargeInitiator" in body else "Recurring"
            ),
            ("createCheckoutSession", "chargePermissionId"): lambda: self.permission("PaymentMethodOnFile"),
            ("createDeliveryTracker", "chargePermissionId"): self.permission,
            ("createRefund", "chargeId"): lambda: self.captured_charge(body.get("refundAmount")),
            ("createDispute", "chargeId"): self.captured_charge,
        }
        for (where, name), make in body_ids.items():
            if operation == where and isinstance(body, dict) and name in body:
                body[name] = make()
        if operation == "contestDispute":  # the evidence files: uploaded first
            for evidence in body.get("merchantEvidences", []):
                if "fileId" in evidence:
                    evidence["fileId"] = self.uploaded_file()
        return arguments, body

    def _session_for(self, operation: str, body: Any) -> str:
        """A session in which the operation's ``body`` is valid, set up as the documented flow would.

        To complete or finalize: one with the amounts of the body. To finalize: the address the
        buyer chose is the body's; a billing address is shared when the body sends one (the
        session's scopes ask for it); without a shipping address it is a PayOnly checkout (end of
        checkout without addressDetails); the session carries the body's supplementaryData. To
        update: a Recurring session for recurringMetadata, and the advanced one-time options a
        session can only be created with.
        """
        if operation == "finalizeCheckoutSession":
            return self._session_to_finalize(body)
        if operation == "updateCheckoutSession":
            create: dict[str, Any] = {}
            if "recurringMetadata" in body and "chargePermissionType" not in body:
                create["chargePermissionType"] = "Recurring"
            options = {
                name: body["paymentDetails"][name]
                for name in ("allowOvercharge", "extendExpiration")
                if name in body.get("paymentDetails", {})
            }
            if options:
                create["paymentDetails"] = options
            return self.open_session(**create)
        if operation != "completeCheckoutSession":
            return self.open_session()
        if "chargeAmount" not in body:  # a Saved Wallet setup is completed with {}
            return self.ready_session(
                {"paymentIntent": "Confirm"},
                chargePermissionType="PaymentMethodOnFile",
                paymentMethodOnFileMetadata={"setupOnly": True},
            )
        details = {"paymentIntent": "Authorize", "chargeAmount": body["chargeAmount"]}
        if "totalOrderAmount" in body:
            details["totalOrderAmount"] = body["totalOrderAmount"]
        return self.ready_session(details)

    def _session_to_finalize(self, body: Any) -> str:
        """Buy Now (the button set the payment details) or, without a shipping address, PayOnly end of checkout."""
        details = {"paymentIntent": body.get("paymentIntent", "Authorize"), "chargeAmount": body["chargeAmount"]}
        if "totalOrderAmount" in body:
            details["totalOrderAmount"] = body["totalOrderAmount"]
        create: dict[str, Any] = {}
        if body.get("billingAddress") is not None:
            create["scopes"] = ["name", "email", "phoneNumber", "billingAddress"]
        if body.get("supplementaryData") is not None:
            create["supplementaryData"] = body["supplementaryData"]
        if body.get("shippingAddress") is not None:
            return self.ready_session(details, body["shippingAddress"], **create)  # the address the buyer chose
        web = {"checkoutResultReturnUrl": "https://shop.example/result", "checkoutMode": "ProcessOrder"}
        session_id: str = self.pay.checkout_sessions.create(
            {"webCheckoutDetails": web, "storeId": STORE_ID, "paymentDetails": details, **create}
        ).checkout_session_id
        self.sandbox.approve(session_id)  # the buyer pays on Amazon Pay's page
        return session_id


# --- answers: every documented field typed ----------------------------------------------------------
def answer_model(example: Example) -> type[Any]:
    """The generated model the operation's answer with the example's status parses into."""
    if example.id in RESOLVED_ANSWERS:
        resolved: type[Any] = getattr(amazonpay_api.models, RESOLVED_ANSWERS[example.id][0])
        return resolved
    _, _, operation = operations_by_id()[example.operation]
    responses = operation["responses"]
    status = str(example.status)
    assert status in responses, f"{example.source}: the spec does not declare {example.operation}'s status {status}"
    schema = follow(responses[status])["content"]["application/json"]["schema"]
    model: type[Any] = getattr(amazonpay_api.models, schema["$ref"].rsplit("/", 1)[1])
    return model


def untyped(value: Any, where: str) -> list[str]:
    """Where in a parsed answer a field landed in ``additional_properties`` instead of an attribute."""
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in untyped(item, f"{where}[{index}]")]
    if not isinstance(value, Model):
        return []
    fields = type(value).__match_args__
    extra = getattr(value, "additional_properties", {})
    found = [] if not fields else [f"{where}.{name}" for name in extra]
    found += [item for name in fields for item in untyped(getattr(value, name), f"{where}.{name}")]
    if not fields:  # a map (its keys are data): its values may be models
        found += [item for name, member in extra.items() for item in untyped(member, f"{where}[{name!r}]")]
    return found


def schema_errors(body: Any, schema: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(schema).iter_errors(body)
    ]


@pytest.mark.parametrize("example", RESPONSES, ids=ids(RESPONSES))
def test_every_answer_example_parses_with_its_fields_typed(example: Example) -> None:
    model = answer_model(example)
    parsed = model.from_dict(example.body)
    assert not untyped(parsed, model.__name__), f"{example.source}: untyped {untyped(parsed, model.__name__)}"
    assert parsed.to_dict() == example.body, f"{example.source}: {model.__name__} does not give the same JSON back"
    errors = schema_errors(example.body, resolve({"$ref": f"#/components/schemas/{model.__name__}"}))
    assert not errors, f"{example.source}: the effective spec's {model.__name__} refuses it: {errors}"


def closed(schema: Any) -> Any:
    """``schema`` with every object closed (``additionalProperties: false``) and nothing required."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: closed(value) for key, value in schema.items() if key != "required"}
    if "properties" in schema and "additionalProperties" not in schema:
        result["additionalProperties"] = False
    return result


@pytest.mark.parametrize("example", PARTIAL_RESPONSES, ids=ids(PARTIAL_RESPONSES))
def test_every_field_of_a_partial_answer_is_declared_and_typed(example: Example) -> None:
    # The page cuts the answer short (or the source builds one member of it): the fields it has
    # are checked against the spec's schema, closed and with nothing required.
    model = answer_model(example)
    errors = schema_errors(example.body, closed(resolve({"$ref": f"#/components/schemas/{model.__name__}"})))
    assert not errors, f"{example.source}: the effective spec's {model.__name__} refuses it: {errors}"


def test_every_answer_of_the_corpus_is_counted(capsys: pytest.CaptureFixture[str]) -> None:
    outside = [example.id for example in corpus() if example.operation not in registry()]
    v1 = [example.id for example in corpus() if example.kind == "response" and example.is_v1]
    with capsys.disabled():
        print(
            f"\nanswer examples parsed: {len(RESPONSES)}, partial ones checked field by field: "
            f"{len(PARTIAL_RESPONSES)}, of the v1 pages: {len(v1)}; examples of operations outside the "
            f"spec: {len(outside)}"
        )
    assert len(RESPONSES) + len(PARTIAL_RESPONSES) >= 15, "the corpus lost answer examples"


# --- strictness kept: a name nobody documents ----------------------------------------------------
@pytest.mark.parametrize(
    ("call", "name"),
    [
        pytest.param(
            lambda pay: pay.checkout_sessions.create(
                {
                    "webCheckoutDetails": {"checkoutRevewReturnUrl": "https://shop.example/review"},
                    "storeId": "amzn1.application-oa2-client.0123456789abcdef",
                }
            ),
            "body.webCheckoutDetails.checkoutRevewReturnUrl",
            id="a misspelt URL on create",
        ),
        pytest.param(
            lambda pay: pay.checkout_sessions.update("CS1", {"shippingAddress": {"name": "Susie Smith"}}),
            "body.shippingAddress",
            id="an address on update, which only the received spec had",
        ),
        pytest.param(
            lambda pay: pay.charge_permissions.update(
                "S02-1", {"recurringMetadata": {"frequency": {"unit": "Month", "value": "1", "interval": "P1M"}}}
            ),
            "body.recurringMetadata.frequency.interval",
            id="a nested name in recurring metadata",
        ),
        pytest.param(
            lambda pay: pay.charges.create(
                {
                    "chargePermissionId": "S02-1",
                    "chargeAmount": {"amount": "1.00", "currencyCode": "EUR"},
                    "chargeInitiator": "MITU",
                    "initiator": "MITU",
                }
            ),
            "body.initiator",
            id="a name next to the documented chargeInitiator",
        ),
    ],
)
def test_a_name_nobody_documents_is_refused_before_sending_naming_it(
    call: Any, name: str, pay: AmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError) as raised:
        call(pay)
    message = str(raised.value)
    assert f"has no field {name}: it is not in the Amazon Pay API as documented" in message
    assert "nothing was sent" in message
    assert transport.sent == []
