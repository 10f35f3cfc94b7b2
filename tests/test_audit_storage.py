"""Audit: a hostile storage host cannot make a transfer read without bound or fail untyped."""

from __future__ import annotations

import errno
import io
import logging
import os
import stat
import zlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import amazonpay._storage
from amazonpay import (
    AmazonPay,
    AsyncAmazonPay,
    ConfigurationError,
    DownloadExpiredError,
    DownloadTooLargeError,
    StorageError,
)
from amazonpay._storage import DEFAULT_MAX_DOWNLOAD_BYTES
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


def _document(url: str = DOCUMENT_URL) -> httpx.Response:
    return httpx.Response(200, json={"reportDocumentId": "D1", "url": url, "compressionAlgorithm": "N/A"})


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


# --- issue 19, findings 11 to 13: where a download is written, and how much is taken ----------
def _report(number: int) -> bytes:
    return b"TransactionType,Amount\n" + f"Capture,{number}.00\n".encode() * 1000


def test_a_link_planted_at_the_old_part_name_or_at_the_target_is_not_followed(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    # Whoever can write to the reports folder must not make the process overwrite another file.
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    target = tmp_path / "report.csv"
    (tmp_path / "report.csv.part").symlink_to(victim)
    transport.queue(_document(), httpx.Response(200, content=_report(1)))

    assert pay.reports.download("D1", to=target) == len(_report(1))

    assert victim.read_bytes() == b"precious"
    assert target.read_bytes() == _report(1)
    assert not target.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # a settlement report: owner only

    target.unlink()
    target.symlink_to(victim)  # a link at the target itself is replaced, not written through
    transport.queue(_document(), httpx.Response(200, content=_report(2)))
    pay.reports.download("D1", to=target)
    assert victim.read_bytes() == b"precious"
    assert target.read_bytes() == _report(2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv", "report.csv.part", "victim"]


def test_two_downloads_to_one_path_each_complete_and_the_path_holds_one_whole_report(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    # The second download runs entirely while the first is half-way through its body.
    target = tmp_path / "settlement.csv"
    first, second = _report(1), _report(2)
    results: dict[str, int] = {}

    def slow_body() -> Iterator[bytes]:
        yield first[:100]
        transport.queue(_document(), httpx.Response(200, content=second))
        results["second"] = pay.reports.download("D2", to=target)
        assert target.read_bytes() == second
        yield first[100:]

    transport.queue(_document(), httpx.Response(200, content=slow_body()))
    results["first"] = pay.reports.download("D1", to=target)

    assert results == {"second": len(second), "first": len(first)}
    assert target.read_bytes() == first  # the last to complete, whole: never a mix of the two
    assert [p.name for p in tmp_path.iterdir()] == ["settlement.csv"]


def test_a_failed_rename_removes_its_temporary_file_and_is_typed(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    target = tmp_path / "settlement.csv"

    def body() -> Iterator[bytes]:
        yield b"a,b\n"
        target.mkdir()  # the target became a folder while the report arrived: it cannot be replaced

    transport.queue(_document(), httpx.Response(200, content=body()))

    with pytest.raises(StorageError, match=r"could not be written .*'.*settlement\.csv' was left as it was"):
        pay.reports.download("D1", to=target)

    assert [p.name for p in tmp_path.iterdir()] == ["settlement.csv"]
    assert target.is_dir()


def test_a_failed_write_removes_its_temporary_file_and_is_typed(
    pay: AmazonPay, transport: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settlement.csv"
    target.write_bytes(b"yesterday's report")

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    transport.queue(_document(), httpx.Response(200, content=_report(1)))

    with pytest.raises(StorageError, match="No space left on device") as raised:
        pay.reports.download("D1", to=target)

    assert not isinstance(raised.value, OSError)
    assert target.read_bytes() == b"yesterday's report"
    assert [p.name for p in tmp_path.iterdir()] == ["settlement.csv"]


def test_a_file_object_that_fails_to_write_is_a_typed_error(pay: AmazonPay, transport: Recorder) -> None:
    class Full(io.BytesIO):
        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    transport.queue(_document(), httpx.Response(200, content=_report(1)))

    with pytest.raises(
        StorageError, match=r"No space left on device\); the file object holds what was written before: discard it"
    ):
        pay.reports.download("D1", to=Full())


@pytest.mark.parametrize(
    ("to", "message"),
    [
        (lambda tmp: tmp / "missing-folder" / "r.csv", "cannot create a file in"),
        (lambda tmp: tmp, "is a folder: pass the path of the file to write"),
        (lambda tmp: 42, "to must be a file path or a binary file open for writing, not int"),
        (lambda tmp: io.StringIO(), r"to is a text file: open it in binary mode \('wb'\)"),
    ],
    ids=["missing folder", "a folder", "not a destination", "a text file"],
)
def test_a_destination_that_cannot_be_written_is_refused_before_sending(
    pay: AmazonPay, transport: Recorder, tmp_path: Path, to: Any, message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        pay.reports.download("D1", to=to(tmp_path))
    assert transport.sent == []


class Counting:
    """A binary file that keeps nothing: counts the bytes and the largest chunk written."""

    def __init__(self) -> None:
        self.size = 0
        self.largest = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self.largest = max(self.largest, len(data))
        return len(data)


def _gzip_of_zeros(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    return b"".join(compressor.compress(block) for _ in range(size >> 20)) + compressor.flush()


def test_a_gzip_bomb_is_stopped_at_max_bytes_counting_decompressed(
    pay: AmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    bomb = _gzip_of_zeros(64 << 20)  # about 64 KB on the wire
    for to in (tmp_path / "report.csv", Counting(), None):
        transport.queue(_document(), httpx.Response(200, content=[bomb], headers={"content-encoding": "gzip"}))

        with pytest.raises(
            DownloadTooLargeError, match=r"larger than max_bytes=1048576 \(counted decompressed\)"
        ) as raised:
            pay.reports.download("D1", to=to, max_bytes=1 << 20)

        assert (raised.value.limit, raised.value.status) == (1 << 20, 200)
        assert isinstance(raised.value, StorageError)
        assert "X-Amz-Signature" not in str(raised.value)
        if isinstance(to, Counting):  # inflated a little at a time, not the 64 MB chunk at once
            assert to.size <= 1 << 20
            assert to.largest <= 2 << 20
    assert list(tmp_path.iterdir()) == []  # nothing partial on disk


def test_the_default_limit_refuses_an_announced_body_over_it_unread(pay: AmazonPay, transport: Recorder) -> None:
    body = Endless()
    announced = str(DEFAULT_MAX_DOWNLOAD_BYTES + 1)
    transport.queue(_document(), httpx.Response(200, content=body, headers={"content-length": announced}))

    with pytest.raises(DownloadTooLargeError, match=f"larger than max_bytes={DEFAULT_MAX_DOWNLOAD_BYTES} "):
        pay.reports.download("D1", to=Counting())

    assert DEFAULT_MAX_DOWNLOAD_BYTES == 512 << 20  # as the README states
    assert body.chunks <= 1


def test_a_body_at_the_limit_is_taken_whole(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(_document(), httpx.Response(200, content=[b"x" * 1000]))
    assert pay.reports.download("D1", max_bytes=1000) == b"x" * 1000


@pytest.mark.parametrize("max_bytes", [0, -1, True, 1.5, None])
def test_max_bytes_must_be_a_positive_int_before_sending(pay: AmazonPay, transport: Recorder, max_bytes: Any) -> None:
    with pytest.raises(ConfigurationError, match="max_bytes must be an int of at least 1"):
        pay.reports.download("D1", max_bytes=max_bytes)
    assert transport.sent == []


@pytest.mark.anyio
async def test_the_async_download_is_bounded_and_leaves_nothing(
    async_pay: AsyncAmazonPay, transport: Recorder, tmp_path: Path
) -> None:
    bomb = _gzip_of_zeros(8 << 20)
    transport.queue(_document(), httpx.Response(200, content=bomb, headers={"content-encoding": "gzip"}))

    with pytest.raises(DownloadTooLargeError):
        await async_pay.reports.download("D1", to=tmp_path / "r.csv", max_bytes=1 << 20)

    assert list(tmp_path.iterdir()) == []


def test_a_storage_url_too_long_for_httpx_is_a_typed_error(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(_document(DOCUMENT_URL + "&x=" + "y" * 70_000))
    with pytest.raises(StorageError, match="not a URL httpx can fetch"):
        pay.reports.download("D1")


def test_an_upload_file_that_cannot_be_read_is_refused_before_sending(
    pay: AmazonPay, transport: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence = tmp_path / "receipt.pdf"
    evidence.write_bytes(b"%PDF")

    def denied(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)  # root reads any file: the refusal is simulated
    with pytest.raises(ConfigurationError, match=r"cannot read .*receipt\.pdf' \(Permission denied\)"):
        pay.files.upload(evidence, type="pdf")
    assert transport.sent == []


# --- review of issue 19: the pre-signed URL is a secret (it grants the file), in no exception ------
# "raise ... from None" hides the httpx error from a printed traceback but keeps it as __context__,
# with the request and its URL (X-Amz-Signature included): an error reporter or a handler walking
# the chain had the URL that grants the report.
SIGNATURE = "0123456789abcdef"


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    while error is not None:
        yield error
        error = error.__cause__ or error.__context__


def _shown(error: BaseException) -> str:
    request = getattr(error, "_request", None)
    return " ".join([str(error), repr(error), repr(error.args), str(request.url) if request is not None else ""])


@pytest.mark.parametrize(
    ("url", "storage_answer"),
    [
        pytest.param(DOCUMENT_URL, httpx.ConnectError(f"cannot reach {DOCUMENT_URL}"), id="unreachable"),
        pytest.param(DOCUMENT_URL, httpx.ReadTimeout(f"stalled on {DOCUMENT_URL}"), id="timed out"),
        pytest.param(
            DOCUMENT_URL,
            httpx.Response(200, content=iter([b"not gzip"]), headers={"content-encoding": "gzip"}),
            id="undecodable",
        ),
    ],
)
def test_no_exception_of_a_failed_download_holds_the_pre_signed_url(
    pay: AmazonPay, transport: Recorder, url: str, storage_answer: Any
) -> None:
    transport.queue(_document(url), *([storage_answer] if storage_answer is not None else []))
    with pytest.raises(StorageError) as raised:
        pay.reports.download("D1")
    chain = list(_chain(raised.value))
    assert all(SIGNATURE not in _shown(error) for error in chain), [type(error).__name__ for error in chain]


@pytest.mark.anyio
async def test_no_exception_of_a_failed_async_transfer_holds_the_pre_signed_url(
    async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    transport.queue(_document(), httpx.ConnectError(f"cannot reach {DOCUMENT_URL}"))
    with pytest.raises(StorageError) as raised:
        await async_pay.reports.download("D1")
    assert all(SIGNATURE not in _shown(error) for error in _chain(raised.value))
    upload_url = f"https://amazonpay-files.s3.amazonaws.com/F1?X-Amz-Signature={SIGNATURE}"
    transport.queue(httpx.Response(200, json={"id": "F1", "url": upload_url}), httpx.ConnectError(upload_url))
    with pytest.raises(StorageError) as raised:
        await async_pay.files.upload(b"a,b\n", type="csv")
    assert all(SIGNATURE not in _shown(error) for error in _chain(raised.value))


def test_the_pre_signed_url_reaches_no_log(
    caplog: pytest.LogCaptureFixture, pay: AmazonPay, transport: Recorder
) -> None:
    """httpx logs every request's URL at INFO: a storage URL's query (its signature) must not be in it."""
    caplog.set_level(logging.DEBUG)
    upload_url = f"https://amazonpay-files.s3.amazonaws.com/F1?X-Amz-Signature={SIGNATURE}"
    transport.queue(
        _document(),
        httpx.Response(200, content=b"a,b\n"),
        httpx.Response(200, json={"id": "F1", "url": upload_url}),
        httpx.Response(200),
    )
    assert pay.reports.download("D1") == b"a,b\n"
    pay.files.upload(b"a,b\n", type="csv")
    assert [str(sent.url) for sent in transport.sent][1::2] == [DOCUMENT_URL, upload_url]  # sent whole
    assert "amazonpay-reports.s3.amazonaws.com/doc-1" in caplog.text
    assert SIGNATURE not in caplog.text


# --- review of issue 19: a download ends within a deadline, however slowly its bytes come ----------
# The timeout applied to each read: a storage host sending a byte just inside it held download()
# for as long as it liked (512 MiB at a byte per 29 s is centuries).


class SlowDrip:
    """A body of single bytes, each arriving a minute after the last (on the clock the download reads)."""

    def __init__(self, clock: list[float]) -> None:
        self.clock = clock
        self.chunks = 0

    def __iter__(self) -> Iterator[bytes]:
        while self.chunks < 10_000:
            self.clock[0] += 60.0
            self.chunks += 1
            yield b"x"

    async def arriving(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


@pytest.fixture
def drip_clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    clock = [1000.0]
    fake = type("FakeTime", (), {"monotonic": staticmethod(lambda: clock[0])})
    monkeypatch.setattr(amazonpay._storage, "time", fake, raising=False)
    return clock


def test_a_slow_drip_download_ends_at_its_deadline_and_leaves_nothing(
    pay: AmazonPay, transport: Recorder, tmp_path: Path, drip_clock: list[float]
) -> None:
    body = SlowDrip(drip_clock)
    transport.queue(_document(), httpx.Response(200, content=body))
    with pytest.raises(StorageError, match=r"did not end within deadline=600 s.*'.*report\.csv' was left as it was"):
        pay.reports.download("D1", to=tmp_path / "report.csv")
    assert body.chunks <= 11
    assert list(tmp_path.iterdir()) == []


@pytest.mark.anyio
async def test_the_async_download_has_its_deadline_too(
    async_pay: AsyncAmazonPay, transport: Recorder, drip_clock: list[float]
) -> None:
    body = SlowDrip(drip_clock)
    transport.queue(_document(), httpx.Response(200, content=body.arriving()))
    with pytest.raises(StorageError, match=r"did not end within deadline=120 s"):
        await async_pay.reports.download("D1", deadline=120)
    assert body.chunks <= 3


@pytest.mark.parametrize("deadline", [0, -1, float("inf"), float("nan"), True, "60"])
def test_a_download_deadline_must_be_finite_seconds_before_sending(
    pay: AmazonPay, transport: Recorder, deadline: Any
) -> None:
    with pytest.raises(ConfigurationError, match="deadline must be a finite number of seconds above 0"):
        pay.reports.download("D1", deadline=deadline)
    assert transport.sent == []
