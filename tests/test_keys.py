"""Private keys: every usual form accepted, every usual mistake refused with the fix, parsed once."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

import amazonpay._keys
from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError
from tests.support.independent_signing import verify_request
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY

if TYPE_CHECKING:
    from tests.conftest import Recorder

PEM = serialization.Encoding.PEM
PKCS8 = serialization.PrivateFormat.PKCS8
PKCS1 = serialization.PrivateFormat.TraditionalOpenSSL
PLAIN = serialization.NoEncryption()
SELLER_CENTRAL = "the PKCS#8 PEM file (BEGIN PRIVATE KEY) that Seller Central created with your public key id"


@functools.cache
def small_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 (refused on purpose)


def pem(key: Any, fmt: serialization.PrivateFormat = PKCS8, encryption: Any = PLAIN) -> bytes:
    return bytes(key.private_bytes(PEM, fmt, encryption))


def key_file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "private.pem"
    path.write_bytes(content)
    return path


# Each form: (private_key, password) built from the session key and a temporary folder.
Form = Callable[[rsa.RSAPrivateKey, Path], tuple[Any, Any]]
ACCEPTED: list[Any] = [
    pytest.param(lambda k, d: (pem(k), None), id="PKCS#8 PEM bytes"),
    pytest.param(lambda k, d: (pem(k).decode(), None), id="PKCS#8 PEM str"),
    pytest.param(lambda k, d: (pem(k, PKCS1), None), id="PKCS#1 PEM bytes"),
    pytest.param(lambda k, d: (pem(k, PKCS1).decode(), None), id="PKCS#1 PEM str"),
    pytest.param(lambda k, d: (key_file(d, pem(k)), None), id="Path to PKCS#8"),
    pytest.param(lambda k, d: (key_file(d, pem(k, PKCS1)), None), id="Path to PKCS#1"),
    pytest.param(lambda k, d: (k, None), id="RSAPrivateKey object"),
    pytest.param(
        lambda k, d: (pem(k, encryption=serialization.BestAvailableEncryption(b"s3cret")), "s3cret"),
        id="encrypted PKCS#8, str password",
    ),
    pytest.param(
        lambda k, d: (key_file(d, pem(k, encryption=serialization.BestAvailableEncryption(b"s3cret"))), b"s3cret"),
        id="encrypted PKCS#8 file, bytes password",
    ),
    pytest.param(
        lambda k, d: (pem(k, PKCS1, serialization.BestAvailableEncryption(b"s3cret")), "s3cret"),
        id="encrypted PKCS#1",
    ),
]


@pytest.mark.parametrize("form", ACCEPTED)
def test_accepted_key_forms_sign_verifiable_requests(
    form: Form,
    rsa_key: rsa.RSAPrivateKey,
    public_key: rsa.RSAPublicKey,
    tmp_path: Path,
    transport: Recorder,
) -> None:
    private_key, password = form(rsa_key, tmp_path)
    transport.default = BY_NAME["charges.create"].answer()
    with AmazonPay(
        public_key_id="LIVE-AE1", private_key=private_key, password=password, region="eu", transport=transport
    ) as pay:
        pay.charges.create(CREATE_CHARGE_BODY)
    sent = transport.sent[0]
    verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content)


REFUSED: list[Any] = [
    pytest.param(
        lambda d: (Path("no-such-amazon-pay-key.pem"), None),
        f"private key file not found: no-such-amazon-pay-key.pem; pass the path of {SELLER_CENTRAL}",
        id="missing file",
    ),
    pytest.param(
        lambda d: (b"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n", None),
        f"cannot read the private key as PEM; pass {SELLER_CENTRAL}",
        id="garbage PEM",
    ),
    pytest.param(
        lambda d: (key_file(d, b"not a key at all"), None),
        "cannot read the private key as PEM",
        id="file that is not PEM",
    ),
    pytest.param(
        lambda d: (pem(small_rsa_key(), serialization.PrivateFormat.OpenSSH), None),
        "this is an OpenSSH key, which Amazon Pay does not use; pass the PKCS#8 PEM file (BEGIN PRIVATE KEY) "
        "that Seller Central created with your public key id (to convert an RSA OpenSSH key: "
        "ssh-keygen -p -m PKCS8 -f <file>)",
        id="OpenSSH key",
    ),
    pytest.param(
        lambda d: (
            small_rsa_key().public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
            None,
        ),
        f"this is a public key; pass the private key instead: {SELLER_CENTRAL}",
        id="public key PEM",
    ),
    pytest.param(
        lambda d: (
            small_rsa_key().public_key().public_bytes(PEM, serialization.PublicFormat.PKCS1).decode(),
            None,
        ),
        "this is a public key; pass the private key instead",
        id="PKCS#1 public key PEM str",
    ),
    pytest.param(
        lambda d: (pem(ec.generate_private_key(ec.SECP256R1())), None),
        f"the private key is ECPrivateKey, not RSA; Amazon Pay signs with RSA: pass {SELLER_CENTRAL}",
        id="EC key",
    ),
    pytest.param(
        lambda d: (pem(small_rsa_key()), None),
        "the RSA key has 1024 bits; Amazon Pay needs at least 2048: create a new key pair in Seller Central",
        id="RSA-1024 PEM",
    ),
    pytest.param(
        lambda d: (small_rsa_key(), None),
        "the RSA key has 1024 bits; Amazon Pay needs at least 2048",
        id="RSA-1024 object",
    ),
    pytest.param(
        lambda d: (pem(small_rsa_key(), encryption=serialization.BestAvailableEncryption(b"right")), "Tr0ub4dor-3"),
        "cannot decrypt the private key: wrong password, or not a PEM private key",
        id="wrong password",
    ),
    pytest.param(
        lambda d: (pem(small_rsa_key(), encryption=serialization.BestAvailableEncryption(b"right")), None),
        "the private key is encrypted; pass its password with password=...",
        id="encrypted key without password",
    ),
    pytest.param(
        lambda d: (pem(small_rsa_key()), "Unneeded-Pw-9"),
        "the private key is not encrypted; drop the password= argument",
        id="password for a plain key",
    ),
    pytest.param(
        lambda d: ("private.pem", None),
        "private_key is a str but not PEM text; pass pathlib.Path(...) for a key file, or the PEM text itself",
        id="str that is not PEM",
    ),
    pytest.param(
        lambda d: (12345, None),
        "private_key must be a Path, PEM str or bytes, or an RSAPrivateKey, not int",
        id="wrong type",
    ),
]


@pytest.mark.parametrize(("form", "expected"), REFUSED)
def test_refused_keys_name_the_fix_and_nothing_is_sent(
    form: Callable[[Path], tuple[Any, Any]], expected: str, tmp_path: Path, transport: Recorder
) -> None:
    private_key, password = form(tmp_path)
    with pytest.raises(ConfigurationError) as raised:
        AmazonPay(
            public_key_id="LIVE-AE1", private_key=private_key, password=password, region="eu", transport=transport
        )
    assert isinstance(raised.value, ValueError)
    assert expected in str(raised.value)
    if password is not None:
        assert password not in str(raised.value)
    assert transport.sent == []


@pytest.mark.anyio
async def test_the_async_client_refuses_the_same_keys(transport: Recorder) -> None:
    with pytest.raises(ConfigurationError, match="OpenSSH key"):
        AsyncAmazonPay(
            public_key_id="LIVE-AE1",
            private_key=pem(small_rsa_key(), serialization.PrivateFormat.OpenSSH),
            region="eu",
            transport=transport,
        )
    assert transport.sent == []


# --- parsed once per client -------------------------------------------------------------------
@pytest.fixture
def pem_loads(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every PEM parse made by amazonpay._keys."""
    calls: list[bytes] = []
    original = amazonpay._keys.load_pem_private_key

    def counting(data: bytes, *args: Any, **kwargs: Any) -> Any:
        calls.append(data)
        return original(data, *args, **kwargs)

    monkeypatch.setattr(amazonpay._keys, "load_pem_private_key", counting)
    return calls


