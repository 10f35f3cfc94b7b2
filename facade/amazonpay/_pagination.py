"""Listings that page: every item across pages, fetched lazily, the next-page token sent alone.

Which operations page, and the names of their items and token fields, come from the spec
(``x-amazonpay-pagination`` in the overlay); generation writes them into each ``list()``
method as a :class:`Paging`. The pagers here know nothing about any one operation.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ._errors import UnexpectedResponseError

P = TypeVar("P")  # the page model
T = TypeVar("T")  # the item model


@dataclass(frozen=True)
class Paging:
    """Where a page keeps its items and the next page's token, and how the token is sent."""

    items: str  # attribute of the page model holding the page's items
    token: str | None = None  # attribute holding the next page's token (None: one page only)
    token_argument: str | None = None  # keyword of the generated operation that sends the token

    def items_of(self, page: Any) -> list[Any]:
        """The page's items (none if the answer leaves the field out)."""
        items = getattr(page, self.items)
        return list(items) if isinstance(items, list) else []

    def next_query(self, page: Any, seen: set[str]) -> dict[str, Any] | None:
        """The arguments of the next page, or None after the last page.

        The token goes alone: the service refuses it alongside any other parameter.
        """
        if self.token is None or self.token_argument is None:
            return None
        token = getattr(page, self.token)
        if not isinstance(token, str) or not token:
            return None
        if token in seen:
            raise UnexpectedResponseError(
                f"the service returned the page token {token!r} twice; stopped listing instead of looping",
                status=200,
                request_id=None,
                body="",
            )
        seen.add(token)
        return {self.token_argument: token}


class SyncPager(Generic[P, T]):
    """Every item of a listing: iterate over it; pages are fetched one at a time, when needed.

    ``pages()`` yields the page models instead (for their other fields). Nothing is sent
    before iteration starts; each iteration lists from the first page again.
    """

    def __init__(self, fetch: Callable[[Mapping[str, Any]], P], query: Mapping[str, Any], paging: Paging) -> None:
        self._fetch = fetch
        self._query = dict(query)
        self._paging = paging

    def pages(self) -> Iterator[P]:
        """Each page, in order."""
        seen: set[str] = set()
        query: dict[str, Any] | None = self._query
        while query is not None:
            page = self._fetch(query)
            yield page
            query = self._paging.next_query(page, seen)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from self._paging.items_of(page)


class AsyncPager(Generic[P, T]):
    """Every item of a listing, for ``async for``; pages are fetched one at a time, when needed.

    ``pages()`` yields the page models instead. Nothing is sent before iteration starts.
    """

    def __init__(
        self, fetch: Callable[[Mapping[str, Any]], Awaitable[P]], query: Mapping[str, Any], paging: Paging
    ) -> None:
        self._fetch = fetch
        self._query = dict(query)
        self._paging = paging

    async def pages(self) -> AsyncIterator[P]:
        """Each page, in order."""
        seen: set[str] = set()
        query: dict[str, Any] | None = self._query
        while query is not None:
            page = await self._fetch(query)
            yield page
            query = self._paging.next_query(page, seen)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in self._paging.items_of(page):
                yield item
