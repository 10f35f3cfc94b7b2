"""A canned Amazon Pay charges endpoint on 127.0.0.1 for `scripts/bench.py` (not a simulator).

    python scripts/bench_server.py [--max-seconds 600]

Prints its ephemeral port on stdout, then answers until stdin closes (the bench exits) or
--max-seconds pass, whichever comes first. It verifies nothing, so only the client is
measured: ``POST .../charges`` -> 201 and ``GET .../charges/{id}`` -> 200, both with a valid
Charge body, HTTP/1.1 keep-alive with Content-Length. ``GET /__stats`` returns how many
connections and requests it served and the CPU seconds it used, for the bench to show that
the server is not the bottleneck. An asyncio protocol, not ``http.server``: it costs a
fraction of the CPU per request (measured: see the bench's server column).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time

CHARGE = {
    "chargeId": "S02-7331650-8246451-C568833",
    "chargePermissionId": "S02-7331650-8246451",
    "chargeAmount": {"amount": "14.00", "currencyCode": "EUR"},
    "captureAmount": {"amount": "14.00", "currencyCode": "EUR"},
    "refundedAmount": {"amount": "0.00", "currencyCode": "EUR"},
    "convertedAmount": None,
    "conversionRate": None,
    "softDescriptor": "Bench store",
    "captureNow": True,
    "canHandlePendingAuthorization": False,
    "providerMetadata": {"providerReferenceId": None},
    "statusDetails": {
        "state": "Captured",
        "reasonCode": None,
        "reasonDescription": None,
        "lastUpdatedTimestamp": "20261120T101010Z",
    },
    "creationTimestamp": "20261120T101010Z",
    "expirationTimestamp": "20261220T101010Z",
    "releaseEnvironment": "Sandbox",
}


def response(status: str, body: bytes) -> bytes:
    """A complete HTTP/1.1 response with a Content-Length (the connection stays open)."""
    head = (
        f"HTTP/1.1 {status}\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "x-amz-pay-request-id: bench-0000-0000\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


CHARGE_BODY = json.dumps(CHARGE, separators=(",", ":")).encode()
CREATED = response("201 Created", CHARGE_BODY)
FOUND = response("200 OK", CHARGE_BODY)
NOT_FOUND = response("404 Not Found", b'{"reasonCode":"ResourceNotFound","message":"no such route"}')


class Stats:
    """What the server has served so far."""

    connections = 0
    requests = 0


def answer(method: bytes, target: bytes) -> bytes:
    """The canned response for a request line."""
    path = target.split(b"?", 1)[0]
    if method == b"POST" and path.endswith(b"/charges"):
        return CREATED
    if method == b"GET" and b"/charges/" in path and not path.endswith(b"/"):
        return FOUND
    if method == b"GET" and path == b"/__stats":
        stats = {"connections": Stats.connections, "requests": Stats.requests, "cpu_seconds": time.process_time()}
        return response("200 OK", json.dumps(stats).encode())
    return NOT_FOUND


class Http(asyncio.Protocol):
    """One connection: parse each request's head and Content-Length, write the canned answer."""

    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        Stats.connections += 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while self.transport is not None:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            length = 0
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                line_end = head.find(b"\r\n", at + 2)
                length = int(head[at + 17 : line_end if line_end >= 0 else None])
            if len(self.buffer) < end + 4 + length:
                return
            request_line = self.buffer[: self.buffer.find(b"\r\n")]
            self.buffer = self.buffer[end + 4 + length :]
            method, target, _version = request_line.split(b" ", 2)
            Stats.requests += 1
            self.transport.write(answer(method, target))
            if b"\r\nconnection: close" in head:
                self.transport.close()
                self.transport = None

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


async def serve(max_seconds: float) -> None:
    """Listen on an ephemeral loopback port until stdin closes or the time is up."""
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    server = await loop.create_server(Http, host="127.0.0.1", port=0, backlog=256)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)

    def stdin_ready() -> None:
        if not os.read(sys.stdin.fileno(), 4096) and not stop.done():
            stop.set_result("stdin closed")

    loop.add_reader(sys.stdin.fileno(), stdin_ready)
    loop.call_later(max_seconds, lambda: stop.done() or stop.set_result("time limit"))
    async with server:
        await stop
    loop.remove_reader(sys.stdin.fileno())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop after this long in any case")
    asyncio.run(serve(parser.parse_args().max_seconds))


if __name__ == "__main__":
    main()
