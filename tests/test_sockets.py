"""AsyncAmazonPay's connections check an idle connection as httpcore does, at a tenth of the cost.

httpcore's pool drops an idle connection whose socket has become readable (the server closed
it); ``amazonpay._sockets`` answers that check from the socket found when the connection was
made, instead of asking anyio for its whole attribute table each time. These tests run a real
HTTP/1.1 server on 127.0.0.1 in the test's event loop and compare the answer with httpcore's own
for the same connection, before and after the server closes it, and check what a caller sees.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import AsyncIterator
from typing import Any

import httpcore
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from amazonpay import AsyncAmazonPay, request_options
from amazonpay._sockets import _Stream
from amazonpay.testing._tls import LoopbackTLS
from tests.support.operations import CHARGE

pytestmark = pytest.mark.anyio

BODY = json.dumps(CHARGE).encode()
ANSWER = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(BODY)) + BODY


class Server:
    """Answers every GET with the charge over keep-alive, until :meth:`hang_up`."""

    def __init__(self, tls: LoopbackTLS | None) -> None:
        self.tls = tls
        self.connections = 0
        self.requests = 0
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None

    def hang_up(self) -> None:
        """Close every connection, as a server does with one idle too long."""
        for writer in self.writers:
            writer.close()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.append(writer)
        try:
            while await reader.readuntil(b"\r\n\r\n"):  # a GET: no body
                self.requests += 1
                writer.write(ANSWER)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])


@pytest.fixture(params=["http", "https"])
async def server(request: pytest.FixtureRequest) -> AsyncIterator[Server]:
    """The server, plain or over TLS (a connection's socket is then found under its TLS layer)."""
    served = Server(LoopbackTLS.create() if request.param == "https" else None)
    context = served.tls.context if served.tls else None
    served.server = await asyncio.start_server(served.handle, "127.0.0.1", 0, ssl=context)
    async with served.server:
        yield served


def client(rsa_key: rsa.RSAPrivateKey, server: Server) -> AsyncAmazonPay:
    tls = server.tls
    return AsyncAmazonPay(
        public_key_id="SANDBOX-AEUNITTEST",
        private_key=rsa_key,
        region="eu",
        base_url=f"{'https' if tls else 'http'}://127.0.0.1:{server.port}/sandbox/v2",
        verify=ssl.create_default_context(cadata=tls.ca_pem.decode()) if tls else True,
    )


def idle_streams(pay: AsyncAmazonPay) -> list[Any]:
    """The network streams of the pool's idle connections."""
    pool = pay._http._transport._inner._pool  # type: ignore[attr-defined]
    return [connection._connection._network_stream for connection in pool.connections if connection.is_idle()]


async def settled(stream: httpcore.AsyncNetworkStream, readable: bool) -> None:
    """Wait (at most 5 s) until httpcore's own check of ``stream`` says ``readable``: the FIN has arrived."""
    inner = stream._stream if isinstance(stream, _Stream) else stream
    for _ in range(500):
        if inner.get_extra_info("is_readable") is readable:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"httpcore's check never said {readable}")


async def test_an_open_idle_connection_is_kept_and_reused(rsa_key: rsa.RSAPrivateKey, server: Server) -> None:
    async with client(rsa_key, server) as pay:
        await pay.charges.get(CHARGE["chargeId"])
        (stream,) = idle_streams(pay)
        assert isinstance(stream, _Stream)  # over asyncio, the cheap check is the one the pool asks
        await settled(stream, readable=False)
        assert stream.get_extra_info("is_readable") is stream._stream.get_extra_info("is_readable") is False
        for _ in range(3):
            with request_options() as state:
                await pay.charges.get(CHARGE["chargeId"])
            assert state.attempts == 1
    assert (server.connections, server.requests) == (1, 4)


async def test_an_idle_connection_the_server_closed_is_dropped_before_a_call_uses_it(
    rsa_key: rsa.RSAPrivateKey, server: Server
) -> None:
    async with client(rsa_key, server) as pay:
        await pay.charges.get(CHARGE["chargeId"])
        (stream,) = idle_streams(pay)
        server.hang_up()
        await settled(stream, readable=True)
        assert stream.get_extra_info("is_readable") is stream._stream.get_extra_info("is_readable") is True
        with request_options() as state:
            charge = await pay.charges.get(CHARGE["chargeId"])
        # The pool saw the closed connection and opened another: the call was not sent on the dead one
        # (that would have failed and been retried).
        assert state.attempts == 1
        assert charge.charge_id == CHARGE["chargeId"]
    assert (server.connections, server.requests) == (2, 2)
