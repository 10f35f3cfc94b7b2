"""The httpx fetchers against a real TLS server on loopback: verified TLS, no redirects, a size
cap, identity encoding only, a deadline; sync and async."""

from __future__ import annotations

import gzip
import ipaddress
import logging
import ssl
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from amazonpay import ConfigurationError
from amazonpay.notifications import (
    AsyncHttpxFetcher,
    FetchError,
    HttpxFetcher,
    NotificationVerifier,
    SubscriptionConfirmation,
)
from tests.support.sns import NOW, signer

CAP = 1000
PEM = b"-----BEGIN CERTIFICATE-----\n" + b"A" * 64 + b"\n-----END CERTIFICATE-----\n"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        if self.path == "/cert.pem":
            self._answer(200, PEM)
        elif self.path == "/redirect.pem":
            self._answer(302, b"", {"Location": "/cert.pem"})
        elif self.path == "/missing.pem":
            self._answer(404, b"not found")
        elif self.path == "/announced-too-big.pem":
            self._answer(200, b"A" * (CAP + 1))
        elif self.path == "/streamed-too-big.pem":  # no Content-Length: read until the connection closes
            self.send_response(200)
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"A" * CAP)
        elif self.path == "/gzip.pem":
            self._answer(200, gzip.compress(PEM), {"Content-Encoding": "gzip"})
        elif self.path == "/hang.pem":
            self.server.release.wait(30)
            self._answer(200, PEM)

    def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, context: ssl.SSLContext) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.requests: list[str] = []
        self.release = threading.Event()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # refused handshakes and dropped connections are the point of some tests


