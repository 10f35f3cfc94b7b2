"""Every bad input the library refuses before sending anything, as data.

`tests/test_bad_input.py` runs each case; the table of docs/errors.md is rendered from these cases
(``python -m tests.support.bad_input`` prints it) and a test keeps the two identical.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from amazonpay import AmazonPay

ROOT = Path(__file__).resolve().parents[2]
PEM = serialization.Encoding.PEM
PKCS8 = serialization.PrivateFormat.PKCS8
PLAIN = serialization.NoEncryption()


@functools.cache
def rsa_key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def pem(key: Any, fmt: serialization.PrivateFormat = PKCS8, encryption: Any = PLAIN) -> bytes:
    return bytes(key.private_bytes(PEM, fmt, encryption))


@dataclass(frozen=True)
class Case:
    group: str
    name: str
    run: Callable[[httpx.MockTransport], object]


def client(transport: httpx.MockTransport, **overrides: Any) -> AmazonPay:
    arguments: dict[str, Any] = {
        "public_key_id": "SANDBOX-AEBADINPUT",
        "private_key": rsa_key(),
        "region": "eu",
        "transport": transport,
    } | overrides
    return AmazonPay(**arguments)


def missing_file(transport: httpx.MockTransport) -> object:
    return client(transport, private_key=Path("no-such-amazon-pay-key.pem"))


MONEY = {"amount": "10.00", "currencyCode": "EUR"}
CHARGE = {"chargePermissionId": "S02-1", "chargeAmount": MONEY}

CASES = [
    Case("key", "missing file", missing_file),
    Case("key", "unreadable PEM", lambda t: client(t, private_key=b"-----BEGIN PRIVATE KEY-----\nnot a key\n")),
    Case(
        "key",
        "OpenSSH key",
        lambda t: client(t, private_key=pem(rsa_key(), serialization.PrivateFormat.OpenSSH)),
    ),
    Case(
        "key",
        "public key instead of private",
        lambda t: client(
            t,
            private_key=rsa_key()
            .public_key()
            .public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode(),
        ),
    ),
    Case("key", "EC key", lambda t: client(t, private_key=pem(ec.generate_private_key(ec.SECP256R1())))),
    Case("key", "RSA under 2048 bits", lambda t: client(t, private_key=pem(rsa_key(1024)))),
    Case(
        "key",
        "wrong password",
        lambda t: client(
            t,
            private_key=pem(rsa_key(), encryption=serialization.BestAvailableEncryption(b"right")),
            password="wrong",
        ),
    ),
    Case(
        "key",
        "encrypted key, no password",
        lambda t: client(t, private_key=pem(rsa_key(), encryption=serialization.BestAvailableEncryption(b"right"))),
    ),
    Case("key", "a str that is not PEM", lambda t: client(t, private_key="private.pem")),
    Case("config", "unknown region", lambda t: client(t, region="fr")),
    Case("config", "sandbox= contradicts a LIVE id", lambda t: client(t, public_key_id="LIVE-AE1", sandbox=True)),
    Case(
        "config", "sandbox= contradicts a SANDBOX id", lambda t: client(t, public_key_id="SANDBOX-AE1", sandbox=False)
    ),
    Case("config", "legacy id without sandbox=", lambda t: client(t, public_key_id="AE1")),
    Case("config", "empty key id", lambda t: client(t, public_key_id="")),
    Case("config", "plain http base_url to a remote host", lambda t: client(t, base_url="http://proxy.example/v2")),
    Case("config", "timeout 0", lambda t: client(t, timeout=0)),
    Case("config", "negative timeout", lambda t: client(t, timeout=-1.0)),
    Case("config", "timeout without a read limit", lambda t: client(t, timeout=httpx.Timeout(5.0, read=None))),
    Case("config", "negative max_retries", lambda t: client(t, max_retries=-1)),
    Case("config", "unknown algorithm", lambda t: client(t, algorithm="RSA-SHA1")),
    Case("call", "idempotency key too long", lambda t: client(t).charges.create(CHARGE, idempotency_key="k" * 33)),
    Case(
        "call",
        "idempotency key with illegal characters",
        lambda t: client(t).charges.create(CHARGE, idempotency_key="order 1/2"),
    ),
    Case(
        "call",
        "softDescriptor over 16 characters",
        lambda t: client(t).charges.create(CHARGE | {"softDescriptor": "SEVENTEEN CHARS!!"}),
    ),
    Case(
        "call",
        "amount not a decimal string",
        lambda t: client(t).charges.create(CHARGE | {"chargeAmount": {"amount": "10,00", "currencyCode": "EUR"}}),
    ),
    Case(
        "call",
        "amount as a number",
        lambda t: client(t).charges.create(CHARGE | {"chargeAmount": {"amount": 10, "currencyCode": "EUR"}}),
    ),
    Case("call", "missing required field", lambda t: client(t).charges.create({"chargePermissionId": "S02-1"})),
    Case("call", "cancel without cancellationReason", lambda t: client(t).charges.cancel("S02-1-C1", {})),
    Case("call", "id with /", lambda t: client(t).charges.get("S02-1/../../refunds")),
    Case("call", "empty id", lambda t: client(t).charges.get("")),
    Case("call", "id too long for a URL", lambda t: client(t).charges.get("S" * 70_000)),
    Case(
        "call",
        "headers= overriding a signed header",
        lambda t: client(t).charges.get("C1", headers={"x-amz-pay-date": "x"}),
    ),
    Case("call", "idempotency key on a GET", lambda t: client(t).charges.get("C1", idempotency_key="k")),  # type: ignore[call-arg]
    Case("call", "auth token with a space at the end", lambda t: client(t).charges.get("C1", auth_token="Atza|t ")),
    Case(
        "call",
        "header value with a line break",
        lambda t: client(t).charges.get("C1", headers={"x-request-source": "a\r\nb"}),
    ),
    Case(
        "call",
        "one x-amz-pay-* header twice",
        lambda t: client(t).charges.get("C1", headers={"x-amz-pay-partner": "a", "X-Amz-Pay-Partner": "b"}),
    ),
    Case(
        "call",
        "secret path parameter with /",
        lambda t: client(t).authorization_tokens.get("amzn.mws.a/b", merchant_id="M1"),
    ),
    Case(
        "api", "absolute URL of another host", lambda t: client(t).api.get_httpx_client().get("https://example.com/v2")
    ),
    Case("api", "path outside the base URL", lambda t: client(t).api.get_httpx_client().get("/../merchantAccounts")),
    Case("api", "with_timeout()", lambda t: client(t).api.with_timeout(httpx.Timeout(None))),
]


def message(case: Case) -> str:
    """What the user sees for ``case`` (the exception's message)."""
    transport = httpx.MockTransport(lambda request: httpx.Response(500))
    try:
        case.run(transport)
    except Exception as error:  # the cases raise; which exception is asserted by the tests
        return str(error)
    raise AssertionError(f"{case.name}: nothing was raised")


def _cell(text: str) -> str:
    """A message as a Markdown table cell: '|' would end the cell, '[1-9][0-9]' read as a link."""
    return text.replace("|", "/").replace("[", "\\[")


def table() -> str:
    """The guide's table (docs/errors.md): every case and the message the user sees."""
    rows = ["| input | message |", "|---|---|"]
    rows += [f"| {c.group}: {c.name} | {_cell(message(c))} |" for c in CASES]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(table(), end="")
