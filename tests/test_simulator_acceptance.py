"""Every row of the guide's acceptance table (docs/simulator.md), and the simulator's own canonicaliser.

The rows are data (``tests/support/acceptance.py``); each is sent here and must get the
answer the table shows.
"""

from __future__ import annotations

import functools
import json
import ssl
import subprocess
import sys
from typing import Any

import httpx
import pytest

from amazonpay import AmazonPay, NotFoundError
from amazonpay.testing import _routes as routes
from amazonpay.testing._body import ecma_regex
from amazonpay.testing._canonical import canonical_query, canonical_request, query_pairs, string_to_sign
from amazonpay.testing._state import Call, State
from tests.support.acceptance import ROOT, ROWS, Harness, Row, table


@pytest.fixture(scope="module")
def harness() -> Harness:
    return Harness()


@pytest.mark.parametrize("row", ROWS, ids=[row.what for row in ROWS])
def test_row(harness: Harness, row: Row) -> None:
    assert row.send(harness) == row.expected


def test_the_readme_table_is_the_rows() -> None:
    readme = (ROOT / "docs" / "simulator.md").read_text(encoding="utf-8")
    assert table() in readme, (
        "docs/simulator.md's acceptance table is stale: python -m tests.support.acceptance prints it"
    )


# --- the simulator's own canonicaliser ---------------------------------------------------------


VECTORS = json.loads((ROOT / "tests" / "support" / "signing-vectors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[case["name"] for case in VECTORS["cases"]])
def test_canonicaliser_matches_the_published_vectors(case: dict[str, Any]) -> None:
    headers = VECTORS["signed_headers"]
    signed = sorted(headers)
    pairs = [(name, value) for name, value in case["query"]]
    text = canonical_request(case["method"], case["path"], pairs, headers, signed, case["payload"].encode("utf-8"))
    assert text == case["canonical_request"]
    for algorithm, expected in case["string_to_sign"].items():
        assert string_to_sign(algorithm, text) == expected


def test_canonicaliser_matches_the_docs_example() -> None:
    # facts 1: the docs' example canonical request (its body is not shown; its hash is).
    lines = [
        "POST",
        "/live/v2/checkoutSessions",
        "",
        "accept:application/json",
        "content-type:application/json",
        "x-amz-pay-date:20190923T231908Z",
        "x-amz-pay-host:pay-api.amazon.com",
        "x-amz-pay-idempotency-key:cllHyiNvS8cJ8Zas",
        "x-amz-pay-region:na",
        "",
        "accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region",
        "0b6c19dc5bc1883ebd68d3c77ee929922c6b4a59e0a506d96c45e0c024c3295b",
    ]
    assert string_to_sign("AMZN-PAY-RSASSA-PSS", "\n".join(lines)).endswith(
        "885ced931e2840596c11e2429c0e32f5e2521b95cf90f886374d4171788e9c81"
    )


def test_query_plus_is_a_space_and_percent_2b_a_plus() -> None:
    assert query_pairs("q=a+b&r=a%2Bb&s=a%20b&flag") == [("q", "a b"), ("r", "a+b"), ("s", "a b"), ("flag", "")]
    assert canonical_query(query_pairs("q=a+b&A.10=x&A.2=y&A.1=z")) == "A.1=z&A.10=x&A.2=y&q=a%20b"


def test_a_query_signed_by_the_client_verifies(harness: Harness) -> None:
    # The client sends and signs a space as %20 (and a plus as %2B): the simulator must agree.
    pay_client = AmazonPay(
        public_key_id=harness.key_id, private_key=harness.key, region="na", transport=harness.sandbox.transport()
    )
    with pay_client as pay, pytest.raises(NotFoundError) as raised:
        pay.api.get_httpx_client().get("/charges/S01-1", params={"note": "a b+c"})
    assert raised.value.reason_code == "ResourceNotFound"  # authenticated, then no such charge
    assert harness.sandbox.requests[-1].url.endswith("?note=a%20b%2Bc")  # sent as signed: RFC 3986


def test_the_simulator_never_imports_the_clients_signer() -> None:
    # amazonpay/__init__.py imports the signer, so load amazonpay.testing without it and make
    # any import of amazonpay._signing fail.
    code = """
import importlib.abc, importlib.util, sys
from pathlib import Path
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "amazonpay._signing":
            raise ImportError("amazonpay.testing imported the client's signer")
        return None
sys.meta_path.insert(0, Refuse())
folder = Path(sys.argv[1]) / "facade" / "amazonpay"
init = folder / "__init__.py"
spec = importlib.util.spec_from_file_location("amazonpay", init, submodule_search_locations=[str(folder)])
sys.modules["amazonpay"] = importlib.util.module_from_spec(spec)  # its __init__ is not run
import amazonpay.testing
from amazonpay.testing import AmazonPaySandbox
sandbox = AmazonPaySandbox()
sandbox.create_key()
status, _, body = sandbox.handle("GET", "https://pay-api.amazon.com/v2/charges/x", {}, b"")
assert status == 401, (status, body)
assert "amazonpay._signing" not in sys.modules
print("ok")
"""
    run = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=False)
    assert run.stdout.strip() == "ok", run.stderr


# --- ECMA-262 patterns -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        ("^[A-Z]{3}$", "EUR", True),
        ("^[A-Z]{3}$", "EUR\n", False),  # Python's $ would accept it
        (r"^\d+$", "١٢", False),  # ECMA \d is ASCII only
        (r"^[\d.]+$", "1.5", True),
        ("^[$]$", "$", True),  # a $ in a class is a character
        (r"^a\$$", "a$", True),
        ("b", "abc", True),  # unanchored: a search, as in ECMA
    ],
)
def test_patterns_mean_what_ecma_262_means(pattern: str, value: str, matches: bool) -> None:
    assert (ecma_regex(pattern).search(value) is not None) is matches


