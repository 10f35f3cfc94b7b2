"""Report downloads and file uploads: the pre-signed URL is used at once, unsigned, https only.

The server double plays both Amazon Pay and the storage host (one network transport, as in
production), so a client that signed the storage request or sent Amazon Pay headers there
would be seen doing it.
"""

from __future__ import annotations

import io
from pathlib import Path

import httpx
import pytest

from amazonpay import (
    AmazonPay,
    AsyncAmazonPay,
    ConfigurationError,
    DownloadExpiredError,
    StorageError,
    request_options,
)
from tests.conftest import Recorder

SIGNED_QUERY = "X-Amz-Signature=0123456789abcdef&X-Amz-Expires=30"
DOCUMENT_URL = f"https://amazonpay-reports.s3.amazonaws.com/doc-1?{SIGNED_QUERY}"
REPORT = b"TransactionType,Amount\nCapture,10.00\nRefund,-2.00\n"


def _document(url: str = DOCUMENT_URL) -> httpx.Response:
    return httpx.Response(200, json={"reportDocumentId": "D1", "url": url, "compressionAlgorithm": "N/A"})


def _assert_unsigned(transport: Recorder, index: int, host: str) -> None:
    sent = transport.sent[index]
    assert sent.url.host == host
    assert "authorization" not in sent.headers
    assert not [name for name in sent.headers if name.startswith("x-amz-pay-")]


