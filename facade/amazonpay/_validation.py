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
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from ._errors import ConfigurationError
from ._registry import operation_at

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


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("number", "integer"):
        return False
    return isinstance(value, _JSON_TYPES[name])


def problems(schema: dict[str, Any], value: Any, where: str) -> list[str]:
    """What in ``value`` the schema rejects, each naming its place (``chargeAmount.amount``)."""
    if "anyOf" in schema:
        options = [problems(option, value, where) for option in schema["anyOf"]]
        return [] if any(not found for found in options) else min(options, key=len)
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_is_type(value, name) for name in names):
            return [f"{where} must be {' or '.join(names)}, not {json.dumps(value)}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where} is {json.dumps(value)}; allowed: {', '.join(json.dumps(v) for v in schema['enum'])}"]
    if isinstance(value, str):
        return _string_problems(schema, value, where)
    found: list[str] = []
    if isinstance(value, dict):
        found += [f"{where}.{name} is required" for name in schema.get("required", ()) if name not in value]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            if name in properties:
                found += problems(properties[name], item, f"{where}.{name}")
            elif isinstance(extra, dict):
                found += problems(extra, item, f"{where}.{name}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(schema["items"], item, f"{where}[{index}]")
    return found


def _string_problems(schema: dict[str, Any], value: str, where: str) -> list[str]:
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        return [f"{where} has {len(value)} characters; at most {schema['maxLength']} are allowed"]
    if "minLength" in schema and len(value) < schema["minLength"]:
        return [f"{where} has {len(value)} characters; at least {schema['minLength']} are needed"]
    if "pattern" in schema and ecma_pattern(schema["pattern"]).search(value) is None:
        example = f" such as {json.dumps(schema['examples'][0])}" if schema.get("examples") else ""
        return [f"{where} is {json.dumps(value)}; it must match {schema['pattern']}{example}"]
    return []


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


def _json_ready(value: Any, where: str, decimal_type: type[Decimal] | None) -> Any:
    if decimal_type is not None and isinstance(value, decimal_type):
        if not value.is_finite():
            raise ConfigurationError(
                f"{where} is Decimal({str(value)!r}); amounts must be finite, e.g. Decimal('14.00') or '14.00'"
            )
        return format(value, "f")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigurationError(f"{where} is {value}; JSON has no such number: pass a finite value")
    if isinstance(value, Mapping):
        return {name: _json_ready(item, f"{where}.{name}", decimal_type) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item, f"{where}[{index}]", decimal_type) for index, item in enumerate(value)]
    return value


def check_request_body(method: str, path: str, body: bytes) -> None:
    """Raise :class:`ConfigurationError` if the body breaks the spec's schema for this operation."""
    entry = operation_at(method, path)
    schema = entry["requestSchema"] if entry is not None else None
    if schema is None:
        return
    try:
        value = json.loads(body) if body else None
    except ValueError:
        raise ConfigurationError(f"the body of {method} {path} is not JSON") from None
    found = problems(schema, value, "body")
    if found:
        raise ConfigurationError(f"{method} {path} not sent, its body breaks the API spec: {'; '.join(found)}")
