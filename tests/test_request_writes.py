"""AmazonPay writes each request (head and body) to its connection at once: one send, not two.

httpcore writes a request's head and its body separately; with TCP_NODELAY each is a system
call and a segment of its own. ``amazonpay._sockets`` holds a piece until the next one or the
first read of the answer. These tests run a real HTTP/1.1 server on 127.0.0.1 and count the
writes reaching httpcore's socket stream, and check the held bytes' order, bound and failures on
a recording stream.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpcore
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from httpcore._backends.sync import SyncStream

from amazonpay import AmazonPay
from amazonpay._sockets import HELD_BYTES, _WholeStream
from amazonpay_api.models import Charge
from tests.support.operations import CHARGE

ANSWER_BODY = json.dumps(CHARGE).encode()


def _answer_head(length: int) -> bytes:
    return b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % length


ANSWER = _answer_head(len(ANSWER_BODY))
BODY = {"chargePermissionId": "S02-1", "chargeAmount": {"amount": "14.00", "currencyCode": "EUR"}}


def _serve(listener: socket.socket, requests: list[bytes]) -> None:
    """Answer every request on one keep-alive connection with the charge; keep what arrived."""
    connection, _ = listener.accept()
    with connection:
        pending = b""
        while True:
            while b"\r\n\r\n" not in pending:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                pending += chunk
            head, _, rest = pending.partition(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                ),
                0,
            )
            while len(rest) < length:
                rest += connection.recv(65536)
            requests.append(head + b"\r\n\r\n" + rest[:length])
            pending = rest[length:]
            connection.sendall(ANSWER + ANSWER_BODY)


@pytest.fixture
def server() -> Iterator[tuple[int, list[bytes]]]:
    requests: list[bytes] = []
    with socket.create_server(("127.0.0.1", 0)) as listener:
        thread = threading.Thread(target=_serve, args=(listener, requests), daemon=True)
        thread.start()
        yield listener.getsockname()[1], requests
    thread.join(timeout=5)


def test_a_post_and_a_get_each_leave_in_one_write(
    server: tuple[int, list[bytes]], rsa_key: rsa.RSAPrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, requests = server
    writes: list[bytes] = []
    original = SyncStream.write

    def recorded(stream: SyncStream, buffer: bytes, timeout: float | None = None) -> None:
        writes.append(buffer)
        original(stream, buffer, timeout)

    monkeypatch.setattr(SyncStream, "write", recorded)
    with AmazonPay(
        public_key_id="AHLEGACYKEY0000000000000",
        private_key=rsa_key,
        region="eu",
        sandbox=True,
        base_url=f"http://127.0.0.1:{port}/sandbox/v2",
    ) as pay:
        created = pay.charges.create(BODY)
        fetched = pay.charges.get("S02-1-C1")
    assert isinstance(created, Charge)
    assert isinstance(fetched, Charge)
    assert writes == requests  # each request exactly as written, in one piece
    post, get = requests
    assert post.startswith(b"POST /sandbox/v2/charges ")
    assert json.loads(post.partition(b"\r\n\r\n")[2]) == BODY
    assert get.startswith(b"GET /sandbox/v2/charges/S02-1-C1 ")


class Recording(httpcore.NetworkStream):
    """A stream that keeps what is written and answers reads with ``answer``."""

    def __init__(self, fail_writes: bool = False) -> None:
        self.writes: list[tuple[bytes, float | None]] = []
        self.fail_writes = fail_writes
        self.closed = False

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if self.fail_writes:
            raise httpcore.WriteError("connection reset by peer")
        self.writes.append((buffer, timeout))

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return b"answer"

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, info: str) -> Any:
        return f"inner {info}"


@pytest.mark.parametrize("end", [b"", b"0\r\n\r\n"], ids=["content-length", "chunked"])
def test_pieces_are_held_until_the_end_of_the_request_and_written_in_order_with_the_last_timeout(end: bytes) -> None:
    inner = Recording()
    stream = _WholeStream(inner)
    stream.write(b"head ", 1.0)
    stream.write(b"body", 2.0)
    assert inner.writes == []
    stream.write(end, 3.0)  # h11's end of the request
    assert inner.writes == [(b"head body" + end, 3.0)]
    stream.write(b"", 4.0)  # nothing held: nothing written
    assert stream.read(100, 9.0) == b"answer"
    assert inner.writes == [(b"head body" + end, 3.0)]
    assert stream.get_extra_info("socket") == "inner socket"


def test_bytes_outside_a_request_are_held_until_the_first_read() -> None:
    inner = Recording()
    stream = _WholeStream(inner)
    stream.write(b"\x05\x01\x00", 1.0)  # a SOCKS greeting: no end of request follows
    assert inner.writes == []
    assert stream.read(100, 9.0) == b"answer"
    assert inner.writes == [(b"\x05\x01\x00", 1.0)]


def test_a_piece_past_the_bound_goes_out_at_once_behind_the_held_ones() -> None:
    inner = Recording()
    stream = _WholeStream(inner)
    big = b"x" * HELD_BYTES
    stream.write(b"head", None)
    stream.write(big, 5.0)
    assert inner.writes == [(b"head" + big, 5.0)]
    stream.write(b"tail", 6.0)
    stream.read(10)
    assert inner.writes == [(b"head" + big, 5.0), (b"tail", 6.0)]


def test_a_failed_held_write_is_left_to_the_read_as_httpcore_leaves_it() -> None:
    # httpcore ignores a WriteError while sending a request and reads the answer (a server may
    # answer and close early); the held write's failure is treated the same way.
    inner = Recording(fail_writes=True)
    stream = _WholeStream(inner)
    stream.write(b"head body", 1.0)
    assert stream.read(100) == b"answer"
    stream.write(b"head body", 1.0)
    with pytest.raises(httpcore.WriteError):  # at the request's end: httpcore catches it and reads next
        stream.write(b"", 1.0)


def test_closing_drops_what_is_held() -> None:
    inner = Recording()
    stream = _WholeStream(inner)
    stream.write(b"head", 1.0)
    stream.close()
    assert inner.closed
    assert inner.writes == []


class AnswersTwice:
    """A faulty server (or proxy): it answers its first request twice, in one send.

    The second answer waits in the client's HTTP parser; httpcore takes it as the next request's
    answer without reading the socket. It keeps the request lines, in the order they arrive.
    """

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.request_lines: list[bytes] = []
        self.arrived = threading.Condition()
        self.threads = [threading.Thread(target=self._accept, daemon=True)]
        self.threads[0].start()

    @property
    def port(self) -> int:
        return int(self.listener.getsockname()[1])

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed: the test is over
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self.threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):  # a client that closes with an answer unread resets
            pending = b""
            while chunk := connection.recv(65536):
                pending += chunk
                while b"\r\n\r\n" in pending:  # GETs: no body
                    head, _, pending = pending.partition(b"\r\n\r\n")
                    with self.arrived:
                        self.request_lines.append(head.split(b"\r\n", 1)[0])
                        first = len(self.request_lines) == 1
                        self.arrived.notify_all()
                    charge_id = head.split(b" ", 2)[1].rsplit(b"/", 1)[1].decode()
                    body = json.dumps({**CHARGE, "chargeId": charge_id}).encode()
                    answer = _answer_head(len(body)) + body
                    connection.sendall(answer * 2 if first else answer)

    def received(self, count: int) -> bool:
        """Whether ``count`` requests have arrived (waiting up to 5 s for them)."""
        with self.arrived:
            return self.arrived.wait_for(lambda: len(self.request_lines) >= count, timeout=5)

    def close(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept (a close alone does not)
        self.listener.close()
        for thread in self.threads:
            thread.join(timeout=5)


def test_a_request_answered_from_bytes_already_received_is_sent_before_the_call_returns(
    rsa_key: rsa.RSAPrivateKey,
) -> None:
    # A request whose answer httpcore parses from bytes already received never reads the socket.
    # Its bytes, held for that read, stayed on the connection: sent with the next request on it
    # (a refund told as answered going out later, and the next call getting its answer).
    server = AnswersTwice()
    try:
        with AmazonPay(
            public_key_id="AHLEGACYKEY0000000000000",
            private_key=rsa_key,
            region="eu",
            sandbox=True,
            base_url=f"http://127.0.0.1:{server.port}/sandbox/v2",
            max_retries=0,
        ) as pay:
            assert pay.charges.get("S02-1-C1").charge_id == "S02-1-C1"
            pay.charges.get("S02-1-C2")  # answered with the first request's second answer
            assert server.received(2), "the second request had not left when its call returned"
            pay.charges.get("S02-1-C3")
            assert server.received(3)
    finally:
        server.close()
    assert server.request_lines == [b"GET /sandbox/v2/charges/S02-1-C%d HTTP/1.1" % number for number in (1, 2, 3)]
