"""Per-call options, carried from a method call down to the transport in a context variable.

A context variable (not a header or a client copy) keeps concurrent calls, threads and
asyncio tasks apart, and lets calls through ``pay.api`` use the same options. Two rules make
that safe for money:

- An explicit ``idempotency_key`` belongs to exactly one logical POST: the first POST made
  under the block takes it, and any later POST under the same block (in the same task, or in
  a task or thread that inherited the block's context) is refused before anything is sent.
  GET, PATCH and DELETE requests in the block are sent without it.
- A block's outcome (``status``, ``request_id``, ``attempts``, ``sent``, ``idempotency_key``)
  is filled by the calls its own thread or task makes while it is open; a task or thread it
  starts tells it only what a retry must not lose: a POST's key, and that a request was sent.
  It is written as the call goes, not when it returns: a call cancelled mid-request (a timeout
  of the caller's, ``asyncio.wait_for``, a cancelled task, KeyboardInterrupt) has already told
  its key.

Context variables do not cross into ``ThreadPoolExecutor.submit``; run the work in a copy of
the context (``executor.submit(contextvars.copy_context().run, fn)``) to take the options along.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, suppress
from contextvars import ContextVar
from enum import Enum
from typing import Any, Final, Literal, TypedDict

import anyio
import httpx

from ._errors import ConfigurationError
from ._outcome import FinishedCall, Outcome, replayed
from ._records import Record
from ._retry import checked_max_retries

# Patterns, not compiled patterns: each is compiled (and cached by ``re``) when a call first
# passes the option it checks, not by every process that imports the client.
_IDEMPOTENCY_KEY: Final = r"[A-Za-z0-9_-]{1,32}"
#: Headers amazonpay sets and signs on every attempt.
_OWNED_HEADERS: Final = frozenset(
    {
        "accept",
        "authorization",
        "content-type",
        "user-agent",
        "x-amz-pay-date",
        "x-amz-pay-host",
        "x-amz-pay-region",
        "x-amz-pay-idempotency-key",
        "x-amz-pay-authtoken",
    }
)
#: Headers that frame the message or the connection: httpx sets them, and another value would
#: desynchronise the connection or send the request elsewhere.
_FRAMING_HEADERS: Final = frozenset(
    {
        "host",
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "upgrade",
        "expect",
        "proxy-connection",
        "proxy-authorization",
    }
)
_FIELD_NAME: Final = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"  # RFC 9110 field-name (a token)
#: A header value the HTTP layer sends (h11's field-value, ASCII only: httpx encodes str values as
#: ASCII): visible characters with spaces or tabs between them, none at either end (RFC 9110 5.5).
#: Anything else is refused before sending; h11 would refuse it later, quoting the value.
FIELD_VALUE: Final = r"(?:[\x21-\x7e]+(?:[ \t]+[\x21-\x7e]+)*)?"
#: The longest timeout accepted: a payment call never needs more, and larger values overflow.
MAX_TIMEOUT: Final = 3600.0


class _Unset(Enum):
    token = 0


UNSET: Final = _Unset.token


class CallOptions(TypedDict, total=False):
    """Keyword options every method accepts."""

    simulation_code: str | None
    headers: Mapping[str, str] | None
    timeout: float | httpx.Timeout | None
    max_retries: int | None
    auth_token: str | None


class MoneyCallOptions(CallOptions, total=False):
    """Options of the POSTs that create or move money, which carry an idempotency key.

    ``idempotency_key=None`` makes the call use a fresh key even inside a ``request_options``
    block that sets one.
    """

    idempotency_key: str | None


_OPTION_NAMES: Final = frozenset(MoneyCallOptions.__annotations__)


class _KeyClaim:
    """An explicit idempotency key, and the one POST that may send it."""

    def __init__(self, key: str) -> None:
        self.key = key
        self._taken_by: str | None = None
        self._lock = threading.Lock()

    def take(self, request: str) -> str:
        """The key for ``request`` (``"POST /v2/charges"``), or refuse a second POST."""
        with self._lock:
            if self._taken_by is not None:
                raise ConfigurationError(
                    f"{request} not sent: idempotency_key {self.key!r} was already used by {self._taken_by} in this "
                    "request_options block, and a key belongs to one payment call (Amazon would replay the first "
                    "call's result or refuse this one). Give each call its own key: pass idempotency_key= to the "
                    "method, or open one request_options block per call"
                )
            self._taken_by = request
        return self.key


def _runner() -> object:
    """Who is running: the current asyncio or trio task, else the current thread."""
    # A task runs only in an event loop: unless trio is loaded or an asyncio loop runs in this
    # thread, it is the thread, found without asking anyio (whose lookup raises and catches then,
    # at a few microseconds per call; a sync program that merely imports asyncio paid it).
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None and asyncio._get_running_loop() is not None:
        # The id anyio gives an asyncio task (id(task)), without building its TaskInfo (its name,
        # coroutine and parent): a call asks four times, and an async call paid about a tenth of its work.
        task = asyncio.current_task()
        if task is not None:
            return ("task", id(task))
    if "trio" in sys.modules:
        with suppress(Exception):  # no async library runs in this thread (anyio raises its own error)
            return ("task", anyio.get_current_task().id)
    return ("thread", threading.get_ident())


class CallState(Record):
    """One ``request_options`` block or method call: its options, and the outcome of its calls.

    The outcome is written as each call runs (not when it returns), into the state of the call
    and into each enclosing block that the same thread or task opened and has not closed yet.
    Its fields, for any sequence of calls in a block:

    - ``idempotency_key``: the key of the block's last POST, from the moment the key is chosen
      (before its first attempt is sent); a later GET, PATCH or DELETE does not change it. A
      POST cut off at any point (cancelled, timed out by the caller, interrupted) is retried
      safely with this key. A POST that a task or thread started in the block makes counts
      too (``asyncio.wait_for`` runs its call in a task of its own before Python 3.12, a thread
      pool in a thread): a key is never known to nobody.
    - ``sent``: whether a request of the block's last call may have left this process: set
      just before each attempt is handed to the connection, so it is true for a call cancelled
      mid-request; false only while nothing was sent (or every attempt failed to connect). A
      request that a task or thread started in the block sends sets it too.
    - ``attempts``: the attempts the block's last call has started (the one in flight included).
    - ``status``, ``request_id``: of the last answer to the block's last call (None until one
      comes, and after an attempt that got no answer). For a cancel or close reconciled after
      a refusal, the answer is the GET's that found the object.
    - ``replayed``: whether that answer was Amazon's replay of a create already done (see
      :attr:`amazonpay.Outcome.replayed`).

    Callers see it as an :class:`amazonpay.Outcome` (those six fields, read-only).

    A call refused before sending (:class:`ConfigurationError`) is not a call here: it leaves
    the outcome as it was.
    """

    __slots__ = (  # noqa: RUF023  # field order
        "simulation_code",
        "headers",
        "timeout",
        "max_retries",
        "auth_token",
        "retrying",
        "status",
        "request_id",
        "attempts",
        "sent",
        "idempotency_key",
        "response",
        "outer",
        "explicit_key",
        "refuses_key_off_post",
        "owner",
        "is_open",
    )
    # A header value may be a partner's credential, the auth token is a delegated one; the rest is internal.
    _unshown = frozenset(
        {"headers", "auth_token", "response", "outer", "explicit_key", "refuses_key_off_post", "owner", "is_open"}
    )

    def __init__(
        self,
        simulation_code: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        max_retries: int | None = None,
        auth_token: str | None = None,
        retrying: bool = False,
        status: int | None = None,
        request_id: str | None = None,
        attempts: int = 0,
        sent: bool = False,
        idempotency_key: str | None = None,
        response: httpx.Response | None = None,
        outer: CallState | None = None,
        explicit_key: _KeyClaim | None = None,
        refuses_key_off_post: bool = False,
        owner: object = None,
        is_open: bool = True,
    ) -> None:
        self.simulation_code = simulation_code
        self.headers: Mapping[str, str] = {} if headers is None else headers
        self.timeout = timeout
        self.max_retries = max_retries
        self.auth_token = auth_token
        self.retrying = retrying
        self.status = status
        self.request_id = request_id
        self.attempts = attempts
        self.sent = sent
        self.idempotency_key = idempotency_key
        self.response = response
        self.outer = outer
        self.explicit_key = explicit_key
        self.refuses_key_off_post = refuses_key_off_post
        self.owner = _runner() if owner is None else owner
        self.is_open = is_open

    @property
    def replayed(self) -> bool | None:
        """Whether the last answer was Amazon's replay of a create it had done (None: it cannot tell)."""
        response = self.response
        if response is None:
            return None
        return replayed(response.request.method, response.request.url.path, self.status, self.idempotency_key)

    def finished(self) -> FinishedCall:
        """The outcome of this call, as it stands once the call has returned."""
        return FinishedCall(
            status=self.status,
            request_id=self.request_id,
            attempts=self.attempts,
            sent=self.sent,
            idempotency_key=self.idempotency_key,
            replayed=self.replayed,
        )

    def take_idempotency_key(self, method: str, path: str) -> str | None:
        """The key for this request: the block's explicit key for its first POST, else a fresh one.

        Raises :class:`ConfigurationError` for a second POST under one explicit key, and for a
        key passed to a method that does not POST.
        """
        if method != "POST":
            if self.refuses_key_off_post:
                raise ConfigurationError(f"idempotency_key applies to POST requests only, not {method} {path}")
            return None
        if self.explicit_key is not None:
            return self.explicit_key.take(f"{method} {path}")
        return None

    def _open(self, runner: object) -> Iterator[tuple[CallState, bool]]:
        """The open states from this one outwards, each with whether ``runner`` (a thread or task) opened it."""
        state: CallState | None = self
        while state is not None:
            if state.is_open:
                yield state, state.owner == runner
            state = state.outer

    def began(self, idempotency_key: str | None, runner: object) -> None:
        """A call starts: it is its runner's blocks' last call now; a POST's key is known from here on.

        ``runner`` is the thread or task running the call (``_runner()``, asked once a call). The
        key goes to every open block around the call, whoever opened it: a block whose call runs
        in a task or thread of its own (``asyncio.wait_for`` on Python 3.11, an executor) must
        still learn the key its retry needs.
        """
        for state, mine in self._open(runner):
            if mine:
                state.status = state.request_id = state.response = None
                state.attempts, state.sent = 0, False
            if idempotency_key is not None:
                state.idempotency_key = idempotency_key

    def sending(self, attempt: int, runner: object) -> None:
        """Attempt number ``attempt`` is about to be handed to the connection (every open block learns it was sent)."""
        for state, mine in self._open(runner):
            if mine:
                state.attempts = attempt
            state.sent = True

    def record(
        self,
        runner: object,
        *,
        status: int | None,
        request_id: str | None,
        sent: bool,
        response: httpx.Response | None = None,
    ) -> None:
        """Note how an attempt ended: its answer (None: it got none), and whether anything was sent so far."""
        for state, mine in self._open(runner):
            if mine:
                state.status, state.request_id, state.sent, state.response = status, request_id, sent, response


