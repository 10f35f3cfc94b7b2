"""Per-call cost of amazonpay against the physical floor and the Python peer.

    python3 scripts/nox -s bench [-- --repetitions 5 --sync-calls 1000 ...]

One run, one local server (``scripts/bench_server.py``, another process on 127.0.0.1 that
answers canned Charge bodies without verifying anything), the same two operations for every
client: create a charge (POST with a body) and get a charge (GET), alternating. Warm-up calls
are excluded. Each repetition is cut into rounds in which the variants take turns, so a slow
patch of a shared machine hits all of them; figures are the median over repetitions with min
and max. A sync ratio to the floor is the median of the per-repetition ratios; an async one the
median of the per-round ratios (15 pairs by default, each two runs back to back: a repetition's
three pairs of a few seconds each left the figure to the load of the moment).

Variants:

* floor: plain httpx keep-alive requests of pre-built bytes plus one RSA-2048 PSS signature
  per request, the answer parsed with ``response.json()`` (what any correct client must at
  least spend: it signs, sends and reads what came back);
* generated: ``amazonpay_api`` alone, unsigned (models, httpx, no transport);
* AmazonPay: the facade as an application calls it (dict body in, typed Charge out);
* AsyncAmazonPay against an async floor, many calls in flight at once;
* AmazonPayClient 2.0.1, the Python peer (``requests``; new connection and key parse per call).

Also: import time in fresh interpreters, client construction (key parse), memory growth over
many calls in a fresh process, and the cold start of a whole process (import, construct a client
from a PEM file, one GET) against the floor's, in child CPU time (user + system, not wall time,
which the other processes of a shared machine decide). Results: a table here, ``bench-results/bench.json`` and
``bench-results/bench.png``. The goals are reported (PASS/MISS), not enforced.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

import amazonpay
from amazonpay import AmazonPay, AsyncAmazonPay
from amazonpay_api import Client as GeneratedClient
from amazonpay_api.api.charges import create_charge, get_charge
from amazonpay_api.models import Charge, CreateChargeRequest

ROOT = Path(__file__).resolve().parent.parent
SERVER = Path(__file__).with_name("bench_server.py")
#: A legacy key id (no LIVE/SANDBOX prefix): needs sandbox=True and uses /sandbox/v2, like the peer.
PUBLIC_KEY_ID = "AHBENCHMARK0000000000000"
CHARGE_ID = "S02-7331650-8246451-C568833"
CREATE_BODY: dict[str, Any] = {
    "chargePermissionId": "S02-7331650-8246451",
    "chargeAmount": {"amount": "14.00", "currencyCode": "EUR"},
    "captureNow": True,
    "softDescriptor": "Bench store",
    "canHandlePendingAuthorization": False,
}
#: The size of a real string to sign: the algorithm, a newline, a hex SHA-256.
STRING_TO_SIGN = b"AMZN-PAY-RSASSA-PSS-V2\n" + b"0" * 64
PSS = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
# The goals of issue 22: each a ratio to its floor, measured in one run.
GOAL_SYNC_CPU_RATIO = 1.10  # create charge and get charge, each
GOAL_ASYNC_THROUGHPUT_RATIO = 0.95  # at --concurrency and at --high-concurrency in flight
GOAL_IMPORT_MS = 10.0
GOAL_PEER_CPU_FACTOR = 3.0
GOAL_MEMORY_MB = 5.0
GOAL_COLD_START_RATIO = 1.08
#: The connection pool of both async clients at any concurrency: httpx's defaults, which
#: AsyncAmazonPay keeps (more calls in flight than connections wait for one in the pool).
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
OPERATIONS = ("create", "get")


# --- setup ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Setup:
    """What every variant needs: where the server is and the throwaway key."""

    port: int
    key: rsa.RSAPrivateKey
    pem: str
    pem_file: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.origin}/sandbox/v2"


def throwaway_key() -> tuple[rsa.RSAPrivateKey, str]:
    """A fresh RSA-2048 key and its PKCS#8 PEM."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    return key, pem


