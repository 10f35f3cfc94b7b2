"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

#: Statuses the official SDKs retry (facts, section 3), all of them transient.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter; ``Retry-After`` honoured up to ``max_retry_after``.

    Every retry of one logical call reuses its idempotency key and gets a fresh date and
    signature, so retrying a money-moving POST never charges twice.
    """

    max_retries: int = 3
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = field(default=RETRY_STATUSES)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {self.max_retries}")

    def retries_status(self, status: int) -> bool:
        """Whether a response with this status is worth another attempt."""
        return status in self.statuses

    @staticmethod
    def retries_exception(error: Exception) -> bool:
        """Connection failures and timeouts are retried; protocol and setup errors are not."""
        return isinstance(error, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)

    def delay(self, retry: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        requested = _seconds(retry_after)
        if requested is not None:
            return min(requested, self.max_retry_after)
        backoff = min(self.initial_delay * 2.0 ** (retry - 1), self.max_delay)
        return backoff * (1 - 0.25 * random.random())


def _seconds(retry_after: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date; ``None`` when absent or unreadable."""
    if not retry_after:
        return None
    try:
        return max(0.0, float(retry_after))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(retry_after)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
