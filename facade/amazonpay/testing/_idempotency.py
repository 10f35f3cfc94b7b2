"""Idempotency keys: stored per public key id, forever; same request replays, different one is refused.

What is stored: the answer of every request that reached an operation's processing (2xx,
and 4xx/422 answers of the business rules such as declines, state errors, amount limits,
ResourceNotFound). Requests refused before processing (authentication, malformed headers
or bodies, invalid simulation codes, injected faults that fire before processing) store
nothing, so the caller can fix the request and retry with the same key.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Final

from ._errors import Reason, SandboxError

KEY_PATTERN: Final = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


@dataclass(frozen=True)
class StoredResult:
    """The answer given to the first request with a key."""

    fingerprint: str
    status: int
    body: bytes

    def replay_status(self) -> int:
        """Successes replay as 200 (the docs: "may return a HTTP 200 (OK) status"); errors as they were."""
        return 200 if 200 <= self.status < 300 else self.status


def check_key(value: str | None) -> str:
    """The idempotency key of a request that requires one, or the service's 400 answer."""
    if value is None:
        raise SandboxError(Reason.MissingHeader, "Missing required header x-amz-pay-idempotency-key.")
    if not KEY_PATTERN.match(value):
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-idempotency-key {value!r} must be 1 to 32 characters from A-Z, a-z, 0-9, '-' and '_'.",
        )
    return value


def fingerprint(method: str, operation_path: str, body: bytes) -> str:
    """What makes two requests "the same": method, operation path and the exact body bytes."""
    digest = hashlib.sha256(body).hexdigest()
    return f"{method} {operation_path} {digest}"


class IdempotencyStore:
    """Results by (public key id, idempotency key)."""

    def __init__(self) -> None:
        self._results: dict[tuple[str, str], StoredResult] = {}

    def lookup(self, key_id: str, key: str, request_fingerprint: str) -> StoredResult | None:
        """The stored result for a repeat; ``DuplicateIdempotencyKey`` if the request differs."""
        stored = self._results.get((key_id, key))
        if stored is None:
            return None
        if stored.fingerprint != request_fingerprint:
            raise SandboxError(
                Reason.DuplicateIdempotencyKey,
                f"Idempotency key {key!r} was already used with a different request.",
            )
        return stored

    def store(self, key_id: str, key: str, result: StoredResult) -> None:
        """Remember the answer to the first request with this key."""
        self._results[(key_id, key)] = result
