"""Regenerate the effective spec and everything under generated/ from the received spec.

    python scripts/generate.py [--root DIR] [--openapi DIR]

1. Applies `openapi/corrections.overlay.yml` (making the received spec true to the service),
   then `openapi/extensions.overlay.yml` (operations Amazon documents beyond it), both OpenAPI
   Overlay 1.0, and writes `openapi/amazon-pay-api.effective.yml`, which must validate as
   OpenAPI 3.1.
2. Drops the parameters marked `x-amazonpay-facade-owned` (the headers the amazonpay
   transport sets on every attempt) to form the generator's view of the spec.
3. Runs the pinned openapi-python-client on that view into `generated/amazonpay_api`,
   failing on any warning or skipped endpoint. Eight of its templates are ours
   (`templates/generator/`): the models package imports each model on first use, so a call
   loads the models it needs, not the whole API's (`models_init.py.jinja`), and a model imports
   another model or an enum where a value of it is read, so an answer loads the models of the
   fields it holds (`property_templates/`: model, enum and union properties); the models,
   `types.Response`, `types.File` and the clients are plain classes with `__slots__` and an
   explicit `__init__`, not attrs classes, so importing them imports no attrs and builds no
   class (`model.py.jinja`, `types.py.jinja`, `client.py.jinja`; `types.Model` gives them
   attrs' equality, repr and unhashability, with the fields the spec marks
   `x-amazonpay-secret` shown as `<secret>`); every operation reads its answer through the
   client's `read_response` (`endpoint_module.py.jinja`), where the facade's client turns an
   answer the models cannot read into its typed error.
4. Adds to that package the request bodies as TypedDicts (`params.py`, see request_params.py),
   the typed resource layer (`resources/`, see resource_layer.py), the
   per-operation registry the facade and the simulator read (`_operations.json`: method, path,
   idempotency, simulation codes, resource and method names, the states a wait ends in, the
   notification objects it gets, which path parameters are secrets; the request body schemas
   beside it in `_request_schemas.json`) and the `py.typed` marker.

`--root` writes the outputs under another folder (the `drift` session compares them with the
committed ones); `--openapi` reads the received spec, the overlays and the generator config
from another folder. Run it through `nox -s generate`, which pins every tool involved.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import overlay
import request_params
import resource_layer
import yaml
from openapi_python_client.strings import PythonIdentifier
from openapi_spec_validator import validate

REPO = Path(__file__).resolve().parent.parent
GENERATOR_CONFIG = "generator-config.yml"
EFFECTIVE = Path("openapi") / "amazon-pay-api.effective.yml"
PACKAGE = Path("generated") / "amazonpay_api"
REGISTRY = "_operations.json"  # in PACKAGE; amazonpay._registry loads it
#: The request body schemas by operationId, in PACKAGE beside REGISTRY: apart, so that a call
#: without a body (a GET) parses neither them nor their strings (3.8 million instructions of a
#: process's first GET).
REQUEST_SCHEMAS = "_request_schemas.json"
FACADE_OWNED = "x-amazonpay-facade-owned"
SECRET_MARK = "x-amazonpay-secret"  # noqa: S105 (the extension's name, not a secret)
NOTIFICATION_OBJECT = "x-amazonpay-notification-object"
#: Our overrides of openapi-python-client's templates (the rest are its own).
GENERATOR_TEMPLATES = Path(__file__).resolve().parent / "templates" / "generator"


class GenerationError(Exception):
    """The spec, the corrections or the generator output is not what we require."""


def generator_view(spec: dict[str, Any]) -> dict[str, Any]:
    """The effective spec without the facade-owned parameters (see the overlay's info)."""
    view = copy.deepcopy(spec)
    components = view["components"]["parameters"]
    owned = {f"#/components/parameters/{name}" for name, p in components.items() if p.get(FACADE_OWNED)}
    for name in [name for name, p in components.items() if p.get(FACADE_OWNED)]:
        del components[name]
    for _, _, operation in resource_layer.operations(view):
        operation["parameters"] = [p for p in operation.get("parameters", []) if p.get("$ref") not in owned]
    return view


def _presence(body: dict[str, Any] | None) -> str | None:
    if body is None:
        return None
    return "required" if body.get("required") else "optional"


def _reconcile(spec: dict[str, Any], method: str, path: str, operation: dict[str, Any]) -> dict[str, Any] | None:
    """How the facade reconciles the operation when a retry of it is refused (``x-amazonpay-reconcile``).

    When a retry of the operation (after an attempt that may have been processed) is refused
    with one of `reasonCodes`, the facade gets the object with the GET operation named by
    `operationId` and returns it if its `stateField` holds `state` and, where the rule names a
    `stateReasonField`, that field holds one of `stateReasons` (the reasons this operation
    gives; null: none given). `unverifiable` maps request body fields to the values that ask
    for an effect the object does not show: a reconciled request that sent one is reported
    unknown, never success. The GET's path parameters must all be in the operation's path, so
    the object's URL follows from the refused request's.
    """
    rule = operation.get("x-amazonpay-reconcile")
    if rule is None:
        return None
    where = f"x-amazonpay-reconcile of {method.upper()} {path}"
    located = {op["operationId"]: (m, p) for p, m, op in resource_layer.operations(spec)}
    get_method, get_path = located.get(rule["operationId"], ("", ""))
    if get_method != "get" or not set(re.findall(r"\{(\w+)\}", get_path)) <= set(re.findall(r"\{(\w+)\}", path)):
        raise GenerationError(
            f"{where}: {rule['operationId']} is not a GET whose path parameters the operation's path has"
        )
    if ("stateReasonField" in rule) != ("stateReasons" in rule):
        raise GenerationError(f"{where}: stateReasonField and stateReasons go together")
    body = operation.get("requestBody")
    schema = resource_layer.inline(body["content"]["application/json"]["schema"], spec) if body else {}
    unverifiable = rule.get("unverifiable", {})
    unknown = sorted(set(unverifiable) - set(schema.get("properties", {})))
    if unknown:
        raise GenerationError(f"{where}: unverifiable names {', '.join(unknown)}, which the request body does not have")
    return {
        "getPath": get_path,
        "reasonCodes": rule["reasonCodes"],
        "stateField": rule["stateField"],
        "state": rule["state"],
        "stateReasonField": rule.get("stateReasonField"),
        "stateReasons": rule.get("stateReasons"),
        "unverifiable": unverifiable,
    }


def _answers_with_body(spec: dict[str, Any], operation: dict[str, Any]) -> bool:
    """Whether the operation's success answer has content (Cancel Report Schedule's has none)."""
    return any(
        "content" in resource_layer.inline(response, spec)
        for status, response in operation["responses"].items()
        if str(status).startswith("2")
    )


def request_schemas(spec: dict[str, Any]) -> dict[str, Any]:
    """Per operation with a body, its inlined JSON schema (``_request_schemas.json``).

    The facade checks bodies against them before sending, so bad input fails with a clear
    message and no network I/O; the command line makes its body flags from them.
    """
    return {
        operation["operationId"]: resource_layer.inline(
            operation["requestBody"]["content"]["application/json"]["schema"], spec
        )
        for _, _, operation in resource_layer.operations(spec)
        if operation.get("requestBody")
    }


def operation_registry(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Per operation, what the facade and the simulator read at run time (``_operations.json``).

    Its id, resource and method names, method and path template, summary and description; its
    path and query parameters (with the resource method's argument names); whether the body is
    required, optional or absent (its inlined JSON schema: :func:`request_schemas`); whether it declares an
    idempotency key (``idempotencyKey``: required, optional or absent) and whether it requires
    one; the sandbox simulation codes its simulation header accepts (none if it does not declare
    the header); how to reconcile a refused retry, if the overlay says; for a GET declaring
    ``x-amazonpay-wait``, where its object keeps its state and which states a wait ends in (else
    null); the notification object type whose objects it gets (else null); how it pages
    (``x-amazonpay-pagination``, null if it does not); whether its success answer has content,
    and its success statuses (201 and 200 together: a create whose replay answers 200).
    Derived here so the
    spec stays the one source; the command line (``amazonpay.cli``) is built from it without
    importing the generated package.
    """
    names = resource_layer.names(spec)
    notified: dict[str, str] = {}  # notification object type -> the operation that gets it
    registry = []
    for path, method, operation in resource_layer.operations(spec):
        declared = [resource_layer.inline(p, spec) for p in operation.get("parameters", [])]
        headers = {parameter["name"].lower(): parameter for parameter in declared if parameter["in"] == "header"}
        idempotency_key = headers.get("x-amz-pay-idempotency-key")
        body = operation.get("requestBody")
        resource, action = names[operation["operationId"]]
        registry.append(
            {
                "operationId": operation["operationId"],
                "resource": resource,
                "action": action,
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "in": parameter["in"],
                        # openapi-python-client's name for it, which the resource method keeps.
                        "argument": str(PythonIdentifier(parameter["name"], prefix="field")),
                        "required": bool(parameter.get("required")),
                        "description": parameter.get("description", ""),
                        "secret": _secret(operation, parameter),
                    }
                    for parameter in declared
                    if parameter["in"] in ("path", "query")
                ],
                "requestBody": _presence(body),
                "responseBody": _answers_with_body(spec, operation),
                "successStatuses": sorted(int(s) for s in operation["responses"] if str(s).startswith("2")),
                "idempotencyKey": _presence(idempotency_key),
                "requiresIdempotencyKey": bool(idempotency_key and idempotency_key.get("required")),
                "simulationCodes": headers.get("x-amz-pay-simulation-code", {}).get("schema", {}).get("enum", []),
                "wait": resource_layer.wait_rule(spec, path, method, operation),
                "notificationObject": notification_object(path, method, operation, notified),
                "reconcile": _reconcile(spec, method, path, operation),
                "pagination": operation.get(resource_layer.PAGINATION),
            }
        )
    return registry


def _secret(operation: dict[str, Any], parameter: dict[str, Any]) -> bool:
    """Whether the parameter is a credential (``x-amazonpay-secret``), never to be shown.

    Only a path parameter may be one: the facade shows every path with its secret segments
    replaced, and nothing redacts a query string.
    """
    secret = bool(parameter.get(SECRET_MARK))
    if secret and parameter["in"] != "path":
        raise GenerationError(
            f"{operation['operationId']}: {SECRET_MARK} on the {parameter['in']} parameter {parameter['name']}; "
            "only path parameters can be kept secret"
        )
    return secret


def notification_object(path: str, method: str, operation: dict[str, Any], taken: dict[str, str]) -> str | None:
    """The notification object type whose objects the operation gets (``x-amazonpay-notification-object``).

    Only a GET of one object (one path id) can declare one, and each type only once: it is
    what ``pay.notifications.fetch`` calls for a notification naming an object of that type.
    """
    declared = operation.get(NOTIFICATION_OBJECT)
    if declared is None:
        return None
    where = f"{operation['operationId']} ({method.upper()} {path}): {NOTIFICATION_OBJECT}"
    if method != "get" or path.count("{") != 1:
        raise GenerationError(f"{where} is declared on an operation that is not the GET of one object")
    if not isinstance(declared, str) or not declared:
        raise GenerationError(f"{where} must be an ObjectType of the notifications, such as CHARGE")
    if declared in taken:
        raise GenerationError(f"{where}: {taken[declared]} already gets the {declared} objects")
    taken[declared] = operation["operationId"]
    return declared


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _run(command: list[str], cwd: Path, what: str) -> str:
    run = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)
    log = run.stdout + run.stderr
    if run.returncode != 0:
        raise GenerationError(f"{what} failed:\n{log}")
    return log


def generate(root: Path, inputs: Path) -> None:
    effective = overlay.effective_spec(inputs)
    validate(effective)  # OpenAPI 3.1, raises with the offending location
    effective_path = root / EFFECTIVE
    effective_path.parent.mkdir(parents=True, exist_ok=True)
    effective_path.write_text(
        f"# Generated by scripts/generate.py from {overlay.RECEIVED},\n# {' and '.join(overlay.OVERLAYS)}. "
        "Do not edit: change an overlay and run `nox -s generate`.\n" + dump_yaml(effective),
        encoding="utf-8",
    )

    with tempfile.TemporaryDirectory() as tmp:
        view_path = Path(tmp) / "generator-view.yml"
        view_path.write_text(dump_yaml(generator_view(effective)), encoding="utf-8")
        out = Path(tmp) / "out" / PACKAGE.name
        config = inputs / GENERATOR_CONFIG
        log = _run(
            ["openapi-python-client", "generate", "--path", str(view_path), "--config", str(config),
             "--meta", "none", "--output-path", str(out), "--fail-on-warning",
             "--custom-template-path", str(GENERATOR_TEMPLATES)],
            Path(tmp),
            "openapi-python-client",
        )  # fmt: skip
        if "Warning" in log or "Skipping" in log or "Unable to" in log:
            raise GenerationError(f"openapi-python-client did not generate cleanly:\n{log}")
        expected = len(list(resource_layer.operations(effective)))
        modules = [p for p in (out / "api").rglob("*.py") if p.name != "__init__.py"]
        if len(modules) != expected:
            raise GenerationError(f"generated {len(modules)} operation modules, the spec has {expected}")
        params = request_params.write(effective, list(resource_layer.operations(effective)), out)
        methods = resource_layer.write(effective, out, params.bodies)
        # The resource layer and the params are formatted by the generator's own post hooks, as the
        # rest (run over the package: what they formatted already, they leave as it is).
        for hook in yaml.safe_load(config.read_text(encoding="utf-8"))["post_hooks"]:
            _run(shlex.split(hook), out, f"post hook {hook!r}")
        registry = json.dumps(operation_registry(effective), indent=1, sort_keys=True) + "\n"
        (out / REGISTRY).write_text(registry, encoding="utf-8")
        schemas = json.dumps(request_schemas(effective), indent=1, sort_keys=True) + "\n"
        (out / REQUEST_SCHEMAS).write_text(schemas, encoding="utf-8")
        # PEP 561 marker: --meta none does not write one, and users type-check against it.
        (out / "py.typed").write_text("", encoding="utf-8")
        target = root / PACKAGE
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(out, target)
    print(f"effective spec: {effective_path}; {methods} operations generated into {target}, sync and async")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="folder to write openapi/ and generated/ under")
    parser.add_argument(
        "--openapi", type=Path, default=REPO / "openapi", help="folder of the received spec, overlays and config"
    )
    args = parser.parse_args()
    try:
        generate(args.root.resolve(), args.openapi.resolve())
    except (
        GenerationError,
        overlay.OverlayError,
        resource_layer.ResourceLayerError,
        request_params.ParamsError,
    ) as error:
        print(f"generation failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
