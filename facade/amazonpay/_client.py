"""AmazonPay and AsyncAmazonPay: configuration, the configured generated client, resources.

The constructor's parameters are written once, on the shared base; the two clients differ only
in their httpx client and transport (sync or async). Their resource attributes
(``pay.charges``, ...) come from the generated mixins of ``amazonpay_api.resources``, so an
operation a new spec adds reaches both clients with no change here.
"""

from __future__ import annotations

import json
import logging
import os
import ssl
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Generic, NoReturn, Self, TypeVar, Unpack

import httpx
from httpx._client import BaseClient, ClientState  # send()'s open/closed state (httpx pinned below 0.29)
from httpx._urlparse import MAX_URL_LENGTH, PATH_SAFE

from amazonpay_api import Client
from amazonpay_api.errors import UnexpectedStatus
from amazonpay_api.resources import AsyncResources, Resources
from amazonpay_api.types import Response

from ._endpoints import Endpoint, environment_proxy, resolve_endpoint
from ._errors import ConfigurationError
from ._keys import PrivateKeySource, load_private_key, private_key_from_env
from ._options import checked_timeout
from ._registry import hide_secrets
from ._retry import RetryPolicy, checked_max_retries
from ._signing import ALGORITHMS, Algorithm, Credentials, sign_string, string_to_sign
from ._transport import AmazonPayTransport, Clock, ClockSkew, unreadable_answer, utc_now

if TYPE_CHECKING:
    from ._client_options import ClientOptions
    from ._storage import AsyncStorage, Storage
    from .notifications._objects import AsyncClientNotifications, ClientNotifications

logger = logging.getLogger("amazonpay")

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
T = TypeVar("T")


class _Api(Client):
    """The generated client as amazonpay configures it (``pay.api``).

    Every answer of a generated operation is read here: one that the generated models cannot
    read is the :class:`UnexpectedResponseError` the resource methods raise, not a bare
    ``KeyError``. Its httpx client is amazonpay's signing one, and only it: the ``with_*``
    builders are refused (the generated ones make a plain httpx client, unsigned, without
    retries, idempotency keys or typed errors, and change this one's in place; per-call options,
    ``request_options``, do what they would), so are ``set_httpx_client`` and
    ``set_async_httpx_client`` (the resource methods send through this client too), and the kind
    of httpx client this one does not have is an error, not a plain client built on demand.
    """

    __slots__ = ("_kind", "wait_sleep")

    def __init__(
        self,
        base_url: str,
        http: httpx.Client | httpx.AsyncClient,
        kind: str,
        wait_sleep: Callable[[float], object] | None = None,
    ) -> None:
        super().__init__(base_url=base_url, raise_on_unexpected_status=True)
        self._kind = kind  # "AmazonPay" or "AsyncAmazonPay", for the messages
        #: The client's ``wait_sleep=``: the resources' waits read it here, where they reach their client.
        self.wait_sleep = wait_sleep
        if isinstance(http, httpx.Client):
            self._client = http
        else:
            self._async_client = http

    def get_httpx_client(self) -> httpx.Client:
        """The signing httpx client of :class:`AmazonPay` (refused for :class:`AsyncAmazonPay`)."""
        if self._client is None:
            raise ConfigurationError(
                f"pay.api of {self._kind} is asynchronous: call the generated operations' asyncio functions "
                "(asyncio_detailed, asyncio) with it, or make an AmazonPay for synchronous calls; nothing was sent"
            )
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The signing httpx client of :class:`AsyncAmazonPay` (refused for :class:`AmazonPay`)."""
        if self._async_client is None:
            raise ConfigurationError(
                f"pay.api of {self._kind} is synchronous: call the generated operations' sync functions "
                "(sync_detailed, sync) with it, or make an AsyncAmazonPay for asyncio calls; nothing was sent"
            )
        return self._async_client

    def read_response(self, response: httpx.Response, parse: Callable[..., T | None]) -> Response[T]:
        """The generated operation's answer, or :class:`UnexpectedResponseError` when it cannot be read."""
        try:
            return super().read_response(response, parse)
        except (KeyError, TypeError, ValueError, AttributeError, UnexpectedStatus) as error:
            failure = unreadable_answer(response, error)
        # Raised outside the except clause: the parsing error (which may quote the body) is not chained.
        raise failure


