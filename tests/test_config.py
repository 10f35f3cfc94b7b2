"""Bad configuration and bad call arguments: ConfigurationError naming the fix, nothing sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY, MONEY

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.conftest import Recorder

Make = Callable[..., AmazonPay]


def construct(**overrides: Any) -> Callable[[Make], object]:
    return lambda make: make(**overrides)


def call(method: Callable[[AmazonPay], object]) -> Callable[[Make], object]:
    return lambda make: method(make())


CONFIGURATION = [
    ("unknown region", construct(region="fr"), "unknown region 'fr'; use one of de, eu, jp, na, uk, us"),
    ("empty key id", construct(public_key_id=""), "public_key_id is empty; pass the public key id shown in Seller"),
    ("blank key id", construct(public_key_id="   "), "public_key_id is empty; pass"),
    ("key id not a str", construct(public_key_id=123), "public_key_id must be a str, not int; pass the public key id"),
    (
        "legacy id without sandbox=",
        construct(public_key_id="AHLEGACY"),
        "starts with neither LIVE nor SANDBOX); pass sandbox=True or sandbox=False",
    ),
    (
        "sandbox=True with a LIVE- id",
        construct(public_key_id="LIVE-AE1", sandbox=True),
        "sandbox=True contradicts the public key id, which is for the live environment; drop the sandbox argument",
    ),
    (
        "sandbox=True with a lower-case live- id",
        construct(public_key_id="live-ae1", sandbox=True),
        "sandbox=True contradicts the public key id, which is for the live environment",
    ),
    (
        "sandbox=False with a SANDBOX- id",
        construct(public_key_id="SANDBOX-AE1", sandbox=False),
        "sandbox=False contradicts the public key id, which is for the sandbox environment; drop the sandbox",
    ),
    (
        "unknown algorithm",
        construct(algorithm="RSA-SHA1"),
        "unknown algorithm 'RSA-SHA1'; use one of AMZN-PAY-RSASSA-PSS-V2, AMZN-PAY-RSASSA-PSS",
    ),
    ("negative max_retries", construct(max_retries=-1), "max_retries must be an int from 0 to 10, not -1"),
    ("max_retries not an int", construct(max_retries=2.5), "max_retries must be an int from 0 to 10, not 2.5"),
    ("timeout 0", construct(timeout=0), "timeout must be positive seconds"),
    ("negative timeout", construct(timeout=-1.0), "timeout must be positive seconds"),
    ("timeout without a read limit", construct(timeout=httpx.Timeout(5.0, read=None)), "must not wait forever"),
    ("timeout without any limit", construct(timeout=httpx.Timeout(None)), "timeout must be positive seconds"),
    (
        "plain http to a remote host",
        construct(base_url="http://proxy.example/v2"),
        "uses plain http to a non-loopback host, which would send signed payment requests unencrypted; use https",
    ),
    ("not an http URL", construct(base_url="ftp://proxy.example/v2"), "is not an http(s) URL; pass e.g."),
    ("unknown clock_skew", construct(clock_skew="always"), "clock_skew must be None or 'auto'"),
]

CALLS = [
    (
        "body missing a required field",
        call(lambda pay: pay.charges.create({"chargePermissionId": "S02-1"})),
        "CreateChargeRequest is missing the required field 'chargeAmount'; see the spec",
    ),
    (
        "cancel without cancellationReason",
        call(lambda pay: pay.charges.cancel("S02-1-C1", {})),
        "CancelChargeRequest is missing the required field 'cancellationReason'",
    ),
    (
        "a body breaking the spec",
        call(lambda pay: pay.charges.create({**CREATE_CHARGE_BODY, "softDescriptor": "x" * 17})),
        "body.softDescriptor has 17 characters; at most 16 are allowed",
    ),
    (
        "a body that is not a dict",
        call(lambda pay: pay.refunds.create(["S02-1-C1"])),  # type: ignore[arg-type]
        "body must be a dict or CreateRefundRequest",
    ),
    (
        "an id with /",
        call(lambda pay: pay.charges.get("S02-1/../../refunds")),
        "charge_id 'S02-1/../../refunds' is not a valid id: pass the non-empty id Amazon Pay returned (no '/')",
    ),
    ("an empty id", call(lambda pay: pay.refunds.get("")), "refund_id '' is not a valid id"),
    ("a dot-dot id", call(lambda pay: pay.checkout_sessions.get("..")), "checkout_session_id '..' is not a valid id"),
    (
        "an id with / in a POST",
        call(lambda pay: pay.charges.capture("a/b", {"captureAmount": MONEY})),
        "charge_id 'a/b' is not a valid id",
    ),
    (
        "headers= setting authorization",
        call(lambda pay: pay.charges.get("S02-1-C1", headers={"Authorization": "AMZN-PAY-RSASSA-PSS x"})),
        "headers= may not set Authorization: amazonpay sets it on every attempt",
    ),
    (
        "headers= setting x-amz-pay-date",
        call(lambda pay: pay.charges.get("S02-1-C1", headers={"x-amz-pay-date": "20190923T231908Z"})),
        "headers= may not set x-amz-pay-date",
    ),
    (
        "headers= setting the idempotency key",
        call(lambda pay: pay.charges.create(CREATE_CHARGE_BODY, headers={"X-Amz-Pay-Idempotency-Key": "k"})),
        "(use idempotency_key= for the idempotency key, auth_token= for the delegated-access token)",
    ),
    (
        "headers= setting the host",
        call(lambda pay: pay.charges.get("S02-1-C1", headers={"x-amz-pay-host": "evil.example"})),
        "headers= may not set x-amz-pay-host",
    ),
    (
        "a negative max_retries per call",
        call(lambda pay: pay.charges.get("S02-1-C1", max_retries=-1)),
        "max_retries must be an int from 0 to 10, not -1",
    ),
    ("a zero timeout per call", call(lambda pay: pay.charges.get("S02-1-C1", timeout=0)), "timeout must be positive"),
    (
        "an empty simulation code",
        call(lambda pay: pay.charges.create(CREATE_CHARGE_BODY, simulation_code=" ")),
        "simulation_code ' ' is not a sandbox simulation code; pass one such as 'SoftDeclined'",
    ),
]
# Issue 9: findings 6, 9, 16 and 20, and the header values of finding 4.
INF, NAN = float("inf"), float("nan")
STRICTER = [
    ("timeout inf", construct(timeout=INF), "timeout must be positive seconds up to 3600"),
    ("timeout nan", construct(timeout=NAN), "A payment client must not wait forever"),
    ("a part of the timeout inf", construct(timeout=httpx.Timeout(5.0, read=INF)), "must not wait forever"),
    ("timeout True", construct(timeout=True), "timeout must be seconds (int or float) or an httpx.Timeout, not bool"),
    ("max_retries True", construct(max_retries=True), "max_retries must be an int from 0 to 10, not True"),
    ("max_retries 10**6", construct(max_retries=10**6), "max_retries must be an int from 0 to 10, not 1000000"),
    (
        "base_url on another region's host",
        construct(base_url="https://pay-api.amazon.com/v2"),
        "is the na host, but region='eu' signs for pay-api.amazon.eu; pass region='na', or drop base_url",
    ),
    ("base_url with a query", construct(base_url="https://proxy.example/v2?x=1"), "has a query or fragment"),
    ("base_url with a fragment", construct(base_url="https://proxy.example/v2#top"), "has a query or fragment"),
    ("base_url with a password", construct(base_url="https://u:p@proxy.example/v2"), "carries a user name or password"),
    ("proxy= with transport=", construct(proxy="http://proxy.example:3128"), "pass proxy= or transport=, not both"),
    ("timeout inf per call", call(lambda pay: pay.charges.get("C1", timeout=INF)), "must not wait forever"),
    ("timeout nan per call", call(lambda pay: pay.charges.get("C1", timeout=NAN)), "must not wait forever"),
    (
        "max_retries as a str per call",
        call(lambda pay: pay.charges.get("C1", max_retries="3")),  # type: ignore[arg-type]
        "max_retries must be an int from 0 to 10, not '3'",
    ),
    ("max_retries True per call", call(lambda pay: pay.charges.get("C1", max_retries=True)), "not True"),
    ("max_retries 2.5 per call", call(lambda pay: pay.charges.get("C1", max_retries=2.5)), "not 2.5"),  # type: ignore[arg-type]
    (
        "idempotency_key an int",
        call(lambda pay: pay.charges.create(CREATE_CHARGE_BODY, idempotency_key=42)),  # type: ignore[arg-type]
        "idempotency_key of type int is invalid: use 1 to 32 characters",
    ),
    (
        "simulation_code an int",
        call(lambda pay: pay.charges.create(CREATE_CHARGE_BODY, simulation_code=7)),  # type: ignore[arg-type]
        "simulation_code must be a str such as 'SoftDeclined', not int",
    ),
    (
        "headers= not a dict",
        call(lambda pay: pay.charges.get("C1", headers=[("x-a", "1")])),  # type: ignore[arg-type]
        "headers must be a dict of str to str, not list",
    ),
    *[
        (
            f"headers= setting {name}",
            call(lambda pay, name=name: pay.charges.get("C1", headers={name: "7"})),
            f"headers= may not set {name}: httpx sets it from the request",
        )
        for name in ("Content-Length", "Transfer-Encoding", "Host", "Connection")
    ],
    (
        "a header name with a space",
        call(lambda pay: pay.charges.get("C1", headers={"x-app name": "a"})),
        "header name 'x-app name' is invalid: use letters, digits and -",
    ),
    (
        "a header name with a line break",
        call(lambda pay: pay.charges.get("C1", headers={"x-a\r\nhost": "evil"})),
        "is invalid: use letters, digits and -",
    ),
    (
        "a non-ASCII header value",
        call(lambda pay: pay.charges.get("C1", headers={"x-app": "café"})),
        "header x-app has a value that cannot be sent as it is; header values must be str of printable ASCII",
    ),
    (
        "a header value with a space at the end",
        call(lambda pay: pay.charges.get("C1", headers={"x-app": "partner "})),
        "(no line breaks, no space at either end)",
    ),
    (
        "an int header value",
        call(lambda pay: pay.charges.get("C1", headers={"x-app": 7})),  # type: ignore[dict-item]
        "header x-app has a value of type int; header values must be str",
    ),
    (
        "a header value with a line break",
        call(lambda pay: pay.charges.get("C1", headers={"x-app": "a\r\nx-amz-pay-date: 1"})),
        "(no line breaks, no space at either end)",
    ),
    (
        "an unknown option",
        call(lambda pay: pay.charges.get("C1", idempotencykey="k")),  # type: ignore[call-arg]
        "unknown option(s) idempotencykey; use",
    ),
]
CASES = [pytest.param(run, expected, id=name) for name, run, expected in CONFIGURATION + CALLS + STRICTER]


@pytest.mark.parametrize(("run", "expected"), CASES)
def test_refused_with_a_message_naming_the_fix_and_nothing_sent(
    run: Callable[[Make], object], expected: str, rsa_key: rsa.RSAPrivateKey, transport: Recorder
) -> None:
    def make(**overrides: Any) -> AmazonPay:
        arguments: dict[str, Any] = {
            "public_key_id": "SANDBOX-AECONFIG",
            "private_key": rsa_key,
            "region": "eu",
            "transport": transport,
        }
        return AmazonPay(**(arguments | overrides))

    with pytest.raises(ConfigurationError) as raised:
        run(make)
    assert isinstance(raised.value, ValueError)
    assert expected in str(raised.value)
    assert transport.sent == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (lambda pay: pay.charges.create({"chargePermissionId": "S02-1"}), "missing the required field 'chargeAmount'"),
        (lambda pay: pay.charge_permissions.close("S02/1", {"closureReason": "x"}), "is not a valid id"),
        (lambda pay: pay.charges.get("C1", headers={"authorization": "x"}), "headers= may not set authorization"),
        (lambda pay: pay.charges.get("C1", timeout=float("inf")), "must not wait forever"),
        (lambda pay: pay.charges.get("C1", max_retries="3"), "max_retries must be an int from 0 to 10"),
    ],
    ids=["missing field", "id with /", "headers= authorization", "timeout inf", "max_retries a str"],
)
async def test_the_async_client_refuses_the_same(
    method: Callable[[AsyncAmazonPay], Any], expected: str, async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError, match=expected):
        await method(async_pay)
    assert transport.sent == []


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1/v2",
        "http://127.0.0.1:8765/v2",
        "http://localhost:8080/v2",
        "http://[::1]/v2",
        "https://pay-api.amazon.eu/v2",  # the configured region's own host
    ],
)
def test_plain_http_to_loopback_is_allowed(base_url: str, rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay(
        public_key_id="SANDBOX-AE1", private_key=rsa_key, region="eu", base_url=base_url, transport=transport
    ) as pay:
        pay.charges.get("S02-1-C1")
    assert str(transport.sent[0].url) == base_url.rstrip("/") + "/charges/S02-1-C1"


@pytest.mark.parametrize(
    ("key_id", "sandbox", "base_url"),
    [
        ("LIVE-AE1", False, "https://pay-api.amazon.eu/v2"),
        ("SANDBOX-AE1", True, "https://pay-api.amazon.eu/v2"),
        ("AHLEGACY", True, "https://pay-api.amazon.eu/sandbox/v2"),
        ("AHLEGACY", False, "https://pay-api.amazon.eu/live/v2"),
        (" LIVE-AE1\n", None, "https://pay-api.amazon.eu/v2"),  # pasted with whitespace
    ],
)
def test_a_consistent_sandbox_flag_is_accepted(
    key_id: str, sandbox: bool | None, base_url: str, rsa_key: rsa.RSAPrivateKey, transport: Recorder
) -> None:
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay(public_key_id=key_id, private_key=rsa_key, region="DE", sandbox=sandbox, transport=transport) as pay:
        assert pay.endpoint.base_url == base_url
        pay.charges.get("S02-1-C1")
    assert str(transport.sent[0].url) == base_url + "/charges/S02-1-C1"
    assert f"PublicKeyId={key_id.strip()}," in transport.sent[0].headers["authorization"]


# --- review of issue 19: a base_url with a password is refused without echoing it -----------------
# The user-name check came after the checks that quote base_url: a URL with credentials and another
# fault (a port that is not a number, a query, another scheme) had its password in the message
# (the CLI prints it; a proxy URL is never shown for the same reason).
@pytest.mark.parametrize(
    "base_url",
    [
        "https://shop:s3cret-pw@proxy.example:port/v2",
        "ftp://shop:s3cret-pw@proxy.example/v2",
        "https://shop:s3cret-pw@proxy.example/v2?x=1",
        "https://shop:s3cret-pw@proxy.example/v2#top",
        "http://shop:s3cret-pw@proxy.example/v2",
        "https://shop:s3cret-pw@pay-api.amazon.com/v2",
        "https://s3cret-pw@proxy.example:port/v2",
    ],
    ids=["port", "scheme", "query", "fragment", "plain http", "other region", "password alone"],
)
def test_a_base_url_with_a_password_is_refused_without_showing_it(
    base_url: str, rsa_key: rsa.RSAPrivateKey, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError) as raised:
        AmazonPay(public_key_id="SANDBOX-AE1", private_key=rsa_key, region="eu", base_url=base_url, transport=transport)
    assert "s3cret-pw" not in str(raised.value)
    assert raised.value.__context__ is None or "s3cret-pw" not in str(raised.value.__context__)
