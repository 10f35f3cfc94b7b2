"""An httpx transport, sync and async, that hands every request to the simulator (no sockets)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping

import httpx

from ._faults import SimulatedBrokenBody, SimulatedNetworkError

Handler = Callable[[str, str, Mapping[str, str], bytes], tuple[int, dict[str, str], bytes]]


class SandboxTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Pass to ``httpx.Client(transport=...)`` or ``httpx.AsyncClient(transport=...)``.

    Any host is accepted; the simulator looks at the path after ``/v2``. The work is in memory
    and short, so the async side calls the same synchronous core without blocking for long.
    """

    def __init__(self, handler: Handler) -> None:
        self._handler = handler

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request synchronously."""
        return self._answer(request, request.read())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from async code."""
        return self._answer(request, await request.aread())

    def _answer(self, request: httpx.Request, body: bytes) -> httpx.Response:
        headers = dict(request.headers.items())
        try:
            status, response_headers, content = self._handler(request.method, str(request.url), headers, body)
        except SimulatedNetworkError as injected:
            raise _bound(injected.exception, request) from None
        except SimulatedBrokenBody as broken:
            headers = {**broken.headers, "content-length": str(len(broken.body))}
            return httpx.Response(broken.status, headers=headers, stream=_BrokenBody(broken, request), request=request)
        return httpx.Response(status, headers=response_headers, content=content, request=request)


class _BrokenBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that stops half-way ("cut") or never comes ("stall"), as httpx reports either."""

    def __init__(self, broken: SimulatedBrokenBody, request: httpx.Request) -> None:
        self._broken = broken
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        if self._broken.kind == "cut":
            yield self._broken.body[: len(self._broken.body) // 2]
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body (simulated)", request=self._request
            )
        raise httpx.ReadTimeout("no body after the headers (simulated)", request=self._request)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def _bound(exception: type[BaseException] | BaseException, request: httpx.Request) -> BaseException:
    """The injected exception, as an instance tied to ``request`` when it is an httpx error."""
    if isinstance(exception, BaseException):
        if isinstance(exception, httpx.RequestError):
            exception.request = request
        return exception
    if issubclass(exception, httpx.RequestError):
        return exception("simulated by AmazonPaySandbox.fail_next", request=request)
    return exception("simulated by AmazonPaySandbox.fail_next")
