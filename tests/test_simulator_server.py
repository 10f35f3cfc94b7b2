"""The simulator's server under many clients: one event loop must serve them all, whatever each does.

Raw sockets, as a load test, a browser and xdist workers open them: many keep-alive
connections at once, pipelined requests, clients that stall mid-request or stop reading, TLS,
and a notification endpoint that calls back into the server while its delivery is awaited.
The framing rows of docs/simulator.md's table are checked here on the wire.
"""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Protocol

import httpx
import pytest

from amazonpay import AmazonPay
from amazonpay.testing import AmazonPaySandbox, SandboxServer, _http, _server
from tests.support.operations import money
from tests.test_answers import checkout

ADVANCE = b'{"seconds": 0}'


def _advance(host: bytes = b"x", extra: bytes = b"") -> bytes:
    """A complete POST /_sandbox/advance: answered 200 with the simulated time."""
    return (
        b"POST /_sandbox/advance HTTP/1.1\r\nHost: " + host + b"\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(ADVANCE)).encode() + b"\r\n" + extra + b"\r\n" + ADVANCE
    )


def _connect(server: SandboxServer, timeout: float = 5) -> socket.socket:
    host, _, port = server.authority.rpartition(":")
    return socket.create_connection((host, int(port)), timeout=timeout)


class _Receiver(Protocol):
    """What :class:`_Answers` reads through: a socket, or a TLS client over one."""

    def recv(self, size: int, /) -> bytes: ...


