"""Schemathesis hooks for fuzzing the simulator: every generated request is signed as sent.

Loaded by ``st run`` through ``SCHEMATHESIS_HOOKS=tests.support.fuzz_hooks`` (see
``tests/test_fuzz_simulator.py``); the key and where the simulator listens come from the
environment. The signature is computed over the prepared request (its final bytes) with the
client's signer, ``amazonpay._signing``, and verified by the simulator's own canonicaliser.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import requests
import schemathesis
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from amazonpay._signing import authorization_header


class Signer(requests.auth.AuthBase):
    """Stamp the headers the client library owns and sign the request as it will be sent."""

    def __init__(self) -> None:
        key = serialization.load_pem_private_key(Path(os.environ["FUZZ_KEY_FILE"]).read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        self.key = key
        self.key_id = os.environ["FUZZ_KEY_ID"]

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        url = urlsplit(request.url or "")
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = request.headers
        headers.setdefault("accept", "application/json")
        headers.setdefault("content-type", "application/json")
        headers["x-amz-pay-date"] = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        headers["x-amz-pay-host"] = url.netloc
        headers["x-amz-pay-region"] = "na"
        if request.method == "POST":
            headers["x-amz-pay-idempotency-key"] = uuid.uuid4().hex
        headers["authorization"] = authorization_header(
            method=request.method or "GET",
            path=unquote(url.path),
            query=parse_qsl(url.query, keep_blank_values=True),
            headers=dict(headers.items()),
            body=body,
            key=self.key,
            public_key_id=self.key_id,
            algorithm="AMZN-PAY-RSASSA-PSS-V2",
        )
        return request


schemathesis.auth.set_from_requests(Signer())


# --- reaching the handlers: ids that exist --------------------------------------------------
# Drawn ids never exist, so every operation on one would stop at 404. The test seeds objects
# (FUZZ_IDS: path parameter name -> ids) and positive cases use them; negative cases keep the
# drawn value, whose rejection is what they test.
SEEDED: dict[str, list[str]] = json.loads(os.environ.get("FUZZ_IDS", "{}"))


@schemathesis.hook
def map_case(context: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
    """Positive cases address seeded objects, in the path and in the body (chosen by the drawn id)."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return case
    for values in (case.path_parameters, case.body):
        if isinstance(values, dict):
            for name, drawn in list(values.items()):
                ids = SEEDED.get(name)
                if ids and isinstance(drawn, str):
                    values[name] = ids[int(hashlib.sha256(drawn.encode()).hexdigest(), 16) % len(ids)]
    return case


# --- positive data is refused only by business rules -------------------------------------------
# The schema cannot state some of the service's rules: the cap per currency (150,000 USD),
# decimals per currency (JPY has none), a currency that must match the charge's, an amount that
# must match the session's, and state (422). So positive data may get 400 and 422 (see the
# config), but a 400 must then name one of those rules, never a schema rule.
BUSINESS_RULES = frozenset(
    {"TransactionAmountExceeded", "PeriodicAmountExceeded", "CurrencyMismatch", "InvalidParameterValue"}
)
SCHEMA_MESSAGE = "Invalid value for parameter"


@schemathesis.check
def positive_data_refused_only_by_business_rules(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> bool | None:
    """A schema-valid request that gets 400 was refused by a rule the schema cannot state."""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 400:
        return None
    body = response.json()
    reason, message = body.get("reasonCode"), body.get("message", "")
    if reason not in BUSINESS_RULES or message.startswith(SCHEMA_MESSAGE):
        raise AssertionError(f"a schema-valid request was refused by a schema rule: {reason}: {message}")
    return None