def test_the_key_is_parsed_once_per_client(
    pem_loads: list[bytes], private_pem: bytes, tmp_path: Path, transport: Recorder, sleeps: list[float]
) -> None:
    transport.default = BY_NAME["refunds.get"].answer()
    for source in (private_pem, key_file(tmp_path, private_pem)):
        transport.queue(BY_NAME["charges.create"].answer(), BY_NAME["charges.get"].answer())
        with AmazonPay(public_key_id="LIVE-AE1", private_key=source, region="eu", transport=transport) as pay:
            pay.charges.create(CREATE_CHARGE_BODY)
            pay.charges.get("S02-1-C1")
            pay.refunds.get("S02-1-R1")
            pay.sign_button_payload({"storeId": "x"})
        assert len(transport.sent) in (3, 6)
    assert len(pem_loads) == 2  # once for each of the two clients, not once per request


@pytest.mark.anyio
async def test_the_key_is_parsed_once_per_async_client(
    pem_loads: list[bytes], private_pem: bytes, transport: Recorder
) -> None:
    transport.default = BY_NAME["refunds.get"].answer()
    async with AsyncAmazonPay(
        public_key_id="LIVE-AE1", private_key=private_pem.decode(), region="eu", transport=transport
    ) as pay:
        for _ in range(3):
            await pay.refunds.get("S02-1-R1")
    assert len(transport.sent) == 3
    assert len(pem_loads) == 1


