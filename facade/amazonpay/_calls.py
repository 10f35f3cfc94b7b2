"""The one call path of every resource method: options, path ids, body, result, errors.

The resource classes are generated from the spec (``amazonpay_api.resources``); each method
only names its generated operation, its result model and its arguments, and calls
``self._call``. What happens to every call happens here, once: the per-call options are
opened, path ids checked, the body turned into the generated model, the operation run, and
its parsed body returned or turned into a typed error. Signing, routing, retries and error
statuses happen below, in the transport.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Final, Protocol, TypedDict, TypeVar, Unpack

import httpx

from amazonpay_api.errors import UnexpectedStatus

from ._errors import AmazonPayError, ConfigurationError, UnexpectedResponseError, printable
from ._options import CallState, call_options
from ._outcome import remember
from ._registry import secret_arguments
from ._transport import unreadable_answer

if TYPE_CHECKING:
    from amazonpay_api import Client

    from ._pagination import AsyncPager, Paging, SyncPager
    from ._storage import AsyncStorage, Storage

T = TypeVar("T")

# The defaults of the generated ``wait()`` methods. Here, not in ``._waiting``: a resource
# module imports them, and a process that never waits should not load the waiting machinery.
#: Seconds between two GETs (each one jittered by up to +-``_waiting.JITTER`` of it).
DEFAULT_INTERVAL: Final = 10.0
#: Seconds a wait may take in all. Amazon settles refunds in minutes to hours and advises
#: polling about once an hour in production: a blocking wait suits the sandbox, tests and
#: scripts; production code should poll from a job queue (``is_final``) or take notifications.
DEFAULT_DEADLINE: Final = 600.0


class _Model(Protocol):
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...

    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_Model)


def as_model(model: type[M], body: M | Mapping[str, Any]) -> M:
    """The generated request model for ``body`` (a model instance or a dict in API field names).

    ``Decimal`` amounts become their exact decimal strings; NaN and infinities are refused. A
    field the model does not have is refused, naming it: the generated model would drop it
    silently, and it is not in the API as documented (the effective spec the models are
    generated from covers every field Amazon's pages and the official SDKs send), so it is most
    likely a misspelling, which the service would refuse too (400 UnrecognizedField).
    """
    if isinstance(body, model):
        body = body.to_dict()
    if not isinstance(body, Mapping):
        raise ConfigurationError(f"body must be a dict or {model.__name__}, not {type(body).__name__}")
    from ._validation import json_ready  # loaded by the first call with a body, not by a GET's process

    try:
        ready = json_ready(body)
        result = model.from_dict(ready)
        kept = result.to_dict()
        # Equal (the common case, checked in C): nothing was dropped, and there is nothing to walk.
        unknown = [] if kept == ready else _dropped(ready, kept, "body")
    except KeyError as missing:
        raise ConfigurationError(
            f"{model.__name__} is missing the required field {missing}; see the spec or the model's docstring"
        ) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise ConfigurationError(f"body does not fit {model.__name__}: {error}") from None
    if unknown:
        raise ConfigurationError(
            f"{model.__name__} has no field {', '.join(unknown)}: it is not in the Amazon Pay API as documented "
            "(Amazon's API reference and the official SDKs); check its spelling against the API reference; "
            "nothing was sent"
        )
    return result


def _dropped(given: Any, kept: Any, where: str) -> list[str]:
    """Where ``given`` has a key that ``kept`` (the model's ``to_dict()``) lost."""
    if isinstance(given, Mapping) and isinstance(kept, Mapping):
        return [
            found
            for name, value in given.items()
            for found in ([f"{where}.{name}"] if name not in kept else _dropped(value, kept[name], f"{where}.{name}"))
        ]
    if isinstance(given, list) and isinstance(kept, list):
        pairs = enumerate(zip(given, kept, strict=True))  # to_dict keeps every item of a list
        return [found for index, (item, kept_item) in pairs for found in _dropped(item, kept_item, f"{where}[{index}]")]
    return []


#: The most characters of one value this client puts in a URL (a path id, a page token).
#: Amazon Pay's ids are tens of characters; 4096, even percent-encoded (up to 12 characters
#: each), keep the URL under httpx's 64 KiB, past which it fails untyped (httpx.InvalidURL).
MAX_URL_VALUE: Final = 4096


def path_id(name: str, value: str) -> str:
    """``value`` checked for a path segment; an id can never change the path.

    The generated operation percent-encodes it; encoding it here as well would double-encode it.
    """
    if isinstance(value, str) and len(value) > MAX_URL_VALUE:
        raise ConfigurationError(
            f"{name} has {len(value)} characters, more than the {MAX_URL_VALUE} an id may have: pass the id "
            "Amazon Pay returned; nothing was sent"
        )
    if not isinstance(value, str) or not value.strip() or value in (".", "..") or "/" in value:
        shown = "(a secret, not shown)" if name in secret_arguments() else repr(value)
        raise ConfigurationError(
            f"{name} {shown} is not a valid id: pass the non-empty id Amazon Pay returned (no '/')"
        )
    return value


def parsed(expected: type[T], response: Any, call: CallState) -> T:
    """The parsed body, or :class:`UnexpectedResponseError` if it is not the expected model."""
    if isinstance(response.parsed, expected):
        return response.parsed
    raise UnexpectedResponseError(
        f"expected a {expected.__name__} body; the call may have succeeded at Amazon: {_recovery(call)}",
        status=response.status_code,
        request_id=call.request_id,
        body=response.content.decode("utf-8", errors="replace"),
        idempotency_key=call.idempotency_key,
    )


def finished(result: T, call: CallState) -> T:
    """``result``, its call's outcome kept for ``amazonpay.outcome_of(result)``."""
    remember(result, call.finished())
    return result


def unreadable(expected: type[Any], error: Exception, call: CallState) -> AmazonPayError:
    """The typed error for ``error``, raised by a generated operation around the transport.

    Before the first attempt (the request could not even be built) nothing was sent: a
    :class:`ConfigurationError`. After it, a success body this client version cannot parse
    (a required field missing, a value of the wrong type): :class:`UnexpectedResponseError`,
    as the configured generated client raises it for ``pay.api`` too. An enum value added later
    is read (the generated enums keep it), so it never gets here.
    """
    if call.attempts == 0 or call.response is None:  # every attempt that ends without an error records its answer
        return ConfigurationError(
            f"the request for a {expected.__name__} could not be built ({type(error).__name__}: "
            f"{printable(str(error), 200)}); nothing was sent"
        )
    return unreadable_answer(call.response, error)


def _recovery(call: CallState) -> str:
    key = call.idempotency_key
    return f"retry with idempotency_key={key!r} to get its result" if key else "get the object again"


if TYPE_CHECKING:  # for type checkers only: at run time, typing compiled each field's annotation as a forward reference

    class Request(TypedDict, total=False):
        """What a generated method hands to the call path besides its options."""

        path: Mapping[str, str]  # path ids by the generated function's parameter names
        query: Mapping[str, Any]  # query parameters, likewise
        body: tuple[type[Any], Any]  # (the generated request model, the model or a dict)


def _arguments(request: Request) -> dict[str, Any]:
    """The generated operation's keyword arguments: ids checked, the body as its model."""
    arguments: dict[str, Any] = {name: path_id(name, value) for name, value in request.get("path", {}).items()}
    arguments.update(request.get("query", {}))
    if "body" in request:
        arguments["body"] = as_model(*request["body"])
    return arguments


#: What the generated code raises for an answer (or a request) it cannot handle.
_UNREADABLE: Final = (KeyError, TypeError, ValueError, UnexpectedStatus, httpx.InvalidURL)


class _Calling:
    """The per-call options around one operation; what the generated code cannot parse is typed.

    A class rather than a generator (``contextmanager``): every call opens one.
    """

    __slots__ = ("_call", "_expected", "_options")

    def __init__(self, expected: type[Any], options: Mapping[str, Any]) -> None:
        self._expected = expected
        self._options = call_options(options)

    def __enter__(self) -> CallState:
        self._call = self._options.__enter__()
        return self._call

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._options.__exit__(kind, error, traceback)
        if isinstance(error, _UNREADABLE) and not isinstance(error, AmazonPayError):
            raise unreadable(self._expected, error, self._call) from error


class _Resource:
    def __init__(self, api: Client) -> None:
        self._api = api

    def _wait_sleep(self, sleep: Callable[[float], object] | None) -> Callable[[float], object] | None:
        """A wait's pause: its own ``sleep=``, else its client's ``wait_sleep=`` (None: the real sleep)."""
        from ._client import _Api

        return sleep if sleep is not None else self._api.wait_sleep if isinstance(self._api, _Api) else None

    @staticmethod
    def _is_final(operation_id: str, obj: object) -> bool:
        """Whether ``obj`` is in a state the operation's ``x-amazonpay-wait`` lists as final."""
        from ._waiting import wait_rule  # loaded by the first wait or is_final, not by every process

        return wait_rule(operation_id).is_final(obj)


class SyncResource(_Resource):
    """Base of the generated synchronous resource classes."""

    def __init__(self, api: Client, storage: Storage | None = None) -> None:
        super().__init__(api)
        self._storage = storage  # unsigned transfers to pre-signed URLs (downloads, uploads)

    @property
    def _transfers(self) -> Storage:
        if self._storage is None:
            raise ConfigurationError(f"{type(self).__name__} was made without storage: use it through AmazonPay")
        return self._storage

    def _call(
        self, operation: ModuleType, expected: type[T], options: Mapping[str, Any], **request: Unpack[Request]
    ) -> T:
        arguments = _arguments(request)
        with _Calling(expected, options) as call:
            response = operation.sync_detailed(client=self._api, **arguments)
        return finished(parsed(expected, response, call), call)

    def _wait(
        self,
        operation_id: str,
        operation: ModuleType,
        expected: type[T],
        options: Mapping[str, Any],
        *,
        interval: float,
        deadline: float,
        sleep: Callable[[float], object] | None,
        **request: Unpack[Request],
    ) -> T:
        """The operation called until its object's state is final (see ``amazonpay._waiting``)."""
        from ._waiting import wait, wait_rule

        return wait(
            wait_rule(operation_id),
            lambda: self._call(operation, expected, options, **request),
            interval=interval,
            deadline=deadline,
            sleep=self._wait_sleep(sleep),
            monotonic=None,
        )

    def _list(
        self, operation: ModuleType, page: type[T], options: Mapping[str, Any], paging: Paging, query: Mapping[str, Any]
    ) -> SyncPager[T, Any]:
        """Every item of a paged listing; pages are fetched as the caller iterates."""
        from ._pagination import SyncPager  # only listings need it: not loaded by a cold start

        with call_options(options):  # bad options fail here, not at the first iteration
            pass
        return SyncPager(lambda page_query: self._call(operation, page, options, query=page_query), query, paging)


class AsyncResource(_Resource):
    """Base of the generated asynchronous resource classes."""

    def __init__(self, api: Client, storage: AsyncStorage | None = None) -> None:
        super().__init__(api)
        self._storage = storage  # unsigned transfers to pre-signed URLs (downloads, uploads)

    @property
    def _transfers(self) -> AsyncStorage:
        if self._storage is None:
            raise ConfigurationError(f"{type(self).__name__} was made without storage: use it through AsyncAmazonPay")
        return self._storage

    async def _call(
        self, operation: ModuleType, expected: type[T], options: Mapping[str, Any], **request: Unpack[Request]
    ) -> T:
        arguments = _arguments(request)
        with _Calling(expected, options) as call:
            response = await operation.asyncio_detailed(client=self._api, **arguments)
        return finished(parsed(expected, response, call), call)

    async def _wait(
        self,
        operation_id: str,
        operation: ModuleType,
        expected: type[T],
        options: Mapping[str, Any],
        *,
        interval: float,
        deadline: float,
        sleep: Callable[[float], Awaitable[object]] | None,
        **request: Unpack[Request],
    ) -> T:
        """The async twin of :meth:`SyncResource._wait`."""
        from ._waiting import wait_async, wait_rule

        return await wait_async(
            wait_rule(operation_id),
            lambda: self._call(operation, expected, options, **request),
            interval=interval,
            deadline=deadline,
            sleep=self._wait_sleep(sleep),
            monotonic=None,
        )

    def _list(
        self, operation: ModuleType, page: type[T], options: Mapping[str, Any], paging: Paging, query: Mapping[str, Any]
    ) -> AsyncPager[T, Any]:
        """Every item of a paged listing (``async for``); pages are fetched as the caller iterates."""
        from ._pagination import AsyncPager  # only listings need it: not loaded by a cold start

        with call_options(options):  # bad options fail here, not at the first iteration
            pass
        return AsyncPager(lambda page_query: self._call(operation, page, options, query=page_query), query, paging)
