"""The generated resource layer: every operation of the effective spec as ``pay.<resource>.<action>``.

The expected signatures are read from the spec here (path ids in path order, body iff the
operation has one, query parameters keyword-only, ``idempotency_key=`` iff the operation
declares the header, the 2xx model as the result), not from the generator's registry, so a
generator that gets one of them wrong fails here.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import typing
from functools import cached_property
from pathlib import Path
from typing import Any, Unpack

import pytest

import amazonpay_api.models
import amazonpay_api.params
from amazonpay import AmazonPay, AsyncAmazonPay, AsyncPager, CallOptions, MoneyCallOptions, SyncPager
from amazonpay_api.types import Unset
from tests.support.operations import OPERATIONS, Operation, method_table
from tests.support.spec import follow, operations_by_id, snake_case

ROOT = Path(__file__).resolve().parents[1]
FACADE = ROOT / "facade" / "amazonpay"
# The public names of the client before the resource layer was generated: user code calls them.
PUBLIC_BEFORE_GENERATION = {
    "checkout_sessions": {"create", "get", "update", "complete"},
    "charges": {"create", "get", "capture", "cancel"},
    "charge_permissions": {"get", "update", "close"},
    "refunds": {"create", "get"},
}

MODEL_NAMES = {name: getattr(amazonpay_api.models, name) for name in amazonpay_api.models.__all__} | {"Unset": Unset}
#: The request bodies' TypedDicts, which the resource modules also import for type checkers only.
PARAMS_NAMES = {name: getattr(amazonpay_api.params, name) for name in amazonpay_api.params.__all__}


def _expected(operation_id: str) -> dict[str, Any]:
    """What the spec says the method of ``operation_id`` looks like.

    A paged operation (``x-amazonpay-pagination``) is a listing: no token parameter (the
    pager sends it), and a pager over the page model as its result.
    """
    path, _, operation = operations_by_id()[operation_id]
    paging = operation.get("x-amazonpay-pagination")
    parameters = [follow(p) for p in operation.get("parameters", [])]
    ok = follow(next(r for status, r in operation["responses"].items() if status.startswith("2")))
    result = ok["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1] if "content" in ok else None
    return {
        "positional": [snake_case(name) for name in re.findall(r"\{([^}]+)\}", path)]
        + (["body"] if "requestBody" in operation else []),
        "query": {
            snake_case(p["name"]): p.get("required", False)
            for p in parameters
            if p["in"] == "query" and p["name"] != (paging or {}).get("token")
        },
        "paged": paging is not None,
        "idempotent": any(p["in"] == "header" and p["name"] == "x-amz-pay-idempotency-key" for p in parameters),
        "result": getattr(amazonpay_api.models, result) if result else type(None),
    }


CLIENTS = [pytest.param(AmazonPay, id="sync"), pytest.param(AsyncAmazonPay, id="async")]


@pytest.mark.parametrize("client", CLIENTS)
@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.name for o in OPERATIONS])
def test_every_operation_is_a_method_with_the_signature_the_spec_gives(
    operation: Operation, client: type[AmazonPay | AsyncAmazonPay], rsa_key: Any, transport: Any
) -> None:
    expected = _expected(operation.operation_id)
    pay = client(public_key_id="SANDBOX-AE1", private_key=rsa_key, region="eu", transport=transport)
    method = getattr(getattr(pay, operation.resource), operation.action)
    parameters = list(inspect.signature(method).parameters.values())
    # The resource modules import the models their annotations name only for type checkers
    # (a call imports its own): resolve the names in the models package.
    hints = typing.get_type_hints(method, localns=MODEL_NAMES | PARAMS_NAMES, include_extras=True)

    # A listing returns its pager at once, on both clients; iterating it sends the requests.
    assert inspect.iscoroutinefunction(method) == (client is AsyncAmazonPay and not expected["paged"])
    positional = [p for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
    assert [p.name for p in positional] == expected["positional"]
    assert all(p.default is p.empty for p in positional)
    for p in positional:
        body = PARAMS_NAMES.get(f"{operation.operation_id[0].upper()}{operation.operation_id[1:]}Params")
        assert hints[p.name] == (str if p.name != "body" else body | operation.body_model)
    keywords = {p.name: p.default is p.empty for p in parameters if p.kind is p.KEYWORD_ONLY}
    assert keywords == expected["query"]
    (options,) = [p for p in parameters if p.kind is p.VAR_KEYWORD]
    options_type = MoneyCallOptions if expected["idempotent"] else CallOptions
    assert hints[options.name] == Unpack[options_type]
    if expected["paged"]:
        pager = AsyncPager if client is AsyncAmazonPay else SyncPager
        assert typing.get_origin(hints["return"]) is pager
        assert typing.get_args(hints["return"])[0] is expected["result"]
    else:
        assert hints["return"] is expected["result"]
    assert method.__doc__.startswith(operations_by_id()[operation.operation_id][2]["summary"])


def test_the_clients_have_one_resource_per_tag_and_nothing_else() -> None:
    tags = {snake_case(op["tags"][0].replace(" ", "")) for _, _, op in operations_by_id().values()}
    for client in (AmazonPay, AsyncAmazonPay):
        members = [(name, value) for cls in client.__mro__ for name, value in vars(cls).items()]
        # Public ones: the client's own storage (made on first use, for downloads) is no resource.
        lazy = {name for name, value in members if isinstance(value, cached_property) and not name.startswith("_")}
        assert lazy == tags
    assert {operation.resource for operation in OPERATIONS} == tags


def test_the_public_names_from_before_generation_still_exist() -> None:
    names = {(operation.resource, operation.action) for operation in OPERATIONS}
    missing = {(r, a) for r, actions in PUBLIC_BEFORE_GENERATION.items() for a in actions} - names
    assert not missing


def test_the_guide_method_table_is_the_spec() -> None:
    readme = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert method_table() in readme, (
        "docs/getting-started.md's method table is stale: python -m tests.support.operations prints it"
    )
    assert len(method_table().splitlines()) == 2 + len({operation.resource for operation in OPERATIONS})


def test_importing_amazonpay_imports_no_resource_and_no_model() -> None:
    code = (
        "import sys, amazonpay\n"
        "loaded = [m for m in sys.modules if m.startswith(('amazonpay_api.models', 'amazonpay_api.api',"
        " 'amazonpay_api.resources.'))]\n"
        "print(loaded)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_hand_written_facade_has_no_per_operation_code() -> None:
    # Only the simulator binds operations to handlers; the client side names none of them.
    operation_ids = set(operations_by_id())
    for source in FACADE.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "amazonpay_api.api" not in text, source.name
        assert "amazonpay_api.models" not in text, source.name
        named = {operation_id for operation_id in operation_ids if operation_id in text}
        assert not named, f"{source.name} names operations {sorted(named)}"


def test_the_spec_names_every_resource_method_uniquely() -> None:
    names = [(operation.resource, operation.action) for operation in OPERATIONS]
    assert len(names) == len(set(names)) == len(operations_by_id())


USER_CODE = """
from amazonpay import AmazonPay, AsyncAmazonPay
from amazonpay_api.models import Charge, CheckoutSession
from amazonpay_api.params import CreateDeliveryTrackerParams, FinalizeCheckoutSessionParams, PriceParam

