"""Regenerate the effective spec and the generated client from the received spec.

    python scripts/generate.py [--root DIR]

1. Applies `openapi/corrections.overlay.yml` (OpenAPI Overlay 1.0) to the received spec and
   writes `openapi/amazon-pay-api.effective.yml`, which must validate as OpenAPI 3.1.
2. Drops the parameters marked `x-amazonpay-facade-owned` (the headers the amazonpay
   transport sets on every attempt) to form the generator's view of the spec.
3. Writes the request body schemas the facade checks before sending
   (`facade/amazonpay/_request_schemas.json`), and how the facade reconciles a retried
   operation that was refused (`facade/amazonpay/_reconciliations.json`, from
   `x-amazonpay-reconcile`).
4. Runs the pinned openapi-python-client on that view into `generated/amazonpay_api`,
   failing on any warning or skipped endpoint, and adds the `py.typed` marker.

`--root` writes both outputs under another folder (the `drift` session compares them with
the committed ones). Run it through `nox -s generate`, which pins every tool involved.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml
from openapi_spec_validator import validate

REPO = Path(__file__).resolve().parent.parent
RECEIVED = REPO / "openapi" / "amazon-pay-api-openapi.yml"
OVERLAY = REPO / "openapi" / "corrections.overlay.yml"
GENERATOR_CONFIG = REPO / "openapi" / "generator-config.yml"
EFFECTIVE = Path("openapi") / "amazon-pay-api.effective.yml"
PACKAGE = Path("generated") / "amazonpay_api"
REQUEST_SCHEMAS = Path("facade") / "amazonpay" / "_request_schemas.json"
RECONCILIATIONS = Path("facade") / "amazonpay" / "_reconciliations.json"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
FACADE_OWNED = "x-amazonpay-facade-owned"


class GenerationError(Exception):
    """The spec, the corrections or the generator output is not what we require."""


def _merge(target: Any, update: Any) -> Any:
    """Overlay 1.0 update semantics: objects merge recursively, arrays append, scalars replace."""
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else copy.deepcopy(value)
        return target
    if isinstance(target, list):
        return target + (copy.deepcopy(update) if isinstance(update, list) else [copy.deepcopy(update)])
    return copy.deepcopy(update)


def apply_overlay(spec: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Apply an Overlay 1.0 document; an action whose target selects nothing is an error."""
    if not str(overlay.get("overlay", "")).startswith("1.0"):
        raise GenerationError("the corrections must be an OpenAPI Overlay 1.0 document")
    result = copy.deepcopy(spec)
    for number, action in enumerate(overlay["actions"], start=1):
        if not action.get("description"):
            raise GenerationError(f"overlay action {number} ({action['target']}) has no description")
        nodes = jsonpath.find(action["target"], result)
        if not nodes:
            raise GenerationError(f"overlay action {number} selects nothing: {action['target']}")
        # Deepest and last first, so removing list items keeps earlier indices valid.
        for node in sorted(nodes, key=lambda n: n.location, reverse=True):
            if action.get("remove"):
                del node.parent.value[node.location[-1]]  # type: ignore[union-attr]
            elif node.parent is None:
                result = _merge(result, action["update"])
            else:
                node.parent.value[node.location[-1]] = _merge(node.value, action["update"])  # type: ignore[index]
    return result


def generator_view(spec: dict[str, Any]) -> dict[str, Any]:
    """The effective spec without the facade-owned parameters (see the overlay's info)."""
    view = copy.deepcopy(spec)
    components = view["components"]["parameters"]
    owned = {f"#/components/parameters/{name}" for name, p in components.items() if p.get(FACADE_OWNED)}
    for name in [name for name, p in components.items() if p.get(FACADE_OWNED)]:
        del components[name]
    for path_item in view["paths"].values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation is not None:
                operation["parameters"] = [p for p in operation.get("parameters", []) if p.get("$ref") not in owned]
    return view


def operations(spec: dict[str, Any]) -> list[str]:
    """Every operationId of the spec."""
    return [
        path_item[method]["operationId"]
        for path_item in spec["paths"].values()
        for method in HTTP_METHODS
        if method in path_item
    ]


