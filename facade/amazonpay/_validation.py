"""Request bodies made sendable and checked against the spec before anything is sent.

The schemas come from the effective spec (the generated operation registry, see
:mod:`._registry`); this module only walks the JSON Schema keywords they use. Patterns
are ECMA-262 regular expressions, as JSON Schema says, translated where Python's differ.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from ._errors import ConfigurationError
from ._registry import operation_at, request_schemas

if TYPE_CHECKING:
    from decimal import Decimal

_JSON_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


#: The problems in a value, each message continuing the value's place ("" at the value itself,
#: ``.name`` or ``[0]`` below it), so a place is spelled out only for a value that has a problem.
Check = Callable[[Any], list[str]]


def problems(schema: dict[str, Any], value: Any, where: str) -> list[str]:
    """What in ``value`` the schema rejects, each naming its place (``chargeAmount.amount``)."""
    return [f"{where}{found}" for found in compiled(schema)(value)]


def compiled(schema: dict[str, Any]) -> Check:
    """The schema's check, its keywords read once: a body is checked before every request."""
    if "anyOf" in schema:
        return _any_of([compiled(option) for option in schema["anyOf"]])
    types = schema.get("type")
    names = [types] if isinstance(types, str) else types
    accepted = tuple(kind for name in names or () for kind in _JSON_TYPES[name])
    takes_bool = names is not None and "boolean" in names  # a bool is an int in Python, never a number in JSON
    allowed = schema.get("enum")
    string = _string_check(schema)
    properties = {name: compiled(item) for name, item in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    extra_check = compiled(extra) if isinstance(extra, dict) else None
    required = schema.get("required", ())
    items = compiled(schema["items"]) if "items" in schema else None

    def check(value: Any) -> list[str]:
        if names is not None and not (takes_bool if isinstance(value, bool) else isinstance(value, accepted)):
            return [f" must be {' or '.join(names)}, not {json.dumps(value)}"]
        if allowed is not None and value not in allowed:
            return [f" is {json.dumps(value)}; allowed: {', '.join(json.dumps(v) for v in allowed)}"]
        if isinstance(value, str):
            return string(value) if string is not None else []
        found: list[str] = []
        if isinstance(value, dict):
            found += [f".{name} is required" for name in required if name not in value]
            for name, item in value.items():
                member = properties.get(name, extra_check)
                below = member(item) if member is not None else None
                if below:
                    found += [f".{name}{problem}" for problem in below]
        elif isinstance(value, list) and items is not None:
            for index, item in enumerate(value):
                below = items(item)
                if below:
                    found += [f"[{index}]{problem}" for problem in below]
        return found

    return check


def _any_of(options: list[Check]) -> Check:
    def check(value: Any) -> list[str]:
        found = []
        for option in options:
            rejected = option(value)
            if not rejected:
                return []
            found.append(rejected)
        return min(found, key=len)

    return check


def _string_check(schema: dict[str, Any]) -> Callable[[str], list[str]] | None:
    longest = schema.get("maxLength")
    shortest = schema.get("minLength")
    pattern = schema.get("pattern")
    if longest is None and shortest is None and pattern is None:
        return None
    matcher = ecma_pattern(pattern) if pattern is not None else None
    example = f" such as {json.dumps(schema['examples'][0])}" if schema.get("examples") else ""

    def check(value: str) -> list[str]:
        if longest is not None and len(value) > longest:
            return [f" has {len(value)} characters; at most {longest} are allowed"]
        if shortest is not None and len(value) < shortest:
            return [f" has {len(value)} characters; at least {shortest} are needed"]
        if matcher is not None and matcher.search(value) is None:
            return [f" is {json.dumps(value)}; it must match {pattern}{example}"]
        return []

    return check


@cache
def ecma_pattern(pattern: str) -> re.Pattern[str]:
    r"""An ECMA-262 pattern (without flags) as a Python pattern that matches the same strings.

    Outside character classes ``$`` matches at the very end only (Python's also matches before
    a final newline) and ``.`` matches no line terminator; ``\d`` and ``\w`` are ASCII-only.
    (``\s`` is ASCII-only too, narrower than ECMA's; no pattern in the spec uses it.)
    """
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "$":
            out.append(r"\Z")
        elif char == ".":
            out.append(r"[^\n\r\u2028\u2029]")
        else:
            out.append(char)
        index += 1
    return re.compile("".join(out), re.ASCII)


def json_ready(value: Any, where: str = "body") -> Any:
    """``value`` with every :class:`~decimal.Decimal` written as its exact decimal string.

    Amounts are decimal strings in the API ("14.00"); a ``Decimal`` is formatted exactly (never
    through float). NaN and infinities, as ``Decimal`` or ``float``, are refused.
    """
    # A Decimal exists only once its module is imported: looked up, not imported, so a process
    # that never uses decimal (a GET's cold start) never loads it.
    decimal = sys.modules.get("decimal")
    return _json_ready(value, where, decimal.Decimal if decimal is not None else None)


#: Most values of a body: kept as they are (a bool is an int), and checked inline, without a call.
_KEPT: Final = str | int | None


def _json_ready(value: Any, where: str, decimal_type: type[Decimal] | None) -> Any:
    if isinstance(value, _KEPT):
        return value
    if decimal_type is not None and isinstance(value, decimal_type):
        if not value.is_finite():
            raise ConfigurationError(
                f"{where} is Decimal({str(value)!r}); amounts must be finite, e.g. Decimal('14.00') or '14.00'"
            )
        return format(value, "f")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigurationError(f"{where} is {value}; JSON has no such number: pass a finite value")
    if isinstance(value, Mapping):
        return {
            name: item if isinstance(item, _KEPT) else _json_ready(item, f"{where}.{name}", decimal_type)
            for name, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [
            item if isinstance(item, _KEPT) else _json_ready(item, f"{where}[{index}]", decimal_type)
            for index, item in enumerate(value)
        ]
    return value


def check_request_body(method: str, path: str, body: bytes) -> None:
    """Raise :class:`ConfigurationError` if the body breaks the spec's schema for this operation."""
    entry = operation_at(method, path)
    if entry is None or entry["requestBody"] is None:
        return
    try:
        value = json.loads(body) if body else None
    except ValueError:
        raise ConfigurationError(f"the body of {method} {path} is not JSON") from None
    found = _request_check(entry["operationId"])(value)
    if found:
        raise ConfigurationError(
            f"{method} {path} not sent, its body breaks the API spec: {'; '.join(f'body{f}' for f in found)}"
        )


@cache
def _request_check(operation_id: str) -> Check:
    """The check of the operation's request schema, compiled on its first request."""
    return compiled(request_schemas()[operation_id])
