"""The storage host: pre-signed download and upload URLs, served outside the signed API.

A report document is downloaded and a file's bytes uploaded through URLs the simulator serves
itself, on the host the API was called on, under ``/_sandbox/``, unsigned, as S3 serves
Amazon's: an expired or unknown credential is 403 AccessDenied.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from ._state import State

DOWNLOAD_PATH: Final = re.compile(r"/_sandbox/report-documents/(?P<id>[^/]+)\Z")
UPLOAD_PATH: Final = re.compile(r"/_sandbox/files/(?P<id>[^/]+)\Z")


@dataclass(frozen=True)
class Link:
    """A pre-signed URL's credentials: what it opens and until when."""

    target: str  # report document id or file id
    expires: datetime


def issue_link(state: State, target: str, expires: datetime) -> str:
    """A new URL credential (``X-Amz-Signature``) that opens ``target`` until ``expires``."""
    credential = secrets.token_urlsafe(24)
    state.links[credential] = Link(target, expires)
    return credential


Transfer = tuple[int, dict[str, str], bytes]


def _denied(message: str) -> Transfer:
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>{message}</Message></Error>'
    )
    return 403, {"content-type": "application/xml"}, body.encode()


def transfer(
    state: State, method: str, path: str, query: Mapping[str, str], body: bytes, now: datetime
) -> Transfer | None:
    """Serve a pre-signed download (GET) or upload (PUT) URL; None if ``path`` is neither."""
    download, upload = DOWNLOAD_PATH.search(path), UPLOAD_PATH.search(path)
    found = download or upload
    if found is None:
        return None
    expected = "GET" if download else "PUT"
    if method != expected:
        return 405, {"allow": expected, "content-type": "application/xml"}, b""
    link = state.links.get(query.get("X-Amz-Signature", ""))
    if link is None or link.target != found["id"]:
        return _denied("The request signature we calculated does not match the signature you provided.")
    if now > link.expires:
        return _denied("Request has expired")
    if download:
        return 200, {"content-type": "text/csv"}, state.report_documents[link.target]
    stored = state.files[link.target]
    stored.content = body
    stored.uploaded = now
    return 200, {"content-type": "application/xml"}, b""
