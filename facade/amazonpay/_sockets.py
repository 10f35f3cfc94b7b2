"""The clients' connections: httpcore's, each request's bytes written at once, and (async) a cheaper idle check.

httpcore writes a request in pieces: its head, then its body (one piece for a body of bytes, as
every API call has). With TCP_NODELAY (httpcore sets it) each piece is a system call and a
segment of its own; on loopback the kernel does the receiving side's work in the sender's time.
AmazonPay's streams hold a piece of a request until its end (or the first read, for bytes that
are not an HTTP request), so a POST leaves in one send: 10 to 40 us of CPU
a create less against the bench's canned server (paired medians; the spread at load 1 to 2 is
wider). Held bytes are bounded (:data:`HELD_BYTES`): an upload's chunks still go out as they
come. (AsyncAmazonPay's streams write as httpcore does.)

httpcore's pool checks every idle connection each time it hands out or takes back one (each
async call does so about six times): a connection whose socket is readable while idle has
been closed by the server. Over asyncio, httpcore asks anyio for the socket at each check, and
anyio builds the stream's whole attribute table to answer (its remote address read from the
kernel, six functions made): about 9 us a check, where the check itself (one ``poll``) takes
1 us. At 32 calls in flight there are some eight idle connections, about 45 checks and 400 us
a call, a third of the async floor's CPU. These streams find the socket once, when connected,
and poll it as httpcore does; everything else goes to httpcore's own stream.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import httpcore
import httpx

if TYPE_CHECKING:
    from asyncio.trsock import TransportSocket


#: The most bytes of a request a stream holds back, waiting for its next piece: a head and an API body.
HELD_BYTES: Final = 64 * 1024
#: What h11 writes for the end of a request: nothing after a body of known length, the last chunk of a
#: chunked one. The held bytes leave with it: httpcore may take the answer from bytes it has already
#: received (a server that answered one request twice) without a read, and a request held past its
#: call would go out with the next one on the connection, which would get its answer.
_END_OF_REQUEST: Final = (b"", b"0\r\n\r\n")


class _WholeStream(httpcore.NetworkStream):
    """httpcore's stream, a request's pieces (head, body) held and written together at its end."""

    __slots__ = ("_held", "_held_timeout", "_stream")

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream
        self._held = b""
        self._held_timeout: float | None = None

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        held = self._held + buffer
        if len(held) <= HELD_BYTES and buffer not in _END_OF_REQUEST:
            self._held = held
            self._held_timeout = timeout
            return
        self._held = b""
        if held:
            self._stream.write(held, timeout)  # a WriteError goes to httpcore, which reads the answer next

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if self._held:  # bytes written outside an HTTP request (a SOCKS proxy's handshake)
            buffer, self._held = self._held, b""
            # As httpcore does for a write that fails: the server may have closed early and
            # answered (a 413, say); the read below gets that answer or the connection's error.
            with contextlib.suppress(httpcore.WriteError):
                self._stream.write(buffer, self._held_timeout)
        return self._stream.read(max_bytes, timeout)

    def close(self) -> None:
        self._held = b""
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        # Only before a request (a proxy's CONNECT is answered, and so read, first): nothing is held.
        return _WholeStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _WholeBackend(httpcore.NetworkBackend):
    """httpcore's sync backend, its streams those of :class:`_WholeStream`."""

    __slots__ = ("_backend",)

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _WholeStream(
            self._backend.connect_tcp(
                host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
            )
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _WholeStream(self._backend.connect_unix_socket(path, timeout=timeout, socket_options=socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def sync_network(verify: bool | ssl.SSLContext, proxy: str | httpx.Proxy | None) -> httpx.HTTPTransport:
    """The transport httpx makes, its pool's connections (direct or through ``proxy``) by :class:`_WholeBackend`."""
    transport = httpx.HTTPTransport(verify=verify, proxy=proxy)
    pool = transport._pool  # httpx sets no network backend of its own: its pools take httpcore's default
    pool._network_backend = _WholeBackend(pool._network_backend)
    return transport


class _Stream(httpcore.AsyncNetworkStream):
    """httpcore's stream, its idle check answered from the socket found when it connected."""

    __slots__ = ("_socket", "_stream")

    def __init__(self, stream: httpcore.AsyncNetworkStream, sock: socket.socket | TransportSocket) -> None:
        self._stream = stream
        self._socket = sock

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _wrapped(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return _readable(self._socket)
        return self._stream.get_extra_info(info)


def _readable(sock: socket.socket | TransportSocket) -> bool:
    """Whether ``sock`` has bytes (or its end) to read, without reading: httpcore's own test."""
    fd = sock.fileno()
    if fd < 0:
        return True  # closed: as httpcore, the next read would return its end
    if sys.platform == "win32" or not hasattr(select, "poll"):
        return bool(select.select([fd], [], [], 0)[0])
    poll = select.poll()
    poll.register(fd, select.POLLIN)
    return bool(poll.poll(0))


def _wrapped(stream: httpcore.AsyncNetworkStream) -> httpcore.AsyncNetworkStream:
    """``stream`` with the cheap idle check, where it runs over a plain socket (anyio's streams, plain or TLS)."""
    sock = stream.get_extra_info("socket")
    # Over asyncio, anyio gives the socket as asyncio's wrapper of it (whose fileno is the socket's);
    # trio's streams give a trio socket, whose own check is already cheap: left as they are.
    asyncio = sys.modules.get("asyncio")
    plain = isinstance(sock, socket.socket) or (
        asyncio is not None and isinstance(sock, asyncio.trsock.TransportSocket)
    )
    return _Stream(stream, sock) if plain else stream


class _Backend(httpcore.AsyncNetworkBackend):
    """httpcore's backend (asyncio through anyio, or trio), its streams wrapped by :func:`_wrapped`."""

    __slots__ = ("_backend",)

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _wrapped(
            await self._backend.connect_tcp(
                host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
            )
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _wrapped(await self._backend.connect_unix_socket(path, timeout=timeout, socket_options=socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def async_network(verify: bool | ssl.SSLContext, proxy: str | httpx.Proxy | None) -> httpx.AsyncHTTPTransport:
    """The transport httpx makes, its pool's connections (direct or through ``proxy``) made by :class:`_Backend`."""
    transport = httpx.AsyncHTTPTransport(verify=verify, proxy=proxy)
    pool = transport._pool  # httpx sets no network backend of its own: its pools take httpcore's default
    pool._network_backend = _Backend(pool._network_backend)
    return transport