def _inline(node: Any, spec: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return _inline(target, spec)
        return {key: _inline(value, spec) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(value, spec) for value in node]
    return node


def request_schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Method, path template and inlined JSON body schema of every operation with a body.

    The facade checks request bodies against these before sending, so bad input fails with
    a clear message and no network I/O; derived here so the spec stays the one source.
    """
    rules = []
    for path, path_item in spec["paths"].items():
        for method in HTTP_METHODS:
            body = path_item.get(method, {}).get("requestBody")
            if body is not None:
                schema = body["content"]["application/json"]["schema"]
                rules.append({"method": method.upper(), "path": path, "schema": _inline(schema, spec)})
    return rules


def reconciliations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """How to reconcile each operation marked `x-amazonpay-reconcile` (see the overlay).

    When such an operation is refused with one of `reasonCodes`, the facade gets the object
    with the GET operation named by `operationId` and returns it if its `stateField` already
    holds `state` (an earlier attempt did the job). The GET's path parameters must all be in
    the operation's path, so the object's URL follows from the refused request's.
    """
    located = {
        path_item[method]["operationId"]: (method, path)
        for path, path_item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in path_item
    }
    rules = []
    for path, path_item in spec["paths"].items():
        for method in HTTP_METHODS:
            rule = path_item.get(method, {}).get("x-amazonpay-reconcile")
            if rule is None:
                continue
            get_method, get_path = located.get(rule["operationId"], ("", ""))
            parameters = set(re.findall(r"\{(\w+)\}", path))
            if get_method != "get" or not set(re.findall(r"\{(\w+)\}", get_path)) <= parameters:
                raise GenerationError(
                    f"x-amazonpay-reconcile of {method.upper()} {path}: {rule['operationId']} is not a GET "
                    "whose path parameters the operation's path has"
                )
            rules.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "getPath": get_path,
                    "reasonCodes": rule["reasonCodes"],
                    "stateField": rule["stateField"],
                    "state": rule["state"],
                }
            )
    return rules


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def generate(root: Path) -> None:
    received = yaml.safe_load(RECEIVED.read_text(encoding="utf-8"))
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    effective = apply_overlay(received, overlay)
    validate(effective)  # OpenAPI 3.1, raises with the offending location
    effective_path = root / EFFECTIVE
    effective_path.parent.mkdir(parents=True, exist_ok=True)
    effective_path.write_text(
        "# Generated by scripts/generate.py from amazon-pay-api-openapi.yml and\n"
        "# corrections.overlay.yml. Do not edit: change the overlay and run `nox -s generate`.\n"
        + dump_yaml(effective),
        encoding="utf-8",
    )

    schemas_path = root / REQUEST_SCHEMAS
    schemas_path.parent.mkdir(parents=True, exist_ok=True)
    schemas_path.write_text(json.dumps(request_schemas(effective), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (root / RECONCILIATIONS).write_text(
        json.dumps(reconciliations(effective), indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )

    with tempfile.TemporaryDirectory() as tmp:
        view_path = Path(tmp) / "generator-view.yml"
        view_path.write_text(dump_yaml(generator_view(effective)), encoding="utf-8")
        out = Path(tmp) / "out" / PACKAGE.name
        run = subprocess.run(
            [
                "openapi-python-client",
                "generate",
                "--path",
                str(view_path),
                "--config",
                str(GENERATOR_CONFIG),
                "--meta",
                "none",
                "--output-path",
                str(out),
                "--fail-on-warning",
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
            check=False,
        )
        log = run.stdout + run.stderr
        if run.returncode != 0 or "Warning" in log or "Skipping" in log or "Unable to" in log:
            raise GenerationError(f"openapi-python-client did not generate cleanly:\n{log}")
        expected = len(operations(effective))
        modules = [p for p in (out / "api").rglob("*.py") if p.name != "__init__.py"]
        if len(modules) != expected:
            raise GenerationError(f"generated {len(modules)} operation modules, the spec has {expected}")
        target = root / PACKAGE
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(out, target)
        # PEP 561 marker: --meta none does not write one, and users type-check against it.
        (target / "py.typed").write_text("", encoding="utf-8")
    print(f"effective spec: {effective_path}; {expected} operations generated into {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="folder to write openapi/ and generated/ under")
    args = parser.parse_args()
    try:
        generate(args.root.resolve())
    except GenerationError as error:
        print(f"generation failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
