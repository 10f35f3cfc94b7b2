"""The spec validator that checks every request of the suite can fail (see conftest.py)."""

from __future__ import annotations

import httpx
import pytest

from tests.support.spec import request_violations

GOOD_HEADERS = {
    "accept": "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": "20261122T101010Z",
    "x-amz-pay-host": "pay-api.amazon.eu",
    "x-amz-pay-region": "eu",
    "authorization": "AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=X, SignedHeaders=accept, Signature=AA==",
}
BODY = b'{"chargePermissionId": "S02-1", "chargeAmount": {"amount": "1.00", "currencyCode": "EUR"}}'


def _post(
    headers: dict[str, str], body: bytes = BODY, url: str = "https://pay-api.amazon.eu/v2/charges"
) -> httpx.Request:
    return httpx.Request("POST", url, headers=headers, content=body)


def test_a_valid_create_charge_passes() -> None:
    assert request_violations(_post({**GOOD_HEADERS, "x-amz-pay-idempotency-key": "a" * 32})) == []


@pytest.mark.parametrize(
    ("change", "body"),
    [
        ({"x-amz-pay-idempotency-key": "a" * 33}, BODY),
        ({"x-amz-pay-idempotency-key": "a b"}, BODY),
        ({}, BODY),  # no idempotency key on a create
        ({"x-amz-pay-idempotency-key": "k", "x-amz-pay-region": "us"}, BODY),
        ({"x-amz-pay-idempotency-key": "k", "x-amz-pay-date": "2026-11-22T10:10:10Z"}, BODY),
        ({"x-amz-pay-idempotency-key": "k", "x-amz-pay-host": "example.com"}, BODY),
        ({"x-amz-pay-idempotency-key": "k"}, b'{"chargePermissionId": "S02-1"}'),
        (
            {"x-amz-pay-idempotency-key": "k"},
            b'{"chargePermissionId": "S02-1", "chargeAmount": {"amount": "ten", "currencyCode": "EUR"}}',
        ),
    ],
)
def test_violations_are_found(change: dict[str, str], body: bytes) -> None:
    assert request_violations(_post({**GOOD_HEADERS, **change}, body)) != []


def test_an_unknown_path_is_a_violation() -> None:
    request = _post({**GOOD_HEADERS, "x-amz-pay-idempotency-key": "k"}, url="https://pay-api.amazon.eu/v2/chargez")
    assert request_violations(request) != []