def _certificate(
    subject: str, key: rsa.RSAPrivateKey, issuer_key: rsa.RSAPrivateKey, issuer: str, *, ca: bool
) -> x509.Certificate:
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        # Python 3.13's default context verifies strictly (VERIFY_X509_STRICT): key identifiers needed.
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    )
    usage = dict.fromkeys(("content_commitment", "data_encipherment", "key_agreement"), False)
    usage |= {"encipher_only": False, "decipher_only": False}
    builder = builder.add_extension(
        x509.KeyUsage(digital_signature=not ca, key_encipherment=not ca, key_cert_sign=ca, crl_sign=ca, **usage),
        critical=True,
    )
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def tls() -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context for 127.0.0.1 and a client context that trusts its test CA."""
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = _certificate("fetch test CA", ca_key, ca_key, "fetch test CA", ca=True)
    leaf = _certificate("127.0.0.1", key, ca_key, "fetch test CA", ca=False)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_verify_locations(cadata=ca.public_bytes(serialization.Encoding.PEM).decode())
    with tempfile.NamedTemporaryFile("wb", suffix=".pem") as chain:
        chain.write(leaf.public_bytes(serialization.Encoding.PEM))
        chain.write(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        chain.flush()
        server.load_cert_chain(chain.name)
    client = ssl.create_default_context(cadata=ca.public_bytes(serialization.Encoding.PEM).decode())
    return server, client


@pytest.fixture
def server(tls: tuple[ssl.SSLContext, ssl.SSLContext]) -> Iterator[_Server]:
    running = _Server(tls[0])
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield running
    running.release.set()
    running.shutdown()
    running.server_close()
    thread.join(5)


@pytest.fixture
def trusting(tls: tuple[ssl.SSLContext, ssl.SSLContext]) -> ssl.SSLContext:
    return tls[1]


def url(server: _Server, path: str) -> str:
    return f"https://127.0.0.1:{server.server_address[1]}{path}"


def test_a_certificate_is_fetched_over_verified_tls(server: _Server, trusting: ssl.SSLContext) -> None:
    assert HttpxFetcher(verify=trusting)(url(server, "/cert.pem")) == PEM


def test_tls_is_verified_by_default(server: _Server) -> None:
    # The test CA is in no default bundle: the default fetcher must refuse the handshake.
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        HttpxFetcher()(url(server, "/cert.pem"))
    assert server.requests == []


def test_tls_verification_cannot_be_turned_off() -> None:
    with pytest.raises(ConfigurationError, match="always verified"):
        HttpxFetcher(verify=False)  # type: ignore[arg-type,call-arg]
    assert HttpxFetcher(verify=None)._limits.verify is True


def _not_verifying(how: str) -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    if how == "CERT_NONE":
        context.verify_mode = ssl.CERT_NONE
    return context


@pytest.mark.parametrize("fetcher", [HttpxFetcher, AsyncHttpxFetcher])
@pytest.mark.parametrize("how", ["CERT_NONE", "check_hostname False"])
def test_a_context_that_does_not_verify_is_refused(fetcher: type[HttpxFetcher], how: str) -> None:
    # Issue 19, finding 10: whoever answers an unverified fetch could sign notifications that verify.
    with pytest.raises(ConfigurationError, match="does not verify certificates") as raised:
        fetcher(verify=_not_verifying(how))
    assert "ssl.create_default_context(cafile=...)" in str(raised.value)


def test_a_context_turned_off_after_construction_is_refused_before_connecting(server: _Server) -> None:
    context = ssl.create_default_context()
    fetcher = HttpxFetcher(verify=context)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # would accept the test server's certificate, which no CA vouches for

    with pytest.raises(ConfigurationError, match="does not verify certificates"):
        fetcher(url(server, "/cert.pem"))
    assert server.requests == []


def test_plain_http_is_never_fetched(server: _Server) -> None:
    with pytest.raises(FetchError, match="https"):
        HttpxFetcher()(f"http://127.0.0.1:{server.server_address[1]}/cert.pem")
    assert server.requests == []


def test_a_redirect_is_not_followed(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises(FetchError, match=r"302 \(redirects are not followed\)"):
        HttpxFetcher(verify=trusting)(url(server, "/redirect.pem"))
    assert server.requests == ["/redirect.pem"]


def test_an_error_status_is_refused(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises(FetchError, match="404"):
        HttpxFetcher(verify=trusting)(url(server, "/missing.pem"))


def test_an_announced_body_over_the_cap_is_not_read(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises(FetchError, match=f"announces {CAP + 1} bytes"):
        HttpxFetcher(verify=trusting, max_bytes=CAP)(url(server, "/announced-too-big.pem"))


def test_a_streamed_body_over_the_cap_is_cut_off(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises(FetchError, match=f"larger than {CAP} bytes"):
        HttpxFetcher(verify=trusting, max_bytes=CAP)(url(server, "/streamed-too-big.pem"))


def test_an_encoded_body_is_refused_undecoded(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises(FetchError, match="content-encoded"):
        HttpxFetcher(verify=trusting)(url(server, "/gzip.pem"))


def test_a_server_that_never_answers_times_out(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises(httpx.ReadTimeout):
        HttpxFetcher(verify=trusting, timeout=0.2)(url(server, "/hang.pem"))


@pytest.mark.parametrize("options", [{"timeout": 0}, {"max_bytes": 0}, {"timeout": -1}])
def test_limits_must_be_positive(options: dict[str, float]) -> None:
    with pytest.raises(ConfigurationError, match="positive"):
        HttpxFetcher(**options)  # type: ignore[arg-type]


# --- async ------------------------------------------------------------------------------
@pytest.mark.anyio
async def test_the_async_fetcher_fetches_over_verified_tls(server: _Server, trusting: ssl.SSLContext) -> None:
    assert await AsyncHttpxFetcher(verify=trusting)(url(server, "/cert.pem")) == PEM
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        await AsyncHttpxFetcher()(url(server, "/cert.pem"))


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "match"),
    [
        ("/redirect.pem", "redirects are not followed"),
        ("/announced-too-big.pem", "announces"),
        ("/streamed-too-big.pem", "larger than"),
        ("/gzip.pem", "content-encoded"),
    ],
)
async def test_the_async_fetcher_refuses_what_the_sync_one_refuses(
    server: _Server, trusting: ssl.SSLContext, path: str, match: str
) -> None:
    with pytest.raises(FetchError, match=match):
        await AsyncHttpxFetcher(verify=trusting, max_bytes=CAP)(url(server, path))


@pytest.mark.anyio
async def test_the_async_fetcher_has_a_deadline(server: _Server, trusting: ssl.SSLContext) -> None:
    with pytest.raises((TimeoutError, httpx.ReadTimeout)):
        await AsyncHttpxFetcher(verify=trusting, timeout=0.2)(url(server, "/hang.pem"))


class _SteppingClock:
    """time.monotonic for the fetcher: one second later on every reading, so no test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_a_download_that_outlasts_the_timeout_is_cut_off(
    server: _Server, trusting: ssl.SSLContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each read arrives in time, the whole does not: a slow drip must not outlast the timeout.
    import amazonpay.notifications._fetch as fetch_module

    monkeypatch.setattr(fetch_module, "monotonic", _SteppingClock())
    with pytest.raises(FetchError, match=r"took longer than 1\.5 s"):
        HttpxFetcher(verify=trusting, timeout=1.5, max_bytes=10**6)(url(server, "/streamed-too-big.pem"))


# --- review of issue 19: the SubscribeURL carries the token, and httpx logs every URL it gets -------
def test_confirming_through_the_httpx_fetcher_logs_neither_the_token_nor_the_subscribe_url(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    sns = signer()
    answer = httpx.MockTransport(
        lambda request: httpx.Response(200, stream=httpx.ByteStream(sns.fetch(str(request.url))))
    )
    verifier = NotificationVerifier(fetcher=HttpxFetcher(transport=answer), clock=lambda: NOW)
    confirmation = verifier.verify(sns.subscription_confirmation())
    assert isinstance(confirmation, SubscriptionConfirmation)
    assert verifier.confirm(confirmation) is not None
    assert confirmation.token in sns.confirmed
    assert "sns.us-east-1.amazonaws.com" in caplog.text  # httpx logged the GET
    assert confirmation.token not in caplog.text
