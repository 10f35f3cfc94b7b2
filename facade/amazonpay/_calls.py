"""The one call path of every resource method: options, path ids, body, result, errors.

The resource classes are generated from the spec (``amazonpay_api.resources``); each method
only names its generated operation, its result model and its arguments, and calls
``self._call``. What happens to every call happens here, once: the per-call options are
opened, path ids checked, the body turned into the generated model, the operation run, and
its parsed body returned or turned into a typed error. Signing, routing, retries and error
statuses happen below, in the transport.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, TypeVar, Unpack

import httpx

from amazonpay_api.errors import UnexpectedStatus

from ._errors import AmazonPayError, ConfigurationError, UnexpectedResponseError
from ._options import CallState, request_options
from ._pagination import AsyncPager, Paging, SyncPager
from ._storage import AsyncStorage, Storage

if TYPE_CHECKING:
    from amazonpay_api import Client

T = TypeVar("T")


class _Model(Protocol):
    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T: ...


M = TypeVar("M", bound=_Model)


def as_model(model: type[M], body: M | Mapping[str, Any]) -> M:
    """The generated request model for ``body`` (a model instance or a dict in API field names)."""
    if isinstance(body, model):
        return body
    if not isinstance(body, Mapping):
        raise ConfigurationError(f"body must be a dict or {model.__name__}, not {type(body).__name__}")
    try:
        return model.from_dict(body)
    except KeyError as missing:
        raise ConfigurationError(
            f"{model.__name__} is missing the required field {missing}; see the spec or the model's docstring"
        ) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise ConfigurationError(f"body does not fit {model.__name__}: {error}") from None


def path_id(name: str, value: str) -> str:
    """``value`` checked for a path segment; an id can never change the path.

    The generated operation percent-encodes it; encoding it here as well would double-encode it.
    """
    if not isinstance(value, str) or not value.strip() or value in (".", "..") or "/" in value:
        raise ConfigurationError(
            f"{name} {value!r} is not a valid id: pass the non-empty id Amazon Pay returned (no '/')"
        )
    return value


def parsed(expected: type[T], response: Any, call: CallState) -> T:
    """The parsed body, or :class:`UnexpectedResponseError` if it is not the expected model."""
    if isinstance(response.parsed, expected):
        return response.parsed
    raise UnexpectedResponseError(
        f"expected a {expected.__name__} body",
        status=response.status_code,
        request_id=call.request_id,
        body=response.content.decode("utf-8", errors="replace"),
    )


def unreadable(expected: type[Any], error: Exception, call: CallState) -> UnexpectedResponseError:
    """A success body this client version cannot parse (for example an enum value added later)."""
    try:
        content = call.response.content if call.response is not None else b""
    except httpx.ResponseNotRead:
        content = b""
    return UnexpectedResponseError(
        f"cannot read the response as {expected.__name__} ({type(error).__name__}: {error}); the call may "
        "have succeeded at Amazon: fetch the object again, or regenerate the client from a newer spec",
        status=call.status or 0,
        request_id=call.request_id,
        body=content.decode("utf-8", errors="replace"),
    )


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


@contextmanager
def _calling(expected: type[Any], options: Mapping[str, Any]) -> Iterator[CallState]:
    """The per-call options around one operation; what the generated code cannot parse is typed."""
    with request_options(**options) as call:
        try:
            yield call
        except AmazonPayError:
            raise
        except (KeyError, TypeError, ValueError, UnexpectedStatus) as error:
            raise unreadable(expected, error, call) from error


class _Resource:
    def __init__(self, api: Client) -> None:
        self._api = api


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
        with _calling(expected, options) as call:
            response = operation.sync_detailed(client=self._api, **arguments)
        return parsed(expected, response, call)

    def _list(
        self, operation: ModuleType, page: type[T], options: Mapping[str, Any], paging: Paging, query: Mapping[str, Any]
    ) -> SyncPager[T, Any]:
        """Every item of a paged listing; pages are fetched as the caller iterates."""
        with request_options(**options):  # bad options fail here, not at the first iteration
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
        with _calling(expected, options) as call:
            response = await operation.asyncio_detailed(client=self._api, **arguments)
        return parsed(expected, response, call)

    def _list(
        self, operation: ModuleType, page: type[T], options: Mapping[str, Any], paging: Paging, query: Mapping[str, Any]
    ) -> AsyncPager[T, Any]:
        """Every item of a paged listing (``async for``); pages are fetched as the caller iterates."""
        with request_options(**options):  # bad options fail here, not at the first iteration
            pass
        return AsyncPager(lambda page_query: self._call(operation, page, options, query=page_query), query, paging)
