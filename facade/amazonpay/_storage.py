"""Bytes to and from the pre-signed URLs some operations answer, outside the signed API.

A report document answers a download URL valid 30 seconds, a file an upload URL. Those URLs
carry their own credentials (in the query), so they are fetched with a plain request through
the client's network transport, below and apart from the Amazon Pay transport: no
authorization and no ``x-amz-pay-*`` header ever reaches the storage host, and no redirect is
followed. Only https URLs are used (plain http only on loopback, for a local simulator). Which
operations download or upload is in the spec (``x-amazonpay-download``, ``x-amazonpay-upload``);
the generated methods call :class:`Storage` or :class:`AsyncStorage`.

A download is bounded like an API answer (``max_bytes``, counted decompressed, the compressed
body fed to the decoder in small pieces), and in time as a whole (``deadline``: the timeout
bounds each read only, and a host sending a byte just inside it would hold the caller for
ever), and written through a :class:`Sink` made before anything is sent: a path gets a fresh
temporary file renamed over it once complete.
"""

from __future__ import annotations

import contextlib
import io
import ipaddress
import math
import os
import time
from collections.abc import AsyncIterable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final, cast

import httpx

from ._errors import ConfigurationError, DownloadExpiredError, DownloadTooLargeError, StorageError, printable
from ._transport import _AsyncSmallChunks, _SmallChunks

StrPath = str | os.PathLike[str]
Destination = StrPath | BinaryIO


def read_content(content: bytes | StrPath) -> bytes:
    """The bytes to upload: ``content`` itself, or the file at that path; checked before any I/O."""
    if isinstance(content, bytes | bytearray | memoryview):
        data = bytes(content)
    elif isinstance(content, str | os.PathLike):
        path = Path(content)
        if not path.is_file():
            raise ConfigurationError(f"{str(path)!r} is not a file: pass the path of the file to upload, or its bytes")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ConfigurationError(
                f"cannot read {str(path)!r} ({error.strerror or type(error).__name__}): pass a file this process may "
                "read, or its bytes; nothing was sent"
            ) from None
    else:
        raise ConfigurationError(f"content must be bytes or a file path, not {type(content).__name__}")
    if not data:
        raise ConfigurationError("content is empty: there is nothing to upload")
    return data


