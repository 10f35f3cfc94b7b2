"""What the simulator accepts and refuses, and why: one row per rule, each run by a test.

`tests/test_simulator_acceptance.py` sends every row's request and checks the answer; the
table of docs/simulator.md is rendered from these rows (``python -m tests.support.acceptance`` prints it)
and a test keeps the two identical. Accepted rows are sent so that the request has to pass
authentication and the body checks to get the answer they expect.

Requests are signed by this module's own code (the published recipe, with the
``SignedHeaders`` list written as each SDK writes it), not by the client's signer or the
simulator's canonicaliser.
"""

from __future__ import annotations

import base64
import functools
import json
import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from amazonpay.testing import AmazonPaySandbox
from tests.support.independent_signing import canonical, to_sign

ROOT = Path(__file__).resolve().parents[2]
API = "https://pay-api.amazon.com/v2"
REVIEW = "https://shop.example/review"


def basic(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def extended(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class Harness:
    """A sandbox, a registered key and a signer that writes ``SignedHeaders`` any way an SDK does."""

    def __init__(self) -> None:
        self.sandbox = AmazonPaySandbox()
        self.key_id, pem = self.sandbox.create_key()
        key = serialization.load_pem_private_key(pem, password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        self.key = key
        self.client = httpx.Client(transport=self.sandbox.transport())

    def build(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        base: str = API,
        headers: dict[str, str] | None = None,
        signed: list[str] | None = None,
        unsigned: dict[str, str] | None = None,
        drop: tuple[str, ...] = (),
    ) -> tuple[str, dict[str, str], bytes]:
        """URL, headers and body of a signed request.

        ``signed`` is the ``SignedHeaders`` list as the client writes it (default: the lower-case
        names of every header below, sorted); ``unsigned`` headers are sent but not listed.
        """
        content = body if isinstance(body, bytes) else (b"" if body is None else json.dumps(body).encode())
        url = base + path
        sent = {
            "accept": "application/json",
            "content-type": "application/json",
            "x-amz-pay-date": basic(datetime.now(UTC)),
            "x-amz-pay-host": urlsplit(base).netloc if "amazon" not in base else "pay-api.amazon.com",
            "x-amz-pay-region": "na",
        }
        if method == "POST":
            sent["x-amz-pay-idempotency-key"] = uuid.uuid4().hex
        sent.update(headers or {})
        for name in drop:
            sent.pop(name, None)
        listed = signed if signed is not None else sorted(sent)
        lowered = {name.lower(): value for name, value in sent.items()}
        text = canonical(method, unquote(urlsplit(url).path), [], lowered, content, [n.lower() for n in listed])
        # The recipe lists lower-case names; a client that writes them otherwise signs them as written.
        text = text.replace("\n" + ";".join(sorted(n.lower() for n in listed)) + "\n", "\n" + ";".join(listed) + "\n")
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        signature = self.key.sign(to_sign("AMZN-PAY-RSASSA-PSS-V2", text).encode(), pss, hashes.SHA256())
        sent["authorization"] = (
            f"AMZN-PAY-RSASSA-PSS-V2 PublicKeyId={self.key_id}, SignedHeaders={';'.join(listed)}, "
            f"Signature={base64.b64encode(signature).decode()}"
        )
        if "authorization" in drop:
            del sent["authorization"]
        sent.update(unsigned or {})
        return url, sent, content

    def send(self, method: str, path: str, body: Any = None, **options: Any) -> httpx.Response:
        url, headers, content = self.build(method, path, body, **options)
        return self.client.request(method, url, headers=headers, content=content)

    def session(self, **fields: Any) -> str:
        """A new Open checkout session's id."""
        body = {"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW}, "storeId": "amzn1.store", **fields}
        response = self.send("POST", "/checkoutSessions", body)
        assert response.status_code == 201, response.text
        session_id: str = response.json()["checkoutSessionId"]
        return session_id

    @contextmanager
    def server(self) -> Iterator[tuple[str, int]]:
        """The sandbox served over plain HTTP on loopback: (host, port)."""
        with self.sandbox.serve() as running:
            host, port = running.authority.rsplit(":", 1)
            yield host, int(port)


def raw_http(harness: Harness, head: str, body: bytes = b"") -> tuple[int, str | None]:
    """Send raw bytes to the served sandbox; the status and reason code of the answer."""
    with harness.server() as (host, port), socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + body)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status_line, _, rest = answer.partition(b"\r\n")
    payload = rest.split(b"\r\n\r\n", 1)[1]
    reason = json.loads(payload).get("reasonCode") if payload else None
    return int(status_line.split()[1]), reason


def outcome(response: httpx.Response) -> tuple[int, str | None]:
    """Status and reason code (None for a success)."""
    reason = response.json().get("reasonCode") if response.status_code >= 400 else None
    return response.status_code, reason


@dataclass(frozen=True)
class Row:
    """One rule: what, an example, the answer, why (with its source), and the request that shows it."""

    what: str
    example: str
    answer: str  # "accepted" or "<status> <reasonCode>"
    why: str
    send: Callable[[Harness], tuple[int, str | None]]
    reaches: tuple[int, str | None] = (0, None)  # for accepted rows: the answer that shows it got through

    @property
    def expected(self) -> tuple[int, str | None]:
        """The status and reason code the row's request must get."""
        if self.answer == "accepted":
            return self.reaches
        status, reason = self.answer.split(" ", 1)
        return int(status), reason


def _get_unknown_charge(harness: Harness, **options: Any) -> tuple[int, str | None]:
    """GET of a charge that does not exist: 404 ResourceNotFound means it passed authentication."""
    return outcome(harness.send("GET", "/charges/S01-0000000-0000000-C000000", **options))


def _dated(value: Callable[[], str]) -> Callable[[Harness], tuple[int, str | None]]:
    return lambda h: _get_unknown_charge(h, headers={"x-amz-pay-date": value()})


def _node_style(harness: Harness) -> tuple[int, str | None]:
    body = {"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW}, "storeId": "amzn1.store"}
    headers = {"X-Amz-Pay-Idempotency-Key": uuid.uuid4().hex, "user-agent": "amazon-pay-api-sdk-nodejs/2.3.4"}
    names = ["accept", "content-type", "user-agent", "x-amz-pay-date", "x-amz-pay-host"]
    names += ["X-Amz-Pay-Idempotency-Key", "x-amz-pay-region"]
    url, sent, content = harness.build("POST", "/checkoutSessions", body, headers=headers, signed=names)
    sent.pop("x-amz-pay-idempotency-key")  # only the caller's spelling is sent, as Node does
    return outcome(harness.client.request("POST", url, headers=sent, content=content))


def _trailing_slash(harness: Harness) -> tuple[int, str | None]:
    return outcome(harness.send("GET", f"/checkoutSessions/{harness.session()}/"))


def _body(field: dict[str, Any]) -> Callable[[Harness], tuple[int, str | None]]:
    body = {"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW}, "storeId": "amzn1.store", **field}
    return lambda h: outcome(h.send("POST", "/checkoutSessions", body))


def _amount(amount: str, currency: str = "USD") -> Callable[[Harness], tuple[int, str | None]]:
    return _body({"paymentDetails": {"chargeAmount": {"amount": amount, "currencyCode": currency}}})


def _huge_amount_leaves_the_session_readable(harness: Harness) -> tuple[int, str | None]:
    session_id = harness.session()
    price = {"amount": "9" * 40, "currencyCode": "USD"}
    answer = outcome(
        harness.send("PATCH", f"/checkoutSessions/{session_id}", {"paymentDetails": {"chargeAmount": price}})
    )
    read = harness.send("GET", f"/checkoutSessions/{session_id}")
    assert read.status_code == 200, read.text
    assert read.json()["paymentDetails"]["chargeAmount"] is None  # nothing was applied
    return answer


NOW = functools.partial(datetime.now, UTC)
ROWS: list[Row] = [
    # --- x-amz-pay-date
    Row(
        "date, ISO 8601 basic",
        "`20261128T040713Z`",
        "accepted",
        "the docs' form (introduction.html); PHP, Java, .NET send it",
        _dated(lambda: basic(NOW())),
        (404, "ResourceNotFound"),
    ),
    Row(
        "date, ISO 8601 extended",
        "`2026-11-28T04:07:13Z`",
        "accepted",
        "the Node SDK sends it on every call",
        _dated(lambda: extended(NOW())),
        (404, "ResourceNotFound"),
    ),
    Row(
        "date in the future",
        "now + 5 min",
        "400 InvalidHeaderValue",
        'the service answers "should not be in future"; 60 s of skew tolerated (`future_date_tolerance`)',
        _dated(lambda: basic(NOW() + timedelta(minutes=5))),
    ),
    Row(
        "date in the past",
        "now - 16 min",
        "400 InvalidHeaderValue",
        "older than 15 min (`past_date_tolerance`, AWS's signature window); SDK retries within it",
        _dated(lambda: basic(NOW() - timedelta(minutes=16))),
    ),
    Row(
        "date that does not exist",
        "`20260230T000000Z`",
        "400 InvalidHeaderValue",
        "a UTC date and time that exists; the spec's pattern says so too",
        _dated(lambda: "20260230T000000Z"),
    ),
    Row(
        "date in another form",
        "`2026-11-28T04:07:13.123Z`, `+00:00`",
        "400 InvalidHeaderValue",
        "no official SDK sends fractions or offsets",
        _dated(lambda: extended(NOW())[:-1] + ".123Z"),
    ),
    # --- region and host
    Row(
        "region in upper case",
        "`NA`",
        "accepted",
        "the Java SDK and AmazonPayClient send it; read once as `na`",
        lambda h: _get_unknown_charge(h, headers={"x-amz-pay-region": "NA"}),
        (404, "ResourceNotFound"),
    ),
    Row(
        "region alias",
        "`us`",
        "400 InvalidHeaderValue",
        "aliases are for SDK configuration; the header is na|eu|jp (the SDKs' region maps)",
        lambda h: _get_unknown_charge(h, headers={"x-amz-pay-region": "us"}),
    ),
    Row(
        "region of another host",
        "`eu` for pay-api.amazon.com",
        "400 InvalidHeaderValue",
        "region and host name one endpoint (introduction.html)",
        lambda h: _get_unknown_charge(h, headers={"x-amz-pay-region": "eu"}),
    ),
    Row(
        "host: the address the request was sent to",
        "`127.0.0.1:8443`",
        "accepted",
        "what an SDK's service-URL override signs (Node, PHP, AmazonPayClient)",
        lambda h: _get_unknown_charge(h, base="http://127.0.0.1:8443/v2"),
        (404, "ResourceNotFound"),
    ),
    Row(
        "host: the API host, sent to the simulator",
        "`pay-api.amazon.com` to 127.0.0.1",
        "accepted",
        "what a client pointed at it with a base URL signs (amazonpay's `base_url=`)",
        lambda h: _get_unknown_charge(
            h, base="http://127.0.0.1:8443/v2", headers={"x-amz-pay-host": "pay-api.amazon.com"}
        ),
        (404, "ResourceNotFound"),
    ),
    Row(
        "host: anything else",
        "`127.0.0.1:9` to 127.0.0.1:8443",
        "400 InvalidHeaderValue",
        "the signed host must name where the request went",
        lambda h: _get_unknown_charge(h, base="http://127.0.0.1:8443/v2", headers={"x-amz-pay-host": "127.0.0.1:9"}),
    ),
    # --- the signature
    Row(
        "SignedHeaders in the caller's case",
        "`...;X-Amz-Pay-Idempotency-Key;...`",
        "accepted",
        "the Node SDK keeps a caller's spelling and signs the list as written",
        _node_style,
        (201, None),
    ),
    Row(
        "headers sent but not signed",
        "`x-amz-pay-simulation-code`",
        "accepted",
        "the PHP SDK sends caller headers unsigned; only the base five and the idempotency key are required",
        lambda h: outcome(
            h.send(
                "POST",
                "/charges",
                {
                    "chargePermissionId": "S01-0000000-0000000",
                    "chargeAmount": {"amount": "1.00", "currencyCode": "USD"},
                },
                unsigned={"x-amz-pay-simulation-code": "SoftDeclined"},
            )
        ),
        (404, "ResourceNotFound"),
    ),
    Row(
        "required header not signed",
        "`content-type` left out",
        "401 InvalidRequestSignature",
        "accept, content-type, date, host, region (and the idempotency key) are always signed (introduction.html)",
        lambda h: _get_unknown_charge(h, signed=["accept", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region"]),
    ),
    Row(
        "no credentials",
        "no `authorization`",
        "401 UnauthorizedAccess",
        "the spec's security scheme; checked before any other header",
        lambda h: _get_unknown_charge(h, drop=("authorization", "x-amz-pay-date")),
    ),
    # --- paths and methods
    Row(
        "trailing slash",
        "`GET /v2/checkoutSessions/{id}/`",
        "accepted",
        "the .NET SDK sends one on every path",
        _trailing_slash,
        (200, None),
    ),
    Row(
        "another method on an API path",
        "`TRACE /v2/charges/{id}`",
        "405 MethodNotAllowed",
        "with `Allow`; what exists with another method is not 404",
        lambda h: outcome(h.send("TRACE", "/charges/S01-0000000-0000000-C000000")),
    ),
    # --- bodies (the effective spec's request schemas)
    Row(
        "unknown field",
        '`"webCheckoutDetail": {}`',
        "400 UnrecognizedField",
        "request bodies are closed (the spec)",
        _body({"webCheckoutDetail": {}}),
    ),
    Row(
        "required string empty",
        '`"storeId": ""`',
        "400 MissingParameterValue",
        "required means non-empty (the spec)",
        _body({"storeId": ""}),
    ),
    Row(
        "amount zero",
        '`"0.00"`',
        "400 InvalidParameterValue",
        "amounts to move are above zero (the spec)",
        _amount("0.00"),
    ),
    Row(
        "amount too long",
        "40 digits",
        "400 InvalidParameterValue",
        "at most 9 integer digits (the spec); the session stays as it was and readable",
        _huge_amount_leaves_the_session_readable,
    ),
    Row(
        "amount with 3 decimals",
        '`"1.005"`',
        "400 InvalidParameterValue",
        "at most 2 decimals in any currency (the spec)",
        _amount("1.005"),
    ),
    Row(
        "decimals the currency has not",
        '`"100.5"` JPY',
        "400 InvalidParameterValue",
        "ISO 4217: JPY has none",
        _amount("100.5", "JPY"),
    ),
    Row(
        "amount over the cap",
        '`"150000.01"` USD',
        "400 TransactionAmountExceeded",
        "150,000 USD, GBP, EUR (docs, Charge: chargeAmount)",
        _amount("150000.01"),
    ),
    Row(
        "trailing newline",
        '`"EUR\\n"`',
        "400 InvalidParameterValue",
        "spec patterns are ECMA-262: `$` is the end of the string",
        _amount("1.00", "EUR\n"),
    ),
    Row(
        "return URL not http(s)",
        '`"mailto:a@b.example"`',
        "400 InvalidParameterValue",
        "the buyer's browser goes there (the spec)",
        _body({"webCheckoutDetails": {"checkoutReviewReturnUrl": "mailto:a@b.example"}}),
    ),
    Row(
        "body missing",
        "`PATCH` with no body",
        "400 InvalidRequestFormat",
        "the spec requires the body",
        lambda h: outcome(h.send("PATCH", f"/checkoutSessions/{h.session()}")),
    ),
    Row(
        "body nested too deep",
        "`[` x 100 000",
        "400 InvalidRequestFormat",
        "a JSON object is expected; never a crash",
        lambda h: outcome(h.send("POST", "/checkoutSessions", b"[" * 100_000)),
    ),
    Row(
        "simulation code of another operation",
        "`SoftDeclined` on Close Charge Permission",
        "400 InvalidSandboxSimulationSpecified",
        "each operation's codes (the spec; sandbox simulations)",
        lambda h: outcome(
            h.send(
                "DELETE",
                "/chargePermissions/S01-0000000-0000000/close",
                {"closureReason": "x"},
                headers={"x-amz-pay-simulation-code": "SoftDeclined"},
            )
        ),
    ),
    # --- HTTP (python -m amazonpay.testing, SandboxServer)
    Row(
        "Content-Length not a number",
        "`Content-Length: abc`",
        "400 InvalidRequestFormat",
        "malformed HTTP is answered, never dropped (RFC 9112)",
        lambda h: raw_http(h, "POST /v2/charges HTTP/1.1\nHost: x\nContent-Length: abc\n\n"),
    ),
    Row(
        "negative Content-Length",
        "`Content-Length: -1`",
        "400 InvalidRequestFormat",
        "answered at once, never waited on",
        lambda h: raw_http(h, "POST /v2/charges HTTP/1.1\nHost: x\nContent-Length: -1\n\n"),
    ),
    Row(
        "chunked body",
        "`Transfer-Encoding: chunked`",
        "accepted",
        "decoded like any body (HTTP/1.1)",
        lambda h: _chunked(h),
        (201, None),
    ),
    Row(
        "body over 1 MiB",
        "`Content-Length: 2000000`",
        "413 InvalidRequestFormat",
        "bodies are small JSON objects",
        lambda h: raw_http(h, "POST /v2/charges HTTP/1.1\nHost: x\nContent-Length: 2000000\n\n"),
    ),
    Row(
        "both framings",
        "`Content-Length` and `Transfer-Encoding: chunked`",
        "400 InvalidRequestFormat",
        "the request-smuggling ambiguity (RFC 9112 6.1)",
        lambda h: raw_http(
            h, "POST /v2/charges HTTP/1.1\nHost: x\nContent-Length: 5\nTransfer-Encoding: chunked\n\n", b"0\r\n\r\n"
        ),
    ),
    Row(
        "another transfer coding",
        "`Transfer-Encoding: gzip`",
        "501 InvalidRequestFormat",
        "only chunked is decoded",
        lambda h: raw_http(h, "POST /v2/charges HTTP/1.1\nHost: x\nTransfer-Encoding: gzip\n\n"),
    ),
    Row(
        "head over 64 KiB",
        "a 70 000-byte header",
        "431 InvalidRequestFormat",
        "headers are small",
        lambda h: raw_http(h, f"GET /v2/charges/S01-0000000-0000000-C000000 HTTP/1.1\nHost: x\nX: {'a' * 70_000}\n\n"),
    ),
    Row(
        "another HTTP version",
        "`HTTP/2.0` in the request line",
        "505 InvalidRequestFormat",
        "HTTP/1.1, and 1.0 (closed after each answer)",
        lambda h: raw_http(h, "GET /v2/charges/S01-0000000-0000000-C000000 HTTP/2.0\nHost: x\n\n"),
    ),
    Row(
        "Host not one host[:port]",
        "`Host: x/checkout.js#`, or two `Host` lines",
        "400 InvalidRequestFormat",
        "the URL is built from it: no other path than the request line's (RFC 9112 3.2)",
        lambda h: raw_http(h, "GET /v2/charges/S01-0000000-0000000-C000000 HTTP/1.1\nHost: x/checkout.js#\n\n"),
    ),
]


def _chunked(harness: Harness) -> tuple[int, str | None]:
    body = json.dumps({"webCheckoutDetails": {"checkoutReviewReturnUrl": REVIEW}, "storeId": "amzn1.store"}).encode()
    with harness.server() as (host, port):
        url, headers, content = harness.build("POST", "/checkoutSessions", body, base=f"http://{host}:{port}/v2")
        with httpx.Client() as client:
            # A generator body has no length, so httpx sends it chunked.
            response = client.post(url, headers=headers, content=iter([content[:10], content[10:]]))
        assert response.request.headers.get("transfer-encoding") == "chunked"
        return outcome(response)


def table() -> str:
    """The README's acceptance table."""
    lines = ["| rule | example | answer | why (source) |", "|---|---|---|---|"]
    lines += [f"| {row.what} | {row.example} | {row.answer} | {row.why} |" for row in ROWS]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(), end="")
