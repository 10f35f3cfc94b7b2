r"""The signing recipe as the service applies it, written for the simulator from the published recipe.

Independent of the client's signer (``amazonpay._signing``) on purpose: a test that sends the
client's requests to the simulator can only catch a canonicalisation mistake if the two were
not written as one. Held to the vectors the official Java SDK publishes.

Canonical request (facts sheet, section 1), parts joined by ``\n``: the method; the canonical
URI (runs of ``/`` collapsed, a leading ``/``, every UTF-8 byte outside ``A-Za-z0-9-_.~/``
percent-encoded in upper-case hex); the canonical query (names and values percent-encoded
with the RFC 3986 unreserved set, sorted by name, then value); one ``name:value`` line per
signed header (value trimmed, inner whitespace runs as one space) and a blank line; the
signed header list; the hex SHA-256 of the body. The string to sign is the algorithm, ``\n``
and the hex SHA-256 of the canonical request.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final
from urllib.parse import quote, unquote_plus

_SLASHES: Final = re.compile("/+")


def percent_encode(text: str, also_keep: str = "") -> str:
    """Every UTF-8 byte of ``text`` outside the unreserved set (and ``also_keep``) as ``%XX``."""
    # quote() keeps exactly the unreserved set (letters, digits, -_.~) plus ``safe``, encodes
    # UTF-8 and writes upper-case hex: the same bytes, from a cached table instead of a loop here.
    return quote(text, safe=also_keep)


def canonical_uri(path: str) -> str:
    """The canonical form of a decoded URL path (``""`` is ``/``)."""
    uri = path if path[:1] == "/" else "/" + path
    if "//" in uri:  # a run to collapse: sub() rebuilt every path from its single slashes
        uri = _SLASHES.sub("/", uri)
    return percent_encode(uri, also_keep="/")


def query_pairs(raw_query: str) -> list[tuple[str, str]]:
    """Decoded ``(name, value)`` pairs of a raw query string, in the order sent.

    ``+`` is a space, as in every HTML form and in httpx, Node's URLSearchParams and Java's
    URLDecoder; a literal plus travels as ``%2B``.
    """
    pairs = []
    for item in raw_query.split("&"):
        if item:
            name, _, value = item.partition("=")
            pairs.append((unquote_plus(name), unquote_plus(value)))
    return pairs


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    """``name=value`` pairs, encoded, sorted by encoded name then value, joined by ``&``."""
    encoded = sorted((percent_encode(name), percent_encode(value)) for name, value in pairs)
    return "&".join(f"{name}={value}" for name, value in encoded)


def canonical_headers(headers: Mapping[str, str], signed: Sequence[str]) -> str:
    """One ``name:value`` line per signed name, in the order listed (``headers`` has lower-case names)."""
    # str.split() splits at runs of what \s matches (str.isspace) and drops them at both ends: trimmed and
    # each inner run one space, without a pattern's search of every value (5 000 instructions a header).
    return "".join([f"{name.lower()}:{' '.join(headers[name.lower()].split())}\n" for name in signed])


def canonical_request(
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    signed: Sequence[str],
    body: bytes,
) -> str:
    """The canonical request of the recipe.

    ``signed`` is the ``SignedHeaders`` list exactly as the client sent it: its lines follow
    its order, and the list itself is signed as written. A client following the recipe lists
    lower-case names in sorted order, and then this is the recipe to the letter; the Node SDK
    keeps a caller's ``X-Amz-Pay-Idempotency-Key`` as written in that list and signs it so.
    """
    return "\n".join(
        (
            method.upper(),
            canonical_uri(path),
            canonical_query(query),
            canonical_headers(headers, signed),
            ";".join(signed),
            hashlib.sha256(body).hexdigest(),
        )
    )


def string_to_sign(algorithm: str, canonical: str) -> str:
    r"""``ALGORITHM\n`` and the hex SHA-256 of the canonical request (or of a button payload)."""
    return f"{algorithm}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"
