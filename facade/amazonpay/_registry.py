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
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any


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
def _routes() -> tuple[tuple[str, re.Pattern[str], dict[str, Any]], ...]:
    """(method, path pattern with a named group per path parameter, entry) of every operation."""
    return tuple(
        (entry["method"], re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(entry["path"])) + "$"), entry)
        for entry in operation_registry()
    )


def route(method: str, path: str) -> tuple[dict[str, Any], re.Match[str]] | None:
    """The entry of the operation that ``method`` on the URL ``path`` reaches, and the match of its path.

    ``path`` may carry the base URL's prefix (``/sandbox/v2``): templates match its end, and
    the match's groups are the path parameters. None: no operation of the spec.
    """
    for route_method, pattern, entry in _routes():
        if route_method == method and (match := pattern.search(path)):
            return entry, match
    return None


def operation_at(method: str, path: str) -> dict[str, Any] | None:
    """The entry of the operation that ``method`` on the URL ``path`` reaches (None: no operation of the spec)."""
    found = route(method, path)
    return found[0] if found is not None else None
