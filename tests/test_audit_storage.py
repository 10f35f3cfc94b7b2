"""Audit: a hostile storage host cannot make a transfer read without bound or fail untyped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from amazonpay import AmazonPay, DownloadExpiredError, StorageError
from tests.conftest import Recorder

DOCUMENT_URL = "https://amazonpay-reports.s3.amazonaws.com/doc-1?X-Amz-Signature=0123456789abcdef"
CHUNK = b"x" * 65536


class Endless:
    """A body that never ends, counting the chunks read from it."""

    def __init__(self) -> None:
        self.chunks = 0

    def __iter__(self) -> Iterator[bytes]:
        while self.chunks < 100_000:  # 6.5 GB: a test that reads it all fails long before
            self.chunks += 1
            yield CHUNK


def _document() -> httpx.Response:
    return httpx.Response(200, json={"reportDocumentId": "D1", "url": DOCUMENT_URL, "compressionAlgorithm": "N/A"})


def test_an_error_answer_from_the_storage_host_is_not_read_in_full(pay: AmazonPay, transport: Recorder) -> None:
    body = Endless()
    transport.queue(_document(), httpx.Response(403, content=body))

    with pytest.raises(DownloadExpiredError):
        pay.reports.download("D1")

    assert body.chunks <= 1


def test_the_answer_to_an_upload_is_not_read_in_full(pay: AmazonPay, transport: Recorder) -> None:
    body = Endless()
    transport.queue(
        httpx.Response(200, json={"id": "F1", "url": "https://amazonpay-files.s3.amazonaws.com/F1?X-Amz-Signature=00"}),
        httpx.Response(500, content=body),
    )

    with pytest.raises(StorageError):
        pay.files.upload(b"a,b\n", type="csv")

    assert body.chunks <= 1


def test_an_undecodable_body_is_a_storage_error_not_an_httpx_one(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    garbled = httpx.Response(200, content=iter([b"not gzip at all"]), headers={"content-encoding": "gzip"})
    transport.queue(_document(), garbled)

    with pytest.raises(StorageError, match=r"amazonpay-reports\.s3\.amazonaws\.com failed: DecodingError") as raised:
        pay.reports.download("D1", to=tmp_path / "report.csv")

    assert "X-Amz-Signature" not in str(raised.value)
    assert list(tmp_path.iterdir()) == []  # no .part left behind