_current: ContextVar[CallState | None] = ContextVar("amazonpay_call", default=None)


def current_call() -> CallState | None:
    """The state of the call in progress in this context, if one was opened."""
    return _current.get()


def request_options(
    *,
    idempotency_key: str | Literal[_Unset.token] | None = UNSET,
    simulation_code: str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    auth_token: str | None = None,
    retrying: bool | None = None,
) -> AbstractContextManager[Outcome]:
    """Apply per-call options to the requests made inside the ``with`` block.

    The resource methods use it for you; use it directly around calls through ``pay.api``, or
    to follow the outcome of the block's calls as they run (the :class:`amazonpay.Outcome` it
    yields: ``outcome.request_id``, ``outcome.attempts``, ``outcome.idempotency_key``, also
    for a call cut off mid-request). The outcome of a call that returned is also
    ``amazonpay.outcome_of(result)``. Options left out are inherited from an enclosing block.
    Arguments are checked here, before anything is sent.

    ``idempotency_key`` is used by the block's first POST only (a second POST is refused before
    sending); ``idempotency_key=None`` drops an enclosing block's key, so POSTs get fresh keys.
    ``auth_token`` is a solution provider's delegated-access token (Get Authorization Token),
    sent and signed as ``x-amz-pay-authtoken``.

    ``retrying=True`` says that the block's calls retry calls an earlier attempt of which may
    have been sent (an outcome's ``sent``, an error's ``may_have_been_processed``): a cancel or
    close refused because it is already done is then reconciled (see ``x-amazonpay-reconcile``)
    as the client does for its own retries; without it such a refusal stands. POSTs are made
    safe to retry by their key instead: pass the earlier ``idempotency_key``.
    """
    return _Block(
        {
            "idempotency_key": idempotency_key,
            "simulation_code": simulation_code,
            "headers": headers,
            "timeout": timeout,
            "max_retries": max_retries,
            "auth_token": auth_token,
            "retrying": retrying,
        },
        one_call=False,
    )