def _refused_builder(name: str) -> Callable[..., NoReturn]:
    swaps = name.startswith("set_")
    why = (
        "it would put another httpx client under pay.api and every resource method of this client (unsigned, "
        "without retries, idempotency keys or typed errors, wherever that client points): pass transport= or "
        "proxy= to the AmazonPay constructor, or make an amazonpay_api.Client of your own"
        if swaps
        else "it would return a client on plain httpx (unsigned, without retries, idempotency keys or typed errors) "
        "and change this client's own: use amazonpay.request_options(timeout=..., headers=...) around the call "
        "instead"
    )

    def refuse(self: _Api, *args: object, **kwargs: object) -> NoReturn:
        raise ConfigurationError(f"pay.api.{name}() is not available: {why}; nothing was changed")

    refuse.__name__ = refuse.__qualname__ = name
    refuse.__doc__ = (
        "Refused: pay.api's httpx client is amazonpay's signing one."
        if swaps
        else (f"Refused: use ``amazonpay.request_options`` instead of ``{name}``.")
    )
    return refuse


# Every builder and setter the generated client has, including ones a newer generator adds.
for _name in [name for name in dir(Client) if name.startswith(("with_", "set_"))]:
    setattr(_Api, _name, _refused_builder(_name))


class _Config:
    """Everything both clients share, checked once at construction; the key is parsed here."""

    def __init__(
        self,
        *,
        public_key_id: str,
        private_key: PrivateKeySource,
        region: str,
        sandbox: bool | None,
        algorithm: str,
        max_retries: int,
        timeout: float | httpx.Timeout,
        base_url: str | None,
        password: str | bytes | None,
        verify: bool | ssl.SSLContext,
        clock: Clock,
        clock_skew: ClockSkew,
    ) -> None:
        if algorithm not in ALGORITHMS:
            raise ConfigurationError(f"unknown algorithm {algorithm!r}; use one of {', '.join(ALGORITHMS)}")
        checked_max_retries(max_retries)
        # Stripped once: the id that is sent is the id whose environment is read.
        key_id = public_key_id.strip() if isinstance(public_key_id, str) else public_key_id
        self.endpoint: Endpoint = resolve_endpoint(region, key_id, sandbox, base_url)
        self.timeout = checked_timeout(timeout)
        self.credentials = Credentials(key_id, load_private_key(private_key, password), algorithm)
        self.retry_policy = RetryPolicy(max_retries=max_retries)
        self.verify = verify
        self.clock = clock
        if clock_skew not in (None, "auto"):
            raise ConfigurationError(f"clock_skew must be None or 'auto', not {clock_skew!r}")
        self.clock_skew: ClockSkew = clock_skew
        if verify is False:
            logger.warning(
                "TLS certificate verification is OFF (verify=False): use this only against a local test server"
            )

    def transport(self, inner: httpx.BaseTransport | httpx.AsyncBaseTransport) -> AmazonPayTransport:
        return AmazonPayTransport(
            inner,
            credentials=self.credentials,
            endpoint=self.endpoint,
            retry_policy=self.retry_policy,
            clock=self.clock,
            clock_skew=self.clock_skew,
        )

    def describe(self, cls: str) -> str:
        e = self.endpoint
        return (
            f"{cls}(region={e.region!r}, environment={e.environment!r}, "
            f"public_key_id={self.credentials.public_key_id!r}, algorithm={self.credentials.algorithm!r}, "
            f"base_url={e.base_url!r})"
        )

    def sign_button_payload(self, payload: Mapping[str, object] | str) -> tuple[str, str]:
        if isinstance(payload, str):
            text = payload
        elif isinstance(payload, Mapping):
            text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
        else:
            raise ConfigurationError(f"payload must be a dict or the exact JSON str, not {type(payload).__name__}")
        algorithm = self.credentials.algorithm
        return text, sign_string(self.credentials.private_key, algorithm, string_to_sign(algorithm, text))


_Inner = TypeVar("_Inner", httpx.BaseTransport, httpx.AsyncBaseTransport)