# --- key material is never echoed, whatever the input (finding 3) ----------------------------------
def key_body(private_pem: bytes) -> str:
    """The key's base64 without its PEM header and footer lines."""
    return "".join(line for line in private_pem.decode().splitlines() if not line.startswith("-----"))


def fragments(private_pem: bytes) -> list[str]:
    """Every 16-character slice of the key's base64: none may appear in any output."""
    body = key_body(private_pem)
    return [body[start : start + 16] for start in range(0, len(body) - 16, 8)]


MATERIAL: list[Any] = [
    pytest.param(lambda pem: key_body(pem), id="base64 on one line"),
    pytest.param(lambda pem: "\n".join(pem.decode().splitlines()[1:-1]), id="base64 in 64-character lines"),
    pytest.param(lambda pem: "\\n".join(pem.decode().splitlines()[1:-1]), id="base64 with literal \\n"),
    pytest.param(lambda pem: " " + key_body(pem)[:400] + " ", id="part of the key"),
]


@pytest.mark.parametrize("material", MATERIAL)
def test_key_material_in_the_environment_is_refused_without_echo(
    material: Callable[[bytes], str],
    private_pem: bytes,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "SANDBOX-AEKEY")
    monkeypatch.setenv("AMAZON_PAY_REGION", "eu")
    monkeypatch.setenv("AMAZON_PAY_PRIVATE_KEY", material(private_pem))
    with pytest.raises(ConfigurationError) as raised:
        AmazonPay.from_env()
    logging.getLogger("app").exception("configuration failed")  # what an application logs
    message = str(raised.value)
    assert message.startswith("AMAZON_PAY_PRIVATE_KEY holds what looks like key material without its PEM header")
    assert "-----BEGIN PRIVATE KEY-----" in message  # the fix: the whole PEM text
    shown = message + repr(raised.value) + caplog.text
    assert [piece for piece in fragments(private_pem) if piece in shown] == []


@pytest.mark.parametrize("material", MATERIAL)
@pytest.mark.parametrize("as_type", [str, Path])
def test_key_material_passed_as_private_key_is_refused_without_echo(
    material: Callable[[bytes], str], as_type: type, private_pem: bytes, transport: Recorder
) -> None:
    with pytest.raises(ConfigurationError) as raised:
        AmazonPay(
            public_key_id="LIVE-AE1", private_key=as_type(material(private_pem)), region="eu", transport=transport
        )
    assert "looks like key material" in str(raised.value)
    assert [piece for piece in fragments(private_pem) if piece in str(raised.value) + repr(raised.value)] == []


def test_a_path_holding_pem_text_is_refused_without_echo(private_pem: bytes, transport: Recorder) -> None:
    with pytest.raises(ConfigurationError) as raised:
        AmazonPay(public_key_id="LIVE-AE1", private_key=Path(private_pem.decode()), region="eu", transport=transport)
    assert [piece for piece in fragments(private_pem) if piece in str(raised.value)] == []


def test_an_ordinary_missing_path_is_still_named(transport: Recorder) -> None:
    with pytest.raises(ConfigurationError, match=r"private key file not found: /etc/amazon-pay/private\.pem"):
        AmazonPay(public_key_id="LIVE-AE1", private_key=Path("/etc/amazon-pay/private.pem"), region="eu")


# --- PEM text with literal \n, as environment variables and secrets hold it (finding 21) ------------
@pytest.mark.parametrize("line_break", ["\\n", "\\r\\n"], ids=["\\n", "\\r\\n"])
def test_from_env_accepts_pem_text_with_literal_line_breaks(
    line_break: str,
    private_pem: bytes,
    public_key: rsa.RSAPublicKey,
    monkeypatch: pytest.MonkeyPatch,
    transport: Recorder,
) -> None:
    monkeypatch.setenv("AMAZON_PAY_PUBLIC_KEY_ID", "SANDBOX-AEKEY")
    monkeypatch.setenv("AMAZON_PAY_REGION", "eu")
    monkeypatch.setenv("AMAZON_PAY_PRIVATE_KEY", line_break.join(private_pem.decode().splitlines()))
    transport.default = BY_NAME["charges.get"].answer()
    with AmazonPay.from_env(transport=transport) as pay:
        pay.charges.get("S02-1-C1")
    sent = transport.sent[0]
    assert verify_request(public_key, sent.method, str(sent.url), sent.headers, sent.content).key_id == "SANDBOX-AEKEY"


def test_pem_text_with_literal_line_breaks_is_accepted_as_private_key(private_pem: bytes, transport: Recorder) -> None:
    escaped = "\\n".join(private_pem.decode().splitlines())
    with AmazonPay(public_key_id="LIVE-AE1", private_key=escaped, region="eu", transport=transport) as pay:
        assert pay.algorithm == "AMZN-PAY-RSASSA-PSS-V2"
