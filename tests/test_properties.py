"""Property tests (hypothesis): the signer against an independent re-implementation, ids that
can never change a path, and response bodies the spec allows, with fields it does not know yet;
and a test's examples, the same whatever tests ran before it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import jsonschema_rs
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation.jsonschema.builder import build

from amazonpay import AmazonPay
from amazonpay._signing import canonical_request, signed_header_names
from tests.support import independent_signing
from tests.support.operations import BY_OPERATION_ID, OPERATIONS, Operation
from tests.support.spec import operations, response_schemas

# Hypothesis calls each test many times with one set of fixtures; ours are session-wide or
# read-only, so the function-scoped-fixture health check does not apply. The profile (see
# conftest.py) decides whether examples are derandomised (CI) or explored (nox -s explore).
SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "explore" else 1
SETTINGS = settings(
    max_examples=150 * SCALE,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
BASE_PATH = "/v2"
ROOT = Path(__file__).parents[1]
KEY_ID = "SANDBOX-AEPROPERTY"

# Text as a user or a server could hand it to us: any code point but lone surrogates, which
# cannot be encoded as UTF-8 and so cannot be sent at all.
any_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
header_value = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40).filter(
    lambda value: value.strip() != ""
)
header_name = st.one_of(
    st.from_regex(r"x-amz-pay-[a-z0-9-]{1,20}", fullmatch=True),
    st.sampled_from(["accept", "content-type", "user-agent", "x-custom", "amz-pay-lookalike"]),
)


@SETTINGS
@given(
    method=st.sampled_from(["GET", "POST", "PATCH", "DELETE", "get"]),
    path=any_text,
    query=st.lists(st.tuples(any_text, any_text), max_size=5),
    headers=st.dictionaries(header_name, header_value, max_size=6),
    body=st.binary(max_size=200),
)
def test_canonical_request_matches_an_independent_implementation(
    method: str, path: str, query: list[tuple[str, str]], headers: dict[str, str], body: bytes
) -> None:
    """Any path, query pairs, header values and body: no crash, and the same canonical form."""
    names = signed_header_names(headers)
    expected_names = sorted(n for n in headers if n in ("accept", "content-type") or n.startswith("x-amz-pay-"))
    assert names == expected_names
    assert "user-agent" not in names
    ours = canonical_request(method, path, query, headers, body, names)
    assert ours == independent_signing.canonical(method, path, query, headers, body, names)


def _with_ids(operation: Operation, value: str) -> Operation:
    return dataclasses.replace(operation, ids=dict.fromkeys(operation.ids, value))


# Any id a caller could pass that the facade accepts: not empty, no "/", not a dot segment.
acceptable_id = any_text.filter(lambda value: value.strip() != "" and "/" not in value and value not in (".", ".."))


@pytest.mark.parametrize("operation", [op for op in OPERATIONS if op.ids], ids=lambda op: op.name)
@SETTINGS
@given(identifier=acceptable_id)
def test_an_id_stays_one_path_segment_and_the_request_verifies(
    operation: Operation, identifier: str, rsa_key: rsa.RSAPrivateKey, public_key: rsa.RSAPublicKey
) -> None:
    """``?``, ``#``, ``%``, ``..%2f``, spaces or any Unicode in an id cannot change the path.

    The request that leaves the client has the operation's path with the id as one encoded
    segment, and its signature verifies over that path with an independent verifier.
    """
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(operation.status, json=operation.reply)

    call = _with_ids(operation, identifier)
    with AmazonPay(
        public_key_id=KEY_ID, private_key=rsa_key, region="eu", transport=httpx.MockTransport(answer)
    ) as pay:
        call.call(pay)
    (request,) = sent
    segments = request.url.raw_path.decode("ascii").split("?")[0].split("/")
    template = (BASE_PATH + operation.path).split("/")
    assert len(segments) == len(template), request.url.raw_path
    assert request.url.query == operation.query_string
    replaced = [i for i, (got, want) in enumerate(zip(segments, template, strict=True)) if got != want]
    for index in replaced:
        assert template[index] in operation.ids.values()
        assert unquote(segments[index]) == identifier
    verified = independent_signing.verify_request(
        public_key, request.method, str(request.url), dict(request.headers), request.content
    )
    assert verified.key_id == KEY_ID


def _object_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The branch of ``schema`` that describes a JSON object (``anyOf`` [Price, string, null] -> Price)."""
    for option in schema.get("anyOf", []):
        types = option.get("type", "object")
        if "object" in ([types] if isinstance(types, str) else types) and (
            "properties" in option or "additionalProperties" in option
        ):
            return option
    return schema


