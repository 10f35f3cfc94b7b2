"""The typed resource layer, written from the effective spec and the generated operations.

`generate.py` calls :func:`write` after openapi-python-client has run. For every operation of
the effective spec it writes a method ``pay.<resource>.<action>(...)``, sync and async:

- resource: the operation's first tag (``Checkout Sessions`` -> ``checkout_sessions``, the
  folder openapi-python-client puts the operation in); action: the first word of the
  operationId (``captureCharge`` -> ``capture``), ``list`` for an operation that pages
  (``x-amazonpay-pagination``), or the name ``x-amazonpay-method`` gives where the first word
  would clash (``getReportDocument`` -> ``get_document``). Two operations with one name fail
  generation.
- the signature of the generated function the method calls (read from its source, so every
  name and type is the generator's own): path ids positional, query parameters keyword-only,
  the body as the generated model or a dict, the per-call options, and ``idempotency_key=``
  exactly where the operation declares the ``x-amz-pay-idempotency-key`` header.
- the result: the model the generated function parses a 2xx body into.
- for a GET that declares ``x-amazonpay-wait`` (where its object keeps its state, and the
  states it has settled in), two more methods on its resource: ``wait(id, ...)``, which polls
  it until the state is one of those, and ``is_final(obj)``, the same test without I/O.

Every method goes through the facade's one call path (``amazonpay._calls``); the client gets
one lazily built attribute per resource from the mixins in ``resources/__init__.py``. A method
imports its operation module and the models it passes when it is called, and a resource module
imports what only its annotations name under ``TYPE_CHECKING``: a process that makes one call
loads that call's operation and models, not those of its resource's other operations.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import request_params
from openapi_python_client.strings import ClassName, PythonIdentifier, snake_case

TEMPLATES = Path(__file__).resolve().parent / "templates"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IDEMPOTENCY_HEADER = "x-amz-pay-idempotency-key"
WAIT = "x-amazonpay-wait"
WAIT_METHODS = ("wait", "is_final")  # what a waitable operation adds to its resource
METHOD_NAME = "x-amazonpay-method"  # the method name, where the operationId's first word would clash
PAGINATION = "x-amazonpay-pagination"  # {items, token?, pageSize?}: the operation lists a page at a time
DOWNLOAD = "x-amazonpay-download"  # {method, url}: the answer's url is fetched unsigned
UPLOAD = "x-amazonpay-upload"  # {method, url}: the content is PUT unsigned to the answer's url
DOCSTRING_WIDTH = 80  # text width inside the 8-space indentation of a method docstring


class ResourceLayerError(Exception):
    """The spec or the generated operations do not give one clear method per operation."""


@dataclass
class Parameter:
    """A parameter of a generated operation function, as source text."""

    name: str
    annotation: str
    default: str | None = None


@dataclass
class Pages:
    """How a paged operation lists (``x-amazonpay-pagination``), in the generated names."""

    items: str  # attribute of the page model holding its items: reports
    item: str  # the items' model: Report
    token: str | None  # attribute of the page model holding the next page's token: next_token
    token_argument: str | None  # keyword of the generated function sending it: next_token


@dataclass
class Transfer:
    """A helper that moves bytes through the pre-signed URL an operation answers.

    ``x-amazonpay-download`` (fetch the URL) or ``x-amazonpay-upload`` (create, then PUT the
    content to the URL); the upload's keyword arguments are the request body's properties.
    """

    method: str  # the helper's name: download, upload
    url: str  # attribute of the answer holding the URL
    fields: list[Parameter] = field(default_factory=list)  # upload: the body's properties
    body: dict[str, str] = field(default_factory=dict)  # upload: API name -> keyword


@dataclass
class Method:
    """One operation as a resource method."""

    action: str
    module: str  # the generated operation module, e.g. capture_charge
    docstring: str
    path_parameters: list[Parameter]
    query_parameters: list[Parameter]
    body: str | None  # the generated body model (annotation source), None: no body
    params: str | None  # the body's TypedDict in the params module (request_params.py), None: no body
    result: str  # the model of a 2xx body, "None" when the operation returns no body
    idempotent: bool  # the operation declares x-amz-pay-idempotency-key
    operation_id: str
    wait: dict[str, Any] | None = None  # its checked x-amazonpay-wait (see wait_rule)
    pages: Pages | None = None  # the operation pages: the method lists every item
    download: Transfer | None = None  # x-amazonpay-download
    upload: Transfer | None = None  # x-amazonpay-upload
    #: name -> module of the models the method passes at run time (its result and body model):
    #: imported in its body, so a call loads its own operation and models, not its resource's
    models: dict[str, str] = field(default_factory=dict)

    @property
    def waitable(self) -> bool:
        """The operation declares ``x-amazonpay-wait``: its resource gains ``wait`` and ``is_final``."""
        return self.wait is not None

    @property
    def object_name(self) -> str:
        """The parameter name of ``is_final``: the result model in snake case (``refund``)."""
        return snake_case(self.result)

    @property
    def option_type(self) -> str:
        """The per-call options it takes: with ``idempotency_key=`` exactly where declared."""
        return "MoneyCallOptions" if self.idempotent else "CallOptions"


@dataclass
class Resource:
    """The operations of one tag: a class pair (sync, async) and a client attribute."""

    attribute: str  # checkout_sessions
    class_name: str  # CheckoutSessions
    title: str  # the tag: Checkout Sessions
    description: str  # the tag's description, one sentence
    methods: list[Method] = field(default_factory=list)
    #: name -> module of what the signatures name: annotations only, imported for type checkers
    imports: dict[str, str] = field(default_factory=dict)
    #: name -> module of what the signatures' default values name (UNSET), imported at run time
    defaults: dict[str, str] = field(default_factory=dict)

    @property
    def annotation_imports(self) -> dict[str, str]:
        """What only annotations name: imported under ``TYPE_CHECKING``, never at run time."""
        return {name: module for name, module in self.imports.items() if name not in self.defaults}

    @property
    def transfers(self) -> bool:
        """A method downloads or uploads: the resource gets the client's storage (made on first use)."""
        return any(method.download is not None or method.upload is not None for method in self.methods)

    @property
    def option_types(self) -> list[str]:
        """The option types its methods take."""
        return sorted({method.option_type for method in self.methods})

    @property
    def waiter(self) -> Method | None:
        """The GET that ``wait`` and ``is_final`` poll and test, if the resource has one."""
        waitable = [method for method in self.methods if method.waitable]
        if len(waitable) > 1:
            raise ResourceLayerError(
                f"{' and '.join(m.operation_id for m in waitable)} both declare {WAIT}: "
                f"pay.{self.attribute}.wait can poll one of them"
            )
        return waitable[0] if waitable else None