@contextmanager
def bench_server() -> Iterator[int]:
    """Start the canned server in its own process; always stop it, within seconds."""
    process = subprocess.Popen(
        [sys.executable, str(SERVER), "--max-seconds", "3600"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.strip().isdigit():
            raise RuntimeError(f"the bench server did not start (printed {line!r})")
        yield int(line)
    finally:
        if process.stdin is not None:
            process.stdin.close()  # the server stops when its stdin closes
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


# --- the clients measured ---------------------------------------------------------------
class SyncClient(Protocol):
    def create(self) -> object: ...
    def get(self) -> object: ...
    def close(self) -> None: ...


class AsyncClient(Protocol):
    async def create(self) -> object: ...
    async def get(self) -> object: ...
    async def close(self) -> None: ...


#: The floor's pre-built headers: the ones a signed request carries, fixed values.
FLOOR_HEADERS = {
    "accept": "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": "20261120T101010Z",
    "x-amz-pay-host": "pay-api.amazon.eu",
    "x-amz-pay-region": "eu",
    "x-amz-pay-idempotency-key": "0" * 32,
}
FLOOR_AUTHORIZATION = (
    f"AMZN-PAY-RSASSA-PSS-V2 PublicKeyId={PUBLIC_KEY_ID}, SignedHeaders={';'.join(sorted(FLOOR_HEADERS))}, Signature="
)


def signed_headers(key: rsa.RSAPrivateKey) -> dict[str, str]:
    """The floor's per-request work: one PSS signature, put into the pre-built headers."""
    signature = base64.b64encode(key.sign(STRING_TO_SIGN, PSS, hashes.SHA256())).decode("ascii")
    return {**FLOOR_HEADERS, "authorization": FLOOR_AUTHORIZATION + signature}


def parsed_status(response: httpx.Response) -> int:
    """The floor's reading of an answer: its body parsed (as any client must), its status returned."""
    response.json()
    return response.status_code


class FloorSync:
    """httpx.Client keep-alive, pre-built bytes, one signature per request, the answer parsed."""

    def __init__(self, setup: Setup) -> None:
        self.key = setup.key
        self.body = json.dumps(CREATE_BODY).encode()
        self.http = httpx.Client(base_url=setup.base_url)

    def create(self) -> object:
        return parsed_status(self.http.post("/charges", content=self.body, headers=signed_headers(self.key)))

    def get(self) -> object:
        return parsed_status(self.http.get(f"/charges/{CHARGE_ID}", headers=signed_headers(self.key)))

    def close(self) -> None:
        self.http.close()


class GeneratedSync:
    """The generated client alone: models and httpx, no signing, no transport."""

    def __init__(self, setup: Setup) -> None:
        self.api = GeneratedClient(base_url=setup.base_url)
        self.body = CreateChargeRequest.from_dict(CREATE_BODY)

    def create(self) -> object:
        return create_charge.sync_detailed(client=self.api, body=self.body).status_code

    def get(self) -> object:
        return get_charge.sync_detailed(client=self.api, charge_id=CHARGE_ID).status_code

    def close(self) -> None:
        self.api.get_httpx_client().close()


class FacadeSync:
    """AmazonPay, as an application calls it (a dict body, a charge id)."""

    def __init__(self, setup: Setup) -> None:
        self.pay = AmazonPay(
            public_key_id=PUBLIC_KEY_ID, private_key=setup.pem, region="eu", sandbox=True, base_url=setup.base_url
        )

    def create(self) -> object:
        return self.pay.charges.create(CREATE_BODY)

    def get(self) -> object:
        return self.pay.charges.get(CHARGE_ID)

    def close(self) -> None:
        self.pay.close()


class PeerSync:
    """AmazonPayClient 2.0.1 (import name ``AmazonPay``), its endpoint pointed at the server."""

    def __init__(self, setup: Setup) -> None:
        from AmazonPay import Client as PeerClient  # installed in the bench session only

        # The peer takes a key file path only, and re-reads it on every request.
        self.client = PeerClient(
            public_key_id=PUBLIC_KEY_ID, private_key=str(setup.pem_file), region="eu", sandbox=True
        )
        self.client.endpoint = setup.origin  # it builds URLs as endpoint + /sandbox/v2 + path

    def create(self) -> object:
        response = self.client.create_charge(CREATE_BODY)
        response.json()
        return response.status_code

    def get(self) -> object:
        response = self.client.get_charge(CHARGE_ID)
        response.json()
        return response.status_code

    def close(self) -> None:
        pass


class FloorAsync:
    """httpx.AsyncClient keep-alive, pre-built bytes, one signature per request, the answer parsed."""

    def __init__(self, setup: Setup) -> None:
        self.key = setup.key
        self.body = json.dumps(CREATE_BODY).encode()
        self.http = httpx.AsyncClient(base_url=setup.base_url, limits=POOL_LIMITS, timeout=30)  # AsyncAmazonPay's

    async def create(self) -> object:
        headers = signed_headers(self.key)
        return parsed_status(await self.http.post("/charges", content=self.body, headers=headers))

    async def get(self) -> object:
        headers = signed_headers(self.key)
        return parsed_status(await self.http.get(f"/charges/{CHARGE_ID}", headers=headers))

    async def close(self) -> None:
        await self.http.aclose()


class FacadeAsync:
    """AsyncAmazonPay, as an application calls it."""

    def __init__(self, setup: Setup) -> None:
        self.pay = AsyncAmazonPay(
            public_key_id=PUBLIC_KEY_ID, private_key=setup.pem, region="eu", sandbox=True, base_url=setup.base_url
        )
        # The pool under the signing transport has the floor's limits (httpx's defaults, which AsyncAmazonPay keeps).
        pool = self.pay._http._transport._inner._pool  # type: ignore[attr-defined]
        limits = (pool._max_connections, pool._max_keepalive_connections)
        assert limits == (POOL_LIMITS.max_connections, POOL_LIMITS.max_keepalive_connections), limits

    async def create(self) -> object:
        return await self.pay.charges.create(CREATE_BODY)

    async def get(self) -> object:
        return await self.pay.charges.get(CHARGE_ID)

    async def close(self) -> None:
        await self.pay.aclose()


def succeeded(result: object) -> bool:
    """Whether a call got the canned charge (a status code, or a parsed Charge)."""
    if isinstance(result, int):
        return result in (200, 201)
    return isinstance(result, Charge) and result.charge_id == CHARGE_ID


# --- measuring --------------------------------------------------------------------------
@dataclass
class Sample:
    """One repetition of one variant: the sums over its rounds (sync: and per operation)."""

    calls: int = 0
    cpu: float = 0.0
    operation_calls: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OPERATIONS, 0))
    operation_cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(OPERATIONS, 0.0))
    wall: float = 0.0
    server_cpu: float = 0.0
    connections: int = 0
    #: Each round's (calls, CPU seconds, wall seconds): the async ratios pair the variants round by round.
    rounds: list[tuple[int, float, float]] = field(default_factory=list)


