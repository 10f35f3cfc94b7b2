"""The simulator as a server, side by side with Stoplight Prism's mock of the same spec.

    python3 scripts/nox -s bench                      # runs this after scripts/bench.py
    python scripts/bench_simulator.py [--seconds 3 --repeats 3 --connections 1 8 64]

Both servers run as their users start them, in their own processes: ``python -m amazonpay.testing``
(plain, and ``--tls``) and ``prism mock`` of ``openapi/amazon-pay-api.effective.yml`` (Prism
5.16.0, pinned as in the contract tests, static examples, logging off: its fastest mode). Prism
has no TLS: for its HTTPS column it sits behind a TLS-terminating Node proxy (a separate process,
so Prism gets the CPU of one more process than ours does).

The load is wrk (Debian's ``wrk``, installed with apt-get where missing): C, epoll, one thread,
keep-alive connections, replaying a file of complete raw requests through ``bench_simulator.lua``.
wrk cannot sign (one RSA-2048 PSS signature costs 0.7 ms, more than a request to either server),
so every request is signed before the timed window: per round of the mix, a Checkout Session
created, read, updated and completed, a charge created, another captured and a refund made,
each POST with its own idempotency key, each one a success the simulator fully verifies and
applies. The state they need (a session the buyer approved, an authorized charge, a Saved Wallet
permission, a captured charge to refund) is made through the public client just before. Prism
gets the same bytes (its paths have no ``/v2``); it verifies no signature and keeps no state.

Ours and Prism alternate within each repeat (their order swapped every repeat), so a busy patch
of the shared machine hits both; figures are medians over repeats with their spread, ratios are
medians of per-repeat ratios. CPU use of wrk and of each server during the timed window is shown,
to tell a saturated server from a saturated load generator, and each server's CPU per answered
request (Prism's includes its TLS proxy): on a shared machine a server gets what share of a core
the others leave it, which the requests per second measure as much as the server.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import shutil
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from amazonpay import AmazonPay
from amazonpay._keys import load_private_key
from amazonpay._signing import authorization_header

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "amazon-pay-api.effective.yml"
LUA = Path(__file__).with_name("bench_simulator.lua")
PRISM_VERSION = "5.16.0"  # as tests/test_contract.py
PRISM_DIR = ROOT / ".cache" / f"prism-{PRISM_VERSION}"
STORE_ID = "amzn1.application-oa2-client.bench0123456789"
MIX = ("create session", "get session", "update session", "complete session", "create charge", "capture", "refund")
#: Rounds whose charges share one Saved Wallet (a shop's customer is charged a few times, not
#: thousands: the simulator sums a permission's charges for its monthly limit on each charge).
ROUNDS_PER_WALLET = 10
SIGNED_HOST = "pay-api.amazon.com"  # the host the simulator stands in for: the same bytes suit any port
#: A TLS-terminating pipe in front of Prism, which has no TLS of its own.
TLS_PROXY_JS = """
const tls = require("tls"), net = require("net"), fs = require("fs");
const [, , port, target, key, cert] = process.argv;
const server = tls.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (client) => {
  const upstream = net.connect(Number(target), "127.0.0.1");
  upstream.setNoDelay(true);
  client.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  upstream.on("error", () => client.destroy());
  client.on("error", () => upstream.destroy());
});
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
"""


def _cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU seconds of these processes so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A server process (and its helpers) under test."""

    name: str
    url: str  # scheme://host:port
    prefix: str  # "/v2" for ours, "" for Prism
    pids: list[int]
    processes: list[subprocess.Popen[str]] = field(default_factory=list)
    key_id: str = ""
    key_file: Path | None = None
    ca_file: Path | None = None

    def stop(self) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGINT if process is self.processes[0] else signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start_ours(tls: bool, tmp: Path) -> Server:
    """``python -m amazonpay.testing`` on a free port, as a user starts it."""
    key_file = tmp / f"key-{tls}.pem"
    command = [sys.executable, "-m", "amazonpay.testing", "--port", "0", "--key-file", str(key_file)]
    if tls:
        command += ["--tls", "--ca-file", str(tmp / "ca.pem")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    lines: dict[str, str] = {}
    while "base URL" not in lines:
        line = process.stdout.readline()
        if not line:
            raise SystemExit(f"python -m amazonpay.testing exited with {process.wait()}")
        name, _, value = line.partition(":")
        lines[name.strip()] = value.strip()
    url = lines["base URL"].removesuffix("/v2")
    return Server(
        "ours", url, "/v2", [process.pid], [process], lines["public key id"], key_file, tmp / "ca.pem" if tls else None
    )


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    """An ECDSA P-256 certificate for 127.0.0.1, as the simulator makes its own."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = tmp / "proxy-key.pem", tmp / "proxy-cert.pem"
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def prism_binary() -> Path:
    """Prism from the npm registry, pinned, installed once into .cache/ (shared with the contract tests)."""
    binary = PRISM_DIR / "node_modules" / ".bin" / "prism"
    if not binary.exists():
        PRISM_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(PRISM_DIR),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"@stoplight/prism-cli@{PRISM_VERSION}",
            ],
            check=True,
            timeout=600,
        )
    return binary


def _wait_listening(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1, verify=False)  # noqa: S501 (the TLS proxy's throwaway certificate, on loopback)
            return
        except httpx.TransportError:
            if process.poll() is not None:
                raise SystemExit(f"{process.args} exited with {process.returncode}") from None
            time.sleep(0.3)
    raise SystemExit(f"{process.args} did not start within 60 s")


def start_prism(tls: bool, tmp: Path) -> Server:
    """``prism mock`` of the effective spec; behind a Node TLS proxy for HTTPS."""
    port = _free_port()
    prism = subprocess.Popen(
        [str(prism_binary()), "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port), "-v", "error"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    processes = [prism]
    url = f"http://127.0.0.1:{port}"
    _wait_listening(url, prism)
    if tls:
        key, cert = _self_signed(tmp)
        script = tmp / "tls-proxy.js"
        script.write_text(TLS_PROXY_JS)
        front = _free_port()
        proxy = subprocess.Popen(
            ["node", str(script), str(front), str(port), str(key), str(cert)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        processes.append(proxy)
        url = f"https://127.0.0.1:{front}"
        _wait_listening(url, proxy)
    return Server("Prism", url, "", [p.pid for p in processes], processes)


# --- the mix ---------------------------------------------------------------------------------
class Signer:
    """Raw signed requests of the simulator's key, as the facade signs them."""

    def __init__(self, server: Server) -> None:
        assert server.key_file is not None
        self.key = load_private_key(server.key_file)
        self.key_id = server.key_id

    def raw(self, method: str, path: str, body: Any = None, *, idempotent: bool = False) -> tuple[str, str, bytes]:
        """Method, API path (after /v2) and the request's headers and body, without the request line."""
        content = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        headers = {
            "accept": "application/json",
            "content-type": "application/json",
            "x-amz-pay-date": datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ"),
            "x-amz-pay-host": SIGNED_HOST,
            "x-amz-pay-region": "na",
        }
        if idempotent:
            headers["x-amz-pay-idempotency-key"] = uuid.uuid4().hex
        headers["authorization"] = authorization_header(
            method=method,
            path=f"/v2{path}",
            query=(),
            headers=headers,
            body=content,
            key=self.key,
            public_key_id=self.key_id,
            algorithm="AMZN-PAY-RSASSA-PSS-V2",
        )
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        head += f"content-length: {len(content)}\r\n"
        return method, path, head.encode() + b"\r\n" + content


def usd(amount: str) -> dict[str, str]:
    return {"amount": amount, "currencyCode": "USD"}


def prepare(server: Server, rounds: int) -> list[tuple[str, str, bytes]]:
    """``rounds`` rounds of the mix, each request signed and valid against the simulator's state now."""
    verify: bool | ssl.SSLContext = ssl.create_default_context(cafile=server.ca_file) if server.ca_file else True
    signer = Signer(server)
    with (
        AmazonPay(
            public_key_id=server.key_id,
            private_key=server.key_file,
            region="na",
            base_url=f"{server.url}/v2",
            verify=verify,
        ) as pay,
        httpx.Client(base_url=server.url, verify=verify) as sandbox,
    ):

        def ready_session(**extra: Any) -> str:
            """A session the buyer approved and the shop updated: ready to complete."""
            session = pay.checkout_sessions.create(
                {
                    "webCheckoutDetails": {
                        "checkoutReviewReturnUrl": "https://shop.example/review",
                        "checkoutResultReturnUrl": "https://shop.example/result",
                    },
                    "storeId": STORE_ID,
                    **extra,
                }
            )
            sid = session.checkout_session_id
            sandbox.post(f"/_sandbox/checkoutSessions/{sid}/approve").raise_for_status()
            return sid

        def wallet() -> tuple[dict[str, Any], str]:
            """A Saved Wallet permission (demo.py's body) and a charge captured on it, to refund."""
            setup = ready_session(
                chargePermissionType="PaymentMethodOnFile",
                paymentMethodOnFileMetadata={"setupOnly": True},
                paymentDetails={"paymentIntent": "Confirm"},
            )
            permission = pay.checkout_sessions.complete(setup, {}).charge_permission_id
            body = {
                "chargePermissionId": permission,
                "chargeInitiator": "MITU",
                "channel": "Web",
                "canHandlePendingAuthorization": False,
            }
            captured = pay.charges.create({**body, "chargeAmount": usd("900.00"), "captureNow": True}).charge_id
            return body, captured

        session_body = {
            "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
            "storeId": STORE_ID,
            "chargePermissionType": "OneTime",
        }
        update_body = {
            "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
            "paymentDetails": {
                "paymentIntent": "Authorize",
                "canHandlePendingAuthorization": False,
                "chargeAmount": usd("14.00"),
            },
            "merchantMetadata": {"merchantReferenceId": "order-1"},
        }
        read = ready_session()
        pay.checkout_sessions.update(read, update_body)
        get_session = signer.raw("GET", f"/checkoutSessions/{read}")
        update_session = signer.raw("PATCH", f"/checkoutSessions/{read}", update_body)
        mix: list[tuple[str, str, bytes]] = []
        for index in range(rounds):
            if index % ROUNDS_PER_WALLET == 0:
                charge_body, refundable = wallet()
            completing = ready_session()
            pay.checkout_sessions.update(completing, update_body)
            authorized = pay.charges.create({**charge_body, "chargeAmount": usd("1.00"), "captureNow": False})
            mix += [
                signer.raw("POST", "/checkoutSessions", session_body, idempotent=True),
                get_session,
                update_session,
                signer.raw(
                    "POST", f"/checkoutSessions/{completing}/complete", {"chargeAmount": usd("14.00")}, idempotent=True
                ),
                signer.raw(
                    "POST",
                    "/charges",
                    {**charge_body, "chargeAmount": usd("1.00"), "captureNow": True},
                    idempotent=True,
                ),
                signer.raw(
                    "POST", f"/charges/{authorized.charge_id}/capture", {"captureAmount": usd("1.00")}, idempotent=True
                ),
                signer.raw("POST", "/refunds", {"chargeId": refundable, "refundAmount": usd("0.01")}, idempotent=True),
            ]
    return mix


def write_requests(mix: list[tuple[str, str, bytes]], server: Server, path: Path) -> None:
    """The mix as wrk's script reads it: each raw request preceded by its length on a line."""
    authority = server.url.split("://", 1)[1]
    with path.open("wb") as file:
        for method, api_path, rest in mix:
            raw = f"{method} {server.prefix}{api_path} HTTP/1.1\r\nhost: {authority}\r\n".encode() + rest
            file.write(b"%d\n" % len(raw) + raw)


@dataclass
class Run:
    """One timed window of wrk against one server."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # connect/read/write errors, timeouts and non-2xx answers
    wrk_cpu: float  # share of one core
    server_cpu: float
    server_cpu_us: float  # the server's CPU per answered request, microseconds: what a busy machine cannot skew

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def run_wrk(server: Server, requests_file: Path, connections: int, seconds: float) -> Run:
    """wrk, one thread, ``connections`` keep-alive connections, for ``seconds``."""
    before_server = _cpu_seconds(server.pids)
    before_children = os.times()
    started = time.monotonic()
    done = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--timeout",
            "10s",
            "-s",
            str(LUA),
            server.url,
            "--",
            str(requests_file),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.monotonic() - started
    after_children = os.times()
    server_seconds = _cpu_seconds(server.pids) - before_server
    server_cpu = server_seconds / elapsed
    wrk_cpu = (
        after_children.children_user
        + after_children.children_system
        - before_children.children_user
        - before_children.children_system
    ) / elapsed
    line = next(line for line in done.stdout.splitlines() if line.startswith("{"))
    result = json.loads(line)
    if result["wrapped"] and server.prefix:  # only the simulator refuses a request used twice
        raise BudgetExceeded
    return Run(
        requests=result["requests"],
        seconds=result["duration_us"] / 1e6,
        p50_ms=result["p50_us"] / 1000,
        p99_ms=result["p99_us"] / 1000,
        errors=result["errors"],
        wrk_cpu=wrk_cpu,
        server_cpu=server_cpu,
        server_cpu_us=server_seconds * 1e6 / max(result["requests"], 1),
    )


class BudgetExceeded(Exception):
    """The server answered more requests than were signed in advance: run again with more."""


# --- the runs --------------------------------------------------------------------------------
def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float], digits: int = 0) -> str:
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}"


@contextmanager
def servers(tls: bool, tmp: Path) -> Iterator[tuple[Server, Server]]:
    ours = start_ours(tls, tmp)
    try:
        prism = start_prism(tls, tmp)
        try:
            yield ours, prism
        finally:
            prism.stop()
    finally:
        ours.stop()


def measure(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    estimate = {"ours": args.start_rate, "Prism": args.start_rate}  # req/s, to size the signed budget
    with tempfile.TemporaryDirectory(prefix="bench-simulator-") as name:
        tmp = Path(name)
        for tls in (False, True):
            transport = "TLS" if tls else "plain"
            with servers(tls, tmp) as (ours, prism):
                warm_up = prepare(ours, 50)  # imports, Prism's JIT and validators: not timed
                for server in (ours, prism):
                    write_requests(warm_up, server, tmp / "warm-up.requests")
                    with contextlib.suppress(BudgetExceeded):
                        run_wrk(server, tmp / "warm-up.requests", 8, 1)
                for connections in args.connections:
                    runs: dict[str, list[Run]] = {"ours": [], "Prism": []}
                    for repeat in range(args.repeats):
                        order = (ours, prism) if repeat % 2 == 0 else (prism, ours)
                        budget = max(estimate.values())
                        while True:
                            rounds = int(budget * args.seconds * 1.4 / len(MIX)) + 10
                            mix = prepare(ours, rounds)
                            try:
                                pair = {}
                                for server in order:
                                    path = tmp / f"{server.name}.requests"
                                    write_requests(mix, server, path)
                                    pair[server.name] = run_wrk(server, path, connections, args.seconds)
                                break
                            except BudgetExceeded:
                                budget *= 2
                        for name_, run in pair.items():
                            runs[name_].append(run)
                            estimate[name_] = max(estimate[name_], run.rps)
                        print(
                            f"  {transport:5} c={connections:<3} repeat {repeat + 1}: "
                            + "; ".join(
                                f"{n} {r.rps:.0f} req/s p50 {r.p50_ms:.1f} p99 {r.p99_ms:.1f} ms "
                                f"err {r.errors} cpu wrk {r.wrk_cpu:.0%} server {r.server_cpu:.0%} "
                                f"({r.server_cpu_us:.0f} us/request)"
                                for n, r in pair.items()
                            ),
                            flush=True,
                        )
                    results[f"{transport} c={connections}"] = {
                        name_: [run.__dict__ | {"rps": run.rps} for run in series] for name_, series in runs.items()
                    }
    return results


def table(results: dict[str, Any]) -> str:
    """Markdown: medians with the spread over repeats, and ratios ours/Prism (median of per-repeat ratios)."""
    lines = [
        "| transport, connections | ours req/s | Prism req/s | ratio | ours p50 / p99 ms | Prism p50 / p99 ms | "
        "errors ours / Prism | CPU wrk / ours / Prism | server CPU us/request ours / Prism (ratio) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for config, series in results.items():
        ours, prism = series["ours"], series["Prism"]
        rps = [r["rps"] for r in ours]
        prps = [r["rps"] for r in prism]
        ratios = [a / b for a, b in zip(rps, prps, strict=True)]

        def lat(runs: list[dict[str, Any]]) -> str:
            p50 = [r["p50_ms"] for r in runs]
            p99 = [r["p99_ms"] for r in runs]
            return f"{median(p50):.1f} / {median(p99):.1f} ({spread(p99, 1)})"

        cpu = (
            f"{median([r['wrk_cpu'] for r in ours + prism]):.0%} / {median([r['server_cpu'] for r in ours]):.0%}"
            f" / {median([r['server_cpu'] for r in prism]):.0%}"
        )
        # CPU per request: on a shared machine a server gets what share of a core it can, so the
        # requests per second measure the machine as much as the server; its CPU per answer does not.
        costs = [b["server_cpu_us"] / a["server_cpu_us"] for a, b in zip(ours, prism, strict=True)]
        per_request = (
            f"{median([r['server_cpu_us'] for r in ours]):.0f} / {median([r['server_cpu_us'] for r in prism]):.0f}"
            f" ({median(costs):.2f}x, {spread(costs, 2)})"
        )
        lines.append(
            f"| {config} | {median(rps):.0f} ({spread(rps)}) | {median(prps):.0f} ({spread(prps)}) | "
            f"{median(ratios):.2f}x ({spread(ratios, 2)}) | {lat(ours)} | {lat(prism)} | "
            f"{sum(r['errors'] for r in ours)} / {sum(r['errors'] for r in prism)} | {cpu} | {per_request} |"
        )
    return "\n".join(lines)


def ensure_wrk() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: nox -s bench installs Debian's wrk (apt-get install -y wrk)")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=2.0, help="timed window of each run")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each server per configuration")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 64])
    parser.add_argument("--start-rate", type=float, default=1500.0, help="first guess of req/s, to sign enough")
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results" / "simulator.json")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> None:
    args = parse_args(argv)
    ensure_wrk()
    print(
        f"The simulator as a server against Prism {PRISM_VERSION} (wrk, 1 thread; {args.seconds:g} s windows, "
        f"{args.repeats} repeats; mix: {', '.join(MIX)})",
        flush=True,
    )
    results = measure(args)
    print()
    print(table(results))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
