"""The simulator as a real HTTP server on loopback (standard library ``ThreadingHTTPServer``)."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from ._faults import SimulatedBrokenBody, SimulatedNetworkError

_STALL_SECONDS = 30.0  # the longest a stalled answer keeps its connection

if TYPE_CHECKING:
    from types import TracebackType

    from ._sandbox import AmazonPaySandbox


class _Handler(BaseHTTPRequestHandler):
    """Hands every request to ``AmazonPaySandbox.handle`` and writes its answer."""

    server: _Server
    protocol_version = "HTTP/1.1"

    def _dispatch(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        host = self.headers.get("host") or "{}:{}".format(*self.server.server_address[:2])
        headers = {name: value for name, value in self.headers.items()}
        try:
            status, response_headers, content = self.server.sandbox.handle(
                self.command, f"http://{host}{self.path}", headers, body
            )
        except SimulatedNetworkError:
            # "Processed, then the connection dropped": close without an answer.
            self.close_connection = True
            return
        except SimulatedBrokenBody as broken:
            self._send_broken(broken)
            return
        self.send_response_only(status)
        for name, value in response_headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _dispatch

    def _send_broken(self, broken: SimulatedBrokenBody) -> None:
        """Status and headers announcing the whole body, then half of it ("cut") or nothing ("stall")."""
        self.close_connection = True
        self.send_response_only(broken.status)
        for name, value in broken.headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(broken.body)))
        self.end_headers()
        if broken.kind == "cut":
            self.wfile.write(broken.body[: len(broken.body) // 2])
        else:
            self.wfile.flush()
            self.connection.settimeout(_STALL_SECONDS)
            try:  # hold the connection open until the client gives up (its read timeout)
                while self.rfile.read1(4096):
                    pass
            except OSError:
                pass

    def log_message(self, format: str, *args: Any) -> None:
        """Log to stderr only when the server is verbose."""
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], sandbox: AmazonPaySandbox, *, verbose: bool) -> None:
        self.sandbox = sandbox
        self.verbose = verbose
        super().__init__(address, _Handler)


class SandboxServer:
    """An HTTP server answering from ``sandbox``; ``port=0`` picks a free port.

    Also serves ``POST /_sandbox/checkoutSessions/{id}/approve`` (optional JSON body
    ``{"buyer": {"name": ..., "email": ...}, "shippingAddress": {...}}``), the buyer's step.
    """

    def __init__(
        self, sandbox: AmazonPaySandbox, host: str = "127.0.0.1", port: int = 0, *, verbose: bool = False
    ) -> None:
        self._server = _Server((host, port), sandbox, verbose=verbose)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://host:port`` of the running server (append ``/v2`` or ``/sandbox/v2``)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` (or Ctrl-C)."""
        self._server.serve_forever()

    def start(self) -> SandboxServer:
        """Serve in a daemon thread; returns ``self``."""
        self._thread = threading.Thread(target=self._server.serve_forever, name="amazonpay-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> SandboxServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