def _with_unknown_fields(value: Any, schema: dict[str, Any], extra: Any) -> Any:
    """``value`` with a field no schema knows added to every record object in it.

    A map (an object whose schema has ``additionalProperties`` and no ``properties``, such as
    the restrictions by country) gets no new key: any key of a map is known, and its value
    must follow the map's schema.
    """
    if isinstance(value, dict):
        schema = _object_schema(schema)
        properties = schema.get("properties", {})
        values = schema.get("additionalProperties") if isinstance(schema.get("additionalProperties"), dict) else {}
        out = {k: _with_unknown_fields(v, properties.get(k, values), extra) for k, v in value.items()}
        return {**out, "zzFieldAddedLater": extra} if properties or not values else out
    if isinstance(value, list):
        return [_with_unknown_fields(item, schema.get("items", {}), extra) for item in value]
    return value


def test_a_map_gets_no_unknown_key_but_its_records_do() -> None:
    """The generator's own rule, on the schema that made it flaky (deliverySpecifications)."""
    restriction = {"type": "object", "properties": {"zipCodes": {"type": "array", "items": {"type": "string"}}}}
    schema = {"type": "object", "properties": {"restrictions": {"type": "object", "additionalProperties": restriction}}}
    value = {"restrictions": {"US": {"zipCodes": ["1"]}}}
    assert _with_unknown_fields(value, schema, 5) == {
        "restrictions": {"US": {"zipCodes": ["1"], "zzFieldAddedLater": 5}},
        "zzFieldAddedLater": 5,
    }


SUCCESS_CASES = [
    (BY_OPERATION_ID[operation_id], status, schema)
    for operation_id, _method, _path, spec_operation in operations()
    for status, schema in response_schemas(spec_operation)
    if 200 <= status < 300
]


@pytest.mark.parametrize(
    ("operation", "status", "schema"), SUCCESS_CASES, ids=[f"{op.name}-{status}" for op, status, _ in SUCCESS_CASES]
)
@settings(max_examples=40 * SCALE, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_success_body_the_spec_allows_plus_unknown_fields_parses_through_the_facade(
    operation: Operation, status: int, schema: dict[str, Any], data: st.DataObject, rsa_key: rsa.RSAPrivateKey
) -> None:
    """What a newer service version may send (fields added at any depth) reaches the caller intact."""
    body = data.draw(build(schema, draft=jsonschema_rs.Draft202012, formats={}))
    extra = data.draw(st.one_of(st.none(), st.integers(), any_text, st.lists(st.integers(), max_size=2)))
    body = _with_unknown_fields(body, schema, extra)
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    with AmazonPay(public_key_id=KEY_ID, private_key=rsa_key, region="eu", transport=transport) as pay:
        result = operation.call(pay)
    assert isinstance(result, operation.model)
    assert result.to_dict() == json.loads(json.dumps(body))


def test_the_example_that_made_ci_flaky_parses(rsa_key: rsa.RSAPrivateKey) -> None:
    """A Checkout Session with address restrictions by country, unknown fields added: it parses."""
    operation = BY_OPERATION_ID["getCheckoutSession"]
    ((_, schema),) = [(status, schema) for op, status, schema in SUCCESS_CASES if op is operation]
    restrictions = {"US": {"zipCodes": ["12345"]}}
    body = {
        "checkoutSessionId": "CS-1",
        "statusDetails": {"state": "Open"},
        "deliverySpecifications": {"addressRestrictions": {"type": "Allowed", "restrictions": restrictions}},
    }
    body = _with_unknown_fields(body, schema, 5)
    assert set(body["deliverySpecifications"]["addressRestrictions"]["restrictions"]) == {"US"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    with AmazonPay(public_key_id=KEY_ID, private_key=rsa_key, region="eu", transport=transport) as pay:
        result = operation.call(pay)
    assert result.to_dict() == body


def _drawn_examples(*node_ids: str) -> list[str]:
    """The examples the last of ``node_ids`` drew, the tests run in that order in a new process."""
    run = subprocess.run(
        [sys.executable, "-m", "tests.support.drawn_examples", *node_ids],
        cwd=ROOT,
        env={**os.environ, "HYPOTHESIS_PROFILE": "ci"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    drawn: list[str] = json.loads(run.stdout.splitlines()[-1])
    return drawn


def test_a_property_test_gets_the_same_examples_whatever_ran_before_it() -> None:
    """Hypothesis draws some examples from the constants of our modules imported so far. Under
    xdist, which of ours a worker has imported depends on the tests it ran before (a client call
    imports models on first use); in the CI profile a test gets the same examples in any order."""
    signer = f"tests/test_properties.py::{test_canonical_request_matches_an_independent_implementation.__name__}"
    a_call = f"tests/test_properties.py::{test_the_example_that_made_ci_flaky_parses.__name__}"
    alone = _drawn_examples(signer)
    after_a_call = _drawn_examples(a_call, signer)
    assert alone, "no example noted"
    assert after_a_call == alone