def test_download_gets_the_document_then_fetches_its_url_unsigned(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(_document(), httpx.Response(200, content=REPORT))

    data = pay.reports.download("D1")

    assert data == REPORT
    assert transport.sent[0].url.path == "/v2/report-documents/D1"
    assert "authorization" in transport.sent[0].headers
    _assert_unsigned(transport, 1, "amazonpay-reports.s3.amazonaws.com")
    assert transport.sent[1].url.query.decode() == SIGNED_QUERY  # the pre-signed URL as given


def test_download_streams_into_a_file(pay: AmazonPay, transport: Recorder, tmp_path: Path) -> None:
    transport.queue(_document(), httpx.Response(200, content=REPORT))
    target = tmp_path / "settlement.csv"

    written = pay.reports.download("D1", to=target)

    assert written == len(REPORT)
    assert target.read_bytes() == REPORT
    assert not (tmp_path / "settlement.csv.part").exists()


def test_download_writes_into_a_binary_file_object(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(_document(), httpx.Response(200, content=REPORT))
    buffer = io.BytesIO()

    assert pay.reports.download("D1", to=buffer) == len(REPORT)
    assert buffer.getvalue() == REPORT


def test_an_expired_url_is_a_typed_error_saying_to_fetch_the_document_again(
    pay: AmazonPay, transport: Recorder
) -> None:
    transport.queue(_document(), httpx.Response(403, content=b"<Error><Code>AccessDenied</Code></Error>"))

    with pytest.raises(DownloadExpiredError, match=r"expired .* call download\(\) again") as raised:
        pay.reports.download("D1")

    assert raised.value.status == 403
    assert "X-Amz-Signature" not in str(raised.value)  # the URL's credential is not shown
    assert isinstance(raised.value, StorageError)


@pytest.mark.parametrize(
    "url",
    ["http://amazonpay-reports.s3.amazonaws.com/doc-1", "ftp://example.com/doc", "file:///etc/passwd"],
)
def test_a_url_that_is_not_https_is_refused_without_fetching_it(pay: AmazonPay, transport: Recorder, url: str) -> None:
    transport.queue(_document(url))

    with pytest.raises(StorageError, match="only https"):
        pay.reports.download("D1")

    assert len(transport.sent) == 1  # only the signed API call


@pytest.mark.parametrize("host", ["127.0.0.1:8443", "localhost:9000", "[::1]:8080"])
def test_plain_http_on_loopback_is_allowed_for_a_simulator(pay: AmazonPay, transport: Recorder, host: str) -> None:
    transport.queue(_document(f"http://{host}/storage/doc-1"), httpx.Response(200, content=REPORT))

    assert pay.reports.download("D1") == REPORT


def test_a_redirect_from_the_storage_host_is_not_followed(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(_document(), httpx.Response(302, headers={"location": "https://elsewhere.example/"}))

    with pytest.raises(StorageError, match="status 302"):
        pay.reports.download("D1")
    assert len(transport.sent) == 2


def test_upload_creates_the_file_then_puts_the_bytes_unsigned(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    evidence = tmp_path / "receipt.pdf"
    evidence.write_bytes(b"%PDF-1.7 receipt")
    upload_url = f"https://amazonpay-files.s3.amazonaws.com/F1?{SIGNED_QUERY}"
    transport.queue(
        httpx.Response(200, json={"id": "F1", "type": "pdf", "purpose": "disputeEvidence", "url": upload_url}),
        httpx.Response(200),
    )

    created = pay.files.upload(evidence, type="pdf", idempotency_key="evidence-1")

    assert created.id == "F1"
    api, storage = transport.sent
    assert (api.method, api.url.path) == ("POST", "/v2/files")
    assert api.headers["x-amz-pay-idempotency-key"] == "evidence-1"
    assert httpx.Response(200, content=api.content).json() == {"type": "pdf", "purpose": "disputeEvidence"}
    assert (storage.method, storage.content) == ("PUT", b"%PDF-1.7 receipt")
    _assert_unsigned(transport, 1, "amazonpay-files.s3.amazonaws.com")


def test_upload_refuses_a_missing_file_before_sending_anything(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    with pytest.raises(ConfigurationError, match="is not a file"):
        pay.files.upload(tmp_path / "missing.pdf", type="pdf")
    with pytest.raises(ConfigurationError, match="empty"):
        pay.files.upload(b"", type="pdf")
    assert transport.sent == []


def test_a_failed_upload_says_the_file_exists_without_content(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(
        httpx.Response(200, json={"id": "F1", "url": "https://amazonpay-files.s3.amazonaws.com/F1"}),
        httpx.Response(403),
    )

    with pytest.raises(StorageError, match="created without content: call upload"):
        pay.files.upload(b"%PDF", type="pdf")


@pytest.mark.anyio
async def test_async_download_and_upload(async_pay: AsyncAmazonPay, transport: Recorder, tmp_path: Path) -> None:
    transport.queue(
        _document(),
        httpx.Response(200, content=REPORT),
        httpx.Response(200, json={"id": "F1", "url": "https://amazonpay-files.s3.amazonaws.com/F1"}),
        httpx.Response(200),
    )

    assert await async_pay.reports.download("D1", to=tmp_path / "r.csv") == len(REPORT)
    created = await async_pay.files.upload(b"png-bytes", type="png")

    assert (tmp_path / "r.csv").read_bytes() == REPORT
    assert created.id == "F1"
    _assert_unsigned(transport, 1, "amazonpay-reports.s3.amazonaws.com")
    _assert_unsigned(transport, 3, "amazonpay-files.s3.amazonaws.com")
    assert transport.sent[3].content == b"png-bytes"


@pytest.mark.spec_violations_expected  # an operation the spec leaves out, on purpose
def test_an_unmodelled_operation_through_pay_api_is_signed_and_retried(
    pay: AmazonPay, transport: Recorder, sleeps: list[float]
) -> None:
    # README "Operations this library does not model": the configured httpx client of pay.api.
    transport.queue(httpx.Response(503, json={"reasonCode": "ServiceUnavailable", "message": "later"}))
    transport.default = lambda request: httpx.Response(200, json={"merchantAccountId": "M1"})

    with request_options(idempotency_key="partner-42"):
        response = pay.api.get_httpx_client().post("/merchantAccounts", json={"uniqueReferenceId": "shop-42"})

    assert response.json() == {"merchantAccountId": "M1"}
    assert len(transport.sent) == 2
    assert len(sleeps) == 1
    for sent in transport.sent:
        assert sent.url.path == "/v2/merchantAccounts"
        assert sent.headers["authorization"].startswith("AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=SANDBOX-AEUNITTEST")
        assert sent.headers["x-amz-pay-idempotency-key"] == "partner-42"
