"""Proxies (finding 10): ``HTTPS_PROXY`` / ``NO_PROXY`` honoured like httpx and requests, and ``proxy=``.

Tested through a loopback CONNECT proxy written here, in front of the sandbox served over
HTTPS; TLS runs end to end through the tunnel, so the proxy sees only the CONNECT line.
"""

from __future__ import annotations

import inspect
import select
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError
from tests.test_clock_and_tls import SESSION, self_signed, tls_sandbox

__all__ = ["self_signed"]  # the certificate fixture, shared with test_clock_and_tls

pytestmark = pytest.mark.anyio

PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")


class _Tunnel(socketserver.BaseRequestHandler):
    """One CONNECT: note the target, answer 200, then relay bytes both ways until either side closes."""

    server: _ProxyServer

    def handle(self) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            head += chunk
        method, target, _ = head.split(b"\r\n", 1)[0].decode("ascii").split(" ", 2)
        self.server.seen.append(f"{method} {target}")
        if method != "CONNECT":
            self.request.sendall(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
            return
        host, port = target.rsplit(":", 1)
        with socket.create_connection((host, int(port))) as upstream:
            self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            sockets = [self.request, upstream]
            while True:
                readable, _, _ = select.select(sockets, [], [], 10)
                if not readable:
                    return
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is self.request else self.request).sendall(data)


class _ProxyServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Tunnel)
        self.seen: list[str] = []


@contextmanager
def connect_proxy() -> Iterator[tuple[str, list[str]]]:
    """A CONNECT proxy on loopback: (its URL, the CONNECT lines it received)."""
    server = _ProxyServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


async def create_session(mode: str, **options: Any) -> Any:
    if mode == "sync":
        with AmazonPay(**options) as pay:
            return pay.checkout_sessions.create(SESSION)
    async with AsyncAmazonPay(**options) as async_pay:
        result = async_pay.checkout_sessions.create(SESSION)
        return await result if inspect.isawaitable(result) else result


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("how", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "proxy="])
async def test_requests_go_through_the_proxy(
    mode: str, how: str, self_signed: tuple[Path, Path], no_proxy_environment: pytest.MonkeyPatch
) -> None:
    with tls_sandbox(self_signed) as (sandbox, base_url), connect_proxy() as (proxy_url, seen):
        key_id, pem = sandbox.create_key()
        options: dict[str, Any] = {"public_key_id": key_id, "private_key": pem, "region": "eu", "base_url": base_url}
        options["verify"] = ssl.create_default_context(cafile=self_signed[0])
        if how == "proxy=":
            options["proxy"] = proxy_url
        else:
            no_proxy_environment.setenv(how, proxy_url)
        session = await create_session(mode, **options)
    assert session.checkout_session_id in sandbox.checkout_sessions
    port = base_url.split(":")[2].split("/")[0]
    assert seen == [f"CONNECT 127.0.0.1:{port}"]


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "*", "localhost,127.0.0.1"])
async def test_no_proxy_bypasses_the_proxy(
    no_proxy: str, self_signed: tuple[Path, Path], no_proxy_environment: pytest.MonkeyPatch
) -> None:
    with tls_sandbox(self_signed) as (sandbox, base_url), connect_proxy() as (proxy_url, seen):
        key_id, pem = sandbox.create_key()
        no_proxy_environment.setenv("HTTPS_PROXY", proxy_url)
        no_proxy_environment.setenv("NO_PROXY", no_proxy)
        verify = ssl.create_default_context(cafile=self_signed[0])
        await create_session(
            "sync", public_key_id=key_id, private_key=pem, region="eu", base_url=base_url, verify=verify
        )
    assert seen == []
    assert len(sandbox.checkout_sessions) == 1


def test_a_bad_proxy_url_is_refused_without_showing_it(no_proxy_environment: pytest.MonkeyPatch, rsa_key: Any) -> None:
    no_proxy_environment.setenv("HTTPS_PROXY", "ftp://user:s3cr3t-pw@proxy.example:21")
    with pytest.raises(ConfigurationError, match="is not an http:// or https:// URL") as raised:
        AmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu")
    assert "s3cr3t-pw" not in str(raised.value)


# --- review of issue 19: "from None" kept httpx's error, which may quote the proxy URL ------------
@pytest.mark.parametrize(
    "proxy",
    ["user:s3cr3t-pw@proxy.example:3128", "ftp://user:s3cr3t-pw@proxy.example:21"],
    ids=["without scheme", "ftp"],
)
def test_no_error_of_a_refused_proxy_url_holds_its_password(
    proxy: str, no_proxy_environment: pytest.MonkeyPatch, rsa_key: Any
) -> None:
    """A proxy URL without its scheme (a common slip) was quoted whole in the context's ValueError."""
    with pytest.raises(ConfigurationError, match="is not an http:// or https:// URL") as raised:
        AmazonPay(public_key_id="LIVE-AE1", private_key=rsa_key, region="eu", proxy=proxy)
    assert (raised.value.__cause__, raised.value.__context__) == (None, None)
