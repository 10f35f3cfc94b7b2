"""The `amazonpay` command: the console script run in subprocesses against the simulator server.

Subprocesses are few (each costs a Python start); exit codes per error class, sign-button and
the registry-derived flags run in-process through click's runner, against the same server.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from amazonpay import AmazonPay
from amazonpay._registry import operation_registry, request_schemas
from amazonpay.cli._app import cli
from amazonpay.cli._calling import EXIT_CODES, OUTPUT_LOST_EXIT_CODE, USAGE_EXIT_CODE
from amazonpay.cli._operations import body_fields, kebab, method_parameters
from amazonpay.testing import AmazonPaySandbox
from tests.support.independent_signing import pss_verify, to_sign
from tests.support.operations import money, recurring_checkout

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "amazonpay"  # the console script the cli extra installs
STORE_ID = "amzn1.application-oa2-client.0123456789abcdef"
CODES = {name: code for name, code, _ in EXIT_CODES}


@pytest.fixture(scope="module")
def served() -> AmazonPaySandbox:
    return AmazonPaySandbox()


@pytest.fixture
def sandbox(served: AmazonPaySandbox) -> Iterator[AmazonPaySandbox]:
    """One simulator for the module (stopping a server takes 0.5 s); a test's faults end with it."""
    yield served
    served.faults.clear()


