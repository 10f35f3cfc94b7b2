"""The simulator as a real HTTP/1.1 server on loopback, plain or TLS.

HTTP parsing is h11's (it ships with httpx, through httpcore): it refuses malformed framing
(a ``Content-Length`` that is not a number, conflicting framing headers, oversized headers)
with the status it suggests, decodes chunked bodies, and keeps connections alive correctly.
The standard library's ``socketserver`` accepts connections, one thread each. Working on the
socket directly also lets an injected network fault drop a connection, which an ASGI or WSGI
application cannot express.

Every answer the server writes itself (malformed HTTP, a body over 1 MiB) is a JSON error
body with a request id, like the simulator's own. A request with ``Expect: 100-continue`` gets
``100 Continue`` as soon as its body is needed.
"""

from __future__ import annotations

import contextlib
import http
import logging
import socket
import socketserver
import ssl
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Final

import h11

from . import _buyer_pages as buyer_pages
from ._errors import Reason, encode, error_body
from ._faults import SimulatedBrokenBody, SimulatedNetworkError
from ._tls import LoopbackTLS
from ._values import request_id

if TYPE_CHECKING:
    from types import TracebackType

    from ._sandbox import AmazonPaySandbox

MAX_BODY: Final = 1024 * 1024
MAX_HEADERS: Final = 64 * 1024
IDLE_TIMEOUT: Final = 30.0
STALL_SECONDS: Final = 30.0  # the longest a stalled answer keeps its connection
logger = logging.getLogger("amazonpay.testing")


