"""AmazonPay writes each request (head and body) to its connection at once: one send, not two.

httpcore writes a request's head and its body separately; with TCP_NODELAY each is a system
call and a segment of its own. ``amazonpay._sockets`` holds a piece until the next one or the
first read of the answer. These tests run a real HTTP/1.1 server on 127.0.0.1 and count the
writes reaching httpcore's socket stream, and check the held bytes' order, bound and failures on
a recording stream.
"""

from __future__ import annotations

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
ANSWER = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(ANSWER_BODY)
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


def test_pieces_are_held_until_the_read_and_written_in_order_with_the_last_timeout() -> None:
    inner = Recording()
    stream = _WholeStream(inner)
    stream.write(b"head ", 1.0)
    stream.write(b"", 2.0)
    stream.write(b"body", 3.0)
    assert inner.writes == []
    assert stream.read(100, 9.0) == b"answer"
    assert inner.writes == [(b"head body", 3.0)]
    stream.read(100, 9.0)  # nothing held: nothing written again
    assert inner.writes == [(b"head body", 3.0)]
    assert stream.get_extra_info("socket") == "inner socket"


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


def test_closing_drops_what_is_held() -> None:
    inner = Recording()
    stream = _WholeStream(inner)
    stream.write(b"head", 1.0)
    stream.close()
    assert inner.closed
    assert inner.writes == []
