"""Every operation, sync and async, both algorithms, every region and key id kind: signed and routed.

Each request is verified with the public key by the independent canonicaliser in
``tests/support/independent_signing.py`` (never by comparing signatures: PSS is randomised).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError, request_options
from amazonpay_api import Client
from tests.support.independent_signing import verify_request
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY, OPERATIONS, Operation
from tests.support.spec import simulation_codes

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.conftest import FakeClock, Recorder, Sent

ALGORITHMS = ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"]
ALWAYS_SIGNED = {"accept", "content-type", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region"}
FIRST_DATE = "20261122T100000Z"  # the fake clock's first reading


@dataclass(frozen=True)
class Config:
    """How a client is configured, and where its requests must go."""

    region: str
    key_id: str
    sandbox: bool | None
    host: str
    region_header: str
    prefix: str
    environment: str
    simulates: bool = False  # send a simulation code where the operation accepts one
    delegates: bool = False  # call as a solution provider: auth_token= on every operation

    def simulation_code(self, operation: Operation) -> str | None:
        """The last code the spec lists for the operation (None: not simulating, or it has none)."""
        codes = simulation_codes(operation.operation_id) if self.simulates else []
        return codes[-1] if codes else None

    @property
    def id(self) -> str:
        return f"{self.region}-{self.key_id}-sandbox={self.sandbox}"

    def arguments(self) -> dict[str, Any]:
        arguments: dict[str, Any] = {"public_key_id": self.key_id, "region": self.region}
        if self.sandbox is not None:
            arguments["sandbox"] = self.sandbox
        return arguments

    @property
    def auth_token(self) -> str | None:
        return "Atza|IwEBIDelegated-" + self.region if self.delegates else None

    def options(self, operation: Operation) -> dict[str, Any]:
        options: dict[str, Any] = {"simulation_code": self.simulation_code(operation), "auth_token": self.auth_token}
        return {name: value for name, value in options.items() if value is not None}


NA, EU, JP = "pay-api.amazon.com", "pay-api.amazon.eu", "pay-api.amazon.jp"
CONFIGS = [
    # legacy key ids: the sandbox flag picks the path
    Config("na", "AHLEGACYNA", True, NA, "na", "/sandbox/v2", "sandbox", simulates=True),
    Config("us", "AHLEGACYNA", False, NA, "na", "/live/v2", "live"),
    Config("eu", "AELEGACYEU", True, EU, "eu", "/sandbox/v2", "sandbox", delegates=True),
    Config("jp", "AJLEGACYJP", False, JP, "jp", "/live/v2", "live"),
    # environment-specific key ids: /v2, the id selects the environment
    Config("eu", "LIVE-AEKEY", None, EU, "eu", "/v2", "live"),
    Config("de", "SANDBOX-AEKEY", None, EU, "eu", "/v2", "sandbox", simulates=True),
    Config("uk", "live-aekey", False, EU, "eu", "/v2", "live"),
    Config("jp", "sandbox-ajkey", None, JP, "jp", "/v2", "sandbox", simulates=True, delegates=True),
    Config("US", "Sandbox-ANKEY", True, NA, "na", "/v2", "sandbox"),
    Config("na", "LIVE-ANKEY", None, NA, "na", "/v2", "live"),
]


def check_request(
    sent: Sent,
    operation: Operation,
    config: Config,
    algorithm: str,
    public_key: rsa.RSAPublicKey,
    *,
    date: str = FIRST_DATE,
) -> None:
    """Everything the service checks on one request."""
    assert sent.method == operation.method
    assert sent.url.scheme == "https"
    assert sent.url.host == config.host
    assert sent.url.path == config.prefix + operation.path
    assert sent.url.query == operation.query_string
    headers = sent.headers
    assert headers["x-amz-pay-host"] == config.host
    assert headers["x-amz-pay-region"] == config.region_header
    assert headers["accept"] == "application/json"
    assert headers["content-type"] == "application/json"
    assert re.fullmatch(r"\d{8}T\d{6}Z", headers["x-amz-pay-date"])
    assert headers["x-amz-pay-date"] == date
    if operation.is_post:
        assert re.fullmatch(r"[0-9a-f]{32}", headers["x-amz-pay-idempotency-key"])
    else:
        assert "x-amz-pay-idempotency-key" not in headers
    assert headers.get("x-amz-pay-simulation-code") == config.simulation_code(operation)
    assert headers.get("x-amz-pay-authtoken") == config.auth_token
    if operation.body is None:
        assert sent.content == b""
    else:
        assert json.loads(sent.content) == operation.body

    verified = verify_request(public_key, sent.method, str(sent.url), headers, sent.content)
    assert verified.algorithm == algorithm
    assert verified.key_id == config.key_id
    expected = set(ALWAYS_SIGNED)
    if operation.is_post:
        expected.add("x-amz-pay-idempotency-key")
    if config.simulation_code(operation):
        expected.add("x-amz-pay-simulation-code")
    if config.auth_token:
        expected.add("x-amz-pay-authtoken")
    assert set(verified.signed) == expected
    assert headers["user-agent"].startswith("amazonpay-python/")
    assert "user-agent" not in verified.signed


MATRIX = pytest.mark.parametrize(
    ("operation", "algorithm", "config"),
    [
        pytest.param(operation, algorithm, config, id=f"{operation.name}-{algorithm}-{config.id}")
        for operation in OPERATIONS
        for algorithm in ALGORITHMS
        for config in CONFIGS
    ],
)


@MATRIX
def test_sync_operation_is_signed_and_routed(
    operation: Operation,
    algorithm: Any,
    config: Config,
    rsa_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    transport: Recorder,
    clock: FakeClock,
) -> None:
    transport.default = operation.answer()
    with AmazonPay(
        **config.arguments(), private_key=rsa_key, algorithm=algorithm, transport=transport, clock=clock
    ) as pay:
        assert pay.endpoint.environment == config.environment
        result = operation.call(pay, **config.options(operation))
    operation.check_result(result)
    assert len(transport.sent) == 1
    check_request(transport.sent[0], operation, config, algorithm, public_key)


@pytest.mark.anyio
@MATRIX
async def test_async_operation_is_signed_and_routed(
    operation: Operation,
    algorithm: Any,
    config: Config,
    rsa_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    transport: Recorder,
    clock: FakeClock,
) -> None:
    transport.default = operation.answer()
    async with AsyncAmazonPay(
        **config.arguments(), private_key=rsa_key, algorithm=algorithm, transport=transport, clock=clock
    ) as pay:
        assert pay.endpoint.environment == config.environment
        result = await operation.call(pay, **config.options(operation))
    operation.check_result(result)
    assert len(transport.sent) == 1
    check_request(transport.sent[0], operation, config, algorithm, public_key)


# --- the generated functions through pay.api: the same signing and routing ----------------
API_CONFIG = Config("jp", "LIVE-AJKEY", None, JP, "jp", "/v2", "live")


@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.name for o in OPERATIONS])
def test_a_call_through_pay_api_is_signed_and_routed(
    operation: Operation,
    rsa_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    transport: Recorder,
    clock: FakeClock,
) -> None:
    transport.default = operation.answer()
    with AmazonPay(**API_CONFIG.arguments(), private_key=rsa_key, transport=transport, clock=clock) as pay:
        response = operation.module.sync_detailed(client=pay.api, **operation.api_kwargs())
    assert response.status_code == operation.status
    operation.check_result(response.parsed)
    assert len(transport.sent) == 1
    check_request(transport.sent[0], operation, API_CONFIG, "AMZN-PAY-RSASSA-PSS-V2", public_key)


@pytest.mark.anyio
@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.name for o in OPERATIONS])
async def test_an_async_call_through_pay_api_is_signed_and_routed(
    operation: Operation,
    rsa_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    transport: Recorder,
    clock: FakeClock,
) -> None:
    transport.default = operation.answer()
    async with AsyncAmazonPay(**API_CONFIG.arguments(), private_key=rsa_key, transport=transport, clock=clock) as pay:
        response = await operation.module.asyncio_detailed(client=pay.api, **operation.api_kwargs())
    assert response.status_code == operation.status
    operation.check_result(response.parsed)
    assert len(transport.sent) == 1
    check_request(transport.sent[0], operation, API_CONFIG, "AMZN-PAY-RSASSA-PSS-V2", public_key)


# --- paths, hosts and headers beyond the matrix -------------------------------------------
def test_an_id_with_reserved_characters_is_encoded_in_the_path_and_signed_as_sent(
    pay: AmazonPay, transport: Recorder, public_key: rsa.RSAPublicKey
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    pay.charges.get("S02 1+ü%")
    sent = transport.sent[0]
    assert sent.url.raw_path == b"/v2/charges/S02%201%2B%C3%BC%25"  # encoded once
    assert sent.url.path == "/v2/charges/S02 1+ü%"
    verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content)


@pytest.mark.parametrize(
    ("base_url", "host"),
    [
        ("http://127.0.0.1:8765/v2", "127.0.0.1"),
        ("http://localhost/v2/", "localhost"),
        ("https://proxy.example/v2", "proxy.example"),
    ],
)
def test_base_url_redirects_the_requests_but_the_signed_host_stays_amazons(
    base_url: str, host: str, rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey, transport: Recorder
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay(
        public_key_id="SANDBOX-AE1", private_key=rsa_key, region="eu", transport=transport, base_url=base_url
    ) as pay:
        pay.charges.get("S02-1-C1")
    sent = transport.sent[0]
    assert sent.url.host == host
    assert sent.url.path == "/v2/charges/S02-1-C1"
    assert sent.headers["x-amz-pay-host"] == "pay-api.amazon.eu"
    verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content)


def test_extra_x_amz_pay_headers_are_sent_and_signed(
    pay: AmazonPay, transport: Recorder, public_key: rsa.RSAPublicKey
) -> None:
    transport.default = BY_NAME["checkout_sessions.get"].answer()
    pay.checkout_sessions.get("CS-1", headers={"x-amz-pay-trace-id": "trace-1", "x-trace": "t"})
    sent = transport.sent[0]
    verified = verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content)
    assert sent.headers["x-amz-pay-trace-id"] == "trace-1"
    assert "x-amz-pay-trace-id" in verified.signed
    assert sent.headers["x-trace"] == "t"
    assert "x-trace" not in verified.signed


def test_an_auth_token_from_request_options_reaches_a_call_through_pay_api(
    pay: AmazonPay, transport: Recorder, public_key: rsa.RSAPublicKey
) -> None:
    operation = BY_NAME["buyers.get"]
    transport.default = operation.answer()
    with request_options(auth_token="Atza|outer"), request_options(max_retries=0):
        operation.module.sync_detailed(client=pay.api, **operation.api_kwargs())
    sent = transport.sent[0]
    assert sent.headers["x-amz-pay-authtoken"] == "Atza|outer"
    assert "x-amz-pay-authtoken" in verify_request(public_key, sent.method, str(sent.url), sent.headers, b"").signed


@pytest.mark.parametrize(
    ("headers", "token"),
    [
        pytest.param({"x-amz-pay-authtoken": "Atza|1"}, None, id="as a header"),
        pytest.param({"X-Amz-Pay-AuthToken": "Atza|1"}, None, id="as a header, any case"),
        pytest.param(None, "", id="empty"),
        pytest.param(None, "  ", id="blank"),
        pytest.param(None, "Atza|1\r\nx-evil: 1", id="a line break"),
        pytest.param(None, "Atza|é", id="non-ascii"),
    ],
)
def test_a_bad_auth_token_is_refused_before_sending_and_never_shown(
    headers: dict[str, str] | None, token: str | None, pay: AmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError, match="auth_token") as raised:
        pay.buyers.get("buyer-1", headers=headers, auth_token=token)
    assert "Atza|" not in str(raised.value)
    assert transport.sent == []


@pytest.mark.parametrize(
    "url",
    [
        "https://attacker.example/v2/merchantAccounts",
        "http://pay-api.amazon.eu/v2/merchantAccounts",
        "https://pay-api.amazon.eu:8443/v2/merchantAccounts",
        "https://pay-api.amazon.com/v2/merchantAccounts",
        "https://pay-api.amazon.eu/merchantAccounts",
        "https://pay-api.amazon.eu/v2x/merchantAccounts",
        "/../merchantAccounts",
        "/%2e%2e/merchantAccounts",
        "/charges/%2E/x",
    ],
)
def test_signed_requests_go_only_to_the_configured_endpoint(url: str, pay: AmazonPay, transport: Recorder) -> None:
    """pay.api's httpx client signs (with any delegated token) only for the endpoint: scheme, host, port, path."""
    with (
        request_options(auth_token="Atza|delegated"),
        pytest.raises(ConfigurationError, match=r"signs requests for https://pay-api\.amazon\.eu/v2 only"),
    ):
        pay.api.get_httpx_client().get(url)
    assert transport.sent == []


