"""Every operation of the effective spec as test data: how to call it through the facade and
through ``pay.api``, what request it makes and what the server double answers.

Nothing here is written per operation: the list, the path ids, the query, the request body
(the smallest body the request schema allows, from the schema's examples) and the reply (every
field the response schema can give an example for) are derived from the effective spec, and
the names ``pay.<resource>.<action>`` from the generated registry. An operation the spec gains
is covered by every test that iterates ``OPERATIONS``.

The constants below it (``CHARGE``, ``CREATE_CHARGE_BODY``, ...) are realistic values for the
tests that are about one particular call.

``python -m tests.support.operations`` prints the guide's method table (docs/getting-started.md).
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx

import amazonpay_api.models
from amazonpay._registry import operation_registry
from tests.support.spec import follow, operations_by_id, snake_case

STORE_ID = "amzn1.application-oa2-client.0123456789abcdef"


def money(amount: str) -> dict[str, str]:
    """An amount in euros, as the API writes it."""
    return {"amount": amount, "currencyCode": "EUR"}


#: A monthly billing cycle: a Recurring checkout says how often it charges (its session has the
#: RecurringFrequencyNotSet constraint until it does).
MONTHLY = {"frequency": {"unit": "Month", "value": "1"}}


def recurring_checkout(amount: str) -> dict[str, Any]:
    """The body creating a Checkout Session for a Recurring permission of ``amount`` euros."""
    return {
        "webCheckoutDetails": {
            "checkoutReviewReturnUrl": "https://shop.example/review",
            "checkoutResultReturnUrl": "https://shop.example/result",
        },
        "storeId": STORE_ID,
        "chargePermissionType": "Recurring",
        "recurringMetadata": MONTHLY,
        "paymentDetails": {"paymentIntent": "Authorize", "chargeAmount": money(amount)},
    }


def saved_wallet_checkout(amount: str) -> dict[str, Any]:
    """A Saved Wallet (PaymentMethodOnFile) checkout with a first charge of ``amount`` euros.

    For a shop that charges the permission many times a month: its monthly limit is EUR 15,000
    where a Recurring one has EUR 1,000 (amazonpay.testing._limits).
    """
    body = {**recurring_checkout(amount), "chargePermissionType": "PaymentMethodOnFile"}
    del body["recurringMetadata"]
    return body


MONEY = money("10.00")
CHARGE = {
    "chargeId": "S02-1-C1",
    "chargePermissionId": "S02-1",
    "chargeAmount": MONEY,
    "statusDetails": {"state": "Authorized"},
    "releaseEnvironment": "Sandbox",
}
CREATE_CHARGE_BODY = {"chargePermissionId": "S02-1", "chargeAmount": MONEY}


# --- examples from the schemas -------------------------------------------------------------
class NoExample(Exception):
    """The schema gives no value to use: add ``examples`` to it in the overlay."""


def example(schema: dict[str, Any], *, complete: bool) -> Any:
    """A value ``schema`` accepts: its first example or enum value, else one built from its type.

    ``complete``: objects get every property an example can be found for (a reply); otherwise
    only their required properties (the smallest request body). A string with a pattern and no
    example raises :class:`NoExample`.
    """
    schema = follow(schema)
    if "examples" in schema:
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if follow(option).get("type") != "null"]
        return example(options[0], complete=complete)
    types = schema.get("type", "object")
    kind = next(t for t in ([types] if isinstance(types, str) else types) if t != "null")
    if kind == "object":
        value = {}
        required = schema.get("required", [])
        for name, prop in schema.get("properties", {}).items():
            if name in required:
                value[name] = example(prop, complete=complete)
            elif complete and not follow(prop).get("readOnly"):
                try:
                    value[name] = example(prop, complete=complete)
                except NoExample:
                    continue
        return value
    if kind == "array":
        return [example(schema["items"], complete=complete)]
    if kind == "string":
        if "pattern" in schema:
            raise NoExample(f"no example for a string matching {schema['pattern']}")
        return "x" * max(1, schema.get("minLength", 1))
    return {"boolean": True, "integer": 1, "number": 1}[kind]


def _schema_name(schema: dict[str, Any]) -> str:
    assert "$ref" in schema, f"expected a named schema, got {schema}"
    return str(schema["$ref"].rsplit("/", 1)[-1])


@dataclass(frozen=True)
class Operation:
    """One API operation, called with minimal valid arguments."""

    operation_id: str
    resource: str  # attribute of the client: "charges"
    action: str  # its method: "create"
    module: ModuleType  # the generated operation
    method: str
    template: str  # the spec's path template, below the base path
    status: int  # what the server double answers
    reply: dict[str, Any] | None  # None: the operation answers without a body
    model: type[Any]  # the parsed result's class (NoneType for an answer without a body)
    idempotent: bool  # the spec declares x-amz-pay-idempotency-key: idempotency_key= is offered
    ids: dict[str, str] = field(default_factory=dict)  # path ids by Python name, in path order
    query: dict[str, str] = field(default_factory=dict)  # query parameters by their spec names
    body: dict[str, Any] | None = None
    body_model: type[Any] | None = None
    paging: dict[str, str] | None = None  # x-amazonpay-pagination: the method lists; called, it gives page 1

    @property
    def name(self) -> str:
        return f"{self.resource}.{self.action}"

    @property
    def path(self) -> str:
        """The path sent, below the base path: the template with the ids filled in."""
        ids = iter(self.ids.values())
        return re.sub(r"\{[^}]+\}", lambda _: next(ids), self.template)

    @property
    def query_string(self) -> bytes:
        """The query sent."""
        return str(httpx.QueryParams(self.query)).encode()

    @property
    def is_post(self) -> bool:
        return self.method == "POST"

    def call(self, client: Any, **options: Any) -> Any:
        """Call the resource method (returns a coroutine on an async client).

        A listing method returns a pager: called here, it gives its first page.
        """
        arguments = [*self.ids.values()] + ([self.body] if self.body is not None else [])
        result = getattr(getattr(client, self.resource), self.action)(*arguments, **self.query_arguments(), **options)
        if self.paging is None:
            return result
        pages = result.pages()
        return pages.__anext__() if hasattr(pages, "__anext__") else next(pages)

    def query_arguments(self) -> dict[str, str]:
        """The query parameters as the method's keyword arguments."""
        return {snake_case(name): value for name, value in self.query.items()}

    def api_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of the generated function (``client=`` aside)."""
        kwargs: dict[str, Any] = {**self.ids, **self.query_arguments()}
        if self.body is not None:
            assert self.body_model is not None
            kwargs["body"] = self.body_model.from_dict(self.body)
        return kwargs

    def answer(self, request_id: str = "req-ok-1") -> Callable[[httpx.Request], httpx.Response]:
        """A handler giving this operation's canned success response."""
        body = {"content": b""} if self.reply is None else {"json": self.reply}
        return lambda request: httpx.Response(self.status, headers={"x-amz-pay-request-id": request_id}, **body)

    def check_result(self, result: Any) -> None:
        assert isinstance(result, self.model), f"{self.name} returned {type(result).__name__}"
        if self.reply is not None:
            assert result.to_dict() == json.loads(json.dumps(self.reply))


