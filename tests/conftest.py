"""Shared fixtures of the test suite."""

from __future__ import annotations

import ast
import functools
import importlib
import logging
import os
import pkgutil
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import settings

import amazonpay
import amazonpay._client
import amazonpay._transport
import amazonpay_api
from amazonpay._registry import hide_secrets
from amazonpay._transport import AmazonPayTransport
from amazonpay.testing import AmazonPaySandbox
from tests.support.spec import request_violations

Observer = Callable[[httpx.Request], None]
SECRETS = pytest.StashKey[set[str]]()

# Property tests are reproducible by default (the same examples on every run of the same tests,
# in any order, on any machine, so CI cannot flake); `nox -s explore` runs them with fresh random
# examples, ten times as many. No deadline: an example's wall time says how loaded the machine is
# (under xdist on two busy cores a URL merge took 255 ms), not whether the property holds.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False, database=None, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Hypothesis draws some examples from the constants (strings, numbers) of the project's modules
# imported so far, looked up again whenever sys.modules changes size. Ours import most of their
# modules on first use, so a test's examples would depend on which tests ran before it in its
# process (an xdist worker). All imported before the first test, every test draws from the same
# constants (tests/test_properties.py checks it).
for _module in (
    *pkgutil.walk_packages(amazonpay.__path__, "amazonpay."),
    *pkgutil.walk_packages(amazonpay_api.__path__, "amazonpay_api."),
):
    importlib.import_module(_module.name)


# --- every request the facade prepares is shown to the observers below ---------------------
@pytest.fixture(autouse=True)
def prepared_requests(monkeypatch: pytest.MonkeyPatch) -> list[Observer]:
    """Observers called with each request right after it is stamped and signed."""
    observers: list[Observer] = []
    prepare = AmazonPayTransport._prepare

    def prepare_and_observe(self: AmazonPayTransport, request: httpx.Request, attempts: Any) -> None:
        prepare(self, request, attempts)
        for observe in observers:
            observe(request)

    monkeypatch.setattr(AmazonPayTransport, "_prepare", prepare_and_observe)
    return observers


# --- contract: every request the facade emits matches the effective spec -----------------
@pytest.fixture(autouse=True)
def requests_match_the_spec(request: pytest.FixtureRequest, prepared_requests: list[Observer]) -> Iterator[None]:
    """Validate each prepared request (path, method, headers, body) against the effective spec.

    Opt out with ``@pytest.mark.spec_violations_expected`` where a test sends a request the
    spec forbids on purpose, or where another validator (Prism) checks it.
    """
    if request.node.get_closest_marker("spec_violations_expected"):
        yield
        return
    violations: list[str] = []
    prepared_requests.append(lambda sent: violations.extend(request_violations(sent)))
    yield
    assert not violations, "requests that violate the effective spec:\n" + "\n".join(violations)


