"""The request bodies as ``TypedDict``s (``amazonpay_api/params.py``), written from the effective spec.

`generate.py` calls :func:`write` after openapi-python-client has run. Every operation with a
JSON body gets ``<OperationId>Params`` (``createRefund`` -> ``CreateRefundParams``), the shape
of stripe-python's ``params`` and openai-python's ``*Param`` types: the body's properties under
their API names, those the schema's ``required`` lists required, the others ``NotRequired``.
A nested object is a ``TypedDict`` too: a component schema ``X`` (or ``XInput``) becomes
``XParam``, an object declared inline ``<Parent><Property>Param``. An enumeration is a
``Literal`` of its values, or the generated ``StrEnum`` for one the spec names, so
``{"paymentIntent": "Authorise"}`` is a type error. Resource methods take the ``TypedDict`` or
the generated model (``resource.py.jinja``).

The module is for type checkers and editors: resource modules import it under
``TYPE_CHECKING`` only, so ``import amazonpay`` and a call load none of it. It imports the
enums it names at run time, so ``typing.get_type_hints`` resolves its ``TypedDict``s (a
``TypedDict``'s annotations resolve in its own module, whatever namespace the caller passes).
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client.strings import ClassName

TEMPLATES = Path(__file__).resolve().parent / "templates"
MODULE = "params"  # amazonpay_api.params
SCALARS = {"string": "str", "boolean": "bool", "integer": "int", "number": "float"}


class ParamsError(Exception):
    """A request schema this module cannot express as a ``TypedDict``."""


@dataclass
class Key:
    """One key of a ``TypedDict``: its API name, its type (source text), whether it is required."""

    name: str
    annotation: str
    required: bool
    description: str


@dataclass
class TypedDictClass:
    """One ``TypedDict``: its name, docstring and keys."""

    name: str
    doc: str
    keys: list[Key] = field(default_factory=list)


@dataclass
class Params:
    """Every ``TypedDict`` of the request bodies, in the order they are first met, and what they need."""

    spec: dict[str, Any]
    classes: dict[str, TypedDictClass] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)  # TypedDict -> its schema
    by_schema: dict[str, str] = field(default_factory=dict)  # component schema -> its TypedDict
    enums: set[str] = field(default_factory=set)  # generated StrEnum classes the module names
    bodies: dict[str, str] = field(default_factory=dict)  # operationId -> its body's TypedDict

    def component(self, reference: str) -> tuple[str, dict[str, Any]]:
        name = reference.removeprefix("#/components/schemas/")
        if name == reference:
            raise ParamsError(f"{reference}: only references to component schemas are supported")
        return name, self.spec["components"]["schemas"][name]

    def annotation(self, schema: dict[str, Any], inline_name: str, where: str, parent: str = "") -> str:
        """The type of a value of ``schema``; an inline object becomes the ``TypedDict`` ``inline_name``."""
        if "$ref" in schema:
            name, target = self.component(schema["$ref"])
            if "enum" in target:
                self.enums.add(str(ClassName(name, prefix="")))
                return f"{self._literal(target, where)} | {ClassName(name, prefix='')}"
            if target.get("type") == "object" or "properties" in target:
                return self.object(
                    target, self._component_class(name), name, f"The ``{name}`` object of a request body."
                )
            return self.annotation(target, inline_name, where)
        for union in ("anyOf", "oneOf"):
            if union in schema:
                parts = [self.annotation(s, inline_name, where, parent) for s in schema[union]]
                return " | ".join(dict.fromkeys(parts))
        types = schema.get("type")
        types = types if isinstance(types, list) else [types]
        parts = []
        for kind in types:
            if kind == "null":
                continue
            if "enum" in schema:
                parts.append(self._literal(schema, where))
            elif kind in SCALARS:
                parts.append(SCALARS[kind])
            elif kind == "array":
                parts.append(f"list[{self.annotation(schema.get('items', {}), inline_name + 'Item', where, parent)}]")
            elif kind == "object" and "properties" in schema:
                parts.append(self.object(schema, inline_name, where, parent))
            elif kind == "object" and isinstance(schema.get("additionalProperties"), dict):
                value = self.annotation(schema["additionalProperties"], inline_name + "Value", where, parent)
                parts.append(f"dict[str, {value}]")
            else:
                raise ParamsError(f"{where}: cannot type {schema!r} in a request body")
        if "null" in types:
            parts.append("None")
        return " | ".join(dict.fromkeys(parts))

    def object(self, schema: dict[str, Any], name: str, where: str, parent: str = "") -> str:
        """The ``TypedDict`` ``name`` for an object schema (written once); returns its name."""
        if name in self.classes:
            if self.schemas[name] is not schema:
                raise ParamsError(f"{where}: {name} is already the TypedDict of another schema")
            return name
        if schema.get("additionalProperties", False) is not False:
            raise ParamsError(f"{where}: an object with both properties and additionalProperties")
        typed = TypedDictClass(name, _doc(schema.get("description", "")) or parent)
        self.classes[name] = typed  # before its keys: a recursive schema refers to it by name
        self.schemas[name] = schema
        required = set(schema.get("required", []))
        unknown = required - set(schema.get("properties", {}))
        if unknown:
            raise ParamsError(f"{where}: requires {', '.join(sorted(unknown))}, which it does not declare")
        base = name.removesuffix("Params").removesuffix("Param")
        for key, prop in schema.get("properties", {}).items():
            if not key.isidentifier() or keyword.iskeyword(key):
                raise ParamsError(f"{where}: the property {key!r} cannot be a TypedDict key of the class syntax")
            annotation = self.annotation(
                prop, f"{base}{ClassName(key, prefix='')}Param", f"{where}.{key}", f"``{key}`` of :class:`{name}`."
            )
            typed.keys.append(Key(key, annotation, key in required, _doc(prop.get("description", ""))))
        return name

    def _component_class(self, schema_name: str) -> str:
        """``PriceInput`` -> ``PriceParam``; two schemas may not give one name."""
        name = f"{ClassName(schema_name, prefix='').removesuffix('Input')}Param"
        taken = {schema for schema, class_name in self.by_schema.items() if class_name == name} - {schema_name}
        if taken:
            raise ParamsError(f"the request schemas {taken.pop()} and {schema_name} would both be {name}")
        self.by_schema[schema_name] = name
        return name

    @staticmethod
    def _literal(schema: dict[str, Any], where: str) -> str:
        values = schema["enum"]
        if not all(isinstance(value, str) for value in values):
            raise ParamsError(f"{where}: only string enumerations are supported")
        return f"Literal[{', '.join(repr(value) for value in values)}]"


def _doc(text: str) -> str:
    """One line of a description, safe in a docstring or a comment."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"""', "'''")