def _checked(url: object) -> httpx.URL:
    """The pre-signed URL, if it is https (or http to a loopback host)."""
    if not isinstance(url, str) or not url:
        raise StorageError("the answer carries no storage URL", status=None, host="")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise StorageError("the answer's storage URL is not a URL httpx can fetch", status=None, host="") from None
    if parsed.scheme == "https" and parsed.host:
        return parsed
    if parsed.scheme == "http" and _loopback(parsed.host):
        return parsed
    raise StorageError(
        f"refusing the storage URL on {printable(parsed.scheme, 20)}://{_host(parsed)}: only https is used (plain "
        "http only on a loopback host, for a local simulator)",
        status=None,
        host=parsed.host,
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _failure(status: int, url: httpx.URL, *, downloading: bool) -> StorageError:
    if downloading and status == 403:
        return DownloadExpiredError(
            f"{_host(url)} refused the download URL (403): it expired (report document URLs are valid 30 "
            "seconds); fetch the document again: call download() again",
            status=status,
            host=url.host,
        )
    what = "download from" if downloading else "upload to"
    hint = "" if downloading else "; the file was created without content: call upload() again"
    return StorageError(f"the {what} {_host(url)} failed with status {status}{hint}", status=status, host=url.host)


def _unreachable(error: httpx.RequestError, url: httpx.URL, *, downloading: bool) -> StorageError:
    what = "download from" if downloading else "upload to"
    return StorageError(f"the {what} {_host(url)} failed: {type(error).__name__}", status=None, host=url.host)


#: The largest download accepted unless ``max_bytes=`` says otherwise, counted decompressed. A
#: settlement report is a CSV of a few hundred bytes a transaction: this is over a million
#: transactions, and it bounds what a hostile or broken storage answer (a decompression bomb)
#: can put in memory or on disk.
DEFAULT_MAX_DOWNLOAD_BYTES: Final = 512 << 20
#: Seconds a download may take from its GET to its last byte unless ``deadline=`` says otherwise:
#: ten minutes take the default 512 MiB at under 1 MB/s. Checked as each piece arrives, so a
#: download ends at most one read timeout after it.
DEFAULT_DOWNLOAD_DEADLINE: Final = 600.0


class Sink:
    """Where one download's bytes go while it arrives; :func:`download_sink` makes the right one."""

    def __init__(self, max_bytes: int, deadline: float) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.size = 0  # bytes received so far, decompressed
        self._ends = math.inf  # on the monotonic clock, from the GET on

    def start(self) -> None:
        """The GET of the download is about to be sent: its deadline runs from here."""
        self._ends = time.monotonic() + self.deadline

    def write_all(self, chunks: Iterable[bytes], url: httpx.URL) -> bytes | int:
        """Take every chunk, then complete: the bytes (in memory) or how many were written."""
        for chunk in chunks:
            self._add(chunk, url)
        return self._complete(url)

    async def write_all_async(self, chunks: AsyncIterable[bytes], url: httpx.URL) -> bytes | int:
        """The async twin of :meth:`write_all`."""
        async for chunk in chunks:
            self._add(chunk, url)
        return self._complete(url)

    def check_announced(self, response: httpx.Response, url: httpx.URL) -> None:
        """Refuse at once an answer whose announced (uncompressed) length is over the limit."""
        length = response.headers.get("content-length", "")
        encoded = response.headers.get("content-encoding", "identity").lower() != "identity"
        if not encoded and length.isascii() and length.isdigit() and int(length) > self.max_bytes:
            raise self._too_large(url)

    def drop(self) -> None:
        """Discard what an incomplete download left; nothing to do unless a file was made for it."""

    def _add(self, chunk: bytes, url: httpx.URL) -> None:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise self._too_large(url)
        if time.monotonic() > self._ends:
            raise StorageError(
                f"the download from {_host(url)} did not end within deadline={self.deadline:g} s (the storage host "
                f"sends slowly, or stalls between pieces); {self._left_over()}: call download() again, or pass a "
                "larger deadline=",
                status=200,
                host=url.host,
            )
        self._put(chunk, url)

    def _too_large(self, url: httpx.URL) -> DownloadTooLargeError:
        return DownloadTooLargeError(
            f"the download from {_host(url)} is larger than max_bytes={self.max_bytes} (counted decompressed); "
            f"{self._left_over()}: pass a larger max_bytes= if the report is expected to be that large",
            status=200,
            host=url.host,
            limit=self.max_bytes,
        )

    def _unwritable(self, error: OSError, url: httpx.URL) -> StorageError:
        return StorageError(
            f"the download from {_host(url)} could not be written ({error.strerror or type(error).__name__}); "
            f"{self._left_over()}",
            status=200,
            host=url.host,
        )

    def _left_over(self) -> str:
        """What a failed download leaves, for its error message."""
        return "nothing of it was kept"

    def _put(self, chunk: bytes, url: httpx.URL) -> None:
        raise NotImplementedError

    def _complete(self, url: httpx.URL) -> bytes | int:
        raise NotImplementedError


class _InMemory(Sink):
    def __init__(self, max_bytes: int, deadline: float) -> None:
        super().__init__(max_bytes, deadline)
        self._chunks: list[bytes] = []

    def _put(self, chunk: bytes, url: httpx.URL) -> None:
        self._chunks.append(chunk)

    def _complete(self, url: httpx.URL) -> bytes:
        return b"".join(self._chunks)


class _FileObject(Sink):
    """The caller's binary file: written as given; what was written before a failure stays (theirs to discard)."""

    def __init__(self, out: BinaryIO, max_bytes: int, deadline: float) -> None:
        super().__init__(max_bytes, deadline)
        self._out = out

    def _put(self, chunk: bytes, url: httpx.URL) -> None:
        try:
            self._out.write(chunk)
        except OSError as error:
            raise self._unwritable(error, url) from error

    def _complete(self, url: httpx.URL) -> int:
        return self.size

    def _left_over(self) -> str:
        return "the file object holds what was written before: discard it"


class _NewFile(Sink):
    """A path: a fresh temporary file in its folder, renamed over it in one step once complete.

    The temporary file is created exclusively under a name nobody chose (never through a link
    planted in the folder), readable by its owner only; any failure removes it. So the path is
    always absent, as it was, or one whole download, however many downloads to it run at once.
    """

    def __init__(self, final: Path, max_bytes: int, deadline: float) -> None:
        import tempfile  # only downloads to a path need it: not loaded by a cold start

        super().__init__(max_bytes, deadline)
        self._final = final
        if final.is_dir():
            raise ConfigurationError(f"to={str(final)!r} is a folder: pass the path of the file to write")
        try:
            # O_CREAT | O_EXCL (and O_NOFOLLOW where there is one), mode 0o600.
            descriptor, self._temporary = tempfile.mkstemp(
                dir=final.parent, prefix=f".{final.name[:100]}.", suffix=".part"
            )
        except OSError as error:
            raise ConfigurationError(
                f"cannot create a file in {str(final.parent)!r} ({error.strerror or type(error).__name__}): pass a "
                "path in an existing folder this process may write to; nothing was sent"
            ) from None
        self._out = os.fdopen(descriptor, "wb")
        self._kept = False

    def _put(self, chunk: bytes, url: httpx.URL) -> None:
        try:
            self._out.write(chunk)
        except OSError as error:
            raise self._unwritable(error, url) from error

    def _complete(self, url: httpx.URL) -> int:
        try:
            self._out.flush()
            os.fsync(self._out.fileno())  # the new name must not point to data still in flight
            self._out.close()
            os.replace(self._temporary, self._final)
        except OSError as error:
            raise self._unwritable(error, url) from error
        self._kept = True
        return self.size

    def drop(self) -> None:
        """Close and remove the temporary file unless it became the path; safe to call twice."""
        if self._kept:
            return
        with contextlib.suppress(OSError):  # closing flushes, which fails again on a full disk
            self._out.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._temporary)

    def _left_over(self) -> str:
        return f"{str(self._final)!r} was left as it was"


