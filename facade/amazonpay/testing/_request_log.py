"""The requests a sandbox received, for assertions: the newest, within a count and a size.

Every request is recorded, refused ones (401s included) as well, so the log is bounded: a
long-running simulator or a soak would otherwise keep every body forever. The oldest records
go first; the newest one is always kept, whatever its size.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from amazonpay._json import JsonValue

DEFAULT_MAX_REQUESTS: Final = 10_000
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024


@dataclass(frozen=True)
class RecordedRequest:
    """One request the sandbox received, for assertions (the authorization header is left out)."""

    method: str
    url: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    operation_id: str | None
    request_id: str
    status: int | None  # None when an injected network error replaced the answer before processing
    replayed: bool = False  # answered from the idempotency store

    def json(self) -> JsonValue:
        """The body parsed as JSON (``None`` when empty)."""
        return json.loads(self.body) if self.body else None

    def size(self) -> int:
        """What the record holds, in bytes: its body, URL and headers."""
        return len(self.body) + len(self.url) + sum(len(name) + len(value) for name, value in self.headers.items())


class RequestLog:
    """The newest recorded requests, at most ``max_requests`` of them and ``max_bytes`` in all (None: no bound)."""

    def __init__(
        self, max_requests: int | None = DEFAULT_MAX_REQUESTS, max_bytes: int | None = DEFAULT_MAX_BYTES
    ) -> None:
        self._records: deque[RecordedRequest] = deque()
        self._bytes = 0
        self._max_requests = _bound(max_requests, "max_recorded_requests")
        self._max_bytes = _bound(max_bytes, "max_recorded_bytes")

    @property
    def max_requests(self) -> int | None:
        """How many requests are kept at most (None: every one)."""
        return self._max_requests

    @max_requests.setter
    def max_requests(self, value: int | None) -> None:
        self._max_requests = _bound(value, "max_recorded_requests")
        self._trim()

    @property
    def max_bytes(self) -> int | None:
        """How many bytes of bodies, URLs and headers are kept at most (None: no bound)."""
        return self._max_bytes

    @max_bytes.setter
    def max_bytes(self, value: int | None) -> None:
        self._max_bytes = _bound(value, "max_recorded_bytes")
        self._trim()

    def append(self, record: RecordedRequest) -> None:
        """Record ``record``, dropping the oldest records past either bound."""
        self._records.append(record)
        self._bytes += record.size()
        self._trim()

    def copy(self) -> list[RecordedRequest]:
        """The kept records, oldest first."""
        return list(self._records)

    def _trim(self) -> None:
        while self._records and (
            (self._max_requests is not None and len(self._records) > self._max_requests)
            or (self._max_bytes is not None and self._bytes > self._max_bytes and len(self._records) > 1)
        ):
            self._bytes -= self._records.popleft().size()


def _bound(value: int | None, name: str) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValueError(f"{name} takes a whole number of zero or more, or None for no bound, not {value!r}")
    return value
