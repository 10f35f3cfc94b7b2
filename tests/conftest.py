"""Shared fixtures of the test suite."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

import amazonpay._client
from amazonpay._transport import AmazonPayTransport
from tests.support.spec import request_violations

Observer = Callable[[httpx.Request], None]
SECRETS = pytest.StashKey[set[str]]()


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
    """Collect every private key, authorization header and signature the test used; scan the logs."""
    caplog.set_level(logging.DEBUG)
    secrets: set[str] = set()
    request.node.stash[SECRETS] = secrets

    def note_authorization(sent: httpx.Request) -> None:
        authorization = sent.headers["authorization"]
        secrets.update({authorization, authorization.rsplit("Signature=", 1)[-1]})

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