@dataclass
class Variant:
    """A measured client and its repetitions."""

    key: str
    label: str
    kind: str  # "sync" or "async": which floor it is compared with
    calls: int  # per repetition
    samples: list[Sample] = field(default_factory=list)

    def per_call(self, attribute: str) -> list[float]:
        return [getattr(s, attribute) / s.calls for s in self.samples]

    def per_operation(self, operation: str) -> list[float]:
        """CPU seconds per call of one operation (sync variants), per repetition."""
        return [s.operation_cpu[operation] / s.operation_calls[operation] for s in self.samples]

    def throughput(self) -> list[float]:
        return [s.calls / s.wall for s in self.samples]

    def rounds(self) -> list[tuple[int, float, float]]:
        """Every round's (calls, CPU seconds, wall seconds), repetition by repetition."""
        return [r for s in self.samples for r in s.rounds]


class ServerStats:
    """The server's counters, read over a kept-alive connection (so reading opens none)."""

    def __init__(self, origin: str) -> None:
        self.http = httpx.Client(base_url=origin, timeout=5)

    def read(self) -> tuple[float, int]:
        stats = self.http.get("/__stats").json()
        return float(stats["cpu_seconds"]), int(stats["connections"])

    def close(self) -> None:
        self.http.close()


@contextmanager
def measured(sample: Sample, stats: ServerStats, calls: int) -> Iterator[None]:
    """Add the block to ``sample``: this process's CPU and wall time, the server's CPU."""
    gc.collect()  # garbage of the previous variant is not collected on this one's time
    server_cpu, connections = stats.read()
    cpu, wall = time.process_time(), time.perf_counter()
    yield
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    server_cpu_after, connections_after = stats.read()
    sample.calls += calls
    sample.cpu += cpu
    sample.wall += wall
    sample.rounds.append((calls, cpu, wall))
    sample.server_cpu += server_cpu_after - server_cpu
    sample.connections += connections_after - connections


def rotated(items: Sequence[Any], by: int) -> list[Any]:
    """``items`` starting at ``by``: each round another variant goes first."""
    by %= len(items)
    return [*items[by:], *items[:by]]


def run_sync(client: SyncClient, calls: int, sample: Sample | None = None) -> None:
    """``calls`` calls, half creates then half gets; with ``sample``, each half's CPU added to it."""
    for operation in OPERATIONS:
        call = getattr(client, operation)
        count = calls // 2
        started = time.process_time()
        for _ in range(count):
            call()
        if sample is not None:
            sample.operation_cpu[operation] += time.process_time() - started
            sample.operation_calls[operation] += count


async def run_async(client: AsyncClient, calls: int, concurrency: int) -> None:
    """``calls`` calls by ``concurrency`` workers sharing one queue of call numbers."""
    numbers = iter(range(calls))

    async def worker() -> None:
        for i in numbers:
            await (client.get() if i % 2 else client.create())

    await asyncio.gather(*(worker() for _ in range(concurrency)))


def warm_up_sync(client: SyncClient, calls: int) -> None:
    results = [client.get() if i % 2 else client.create() for i in range(calls)]
    if not all(succeeded(r) for r in results):
        raise RuntimeError(f"{type(client).__name__} did not get the canned charge: {results[:2]!r}")


async def warm_up_async(client: AsyncClient, calls: int, concurrency: int) -> None:
    """``calls`` calls, ``concurrency`` at a time (the pool's connections opened), each checked."""
    results: list[object] = []
    for start in range(0, calls, concurrency):
        batch: list[Awaitable[object]] = [
            client.get() if i % 2 else client.create() for i in range(start, min(calls, start + concurrency))
        ]
        results += await asyncio.gather(*batch)
    if not all(succeeded(r) for r in results):
        raise RuntimeError(f"{type(client).__name__} did not get the canned charge: {results[:2]!r}")


