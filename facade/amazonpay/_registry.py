"""The per-operation registry generation derives from the effective spec, loaded once.

``scripts/generate.py`` writes ``amazonpay_api/_operations.json``: per operation its id,
resource and method names, HTTP method, path template, summary and description, path and
query parameters, request body schema and presence, whether it declares or requires an
idempotency key and which simulation codes it accepts. The client's pre-send body check, the
``amazonpay.testing`` simulator and the ``amazonpay`` command read it through
:func:`operation_registry`, the one place that knows where it lives.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, NamedTuple


@cache
def operation_registry() -> tuple[dict[str, Any], ...]:
    """Every operation of the effective spec, in spec order (read on first use)."""
    # Found without importing amazonpay_api, which imports httpx: `amazonpay --help` reads this.
    spec = find_spec("amazonpay_api")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the generated package amazonpay_api is not installed", name="amazonpay_api")
    text = (Path(next(iter(spec.submodule_search_locations))) / "_operations.json").read_text(encoding="utf-8")
    return tuple(json.loads(text))


@cache
def _routes() -> tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...]:
    """(method, path template split at "/", entry) of every operation.

    Split, not compiled to regular expressions: compiling one per operation cost a process's
    cold start about a millisecond, for one lookup.
    """
    return tuple((entry["method"], tuple(entry["path"].split("/")), entry) for entry in operation_registry())


class Route(NamedTuple):  # a NamedTuple: a tenth of a dataclass's cost to define, at import
    """The operation a request reaches: its registry entry, and what its URL path holds."""

    entry: dict[str, Any]
    #: The path before the template (the base URL's prefix, for example ``/sandbox/v2``).
    prefix: str
    #: The path parameters by their names in the template.
    parameters: dict[str, str]


def route(method: str, path: str) -> Route | None:
    """The operation that ``method`` on the URL ``path`` reaches; None: no operation of the spec.

    ``path`` may carry the base URL's prefix (``/sandbox/v2``): templates match its end. A
    ``{name}`` segment matches any non-empty segment.
    """
    segments = path.split("/")
    for route_method, template, entry in _routes():
        start = len(segments) - len(template)
        if route_method != method or start < 0:
            continue
        parameters: dict[str, str] = {}
        for pattern, segment in zip(template[1:], segments[start + 1 :], strict=True):
            if pattern.startswith("{") and pattern.endswith("}") and segment:
                parameters[pattern[1:-1]] = segment
            elif pattern != segment:
                break
        else:
            return Route(entry, "/".join(segments[: start + 1]), parameters)
    return None


def operation_at(method: str, path: str) -> dict[str, Any] | None:
    """The entry of the operation that ``method`` on the URL ``path`` reaches (None: no operation of the spec)."""
    found = route(method, path)
    return found.entry if found is not None else None
