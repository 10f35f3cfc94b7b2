r"""Request bodies checked against the spec's JSON Schemas, with the service's reason codes.

The schemas are the effective spec's (see :mod:`._spec`); this module only walks the JSON
Schema keywords they use, and refuses to load a schema with a keyword it does not know, so a
spec change can never silently weaken the check. Failures map to the documented reason codes:
a required field that is missing, null or ``""`` is ``MissingParameterValue``, a field the
schema does not declare (``additionalProperties: false``) is ``UnrecognizedField``, anything
else is ``InvalidParameterValue``. A body that is not a JSON object is ``InvalidRequestFormat``.

Patterns are ECMA-262, as OpenAPI says: ``$`` matches only at the very end (Python's ``$``
also matches before a final newline) and ``\d`` / ``\w`` are ASCII only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Final

from ._errors import Reason, SandboxError

# Keywords that constrain a value, and those that only describe it.
_CHECKED: Final = frozenset(
    {
        *("type", "enum", "properties", "required", "additionalProperties", "items"),
        *("maxLength", "minLength", "pattern", "anyOf"),
    }
)
_ANNOTATIONS: Final = frozenset({"description", "examples", "format", "readOnly", "title", "default"})
_JSON_TYPES: Final[Mapping[str, tuple[type, ...]]] = {
    "string": (str,),
    "number": (int, float),
    "integer": (int,),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}
_ECMA_CLASSES: Final = {"d": "0-9", "w": "A-Za-z0-9_"}


def ecma_regex(pattern: str) -> re.Pattern[str]:
    r"""Compile an ECMA-262 pattern for Python with ECMA's meaning (used with ``search``).

    Outside a character class an unescaped ``$`` becomes ``\Z`` (end of input only); ``\d``
    and ``\w`` become their ASCII classes, inside a class or outside it.
    """
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped in _ECMA_CLASSES:
                body = _ECMA_CLASSES[escaped]
                out.append(body if in_class else f"[{body}]")
            else:
                out.append(char + escaped)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class:
            char = r"\Z"
        out.append(char)
        index += 1
    return re.compile("".join(out))


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return ecma_regex(pattern)


def supported(schema: Mapping[str, Any], where: str = "body") -> None:
    """Raise ``ValueError`` if ``schema`` uses a keyword this checker would ignore."""
    for keyword in schema:
        if keyword not in _CHECKED | _ANNOTATIONS:
            raise ValueError(f"amazonpay.testing cannot check JSON Schema keyword {keyword!r} at {where}")
    for name, child in _children(schema):
        supported(child, f"{where}.{name}")


def _children(schema: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    yield from schema.get("properties", {}).items()
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        yield "*", extra
    if "items" in schema:
        yield "[]", schema["items"]
    for index, option in enumerate(schema.get("anyOf", ())):
        yield f"anyOf[{index}]", option


def parse_json_object(body: bytes) -> dict[str, Any]:
    """The JSON object in ``body``, or the service's ``InvalidRequestFormat`` answer."""
    try:
        document = json.loads(body, parse_constant=_reject_constant)
    except RecursionError:
        raise SandboxError(Reason.InvalidRequestFormat, "The request body is nested too deeply.") from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, an integer too long to read
        raise SandboxError(Reason.InvalidRequestFormat, f"The request body is not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise SandboxError(Reason.InvalidRequestFormat, "The request body must be a JSON object.")
    return document


def request_body(body: bytes, schema: dict[str, Any] | None, required: bool, operation_id: str) -> dict[str, Any]:
    """The body as the operation's schema in the spec allows it, or the service's 400 answer."""
    if schema is None:
        return {}
    if not body.strip():
        if required:
            raise SandboxError(
                Reason.InvalidRequestFormat, f"The request body is missing: {operation_id} takes a JSON object."
            )
        return {}
    document = parse_json_object(body)
    check(document, schema, "body")
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def check(value: Any, schema: Mapping[str, Any], where: str) -> None:
    """Raise the service's 400 answer if ``value`` breaks ``schema`` (``where`` names its place)."""
    if "anyOf" in schema:  # a nullable object (Finalize Checkout Session's billingAddress): the first that fits
        refusals = []
        for option in schema["anyOf"]:
            try:
                check(value, option, where)
            except SandboxError as refused:
                refusals.append(refused)
            else:
                return
        raise refusals[0]
    types = schema.get("type")
    if types is not None and not _has_type(value, types):
        raise _invalid(where, types if isinstance(types, str) else " or ".join(types), value)
    if "enum" in schema and value not in schema["enum"]:
        raise _invalid(where, "one of " + ", ".join(json.dumps(option) for option in schema["enum"]), value)
    if isinstance(value, str):
        _check_string(value, schema, where)
    elif isinstance(value, dict):
        _check_object(value, schema, where)
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            check(item, schema["items"], f"{where}[{index}]")


def _has_type(value: Any, types: str | list[str]) -> bool:
    """Whether ``value`` is of the schema's type: a name (no generator for it: five a request), or a list of names."""
    if isinstance(types, str):
        return _is_type(value, types)
    return any(_is_type(value, name) for name in types)


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("number", "integer"):
        return False
    return isinstance(value, _JSON_TYPES[name])


def _check_string(value: str, schema: Mapping[str, Any], where: str) -> None:
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise _invalid(where, f"at most {schema['maxLength']} characters", value)
    if "minLength" in schema and len(value) < schema["minLength"]:
        raise _invalid(where, f"at least {schema['minLength']} character(s)", value)
    if "pattern" in schema and _compiled(schema["pattern"]).search(value) is None:
        example = f" such as {json.dumps(schema['examples'][0])}" if schema.get("examples") else ""
        raise _invalid(where, f"a value matching {schema['pattern']}{example}", value)


def _check_object(value: dict[str, Any], schema: Mapping[str, Any], where: str) -> None:
    properties: Mapping[str, Any] = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    prefix = "" if where == "body" else f"{where}."
    if extra is False:
        unknown = sorted(set(value) - set(properties))
        if unknown:
            raise SandboxError(
                Reason.UnrecognizedField,
                f"{prefix}{unknown[0]} is not a recognized field. Accepted fields: {', '.join(properties) or 'none'}.",
            )
    for name in schema.get("required", ()):
        if value.get(name) in (None, ""):
            raise SandboxError(Reason.MissingParameterValue, f"Missing value for required parameter {prefix}{name}.")
    for name, item in value.items():
        if name in properties:
            check(item, properties[name], f"{prefix}{name}")
        elif isinstance(extra, dict):
            check(item, extra, f"{prefix}{name}")


def _invalid(where: str, expected: str, value: Any) -> SandboxError:
    return SandboxError(
        Reason.InvalidParameterValue, f"Invalid value for parameter {where}: {_shown(value)}; expected {expected}."
    )


def _shown(value: Any) -> str:
    """A short rendering of a value (never the whole of a large or deeply nested one)."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    shown = json.dumps(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