@pytest.mark.spec_violations_expected  # operations beyond the spec, under a proxy's path
def test_the_endpoint_is_the_configured_base_url(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(200, json={})
    base_url = "http://127.0.0.1:8765/sandbox-proxy/v2"
    with AmazonPay(
        public_key_id="SANDBOX-AEBASE", private_key=rsa_key, region="eu", base_url=base_url, transport=transport
    ) as pay:
        http = pay.api.get_httpx_client()
        http.post("/merchantAccounts", json={})
        http.get(f"{base_url}/merchantAccounts")
        for elsewhere in ("http://127.0.0.1:8766/sandbox-proxy/v2/x", "http://localhost:8765/sandbox-proxy/v2/x"):
            with pytest.raises(ConfigurationError, match="not sent"):
                http.get(elsewhere)
    assert [str(sent.url) for sent in transport.sent] == [f"{base_url}/merchantAccounts"] * 2


@pytest.mark.parametrize("name", sorted(name for name in dir(Client) if name.startswith("with_")))
def test_the_generated_clients_builders_are_refused_on_pay_api_and_change_nothing(
    name: str, pay: AmazonPay, transport: Recorder
) -> None:
    """with_timeout/with_headers/... would give a plain httpx client and change pay's own in place."""
    http = pay.api.get_httpx_client()
    timeout, headers = http.timeout, dict(http.headers)
    argument = {"with_timeout": httpx.Timeout(None), "with_headers": {"x-a": "1"}, "with_cookies": {"c": "1"}}
    with pytest.raises(
        ConfigurationError, match=rf"pay\.api\.{name}\(\) is not available: .* use amazonpay\.request_options"
    ):
        getattr(pay.api, name)(argument.get(name, {}))
    assert pay.api.get_httpx_client() is http
    assert (http.timeout, dict(http.headers), dict(http.cookies)) == (timeout, headers, {})
    transport.default = BY_NAME["charges.get"].answer()
    pay.charges.get("S02-1-C1")
    assert transport.sent[0].extensions["timeout"] == timeout.as_dict()


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(
            lambda pay: pay.api.get_httpx_client().get(
                "/charges/C1", headers=[("x-amz-pay-partner", "a"), ("X-Amz-Pay-Partner", "b")]
            ),
            id="two lines on the request",
        ),
        pytest.param(
            lambda pay: pay.charges.get("C1", headers={"x-amz-pay-partner": "a", "X-Amz-Pay-Partner": "b"}),
            id="headers= in two cases",
        ),
        pytest.param(
            lambda pay: pay.api.get_httpx_client().get(
                "/charges/C1", headers=[("x-amz-pay-partner", "a"), ("x-amz-pay-partner", "a")]
            ),
            id="the same line twice",
        ),
    ],
)
def test_two_lines_of_one_x_amz_pay_header_are_refused_before_sending(
    send: Any, pay: AmazonPay, transport: Recorder
) -> None:
    """Sent as two lines, they would be signed joined ("a, b"): how Amazon canonicalises that is not documented."""
    with pytest.raises(ConfigurationError, match="header x-amz-pay-partner is given more than once"):
        send(pay)
    assert transport.sent == []


