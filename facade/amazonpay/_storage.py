"""Bytes to and from the pre-signed URLs some operations answer, outside the signed API.

A report document answers a download URL valid 30 seconds, a file an upload URL. Those URLs
carry their own credentials (in the query), so they are fetched with a plain request through
the client's network transport, below and apart from the Amazon Pay transport: no
authorization and no ``x-amz-pay-*`` header ever reaches the storage host, and no redirect is
followed. Only https URLs are used (plain http only on loopback, for a local simulator). Which
operations download or upload is in the spec (``x-amazonpay-download``, ``x-amazonpay-upload``);
the generated methods call :class:`Storage` or :class:`AsyncStorage`.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import BinaryIO

import httpx

from ._errors import ConfigurationError, DownloadExpiredError, StorageError

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
        data = path.read_bytes()
    else:
        raise ConfigurationError(f"content must be bytes or a file path, not {type(content).__name__}")
    if not data:
        raise ConfigurationError("content is empty: there is nothing to upload")
    return data


def _checked(url: object) -> httpx.URL:
    """The pre-signed URL, if it is https (or http to a loopback host)."""
    if not isinstance(url, str) or not url:
        raise StorageError("the answer carries no storage URL", status=None, host="")
    parsed = httpx.URL(url)
    if parsed.scheme == "https" and parsed.host:
        return parsed
    if parsed.scheme == "http" and _loopback(parsed.host):
        return parsed
    raise StorageError(
        f"refusing the storage URL on {parsed.scheme}://{parsed.host}: only https is used (plain http only "
        "on a loopback host, for a local simulator)",
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
            f"{url.host} refused the download URL (403): it expired (report document URLs are valid 30 "
            "seconds); fetch the document again: call download() again",
            status=status,
            host=url.host,
        )
    what = "download from" if downloading else "upload to"
    hint = "" if downloading else "; the file was created without content: call upload() again"
    return StorageError(f"the {what} {url.host} failed with status {status}{hint}", status=status, host=url.host)


def _unreachable(error: httpx.RequestError, url: httpx.URL, *, downloading: bool) -> StorageError:
    what = "download from" if downloading else "upload to"
    return StorageError(f"the {what} {url.host} failed: {type(error).__name__}", status=None, host=url.host)


def _open(destination: Destination) -> tuple[BinaryIO, Path | None]:
    """Where to write: a binary file object as given, or a ``.part`` file renamed when complete."""
    if isinstance(destination, str | os.PathLike):
        final = Path(destination)
        return final.with_name(final.name + ".part").open("wb"), final
    return destination, None


def _complete(out: BinaryIO, final: Path | None) -> None:
    """Close a ``.part`` file and give it its name: only a complete download has it."""
    if final is not None:
        out.close()
        final.with_name(final.name + ".part").replace(final)


def _discard(out: BinaryIO, final: Path | None) -> None:
    """Remove the ``.part`` file of a download that failed halfway."""
    if final is not None:
        out.close()
        final.with_name(final.name + ".part").unlink(missing_ok=True)


class Storage:
    """Unsigned transfers over the client's network transport (sync)."""

    def __init__(self, http: httpx.Client) -> None:
        self._http = http

    def download(self, url: object, to: Destination | None = None) -> bytes | int:
        """The bytes at ``url``; or, with ``to``, the number of bytes streamed into that file."""
        checked = _checked(url)
        try:
            with self._http.stream("GET", checked) as response:
                if response.status_code != 200:  # its body is never read: it may be endless
                    raise _failure(response.status_code, checked, downloading=True)
                if to is None:
                    return response.read()
                out, final = _open(to)
                written = 0
                try:
                    for chunk in response.iter_bytes():
                        written += out.write(chunk)
                except BaseException:
                    _discard(out, final)
                    raise
                _complete(out, final)
                return written
        except httpx.RequestError as error:
            raise _unreachable(error, checked, downloading=True) from None

    def upload(self, url: object, data: bytes) -> None:
        """PUT ``data`` to ``url``; the answer's body is never read (it may be endless)."""
        checked = _checked(url)
        try:
            with self._http.stream("PUT", checked, content=data) as response:
                status = response.status_code
        except httpx.RequestError as error:
            raise _unreachable(error, checked, downloading=False) from None
        if not 200 <= status < 300:
            raise _failure(status, checked, downloading=False)


class AsyncStorage:
    """Unsigned transfers over the client's network transport (async)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def download(self, url: object, to: Destination | None = None) -> bytes | int:
        """The bytes at ``url``; or, with ``to``, the number of bytes streamed into that file."""
        checked = _checked(url)
        try:
            async with self._http.stream("GET", checked) as response:
                if response.status_code != 200:  # its body is never read: it may be endless
                    raise _failure(response.status_code, checked, downloading=True)
                if to is None:
                    return await response.aread()
                out, final = _open(to)
                written = 0
                try:
                    async for chunk in response.aiter_bytes():
                        written += out.write(chunk)
                except BaseException:
                    _discard(out, final)
                    raise
                _complete(out, final)
                return written
        except httpx.RequestError as error:
            raise _unreachable(error, checked, downloading=True) from None

    async def upload(self, url: object, data: bytes) -> None:
        """PUT ``data`` to ``url``; the answer's body is never read (it may be endless)."""
        checked = _checked(url)
        try:
            async with self._http.stream("PUT", checked, content=data) as response:
                status = response.status_code
        except httpx.RequestError as error:
            raise _unreachable(error, checked, downloading=False) from None
        if not 200 <= status < 300:
            raise _failure(status, checked, downloading=False)