# --- secrets: never in logs (at DEBUG), reprs, exception messages or failure reports -------
@pytest.fixture(autouse=True)
def secrets_stay_secret(
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
    prepared_requests: list[Observer],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[None]:
    """Collect every private key, authorization header, signature, auth token and secret path value the test used;
    scan the logs."""
    caplog.set_level(logging.DEBUG)
    secrets: set[str] = set()
    request.node.stash[SECRETS] = secrets

    def note_authorization(sent: httpx.Request) -> None:
        authorization = sent.headers["authorization"]
        secrets.update({authorization, authorization.rsplit("Signature=", 1)[-1]})
        if "x-amz-pay-authtoken" in sent.headers:  # a solution provider's delegated credential
            secrets.add(sent.headers["x-amz-pay-authtoken"])
        # Secret path parameters (x-amazonpay-secret: the MWS auth token, amzn.mws. and a UUID), as
        # sent and decoded; a generated id of a few characters would be found in any text by chance.
        _, values = hide_secrets(sent.method, sent.url.raw_path.split(b"?", 1)[0].decode("ascii"))
        secrets.update(
            form
            for value in values
            for form in (value, unquote(value))
            if len(form) >= 8 and form not in _strings_of_our_code()
        )

    load = amazonpay._client.load_private_key

    def load_and_note(*args: Any, **kwargs: Any) -> rsa.RSAPrivateKey:
        key = load(*args, **kwargs)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        secrets.update(line for line in pem.decode().splitlines() if len(line) == 64)
        return key

    prepared_requests.append(note_authorization)
    monkeypatch.setattr(amazonpay._client, "load_private_key", load_and_note)
    yield
    records = caplog.get_records("setup") + caplog.get_records("call")  # caplog.text is teardown's only
    logged = "".join(f"{record.getMessage()}{record.args!r}{record.exc_text or ''}" for record in records)
    leaked = sorted(secret[:12] + "..." for secret in secrets if secret in logged)
    assert not leaked, f"secrets appeared in log output (first characters shown): {leaked}"


@functools.cache
def _strings_of_our_code() -> frozenset[str]:
    """Every string constant of the project's own modules (its tests aside).

    Hypothesis draws some text examples from these (its "local constants": see the imports
    after the profiles): a property test's path id "merchantId" is found in the log line of a
    request whose query has merchantId, not leaked. A real secret (an MWS auth token) never
    equals one of them.
    """
    root = Path(__file__).resolve().parent.parent
    return frozenset(
        node.value
        for folder in ("facade", "generated", "examples", "scripts")
        for path in (root / folder).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    """Fail a test whose failure report (exception messages, tracebacks) shows a secret it used."""
    report = yield
    secrets = item.stash.get(SECRETS, set())
    if report.longrepr is not None and secrets:
        text = str(report.longrepr)
        if any(secret in text for secret in secrets):
            report.outcome = "failed"
            report.longrepr = "a private key, signature or authorization header appeared in this test's failure report"
    return report


# --- the simulator: from the amazonpay pytest plugin (amazon_pay_sandbox, amazon_pay, ...) --
@pytest.fixture
def sandbox(amazon_pay_sandbox: AmazonPaySandbox) -> AmazonPaySandbox:
    """A fresh simulator: the plugin's ``amazon_pay_sandbox``, under the name the simulator tests use."""
    return amazon_pay_sandbox


# --- the facade unit tests' server double, clock, key and clients ---------------------------
START = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sent:
    """One attempt as the server double received it (httpx reuses the request object across
    retries, so the headers and body are copied when the attempt arrives)."""

    method: str
    url: httpx.URL
    headers: dict[str, str]  # lower-case names
    content: bytes
    extensions: dict[str, Any]


Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Recorder(httpx.MockTransport):
    """A MockTransport that records every attempt and answers from a queue, then a default.

    ``queue(...)`` takes responses, exceptions (raised, e.g. ``httpx.ConnectError``) or
    handlers; once the queue is empty every attempt gets ``default`` (200 ``{}`` unless set).
    """

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.replies: list[Reply] = []
        self.default: Reply = lambda request: httpx.Response(200, json={})
        self.closed = False
        super().__init__(self._answer)

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(
            Sent(
                request.method,
                request.url,
                {name.lower(): value for name, value in request.headers.items()},
                request.content,
                dict(request.extensions),
            )
        )
        reply = self.replies.pop(0) if self.replies else self.default
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return reply(request)

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class FakeClock:
    """A clock for ``clock=``: one second later on every call, so each attempt's date differs."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start
        self.calls = 0

    def __call__(self) -> datetime:
        value = self.now
        self.now += timedelta(seconds=1)
        self.calls += 1
        return value


@pytest.fixture(scope="session")
def rsa_key() -> rsa.RSAPrivateKey:
    """The RSA-2048 private key the unit tests sign with (made once per session)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def public_key(rsa_key: rsa.RSAPrivateKey) -> rsa.RSAPublicKey:
    """The public half of ``rsa_key``: what Amazon Pay verifies signatures with."""
    return rsa_key.public_key()


@pytest.fixture(scope="session")
def private_pem(rsa_key: rsa.RSAPrivateKey) -> bytes:
    """``rsa_key`` as the PKCS#8 PEM Seller Central hands out."""
    return rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.fixture
def transport() -> Recorder:
    """A recording server double; configure its answers with ``queue`` and ``default``."""
    return Recorder()


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock that advances one second per reading."""
    return FakeClock()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Make retry sleeps instant (sync and async); the list records each requested delay."""
    delays: list[float] = []

    def sleep(seconds: float) -> None:
        delays.append(seconds)

    async def async_sleep(seconds: float) -> None:
        delays.append(seconds)

    monkeypatch.setattr(amazonpay._transport.time, "sleep", sleep)
    monkeypatch.setattr(amazonpay._transport.anyio, "sleep", async_sleep)
    return delays


@pytest.fixture
def anyio_backend() -> str:
    """Async tests (``@pytest.mark.anyio``) run on asyncio."""
    return "asyncio"


@pytest.fixture
def pay(rsa_key: rsa.RSAPrivateKey, transport: Recorder, clock: FakeClock) -> Iterator[amazonpay.AmazonPay]:
    """A sync client (sandbox key id, eu) talking to ``transport``, dated by ``clock``."""
    with amazonpay.AmazonPay(
        public_key_id="SANDBOX-AEUNITTEST", private_key=rsa_key, region="eu", transport=transport, clock=clock
    ) as client:
        yield client


@pytest.fixture
async def async_pay(
    rsa_key: rsa.RSAPrivateKey, transport: Recorder, clock: FakeClock
) -> AsyncIterator[amazonpay.AsyncAmazonPay]:
    """The async twin of ``pay`` (use from ``@pytest.mark.anyio`` tests)."""
    async with amazonpay.AsyncAmazonPay(
        public_key_id="SANDBOX-AEUNITTEST", private_key=rsa_key, region="eu", transport=transport, clock=clock
    ) as client:
        yield client