def call_options(options: Mapping[str, Any]) -> AbstractContextManager[CallState]:
    """The options of one method call (``**options``), as a block around that call.

    Unlike a ``request_options`` block, it refuses an ``idempotency_key`` when the call is not a POST.
    """
    if not _OPTION_NAMES.issuperset(options):
        unknown = sorted(set(options) - _OPTION_NAMES)
        raise ConfigurationError(
            f"unknown option(s) {', '.join(unknown)}; use {', '.join(MoneyCallOptions.__annotations__)}"
        )
    return _Block(options, one_call=True)


class _Block:
    """A ``request_options`` block or a method call's options: its state is the current call's while open.

    A class rather than a generator (``contextmanager``): every method call opens one, and a
    generator's context manager cost it twice as much.
    """

    __slots__ = ("_one_call", "_options", "_state", "_token")

    def __init__(self, options: Mapping[str, Any], *, one_call: bool) -> None:
        self._options = options
        self._one_call = one_call

    def __enter__(self) -> CallState:
        outer = _current.get()
        # A method call without options outside any block (the common case): every option at its default.
        state = CallState() if outer is None and not self._options else _state(self._options, outer, self._one_call)
        self._token = _current.set(state)
        self._state = state
        return state

    def __exit__(self, *exc_info: object) -> None:
        self._state.is_open = False
        _current.reset(self._token)