class _Answers:
    """Reads whole responses (head and Content-Length body) off one connection."""

    def __init__(self, sock: _Receiver) -> None:
        self.sock = sock
        self.data = b""

    def next(self, *, head: bool = False) -> tuple[int, dict[str, str], bytes]:
        """The next answer; ``head``: the answer to a HEAD request (its Content-Length, no body)."""
        while b"\r\n\r\n" not in self.data:
            self._more()
        text, _, self.data = self.data.partition(b"\r\n\r\n")
        status_line, *lines = text.decode("latin-1").split("\r\n")
        headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
        length = 0 if head else int(headers.get("content-length", "0"))
        while len(self.data) < length:
            self._more()
        body, self.data = self.data[:length], self.data[length:]
        return int(status_line.split()[1]), headers, body

    def _more(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a whole answer")
        self.data += chunk

    def closed(self) -> bool:
        """Whether the server closed the connection (and sent nothing more)."""
        try:
            return self.sock.recv(1) == b""
        except ConnectionResetError:
            return True


# --- many clients --------------------------------------------------------------------------------


def test_64_keep_alive_connections_are_all_answered_in_turn(sandbox: AmazonPaySandbox) -> None:
    """Every connection is served while the others stay open: three requests each, interleaved."""
    with sandbox.serve() as server:
        clients = [_connect(server) for _ in range(64)]
        try:
            readers = [_Answers(client) for client in clients]
            for _ in range(3):
                for client in clients:
                    client.sendall(_advance())
                assert all(reader.next()[0] == 200 for reader in readers)
        finally:
            for client in clients:
                client.close()


def test_pipelined_requests_are_answered_in_order_on_one_connection(sandbox: AmazonPaySandbox) -> None:
    with sandbox.serve() as server, _connect(server) as sock:
        head = b"HEAD /checkout.js HTTP/1.1\r\nHost: x\r\n\r\n"
        missing = b"GET /_sandbox/nothing-here HTTP/1.1\r\nHost: x\r\n\r\n"
        sock.sendall(_advance() + head + missing + _advance())  # in one write: the reader splits them
        answers = _Answers(sock)
        first, second, third, fourth = answers.next(), answers.next(head=True), answers.next(), answers.next()
    assert first[0] == 200
    assert "now" in json.loads(first[2])
    assert second[0] == 405  # checkout.js is GET only
    assert second[2] == b""  # HEAD: the length of the body, not the body
    assert int(second[1]["content-length"]) > 0
    assert third[0] == 404
    assert fourth[0] == 200


def test_a_stalled_client_delays_nobody_and_is_closed_when_idle(
    sandbox: AmazonPaySandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_server, "IDLE_TIMEOUT", 0.5)
    with sandbox.serve() as server:
        half_head = _connect(server)
        half_head.sendall(b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nContent-Le")
        half_body = _connect(server)
        half_body.sendall(_advance()[:-4])
        silent = _connect(server)  # connected, never sends a byte
        try:
            started = time.monotonic()
            with _connect(server) as other:
                other.sendall(_advance())
                assert _Answers(other).next()[0] == 200
            assert time.monotonic() - started < 0.4, "a stalled client held up another's answer"
            for stalled in (half_head, half_body, silent):
                stalled.settimeout(3)
                assert _Answers(stalled).closed()  # after IDLE_TIMEOUT, unanswered
            assert time.monotonic() - started < 2.5
        finally:
            for stalled in (half_head, half_body, silent):
                stalled.close()


def test_a_client_dripping_a_request_is_answered_once_it_is_whole(
    sandbox: AmazonPaySandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Idle means nothing received: a slow client sending byte by byte is read, not timed out."""
    monkeypatch.setattr(_server, "IDLE_TIMEOUT", 0.5)
    with sandbox.serve() as server, _connect(server) as sock:
        request = _advance()
        for at in range(0, len(request), 16):
            sock.sendall(request[at : at + 16])
            time.sleep(0.02)
        assert _Answers(sock).next()[0] == 200


def test_https_serves_many_clients_at_once(sandbox: AmazonPaySandbox) -> None:
    with sandbox.serve(tls=True) as server:
        assert server.ca_file is not None
        context = ssl.create_default_context(cafile=str(server.ca_file))

        def client(_: int) -> list[int]:
            with httpx.Client(verify=context, base_url=server.url) as http:
                return [http.post("/_sandbox/advance", content=ADVANCE).status_code for _ in range(5)]

        with ThreadPoolExecutor(16) as pool:
            statuses = [status for answers in pool.map(client, range(32)) for status in answers]
    assert statuses == [200] * 160


def test_https_sends_no_session_tickets(sandbox: AmazonPaySandbox) -> None:
    """Making TLS 1.3's two session tickets after each handshake was a third of the server's part of it,
    and 64 clients connecting at once had every first answer wait for all 64 handshakes."""
    with sandbox.serve(tls=True) as server:
        assert server.ca_file is not None
        context = ssl.create_default_context(cafile=str(server.ca_file))
        host, _, port = server.authority.rpartition(":")
        with context.wrap_socket(socket.create_connection((host, int(port)), timeout=5), server_hostname=host) as tls:
            tls.sendall(_advance())
            status, _, _ = _Answers(tls).next()  # the tickets come before the first answer, when there are any
            assert (status, tls.version()) == (200, "TLSv1.3")
            assert tls.session is not None
            assert not tls.session.has_ticket


class _RecordClient:
    """A TLS client over memory buffers on a raw socket: the test decides how records meet TCP segments."""

    def __init__(self, server: SandboxServer) -> None:
        assert server.ca_file is not None
        self.sock = _connect(server)
        self.incoming, self.outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        context = ssl.create_default_context(cafile=str(server.ca_file))
        self.tls = context.wrap_bio(self.incoming, self.outgoing, server_hostname=server.authority.rpartition(":")[0])
        while True:
            try:
                self.tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self.sock.sendall(self.outgoing.read())
                self.incoming.write(self.sock.recv(65536))
        self.sock.sendall(self.outgoing.read())  # the client's Finished

    def records(self, *parts: bytes) -> bytes:
        """Each part encrypted as a record of its own: their bytes, to send as the test likes."""
        for part in parts:
            self.tls.write(part)
        return self.outgoing.read()

    def close_notify(self) -> bytes:
        """The bytes of the client's close_notify alert."""
        with pytest.raises(ssl.SSLWantReadError):  # the server's own close_notify is not awaited here
            self.tls.unwrap()
        return self.outgoing.read()

    def recv(self, size: int) -> bytes:
        """Application data, as socket.recv gives it (b"" once the server ended the session or closed)."""
        while True:
            try:
                return self.tls.read(size)
            except ssl.SSLZeroReturnError:  # the server's close_notify, after the client's own
                return b""
            except ssl.SSLWantReadError:
                data = self.sock.recv(65536)
                if not data:
                    return b""
                self.incoming.write(data)


def test_https_answers_every_record_however_the_records_meet_the_segments(sandbox: AmazonPaySandbox) -> None:
    """The server reads every record a segment completes, and only those: pipelined requests in one
    segment, a record cut across two, a request over two records."""
    with sandbox.serve(tls=True) as server:
        client = _RecordClient(server)
        try:
            answers = _Answers(client)
            client.sock.sendall(client.records(_advance(), _advance(), _advance()))
            assert [answers.next()[0] for _ in range(3)] == [200, 200, 200]
            record = client.records(_advance())
            client.sock.sendall(record[:10])
            time.sleep(0.1)  # read by the server on its own: a record's header, not yet the record
            client.sock.sendall(record[10:])
            assert answers.next()[0] == 200
            client.sock.sendall(client.records(_advance()[:30], _advance()[30:]))
            assert answers.next()[0] == 200
        finally:
            client.sock.close()


def test_https_a_request_and_the_close_notify_in_one_segment_get_the_answer_then_the_close(
    sandbox: AmazonPaySandbox,
) -> None:
    """The client ends its session with its last request: answered, then closed, as at the end of a TCP stream."""
    with sandbox.serve(tls=True) as server:
        client = _RecordClient(server)
        try:
            client.sock.settimeout(3)
            answers = _Answers(client)
            client.sock.sendall(client.records(_advance(), _advance()) + client.close_notify())
            assert [answers.next()[0] for _ in range(2)] == [200, 200]
            assert answers.closed()
        finally:
            client.sock.close()


def test_a_tls_handshake_must_end_within_the_idle_timeout_however_its_bytes_come(
    sandbox: AmazonPaySandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server runs TLS itself: a client dripping its ClientHello a byte at a time is closed, not served forever."""
    monkeypatch.setattr(_server, "IDLE_TIMEOUT", 0.5)
    with sandbox.serve(tls=True) as server, _connect(server) as sock:
        assert server.ca_file is not None
        client = ssl.create_default_context(cafile=str(server.ca_file)).wrap_bio(
            ssl.MemoryBIO(), outgoing := ssl.MemoryBIO(), server_hostname="127.0.0.1"
        )
        with pytest.raises(ssl.SSLWantReadError):
            client.do_handshake()
        hello = outgoing.read()
        started = time.monotonic()
        sock.settimeout(0.05)
        closed = False
        for byte in hello[:-1]:  # every byte in time, the whole hello never
            try:
                sock.sendall(bytes([byte]))
                closed = sock.recv(1) == b""
            except TimeoutError:
                continue
            except ConnectionError:
                closed = True
            if closed:
                break
        assert closed
        assert 0.4 < time.monotonic() - started < 3


def test_stop_closes_open_connections_and_the_listening_socket(sandbox: AmazonPaySandbox) -> None:
    server = sandbox.serve()
    with _connect(server) as sock:
        sock.sendall(_advance())
        answers = _Answers(sock)
        assert answers.next()[0] == 200
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 2
        assert answers.closed()
    with pytest.raises(ConnectionRefusedError):
        _connect(server, timeout=1)


# --- a notification endpoint calling back ------------------------------------------------------------


def test_a_notification_endpoint_may_call_the_server_while_its_delivery_is_awaited() -> None:
    """A receiver that fetches from the simulator while it is notified (as a shop's worker does).

    The answer to the capture waits for the delivery; the delivery waits for the receiver's own
    request to the same server: answered on the event loop, that would wait for ever.
    """
    sandbox = AmazonPaySandbox()
    key_id, pem = sandbox.create_key()
    with sandbox.serve() as server:
        fetched: list[int] = []

        def receiver(body: str) -> int:
            with httpx.Client(timeout=10) as http:
                fetched.append(http.get(f"{server.url}/_sandbox/sns/certificate").status_code)
            return 200

        options = {"public_key_id": key_id, "private_key": pem, "region": "eu", "base_url": f"{server.url}/v2"}
        with AmazonPay(**options, max_retries=0) as pay:  # type: ignore[arg-type]
            permission = checkout(pay, sandbox)
            charge = pay.charges.create(
                {"chargePermissionId": permission, "chargeAmount": money("5.00"), "captureNow": False}
            )
            sandbox.subscribe(receiver)
            started = time.monotonic()
            pay.charges.capture(charge.charge_id, {"captureAmount": money("5.00")})
            elapsed = time.monotonic() - started
    assert fetched
    assert set(fetched) == {200}
    assert elapsed < 2.5
    assert all(delivery.delivered for note in sandbox.notifications for delivery in note.deliveries)


# --- framing (docs/simulator.md) ----------------------------------------------------------------------


def _one(sandbox: AmazonPaySandbox, raw: bytes) -> tuple[int, dict[str, str], bytes, bool]:
    """Send ``raw`` on a new connection: the answer and whether the server then closed it."""
    with sandbox.serve() as server, _connect(server) as sock:
        sock.sendall(raw)
        answers = _Answers(sock)
        status, headers, body = answers.next()
        return status, headers, body, answers.closed()


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        pytest.param(b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400, id="CL abc"),
        pytest.param(b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400, id="CL -1"),
        pytest.param(
            b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\nContent-Length: 15\r\n\r\n",
            400,
            id="two lengths",
        ),
        pytest.param(
            b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\nTransfer-Encoding: chunked\r\n\r\n",
            400,
            id="CL and TE",
        ),
        pytest.param(
            b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501, id="TE gzip"
        ),
        pytest.param(
            b"POST /_sandbox/advance HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\ne\r\n" + ADVANCE + b"\r\n0\r\n\r\n",
            400,
            id="TE in HTTP/1.0",
        ),
        pytest.param(b"GET /checkout.js HTTP/2.0\r\nHost: x\r\n\r\n", 505, id="HTTP/2.0"),
        pytest.param(b"GET /checkout.js\r\nHost: x\r\n\r\n", 400, id="no version"),
        pytest.param(b"GET /checkout.js HTTP/1.1\r\n\r\n", 400, id="no Host"),
        pytest.param(b"GET /checkout.js HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400, id="folded header"),
        pytest.param(b"GET /checkout.js HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n", 400, id="space in name"),
        pytest.param(b"GET /checkout.js HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n", 400, id="NUL in value"),
        pytest.param(b"GET /checkout.js HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", 431, id="huge"),
        pytest.param(b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 413, id="2 MB"),
        pytest.param(
            b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + b"".join(b"10000\r\n" + b"a" * 0x10000 + b"\r\n" for _ in range(17)),
            413,
            id="chunked over 1 MiB",
        ),
    ],
)
def test_malformed_or_oversized_requests_are_answered_in_json_and_closed(
    sandbox: AmazonPaySandbox, raw: bytes, status: int
) -> None:
    answered, headers, body, closed = _one(sandbox, raw)
    assert answered == status
    assert json.loads(body)["reasonCode"] == "InvalidRequestFormat"
    assert headers["x-amz-pay-request-id"]
    assert headers["connection"] == "close"
    assert closed


def test_a_chunked_body_is_decoded(sandbox: AmazonPaySandbox) -> None:
    chunked = b"5;name=value\r\n" + ADVANCE[:5] + b"\r\n" + b"9\r\n" + ADVANCE[5:] + b"\r\n0\r\nX-Trailer: 1\r\n\r\n"
    raw = b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
    with sandbox.serve() as server, _connect(server) as sock:
        sock.sendall(raw + _advance())  # and the connection carries the next request
        answers = _Answers(sock)
        assert answers.next()[0] == 200
        assert answers.next()[0] == 200


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(_advance(extra=b"Connection: close\r\n"), id="Connection: close"),
        pytest.param(_advance().replace(b"HTTP/1.1", b"HTTP/1.0"), id="HTTP/1.0"),
    ],
)
def test_a_client_that_asks_to_close_gets_its_answer_then_the_close(sandbox: AmazonPaySandbox, raw: bytes) -> None:
    status, headers, _, closed = _one(sandbox, raw)
    assert status == 200
    assert headers["connection"] == "close"
    assert closed


def test_a_client_that_sends_and_shuts_its_side_still_gets_its_answer(sandbox: AmazonPaySandbox) -> None:
    with sandbox.serve() as server, _connect(server) as sock:
        sock.sendall(_advance())
        sock.shutdown(socket.SHUT_WR)
        answers = _Answers(sock)
        assert answers.next()[0] == 200
        assert answers.closed()


def test_a_client_that_pipelines_then_shuts_its_side_gets_every_answer_then_the_close(
    sandbox: AmazonPaySandbox,
) -> None:
    """The end of the stream comes while answers are still to make: the close follows the last, not the idle timeout."""
    with sandbox.serve() as server, _connect(server, timeout=3) as sock:
        sock.sendall(_advance() + _advance() + _advance())
        sock.shutdown(socket.SHUT_WR)
        answers = _Answers(sock)
        assert [answers.next()[0] for _ in range(3)] == [200, 200, 200]
        assert answers.closed()


@contextmanager
def _unread_pipeline(server: SandboxServer) -> Iterator[socket.socket]:
    sock = _connect(server)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    try:
        yield sock
    finally:
        sock.close()


def test_a_client_that_never_reads_its_answers_delays_nobody(sandbox: AmazonPaySandbox) -> None:
    """Requests piled up by a client that reads nothing: the server stops reading it, serves the others."""
    with sandbox.serve() as server, _unread_pipeline(server) as greedy:
        greedy.settimeout(0.05)
        sent = 0
        burst = _advance() * 200
        deadline = time.monotonic() + 3
        try:  # until its send buffer fills: the server has stopped reading it
            while time.monotonic() < deadline:
                sent += greedy.send(burst)
        except TimeoutError:
            pass
        assert time.monotonic() < deadline, "the server read on while the client took none of its answers"
        assert sent > 0
        started = time.monotonic()
        with _connect(server) as other:
            other.sendall(_advance())
            assert _Answers(other).next()[0] == 200
        assert time.monotonic() - started < 1


def test_requests_from_many_threads_and_the_sandbox_api_interleave_safely(sandbox: AmazonPaySandbox) -> None:
    """The loop answers while test code calls the sandbox directly from its own threads (its lock)."""
    with sandbox.serve() as server:
        errors: list[BaseException] = []

        def direct() -> None:
            try:
                for _ in range(50):
                    sandbox.sleep(1)
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        thread = threading.Thread(target=direct)
        thread.start()
        with httpx.Client(base_url=server.url) as http:
            statuses = [http.post("/_sandbox/advance", content=ADVANCE).status_code for _ in range(50)]
        thread.join()
    assert not errors
    assert statuses == [200] * 50


# --- what a request says is read once, one way -------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        pytest.param(b"x/checkout.js#", id="path in Host"),
        pytest.param(b"x?a=1", id="query in Host"),
        pytest.param(b"user@x", id="userinfo in Host"),
        pytest.param(b"x y", id="space in Host"),
        pytest.param(b"x\r\nHost: y", id="two Hosts"),
    ],
)
def test_a_host_that_is_not_one_authority_is_refused(sandbox: AmazonPaySandbox, host: bytes) -> None:
    """RFC 9112 3.2: 400 for more than one Host or an invalid one. The request's URL is built from
    it: a path in Host would answer another resource than the request line names."""
    status, _, body, closed = _one(
        sandbox, b"GET /_sandbox/nothing-here HTTP/1.1\r\nConnection: close\r\nHost: " + host + b"\r\n\r\n"
    )
    assert status == 400
    assert json.loads(body)["reasonCode"] == "InvalidRequestFormat"
    assert closed


@pytest.mark.parametrize("target", [b".example/checkout.js", b"@y/checkout.js", b"*"])
def test_a_target_that_is_neither_a_path_nor_a_url_is_refused(sandbox: AmazonPaySandbox, target: bytes) -> None:
    """RFC 9112 3.2: the target of a GET is a path or an absolute URL; written after Host, another
    one named another host or resource (Host x and target .example/checkout.js: the script)."""
    raw = b"GET " + target + b" HTTP/1.1\r\nConnection: close\r\nHost: x\r\n\r\n"
    assert _one(sandbox, raw)[0] == 400


@pytest.mark.parametrize("target", [b"/checkout.js", b"http://x/checkout.js", b"HTTPS://x/checkout.js"])
def test_a_target_that_is_a_path_or_a_url_is_read(sandbox: AmazonPaySandbox, target: bytes) -> None:
    raw = b"GET " + target + b" HTTP/1.1\r\nConnection: close\r\nHost: x\r\n\r\n"
    assert _one(sandbox, raw)[0] == 200


@pytest.mark.parametrize("host", [b"127.0.0.1:8080", b"[::1]:8080", b"pay-api.amazon.com", b"Example.COM", b""])
def test_a_host_that_is_an_authority_is_read(sandbox: AmazonPaySandbox, host: bytes) -> None:
    """An empty Host is the one a client sends for a URI without authority (RFC 9110 7.2)."""
    assert _one(sandbox, _advance(host=host, extra=b"Connection: close\r\n"))[0] == 200


@pytest.mark.parametrize(
    ("length", "status"),
    [pytest.param(b"9" * 5000, 413, id="5000 digits"), pytest.param(b"0" * 5000 + b"14", 200, id="leading zeros")],
)
def test_a_content_length_of_any_number_of_digits_is_read(
    sandbox: AmazonPaySandbox, length: bytes, status: int
) -> None:
    """Python's int() refuses over 4300 digits: the reader must answer (413), not fail the connection."""
    raw = (
        b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
        + length
        + b"\r\n\r\n"
        + ADVANCE
    )
    assert _one(sandbox, raw)[0] == status


def test_a_request_line_among_a_chunked_bodys_trailers_is_refused(sandbox: AmazonPaySandbox) -> None:
    """Trailer lines are fields: a request pipelined after a last chunk missing its empty line is not
    swallowed as a trailer (its client would wait for an answer that never comes)."""
    chunked = b"e\r\n" + ADVANCE + b"\r\n0\r\n"
    raw = b"POST /_sandbox/advance HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
    with sandbox.serve() as server, _connect(server) as sock:
        sock.sendall(raw + _advance())
        assert _Answers(sock).next()[0] == 400


def test_many_notification_endpoints_calling_back_at_once_are_all_answered() -> None:
    """Each request whose delivery calls back into the server holds a worker thread while it waits:
    a bounded pool (asyncio's default, cores + 4) had every worker waiting on a call-back that
    waited for a free worker, until the receivers timed out and the deliveries failed. The receivers'
    timeout is what detects that deadlock (no wall-clock bound: a loaded runner took 4.4 s for 40)."""
    sandbox = AmazonPaySandbox()
    key_id, pem = sandbox.create_key()
    concurrent = 40  # over asyncio's default pool on any machine (at most 32 workers)
    with sandbox.serve() as server:

        def receiver(body: str) -> int:
            with httpx.Client(timeout=10) as http:
                return http.get(f"{server.url}/_sandbox/sns/certificate").status_code

        options = {"public_key_id": key_id, "private_key": pem, "region": "eu", "base_url": f"{server.url}/v2"}
        with AmazonPay(**options, max_retries=0) as pay:  # type: ignore[arg-type]
            permission = checkout(pay, sandbox)
            body = {"chargePermissionId": permission, "chargeAmount": money("1.00"), "captureNow": False}
            charges = [pay.charges.create(body).charge_id for _ in range(concurrent)]
            sandbox.subscribe(receiver)
            with ThreadPoolExecutor(concurrent) as pool:
                list(pool.map(lambda charge: pay.charges.capture(charge, {"captureAmount": money("1.00")}), charges))
    deliveries = [delivery for note in sandbox.notifications for delivery in note.deliveries]
    assert len(deliveries) >= concurrent
    assert all(delivery.delivered for delivery in deliveries), {delivery.error for delivery in deliveries}


class _CountingBuffer(bytearray):
    """A reader's buffer that counts the bytes its searches go over."""

    searched = 0

    def find(self, sub, start=0, end=None):  # type: ignore[no-untyped-def,override]
        self.searched += max(0, min(len(self), end if end is not None else len(self)) - start)
        return super().find(sub, start, end)


def test_a_head_sent_a_byte_at_a_time_is_searched_once() -> None:
    """A client dripping its head had all of it searched again for its end at every byte: 64 KiB so
    took about 5 s of the event loop's time (6 * 10**9 bytes searched), for one client."""
    reader = _http.RequestReader()
    reader.buffer = _CountingBuffer()
    head = b"GET /checkout.js HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 60_000 + b"\r\n\r\n"
    answered = []
    for byte in head:
        reader.feed(bytes([byte]))
        if (request := reader.next_request()) is not None:
            answered.append(request)
    assert [request.target for request in answered] == ["/checkout.js"]
    assert reader.buffer.searched < 20 * len(head)  # about 3 ends x 4 bytes a feed


def test_the_command_line_server_freezes_what_a_middle_collection_promotes() -> None:
    """Freezing only after full collections left each of them visiting everything promoted since the
    last: 20 to 38 ms over about 40 000 objects, once in a few of the bench's windows at 64
    connections, 64 answers waiting on it (its p99). What a middle-generation collection promotes to
    the oldest is frozen at once, so the oldest generation holds nothing for a full one to visit."""
    code = """
import gc
from amazonpay.testing.__main__ import _keep_full_collections_short
_keep_full_collections_short()
at_start = gc.get_freeze_count()
kept = [[index] for index in range(20_000)]
gc.collect(1)
assert gc.get_freeze_count() >= at_start + 20_000, (at_start, gc.get_freeze_count())
assert len(gc.get_objects(2)) < 1_000, len(gc.get_objects(2))  # what the next full collection visits
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_command_line_server_has_full_collections_visit_only_what_came_since_the_last() -> None:
    """``python -m amazonpay.testing`` keeps every object it makes, and a full garbage collection visited
    all of them: 106 ms at 150 000 objects late in a load test, every answer waiting. What is alive
    at start and what survives a full collection are frozen. Run in a process of its own: this one's
    collector is not the server's business."""
    code = """
import gc
from amazonpay.testing.__main__ import _keep_full_collections_short
_keep_full_collections_short()
at_start = gc.get_freeze_count()
kept = [[index] for index in range(20_000)]
gc.collect()
assert gc.get_freeze_count() >= at_start + 20_000, (at_start, gc.get_freeze_count())
assert len(gc.get_objects()) < 1_000, len(gc.get_objects())  # what the next full collection visits
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
