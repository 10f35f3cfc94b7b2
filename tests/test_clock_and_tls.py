"""Clock skew against the sandbox's verifier, and TLS verification of the network transport.

Each case runs through AmazonPay and AsyncAmazonPay.
"""

from __future__ import annotations

import inspect
import ipaddress
import logging
import re
import ssl
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from amazonpay import AmazonPay, APIConnectionError, AsyncAmazonPay, BadRequestError, request_options
from amazonpay._options import CallState
from amazonpay._transport import MAX_CLOCK_SKEW
from amazonpay.testing import AmazonPaySandbox, SandboxServer
from amazonpay.testing._tls import LoopbackTLS
from tests.conftest import FakeClock

pytestmark = pytest.mark.anyio

MODES = ["sync", "async"]
DATE = "x-amz-pay-date"
TEN_MINUTES = timedelta(minutes=10)
SESSION = {
    "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
    "storeId": "amzn1.application-oa2-client.0123456789abcdef",
}


Client = AmazonPay | AsyncAmazonPay


def make_client(mode: str, **options: Any) -> Client:
    return AmazonPay(**options) if mode == "sync" else AsyncAmazonPay(**options)


async def close(pay: Client) -> None:
    if isinstance(pay, AmazonPay):
        pay.close()
    else:
        await pay.aclose()


async def create_session(pay: Client) -> tuple[Any, CallState]:
    """Create a checkout session; the result and the call's state (attempts, request id)."""
    with request_options() as state:
        result = pay.checkout_sessions.create(SESSION)
        if inspect.isawaitable(result):
            result = await result
    return result, state


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "amazonpay" and r.levelno == logging.WARNING]