def _state(options: Mapping[str, Any], outer: CallState | None, one_call: bool) -> CallState:
    """The state of a block with ``options`` (those left out inherited from ``outer``), the options checked."""
    key = options.get("idempotency_key", UNSET)
    if key is UNSET:
        claim = outer.explicit_key if outer is not None else None
    elif key is None:
        claim = None
    else:
        claim = _KeyClaim(_checked_key(key))
    simulation_code = options.get("simulation_code")
    headers = options.get("headers")
    timeout = options.get("timeout")
    max_retries = options.get("max_retries")
    auth_token = options.get("auth_token")
    retrying = options.get("retrying")
    if retrying is not None and not isinstance(retrying, bool):
        raise ConfigurationError(f"retrying must be True or False, not {type(retrying).__name__}")
    return CallState(
        simulation_code=_checked_simulation_code(simulation_code)
        if simulation_code is not None
        else outer.simulation_code
        if outer is not None
        else None,
        headers={**(outer.headers if outer is not None else {}), **_checked_headers(headers)},
        timeout=checked_timeout(timeout) if timeout is not None else outer.timeout if outer is not None else None,
        max_retries=checked_max_retries(max_retries)
        if max_retries is not None
        else outer.max_retries
        if outer is not None
        else None,
        auth_token=_checked_auth_token(auth_token)
        if auth_token is not None
        else outer.auth_token
        if outer is not None
        else None,
        retrying=retrying if retrying is not None else outer.retrying if outer is not None else False,
        outer=outer,
        explicit_key=claim,
        # A key passed to a method that does not POST is a mistake; one inherited from a block is not.
        refuses_key_off_post=one_call and isinstance(key, str),
    )


