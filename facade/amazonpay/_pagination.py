"""Listings that page: every item across pages, fetched lazily, the next-page token sent alone.

Which operations page, and the names of their items and token fields, come from the spec
(``x-amazonpay-pagination`` in the overlay); generation writes them into each ``list()``
method as a :class:`Paging`. The pagers here know nothing about any one operation.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final, Generic, TypeVar, cast

from ._calls import MAX_URL_VALUE
from ._errors import UnexpectedResponseError, printable

P = TypeVar("P")  # the page model
T = TypeVar("T")  # the item model

#: Pages in a row with a next-page token but no item after which a listing stops: each new
#: token would otherwise keep it fetching forever without ever yielding.
MAX_EMPTY_PAGES: Final = 20


@dataclass
class _Progress:
    """What one listing has seen: the tokens it followed, and its run of empty pages."""

    tokens: set[str] = field(default_factory=set)
    empty_run: int = 0


@dataclass(frozen=True)
class Paging:
    """Where a page keeps its items and the next page's token, and how the token is sent."""

    items: str  # attribute of the page model holding the page's items
    token: str | None = None  # attribute holding the next page's token (None: one page only)
    token_argument: str | None = None  # keyword of the generated operation that sends the token

    def items_of(self, page: object) -> list[object]:
        """The page's items (none if the answer leaves the field out)."""
        items = getattr(page, self.items)
        return list(items) if isinstance(items, list) else []

    def next_query(self, page: object, progress: _Progress) -> dict[str, object] | None:
        """The arguments of the next page, or None after the last page.

        The token goes alone: the service refuses it alongside any other parameter. A token
        seen before, or too many empty pages in a row, is an error rather than an endless loop;
        a token too long to send (over ``MAX_URL_VALUE`` characters) is an error before sending.
        """
        if self.token is None or self.token_argument is None:
            return None
        token = getattr(page, self.token)
        if not isinstance(token, str) or not token:
            return None
        progress.empty_run = 0 if self.items_of(page) else progress.empty_run + 1
        if progress.empty_run >= MAX_EMPTY_PAGES:
            raise UnexpectedResponseError(
                f"the service returned {MAX_EMPTY_PAGES} pages in a row without items, each with a new page "
                "token; stopped listing instead of looping",
                status=200,
                request_id=None,
                body="",
            )
        if len(token) > MAX_URL_VALUE:
            # Amazon's answer, not the caller's input: a token this client cannot send back in a
            # URL is an answer it cannot use, and the listing stops before sending anything.
            raise UnexpectedResponseError(
                f"the service returned a page token of {len(token)} characters; this client sends at most "
                f"{MAX_URL_VALUE} in a URL, so it stopped listing before the next page (the items so far were "
                "yielded)",
                status=200,
                request_id=None,
                body="",
            )
        if token in progress.tokens:
            raise UnexpectedResponseError(
                f"the service returned the page token {printable(repr(token), 80)} twice; stopped listing instead "
                "of looping",
                status=200,
                request_id=None,
                body="",
            )
        progress.tokens.add(token)
        return {self.token_argument: token}


class SyncPager(Generic[P, T]):
    """Every item of a listing: iterate over it; pages are fetched one at a time, when needed.

    ``pages()`` yields the page models instead (for their other fields). Nothing is sent
    before iteration starts; each iteration lists from the first page again.
    """

    def __init__(self, fetch: Callable[[Mapping[str, object]], P], query: Mapping[str, object], paging: Paging) -> None:
        self._fetch = fetch
        self._query = dict(query)
        self._paging = paging

    def pages(self) -> Iterator[P]:
        """Each page, in order."""
        progress = _Progress()
        query: dict[str, object] | None = self._query
        while query is not None:
            page = self._fetch(query)
            yield page
            query = self._paging.next_query(page, progress)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from cast("list[T]", self._paging.items_of(page))


class AsyncPager(Generic[P, T]):
    """Every item of a listing, for ``async for``; pages are fetched one at a time, when needed.

    ``pages()`` yields the page models instead. Nothing is sent before iteration starts.
    """

    def __init__(
        self, fetch: Callable[[Mapping[str, object]], Awaitable[P]], query: Mapping[str, object], paging: Paging
    ) -> None:
        self._fetch = fetch
        self._query = dict(query)
        self._paging = paging

    async def pages(self) -> AsyncIterator[P]:
        """Each page, in order."""
        progress = _Progress()
        query: dict[str, object] | None = self._query
        while query is not None:
            page = await self._fetch(query)
            yield page
            query = self._paging.next_query(page, progress)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in cast("list[T]", self._paging.items_of(page)):
                yield item
