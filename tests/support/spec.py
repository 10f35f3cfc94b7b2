"""The effective spec as test tooling: request validation and response-body strategies."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.casting.schemas import oas31_types_caster
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.styles import style_deserializers
from openapi_core.deserializing.styles.deserializers import StyleDeserializer
from openapi_core.deserializing.styles.factories import StyleDeserializersFactory
from openapi_core.validation.schemas import oas31_schema_validators_factory
from openapi_core.validation.schemas.factories import DialectSchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator
from werkzeug.datastructures import Headers, ImmutableMultiDict

ROOT = Path(__file__).resolve().parents[2]
EFFECTIVE_SPEC = ROOT / "openapi" / "amazon-pay-api.effective.yml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@functools.cache
def effective_spec() -> dict[str, Any]:
    """The effective spec, parsed once per test session."""
    return yaml.safe_load(EFFECTIVE_SPEC.read_text(encoding="utf-8"))


class _SchemaValidators(DialectSchemaValidatorsFactory):
    """openapi-core's OpenAPI 3.1 schema validators, each made once per schema.

    openapi-core builds a validator (copying its format checker) for every parameter and body of
    every request it checks: most of the suite's time went there. A validator depends only on
    the schema and these arguments, and validating leaves it unchanged, so one per key serves.
    """

    def __init__(self) -> None:
        base = oas31_schema_validators_factory
        super().__init__(base.schema_validator_cls, base.default_jsonschema_dialect_id, base.format_checker)
        self._made: dict[tuple[Any, ...], SchemaValidator] = {}

    def create(  # type: ignore[override]
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: Any = None,
        extra_format_validators: Any = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaValidator:
        key = (
            schema,
            id(format_validators),
            id(extra_format_validators),
            forbid_unspecified_additional_properties,
            enforce_properties_required,
        )
        if key not in self._made:
            self._made[key] = super().create(
                spec,
                schema,
                format_validators,
                extra_format_validators,
                forbid_unspecified_additional_properties,
                enforce_properties_required,
            )
        return self._made[key]


class _StyleDeserializers(StyleDeserializersFactory):
    """openapi-core's parameter deserializers, each made once per parameter (see _SchemaValidators)."""

    def __init__(self, casters: SchemaCastersFactory) -> None:
        super().__init__(casters, style_deserializers=style_deserializers)
        self._made: dict[tuple[Any, ...], StyleDeserializer] = {}

    def create(self, spec: SchemaPath, schema: SchemaPath, style: str, explode: bool, name: str) -> StyleDeserializer:
        key = (schema, style, explode, name)
        if key not in self._made:
            self._made[key] = super().create(spec, schema, style, explode, name)
        return self._made[key]


@functools.cache
def _openapi() -> OpenAPI:
    validators = _SchemaValidators()
    casters = SchemaCastersFactory(validators, oas31_types_caster)
    config = Config(
        schema_validators_factory=validators,
        schema_casters_factory=casters,
        style_deserializers_factory=_StyleDeserializers(casters),
    )
    return OpenAPI.from_dict(effective_spec(), config=config)


class SpecRequest:
    """An httpx request as openapi-core's Request protocol.

    The host comes from ``x-amz-pay-host``, so a request sent to a loopback ``base_url`` is
    checked against the Amazon server it stands for (and a wrong host header fails to match).
    """

    def __init__(self, request: httpx.Request) -> None:
        self.host_url = f"https://{request.headers.get('x-amz-pay-host', 'missing-x-amz-pay-host')}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(request.url.params.multi_items()),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )


def request_violations(request: httpx.Request) -> list[str]:
    """What in ``request`` (path, method, headers, body) the effective spec does not allow."""
    try:
        _openapi().validate_request(SpecRequest(request))
    except Exception as error:  # openapi-core raises one error that wraps the details
        details = [str(error)] + [str(e) for e in getattr(error, "schema_errors", []) or []]
        cause = error.__cause__
        while cause is not None:
            details.append(str(cause))
            details.extend(str(e) for e in getattr(cause, "schema_errors", []) or [])
            cause = cause.__cause__
        return [f"{request.method} {request.url.path}: " + " | ".join(details)]
    return []


def follow(node: str | dict[str, Any]) -> Any:
    """The node a local reference (a ``"#/..."`` string or a ``{"$ref": ...}`` node) points at, itself."""
    while True:
        ref = node if isinstance(node, str) else node.get("$ref")
        if ref is None:
            return node
        assert ref.startswith("#/"), f"only local references are expected, got {ref}"
        node = effective_spec()
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]


def resolve(node: Any) -> Any:
    """``node`` with every ``$ref`` into the effective spec inlined (the spec has no cycles)."""
    spec = effective_spec()
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return resolve(target)
        return {key: resolve(value) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(value) for value in node]
    return node


def operations() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(operationId, method, path, operation) for every operation of the effective spec."""
    for path, item in effective_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield item[method]["operationId"], method, path, item[method]


def snake_case(name: str) -> str:
    """The generated code's name for a spec name: operation modules, path parameters (createCharge -> create_charge)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def operations_by_id() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (path, method, operation)."""
    return {operation_id: (path, method, operation) for operation_id, method, path, operation in operations()}


def response_schemas(operation: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(status, inlined JSON schema) of every response of ``operation`` that has a body."""
    for status, response in operation["responses"].items():
        content = resolve(response).get("content", {})
        if "application/json" in content:
            yield int(status), content["application/json"]["schema"]


def simulation_codes(operation_id: str) -> list[str]:
    """The sandbox simulation codes the spec lets ``operation_id`` send (empty: none)."""
    _, _, operation = operations_by_id()[operation_id]
    for parameter in operation.get("parameters", []):
        declared = follow(parameter)
        if declared["in"] == "header" and declared["name"] == "x-amz-pay-simulation-code":
            return list(declared["schema"]["enum"])
    return []