def _operation(entry: dict[str, Any]) -> Operation:
    path, method, spec_operation = operations_by_id()[entry["operationId"]]
    module = importlib.import_module(f"amazonpay_api.api.{entry['resource']}.{snake_case(entry['operationId'])}")
    parameters = [follow(p) for p in spec_operation.get("parameters", [])]
    status, response = next((int(s), r) for s, r in spec_operation["responses"].items() if s.startswith("2"))
    content = follow(response).get("content")
    schema = content["application/json"]["schema"] if content else None
    body_schema = spec_operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    return Operation(
        operation_id=entry["operationId"],
        resource=entry["resource"],
        action=entry["action"],
        module=module,
        method=method.upper(),
        template=path,
        status=status,
        reply=example(schema, complete=True) if schema is not None else None,
        model=getattr(amazonpay_api.models, _schema_name(schema)) if schema is not None else type(None),
        idempotent=any(p["in"] == "header" and p["name"] == "x-amz-pay-idempotency-key" for p in parameters),
        ids={snake_case(p["name"]): f"{p['name']}-1" for p in parameters if p["in"] == "path"},
        query={
            p["name"]: example(p["schema"], complete=False)
            for p in parameters
            if p["in"] == "query" and p["name"] != (entry["pagination"] or {}).get("token")
        },
        body=example(body_schema, complete=False) if body_schema is not None else None,
        body_model=inspect.signature(module.sync_detailed).parameters["body"].annotation if body_schema else None,
        paging=entry["pagination"],
    )


OPERATIONS = [_operation(entry) for entry in operation_registry()]
BY_NAME = {operation.name: operation for operation in OPERATIONS}
BY_OPERATION_ID = {operation.operation_id: operation for operation in OPERATIONS}
POSTS = [operation for operation in OPERATIONS if operation.is_post]
NOT_POSTS = [operation for operation in OPERATIONS if not operation.is_post]
IDEMPOTENT = [operation for operation in OPERATIONS if operation.idempotent]


def _helper_methods(resource: str, actions: set[str]) -> list[str]:
    """The resource's methods beyond its operations (wait, is_final, download, upload), as generated."""
    module = importlib.import_module(f"amazonpay_api.resources.{resource}")
    (cls,) = [
        c
        for c in vars(module).values()
        if inspect.isclass(c) and c.__module__ == module.__name__ and not c.__name__.startswith("Async")
    ]
    found = []
    for name, function in vars(cls).items():
        if name.startswith("_") or name in actions or not callable(function):
            continue
        parameters = list(inspect.signature(function).parameters.values())[1:]
        shown = [
            p.name if p.kind is p.POSITIONAL_OR_KEYWORD else f"{p.name}="
            for p in parameters
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
        ]
        found.append(f"`{name}({', '.join(shown)})`")
    return found


def method_table() -> str:
    """The guide's table of every method, one row per resource, in spec order (docs/getting-started.md)."""
    rows: dict[str, list[str]] = {}
    for operation in OPERATIONS:
        arguments = [*operation.ids, *(["body"] if operation.body is not None else [])]
        arguments += [f"{name}=" for name in operation.query_arguments()]
        rows.setdefault(operation.resource, []).append(f"`{operation.action}({', '.join(arguments)})`")
    for resource, methods in rows.items():
        actions = {operation.action for operation in OPERATIONS if operation.resource == resource}
        methods += _helper_methods(resource, actions)
    lines = ["| resource | methods |", "|---|---|"]
    lines += [f"| `pay.{resource}` | {', '.join(methods)} |" for resource, methods in rows.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(method_table())
