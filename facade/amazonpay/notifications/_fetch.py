"""Fetching what a verified-shape SNS URL points to: the pluggable interface and the httpx default.

The verifier checks every URL before handing it to a fetcher, and turns anything a fetcher
raises into a :class:`~amazonpay.NotificationVerificationError`; a fetcher only has to
return the body of a 200 answer, or raise.
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable
from time import monotonic
from typing import Final, Protocol

import anyio
import httpx

from .._endpoints import environment_proxy
from .._errors import AmazonPayError, ConfigurationError
from .._storage import HiddenQuery

DEFAULT_TIMEOUT: Final = 10.0
#: An SNS certificate is about 2 KB and a ConfirmSubscription answer under 1 KB.
DEFAULT_MAX_BYTES: Final = 64 * 1024
_CHUNK: Final = 4096


class Fetcher(Protocol):
    """Returns the body of a 200 answer to a GET of ``url``; raises on anything else."""

    def __call__(self, url: str, /) -> bytes:
        """Fetch ``url``."""
        ...


class AsyncFetcher(Protocol):
    """The async twin of :class:`Fetcher`."""

    def __call__(self, url: str, /) -> Awaitable[bytes]:
        """Fetch ``url``."""
        ...


class FetchError(AmazonPayError):
    """The httpx fetchers refused an answer: not 200 (redirects included), encoded, or too large."""


def _check_context(context: object) -> None:
    """Refuse a TLS context that does not verify the certificate and its host name.

    TLS is the trust anchor of SNS messages: whoever could answer the certificate fetch
    unverified could sign notifications that verify. The CA bundle may be replaced, never the
    verification turned off (``CERT_OPTIONAL`` verifies like ``CERT_REQUIRED`` on a client).
    """
    if not isinstance(context, ssl.SSLContext):
        raise ConfigurationError(f"verify must be an ssl.SSLContext or None, not {context!r}: TLS is always verified")
    if context.verify_mode == ssl.CERT_NONE or not context.check_hostname:
        raise ConfigurationError(
            "verify is an ssl.SSLContext that does not verify certificates (verify_mode CERT_NONE or "
            "check_hostname False); SNS certificates are only trusted over verified TLS: pass "
            "ssl.create_default_context(cafile=...) to replace the CA bundle, or None for the default"
        )


class _Limits:
    """What both httpx fetchers share: the limits and the checks of each answer."""

    def __init__(self, *, timeout: float, max_bytes: int, verify: ssl.SSLContext | None) -> None:
        if not timeout > 0 or not max_bytes > 0:
            raise ConfigurationError(f"timeout and max_bytes must be positive, not {timeout!r} and {max_bytes!r}")
        self.timeout = timeout
        self.max_bytes = max_bytes
        if verify is not None:
            _check_context(verify)
        self._context = verify

    @property
    def verify(self) -> ssl.SSLContext | bool:
        """What httpx verifies with; a given context is checked again at each use (it is mutable)."""
        if self._context is None:
            return True
        _check_context(self._context)
        return self._context

    @staticmethod
    def check_url(url: str) -> None:
        if not url.startswith("https://"):
            raise FetchError("only https URLs are fetched")

    def check_response(self, response: httpx.Response) -> None:
        if response.status_code != 200:
            hint = " (redirects are not followed)" if response.is_redirect else ""
            raise FetchError(f"GET answered {response.status_code}{hint}")
        if response.headers.get("content-encoding", "identity").lower() != "identity":
            raise FetchError("the answer is content-encoded; only identity is accepted")
        length = response.headers.get("content-length")
        if length is not None and (not (length.isascii() and length.isdigit()) or int(length) > self.max_bytes):
            raise FetchError(f"the answer announces {length[:20]} bytes; at most {self.max_bytes} are read")

    def add(self, body: bytearray, chunk: bytes, deadline: float) -> None:
        body += chunk
        if len(body) > self.max_bytes:
            raise FetchError(f"the answer is larger than {self.max_bytes} bytes")
        if monotonic() > deadline:
            raise FetchError(f"the answer took longer than {self.timeout} s")


_IDENTITY: Final = {"accept-encoding": "identity"}


class HttpxFetcher:
    """GET over https with verified TLS, a timeout, a size cap, no redirects and no content encoding.

    ``timeout`` bounds each network step and the whole download; ``verify`` replaces the CA
    bundle (an ``ssl.SSLContext`` that verifies certificates and host names: one with
    ``CERT_NONE`` or ``check_hostname=False`` is a :class:`~amazonpay.ConfigurationError`);
    ``transport`` replaces the network, TLS included: it is for tests. A SubscribeURL's query
    holds the subscription's token: httpx's INFO log line shows the query as ``?***``.
    A client is made per fetch: the verifier caches certificates, so fetches are rare, and
    nothing is left to close.
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        verify: ssl.SSLContext | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._limits = _Limits(timeout=timeout, max_bytes=max_bytes, verify=verify)
        self._transport = transport

    def __call__(self, url: str, /) -> bytes:
        """Fetch ``url``; raise :class:`FetchError` or an ``httpx.HTTPError``."""
        limits = self._limits
        limits.check_url(url)
        deadline = monotonic() + limits.timeout
        network = self._transport or httpx.HTTPTransport(verify=limits.verify, proxy=environment_proxy(url))
        with (
            httpx.Client(transport=HiddenQuery(network), timeout=limits.timeout, follow_redirects=False) as client,
            client.stream("GET", url, headers=_IDENTITY) as response,
        ):
            limits.check_response(response)
            body = bytearray()
            for chunk in response.iter_raw(_CHUNK):
                limits.add(body, chunk, deadline)
        return bytes(body)


class AsyncHttpxFetcher:
    """The async twin of :class:`HttpxFetcher` (asyncio or trio)."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        verify: ssl.SSLContext | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._limits = _Limits(timeout=timeout, max_bytes=max_bytes, verify=verify)
        self._transport = transport

    async def __call__(self, url: str, /) -> bytes:
        """Fetch ``url``; raise :class:`FetchError`, ``TimeoutError`` or an ``httpx.HTTPError``."""
        limits = self._limits
        limits.check_url(url)
        deadline = monotonic() + limits.timeout
        with anyio.fail_after(limits.timeout):
            network = self._transport or httpx.AsyncHTTPTransport(verify=limits.verify, proxy=environment_proxy(url))
            async with (
                httpx.AsyncClient(
                    transport=HiddenQuery(network), timeout=limits.timeout, follow_redirects=False
                ) as client,
                client.stream("GET", url, headers=_IDENTITY) as response,
            ):
                limits.check_response(response)
                body = bytearray()
                async for chunk in response.aiter_raw(_CHUNK):
                    limits.add(body, chunk, deadline)
        return bytes(body)
