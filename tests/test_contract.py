"""Contract tests: generated models against spec-generated bodies, and the Prism mock server.

Run with ``nox -s contract`` (they carry the ``contract`` marker). Every request the rest of
the suite emits is also checked against the effective spec, by the autouse fixture in
conftest.py.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import jsonschema_rs
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation.jsonschema.builder import build

import amazonpay_api.api
from amazonpay import AmazonPay
from amazonpay_api import Client
from tests.support.operations import OPERATIONS
from tests.support.spec import ROOT, operations, response_schemas, snake_case

pytestmark = pytest.mark.contract

PRISM_VERSION = "5.16.0"
PRISM_DIR = ROOT / ".cache" / f"prism-{PRISM_VERSION}"


def _operation_modules() -> dict[str, ModuleType]:
    modules = {}
    for tag in pkgutil.iter_modules(amazonpay_api.api.__path__):
        package = importlib.import_module(f"amazonpay_api.api.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            modules[op.name] = importlib.import_module(f"amazonpay_api.api.{tag.name}.{op.name}")
    return modules


MODULES = _operation_modules()
CASES = [
    pytest.param(operation_id, status, schema, id=f"{operation_id}-{status}")
    for operation_id, _method, _path, operation in operations()
    for status, schema in response_schemas(operation)
]


def _round_trip(value: Any) -> Any:
    """What a model's to_dict gives back: JSON numbers keep their JSON spelling."""
    return json.loads(json.dumps(value))


@pytest.mark.parametrize(("operation_id", "status", "schema"), CASES)
def test_spec_generated_bodies_parse_into_the_generated_models(
    operation_id: str, status: int, schema: dict[str, Any]
) -> None:
    """Any body the spec allows (schemathesis' generator; unknown extra fields included) parses."""
    module = MODULES[snake_case(operation_id)]
    client = Client(base_url="https://pay-api.amazon.eu/v2", raise_on_unexpected_status=True)
    bodies = build(schema, draft=jsonschema_rs.Draft202012, formats={})

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.data())
    def parses(data: st.DataObject) -> None:
        body = data.draw(bodies)
        response = module._build_response(client=client, response=httpx.Response(status, json=body))
        assert response.parsed is not None
        assert response.parsed.to_dict() == _round_trip(body)

    parses()


# --- Prism: a second, independent opinion -------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prism_binary() -> Path:
    """Prism from the npm registry, pinned, installed once into .cache/."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("Node.js (node and npm) is not installed: the Prism check needs it; install Node.js 18+")
    binary = PRISM_DIR / "node_modules" / ".bin" / "prism"
    if not binary.exists():
        PRISM_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(PRISM_DIR), "--no-audit", "--no-fund", "--loglevel=error",
             f"@stoplight/prism-cli@{PRISM_VERSION}"],
            check=True,
            timeout=600,
        )  # fmt: skip
    return binary


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    """A Prism mock of the effective spec on 127.0.0.1: dynamic bodies, violations as errors."""
    port = _free_port()
    process = subprocess.Popen(
        [str(_prism_binary()), "mock", str(ROOT / "openapi" / "amazon-pay-api.effective.yml"),
         "-h", "127.0.0.1", "-p", str(port), "--dynamic", "--errors"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    pytest.fail(f"Prism exited: {process.stdout.read() if process.stdout else ''}")
                time.sleep(0.3)
        else:
            pytest.fail("Prism did not start within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


class _Recorder(httpx.HTTPTransport):
    """The network transport, noting each answer's status and Prism's violations header."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[tuple[str, str, int, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.answers.append(
            (request.method, request.url.path, response.status_code, response.headers.get("sl-violations"))
        )
        return response


# Prism serves the spec's paths at its root (/charges), a layout no server of the spec has,
# so the local validator cannot match these requests: Prism validates them itself.
@pytest.mark.spec_violations_expected
def test_prism_finds_no_violation_in_any_operation(prism_url: str) -> None:
    """Every operation of the spec through the facade: Prism accepts the request and the body parses."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    recorder = _Recorder()
    with AmazonPay(
        public_key_id="SANDBOX-AEPRISMCHECK",
        private_key=pem,
        region="eu",
        base_url=prism_url,
        transport=recorder,
        max_retries=0,
    ) as pay:
        for operation in OPERATIONS:
            assert isinstance(operation.call(pay, auth_token="Atza|prism"), operation.model), operation.name
    assert len(recorder.answers) == len(OPERATIONS)
    problems = [answer for answer in recorder.answers if answer[2] >= 400 or answer[3]]
    assert not problems, f"Prism reported: {problems}"