class _Client(ABC, Generic[_Inner]):
    """What both clients share: one constructor, configuration, signing of button payloads."""

    def __init__(
        self,
        *,
        public_key_id: str,
        private_key: PrivateKeySource,
        region: str,
        sandbox: bool | None = None,
        algorithm: Algorithm = "AMZN-PAY-RSASSA-PSS-V2",
        max_retries: int = 3,
        timeout: float | httpx.Timeout = 30.0,
        transport: _Inner | None = None,
        base_url: str | None = None,
        password: str | bytes | None = None,
        verify: bool | ssl.SSLContext = True,
        clock: Clock = utc_now,
        clock_skew: ClockSkew = None,
        proxy: str | httpx.Proxy | None = None,
        wait_sleep: Callable[[float], object] | None = None,
    ) -> None:
        """Check the configuration and parse the key; nothing is sent until the first call.

        ``transport`` replaces the network (an httpx transport: sync for :class:`AmazonPay`,
        async for :class:`AsyncAmazonPay`), for example the sandbox simulator's. ``clock_skew="auto"``
        lets the client correct its signing clock when Amazon's ``Date`` header shows the local
        clock off by more than two minutes (it logs a warning). ``proxy=`` routes requests through
        an HTTP(S) proxy; without it, ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` are honoured
        as httpx and requests do.

        ``wait_sleep`` is what the ``wait()`` methods pause with between two GETs when the call
        passes no ``sleep=`` (default: ``time.sleep``; ``anyio.sleep`` for :class:`AsyncAmazonPay`,
        which awaits what it returns when that is awaitable). In tests, ``sandbox.sleep`` makes
        every wait move the simulator's clock instead of sleeping; the pytest plugin's clients
        have it.
        """
        if wait_sleep is not None and not callable(wait_sleep):
            raise ConfigurationError(
                f"wait_sleep must be callable, like time.sleep or sandbox.sleep, not {wait_sleep!r}"
            )
        if transport is not None and proxy is not None:
            raise ConfigurationError(
                "pass proxy= or transport=, not both: a custom transport makes its own connections"
            )
        self._config = _Config(
            public_key_id=public_key_id,
            private_key=private_key,
            region=region,
            sandbox=sandbox,
            algorithm=algorithm,
            max_retries=max_retries,
            timeout=timeout,
            base_url=base_url,
            password=password,
            verify=verify,
            clock=clock,
            clock_skew=clock_skew,
        )
        if transport is None:
            chosen = proxy if proxy is not None else environment_proxy(self._config.endpoint.base_url)
            if chosen is not None and not isinstance(chosen, str | httpx.Proxy):
                raise ConfigurationError(f"proxy must be a URL str or an httpx.Proxy, not {type(chosen).__name__}")
            try:
                transport = self._network(verify, chosen)
            except (ValueError, TypeError, ImportError, httpx.InvalidURL):
                transport = None
            if transport is None:
                # The URL is never shown, and httpx's error (which may quote it) is not even the context:
                # it may hold the proxy's password.
                raise ConfigurationError(
                    "the proxy URL (proxy= or HTTPS_PROXY / ALL_PROXY) is not an http:// or https:// URL "
                    "(socks5:// needs httpx[socks])"
                )
        http = self._connect(self._config.transport(transport), transport)
        #: The generated low-level client, fully configured (signing, routing, retries, errors).
        self.api: Client = _Api(self._config.endpoint.base_url, http, type(self).__name__, wait_sleep)

    @abstractmethod
    def _network(self, verify: bool | ssl.SSLContext, proxy: str | httpx.Proxy | None) -> _Inner:
        """The httpx network transport of this kind of client, through ``proxy`` if not None."""

    @abstractmethod
    def _connect(self, transport: AmazonPayTransport, network: _Inner) -> httpx.Client | httpx.AsyncClient:
        """Make the httpx client over ``transport`` (for :attr:`api`) and return it.

        The unsigned storage client (pre-signed URLs) goes directly over ``network``, below the signing.
        """

    @property
    def algorithm(self) -> Algorithm:
        """The signing algorithm; the button config must name the same one."""
        return self._config.credentials.algorithm

    @property
    def endpoint(self) -> Endpoint:
        """Where requests go: base URL, host and region header values."""
        return self._config.endpoint

    def sign_button_payload(self, payload: Mapping[str, object] | str) -> tuple[str, str]:
        """Sign an Amazon Pay button payload; return ``(payload_json, signature)``.

        A dict becomes compact JSON with non-ASCII kept as is; a str is signed byte for byte.
        Hand the browser exactly the returned string: any other spelling fails verification.
        """
        return self._config.sign_button_payload(payload)

    def __repr__(self) -> str:
        return self._config.describe(type(self).__name__)

    @classmethod
    def from_env(cls, **overrides: Unpack[ClientOptions[_Inner]]) -> Self:
        """Configure from the environment; keyword arguments override it.

        Reads AMAZON_PAY_PUBLIC_KEY_ID, AMAZON_PAY_PRIVATE_KEY (a path or the PEM text),
        AMAZON_PAY_REGION, and optionally AMAZON_PAY_SANDBOX, AMAZON_PAY_PRIVATE_KEY_PASSWORD and
        AMAZON_PAY_BASE_URL (the ``amazonpay`` command reads its configuration here too).
        """

        def need(name: str) -> str:
            value = os.environ.get(name, "").strip()
            if not value:
                raise ConfigurationError(f"environment variable {name} is not set")
            return value

        arguments: ClientOptions[_Inner] = {}
        if "public_key_id" not in overrides:
            arguments["public_key_id"] = need("AMAZON_PAY_PUBLIC_KEY_ID")
        if "private_key" not in overrides:
            arguments["private_key"] = private_key_from_env(need("AMAZON_PAY_PRIVATE_KEY"), "AMAZON_PAY_PRIVATE_KEY")
        if "region" not in overrides:
            arguments["region"] = need("AMAZON_PAY_REGION")
        sandbox = os.environ.get("AMAZON_PAY_SANDBOX", "").strip().lower()
        if "sandbox" not in overrides and sandbox:
            if sandbox not in _TRUE | _FALSE:
                raise ConfigurationError(f"AMAZON_PAY_SANDBOX={sandbox!r}: use true or false")
            arguments["sandbox"] = sandbox in _TRUE
        password = os.environ.get("AMAZON_PAY_PRIVATE_KEY_PASSWORD")
        if "password" not in overrides and password:
            arguments["password"] = password
        base_url = os.environ.get("AMAZON_PAY_BASE_URL", "").strip()
        if "base_url" not in overrides and base_url:
            arguments["base_url"] = base_url
        arguments.update(overrides)
        return cls(**arguments)


