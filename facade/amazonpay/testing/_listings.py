"""Listings that page (Get Reports, Get Disbursements): pageSize, and a nextToken that comes alone.

A token stands for the rest of a listing as it was when its first page was read; sent with
any other parameter, or not issued, it is refused (amazon-pay-beyond-13.md, "Reports").
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ._errors import Reason, SandboxError

if TYPE_CHECKING:
    from ._state import Call, State

DEFAULT_PAGE_SIZE: Final = 10
MAX_PAGE_SIZE: Final = 100


@dataclass(frozen=True)
class Listing:
    """What a nextToken stands for: the rest of a listing, in order."""

    kind: str  # "reports" or "disbursements"
    rest: tuple[Any, ...]  # report ids, or rendered disbursements
    page_size: int


def page_size(call: Call) -> int:
    """The pageSize query parameter: 1 to 100, default 10; anything else is the service's 400 answer."""
    text = call.parameter("pageSize")
    if text is None:
        return DEFAULT_PAGE_SIZE
    # isdigit alone admits "²" and "①", which int() cannot read; 3 digits at most bound the read.
    if not (text.isascii() and text.isdigit() and len(text) <= 3) or not 1 <= int(text) <= MAX_PAGE_SIZE:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"Invalid value for parameter pageSize: {text[:32]!r}; expected 1 to {MAX_PAGE_SIZE}.",
        )
    return int(text)


def page(state: State, kind: str, items: tuple[Any, ...], page_size: int) -> tuple[tuple[Any, ...], str | None]:
    """A page of ``items`` and the token of the rest (None on the last page)."""
    page, rest = items[:page_size], items[page_size:]
    if not rest:
        return page, None
    token = secrets.token_urlsafe(24)
    state.listings[token] = Listing(kind, rest, page_size)
    return page, token


def continued(state: State, call: Call, kind: str) -> Listing | None:
    """The rest of the listing a nextToken continues (None on a first page); the token comes alone."""
    token = call.parameter("nextToken")
    if token is None:
        return None
    others = sorted(name for name in call.query if name != "nextToken")
    if others:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"nextToken must be sent alone, without {', '.join(others)}: the token carries the listing's parameters.",
        )
    listing = state.listings.get(token)
    if listing is None or listing.kind != kind:
        raise SandboxError(
            Reason.InvalidParameterValue, f"nextToken {token[:64]!r} was not issued by a previous page of this listing."
        )
    return listing