def test_a_per_call_header_replaces_the_clients_line_of_that_name(
    pay: AmazonPay, transport: Recorder, public_key: rsa.RSAPublicKey
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    pay.api.get_httpx_client().headers["x-amz-pay-partner"] = "client"
    pay.charges.get("S02-1-C1", headers={"X-Amz-Pay-Partner": "call"})
    sent = transport.sent[0]
    assert sent.headers["x-amz-pay-partner"] == "call"
    assert "x-amz-pay-partner" in verify_request(public_key, sent.method, str(sent.url), sent.headers, b"").signed


def test_per_call_timeout_reaches_the_transport(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    pay.charges.get("S02-1-C1", timeout=2.5)
    pay.charges.get("S02-1-C1")
    assert transport.sent[0].extensions["timeout"] == httpx.Timeout(2.5).as_dict()
    assert transport.sent[1].extensions["timeout"] == httpx.Timeout(30.0).as_dict()


# --- context managers close the pool ----------------------------------------------------------
def test_the_sync_client_closes_its_pool(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", transport=transport) as pay:
        pay.charges.get("S02-1-C1")
        assert not transport.closed
    assert transport.closed
    assert pay._http.is_closed
    with pytest.raises(ConfigurationError, match="not sent: this AmazonPay client is closed"):
        pay.charges.get("S02-1-C1")
    assert len(transport.sent) == 1


def test_close_closes_the_pool(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    pay = AmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", transport=transport)
    pay.close()
    assert transport.closed
    assert pay._http.is_closed


@pytest.mark.anyio
async def test_the_async_client_closes_its_pool(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    async with AsyncAmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", transport=transport) as pay:
        await pay.charges.get("S02-1-C1")
        assert not transport.closed
    assert transport.closed
    assert pay._http.is_closed
    with pytest.raises(ConfigurationError, match="not sent: this AsyncAmazonPay client is closed"):
        await pay.charges.get("S02-1-C1")
    assert len(transport.sent) == 1


@pytest.mark.anyio
async def test_aclose_closes_the_pool(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    pay = AsyncAmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", transport=transport)
    await pay.aclose()
    assert transport.closed
    assert pay._http.is_closed


# --- from_env -----------------------------------------------------------------------------
ENV = ("AMAZON_PAY_PUBLIC_KEY_ID", "AMAZON_PAY_PRIVATE_KEY", "AMAZON_PAY_REGION", "AMAZON_PAY_SANDBOX")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (*ENV, "AMAZON_PAY_PRIVATE_KEY_PASSWORD", "AMAZON_PAY_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("key_as", ["path", "pem text"])
def test_from_env_reads_every_variable(
    key_as: str,
    clean_env: pytest.MonkeyPatch,
    tmp_path: Any,
    private_pem: bytes,
    public_key: rsa.RSAPublicKey,
    transport: Recorder,
) -> None:
    key_file = tmp_path / "private.pem"
    key_file.write_bytes(private_pem)
    clean_env.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "AHLEGACYKEY")
    clean_env.setenv("AMAZON_PAY_PRIVATE_KEY", str(key_file) if key_as == "path" else private_pem.decode())
    clean_env.setenv("AMAZON_PAY_REGION", "de")
    clean_env.setenv("AMAZON_PAY_SANDBOX", "true")
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay.from_env(transport=transport) as pay:
        assert pay.endpoint.region == "eu"
        assert pay.endpoint.environment == "sandbox"
        pay.charges.get("S02-1-C1")
    sent = transport.sent[0]
    assert str(sent.url) == "https://pay-api.amazon.eu/sandbox/v2/charges/S02-1-C1"
    assert verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content).key_id == "AHLEGACYKEY"


def test_from_env_reads_the_base_url_the_command_line_reads(
    clean_env: pytest.MonkeyPatch, private_pem: bytes, transport: Recorder
) -> None:
    """One reading of the environment: a receiver configured like the CLI calls the same host."""
    clean_env.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "SANDBOX-AEBASEURL")
    clean_env.setenv("AMAZON_PAY_PRIVATE_KEY", private_pem.decode())
    clean_env.setenv("AMAZON_PAY_REGION", "eu")
    clean_env.setenv("AMAZON_PAY_BASE_URL", "http://127.0.0.1:8765/v2/")
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay.from_env(transport=transport) as pay:
        assert pay.endpoint.base_url == "http://127.0.0.1:8765/v2"
        pay.charges.get("S02-1-C1")
    with AmazonPay.from_env(transport=transport, base_url="http://127.0.0.1:9999/v2") as pay:
        assert pay.endpoint.base_url == "http://127.0.0.1:9999/v2"  # an argument overrides it
    assert str(transport.sent[0].url) == "http://127.0.0.1:8765/v2/charges/S02-1-C1"


def test_from_env_sandbox_false(clean_env: pytest.MonkeyPatch, private_pem: bytes) -> None:
    clean_env.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "AHLEGACYKEY")
    clean_env.setenv("AMAZON_PAY_PRIVATE_KEY", private_pem.decode())
    clean_env.setenv("AMAZON_PAY_REGION", "jp")
    clean_env.setenv("AMAZON_PAY_SANDBOX", "false")
    with AmazonPay.from_env() as pay:
        assert pay.endpoint.base_url == "https://pay-api.amazon.jp/live/v2"


@pytest.mark.parametrize("missing", ENV[:3])
def test_from_env_names_a_missing_variable(missing: str, clean_env: pytest.MonkeyPatch, private_pem: bytes) -> None:
    values = {"AMAZON_PAY_PUBLIC_KEY_ID": "LIVE-AE1", "AMAZON_PAY_PRIVATE_KEY": private_pem.decode()}
    values["AMAZON_PAY_REGION"] = "eu"
    for name, value in values.items():
        if name != missing:
            clean_env.setenv(name, value)
    with pytest.raises(ConfigurationError, match=f"environment variable {missing} is not set"):
        AmazonPay.from_env()


def test_from_env_keyword_overrides_win(
    clean_env: pytest.MonkeyPatch, private_pem: bytes, rsa_key: rsa.RSAPrivateKey, transport: Recorder
) -> None:
    clean_env.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "AHLEGACYKEY")
    clean_env.setenv("AMAZON_PAY_PRIVATE_KEY", "/no/such/key.pem")
    clean_env.setenv("AMAZON_PAY_REGION", "eu")
    clean_env.setenv("AMAZON_PAY_SANDBOX", "true")
    with AmazonPay.from_env(
        public_key_id="LIVE-AJKEY", private_key=rsa_key, region="jp", sandbox=None, transport=transport
    ) as pay:
        assert pay.endpoint.base_url == "https://pay-api.amazon.jp/v2"
        assert "LIVE-AJKEY" in repr(pay)


def test_from_env_works_with_only_the_overrides(clean_env: pytest.MonkeyPatch, rsa_key: rsa.RSAPrivateKey) -> None:
    with AmazonPay.from_env(public_key_id="SANDBOX-AE1", private_key=rsa_key, region="uk") as pay:
        assert pay.endpoint.base_url == "https://pay-api.amazon.eu/v2"


@pytest.mark.anyio
async def test_async_from_env(clean_env: pytest.MonkeyPatch, private_pem: bytes, transport: Recorder) -> None:
    clean_env.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "SANDBOX-AEKEY")
    clean_env.setenv("AMAZON_PAY_PRIVATE_KEY", private_pem.decode())
    clean_env.setenv("AMAZON_PAY_REGION", "eu")
    transport.default = BY_NAME["refunds.get"].answer()
    async with AsyncAmazonPay.from_env(transport=transport) as pay:
        await pay.refunds.get("S02-1-R1")
    assert str(transport.sent[0].url) == "https://pay-api.amazon.eu/v2/refunds/S02-1-R1"


# --- review of issue 19: pay.api's httpx client is the signing one, and only it --------------------
# set_httpx_client()/set_async_httpx_client() swapped any httpx client under pay.api, and with it
# under every resource method (pay.charges.create sent unsigned, without its key, to wherever that
# client pointed); and the kind a client does not have (pay.api of AmazonPay used with the asyncio
# functions, or the reverse) was built on demand as a plain httpx client: unsigned, no retries.


@pytest.mark.parametrize("name", ["set_httpx_client", "set_async_httpx_client"])
def test_swapping_pay_apis_httpx_client_is_refused_and_changes_nothing(
    name: str, pay: AmazonPay, transport: Recorder
) -> None:
    http = pay.api.get_httpx_client()
    with pytest.raises(ConfigurationError, match=rf"pay\.api\.{name}\(\) is not available: .*nothing was changed"):
        getattr(pay.api, name)(httpx.Client(base_url="https://elsewhere.example/v2"))
    assert pay.api.get_httpx_client() is http
    transport.default = BY_NAME["charges.get"].answer()
    pay.charges.get("S02-1-C1")
    assert [sent.url.host for sent in transport.sent] == ["pay-api.amazon.eu"]
    assert "authorization" in transport.sent[0].headers


def test_pay_api_of_the_sync_client_has_no_plain_async_client(pay: AmazonPay) -> None:
    with pytest.raises(ConfigurationError, match=r"pay\.api of AmazonPay is synchronous: .*AsyncAmazonPay"):
        pay.api.get_async_httpx_client()


@pytest.mark.anyio
async def test_pay_api_of_the_async_client_has_no_plain_sync_client(async_pay: AsyncAmazonPay) -> None:
    with pytest.raises(ConfigurationError, match=r"pay\.api of AsyncAmazonPay is asynchronous: .*AmazonPay"):
        async_pay.api.get_httpx_client()
    with pytest.raises(ConfigurationError, match="asynchronous"):
        async_pay.api.__enter__()


# --- review of issue 19: x-amz-pay-date is the UTC time in the basic form, whatever clock= returns ---
# It was (clock() + skew).strftime("%Y%m%dT%H%M%SZ"): a clock in another zone (datetime.now(tz), an
# aware local time) was signed as if it were UTC, hours off, and a year below 1000 lost its zero
# padding ("9990102T030405Z", as glibc formats %Y), a form Amazon's recipe does not have.


@pytest.mark.parametrize(
    ("moment", "stamped"),
    [
        pytest.param(
            datetime(2026, 11, 22, 11, 0, 0, tzinfo=timezone(timedelta(hours=1))), "20261122T100000Z", id="UTC+1"
        ),
        pytest.param(
            datetime(2026, 11, 22, 0, 30, 0, tzinfo=timezone(timedelta(hours=-5))), "20261122T053000Z", id="UTC-5"
        ),
        pytest.param(datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC), "09990102T030405Z", id="year 999"),
        pytest.param(datetime(1, 1, 1, tzinfo=UTC), "00010101T000000Z", id="year 1"),
    ],
)
def test_the_signed_date_is_utc_in_the_basic_form_whatever_the_clock(
    moment: datetime, stamped: str, rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey, transport: Recorder
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay(
        public_key_id="SANDBOX-AEDATE", private_key=rsa_key, region="eu", transport=transport, clock=lambda: moment
    ) as pay:
        pay.charges.get("S02-1-C1")
    sent = transport.sent[0]
    assert sent.headers["x-amz-pay-date"] == stamped
    assert "x-amz-pay-date" in verify_request(public_key, sent.method, str(sent.url), sent.headers, b"").signed


def test_a_clock_without_a_time_zone_is_refused_before_sending(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    """datetime.now() is local time without saying so: signing it as UTC would be hours off."""
    with (
        AmazonPay(
            public_key_id="SANDBOX-AEDATE", private_key=rsa_key, region="eu", transport=transport, clock=datetime.now
        ) as pay,
        pytest.raises(
            ConfigurationError, match=r"clock\(\) returned a datetime without a time zone.*datetime\.now\(UTC\)"
        ),
    ):
        pay.charges.get("S02-1-C1")
    assert transport.sent == []


def test_a_clock_refused_leaves_the_outcome_and_the_blocks_key_as_they_were(
    rsa_key: rsa.RSAPrivateKey, transport: Recorder
) -> None:
    """A call refused before sending is not a call: the block's key stays free for its POST."""
    readings = iter([datetime(2026, 11, 22, 10, 0, 0), *[datetime(2026, 11, 22, 10, 0, 1, tzinfo=UTC)] * 5])
    transport.default = BY_NAME["charges.create"].answer()
    with (
        AmazonPay(
            public_key_id="SANDBOX-AEDATE",
            private_key=rsa_key,
            region="eu",
            transport=transport,
            clock=lambda: next(readings),
        ) as pay,
        request_options(idempotency_key="order-42") as outcome,
    ):
        with pytest.raises(ConfigurationError, match="without a time zone"):
            pay.charges.create(CREATE_CHARGE_BODY)
        assert (outcome.idempotency_key, outcome.sent, outcome.attempts) == (None, False, 0)
        pay.charges.create(CREATE_CHARGE_BODY)
    assert [sent.headers["x-amz-pay-idempotency-key"] for sent in transport.sent] == ["order-42"]


# --- review of issue 19: a Date header no clock shows is not adopted as the signing clock ----------
# With clock_skew="auto", a Date of 31 Dec 9999 (a broken proxy's, or a fuzzer's) was adopted: the
# signing clock then passed datetime's last second and every later call raised a raw OverflowError,
# for the life of the client.
@pytest.mark.parametrize("date", ["Fri, 31 Dec 9999 23:59:59 GMT", "Sat, 01 Jan 0001 00:00:00 GMT"])
def test_a_date_header_out_of_any_real_clocks_range_is_not_adopted(
    date: str, rsa_key: rsa.RSAPrivateKey, transport: Recorder, clock: Any
) -> None:
    transport.default = lambda request: httpx.Response(200, json=BY_NAME["charges.get"].reply, headers={"date": date})
    with AmazonPay(
        public_key_id="SANDBOX-AEDATE",
        private_key=rsa_key,
        region="eu",
        transport=transport,
        clock=clock,
        clock_skew="auto",
    ) as pay:
        for _ in range(3):
            pay.charges.get("S02-1-C1")
    assert [sent.headers["x-amz-pay-date"][:4] for sent in transport.sent] == ["2026"] * 3


# --- review of issue 19: a request through pay.api's httpx client cannot wait forever either -----
# httpx takes a per-request timeout (get(..., timeout=None)): it reached the network unchecked, so a
# stalled answer held the caller for ever, though "timeouts must be finite: the client never waits".
@pytest.mark.parametrize(
    "timeout", [None, httpx.Timeout(5.0, read=None), httpx.Timeout(7200.0)], ids=["None", "read None", "two hours"]
)
def test_a_per_request_timeout_of_pay_apis_httpx_client_must_be_finite(
    timeout: Any, pay: AmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError, match="A payment client must not wait forever"):
        pay.api.get_httpx_client().get("/charges/S02-1-C1", timeout=timeout)
    signing = pay._config.transport(transport)  # used without an httpx client, a request has no timeout at all
    with pytest.raises(ConfigurationError, match="A payment client must not wait forever"):
        signing.handle_request(httpx.Request("GET", "https://pay-api.amazon.eu/v2/charges/S02-1-C1"))
    assert transport.sent == []