def measure_sync(setup: Setup, args: argparse.Namespace) -> list[Variant]:
    """Floor, generated, AmazonPay and the peer; each repetition is rounds of every variant in turn."""
    factories: list[tuple[Variant, Callable[[Setup], SyncClient]]] = [
        (Variant("floor", "floor: httpx + 1 RSA-PSS sign", "sync", args.sync_calls), FloorSync),
        (Variant("generated", "amazonpay_api alone, unsigned", "sync", args.sync_calls), GeneratedSync),
        (Variant("amazonpay", "AmazonPay (sync)", "sync", args.sync_calls), FacadeSync),
    ]
    if peer_available():
        factories.append((Variant("peer", "AmazonPayClient 2.0.1", "sync", args.peer_calls), PeerSync))
    clients = [(variant, factory(setup)) for variant, factory in factories]
    stats = ServerStats(setup.origin)
    try:
        for variant, client in clients:
            warm_up_sync(client, max(20, min(200, variant.calls // 5)))
        for repetition in range(args.repetitions):
            for variant, _ in clients:
                variant.samples.append(Sample())
            for round_ in range(args.rounds):
                for variant, client in rotated(clients, round_):
                    calls = max(2, variant.calls // args.rounds) // 2 * 2
                    with measured(variant.samples[-1], stats, calls):
                        run_sync(client, calls, variant.samples[-1])
            print(f"  sync repetition {repetition + 1}/{args.repetitions} done", flush=True)
    finally:
        stats.close()
        for _, client in clients:
            client.close()
    return [variant for variant, _ in clients]


def measure_async(setup: Setup, args: argparse.Namespace, concurrency: int) -> list[Variant]:
    """The async floor and AsyncAmazonPay at the same concurrency, rounds interleaved likewise."""
    kind = "async" if concurrency == args.concurrency else f"async-{concurrency}"
    suffix = "" if kind == "async" else f"-{concurrency}"

    async def main() -> list[Variant]:
        clients: list[tuple[Variant, AsyncClient]] = [
            (Variant(f"async-floor{suffix}", f"async floor, {concurrency} in flight", kind, args.async_calls),
             FloorAsync(setup)),
            (Variant(f"async-amazonpay{suffix}", f"AsyncAmazonPay, {concurrency} in flight", kind, args.async_calls),
             FacadeAsync(setup)),
        ]  # fmt: skip
        stats = ServerStats(setup.origin)
        try:
            for _, client in clients:
                await warm_up_async(client, 4 * concurrency, concurrency)
            for repetition in range(args.async_repetitions):
                for variant, _ in clients:
                    variant.samples.append(Sample())
                for round_ in range(args.rounds):
                    for variant, client in rotated(clients, round_):
                        calls = max(concurrency, variant.calls // args.rounds)
                        with measured(variant.samples[-1], stats, calls):
                            await run_async(client, calls, concurrency)
                print(
                    f"  async ({concurrency} in flight) repetition {repetition + 1}/{args.async_repetitions} done",
                    flush=True,
                )
        finally:
            stats.close()
            for _, client in clients:
                await client.close()
        return [variant for variant, _ in clients]

    return asyncio.run(main())


@cache
def peer_available() -> bool:
    try:
        import AmazonPay  # noqa: F401
    except ImportError:
        print("  AmazonPayClient is not installed: the peer is left out (run through nox -s bench)")
        return False
    return True


# --- import, construction, memory -------------------------------------------------------
IMPORTS = {
    "import httpx, cryptography": "import httpx, cryptography",
    "its dependencies": (
        "import httpx, anyio\n"
        "from cryptography.hazmat.primitives import hashes, serialization\n"
        "from cryptography.hazmat.primitives.asymmetric import padding, rsa"
    ),
    # `import amazonpay` alone loads nothing (its names resolve on first use): time the client.
    "from amazonpay import AmazonPay": "from amazonpay import AmazonPay",
    "import AmazonPay (the peer)": "import AmazonPay",
}
#: A fresh interpreter runs the statement between two readings of its own CPU clock and prints the difference.
_TIMED_IMPORT = "import time\nstarted = time.process_time_ns()\n{code}\nprint(time.process_time_ns() - started)"


def time_imports(runs: int) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """CPU ms of each import in a fresh interpreter, and what importing AmazonPay adds.

    The CPU the statement itself takes, read by the child around it: a whole process's CPU
    also holds the interpreter's start and end, which vary by tens of ms from run to run on a
    shared machine (a paired difference of whole processes spread from -44 to +55 ms around a
    7 ms import) and say nothing about the import; the cold start measures whole processes.
    The statements take turns in each run; what amazonpay adds is the median of the per-run
    differences, which a slow patch of the machine shifts less than a difference of medians.
    Bytecode is written and used (``PYTHONDONTWRITEBYTECODE`` is dropped), as for an installed
    package; otherwise every run would compile every module again.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    statements = dict(IMPORTS)
    if not peer_available():
        del statements["import AmazonPay (the peer)"]
    timings: dict[str, list[float]] = {name: [] for name in statements}
    for run in range(runs + 2):
        for name, code in statements.items():
            command = [sys.executable, "-c", _TIMED_IMPORT.format(code=code)]
            child = subprocess.run(command, check=True, env=environment, capture_output=True, text=True)
            if run >= 2:  # the first two runs compile bytecode and fill the page cache
                timings[name].append(int(child.stdout) / 1e6)
    ours = timings["from amazonpay import AmazonPay"]
    added = {
        f"AmazonPay import minus {base} (paired)": spread([a - b for a, b in zip(ours, timings[base], strict=True)])
        for base in ("its dependencies", "import httpx, cryptography")
    }
    return {name: spread(values) for name, values in timings.items()}, added


def time_construction(setup: Setup, runs: int) -> dict[str, dict[str, float]]:
    """Client construction beside its two parts: the key parse (and check), the httpx client."""

    def timed(build: Callable[[], object]) -> dict[str, float]:
        values = []
        for _ in range(runs):
            started = time.perf_counter()
            built = build()
            values.append((time.perf_counter() - started) * 1000)
            if isinstance(built, AmazonPay | httpx.Client):
                built.close()
        return spread(values)

    def facade(private_key: str | rsa.RSAPrivateKey) -> Callable[[], object]:
        return lambda: AmazonPay(
            public_key_id=PUBLIC_KEY_ID, private_key=private_key, region="eu", sandbox=True, base_url=setup.base_url
        )

    return {
        "AmazonPay(...) with the PEM text": timed(facade(setup.pem)),
        "  load_pem_private_key alone (parse + RSA key check)": timed(
            lambda: serialization.load_pem_private_key(setup.pem.encode("ascii"), password=None)
        ),
        "  httpx.Client() alone (its SSL context loads the CA bundle)": timed(httpx.Client),
        "AmazonPay(...) with an already parsed RSAPrivateKey": timed(facade(setup.key)),
    }


def peak_rss_bytes() -> int:
    """The peak resident set size so far (getrusage, which counts kilobytes on Linux; 0 without it)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def rss_bytes() -> int:
    """Resident set size now (Linux /proc), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return peak_rss_bytes()


def memory_child(port: int, pem_file: Path, calls: int) -> None:
    """In a fresh process: RSS and live objects before and after ``calls`` AmazonPay calls."""
    pem = pem_file.read_text()
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    client = FacadeSync(Setup(port=port, key=key, pem=pem, pem_file=pem_file))
    warm_up_sync(client, 1000)
    gc.collect()
    rss, peak, objects = rss_bytes(), peak_rss_bytes(), len(gc.get_objects())
    run_sync(client, calls)
    gc.collect()
    rss_after, peak_after, objects_after = rss_bytes(), peak_rss_bytes(), len(gc.get_objects())
    client.close()
    result = {
        "calls": calls,
        "rss_before_mb": rss / 2**20,
        "rss_after_mb": rss_after / 2**20,
        "peak_growth_mb": (peak_after - peak) / 2**20,
        # the goal's figure: the larger of the growth of RSS now and of its peak
        "growth_mb": max(rss_after - rss, peak_after - peak) / 2**20,
        "gc_objects_growth": objects_after - objects,
    }
    print(json.dumps(result))


def measure_memory(setup: Setup, calls: int) -> dict[str, float]:
    """Run :func:`memory_child` in a fresh interpreter (no garbage from the other runs)."""
    command = [sys.executable, __file__, "--memory-child", str(setup.port), str(setup.pem_file), str(calls)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=600)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


#: The floor's cold start: what any client must do in a fresh process for one signed GET.
COLD_START_FLOOR = f"""
import base64, sys
import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

pem_file, base_url = sys.argv[1:]
with open(pem_file, "rb") as pem:
    key = serialization.load_pem_private_key(pem.read(), password=None)
pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
signature = base64.b64encode(key.sign({STRING_TO_SIGN!r}, pss, hashes.SHA256())).decode("ascii")
headers = {{**{FLOOR_HEADERS!r}, "authorization": {FLOOR_AUTHORIZATION!r} + signature}}
with httpx.Client(base_url=base_url) as http:
    charge = http.get("/charges/{CHARGE_ID}", headers=headers).json()
assert charge["chargeId"] == "{CHARGE_ID}", charge
"""
#: The project's cold start, as an internal tool or the CLI runs it: a key file, one GET.
COLD_START_AMAZONPAY = f"""
import sys
from pathlib import Path
from amazonpay import AmazonPay

pem_file, base_url = sys.argv[1:]
with AmazonPay(
    public_key_id="{PUBLIC_KEY_ID}", private_key=Path(pem_file), region="eu", sandbox=True, base_url=base_url
) as pay:
    charge = pay.charges.get("{CHARGE_ID}")
assert charge.charge_id == "{CHARGE_ID}", charge
"""


def child_cpu_ms(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Run ``command`` to its end; its CPU (user + system) and wall ms.

    The CPU comes from the kernel's accounting of reaped children (getrusage), so it is the
    child's own work, however many other processes share the cores.
    """
    import resource  # not on Windows; the cold start is measured where it exists

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, env=environment)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu * 1000, wall * 1000


def measure_cold_start(setup: Setup, runs: int) -> dict[str, Any]:
    """Whole processes, floor and amazonpay taking turns (the first in turn alternating).

    Bytecode is written and used, as for an installed package; the first two runs of each
    (compiling, filling the page cache) are left out. The ratio is the median of the per-run
    ratios, each pair measured back to back.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    children = {"floor": COLD_START_FLOOR, "amazonpay": COLD_START_AMAZONPAY}
    cpu: dict[str, list[float]] = {name: [] for name in children}
    wall: dict[str, list[float]] = {name: [] for name in children}
    for run in range(runs + 2):
        for name, code in rotated(list(children.items()), run):
            command = [sys.executable, "-c", code, str(setup.pem_file), setup.base_url]
            cpu_ms, wall_ms = child_cpu_ms(command, environment)
            if run >= 2:
                cpu[name].append(cpu_ms)
                wall[name].append(wall_ms)
    return {
        "runs": runs,
        "cpu_ms": {name: spread(values) for name, values in cpu.items()},
        "wall_ms": {name: spread(values) for name, values in wall.items()},
        "cpu_vs_floor": statistics.median(a / f for a, f in zip(cpu["amazonpay"], cpu["floor"], strict=True)),
    }


# --- statistics and reporting -----------------------------------------------------------
def spread(values: Sequence[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def paired_ratio(variant: Variant, floor: Variant, values: Callable[[Variant], list[float]]) -> float:
    """Median over repetitions of variant / floor, each pair measured in the same rounds."""
    return statistics.median(v / f for v, f in zip(values(variant), values(floor), strict=True))


def round_ratio(variant: Variant, floor: Variant, value: Callable[[int, float, float], float]) -> float:
    """Median over rounds of variant / floor, each pair run back to back (the first of them alternating)."""
    pairs = zip(variant.rounds(), floor.rounds(), strict=True)
    return statistics.median(value(*v) / value(*f) for v, f in pairs)


def summarise(variants: list[Variant]) -> dict[str, dict[str, Any]]:
    """Per variant: CPU and wall per call (µs), calls/s, each with its ratio to its floor."""
    floors = {v.kind: v for v in variants if v.key.startswith(("floor", "async-floor"))}
    out: dict[str, dict[str, Any]] = {}
    for v in variants:
        floor = floors[v.kind]
        out[v.key] = {
            "label": v.label,
            "kind": v.kind,
            "calls_per_repetition": v.samples[0].calls,
            "repetitions": len(v.samples),
            "cpu_us_per_call": spread([x * 1e6 for x in v.per_call("cpu")]),
            "wall_us_per_call": spread([x * 1e6 for x in v.per_call("wall")]),
            "calls_per_second": spread(v.throughput()),
            **(
                {
                    "cpu_vs_floor": paired_ratio(v, floor, lambda x: x.per_call("cpu")),
                    "wall_vs_floor": paired_ratio(v, floor, lambda x: x.per_call("wall")),
                    "rate_vs_floor": paired_ratio(v, floor, Variant.throughput),
                }
                if v.kind == "sync"
                else {
                    "cpu_vs_floor": round_ratio(v, floor, lambda calls, cpu, wall: cpu / calls),
                    "wall_vs_floor": round_ratio(v, floor, lambda calls, cpu, wall: wall / calls),
                    "rate_vs_floor": round_ratio(v, floor, lambda calls, cpu, wall: calls / wall),
                    "paired_rounds": len(v.rounds()),
                }
            ),
            "server_cpu_us_per_call": statistics.median(v.per_call("server_cpu")) * 1e6,
            "connections_per_call": statistics.median(v.per_call("connections")),
            "samples": [asdict(sample) for sample in v.samples],
        }
        if v.kind == "sync":
            out[v.key]["operations"] = {
                operation: {
                    "cpu_us_per_call": spread([x * 1e6 for x in v.per_operation(operation)]),
                    "cpu_vs_floor": paired_ratio(v, floor, lambda x, op=operation: x.per_operation(op)),
                }
                for operation in OPERATIONS
            }
    return out


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's goals that were measured, each with the measured value and PASS or MISS."""
    clients = results["clients"]
    concurrency, high = results["config"]["concurrency"], results["config"]["high_concurrency"]
    rows = [
        (f"AsyncAmazonPay calls/s vs floor, {concurrency} in flight", f">= {GOAL_ASYNC_THROUGHPUT_RATIO} x",
         clients["async-amazonpay"]["rate_vs_floor"], "x", lambda v: v >= GOAL_ASYNC_THROUGHPUT_RATIO),
        (f"AsyncAmazonPay calls/s vs floor, {high} in flight", f">= {GOAL_ASYNC_THROUGHPUT_RATIO} x",
         clients[f"async-amazonpay-{high}"]["rate_vs_floor"], "x", lambda v: v >= GOAL_ASYNC_THROUGHPUT_RATIO),
    ]  # fmt: skip
    if "amazonpay" in clients:  # not --async-only
        operations, added = clients["amazonpay"]["operations"], results["import_added_ms"]
        rows[:0] = [
            ("AmazonPay create charge CPU per call vs floor", f"<= {GOAL_SYNC_CPU_RATIO} x",
             operations["create"]["cpu_vs_floor"], "x", lambda v: v <= GOAL_SYNC_CPU_RATIO),
            ("AmazonPay get charge CPU per call vs floor", f"<= {GOAL_SYNC_CPU_RATIO} x",
             operations["get"]["cpu_vs_floor"], "x", lambda v: v <= GOAL_SYNC_CPU_RATIO),
        ]  # fmt: skip
        rows += [
            ("AmazonPay import over its dependencies", f"<= {GOAL_IMPORT_MS:.0f} ms",
             added["AmazonPay import minus its dependencies (paired)"]["median"], "ms",
             lambda v: v <= GOAL_IMPORT_MS),
            ("memory growth over the calls", f"< {GOAL_MEMORY_MB:.0f} MB", results["memory"]["growth_mb"], "MB",
             lambda v: v < GOAL_MEMORY_MB),
            ("cold start CPU vs floor (whole process)", f"<= {GOAL_COLD_START_RATIO} x",
             results["cold_start"]["cpu_vs_floor"], "x", lambda v: v <= GOAL_COLD_START_RATIO),
        ]  # fmt: skip
    if "peer" in clients:
        factor = statistics.median(
            peer["cpu"] / peer["calls"] / (ours["cpu"] / ours["calls"])
            for peer, ours in zip(clients["peer"]["samples"], clients["amazonpay"]["samples"], strict=True)
        )
        rows.insert(4, ("less CPU per call than AmazonPayClient 2.0.1", f">= {GOAL_PEER_CPU_FACTOR:.0f} x", factor,
                        "x", lambda v: v >= GOAL_PEER_CPU_FACTOR))  # fmt: skip
    return [
        {"goal": name, "target": target, "measured": round(value, 3), "unit": unit, "pass": bool(check(value))}
        for name, target, value, unit, check in rows
    ]


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "amazonpay": amazonpay.__version__,
        "httpx": httpx.__version__,
        "cryptography": version_of("cryptography"),
        "sniffio": version_of("sniffio"),
    }


def version_of(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def fmt(s: dict[str, float], digits: int = 0) -> str:
    return f"{s['median']:,.{digits}f} [{s['min']:,.{digits}f}-{s['max']:,.{digits}f}]"


def print_machine(info: dict[str, Any]) -> None:
    print(f"machine: {info['platform']}; {info['cpu']}; {info['cores']} cores")
    print(
        f"python {info['python']} ({info['implementation']}); amazonpay {info['amazonpay']}, "
        f"httpx {info['httpx']}, cryptography {info['cryptography']}, sniffio {info['sniffio']}"
    )
    if info["sniffio"] == "not installed":
        print(
            "  note: without sniffio, httpcore 1.0.9 retries a failed `import sniffio` on each async lock/event "
            "setup (encode/httpcore#1103): both async rows pay it"
        )


def print_table(results: dict[str, Any]) -> None:
    """The clients table, then imports, construction, memory and the goals."""
    head = (
        f"{'client':31} {'calls':>9} {'CPU us/call median [min-max]':>30} {'xfloor':>6} "
        f"{'wall us/call median [min-max]':>31} {'xfloor':>6} {'calls/s':>8} {'xfloor':>6} {'srv us':>6} {'conn':>5}"
    )
    print("\n" + head + "\n" + "-" * len(head))
    for c in results["clients"].values():
        print(
            f"{c['label']:31} {c['repetitions']}x{c['calls_per_repetition']:<7} {fmt(c['cpu_us_per_call']):>30} "
            f"{c['cpu_vs_floor']:6.2f} {fmt(c['wall_us_per_call']):>31} {c['wall_vs_floor']:6.2f} "
            f"{c['calls_per_second']['median']:8,.0f} {c['rate_vs_floor']:6.2f} "
            f"{c['server_cpu_us_per_call']:6.0f} {c['connections_per_call']:5.2f}"
        )
    rounds = next((c["paired_rounds"] for c in results["clients"].values() if "paired_rounds" in c), 0)
    print(
        "  (CPU = this process's time.process_time, the server excluded; async: wall/call = 1/throughput, "
        f"pool limits of both: {results['pool_limits']}; srv = the server's CPU per call; "
        f"conn = new connections per call; x floor: sync, the median of the paired repetitions, async, of the "
        f"{rounds} paired rounds)"
    )
    if "cold_start" in results:  # not --async-only
        print_startup(results)
    print("\ngoals (reported, not enforced):")
    for g in results["goals"]:
        print(
            f"  {'PASS' if g['pass'] else 'MISS'}  {g['goal']:48} target {g['target']:>9}   "
            f"measured {g['measured']:.3f} {g['unit']}"  # 3 places: 1.0803 misses 1.08, which "1.08" hid
        )


def print_startup(results: dict[str, Any]) -> None:
    """Sync CPU by operation, imports, construction, cold start and memory."""
    print("\nsync CPU per call by operation, us median [min-max] (x floor: median of the paired repetitions):")
    for c in results["clients"].values():
        for operation, o in c.get("operations", {}).items():
            print(f"  {c['label'] + ', ' + operation:48} {fmt(o['cpu_us_per_call']):>24} {o['cpu_vs_floor']:6.2f}")
    print(
        "\nimport, fresh interpreter, the statement's CPU (the child's clock) ms median [min-max] (its dependencies = "
        "httpx, anyio and cryptography's rsa, padding, hashes, serialization, as amazonpay imports them):"
    )
    for name, s in [*results["imports_ms"].items(), *results["import_added_ms"].items()]:
        print(f"  {name:62} {fmt(s, 1):>22}")
    print("client construction, ms median [min-max]:")
    for name, s in results["construction_ms"].items():
        print(f"  {name:62} {fmt(s, 1):>22}")
    cold = results["cold_start"]
    print(
        f"cold start, whole process (import, construct from a PEM file, one GET), {cold['runs']} runs each, "
        "child CPU (user + sys) ms median [min-max]:"
    )
    for name, label in (("floor", "floor: httpx + cryptography, load key, sign, GET"), ("amazonpay", "AmazonPay")):
        print(f"  {label:62} {fmt(cold['cpu_ms'][name], 1):>22}   wall {fmt(cold['wall_ms'][name], 1)}")
    print(f"  {'AmazonPay / floor (median of paired runs)':62} {cold['cpu_vs_floor']:>10.2f} x")
    m = results["memory"]
    print(
        f"memory: AmazonPay, {m['calls']:,} calls after warm-up in a fresh process: RSS {m['rss_before_mb']:.1f} -> "
        f"{m['rss_after_mb']:.1f} MB, peak RSS {m['peak_growth_mb']:+.2f} MB, live objects {m['gc_objects_growth']:+d}"
    )


def colour(label: str) -> str:
    """Grey for the floors, red for the peer, blue for this project."""
    return "#888888" if "floor" in label else "#d62728" if "2.0.1" in label else "#1f77b4"


def write_chart(results: dict[str, Any], path: Path) -> None:
    """CPU per call and calls per second, one bar per client, min-max as error bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    clients = list(results["clients"].values())
    labels = [c["label"] for c in clients]
    colours = [colour(c["label"]) for c in clients]
    figure, axes = plt.subplots(1, 2, figsize=(13, 0.6 * len(clients) + 2))
    for axis, metric, title in (
        (axes[0], "cpu_us_per_call", "client CPU per call (µs, lower is better)"),
        (axes[1], "calls_per_second", "calls per second (higher is better)"),
    ):
        medians = [c[metric]["median"] for c in clients]
        errors = [
            [m - c[metric]["min"] for m, c in zip(medians, clients, strict=True)],
            [c[metric]["max"] - m for m, c in zip(medians, clients, strict=True)],
        ]
        axis.barh(labels, medians, xerr=errors, color=colours, capsize=3)
        axis.set_title(title)
        axis.invert_yaxis()
        axis.set_xscale("log")
        for y, c in enumerate(clients):
            ratio = c["cpu_vs_floor"] if metric == "cpu_us_per_call" else c["rate_vs_floor"]
            axis.text(
                c[metric]["max"], y, f"  {c[metric]['median']:,.0f} ({ratio:.2f}x floor)", va="center", fontsize=8
            )
        axis.set_xlim(right=axis.get_xlim()[1] * 4)
    axes[1].set_yticklabels([])
    info = results["machine"]
    figure.suptitle(f"amazonpay bench: {info['cpu']}, {info['cores']} cores, Python {info['python']}", fontsize=10)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


# --- main -------------------------------------------------------------------------------
def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    # 15 sync repetitions (5, then 9, before): a create's paired CPU ratio is within 0.6 % of the
    # floor's in instructions, yet one repetition's ratio spreads over about 0.9-1.2 on this VM, so
    # the median of 9 still ranged 1.04-1.11 over a day's quiet runs; 15 cost 30 s more.
    parser.add_argument("--repetitions", type=int, default=15, help="repetitions of the sync clients")
    parser.add_argument("--async-repetitions", type=int, default=3, help="repetitions of the async clients")
    parser.add_argument("--sync-calls", type=int, default=1000, help="calls per repetition, sync clients")
    parser.add_argument("--peer-calls", type=int, default=100, help="calls per repetition, the (slow) peer")
    parser.add_argument("--async-calls", type=int, default=2000, help="calls per repetition, async clients")
    parser.add_argument("--concurrency", type=int, default=32, help="async calls in flight")
    parser.add_argument("--high-concurrency", type=int, default=256, help="async calls in flight, second measure")
    parser.add_argument("--rounds", type=int, default=5, help="slices of a repetition, variants taking turns")
    parser.add_argument("--memory-calls", type=int, default=100_000)
    # 45, not 15: on a shared VM one pair's difference spreads by ten ms or more either way around a
    # 5 to 7 ms import, so 15 pairs left a median that moved by several ms from run to run.
    parser.add_argument("--import-runs", type=int, default=45, help="fresh interpreters per import statement")
    parser.add_argument("--cold-start-runs", type=int, default=45, help="whole processes of each, floor and ours")
    parser.add_argument(
        "--async-only", action="store_true", help="only the async clients (and their goals): a few minutes less"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results")
    parser.add_argument("--memory-child", nargs=3, metavar=("PORT", "PEM_FILE", "CALLS"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement, against one server; returns the results document."""
    key, pem = throwaway_key()
    with tempfile.TemporaryDirectory() as tmp, bench_server() as port:
        pem_file = Path(tmp) / "private.pem"
        pem_file.write_text(pem)
        setup = Setup(port=port, key=key, pem=pem, pem_file=pem_file)
        print(f"server: 127.0.0.1:{port}, its own process; measuring...", flush=True)
        variants = [] if args.async_only else measure_sync(setup, args)
        variants += measure_async(setup, args, args.concurrency) + measure_async(setup, args, args.high_concurrency)
        results: dict[str, Any] = {
            "config": {k: v for k, v in vars(args).items() if k not in ("output", "memory_child")},
            "clients": summarise(variants),
            "pool_limits": (
                f"max_connections={POOL_LIMITS.max_connections}, "
                f"max_keepalive_connections={POOL_LIMITS.max_keepalive_connections} (httpx's defaults)"
            ),
        }
        if not args.async_only:
            print("  imports, construction, memory...", flush=True)
            results["imports_ms"], results["import_added_ms"] = time_imports(args.import_runs)
            results["construction_ms"] = time_construction(setup, 10)
            results["memory"] = measure_memory(setup, args.memory_calls)
            print("  cold start...", flush=True)
            results["cold_start"] = measure_cold_start(setup, args.cold_start_runs)
    results["goals"] = goals(results)
    return results


def main(argv: Sequence[str]) -> None:
    args = parse_args(argv)
    if args.memory_child:
        port, pem_file, calls = args.memory_child
        memory_child(int(port), Path(pem_file), int(calls))
        return
    info = machine()
    print_machine(info)
    started = time.perf_counter()
    results = {"machine": info, **run(args)}
    results["seconds"] = round(time.perf_counter() - started, 1)
    print_table(results)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    write_chart(results, args.output / "bench.png")
    print(f"\nwrote {args.output / 'bench.json'} and {args.output / 'bench.png'} ({results['seconds']} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
