"""The simulator as a real HTTP/1.1 server on loopback, plain or TLS: one event-loop thread.

Every connection is served by one asyncio event loop in the server's thread (keep-alive and
pipelining, no thread per connection): the sandbox answers one request at a time under its
lock anyway, and threads taking turns for the GIL cost more than the answers (issue 22: 1.6x
Prism's requests per second at 64 connections, p99 250 ms). Reads never block: a client that
sends nothing for :data:`IDLE_TIMEOUT` seconds, mid-request or between requests, is closed,
and a slow or stalled client delays nobody. A client that stops reading its answers stops
being read. Requests are parsed by :mod:`._http` (strict framing, 1 MiB bodies, 64 KiB heads).

The answer is made in the loop's thread, except while notifications have subscribers: their
delivery (an HTTP POST to a loopback receiver, a callback) may wait on the very test that
sent the request, so such requests are answered in a worker thread and the connection waits.
Working on the connection directly lets an injected network fault drop it, which an ASGI or
WSGI application cannot express.

Every answer the server writes itself (malformed HTTP, a body over 1 MiB) is a JSON error
body with a request id, like the simulator's own. A request with ``Expect: 100-continue`` gets
``100 Continue`` as soon as its body is needed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import socket
import ssl
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from . import _buyer_pages as buyer_pages
from ._errors import Reason, encode, error_body
from ._faults import SimulatedBrokenBody, SimulatedNetworkError
from ._http import Refused, Request, RequestReader, response_head
from ._tls import LoopbackTLS, ServerSession
from ._values import request_id

if TYPE_CHECKING:
    from types import TracebackType

    from ._sandbox import AmazonPaySandbox, Response

IDLE_TIMEOUT: Final = 30.0  # the longest a connection may send nothing (mid-request or between requests)
STALL_SECONDS: Final = 30.0  # the longest a stalled answer keeps its connection
#: Bytes received and not yet answered, beyond which a connection is not read until its answers leave.
READ_AHEAD: Final = 2 * 1024 * 1024
logger = logging.getLogger("amazonpay.testing")


class _Connection(asyncio.Protocol):
    """One client connection: requests read as their bytes come, answered in order, until closed."""

    def __init__(self, server: _Server) -> None:
        self.server = server
        self.reader = RequestReader()
        self.transport: asyncio.Transport | None = None
        self.tls: ServerSession | None = None
        self.peer = "?"
        self.busy = False  # an answer is being made in a worker thread
        self.done = False  # closing: nothing more is read or answered
        self.paused = False  # the client is not reading its answers
        self.eof = False  # the client has sent all it will send
        self.scheduled = False  # _answer_ready is due on the loop's next turn
        self.opened = self.last_read = 0.0
        self.timer: asyncio.TimerHandle | None = None

    # --- asyncio's callbacks --------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        peer = transport.get_extra_info("peername")
        self.peer = str(peer[0]) if peer else "?"
        self.server.connections.add(self)
        if self.server.tls is not None:
            self.tls = ServerSession(self.server.tls.context, transport)
        self.opened = self.last_read = self.server.loop.time()
        self.timer = self.server.loop.call_later(IDLE_TIMEOUT, self._check_idle)

    def connection_lost(self, exc: Exception | None) -> None:
        self.done = True
        self.server.connections.discard(self)
        if self.timer is not None:
            self.timer.cancel()

    def data_received(self, data: bytes) -> None:
        if self.done:
            return
        self.last_read = self.server.loop.time()
        if self.tls is not None:
            try:
                data, ended = self.tls.receive(data)
            except ssl.SSLError:  # a failed handshake or a broken record: the client's business
                self.done = True
                assert self.transport is not None
                self.transport.abort()
                return
            self.eof = self.eof or ended  # answered, then closed, as at the end of a plain TCP stream
        self.reader.feed(data)
        if not self.scheduled:
            self._answer_ready()

    def eof_received(self) -> bool | None:
        self.eof = True
        if not (self.busy or self.scheduled):
            self._answer_ready()  # closes once every complete request received is answered
        return None if self.done else True  # half-open until the answers in the making are sent

    def pause_writing(self) -> None:
        self.paused = True
        self._flow()

    def resume_writing(self) -> None:
        self.paused = False
        if not self.scheduled:
            self._answer_ready()

    # --- reading and answering --------------------------------------------------------------
    def _check_idle(self) -> None:
        """Close a connection that sent nothing for IDLE_TIMEOUT (one timer, re-armed, not one per read).

        A TLS handshake must end within IDLE_TIMEOUT of the connection, however its bytes come.
        """
        now = self.server.loop.time()
        idle = now - (self.opened if self.tls is not None and not self.tls.established else self.last_read)
        if self.busy or idle < IDLE_TIMEOUT:
            self.timer = self.server.loop.call_later(
                IDLE_TIMEOUT - idle if not self.busy else IDLE_TIMEOUT, self._check_idle
            )
        else:
            self._close()

    def _answer_ready(self) -> None:
        """Answer the next complete request received, if any; the one after it on the loop's next turn.

        One request per turn: a client pipelining hundreds of requests gets one answer per round
        of the loop like every other connection, not the loop to itself until its buffer is empty.
        """
        self.scheduled = False
        try:
            self._answer_next()
        except Exception:
            logger.exception("amazonpay.testing: the HTTP server failed on a connection from %s", self.peer)
            self._close()
        self._flow()

    def _answer_next(self) -> None:
        if not (self.done or self.busy or self.paused):
            try:
                request = self.reader.next_request()
            except Refused as refused:
                self._refuse(refused.status, refused.message)
                return
            if request is not None:
                self._dispatch(request)
                # Bytes left to read, or the client's end (a FIN, a close_notify) come before this answer
                # was made: the next turn answers on, or closes, since nothing else will call it.
                if (self.reader.buffer or self.eof) and not (self.done or self.busy or self.paused):
                    self.scheduled = True
                    self.server.loop.call_soon(self._answer_ready)
            elif self.reader.wants_continue:
                # A client that sent "Expect: 100-continue" holds its body back until this comes
                # (curl 1 s, .NET 350 ms, Java until its timeout). Sent when the body is needed,
                # so a request refused on its headers alone (413) gets its answer instead.
                self.reader.wants_continue = False
                self._send(b"HTTP/1.1 100 Continue\r\n\r\n")
            elif self.eof:
                self._close()  # every request the client sent before its end is answered

    def _flow(self) -> None:
        """Read on, unless answers wait to be made or sent or too much is received and unanswered."""
        if self.done or self.transport is None:
            return
        with contextlib.suppress(RuntimeError):  # closing already
            if len(self.reader.buffer) > READ_AHEAD or self.paused or self.busy:
                self.transport.pause_reading()
            else:
                self.transport.resume_reading()

    def _dispatch(self, request: Request) -> None:
        target = request.target
        if target[:1] == "/":  # origin form, the usual one (the reader refuses any but it and absolute form)
            target = f"{self.server.scheme}://{request.headers.get('host') or self.server.authority}{target}"
        # The buyer's side (checkout.js, Amazon's hosted pages: _buyer_pages.ROUTES); every other path is the API.
        sandbox = self.server.sandbox
        answer = buyer_pages.handler(sandbox, target) or sandbox.handle
        arguments = (request.method, target, request.headers, request.body)
        if not sandbox._delivers_notifications():
            try:
                response = answer(*arguments)
            except (SimulatedNetworkError, SimulatedBrokenBody) as fault:
                self._fault(fault)
                return
            self._respond(request, target, response)
            return
        self.busy = True
        self._flow()
        future = self.server.loop.run_in_executor(None, answer, *arguments)
        future.add_done_callback(lambda done: self._answered(request, target, done))

    def _answered(self, request: Request, target: str, done: asyncio.Future[Response]) -> None:
        self.busy = False
        if self.done:
            return
        fault = done.exception()
        if isinstance(fault, (SimulatedNetworkError, SimulatedBrokenBody)):
            self._fault(fault)
            return
        if fault is not None:
            logger.error("amazonpay.testing: the HTTP server failed on a request from %s", self.peer, exc_info=fault)
            self._close()
            return
        self._respond(request, target, done.result())
        if not self.scheduled:
            self._answer_ready()

    def _respond(self, request: Request, target: str, response: Response) -> None:
        status, headers, content = response
        if self.server.verbose:
            sys.stderr.write(f"{self.peer} {request.method} {target} {status}\n")
        close = not request.keep_alive or headers.get("connection", "").lower() == "close"
        head = response_head(status, headers, len(content), close=close)
        self._send(head if request.method == "HEAD" else head + content)
        if close:
            self._close()

    def _fault(self, fault: SimulatedNetworkError | SimulatedBrokenBody) -> None:
        """An injected fault: drop the connection unanswered, or announce a body and break it."""
        assert self.transport is not None
        if isinstance(fault, SimulatedBrokenBody):
            head = response_head(fault.status, dict(fault.headers), len(fault.body), close=False)
            if fault.kind == "cut":
                self._send(head + fault.body[: len(fault.body) // 2])
            else:  # "stall": hold the connection open, reading nothing more, until the client gives up
                self._send(head)
                self.transport.pause_reading()
                self.done = True
                if self.timer is not None:
                    self.timer.cancel()
                self.timer = self.server.loop.call_later(STALL_SECONDS, self._close)
                return
        self._close()  # "processed, then the connection dropped": close without an answer

    def _refuse(self, status: int, message: str) -> None:
        """Answer an HTTP-level refusal with the JSON error body, then close."""
        headers = {"content-type": "application/json", "x-amz-pay-request-id": request_id()}
        content = encode(error_body(Reason.InvalidRequestFormat.code, message))
        if self.server.verbose:
            sys.stderr.write(f"{self.peer} refused ({status}): {message}\n")
        self._send(response_head(status, headers, len(content), close=True) + content)
        self._close()

    def _send(self, data: bytes) -> None:
        assert self.transport is not None
        if self.tls is not None:
            self.tls.send(data)
        else:
            self.transport.write(data)

    def _close(self) -> None:
        self.done = True
        if self.transport is not None:
            if self.tls is not None:
                self.tls.close()
            self.transport.close()  # after what was written has been sent


class _Server:
    """The listening socket (queued from construction) and the event loop serving it."""

    def __init__(
        self, address: tuple[str, int], sandbox: AmazonPaySandbox, *, verbose: bool, tls: LoopbackTLS | None
    ) -> None:
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        # socketserver listened with a queue of 5: a parallel test run connecting dozens of times
        # at once had the handshakes beyond it dropped, and each client retried a second later.
        self.socket = socket.create_server(address, family=family, backlog=socket.SOMAXCONN)  # kernel caps it
        self.sandbox = sandbox
        self.verbose = verbose
        self.tls = tls
        self.scheme = "https" if tls else "http"
        host, port = self.socket.getsockname()[:2]
        self.authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.connections: set[_Connection] = set()
        self.loop = asyncio.new_event_loop()
        # Answers that deliver notifications wait in a worker, and a receiver may call back into this
        # server, whose answer needs a worker of its own: every connection may hold one (it waits for
        # its answer before the next), so a pool bounded below the connections (asyncio's default,
        # cores + 4) could have every worker waiting on a call-back queued for a free one. Threads
        # are started only when none is idle.
        self.loop.set_default_executor(
            concurrent.futures.ThreadPoolExecutor(max_workers=sys.maxsize, thread_name_prefix="amazonpay-sandbox")
        )
        self._stop: asyncio.Event | None = None
        self._stopping = False
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._stopped.set()

    def serve_forever(self) -> None:
        with self._lock:
            if self._stopping or not self._stopped.is_set():
                return
            self._stopped.clear()
        self.loop.set_exception_handler(_log_loop_error)
        serving = self.loop.create_task(self._serve())
        try:
            self.loop.run_until_complete(serving)
        finally:  # stopped, or interrupted (Ctrl-C): end the serving task, then every connection
            serving.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                self.loop.run_until_complete(serving)
            for connection in list(self.connections):
                if connection.transport is not None:
                    connection.transport.abort()
            self.loop.run_until_complete(asyncio.sleep(0))  # let the aborted transports finish
            self.loop.run_until_complete(self.loop.shutdown_default_executor())
            self._stopped.set()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        if self._stopping:
            return
        server = await self.loop.create_server(
            lambda: _Connection(self),
            sock=self.socket,
            backlog=socket.SOMAXCONN,
        )
        try:
            await self._stop.wait()
        finally:
            server.close()

    def shutdown(self) -> None:
        """Stop serving (from another thread, or after ``serve_forever`` ended) and wait until it has."""
        with self._lock:
            self._stopping = True
        if not self.loop.is_closed() and self._stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already stopped
                self.loop.call_soon_threadsafe(self._stop.set)
        self._stopped.wait()

    def close(self) -> None:
        self.socket.close()
        if not self.loop.is_closed():
            self.loop.close()


def _log_loop_error(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """A reset connection is the client's business; anything else is a bug."""
    error = context.get("exception")
    if isinstance(error, (ConnectionError, TimeoutError)):
        return
    logger.error("amazonpay.testing: the HTTP server failed: %s", context.get("message"), exc_info=error)


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
        """Stop serving, close every connection and the socket, remove a CA file the server wrote on its own."""
        self._server.shutdown()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._server.close()
        if self._owns_ca_file and self.ca_file is not None:
            self.ca_file.unlink(missing_ok=True)

    def __enter__(self) -> SandboxServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