@contextmanager
def download_sink(to: Destination | None, max_bytes: int, deadline: float) -> Iterator[Sink]:
    """Where a download goes, checked (and a path's temporary file made) before anything is sent.

    Leaving the block removes what an incomplete download left. ``to`` is None (the bytes are
    returned), a path, or a binary file object; ``max_bytes`` is the limit, counted decompressed;
    ``deadline`` the seconds the download may take from its GET to its last byte.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigurationError(f"max_bytes must be an int of at least 1, not {max_bytes!r}")
    if isinstance(deadline, bool) or not isinstance(deadline, int | float) or not 0 < deadline < math.inf:
        raise ConfigurationError(
            f"deadline must be a finite number of seconds above 0, not {deadline!r}: a download always ends"
        )
    sink: Sink
    if to is None:
        sink = _InMemory(max_bytes, deadline)
    elif isinstance(to, str | os.PathLike):
        sink = _NewFile(Path(to), max_bytes, deadline)
    elif isinstance(to, io.TextIOBase):
        raise ConfigurationError("to is a text file: open it in binary mode ('wb'), or pass its path")
    elif callable(getattr(to, "write", None)):
        sink = _FileObject(to, max_bytes, deadline)
    else:
        raise ConfigurationError(f"to must be a file path or a binary file open for writing, not {type(to).__name__}")
    try:
        yield sink
    finally:
        sink.drop()


class HiddenQuery(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A network transport under which an answered request keeps no query.

    A pre-signed URL's query is its credential (it grants the file), and so is a SNS
    SubscribeURL's (its token). httpx logs every answered request's URL at INFO, and an answer
    and the errors of its body keep the request: the network gets a copy with the whole URL,
    and the request httpx holds is left with ``?***``. Closing it closes the network (the
    storage client never closes: the API client closes the network transport it shares).
    """

    def __init__(self, network: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
        self._network = network

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send a copy of ``request``; hide its query once answered or failed."""
        network = cast("httpx.BaseTransport", self._network)
        try:
            return network.handle_request(_whole(request))
        finally:  # an error httpx raises for it keeps this request too
            _hide_query(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """The async twin of :meth:`handle_request`."""
        network = cast("httpx.AsyncBaseTransport", self._network)
        try:
            return await network.handle_async_request(_whole(request))
        finally:
            _hide_query(request)

    def close(self) -> None:
        """Close the network transport."""
        if isinstance(self._network, httpx.BaseTransport):
            self._network.close()

    async def aclose(self) -> None:
        """Close the network transport (async)."""
        if isinstance(self._network, httpx.AsyncBaseTransport):
            await self._network.aclose()


def _whole(request: httpx.Request) -> httpx.Request:
    return httpx.Request(
        request.method, request.url, headers=request.headers, stream=request.stream, extensions=request.extensions
    )


def _hide_query(request: httpx.Request) -> None:
    if request.url.query:
        request.url = request.url.copy_with(query=b"***")


def _host(url: httpx.URL) -> str:
    """The storage host for a message: it comes from Amazon's answer, so it is bounded and escaped."""
    return printable(url.host, 255)


class Storage:
    """Unsigned transfers over the client's network transport (sync)."""

    def __init__(self, http: httpx.Client) -> None:
        self._http = http

    def download(self, url: object, sink: Sink) -> bytes | int:
        """The bytes at ``url`` into ``sink``: returned (in memory), or their count once written."""
        checked = _checked(url)
        sink.start()
        try:
            with self._http.stream("GET", checked) as response:
                if response.status_code != 200:  # its body is never read: it may be endless
                    raise _failure(response.status_code, checked, downloading=True)
                sink.check_announced(response, checked)
                # Small compressed pieces, so that one step of the decoder inflates little.
                response.stream = _SmallChunks(cast("httpx.SyncByteStream", response.stream))
                return sink.write_all(response.iter_bytes(), checked)
        except httpx.RequestError as error:
            failure = _unreachable(error, checked, downloading=True)
        # Raised outside the except clause: httpx's error (whose request holds the URL) is not even its context.
        raise failure

    def upload(self, url: object, data: bytes) -> None:
        """PUT ``data`` to ``url``; the answer's body is never read (it may be endless)."""
        checked = _checked(url)
        try:
            with self._http.stream("PUT", checked, content=data) as response:
                status = response.status_code
        except httpx.RequestError as error:
            failure = _unreachable(error, checked, downloading=False)
        else:
            if 200 <= status < 300:
                return
            failure = _failure(status, checked, downloading=False)
        raise failure  # outside the except clause, as in download()


class AsyncStorage:
    """Unsigned transfers over the client's network transport (async)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def download(self, url: object, sink: Sink) -> bytes | int:
        """The bytes at ``url`` into ``sink``: returned (in memory), or their count once written."""
        checked = _checked(url)
        sink.start()
        try:
            async with self._http.stream("GET", checked) as response:
                if response.status_code != 200:  # its body is never read: it may be endless
                    raise _failure(response.status_code, checked, downloading=True)
                sink.check_announced(response, checked)
                response.stream = _AsyncSmallChunks(cast("httpx.AsyncByteStream", response.stream))
                return await sink.write_all_async(response.aiter_bytes(), checked)
        except httpx.RequestError as error:
            failure = _unreachable(error, checked, downloading=True)
        # Raised outside the except clause: httpx's error (whose request holds the URL) is not even its context.
        raise failure

    async def upload(self, url: object, data: bytes) -> None:
        """PUT ``data`` to ``url``; the answer's body is never read (it may be endless)."""
        checked = _checked(url)
        try:
            async with self._http.stream("PUT", checked, content=data) as response:
                status = response.status_code
        except httpx.RequestError as error:
            failure = _unreachable(error, checked, downloading=False)
        else:
            if 200 <= status < 300:
                return
            failure = _failure(status, checked, downloading=False)
        raise failure  # outside the except clause, as in download()
