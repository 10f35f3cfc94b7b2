"""Fault injection: rules consulted before each API request, able to fail it before or after processing.

A rule is any callable taking a :class:`FaultContext` and returning a :class:`Fault` to apply
(or ``None``). :class:`Fault` is itself such a rule, firing ``times`` times on matching
requests; ``AmazonPaySandbox.fail_next`` appends one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ._errors import FAULT_REASONS, Reason, encode, error_body


@dataclass(frozen=True)
class FaultContext:
    """What a rule sees of a request: method, path, operation (None if unknown), headers, body."""

    method: str
    path: str
    operation_id: str | None
    headers: Mapping[str, str]
    body: bytes


@dataclass
class Fault:
    """A canned answer (``status``) or a network error (``exception``), before or after processing.

    With ``after_processing=True`` the request is processed normally (state changes, the result
    is stored for its idempotency key) and only then does the fault apply: the caller sees the
    canned status or the exception instead of the real answer ("processed, then the connection
    dropped").

    ``body`` is a JSON object, or ``bytes`` sent exactly as given (a proxy's HTML page, a
    truncated body); set its ``content-type`` in ``headers`` (the default is application/json).

    ``break_body`` breaks the answer after its status line and headers: ``"cut"`` sends half of
    the body, then closes the connection; ``"stall"`` sends nothing more (the client's read
    times out). With ``after_processing=True`` the real answer is broken, else the canned one.
    """

    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Mapping[str, object] | bytes | None = None
    exception: type[BaseException] | BaseException | None = None
    after_processing: bool = False
    times: int = 1
    operation_id: str | None = None  # only requests to this operation; None: every API request
    break_body: Literal["cut", "stall"] | None = None

    def __post_init__(self) -> None:
        if self.status is None and self.exception is None:
            self.status = 500
        if self.status is not None and self.exception is not None:
            raise ValueError("a fault is either a status or an exception, not both")
        if self.break_body is not None and self.exception is not None:
            raise ValueError("break_body breaks an answer; an exception replaces it: use one of them")

    def __call__(self, request: FaultContext) -> Fault | None:
        """Fire (and count down) if any uses are left and the operation matches."""
        if self.times <= 0 or (self.operation_id is not None and request.operation_id != self.operation_id):
            return None
        self.times -= 1
        return self

    @property
    def exhausted(self) -> bool:
        """Whether the fault has fired ``times`` times."""
        return self.times <= 0

    def response_body(self) -> Mapping[str, object]:
        """The JSON body of the canned answer: as given, or the error body for its status."""
        if isinstance(self.body, Mapping):
            return self.body
        reason = FAULT_REASONS.get(self.status or 500, Reason.InternalServerError)
        return error_body(reason.code, f"{reason.default_message} (injected by the sandbox)")

    def response_content(self) -> bytes:
        """The bytes of the canned answer: raw ``body`` bytes as given, else the JSON body."""
        return self.body if isinstance(self.body, bytes) else encode(self.response_body())


FaultRule = Callable[[FaultContext], Fault | None]


class SimulatedNetworkError(Exception):
    """Raised by ``AmazonPaySandbox.handle`` when a fault asks for a network error.

    The httpx transport raises ``exception`` bound to the request instead; the HTTP server
    drops the connection without an answer.
    """

    def __init__(self, exception: type[BaseException] | BaseException) -> None:
        self.exception = exception
        super().__init__(f"simulated network error: {exception!r}")


class SimulatedBrokenBody(Exception):
    """Raised by ``AmazonPaySandbox.handle`` when a fault breaks the answer's body.

    Carries the whole answer; the httpx transport and the HTTP server send its status and
    headers, then ``kind`` ("cut": half the body and a closed connection; "stall": no body).
    """

    def __init__(self, status: int, headers: Mapping[str, str], body: bytes, kind: Literal["cut", "stall"]) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.kind = kind
        super().__init__(f"simulated {kind} body of a {status} answer")
