"""Running one command: the client from the environment, the call, its output and exit code.

Only the public API of the library is used here (``AmazonPay.from_env``, the resource methods,
the error classes), imported when a command runs, never for ``--help``.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    import httpx

    from amazonpay import AmazonPay

#: Exit code per error class, most specific first in each branch; the README's table is this one.
EXIT_CODES: tuple[tuple[str, int, str], ...] = (
    ("ConfigurationError", 3, "bad configuration, key or request value; nothing was sent"),
    ("AuthenticationError", 4, "401/403: key id, key or signature refused"),
    ("NotFoundError", 5, "404: no such object"),
    ("BadRequestError", 6, "400: the request was refused as invalid"),
    ("UnprocessableError", 7, "422: refused in the object's state, or declined"),
    ("RateLimitError", 8, "429: throttled, after the retries"),
    ("ServerError", 9, "5xx: Amazon Pay failed, after the retries; a POST may have been processed"),
    ("APIStatusError", 10, "another error status"),
    ("APIConnectionError", 11, "no answer (connection, timeout) after the retries; a POST may have been processed"),
    ("UnexpectedResponseError", 12, "an answer this version cannot read; the call may have succeeded"),
    ("AmazonPayError", 1, "any other error of the library"),
)
#: Click's own codes, for the README: a usage error (unknown option, bad --body) exits 2.
USAGE_EXIT_CODE = 2
#: The call succeeded, but its result could not be written (standard output closed, e.g. a pipe
#: whose reader is gone): the caller must not read it as a failure and run a money-moving call again.
OUTPUT_LOST_EXIT_CODE = 13


@dataclass
class Settings:
    """The root command's options: overrides of what ``AmazonPay.from_env()`` reads."""

    sandbox: bool | None = None
    region: str | None = None
    base_url: str | None = None

    def client(self) -> AmazonPay:
        """The client configured from the environment and these overrides."""
        from amazonpay import AmazonPay, ClientOptions

        overrides: ClientOptions[httpx.BaseTransport] = {}
        if self.sandbox is not None:
            overrides["sandbox"] = self.sandbox
        if self.region is not None:
            overrides["region"] = self.region
        if self.base_url is not None:
            overrides["base_url"] = self.base_url
        return AmazonPay.from_env(**overrides)


@dataclass
class CallRequest:
    """One operation call as the command line received it."""

    resource: str  # the client attribute, e.g. charges
    action: str  # the method, e.g. capture
    arguments: Mapping[str, Any]  # path ids and query parameters, by the method's argument names
    body: dict[str, Any] | None
    options: dict[str, Any] = field(default_factory=dict)  # per-call options but the idempotency key
    takes_idempotency_key: bool = False
    idempotency_key: str | None = None
    retrying: bool = False  # repeats a call that may have been processed (request_options(retrying=True))


def exit_code(error: BaseException) -> int:
    """The documented exit code of ``error``: its nearest class in :data:`EXIT_CODES`."""
    codes = {name: code for name, code, _ in EXIT_CODES}
    for cls in type(error).__mro__:
        if cls.__module__.startswith("amazonpay") and cls.__name__ in codes:
            return codes[cls.__name__]
    return 1


def _printable(text: str, limit: int = 200) -> str:
    """Network text for a terminal: control characters escaped, bounded."""
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return shown if len(shown) <= limit else shown[:limit] + "..."


def fail(error: Exception) -> NoReturn:
    """Report ``error`` on stderr (with reason code and request id) and exit with its code."""
    from amazonpay import APIStatusError, UnexpectedResponseError

    click.echo(f"amazonpay: {type(error).__name__}: {error}", err=True)
    if isinstance(error, APIStatusError):
        click.echo(f"reason code: {_printable(str(error.reason_code or 'none'))}", err=True)
    if isinstance(error, (APIStatusError, UnexpectedResponseError)):
        click.echo(f"request id: {_printable(error.request_id or 'none')}", err=True)
    sys.exit(exit_code(error))


def emit(data: Any, done: str = "the command succeeded") -> None:
    """JSON on stdout: indented on a terminal, one compact line when piped.

    ``done`` says what succeeded (a call with its request id and key), for the report when the
    output cannot be written: see :func:`output_lost`.
    """
    if sys.stdout.isatty():
        text = json.dumps(data, indent=2, ensure_ascii=False)
    else:
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    try:
        click.echo(text)  # writes and flushes, so a closed stdout fails here, not at exit
    except BrokenPipeError:
        output_lost(done)


def output_lost(done: str) -> NoReturn:
    """Exit with :data:`OUTPUT_LOST_EXIT_CODE`, saying on stderr that only the output was lost."""
    # Python would flush the unwritten output again at exit and report that failure too.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    with suppress(OSError):  # if stderr is gone too, the exit code alone says it
        click.echo(
            f"amazonpay: {done}, but its result could not be written: standard output is closed (broken pipe). "
            "Only the output was lost: do not run it again as if it had failed.",
            err=True,
        )
    sys.exit(OUTPUT_LOST_EXIT_CODE)


def _succeeded(request: CallRequest, request_id: str | None, key: str | None) -> str:
    """What succeeded, in words an operator can act on: the call, its request id and key."""
    command = f"{request.resource} {request.action}".replace("_", "-")
    done = f"{command} succeeded (request id {_printable(request_id or 'none')}"
    if key is not None:
        done += f", idempotency key {key}: running it again with --idempotency-key {key} returns this result"
    return done + ")"


def call_operation(settings: Settings, request: CallRequest) -> None:
    """Call ``pay.<resource>.<action>(...)`` and print its result, or fail with its exit code."""
    from amazonpay import AmazonPayError, request_options

    options = dict(request.options)
    arguments = dict(request.arguments)
    if request.body is not None:
        arguments["body"] = request.body
    key = None
    try:
        with settings.client() as pay, request_options(retrying=request.retrying) as outcome:
            if request.takes_idempotency_key:
                # Chosen here rather than by the client so it is shown before anything is sent:
                # a call cut off at any point can be repeated safely with it.
                key = request.idempotency_key or uuid.uuid4().hex
                options["idempotency_key"] = key
                click.echo(f"idempotency key: {key} (repeat this call safely with --idempotency-key {key})", err=True)
            result = getattr(getattr(pay, request.resource), request.action)(**arguments, **options)
            # A paged listing (``reports list``) is every item across its pages, as one JSON array.
            if result is None:  # an operation the spec answers without content
                return
            data = result.to_dict() if hasattr(result, "to_dict") else [item.to_dict() for item in result]
    except AmazonPayError as error:
        fail(error)
    emit(data, _succeeded(request, outcome.request_id, key))