@pytest.fixture(scope="module")
def env(served: AmazonPaySandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The configuration `AmazonPay.from_env()` reads, pointed at the simulator served on loopback."""
    key_id, pem = served.create_key()
    key_file = tmp_path_factory.mktemp("cli") / "key.pem"
    key_file.write_bytes(pem)
    with served.serve() as server:
        yield {
            "AMAZON_PAY_PUBLIC_KEY_ID": key_id,
            "AMAZON_PAY_PRIVATE_KEY": str(key_file),
            "AMAZON_PAY_REGION": "eu",
            "AMAZON_PAY_BASE_URL": f"{server.url}/v2",
        }


def run(*args: str, env: Mapping[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The console script, as a user runs it (output piped, so compact JSON)."""
    return subprocess.run(
        [str(SCRIPT), *args], input=stdin, capture_output=True, text=True, env={"PATH": "", **env}, timeout=60
    )


def captured_charge(sandbox: AmazonPaySandbox, env: Mapping[str, str], amount: str) -> str:
    """A charge captured in the sandbox through the library (the buyer approves in between)."""
    with AmazonPay(
        public_key_id=env["AMAZON_PAY_PUBLIC_KEY_ID"],
        private_key=Path(env["AMAZON_PAY_PRIVATE_KEY"]),
        region="eu",
        transport=sandbox.transport(),
    ) as pay:
        session = pay.checkout_sessions.create(
            {
                "webCheckoutDetails": {
                    "checkoutReviewReturnUrl": "https://shop.example/review",
                    "checkoutResultReturnUrl": "https://shop.example/result",
                },
                "storeId": STORE_ID,
                "paymentDetails": {
                    "paymentIntent": "AuthorizeWithCapture",
                    "chargeAmount": {"amount": amount, "currencyCode": "EUR"},
                },
            }
        )
        sandbox.approve(session.checkout_session_id)
        completed = pay.checkout_sessions.complete(
            session.checkout_session_id, {"chargeAmount": {"amount": amount, "currencyCode": "EUR"}}
        )
    assert isinstance(completed.charge_id, str)
    return completed.charge_id


def printed_key(stderr: str) -> str:
    match = re.search(r"^idempotency key: ([0-9A-Za-z_-]+) ", stderr, re.MULTILINE)
    assert match, stderr
    return match[1]


# --- subprocesses ----------------------------------------------------------------------------


def test_help_lists_every_resource_without_loading_httpx_or_the_generated_package() -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", str(SCRIPT), "--help"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    listed = dict(re.findall(r"^  (\S+)\s+(.*)$", run.stdout.split("Commands:")[1], re.MULTILINE))
    for entry in operation_registry():
        assert kebab(entry["action"]) in listed[kebab(entry["resource"])].split(", ")
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "click" in imported  # the measurement saw the imports
    loaded = {name.split(".")[0] for name in imported}
    assert not loaded & {"httpx", "httpcore", "cryptography", "amazonpay_api", "attrs"}


@pytest.mark.parametrize("command", [["checkout-sessions", "create"], ["reports", "create"], ["refunds", "create"]])
def test_help_says_what_the_spec_says_of_a_keyed_call_not_that_it_moves_money(command: list[str]) -> None:
    """Creating a Checkout Session or a report moves no money: the help names the operation and its key."""
    entry = next(e for e in operation_registry() if [kebab(e["resource"]), kebab(e["action"])] == command)
    shown = " ".join(CliRunner().invoke(cli, [*command, "--help"], terminal_width=400).output.split())
    assert "Moves money" not in shown
    summary = entry["summary"].removeprefix("Amazon ").rstrip(".")
    assert f"{summary} carries an idempotency key ({entry['idempotencyKey']})" in shown


def test_simulator_serve_help_names_the_command_it_was_run_as() -> None:
    shown = CliRunner().invoke(cli, ["simulator", "serve", "--help"])
    assert shown.exit_code == 0
    assert shown.output.startswith("usage: amazonpay simulator serve ")


def test_a_refund_reaches_the_ledger_its_key_replays_it_and_bodies_come_from_file_and_stdin(
    sandbox: AmazonPaySandbox, env: dict[str, str], tmp_path: Path
) -> None:
    charge_id = captured_charge(sandbox, env, "10.00")
    before = set(sandbox.refunds)
    first = run("refunds", "create", "--charge-id", charge_id, "--amount", "4.00", "--currency-code", "EUR", env=env)
    assert first.returncode == 0, first.stderr
    refund = json.loads(first.stdout)
    assert "\n" not in first.stdout.strip()  # piped: compact
    assert sandbox.refunds[refund["refundId"]]["refundAmount"] == {"amount": "4.00", "currencyCode": "EUR"}
    assert sandbox.refunds[refund["refundId"]]["chargeId"] == charge_id
    key = printed_key(first.stderr)

    # The same refund again from a file, with the printed key: Amazon Pay replays, no second refund.
    body = tmp_path / "refund.json"
    body.write_text(json.dumps({"chargeId": charge_id, "refundAmount": {"amount": "4.00", "currencyCode": "EUR"}}))
    again = run("refunds", "create", "--body", f"@{body}", "--idempotency-key", key, env=env)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["refundId"] == refund["refundId"]
    assert printed_key(again.stderr) == key
    assert set(sandbox.refunds) - before == {refund["refundId"]}

    # From stdin, a flag overriding the body's amount: a second refund, with a new key.
    stdin = json.dumps({"chargeId": charge_id, "refundAmount": {"amount": "9.99", "currencyCode": "EUR"}})
    second = run("refunds", "create", "--body", "-", "--amount", "1.50", env=env, stdin=stdin)
    assert second.returncode == 0, second.stderr
    assert printed_key(second.stderr) != key
    assert sandbox.refunds[json.loads(second.stdout)["refundId"]]["refundAmount"]["amount"] == "1.50"
    assert len(set(sandbox.refunds) - before) == 2


def test_a_refund_whose_output_cannot_be_written_says_it_succeeded(
    sandbox: AmazonPaySandbox, env: dict[str, str]
) -> None:
    """Issue 19, finding 4: `amazonpay refunds create ... | head -c0` refunded, then exited 1, as
    for a failure; automation re-ran it without the key and refunded twice."""
    charge_id = captured_charge(sandbox, env, "10.00")
    before = set(sandbox.refunds)
    arguments = ["refunds", "create", "--charge-id", charge_id, "--amount", "4.00", "--currency-code", "EUR"]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the result is written, as after `| head -c0`
    try:
        lost = subprocess.run(
            [str(SCRIPT), *arguments],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={"PATH": "", **env},
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert lost.returncode == OUTPUT_LOST_EXIT_CODE, lost.stderr
    (refund_id,) = set(sandbox.refunds) - before
    key = printed_key(lost.stderr)
    (created,) = [r for r in sandbox.requests if r.headers.get("x-amz-pay-idempotency-key") == key]
    assert f"refunds create succeeded (request id {created.request_id}, idempotency key {key}:" in lost.stderr
    assert "standard output is closed (broken pipe)" in lost.stderr
    assert "Traceback" not in lost.stderr
    assert "Exception ignored" not in lost.stderr  # nothing more tried to write to the closed pipe

    # The operator runs it again with the key, as told: the same refund, not a second one.
    again = run(*arguments, "--idempotency-key", key, env=env)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["refundId"] == refund_id
    assert set(sandbox.refunds) - before == {refund_id}


def test_simulator_serve_and_an_error_exit_code_through_the_console_script(tmp_path: Path) -> None:
    """The banner's export lines, and nothing else, configure the command to call the simulator."""
    key_file = tmp_path / "sandbox-key.pem"
    server = subprocess.Popen(
        [str(SCRIPT), "simulator", "serve", "--port", "0", "--key-file", str(key_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        env: dict[str, str] = {}
        while "AMAZON_PAY_BASE_URL" not in env:
            line = server.stdout.readline()
            assert line, f"the simulator stopped before printing its export lines: {env}"
            if line.strip().startswith("export "):
                name, _, value = line.strip().removeprefix("export ").partition("=")
                env[name] = shlex.split(value)[0]
        assert set(env) == {
            "AMAZON_PAY_PUBLIC_KEY_ID",
            "AMAZON_PAY_PRIVATE_KEY",
            "AMAZON_PAY_REGION",
            "AMAZON_PAY_BASE_URL",
        }
        assert env["AMAZON_PAY_PRIVATE_KEY"] == str(key_file)
        missing = run("charges", "get", "S02-0000000-0000000-C000000", env=env)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert missing.returncode == CODES["NotFoundError"], missing.stderr
    assert missing.stdout == ""
    assert "reason code: ResourceNotFound" in missing.stderr
    assert re.search(r"^request id: \S+$", missing.stderr, re.MULTILINE)


# --- in-process: exit codes, sign-button, derived flags --------------------------------------


def invoke(env: Mapping[str, str], *args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), env=dict(env), input=stdin)


FAULTS = [
    pytest.param({"status": 400}, "BadRequestError", id="400"),
    pytest.param({"status": 401}, "AuthenticationError", id="401"),
    pytest.param({"status": 422}, "UnprocessableError", id="422"),
    pytest.param({"status": 429}, "RateLimitError", id="429"),
    pytest.param({"status": 503}, "ServerError", id="503"),
    pytest.param({"status": 409}, "APIStatusError", id="409"),
    pytest.param({"exception": httpx.ConnectError}, "APIConnectionError", id="no-answer"),
    pytest.param(
        {"status": 200, "body": b"not json", "headers": {"content-type": "application/json"}},
        "UnexpectedResponseError",
        id="unreadable",
    ),
]


@pytest.mark.parametrize(("fault", "error"), FAULTS)
def test_each_error_class_has_its_exit_code(
    sandbox: AmazonPaySandbox, env: dict[str, str], fault: dict[str, Any], error: str
) -> None:
    sandbox.fail_next(**fault)
    result = invoke(env, "charges", "get", "S02-0000000-0000000-C000000", "--max-retries", "0")
    assert (result.exit_code, result.stdout) == (CODES[error], ""), result.output
    assert result.stderr.startswith(f"amazonpay: {error}: ")


def test_exit_codes_without_a_fault(sandbox: AmazonPaySandbox, env: dict[str, str]) -> None:
    sent = len(sandbox.requests)
    missing = invoke(env, "charges", "get", "S02-0000000-0000000-C000000")
    assert missing.exit_code == CODES["NotFoundError"]
    bad_amount = invoke(env, "refunds", "create", "--charge-id", "S02-1", "--amount", "1,00", "--currency-code", "EUR")
    assert bad_amount.exit_code == CODES["ConfigurationError"]
    assert "refundAmount.amount" in bad_amount.stderr
    no_region = invoke({**env, "AMAZON_PAY_REGION": ""}, "charges", "get", "S02-1")
    assert no_region.exit_code == CODES["ConfigurationError"]
    assert "AMAZON_PAY_REGION" in no_region.stderr
    assert [r.operation_id for r in sandbox.requests[sent:]] == ["getCharge"]  # the refused ones sent nothing
    assert invoke(env, "charges", "get").exit_code == USAGE_EXIT_CODE
    assert invoke(env, "refunds", "create", "--body", "{not json").exit_code == USAGE_EXIT_CODE
    assert invoke(env, "refunds", "create", "--body", "-", stdin="[1]").exit_code == USAGE_EXIT_CODE
    assert invoke(env, "--sandbox", "charges", "get", "S02-1").exit_code == CODES["NotFoundError"]


def test_a_cancel_rerun_with_retrying_gets_the_canceled_charge(sandbox: AmazonPaySandbox, env: dict[str, str]) -> None:
    """A cancel re-run after its first run was cut off: refused as already done (exit 7) unless
    the operator says it repeats that call (--retrying); then the canceled charge is the answer."""
    with AmazonPay(
        public_key_id=env["AMAZON_PAY_PUBLIC_KEY_ID"],
        private_key=Path(env["AMAZON_PAY_PRIVATE_KEY"]),
        region="eu",
        transport=sandbox.transport(),
    ) as pay:
        session = pay.checkout_sessions.create(recurring_checkout("5.00"))
        sandbox.approve(session.checkout_session_id)
        completed = pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": money("5.00")})
        body = {"chargePermissionId": completed.charge_permission_id, "chargeAmount": money("1.00")}
        charge_id = str(pay.charges.create(body).charge_id)  # Authorized
        pay.charges.cancel(charge_id, {"cancellationReason": "the first run"})  # its output never seen
    again = ["charges", "cancel", charge_id, "--cancellation-reason", "the first run"]
    refused = invoke(env, *again)
    assert refused.exit_code == CODES["UnprocessableError"], refused.output
    retried = invoke(env, *again, "--retrying")
    assert retried.exit_code == 0, retried.output
    assert json.loads(retried.stdout)["statusDetails"]["state"] == "Canceled"
    assert [r.operation_id for r in sandbox.requests[-3:]] == ["cancelCharge", "cancelCharge", "getCharge"]


MWS_TOKEN = "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaCLI"


def test_the_mws_auth_token_comes_from_the_environment_a_file_or_stdin_never_an_argument(
    sandbox: AmazonPaySandbox, env: dict[str, str], tmp_path: Path
) -> None:
    get = ("authorization-tokens", "get", "--merchant-id", "A1MERCHANT")
    sent = len(sandbox.requests)
    as_argument = invoke(env, "authorization-tokens", "get", MWS_TOKEN, "--merchant-id", "A1MERCHANT")
    assert as_argument.exit_code == USAGE_EXIT_CODE
    assert "$AMAZON_PAY_MWS_AUTH_TOKEN" in as_argument.stderr
    assert "--mws-auth-token-file" in as_argument.stderr
    assert MWS_TOKEN not in as_argument.output
    missing = invoke(env, *get)
    assert missing.exit_code == USAGE_EXIT_CODE
    assert "the mws-auth-token is missing: set $AMAZON_PAY_MWS_AUTH_TOKEN" in missing.stderr
    assert len(sandbox.requests) == sent  # neither was sent
    token_file = tmp_path / "mws-token"
    token_file.write_text(f"{MWS_TOKEN}\n", encoding="utf-8")
    results = [
        invoke({**env, "AMAZON_PAY_MWS_AUTH_TOKEN": MWS_TOKEN}, *get),
        invoke(env, *get, "--mws-auth-token-file", str(token_file)),
        invoke(env, *get, "--mws-auth-token-file", "-", stdin=f"{MWS_TOKEN}\n"),
    ]
    assert [result.exit_code for result in results] == [0, 0, 0], [result.output for result in results]
    issued = {json.loads(result.stdout)["authorizationToken"] for result in results}
    assert len(issued) == 1  # the same MWS token, read three ways, exchanges for the same token
    assert all(MWS_TOKEN not in result.stderr for result in results)
    assert invoke(env, *get, "--mws-auth-token-file", "-", "--auth-token-file", "-").exit_code == USAGE_EXIT_CODE


def test_the_delegated_token_comes_from_the_environment_or_a_file_never_an_argument(
    sandbox: AmazonPaySandbox, env: dict[str, str], tmp_path: Path
) -> None:
    exchanged = invoke(
        {**env, "AMAZON_PAY_MWS_AUTH_TOKEN": MWS_TOKEN}, "authorization-tokens", "get", "--merchant-id", "M"
    )
    token = json.loads(exchanged.stdout)["authorizationToken"]
    as_argument = invoke(env, "buyers", "get", "buyer-1", "--auth-token", token)
    assert as_argument.exit_code == USAGE_EXIT_CODE
    assert "$AMAZON_PAY_AUTH_TOKEN" in as_argument.stderr
    assert token not in as_argument.output
    token_file = tmp_path / "auth-token"
    token_file.write_text(f"{token}\n", encoding="utf-8")
    wrong_file = tmp_path / "wrong-token"
    wrong_file.write_text("Atza|not-issued\n", encoding="utf-8")
    # A token the simulator issued gets as far as the buyer lookup (404); another one is refused (401).
    assert (
        invoke({**env, "AMAZON_PAY_AUTH_TOKEN": token}, "buyers", "get", "buyer-1").exit_code == CODES["NotFoundError"]
    )
    assert (
        invoke(env, "buyers", "get", "buyer-1", "--auth-token-file", str(token_file)).exit_code
        == CODES["NotFoundError"]
    )
    assert (
        invoke(env, "buyers", "get", "buyer-1", "--auth-token-file", str(wrong_file)).exit_code
        == CODES["AuthenticationError"]
    )


def test_exit_codes_are_distinct_and_the_guide_documents_them() -> None:
    codes = [code for _, code, _ in EXIT_CODES]
    assert len(set(codes)) == len(codes)
    assert USAGE_EXIT_CODE not in codes
    assert OUTPUT_LOST_EXIT_CODE not in [*codes, USAGE_EXIT_CODE]
    readme = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| (\d+) \| `(\w+)` \|", readme, re.MULTILINE)
    assert [(int(code), name) for code, name in documented] == [(code, name) for name, code, _ in EXIT_CODES]
    assert re.search(rf"^\| {OUTPUT_LOST_EXIT_CODE} \| \| the call succeeded", readme, re.MULTILINE)


def test_sign_button_prints_a_payload_and_signature_that_verify(
    sandbox: AmazonPaySandbox, env: dict[str, str], tmp_path: Path
) -> None:
    payload = {"webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/r"}, "storeId": STORE_ID}
    file = tmp_path / "payload.json"
    file.write_text(json.dumps(payload, indent=2))
    sent = len(sandbox.requests)
    result = invoke(env, "sign-button", str(file))
    assert result.exit_code == 0, result.output
    signed = json.loads(result.stdout)
    assert json.loads(signed["payloadJSON"]) == payload
    assert signed["algorithm"] == "AMZN-PAY-RSASSA-PSS-V2"
    private = load_pem_private_key(Path(env["AMAZON_PAY_PRIVATE_KEY"]).read_bytes(), password=None)
    assert isinstance(private, rsa.RSAPrivateKey)
    pss_verify(private.public_key(), 32, to_sign(signed["algorithm"], signed["payloadJSON"]), signed["signature"])
    assert len(sandbox.requests) == sent  # signed locally


def test_every_command_calls_its_method_with_the_arguments_it_takes(sandbox: AmazonPaySandbox) -> None:
    key_id, pem = sandbox.create_key()
    with AmazonPay(public_key_id=key_id, private_key=pem, region="eu", transport=sandbox.transport()) as pay:
        for entry in operation_registry():
            method = getattr(getattr(pay, entry["resource"]), entry["action"])
            taken = set(inspect.signature(method).parameters) - {"options"}
            expected = {p["argument"] for p in method_parameters(entry)} | ({"body"} if entry["requestBody"] else set())
            assert taken == expected, entry["operationId"]


def test_body_flags_set_scalar_fields_of_the_schema() -> None:
    for entry in operation_registry():
        for flag, field in body_fields(request_schemas().get(entry["operationId"])).items():
            schema = request_schemas()[entry["operationId"]]
            for part in field.path:
                schema = schema["properties"][part]
            assert schema is field.schema
            assert flag.endswith(kebab(field.path[-1])), (entry["operationId"], flag)


def test_every_public_name_resolves_through_the_lazy_package() -> None:
    import amazonpay

    assert set(amazonpay.__all__) == {*amazonpay._EXPORTS, "__version__"}
    for name in amazonpay.__all__:
        assert getattr(amazonpay, name) is not None
    assert amazonpay.AmazonPay is AmazonPay
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        amazonpay.Nope  # noqa: B018