def inline(node: Any, spec: dict[str, Any]) -> Any:
    """``node`` with every local ``$ref`` replaced by what it points at (the spec has no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target: Any = spec
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return inline(target, spec)
        return {key: inline(value, spec) for key, value in node.items()}
    if isinstance(node, list):
        return [inline(value, spec) for value in node]
    return node


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(path, method, operation)`` of every operation, in spec order."""
    for path, path_item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in path_item:
                yield path, method, path_item[method]


def action_name(operation: dict[str, Any]) -> str:
    """The method name of an operation: ``x-amazonpay-method`` if the spec gives one, ``list``
    for a paginated operation, else the first word of its operationId."""
    if METHOD_NAME in operation:
        return str(operation[METHOD_NAME])
    if PAGINATION in operation:
        return "list"
    return snake_case(operation["operationId"]).split("_")[0]


def names(spec: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """operationId -> (resource attribute, action) for every operation; names must be unique."""
    found: dict[str, tuple[str, str]] = {}
    by_name: dict[tuple[str, str], str] = {}
    for path, method, operation in operations(spec):
        operation_id = operation["operationId"]
        tags = operation.get("tags") or []
        if not tags:
            raise ResourceLayerError(f"{operation_id} ({method.upper()} {path}) has no tag to name its resource")
        verb = action_name(operation)
        name = (str(PythonIdentifier(tags[0], prefix="tag")), f"{verb}_" if keyword.iskeyword(verb) else verb)
        if name in by_name:
            raise ResourceLayerError(
                f"{by_name[name]} and {operation_id} would both be pay.{name[0]}.{name[1]}: name one of them in "
                f"openapi/extensions.overlay.yml with {METHOD_NAME} (for example {METHOD_NAME}: get_document); "
                "the received spec, its operationIds and tags stay as Amazon wrote them"
            )
        by_name[name] = operation_id
        found[operation_id] = name
    return found


def wait_rule(spec: dict[str, Any], path: str, http_method: str, operation: dict[str, Any]) -> dict[str, Any] | None:
    """The operation's ``x-amazonpay-wait``, checked against the spec; None if it declares none.

    Only a GET of one object (one path id) can be waited on; its state field must be a string
    property of its 200 body, reached through object properties; its final states a non-empty
    list of distinct strings.
    """
    declared = operation.get(WAIT)
    if declared is None:
        return None
    where = f"{operation['operationId']} ({http_method.upper()} {path}): {WAIT}"
    if http_method != "get" or path.count("{") != 1:
        raise ResourceLayerError(f"{where} is declared on an operation that is not the GET of one object")
    if not isinstance(declared, dict) or set(declared) != {"stateField", "finalStates"}:
        raise ResourceLayerError(f"{where} must have exactly stateField and finalStates")
    field_path, final = declared["stateField"], declared["finalStates"]
    if not (isinstance(final, list) and final and all(isinstance(s, str) and s for s in final)):
        raise ResourceLayerError(f"{where}: finalStates must be a non-empty list of state names")
    if len(set(final)) != len(final):
        raise ResourceLayerError(f"{where}: finalStates lists a state twice")
    node: Any = inline(operation["responses"]["200"]["content"]["application/json"]["schema"], spec)
    for name in field_path if isinstance(field_path, list) and field_path else [None]:
        node = node.get("properties", {}).get(name) if isinstance(node, dict) and isinstance(name, str) else None
        if node is None:
            raise ResourceLayerError(f"{where}: stateField {field_path!r} is not a property path of the 200 body")
    types = node.get("type")
    if "string" not in (types if isinstance(types, list) else [types]):
        raise ResourceLayerError(f"{where}: stateField {field_path!r} is not a string in the 200 body")
    unknown = [state for state in final if "enum" in node and state not in node["enum"]]
    if unknown:
        raise ResourceLayerError(f"{where}: finalStates {', '.join(unknown)} are not states of {field_path!r}")
    return {"stateField": list(field_path), "finalStates": list(final)}


def _escape(text: str) -> str:
    """``text`` safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _docstring(*paragraphs: str) -> str:
    """Paragraphs wrapped for a method docstring."""
    wrap = textwrap.TextWrapper(DOCSTRING_WIDTH, break_long_words=False, break_on_hyphens=False)
    return _escape("\n\n".join(wrap.fill(" ".join(p.split())) for p in paragraphs if p.strip()))


class _GeneratedModule:
    """What resource methods need from one generated operation module, read from its source."""

    def __init__(self, path: Path, dotted_name: str) -> None:
        self.name = path.stem
        tree = ast.parse(path.read_text(encoding="utf-8"))
        self._functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
        #: name -> the absolute module it is imported from (relative imports resolved)
        self.imports: dict[str, str] = {}
        parts = dotted_name.split(".")
        self._classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = parts[: len(parts) - node.level] if node.level else []
                module = ".".join([*base, node.module] if node.module else base)
                self.imports.update({alias.asname or alias.name: module for alias in node.names})

    def function(self, name: str) -> ast.FunctionDef:
        try:
            return self._functions[name]
        except KeyError:
            raise ResourceLayerError(f"the generated module {self.name} has no {name}()") from None

    def attribute(self, class_name: str, attribute: str) -> str:
        """The annotation of an attribute of a generated model class, as source text."""
        for node in self._classes[class_name].body:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == attribute:
                return ast.unparse(node.annotation)
        raise ResourceLayerError(f"the generated model {class_name} has no attribute {attribute}")

    def success_model(self) -> str | None:
        """The class ``_parse_response`` builds from a 2xx body (None: no 2xx body)."""
        models = set()
        for node in ast.walk(self.function("_parse_response")):
            if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)):
                continue
            status = node.test.comparators[0]
            if not (isinstance(status, ast.Constant) and isinstance(status.value, int) and 200 <= status.value < 300):
                continue
            for call in ast.walk(ast.Module(body=node.body, type_ignores=[])):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "from_dict"
                    and isinstance(call.func.value, ast.Name)
                ):
                    models.add(call.func.value.id)
        if len(models) > 1:
            raise ResourceLayerError(
                f"{self.name} parses its 2xx bodies into {', '.join(sorted(models))}: give its success "
                "responses one schema so the method has one result type"
            )
        return models.pop() if models else None


def _referenced_names(source: str) -> set[str]:
    return {node.id for node in ast.walk(ast.parse(source, mode="eval")) if isinstance(node, ast.Name)}


def _method(
    spec: dict[str, Any],
    path: str,
    http_method: str,
    operation: dict[str, Any],
    action: str,
    module: _GeneratedModule,
    package_dir: Path,
    bodies: dict[str, str],
) -> tuple[Method, dict[str, str], dict[str, str]]:
    """The method for one operation, the names its signature uses and those its defaults use (name -> module)."""
    function = module.function("sync_detailed")
    positional = [Parameter(a.arg, ast.unparse(a.annotation)) for a in function.args.args if a.annotation]
    keywords = {
        a.arg: Parameter(a.arg, ast.unparse(a.annotation), ast.unparse(default) if default else None)
        for a, default in zip(function.args.kwonlyargs, function.args.kw_defaults, strict=True)
        if a.annotation and a.arg != "client"
    }
    body = keywords.pop("body", None)
    if body is not None and body.default is not None:
        raise ResourceLayerError(f"{operation['operationId']}: optional request bodies are not supported yet")
    declared = [inline(p, spec) for p in operation.get("parameters", [])]
    result = module.success_model()
    pages = _pages(operation, result, module, package_dir) if PAGINATION in operation else None
    token = pages.token_argument if pages is not None else None
    if token is not None and keywords.pop(token, None) is None:
        raise ResourceLayerError(f"{operation['operationId']} pages with no {token} parameter")
    used = {result} if result else set()
    defaults: set[str] = set()
    for parameter in [*positional, *keywords.values(), *([body] if body else [])]:
        used |= _referenced_names(parameter.annotation)
        defaults |= _referenced_names(parameter.default) if parameter.default else set()
    used = (used | defaults) - set(dir(builtins))
    missing = used - module.imports.keys()
    if missing:
        raise ResourceLayerError(f"{module.name} uses {', '.join(sorted(missing))} without importing it")
    imports = {name: module.imports[name] for name in used}
    if pages is not None:
        imports[pages.item] = f"{package_dir.name}.models.{snake_case(pages.item)}"
    if body is not None and not body.annotation.isidentifier():
        raise ResourceLayerError(f"{operation['operationId']}: its body is {body.annotation}, not one model")
    params = bodies.get(operation["operationId"]) if body is not None else None
    if body is not None and params is None:
        raise ResourceLayerError(f"{operation['operationId']}: its body has no TypedDict in the params module")
    if params is not None:
        imports[params] = f"{package_dir.name}.{request_params.MODULE}"
    passed = [name for name in (result, body.annotation if body else None) if name]
    method = Method(
        action=action,
        module=module.name,
        docstring=_docstring(
            operation.get("summary", operation["operationId"]).rstrip(".") + ".",
            operation.get("description", ""),
            (
                "Lists every item across pages, each page fetched as you iterate (the next-page token "
                "is sent alone); ``.pages()`` yields the page models instead."
                if pages is not None and pages.token is not None
                else "Lists the items of the answer; ``.pages()`` yields the answer itself."
                if pages is not None
                else ""
            ),
            f"``{http_method.upper()} {path}`` (operationId ``{operation['operationId']}``)",
        ),
        path_parameters=positional,
        query_parameters=list(keywords.values()),
        body=body.annotation if body else None,
        params=params,
        result=result or "None",
        idempotent=any(p["in"] == "header" and p["name"].lower() == IDEMPOTENCY_HEADER for p in declared),
        operation_id=operation["operationId"],
        wait=wait_rule(spec, path, http_method, operation),
        pages=pages,
        download=_download(operation, result) if DOWNLOAD in operation else None,
        upload=_upload(spec, operation, result) if UPLOAD in operation else None,
        models={name: imports[name] for name in passed},
    )
    return method, imports, {name: imports[name] for name in defaults - set(dir(builtins))}


def _download(operation: dict[str, Any], result: str | None) -> Transfer:
    if result is None:
        raise ResourceLayerError(f"{operation['operationId']} downloads but answers no body to read the URL from")
    return Transfer(operation[DOWNLOAD]["method"], snake_case(operation[DOWNLOAD]["url"]))


def _upload(spec: dict[str, Any], operation: dict[str, Any], result: str | None) -> Transfer:
    """The upload helper: its keywords are the body's properties, typed by their enums."""
    body = operation.get("requestBody")
    if result is None or body is None:
        raise ResourceLayerError(f"{operation['operationId']} uploads but has no body or no answer with a URL")
    schema = inline(body["content"]["application/json"]["schema"], spec)
    transfer = Transfer(operation[UPLOAD]["method"], snake_case(operation[UPLOAD]["url"]))
    for name, prop in schema.get("properties", {}).items():
        keyword_name = snake_case(name)
        if not keyword_name.isidentifier() or keyword.iskeyword(keyword_name) or "enum" not in prop:
            raise ResourceLayerError(f"{operation['operationId']}: the upload helper needs enum properties, not {name}")
        values = prop["enum"]
        default = repr(values[0]) if len(values) == 1 else None
        if default is None and name not in schema.get("required", []):
            default = "None"
        annotation = f"Literal[{', '.join(repr(v) for v in values)}]" + (" | None" if default == "None" else "")
        transfer.fields.append(Parameter(keyword_name, annotation, default))
        transfer.body[name] = keyword_name
    transfer.fields.sort(key=lambda p: p.default is not None)
    return transfer


def _pages(operation: dict[str, Any], result: str | None, module: _GeneratedModule, package_dir: Path) -> Pages:
    """The paging of an operation, checked against the generated page model."""
    paging = operation[PAGINATION]
    if result is None:
        raise ResourceLayerError(f"{operation['operationId']} pages but answers no body")
    page_module = _GeneratedModule(package_dir / "models" / f"{snake_case(result)}.py", f"{package_dir.name}.models.x")
    items = snake_case(paging["items"])
    found = re.fullmatch(r"list\[(\w+)\] \| Unset", page_module.attribute(result, items))
    if found is None:
        raise ResourceLayerError(f"{result}.{items} is not a list of one model: it cannot hold a page's items")
    token = snake_case(paging["token"]) if "token" in paging else None
    if token is not None:
        page_module.attribute(result, token)  # the page model must carry the token
    return Pages(items=items, item=found[1], token=token, token_argument=token)


def resources(spec: dict[str, Any], package_dir: Path, bodies: dict[str, str]) -> list[Resource]:
    """Every resource of the spec, its methods in spec order, resources by attribute name."""
    package = package_dir.name
    tag_docs = {tag["name"]: " ".join(tag.get("description", "").split()) for tag in spec.get("tags", [])}
    by_attribute: dict[str, Resource] = {}
    operation_names = names(spec)
    for path, http_method, operation in operations(spec):
        attribute, action = operation_names[operation["operationId"]]
        tag = operation["tags"][0]
        description = _escape((tag_docs.get(tag) or tag).rstrip(".") + ".")
        resource = by_attribute.setdefault(
            attribute, Resource(attribute, str(ClassName(tag, prefix="Tag")), _escape(tag), description)
        )
        # openapi-python-client's own names: the tag's folder (the attribute) and the module.
        source = package_dir / "api" / attribute / f"{PythonIdentifier(operation['operationId'], prefix='')}.py"
        if not source.is_file():
            raise ResourceLayerError(f"openapi-python-client wrote no {source.relative_to(package_dir.parent)}")
        module = _GeneratedModule(source, f"{package}.api.{attribute}.{source.stem}")
        method, imports, defaults = _method(spec, path, http_method, operation, action, module, package_dir, bodies)
        resource.methods.append(method)
        resource.imports.update(imports)
        resource.defaults.update(defaults)
    for resource in by_attribute.values():
        taken = [m.action for m in resource.methods if m.action in WAIT_METHODS]
        if resource.waiter and taken:
            raise ResourceLayerError(
                f"pay.{resource.attribute}.{taken[0]} would be both an operation and what {WAIT} adds: "
                f"name the operation in openapi/extensions.overlay.yml with {METHOD_NAME}; the received spec stays "
                "as Amazon wrote it"
            )
    return [by_attribute[name] for name in sorted(by_attribute)]


def write(spec: dict[str, Any], package_dir: Path, bodies: dict[str, str]) -> int:
    """Write ``<package>/resources/``; return the number of methods (each sync and async).

    ``bodies``: operationId -> the ``TypedDict`` of its body (``request_params.write``).
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # noqa: S701 - the output is Python source, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    layer = resources(spec, package_dir, bodies)
    target = package_dir / "resources"
    target.mkdir()
    package = package_dir.name
    (target / "__init__.py").write_text(
        environment.get_template("resources_init.py.jinja").render(resources=layer, package=package),
        encoding="utf-8",
    )
    template = environment.get_template("resource.py.jinja")
    for resource in layer:
        (target / f"{resource.attribute}.py").write_text(
            template.render(resource=resource, package=package), encoding="utf-8"
        )
    return sum(len(resource.methods) for resource in layer)