class AmazonPay(_Client[httpx.BaseTransport], Resources):
    """The Amazon Pay API v2 client (synchronous).

    Example::

        with AmazonPay(public_key_id="SANDBOX-AHEXAMPLE", private_key=Path("private.pem"), region="eu") as pay:
            session = pay.checkout_sessions.create({...})
    """

    def _network(self, verify: bool | ssl.SSLContext, proxy: str | httpx.Proxy | None) -> httpx.BaseTransport:
        from ._sockets import sync_network  # a request's head and body written at once: one send, not two

        return sync_network(verify, proxy)

    def _connect(self, transport: AmazonPayTransport, network: httpx.BaseTransport) -> httpx.Client:
        self._http = _HttpClient(
            base_url=self._config.endpoint.base_url, transport=transport, timeout=self._config.timeout
        )
        self._direct = network
        return self._http

    @cached_property
    def _storage(self) -> Storage:
        """Transfers to pre-signed URLs (downloads, uploads), made when a resource that transfers is first read.

        Shares the network transport (closed with the API client's); never signs, never redirects.
        """
        from ._storage import HiddenQuery, Storage

        return Storage(httpx.Client(transport=HiddenQuery(self._direct), timeout=self._config.timeout))

    @property
    def notifications(self) -> ClientNotifications:
        """Verified notifications' objects: ``pay.notifications.fetch(notification)``."""
        from .notifications._objects import ClientNotifications

        return ClientNotifications(self)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncAmazonPay(_Client[httpx.AsyncBaseTransport], AsyncResources):
    """The Amazon Pay API v2 client (asyncio or trio); mirrors :class:`AmazonPay` with ``await``.

    ``pay.api`` is the same generated client: call its ``asyncio`` functions.
    """

    def _network(self, verify: bool | ssl.SSLContext, proxy: str | httpx.Proxy | None) -> httpx.AsyncBaseTransport:
        from ._sockets import async_network  # an idle-connection check at a tenth of httpcore's cost over asyncio

        return async_network(verify, proxy)

    def _connect(self, transport: AmazonPayTransport, network: httpx.AsyncBaseTransport) -> httpx.AsyncClient:
        self._http = _AsyncHttpClient(
            base_url=self._config.endpoint.base_url, transport=transport, timeout=self._config.timeout
        )
        self._direct = network
        return self._http

    @cached_property
    def _storage(self) -> AsyncStorage:
        """Transfers to pre-signed URLs (downloads, uploads), made when a resource that transfers is first read.

        Shares the network transport (closed with the API client's); never signs, never redirects.
        """
        from ._storage import AsyncStorage, HiddenQuery

        return AsyncStorage(httpx.AsyncClient(transport=HiddenQuery(self._direct), timeout=self._config.timeout))

    @property
    def notifications(self) -> AsyncClientNotifications:
        """Verified notifications' objects: ``await pay.notifications.fetch(notification)``."""
        from .notifications._objects import AsyncClientNotifications

        return AsyncClientNotifications(self)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


class _AnswerCookies(httpx.Cookies):
    """The client's cookie jar, read only from answers that set a cookie.

    httpx reads every answer into its jar through urllib's cookie machinery (a
    ``urllib.request.Request`` built, its URL parsed again: about a tenth of the per-call
    work over httpx's own), even though it finds nothing without ``Set-Cookie``; Amazon Pay sets
    none. An answer that sets one is read exactly as httpx reads it.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        """Read the answer's cookies into the jar, as httpx does, if it sets any."""
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


