"""What a cold start loads: a process that makes one GET imports what that GET needs, no more.

Internal tools and the CLI start a process per command, so every module imported on the way
to the first call is paid on every command (``nox -s bench`` measures it against the floor).
These tests run the path in a fresh interpreter and assert on ``sys.modules``, not on time:
they fail when a heavy module becomes eagerly imported again.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import amazonpay_api.models

CHARGE_ID = "S02-7331650-8246451-C568833"
CHARGE = {
    "chargeId": CHARGE_ID,
    "chargePermissionId": "S02-7331650-8246451",
    "chargeAmount": {"amount": "14.00", "currencyCode": "EUR"},
    "statusDetails": {"state": "Authorized", "lastUpdatedTimestamp": "20261120T101010Z"},
    "providerMetadata": {"providerReferenceId": None},
    "releaseEnvironment": "Sandbox",
}
#: As a tool would: construct a client from a PEM key file, get one charge over the network
#: (a loopback server), then print the imported modules.
ONE_GET = f"""
import json, sys
from pathlib import Path

from amazonpay import AmazonPay

key_file, base_url = sys.argv[1:]
with AmazonPay(
    public_key_id="SANDBOX-AE1", private_key=Path(key_file), region="eu", base_url=base_url
) as pay:
    charge = pay.charges.get("{CHARGE_ID}")
assert charge.charge_id == "{CHARGE_ID}", charge
print(json.dumps(sorted(sys.modules)))
"""


class _CannedCharge(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(CHARGE).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def loopback_server() -> Iterator[str]:
    """A server on 127.0.0.1 that answers every GET with the charge; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CannedCharge)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    finally:
        server.shutdown()
        server.server_close()


