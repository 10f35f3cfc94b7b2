"""The per-operation registry generation derives from the effective spec, loaded once.

``scripts/generate.py`` writes ``amazonpay_api/_operations.json``: per operation its id,
resource and method names, HTTP method, path template, summary and description, path and
query parameters, request body presence, whether it declares or requires an idempotency key,
which simulation codes it accepts and which path parameters are secrets; and beside it
``_request_schemas.json``, the request body schemas by operation id, which only a call with a
body reads (parsed with the rest, they were 3.8 of the registry's 6.2 million instructions in
a process's first GET). The client's pre-send body check, the ``amazonpay.testing`` simulator
and the ``amazonpay`` command read them through :func:`operation_registry` and
:func:`request_schemas`, the one place that knows where they live.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any, Final

#: What a secret path segment is shown as (logs, error messages, error attributes).
HIDDEN: Final = "***"


def _generated(name: str) -> Any:
    """The JSON file ``name`` of the generated package, parsed."""
    package = sys.modules.get("amazonpay_api")  # a client's process has imported it
    if package is not None:
        folders: list[str] = list(package.__path__)
    else:
        # Found without importing amazonpay_api, which imports httpx: `amazonpay --help` reads this.
        from importlib.util import find_spec  # importlib.util: 0.4 ms a client's cold start need not pay

        spec = find_spec("amazonpay_api")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("the generated package amazonpay_api is not installed", name="amazonpay_api")
        folders = list(spec.submodule_search_locations)
    return json.loads((Path(folders[0]) / name).read_text(encoding="utf-8"))


@cache
def operation_registry() -> tuple[dict[str, Any], ...]:
    """Every operation of the effective spec, in spec order (read on first use)."""
    return tuple(_generated("_operations.json"))


@cache
def request_schemas() -> dict[str, dict[str, Any]]:
    """The JSON schema of the request body of every operation that takes one, by operation id (read on first use)."""
    schemas: dict[str, dict[str, Any]] = _generated("_request_schemas.json")
    return schemas


#: The operations of one HTTP method by the last segment of their path template (None: a path
#: parameter), each as (its place in the spec, the template split at "/", its entry).
_ByLastSegment = dict[str | None, list[tuple[int, tuple[str, ...], dict[str, Any]]]]


@cache
def _routes() -> dict[str, _ByLastSegment]:
    """Every operation's path template split at "/", by HTTP method and by the template's last segment.

    Split, not compiled to regular expressions: compiling one per operation cost a process's
    cold start about a millisecond, for one lookup. By last segment: a lookup compares the few
    templates a path can match (a twelfth of the POSTs), not every template of its method.
    """
    routes: dict[str, _ByLastSegment] = {}
    for index, entry in enumerate(operation_registry()):
        template = tuple(entry["path"].split("/"))
        last = template[-1]
        key = None if last.startswith("{") and last.endswith("}") else last
        routes.setdefault(entry["method"], {}).setdefault(key, []).append((index, template, entry))
    return routes


class Route:  # a plain class: a NamedTuple took 0.2 ms to define, at import
    """The operation a request reaches: its registry entry, and what its URL path holds."""

    __slots__ = ("entry", "parameters", "prefix")

    def __init__(self, entry: dict[str, Any], prefix: str, parameters: dict[str, str]) -> None:
        self.entry = entry
        #: The path before the template (the base URL's prefix, for example ``/sandbox/v2``).
        self.prefix = prefix
        #: The path parameters by their names in the template.
        self.parameters = parameters


def route(method: str, path: str) -> Route | None:
    """The operation that ``method`` on the URL ``path`` reaches; None: no operation of the spec.

    ``path`` may carry the base URL's prefix (``/sandbox/v2``): templates match its end. A
    ``{name}`` segment matches any non-empty segment.
    """
    segments = path.split("/")
    by_last = _routes().get(method)
    if by_last is None:
        return None
    # The templates ending in this segment or in a parameter, in spec order: the first that matches wins.
    literal, parameter = by_last.get(segments[-1], []), by_last.get(None, [])
    candidates = sorted(literal + parameter) if literal and parameter else literal or parameter
    for _, template, entry in candidates:
        start = len(segments) - len(template)
        if start < 0:
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


#: operation_at's answers for paths without a parameter (a create's, ``/sandbox/v2/charges``), which
#: each of their calls asks for twice (its body's check, its outcome); never a path holding an id.
_PARAMETERLESS: Final[dict[tuple[str, str], dict[str, Any]]] = {}
_PARAMETERLESS_MAX: Final = 256  # a bound, whatever paths pay.api's caller sends


def operation_at(method: str, path: str) -> dict[str, Any] | None:
    """The entry of the operation that ``method`` on the URL ``path`` reaches (None: no operation of the spec)."""
    entry = _PARAMETERLESS.get((method, path))
    if entry is not None:
        return entry
    found = route(method, path)
    if found is None:
        return None
    if not found.parameters and len(_PARAMETERLESS) < _PARAMETERLESS_MAX:
        _PARAMETERLESS[method, path] = found.entry
    return found.entry


#: An operation with secret path parameters: its path template split at "/", the indices of
#: its secret parameters in it, and "/segment" for each literal segment (a path without one
#: cannot match). A plain tuple: a NamedTuple took 0.2 ms to define, at import.
_SecretRoute = tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]


@cache
def _secret_routes() -> dict[str, list[_SecretRoute]]:
    """The operations with a secret path parameter, by HTTP method."""
    routes: dict[str, list[_SecretRoute]] = {}
    for entry in operation_registry():
        secret = {f"{{{p['name']}}}" for p in entry["parameters"] if p["secret"]}
        if secret:
            template = tuple(entry["path"].split("/"))
            where = tuple(index for index, segment in enumerate(template) if segment in secret)
            literals = tuple(f"/{segment}" for segment in template if segment and not segment.startswith("{"))
            routes.setdefault(entry["method"], []).append((template, where, literals))
    return routes


def hide_secrets(method: str, path: str) -> tuple[str, tuple[str, ...]]:
    """``path`` with its secret path parameters (``x-amazonpay-secret``) shown as :data:`HIDDEN`, and their values.

    ``path`` is a URL path as sent (percent-encoded), possibly after the base URL's prefix; a
    path no operation with secret parameters reaches comes back as it is, with no values.
    """
    routes = _secret_routes().get(method)
    if not routes:
        return path, ()
    segments: list[str] | None = None
    for template, where, literals in routes:
        if not all(literal in path for literal in literals):
            continue  # most paths: no split, no comparison
        segments = segments or path.split("/")
        start = len(segments) - len(template)
        if start < 0:
            continue
        pairs = zip(template[1:], segments[start + 1 :], strict=True)
        if all(bool(segment) if pattern.startswith("{") else pattern == segment for pattern, segment in pairs):
            values = tuple(segments[start + index] for index in where)
            for index in where:
                segments[start + index] = HIDDEN
            return "/".join(segments), values
    return path, ()


@cache
def methods_with_bodies() -> frozenset[str]:
    """The HTTP methods of the operations that take a request body (a GET's takes none: nothing to check)."""
    return frozenset(entry["method"] for entry in operation_registry() if entry["requestBody"] is not None)


@cache
def secret_arguments() -> frozenset[str]:
    """The resource methods' argument names of secret path parameters (their values are never echoed)."""
    return frozenset(p["argument"] for entry in operation_registry() for p in entry["parameters"] if p["secret"])


def has_secret_paths(method: str) -> bool:
    """Whether an operation of ``method`` has a secret path parameter (most have none: nothing to hide)."""
    return method in _secret_routes()