def _checked_key(key: object) -> str:
    if not isinstance(key, str) or not re.fullmatch(_IDEMPOTENCY_KEY, key):
        shown = repr(key) if isinstance(key, str) else f"of type {type(key).__name__}"
        raise ConfigurationError(
            f"idempotency_key {shown} is invalid: use 1 to 32 characters from A-Z a-z 0-9 _ - "
            "(uuid.uuid4().hex fits), or None for a fresh key"
        )
    return key


def _checked_auth_token(token: object) -> str:
    if not (isinstance(token, str) and token.strip() and re.fullmatch(FIELD_VALUE, token)):
        # The token is a credential: the message never shows it.
        raise ConfigurationError(
            "auth_token must be the non-empty token Get Authorization Token returned (printable ASCII, no space "
            "at either end, no line break); its value is not shown"
        )
    return token


def _checked_simulation_code(code: object) -> str:
    if not isinstance(code, str):
        raise ConfigurationError(f"simulation_code must be a str such as 'SoftDeclined', not {type(code).__name__}")
    if not code.strip() or not re.fullmatch(FIELD_VALUE, code):
        raise ConfigurationError(
            f"simulation_code {code!r} is not a sandbox simulation code; pass one such as 'SoftDeclined'"
        )
    return code


def _checked_headers(headers: object) -> dict[str, str]:
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ConfigurationError(f"headers must be a dict of str to str, not {type(headers).__name__}")
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not re.fullmatch(_FIELD_NAME, name):
            raise ConfigurationError(
                f"header name {name!r} is invalid: use letters, digits and -, without spaces (e.g. 'x-request-source')"
            )
        lowered = name.lower()
        if lowered in _OWNED_HEADERS:
            raise ConfigurationError(
                f"headers= may not set {name}: amazonpay sets it on every attempt "
                "(use idempotency_key= for the idempotency key, auth_token= for the delegated-access token)"
            )
        if lowered in _FRAMING_HEADERS:
            raise ConfigurationError(
                f"headers= may not set {name}: httpx sets it from the request, and another value would "
                "desynchronise the connection or send the request elsewhere"
            )
        if not isinstance(value, str) or not re.fullmatch(FIELD_VALUE, value):
            shown = (
                "a value that cannot be sent as it is"
                if isinstance(value, str)
                else f"a value of type {type(value).__name__}"
            )
            raise ConfigurationError(
                f"header {name} has {shown}; header values must be str of printable ASCII (no line breaks, "
                "no space at either end)"
            )
        checked[name] = value
    return checked


def checked_timeout(timeout: object) -> httpx.Timeout:
    """A timeout with every part positive and finite: the client never waits forever."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float | httpx.Timeout):
        raise ConfigurationError(
            f"timeout must be seconds (int or float) or an httpx.Timeout, not {type(timeout).__name__}"
        )
    value = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
    parts = {"connect": value.connect, "read": value.read, "write": value.write, "pool": value.pool}
    bad = [
        name
        for name, seconds in parts.items()
        if seconds is None or not math.isfinite(seconds) or not 0 < seconds <= MAX_TIMEOUT
    ]
    if bad:
        raise ConfigurationError(
            f"timeout must be positive seconds up to {MAX_TIMEOUT:.0f} (or an httpx.Timeout with every part so); "
            f"got {timeout!r}. A payment client must not wait forever."
        )
    return value