EUR: PriceParam = {"amount": "14.00", "currencyCode": "EUR"}


def checkout(pay: AmazonPay) -> Charge:
    finalize: FinalizeCheckoutSessionParams = {"chargeAmount": EUR, "paymentIntent": "Authorize"}
    session: CheckoutSession = pay.checkout_sessions.finalize("cs", finalize, idempotency_key="k")
    pay.buyers.get("token", auth_token="Atza|x")
    pay.charges.get("c", idempotency_key="k")  # error: call-arg
    pay.refunds.create()  # error: call-arg
    return pay.charges.capture("c", {"captureAmount": EUR}, idempotency_key="k", timeout=5.0)


async def delegated(pay: AsyncAmazonPay) -> str:
    token = await pay.authorization_tokens.get("mws", merchant_id="A1", auth_token="Atza|x")
    await pay.authorization_tokens.get("mws")  # error: call-arg
    tracker: CreateDeliveryTrackerParams = {"deliveryDetails": [{"trackingNumber": "1Z", "carrierCode": "UPS"}]}
    await pay.delivery_trackers.create(tracker, idempotency_key="k")  # error: call-arg
    return str(token.authorization_token)
"""


def test_users_type_check_their_calls_with_mypy_strict(tmp_path: Path) -> None:
    """What a user's mypy says: the generated signatures are precise, sync and async."""
    from mypy import api

    user_file = tmp_path / "user_code.py"
    user_file.write_text(USER_CODE, encoding="utf-8")
    stdout, _, _ = api.run(["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(user_file)])

    found = set(re.findall(r"user_code\.py:(\d+): error: .*\[([a-z-]+)\]", stdout))
    expected = {
        (str(number), code)
        for number, line in enumerate(USER_CODE.splitlines(), start=1)
        for code in re.findall(r"# error: ([a-z-]+)", line)
    }
    assert found == expected, stdout