#: The characters httpx's URL parser keeps as they are in a path (it percent-encodes any other).
_KEPT_IN_PATH: Final = frozenset(PATH_SAFE)


class _MergedUrls(BaseClient):
    """The request URL of a plain relative path merged onto the base URL in one step.

    httpx merges by parsing the relative URL, joining the raw paths and parsing the joined URL
    again (about a twentieth of a GET's work over its signature). For a path the parser would
    keep as it is (it starts with one ``/``, has no dot segment, no query and only characters
    it does not encode: the generated operations' paths, their ids percent-encoded) onto a base
    URL without query or fragment, the result is the base URL's parts with the two paths
    joined; anything else is merged by httpx.
    """

    def _merge_url(self, url: httpx.URL | str) -> httpx.URL:
        base = self._base_url._uri_reference
        if (
            isinstance(url, str)
            and url[:1] == "/"
            and url[1:2] != "/"
            and "/." not in url
            and len(base.path) + len(url) <= MAX_URL_LENGTH
            and _KEPT_IN_PATH.issuperset(url)
            and base.scheme
            and base.path[-1:] == "/"
            and base.query is None
            and base.fragment is None
        ):
            merged = httpx.URL.__new__(httpx.URL)
            merged._uri_reference = base._replace(path=base.path + url[1:])
            return merged
        return super()._merge_url(url)


class _HttpClient(_MergedUrls, httpx.Client):
    """httpx.Client whose calls after ``close()`` are a typed error, not httpx's RuntimeError."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cookies = _AnswerCookies(self._cookies)

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self.is_closed:
            raise ConfigurationError(
                f"{request.method} {hide_secrets(request.method, request.url.path)[0]} not sent: this AmazonPay "
                "client is closed; "
                "make calls inside its with block, or create a new client"
            )
        if not _plain(self, request, kwargs):
            return super().send(request, **kwargs)
        # httpx's send for this case, without its auth flow and redirect loop (generators and lists
        # that end where they begin when there is no auth and no redirect to follow).
        self._state = ClientState.OPENED
        self._set_timeout(request)
        for hook in self._event_hooks["request"]:
            hook(request)
        response = self._send_single_request(request)
        try:
            for hook in self._event_hooks["response"]:
                hook(response)
            _not_followed(self, request, response)
            response.read()
        except BaseException:
            response.close()
            raise
        return response


class _AsyncHttpClient(_MergedUrls, httpx.AsyncClient):
    """httpx.AsyncClient whose calls after ``aclose()`` are a typed error, not httpx's RuntimeError."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cookies = _AnswerCookies(self._cookies)

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self.is_closed:
            raise ConfigurationError(
                f"{request.method} {hide_secrets(request.method, request.url.path)[0]} not sent: this AsyncAmazonPay "
                "client is closed; "
                "make calls inside its async with block, or create a new client"
            )
        if not _plain(self, request, kwargs):
            return await super().send(request, **kwargs)
        # As _HttpClient.send: httpx's send for this case, without its auth flow and redirect loop.
        self._state = ClientState.OPENED
        self._set_timeout(request)
        for hook in self._event_hooks["request"]:
            await hook(request)
        response = await self._send_single_request(request)
        try:
            for hook in self._event_hooks["response"]:
                await hook(response)
            _not_followed(self, request, response)
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response


def _plain(client: httpx.Client | httpx.AsyncClient, request: httpx.Request, options: Mapping[str, Any]) -> bool:
    """Whether httpx's send would use no auth and follow no redirect, and read the whole answer.

    The generated operations send so (``request()`` without auth, stream or redirect options, a
    URL without credentials); ``pay.api``'s httpx client keeps its full send for anything else.
    """
    follow = options.get("follow_redirects", httpx.USE_CLIENT_DEFAULT)
    return (
        not options.get("stream", False)
        and options.get("auth", httpx.USE_CLIENT_DEFAULT) is httpx.USE_CLIENT_DEFAULT
        and client.auth is None
        and not (client.follow_redirects if follow is httpx.USE_CLIENT_DEFAULT else follow)
        and client.max_redirects >= 0
        and not request.url.userinfo
    )


def _not_followed(client: httpx.Client | httpx.AsyncClient, request: httpx.Request, response: httpx.Response) -> None:
    """What httpx sets on an answer it does not follow: no history, the redirect's request if any."""
    response.history = []
    if response.has_redirect_location:
        response.next_request = client._build_redirect_request(request, response)
