"""Per-call options, carried from a method call down to the transport in a context variable.

A context variable (not a header or a client copy) keeps concurrent calls, threads and
asyncio tasks apart, and lets calls through ``pay.api`` use the same options.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Final, TypedDict

import httpx

from ._errors import ConfigurationError

_IDEMPOTENCY_KEY: Final = re.compile(r"[A-Za-z0-9_-]{1,32}")
_OWNED_HEADERS: Final = frozenset(
    {
        "authorization",
        "x-amz-pay-date",
        "x-amz-pay-host",
        "x-amz-pay-region",
        "x-amz-pay-idempotency-key",
        "x-amz-pay-authtoken",
    }
)


class CallOptions(TypedDict, total=False):
    """Keyword options every method accepts."""

    simulation_code: str | None
    headers: Mapping[str, str] | None
    timeout: float | httpx.Timeout | None
    max_retries: int | None
    auth_token: str | None


class MoneyCallOptions(CallOptions, total=False):
    """Options of the POSTs that create or move money, which carry an idempotency key."""

    idempotency_key: str | None


@dataclass
class CallState:
    """One logical call: its options, and what the transport saw of its last attempt.

    ``status``, ``request_id``, ``attempts`` and ``response`` are filled in as the call runs, also
    on every enclosing ``request_options`` block, so a caller can read the request id of a success.
    """

    idempotency_key: str | None = None
    simulation_code: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: httpx.Timeout | None = None
    max_retries: int | None = None
    auth_token: str | None = field(default=None, repr=False)  # a delegated credential
    status: int | None = None
    request_id: str | None = None
    attempts: int = 0
    response: httpx.Response | None = field(default=None, repr=False)
    outer: CallState | None = field(default=None, repr=False)

    def record(
        self, *, status: int | None, request_id: str | None, attempts: int, response: httpx.Response | None = None
    ) -> None:
        """Note the outcome of an attempt here and in every enclosing block."""
        state: CallState | None = self
        while state is not None:
            state.status, state.request_id, state.attempts = status, request_id, attempts
            state.response = response
            state = state.outer


_current: ContextVar[CallState | None] = ContextVar("amazonpay_call", default=None)


def current_call() -> CallState | None:
    """The state of the call in progress in this context, if one was opened."""
    return _current.get()


@contextmanager
def request_options(
    *,
    idempotency_key: str | None = None,
    simulation_code: str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    auth_token: str | None = None,
) -> Iterator[CallState]:
    """Apply per-call options to the requests made inside the ``with`` block.

    The resource methods use it for you; use it directly around calls through ``pay.api``, or
    to read the outcome of a call (``state.request_id``, ``state.attempts``). Options left out
    are inherited from an enclosing block. Arguments are checked here, before anything is sent.
    ``auth_token`` is a solution provider's delegated-access token (Get Authorization Token),
    sent and signed as ``x-amz-pay-authtoken``.
    """
    if idempotency_key is not None and not _IDEMPOTENCY_KEY.fullmatch(idempotency_key):
        raise ConfigurationError(
            f"idempotency_key {idempotency_key!r} is invalid: use 1 to 32 characters from "
            "A-Z a-z 0-9 _ - (uuid.uuid4().hex fits)"
        )
    if auth_token is not None and not (
        isinstance(auth_token, str) and auth_token.strip() and auth_token.isascii() and auth_token.isprintable()
    ):
        # The token is a credential: the message never shows it.
        raise ConfigurationError(
            "auth_token must be the non-empty token Get Authorization Token returned (printable ASCII)"
        )
    if simulation_code is not None and not simulation_code.strip():
        raise ConfigurationError("simulation_code is empty; pass a sandbox simulation code such as 'SoftDeclined'")
    extra = dict(headers or {})
    owned = sorted(name for name in extra if name.lower() in _OWNED_HEADERS)
    if owned:
        raise ConfigurationError(
            f"headers= may not set {', '.join(owned)}: amazonpay sets them on every attempt "
            "(use idempotency_key= for the idempotency key, auth_token= for the delegated-access token)"
        )
    if max_retries is not None and max_retries < 0:
        raise ConfigurationError(f"max_retries must be 0 or more, not {max_retries}")
    outer = _current.get()
    state = CallState(
        idempotency_key=idempotency_key if idempotency_key is not None or outer is None else outer.idempotency_key,
        simulation_code=simulation_code if simulation_code is not None or outer is None else outer.simulation_code,
        headers={**outer.headers, **extra} if outer is not None else extra,
        timeout=checked_timeout(timeout) if timeout is not None else outer.timeout if outer is not None else None,
        max_retries=max_retries if max_retries is not None or outer is None else outer.max_retries,
        auth_token=auth_token if auth_token is not None or outer is None else outer.auth_token,
        outer=outer,
    )
    token = _current.set(state)
    try:
        yield state
    finally:
        _current.reset(token)


def checked_timeout(timeout: float | httpx.Timeout) -> httpx.Timeout:
    """A timeout with every part positive: the client never waits forever."""
    value = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    parts = {"connect": value.connect, "read": value.read, "write": value.write, "pool": value.pool}
    bad = [name for name, seconds in parts.items() if seconds is None or seconds <= 0]
    if isinstance(timeout, bool) or bad:
        raise ConfigurationError(
            f"timeout must be positive seconds (or an httpx.Timeout with every part positive); "
            f"got {timeout!r}. A payment client must not wait forever."
        )
    return value