def signed_at(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


# --- clock skew -----------------------------------------------------------------------------------


@asynccontextmanager
async def skewed(
    mode: str, client_minus_service: timedelta, **options: Any
) -> AsyncIterator[tuple[Client, AmazonPaySandbox, FakeClock]]:
    """A client whose clock is ``client_minus_service`` off the sandbox's (both tick together)."""
    clock = FakeClock()
    sandbox = AmazonPaySandbox(clock=lambda: clock.now - client_minus_service)
    key_id, pem = sandbox.create_key()
    pay = make_client(
        mode, public_key_id=key_id, private_key=pem, region="eu", transport=sandbox.transport(), clock=clock, **options
    )
    try:
        yield pay, sandbox, clock
    finally:
        await close(pay)


@pytest.mark.parametrize("mode", MODES)
async def test_a_clock_ahead_fails_without_correction(
    mode: str, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    async with skewed(mode, TEN_MINUTES) as (pay, sandbox, _):
        with pytest.raises(BadRequestError) as raised:
            await create_session(pay)
    error = raised.value
    assert (error.status, error.reason_code, error.attempts) == (400, "InvalidHeaderValue", 1)
    assert "should not be in future" in error.message
    assert error.request_id == sandbox.requests[-1].request_id
    assert len(sandbox.checkout_sessions) == 0
    assert sleeps == []
    assert warnings(caplog) == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_clock_ahead_is_corrected_once_with_auto(
    mode: str, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    async with skewed(mode, TEN_MINUTES, clock_skew="auto") as (pay, sandbox, clock):
        first, state = await create_session(pay)
        assert state.attempts == 2  # rejected under the local clock, then accepted under the corrected one
        assert [r.status for r in sandbox.requests] == [400, 201]
        assert len(sandbox.checkout_sessions) == 1
        assert first.checkout_session_id in sandbox.checkout_sessions
        assert sleeps == [0.0]  # no backoff for the corrected retry
        (warning,) = warnings(caplog)
        assert "clock" in warning
        offset = re.search(r"([+-]\d+) s off", warning)
        assert offset is not None
        assert abs(int(offset[1]) - 600) <= 2, warning
        for _ in range(3):  # from now on right at once
            _, state = await create_session(pay)
            assert state.attempts == 1
            service_now = clock.now - TEN_MINUTES
            sent = signed_at(sandbox.requests[-1].headers[DATE])
            assert timedelta(0) <= service_now - sent <= timedelta(seconds=5)
        assert len(warnings(caplog)) == 1
        assert [r.status for r in sandbox.requests] == [400, 201, 201, 201, 201]


@pytest.mark.parametrize("mode", MODES)
async def test_a_clock_behind_works_without_correction(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    async with skewed(mode, -TEN_MINUTES) as (pay, sandbox, clock):
        for _ in range(2):
            _, state = await create_session(pay)
            assert state.attempts == 1
        sent = signed_at(sandbox.requests[-1].headers[DATE])
        assert (clock.now + TEN_MINUTES) - sent > timedelta(minutes=9)  # the service takes dates in the past
    assert warnings(caplog) == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_clock_behind_is_corrected_from_the_date_header_with_auto(
    mode: str, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    async with skewed(mode, -TEN_MINUTES, clock_skew="auto") as (pay, sandbox, clock):
        _, state = await create_session(pay)
        assert state.attempts == 1  # the answer was a success: nothing to retry
        (warning,) = warnings(caplog)
        offset = re.search(r"([+-]\d+) s off", warning)
        assert offset is not None
        assert abs(int(offset[1]) + 600) <= 2, warning
        _, state = await create_session(pay)
        assert state.attempts == 1
        service_now = clock.now + TEN_MINUTES
        sent = signed_at(sandbox.requests[-1].headers[DATE])
        assert abs(service_now - sent) <= MAX_CLOCK_SKEW
        assert sent <= service_now
    assert sleeps == []
    assert len(warnings(caplog)) == 1


# --- TLS ------------------------------------------------------------------------------------------


def pool_ssl_context(pay: Client) -> ssl.SSLContext:
    """The SSL context of the network transport's connection pool (httpx/httpcore internals)."""
    inner = pay._http._transport._inner  # type: ignore[union-attr]  # AmazonPayTransport wraps it
    assert isinstance(inner, httpx.HTTPTransport | httpx.AsyncHTTPTransport)
    context = inner._pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


def key_options(rsa_key: rsa.RSAPrivateKey, **options: Any) -> dict[str, Any]:
    return {"public_key_id": "SANDBOX-AETLS", "private_key": rsa_key, "region": "eu", **options}


@pytest.mark.parametrize("mode", MODES)
async def test_verify_false_warns_and_turns_verification_off(
    mode: str, rsa_key: rsa.RSAPrivateKey, caplog: pytest.LogCaptureFixture
) -> None:
    pay = make_client(mode, **key_options(rsa_key, verify=False))
    try:
        (warning,) = warnings(caplog)
        assert "TLS certificate verification is OFF" in warning
        assert pool_ssl_context(pay).verify_mode == ssl.CERT_NONE
    finally:
        await close(pay)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("verify", [None, True], ids=["default", "verify=True"])
async def test_the_network_transport_verifies_certificates_by_default(
    mode: str, verify: bool | None, rsa_key: rsa.RSAPrivateKey, caplog: pytest.LogCaptureFixture
) -> None:
    pay = make_client(mode, **key_options(rsa_key, **({} if verify is None else {"verify": verify})))
    try:
        context = pool_ssl_context(pay)
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname
        assert context.minimum_version >= ssl.TLSVersion.TLSv1_2  # the service speaks TLS 1.2 and up
        assert warnings(caplog) == []
    finally:
        await close(pay)


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no public CA signed: (certificate PEM, key PEM)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "amazonpay test server")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@contextmanager
def tls_sandbox(self_signed: tuple[Path, Path]) -> Iterator[tuple[AmazonPaySandbox, str]]:
    """The sandbox served over HTTPS with the self-signed certificate: (sandbox, base URL)."""
    sandbox = AmazonPaySandbox()
    server = SandboxServer(sandbox, "127.0.0.1", 0)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    listener = server._server  # serve TLS with this certificate instead of one made for the server
    listener.tls = LoopbackTLS(context, self_signed[0].read_bytes())
    server.start()
    try:
        yield sandbox, server.url.replace("http://", "https://") + "/v2"
    finally:
        server.stop()


@pytest.mark.parametrize("mode", MODES)
async def test_an_untrusted_certificate_is_refused_by_default(
    mode: str, self_signed: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    with tls_sandbox(self_signed) as (sandbox, base_url):
        key_id, pem = sandbox.create_key()
        pay = make_client(mode, public_key_id=key_id, private_key=pem, region="eu", base_url=base_url, max_retries=0)
        try:
            with pytest.raises(APIConnectionError) as raised:
                await create_session(pay)
        finally:
            await close(pay)
        assert sandbox.requests == []  # nothing was sent
    assert raised.value.attempts == 1
    # The httpx error is named, not chained: it holds the request, credentials and all.
    assert "(ConnectError: " in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None
    assert "CERTIFICATE_VERIFY_FAILED" in str(raised.value)
    assert warnings(caplog) == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("trust", ["context", "verify=False"])
async def test_a_trusted_or_unverified_certificate_connects(
    mode: str, trust: str, self_signed: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=self_signed[0]) if trust == "context" else False
    with tls_sandbox(self_signed) as (sandbox, base_url):
        key_id, pem = sandbox.create_key()
        pay = make_client(mode, public_key_id=key_id, private_key=pem, region="eu", base_url=base_url, verify=verify)
        try:
            session, state = await create_session(pay)
            if trust == "context":
                assert pool_ssl_context(pay) is verify
        finally:
            await close(pay)
        assert session.checkout_session_id in sandbox.checkout_sessions
        assert state.attempts == 1
    assert len(warnings(caplog)) == (1 if trust == "verify=False" else 0)
