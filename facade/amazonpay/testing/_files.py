"""Files (dispute evidence): created with a URL to upload their bytes to, then cited by their id.

The upload URL is valid 15 minutes (the docs give no figure); the bytes arrive through the
storage host (:mod:`._storage`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from ._journal import Journaled
from ._storage import issue_link
from ._values import timestamp, unused_id

if TYPE_CHECKING:
    from ._state import Call, Result, State

UPLOAD_LIFETIME: Final = timedelta(minutes=15)


@dataclass
class StoredFile(Journaled):
    """A file created for upload; its bytes arrive through the upload URL."""

    id: str
    type: str
    purpose: str
    created: datetime
    url: str
    url_expires: datetime
    content: bytes | None = None
    uploaded: datetime | None = None

    def json(self) -> dict[str, Any]:
        """The ``File`` object."""
        body: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "purpose": self.purpose,
            "size": len(self.content) if self.content is not None else None,
            "url": self.url,
            "urlExpirationTimestamp": timestamp(self.url_expires),
        }
        if self.uploaded is not None:
            body["uploadTimestamp"] = timestamp(self.uploaded)
        return body


def upload_file(state: State, call: Call) -> Result:
    """POST /files: a file and a URL on this simulator to PUT its bytes to, for 15 minutes."""
    file_id = unused_id(lambda: "amzn1.file." + secrets.token_hex(12), state.files)
    expires = call.now + UPLOAD_LIFETIME
    credential = issue_link(state, file_id, expires)
    stored = StoredFile(
        id=file_id,
        type=call.body["type"],
        purpose=call.body["purpose"],
        created=call.now,
        url=f"{call.origin}/_sandbox/files/{file_id}?X-Amz-Expires=900&X-Amz-Signature={credential}",
        url_expires=expires,
    )
    state.files[file_id] = stored
    return 200, stored.json()
