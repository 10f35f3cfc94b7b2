"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final

import httpx

from ._errors import ConfigurationError
from ._records import FrozenDataclass, frozen_dataclass

#: Statuses the official SDKs retry (facts, section 3), all of them transient.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
#: The most retries a call may ask for: beyond it a failing service is hammered for minutes.
MAX_RETRIES_LIMIT: Final = 10
_DELTA_SECONDS: Final = r"[0-9]{1,9}"  # RFC 9110: 1*DIGIT, nothing else (compiled by re when first read)


def checked_max_retries(value: object) -> int:
    """``value`` if it is an int from 0 to :data:`MAX_RETRIES_LIMIT`, else :class:`ConfigurationError`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RETRIES_LIMIT:
        raise ConfigurationError(f"max_retries must be an int from 0 to {MAX_RETRIES_LIMIT}, not {value!r}")
    return value


@frozen_dataclass
class RetryPolicy(FrozenDataclass):
    """Exponential backoff with jitter; ``Retry-After`` honoured up to ``max_retry_after``.

    Every retry of one logical call reuses its idempotency key and gets a fresh date and
    signature, so retrying a money-moving POST never charges twice.
    """

    max_retries: int = 3
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = RETRY_STATUSES

    def __init__(  # the fields' defaults (tests/test_retries.py holds the two to the same values)
        self,
        max_retries: int = 3,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_retry_after: float = 60.0,
        statuses: frozenset[int] = RETRY_STATUSES,
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "max_retries", checked_max_retries(max_retries))
        setattr_(self, "initial_delay", initial_delay)
        setattr_(self, "max_delay", max_delay)
        setattr_(self, "max_retry_after", max_retry_after)
        setattr_(self, "statuses", statuses)

    def retries_status(self, status: int) -> bool:
        """Whether a response with this status is worth another attempt."""
        return status in self.statuses

    @staticmethod
    def retries_exception(error: Exception) -> bool:
        """Connection failures and timeouts are retried; protocol and setup errors are not."""
        return isinstance(error, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)

    def delay(self, retry: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry).

        A readable ``Retry-After`` (delta-seconds, or an HTTP date still ahead) is honoured up
        to ``max_retry_after``; anything else falls back to the backoff.
        """
        requested = _seconds(retry_after)
        if requested is not None:
            return min(requested, self.max_retry_after)
        backoff = min(self.initial_delay * 2.0 ** (retry - 1), self.max_delay)
        return backoff * (1 - 0.25 * random.random())


def _seconds(retry_after: str | None) -> float | None:
    """``Retry-After`` as seconds, or ``None`` when absent, unreadable or already past."""
    if not retry_after:
        return None
    text = retry_after.strip()
    if re.fullmatch(_DELTA_SECONDS, text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - datetime.now(UTC)).total_seconds()
    return seconds if seconds > 0 else None