def params_name(operation_id: str) -> str:
    """The ``TypedDict`` of an operation's body: ``createRefund`` -> ``CreateRefundParams``."""
    return f"{ClassName(operation_id, prefix='')}Params"


def collect(spec: dict[str, Any], operations: list[tuple[str, str, dict[str, Any]]]) -> Params:
    """The ``TypedDict`` of every operation's JSON body and of every object in it."""
    params = Params(spec)
    for path, method, operation in operations:
        body = operation.get("requestBody")
        if body is None:
            continue
        schema = body["content"]["application/json"]["schema"]
        name = params_name(operation["operationId"])
        where = f"{operation['operationId']} ({method.upper()} {path})"
        if name in params.classes:
            raise ParamsError(f"{where}: {name} is already the name of another TypedDict")
        if "$ref" in schema:
            _, schema = params.component(schema["$ref"])
        typed = params.object(schema, name, where)
        summary = _doc(operation.get("summary", "")).removeprefix("Amazon ").rstrip(".")
        params.classes[typed].doc = f"The body of {summary or 'the operation'} (``{operation['operationId']}``)."
        params.bodies[operation["operationId"]] = typed
    return params


def write(spec: dict[str, Any], operations: list[tuple[str, str, dict[str, Any]]], package_dir: Path) -> Params:
    """Write ``<package>/params.py``; return what it holds (the resource layer names the bodies)."""
    params = collect(spec, operations)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # noqa: S701 - the output is Python source, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    enums = {name: f"{package_dir.name}.models" for name in sorted(params.enums)}
    source = environment.get_template("params.py.jinja").render(
        classes=list(params.classes.values()), enums=enums, package=package_dir.name
    )
    (package_dir / f"{MODULE}.py").write_text(source, encoding="utf-8")
    return params
