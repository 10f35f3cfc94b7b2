"""Secrets (the private key, signatures, authorization headers) stay out of reprs, logs and errors."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import httpx
import pytest

from amazonpay import AmazonPay, AmazonPayError, AsyncAmazonPay
from tests.support.operations import BY_NAME, CREATE_CHARGE_BODY

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.conftest import Recorder


def pem_lines(private_pem: bytes) -> list[str]:
    return [line for line in private_pem.decode().splitlines() if line]


def sent_secrets(transport: Recorder) -> list[str]:
    """Every authorization header the transport saw, and the signature inside each."""
    secrets = []
    for sent in transport.sent:
        authorization = sent.headers["authorization"]
        secrets += [authorization, authorization.rsplit("Signature=", 1)[1]]
    return secrets


def assert_free_of(text: str, secrets: list[str]) -> None:
    leaked = [secret[:16] + "..." for secret in secrets if secret in text]
    assert not leaked, f"secrets found: {leaked}"


@pytest.mark.parametrize("source", ["object", "pem"])
def test_repr_shows_region_environment_and_key_id_only(
    source: str, rsa_key: rsa.RSAPrivateKey, private_pem: bytes, transport: Recorder
) -> None:
    private_key = rsa_key if source == "object" else private_pem
    with AmazonPay(public_key_id="SANDBOX-AEREPR", private_key=private_key, region="de", transport=transport) as pay:
        for text in (repr(pay), str(pay)):
            assert "region='eu'" in text
            assert "environment='sandbox'" in text
            assert "public_key_id='SANDBOX-AEREPR'" in text
            assert "PRIVATE KEY" not in text
            assert "RSAPrivateKey" not in text
            assert "object at 0x" not in text
            assert_free_of(text, pem_lines(private_pem))
        assert "RSAPrivateKey" not in repr(pay._config.credentials)
        assert "RSAPrivateKey" not in repr(pay._http._transport)


@pytest.mark.anyio
async def test_async_repr(rsa_key: rsa.RSAPrivateKey, transport: Recorder) -> None:
    async with AsyncAmazonPay(
        public_key_id="LIVE-AJREPR", private_key=rsa_key, region="jp", transport=transport
    ) as pay:
        text = repr(pay)
    assert text.startswith("AsyncAmazonPay(region='jp', environment='live', public_key_id='LIVE-AJREPR'")
    assert "RSAPrivateKey" not in text


def test_logs_and_errors_never_show_secrets(
    caplog: pytest.LogCaptureFixture,
    rsa_key: rsa.RSAPrivateKey,
    private_pem: bytes,
    transport: Recorder,
    sleeps: list[float],
) -> None:
    caplog.set_level(logging.DEBUG)
    errors: list[AmazonPayError] = []
    with AmazonPay(public_key_id="LIVE-AELOGS", private_key=private_pem, region="eu", transport=transport) as pay:
        transport.queue(
            BY_NAME["charges.get"].answer(),
            httpx.Response(503, json={"reasonCode": "ServiceUnavailable", "message": "later"}),
            BY_NAME["charges.create"].answer(),
            httpx.Response(
                401,
                json={
                    "reasonCode": "InvalidRequestSignature",
                    "message": "String to sign: 'AMZN-PAY-RSASSA-PSS-V2\nabc'",
                },
                headers={"x-amz-pay-request-id": "req-401"},
            ),
        )
        transport.default = lambda request: (_ for _ in ()).throw(httpx.ConnectError("connection reset"))
        pay.charges.get("S02-1-C1")
        pay.charges.create(CREATE_CHARGE_BODY, simulation_code="SoftDeclined")
        for failing in (lambda: pay.charges.get("S02-1-C2"), lambda: pay.refunds.get("S02-1-R1", max_retries=1)):
            with pytest.raises(AmazonPayError) as raised:
                failing()
            errors.append(raised.value)

    secrets = sent_secrets(transport) + pem_lines(private_pem)
    assert len(transport.sent) == 6
    records = caplog.get_records("call")
    assert any(record.levelno == logging.DEBUG and record.name == "amazonpay" for record in records)
    assert any(record.levelno == logging.INFO and "retrying" in record.getMessage() for record in records)
    for record in records:
        assert_free_of(record.getMessage(), secrets)
        assert_free_of(repr(record.__dict__), secrets)
    assert_free_of(caplog.text, secrets)
    for error in errors:
        assert_free_of(str(error), secrets)
        assert_free_of(repr(error), secrets)
        assert_free_of(repr(vars(error)), secrets)