# --- never a crash, never half-applied --------------------------------------------------------


def test_an_unexpected_error_is_a_500_and_changes_nothing(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    session_id = harness.session()
    before = harness.sandbox.checkout_sessions[session_id]

    def half_then_crash(state: State, call: Call) -> Any:
        session = state.checkout_sessions[call.resource_id]
        session.platform_id = "half-applied"
        state.checkout_sessions["ghost"] = session
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(routes.HANDLERS, "updateCheckoutSession", half_then_crash)
    monkeypatch.setattr(routes, "routes", functools.cache(routes.routes.__wrapped__))
    response = harness.send("PATCH", f"/checkoutSessions/{session_id}", {"platformId": "p"})
    assert response.status_code == 500
    assert response.json()["reasonCode"] == "InternalServerError"
    request_id = response.headers["x-amz-pay-request-id"]
    assert request_id in response.json()["message"]
    assert harness.sandbox.checkout_sessions[session_id] == before
    assert "ghost" not in harness.sandbox.checkout_sessions
    assert any(record.exc_info and request_id in record.getMessage() for record in caplog.records)
    assert harness.sandbox.requests[-1].status == 500


@pytest.mark.parametrize("method", ["HEAD", "OPTIONS", "TRACE", "QUERY", "PUT"])
def test_other_methods_on_an_api_path_get_405_over_http(harness: Harness, method: str) -> None:
    with harness.server() as (host, port), httpx.Client() as client:
        response = client.request(method, f"http://{host}:{port}/v2/checkoutSessions")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.headers["x-amz-pay-request-id"]
    if method != "HEAD":
        assert response.json()["reasonCode"] == "MethodNotAllowed"


def test_https_with_the_certificate_it_makes(harness: Harness) -> None:
    with harness.sandbox.serve(tls=True) as server:
        assert server.url.startswith("https://127.0.0.1:")
        assert server.ca_file is not None
        context = ssl.create_default_context(cafile=str(server.ca_file))
        url, headers, content = harness.build(
            "POST",
            "/checkoutSessions",
            {"storeId": "s", "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/r"}},
            base=server.url + "/v2",
        )
        with httpx.Client(verify=context) as client:
            assert client.post(url, headers=headers, content=content).status_code == 201
        with pytest.raises(httpx.ConnectError), httpx.Client() as untrusting:
            untrusting.get(server.url + "/v2/charges/x")
        ca_file = server.ca_file
    assert not ca_file.exists()  # the CA file it wrote on its own is removed on stop