def imported_by(code: str, *args: str) -> set[str]:
    """The modules a fresh interpreter has imported after running ``code``."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.fixture(scope="module")
def after_one_get(private_pem: bytes, tmp_path_factory: pytest.TempPathFactory, loopback_server: str) -> set[str]:
    key_file = tmp_path_factory.mktemp("cold-start") / "private.pem"
    key_file.write_bytes(private_pem)
    return imported_by(ONE_GET, str(key_file), loopback_server)


def test_one_get_parses_no_request_body_schema(private_pem: bytes, tmp_path: Path, loopback_server: str) -> None:
    # A GET reads the registry for its route and its secret path parameters; the request body
    # schemas, which only a call with a body checks, are a file of their own: parsed with the
    # rest, they were 3.8 of the 6.2 million instructions the registry cost a process's first GET.
    key_file = tmp_path / "private.pem"
    key_file.write_bytes(private_pem)
    watch = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0]))"
        " if event == 'open' and str(args[0]).endswith('.json') else None)\n"
    )
    code = watch + ONE_GET + "print(json.dumps(opened))\n"
    done = subprocess.run(
        [sys.executable, "-c", code, str(key_file), loopback_server],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    read = [Path(name) for name in json.loads(done.stdout.splitlines()[-1])]
    assert [path.name for path in read] == ["_operations.json"]
    assert b'"properties"' not in read[0].read_bytes()  # no JSON schema of a body in it


def model_modules(modules: set[str]) -> set[str]:
    return {name.rsplit(".", 1)[1] for name in modules if name.startswith("amazonpay_api.models.")}


def test_one_get_of_a_charge_loads_the_models_of_what_it_holds(after_one_get: set[str]) -> None:
    # What the Charge holds and the error body Get Charge parses. A model imports another (an
    # enum too) where a value is read, so the fields this answer lacks load nothing: no
    # reasonCode (charge_reason_code), none of the Saved Wallet fields of issue 18 (merchant
    # metadata, the checkout URLs of a charge that needs the buyer, who initiated it and through
    # which channel). Nor the request models of the resource's other operations (a method
    # imports its own), nor other resources' models.
    assert model_modules(after_one_get) == {
        "charge",
        "price",
        "charge_status_details",
        "charge_state",
        "provider_metadata",
        "release_environment",
        "error_response",
    }


#: A Charge with every field whose model the answer above lacks.
SAVED_WALLET_CHARGE = {
    **CHARGE,
    "statusDetails": {"state": "Declined", "reasonCode": "SoftDeclined", "lastUpdatedTimestamp": "20261120T101010Z"},
    "merchantMetadata": {"merchantReferenceId": "order-1"},
    "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result", "checkoutMode": "ProcessOrder"},
    "chargeInitiator": "MITR",
    "channel": "Web",
}


def test_a_field_s_model_loads_when_an_answer_holds_it() -> None:
    code = (
        "import json, sys\n"
        "from amazonpay_api.models.charge import Charge\n"
        f"charge = Charge.from_dict({SAVED_WALLET_CHARGE!r})\n"
        "values = [charge.status_details.reason_code, charge.merchant_metadata, charge.web_checkout_details,\n"
        "          charge.web_checkout_details.checkout_mode, charge.charge_initiator, charge.channel]\n"
        "print(json.dumps([type(value).__name__ for value in values]))\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    types, modules = (json.loads(line) for line in done.stdout.splitlines()[-2:])
    assert types == [
        "ChargeReasonCode",
        "MerchantMetadata",
        "WebCheckoutDetails",
        "CheckoutMode",
        "ChargeInitiator",
        "Channel",
    ]
    assert {"charge_reason_code", "merchant_metadata", "web_checkout_details", "checkout_mode", "charge_initiator",
            "channel"} <= model_modules(set(modules))  # fmt: skip


def test_one_get_loads_its_operation_only(after_one_get: set[str]) -> None:
    resources = {name for name in after_one_get if name.startswith("amazonpay_api.resources.")}
    assert resources == {"amazonpay_api.resources.charges"}
    operations = {name for name in after_one_get if name.startswith("amazonpay_api.api.")}
    assert operations == {"amazonpay_api.api.charges", "amazonpay_api.api.charges.get_charge"}


@pytest.mark.parametrize(
    "module",
    [
        "amazonpay.notifications",  # receiving notifications is another program's job
        "amazonpay.testing",  # the simulator
        "anyio.lowlevel",  # the async client's event-loop guard
        "sniffio",  # anyio asking which async library runs
        "zipfile",  # importlib.resources.files reading the registry
        "jinja2",  # generation only
        "yaml",  # generation only
        "openapi_python_client",  # generation only
        "attrs",  # the generated classes are plain classes: attrs built each at import time
        "attr",
        "amazonpay._waiting",  # only wait() and is_final() need it
        "amazonpay._pagination",  # only listings need it
        "amazonpay._storage",  # only downloads and uploads need it
        "amazonpay._codes",  # only an error's reason code needs it
        "amazonpay._validation",  # only a call with a body needs it (its checks, Decimal amounts)
        "amazonpay._client_options",  # a TypedDict for type checkers (and from_env's callers)
        "importlib.util",  # the registry's folder is the imported package's
        "openapi_core",  # the contract tests' validator
        "jsonschema",
        # (not click or rich: `import httpx` loads both when they are installed, for its own CLI)
    ],
)
def test_one_get_does_not_import(module: str, after_one_get: set[str]) -> None:
    assert module not in after_one_get


def test_the_whole_generated_package_imports_no_attrs() -> None:
    code = (
        "import json, sys, amazonpay_api.client, amazonpay_api.types, amazonpay_api.models as models\n"
        "[getattr(models, name) for name in models.__all__]\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = imported_by(code)
    assert "amazonpay_api.models.charge" in loaded
    assert not {"attrs", "attr"} & loaded


def test_importing_one_model_does_not_import_every_model() -> None:
    code = "import json, sys, amazonpay_api.models.charge; print(json.dumps(sorted(sys.modules)))"
    loaded = model_modules(imported_by(code))
    # its nested models and enums load when a body holding them is parsed
    assert loaded == {"charge"}


def test_every_model_is_reachable_from_the_models_package() -> None:
    # The package imports its models on first access: each exported name still resolves.
    resolved: dict[str, Any] = {name: getattr(amazonpay_api.models, name) for name in amazonpay_api.models.__all__}
    assert all(isinstance(model, type) and model.__name__ == name for name, model in resolved.items())
    assert set(amazonpay_api.models.__all__) <= set(dir(amazonpay_api.models))
    with pytest.raises(AttributeError, match="NoSuchModel"):
        amazonpay_api.models.NoSuchModel  # noqa: B018


def test_a_base_url_without_credentials_compiles_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only a URL with an "@" has a user name or password to hide from messages: the others (the
    # simulator's, a local server's) are checked without compiling the pattern that hides them.
    import amazonpay._endpoints

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("a pattern was compiled for a base_url without an '@'")

    monkeypatch.setattr(amazonpay._endpoints, "re", SimpleNamespace(sub=refuse))
    endpoint = amazonpay._endpoints.resolve_endpoint("eu", "SANDBOX-AE1", None, "http://127.0.0.1:8080/sandbox/v2")
    assert endpoint.base_url == "http://127.0.0.1:8080/sandbox/v2"