class _Refused(Exception):
    """The connection's request cannot be answered by the simulator: answer this and close."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Connection(socketserver.BaseRequestHandler):
    """One client connection: requests read with h11, answered by the sandbox, until closed."""

    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(IDLE_TIMEOUT)
        context = self.server.tls.context if self.server.tls else None
        if context is not None:
            try:
                sock = context.wrap_socket(sock, server_side=True)
            except (ssl.SSLError, OSError):
                return
        connection = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEADERS)
        try:
            while self._serve_one(connection, sock):
                connection.start_next_cycle()
        except (OSError, h11.LocalProtocolError):
            pass  # the client went away, or the connection can no longer carry an answer
        except Exception:
            logger.exception("amazonpay.testing: the HTTP server failed on a connection from %s", self.client_address)
        finally:
            with contextlib.suppress(OSError):
                sock.close()

    def _serve_one(self, connection: h11.Connection, sock: socket.socket) -> bool:
        """Read, answer and write one request; whether the connection may carry another."""
        try:
            request, body = self._read(connection, sock)
        except _Refused as refused:
            self._write_error(connection, sock, refused.status, refused.message)
            return False
        except h11.RemoteProtocolError as error:
            self._write_error(connection, sock, error.error_status_hint, f"Malformed HTTP request: {error}.")
            return False
        if request is None:
            return False
        method = request.method.decode("ascii", "replace")
        target = request.target.decode("latin-1")
        headers: dict[str, str] = {}
        for name, value in request.headers:
            key = name.decode("latin-1")
            text = value.decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers else text
        if not target.startswith(("http://", "https://")):  # origin form: the usual one
            target = f"{self.server.scheme}://{headers.get('host') or self.server.authority}{target}"
        # The buyer's side (checkout.js, Amazon's hosted pages: _buyer_pages.ROUTES); every other path is the API.
        answer = buyer_pages.handler(self.server.sandbox, target) or self.server.sandbox.handle
        try:
            status, response_headers, content = answer(method, target, headers, body)
        except SimulatedNetworkError:
            return False  # "processed, then the connection dropped": close without an answer
        except SimulatedBrokenBody as broken:
            self._write_broken(connection, sock, broken)
            return False
        if self.server.verbose:
            sys.stderr.write(f"{self.client_address[0]} {method} {target} {status}\n")
        self._write(connection, sock, status, response_headers, content, head=method == "HEAD")
        return connection.our_state is h11.DONE and connection.their_state is h11.DONE

    @staticmethod
    def _next(connection: h11.Connection, sock: socket.socket) -> object:
        while True:
            event = connection.next_event()
            if event is not h11.NEED_DATA:
                return event
            if connection.they_are_waiting_for_100_continue:
                # A client that sent "Expect: 100-continue" holds its body back until this comes
                # (curl 1 s, .NET 350 ms, Java until its timeout). Sent when the body is needed,
                # so a request refused on its headers alone (413) gets its answer instead.
                sock.sendall(connection.send(h11.InformationalResponse(status_code=100, headers=[])) or b"")
            connection.receive_data(sock.recv(65536))

    def _read(self, connection: h11.Connection, sock: socket.socket) -> tuple[h11.Request | None, bytes]:
        event = self._next(connection, sock)
        if not isinstance(event, h11.Request):
            return None, b""  # ConnectionClosed (or a client that sent nothing)
        declared = dict(event.headers).get(b"content-length")
        if declared is not None and int(declared) > MAX_BODY:  # h11 has checked it is a number
            raise _Refused(413, f"The request body is over {MAX_BODY} bytes.")
        chunks: list[bytes] = []
        size = 0
        while True:
            part = self._next(connection, sock)
            if isinstance(part, h11.Data):
                size += len(part.data)
                if size > MAX_BODY:
                    raise _Refused(413, f"The request body is over {MAX_BODY} bytes.")
                chunks.append(part.data)
            elif isinstance(part, h11.EndOfMessage):
                return event, b"".join(chunks)
            else:
                return None, b""

    @staticmethod
    def _write(
        connection: h11.Connection,
        sock: socket.socket,
        status: int,
        headers: dict[str, str],
        content: bytes,
        *,
        head: bool = False,
    ) -> None:
        fields = [(name, value) for name, value in headers.items() if name.lower() != "content-length"]
        fields.append(("content-length", str(len(content))))
        phrase = http.HTTPStatus(status).phrase if status in http.HTTPStatus._value2member_map_ else ""
        data = connection.send(h11.Response(status_code=status, headers=fields, reason=phrase.encode()))
        if not head:
            data = (data or b"") + (connection.send(h11.Data(data=content)) or b"")
        data = (data or b"") + (connection.send(h11.EndOfMessage()) or b"")
        sock.sendall(data)

    @staticmethod
    def _write_broken(connection: h11.Connection, sock: socket.socket, broken: SimulatedBrokenBody) -> None:
        """Status and headers announcing the whole body, then half of it ("cut") or nothing ("stall")."""
        fields = [(name, value) for name, value in broken.headers.items() if name.lower() != "content-length"]
        fields.append(("content-length", str(len(broken.body))))
        data = connection.send(h11.Response(status_code=broken.status, headers=fields)) or b""
        if broken.kind == "cut":
            sock.sendall(data + broken.body[: len(broken.body) // 2])
            return
        sock.sendall(data)
        sock.settimeout(STALL_SECONDS)
        with contextlib.suppress(OSError):  # hold the connection open until the client gives up
            while sock.recv(4096):
                pass

    def _write_error(self, connection: h11.Connection, sock: socket.socket, status: int, message: str) -> None:
        """Answer an HTTP-level refusal with the JSON error body, then close."""
        if connection.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
            return
        rid = request_id()
        headers = {"content-type": "application/json", "x-amz-pay-request-id": rid, "connection": "close"}
        content = encode(error_body(Reason.InvalidRequestFormat.code, message))
        if self.server.verbose:
            sys.stderr.write(f"{self.client_address[0]} refused ({status}): {message}\n")
        with contextlib.suppress(OSError, h11.LocalProtocolError):
            self._write(connection, sock, status, headers, content)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    # socketserver listens with a queue of 5: a parallel test run connecting dozens of times at
    # once had the handshakes beyond it dropped, and each client retried a second later.
    request_queue_size = socket.SOMAXCONN  # the kernel caps it at net.core.somaxconn

    def __init__(
        self, address: tuple[str, int], sandbox: AmazonPaySandbox, *, verbose: bool, tls: LoopbackTLS | None
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.sandbox = sandbox
        self.verbose = verbose
        self.tls = tls
        self.scheme = "https" if tls else "http"
        super().__init__(address, _Connection)
        host, port = self.server_address[:2]
        text = host.decode() if isinstance(host, bytes) else str(host)
        self.authority = f"[{text}]:{port}" if ":" in text else f"{text}:{port}"


class SandboxServer:
    """An HTTP/1.1 server answering from ``sandbox``; ``port=0`` picks a free port.

    With ``tls=True`` it serves HTTPS with a certificate made for it (see :attr:`ca_file`).
    Also serves ``POST /_sandbox/checkoutSessions/{id}/approve`` (optional JSON body
    ``{"buyer": {"name": ..., "email": ...}, "shippingAddress": {...}}``), the buyer's step.
    """

    def __init__(
        self,
        sandbox: AmazonPaySandbox,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        verbose: bool = False,
        tls: bool = False,
        ca_file: str | Path | None = None,
    ) -> None:
        self._tls = LoopbackTLS.create(host) if tls else None
        self._server = _Server((host, port), sandbox, verbose=verbose, tls=self._tls)
        self._owns_ca_file = self._tls is not None and ca_file is None
        self.ca_file: Path | None = self._tls.write_ca(ca_file) if self._tls else None
        """The CA certificate to trust for ``https`` (None for plain HTTP)."""
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http(s)://host:port`` of the running server (append ``/v2`` or ``/sandbox/v2``)."""
        return f"{self._server.scheme}://{self._server.authority}"

    @property
    def authority(self) -> str:
        """``host:port``: what a client whose service URL points here signs as ``x-amz-pay-host``."""
        return self._server.authority

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` (or Ctrl-C)."""
        self._server.serve_forever()

    def start(self) -> SandboxServer:
        """Serve in a daemon thread; returns ``self``."""
        self._thread = threading.Thread(target=self._server.serve_forever, name="amazonpay-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close the socket and remove a CA file the server wrote on its own."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()
        if self._owns_ca_file and self.ca_file is not None:
            self.ca_file.unlink(missing_ok=True)

    def __enter__(self) -> SandboxServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
