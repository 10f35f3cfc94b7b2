"""The public API has no ``Any`` in its signatures: every parameter, return and attribute is typed.

Walks what a user reaches: everything exported from ``amazonpay``, ``amazonpay.testing`` and
``amazonpay.notifications``, the pytest plugin's fixtures and ``client_options``, and, from
there, every public method, property and attribute of every class of ours a signature names
(``pay.charges`` -> ``Charges`` -> ``Charge`` ...). Annotations are resolved with
``typing.get_type_hints``, so an alias hiding ``Any`` (``Scope = dict[str, Any]``) is found too.

Hand-written code (``amazonpay.*``) may have none. The generated layer (``amazonpay_api.*``) is
listed by its own test, against a short allowlist whose every entry says why it is there and
must still match something (a stale entry fails, so it is cleared when the cause is fixed).
"""

from __future__ import annotations

import ast
import collections.abc
import importlib
import inspect
import textwrap
import types
import typing
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any, ForwardRef, get_args

import pytest

import amazonpay
import amazonpay.notifications
import amazonpay.pytest_plugin
import amazonpay.testing
from amazonpay_api import models

#: The generated layer's Any, by where it is (a prefix of the qualified name) and why.
GENERATED_ALLOWLIST: dict[str, str] = {
    "amazonpay_api.models.": (
        "openapi-python-client's model API (from_dict(Mapping[str, Any]), to_dict() -> dict[str, Any], "
        "additional_properties: dict[str, Any]) holds JSON a newer API version may add; the generator owns it"
    ),
    "amazonpay_api.client.": (
        "openapi-python-client's Client (__exit__(*args: Any), httpx_args: dict[str, Any]): pay.api, the "
        "low-level escape hatch; the generator owns it"
    ),
}


def _namespace() -> dict[str, Any]:
    """Names annotations may use that their module imports only under TYPE_CHECKING."""
    import amazonpay._client
    import amazonpay._client_options
    import amazonpay.notifications._objects
    import amazonpay_api.client
    import amazonpay_api.params
    import amazonpay_api.types

    names: dict[str, Any] = {name: getattr(models, name) for name in models.__all__}
    for module in (amazonpay, amazonpay.testing, amazonpay.notifications):
        names.update({name: getattr(module, name) for name in module.__all__})
    names["Client"] = amazonpay_api.client.Client
    names.update({n: v for n, v in vars(amazonpay_api.params).items() if isinstance(v, type)})
    names.update({n: v for n, v in vars(amazonpay_api.types).items() if isinstance(v, type)})
    names["TracebackType"] = types.TracebackType
    for module_name in ("amazonpay_api.resources", *(f"amazonpay_api.resources.{m}" for m in _resource_modules())):
        module = importlib.import_module(module_name)
        names.update({n: v for n, v in vars(module).items() if isinstance(v, type)})
    names.update(
        ClientNotifications=amazonpay.notifications._objects.ClientNotifications,
        AsyncClientNotifications=amazonpay.notifications._objects.AsyncClientNotifications,
    )
    return names


def _resource_modules() -> list[str]:
    import pkgutil

    import amazonpay_api.resources

    return [m.name for m in pkgutil.iter_modules(amazonpay_api.resources.__path__)]


def _hints(obj: Any, extra: dict[str, Any]) -> dict[str, Any]:
    module = inspect.getmodule(obj)
    globalns = {**extra, **(vars(module) if module else {})}
    return typing.get_type_hints(obj, globalns=globalns, include_extras=False)


def _has_any(hint: Any, seen: set[int] | None = None) -> bool:
    """Whether ``Any`` appears anywhere in a resolved annotation (TypedDicts and aliases included)."""
    seen = set() if seen is None else seen
    if id(hint) in seen:
        return False
    seen.add(id(hint))
    if hint is Any:
        return True
    if isinstance(hint, ForwardRef | str):
        return False  # a recursive alias's self-reference: its other arms are checked
    if typing.is_typeddict(hint):
        return any(_has_any(h, seen) for h in _hints(hint, _namespace()).values())
    value = getattr(hint, "__value__", None)  # a `type X = ...` alias
    if value is not None and not isinstance(hint, type):
        return _has_any(value, seen)
    return any(_has_any(arg, seen) for arg in get_args(hint) if arg is not Ellipsis)


def _ours(obj: Any) -> bool:
    return (getattr(obj, "__module__", None) or "").split(".")[0] in ("amazonpay", "amazonpay_api")


def _classes_in(hint: Any) -> Iterator[type]:
    if isinstance(hint, type) and _ours(hint):
        yield hint
    for arg in get_args(hint):
        if arg is not Ellipsis and not isinstance(arg, ForwardRef | str | list):
            yield from _classes_in(arg)
        elif isinstance(arg, list):
            for item in arg:
                yield from _classes_in(item)


def _init_attributes(cls: type) -> dict[str, str]:
    """Public ``self.name = parameter`` assignments of ``cls.__init__``: attribute -> parameter."""
    init = cls.__dict__.get("__init__")
    if not inspect.isfunction(init):
        return {}
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
    except (OSError, TypeError):
        return {}
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and not target.attr.startswith("_")
                ):
                    found[target.attr] = node.value.id
    return found


class _Walk:
    """Every public signature reachable from the roots: qualified name -> annotations with Any."""

    def __init__(self) -> None:
        self.extra = _namespace()
        self.found: dict[str, list[str]] = {}
        self.unresolved: dict[str, str] = {}
        self._classes: set[type] = set()
        self._queue: list[type] = []

    def note(self, where: str, hints: dict[str, Any]) -> None:
        bad = [f"{name}: {hint!r}".replace("typing.", "") for name, hint in hints.items() if _has_any(hint)]
        if bad:
            self.found[where] = bad
        for hint in hints.values():
            for cls in _classes_in(hint):
                self.add_class(cls)

    def function(self, where: str, func: Callable[..., object]) -> None:
        try:
            hints = _hints(func, self.extra)
        except (NameError, TypeError) as error:
            self.unresolved[where] = str(error)
            return
        self.note(where, hints)

    def add_class(self, cls: type) -> None:
        if cls not in self._classes and _ours(cls):
            self._classes.add(cls)
            self._queue.append(cls)

    def run(self) -> dict[str, list[str]]:
        while self._queue:
            self.walk_class(self._queue.pop())
        return self.found

    def walk_class(self, cls: type) -> None:
        where = f"{cls.__module__}.{cls.__qualname__}"
        if typing.is_typeddict(cls):
            self.note(where, _hints(cls, self.extra))
            return
        if issubclass(cls, BaseException | type(None)) and not _ours(cls):
            return
        try:
            attributes = {
                name: hint
                for name, hint in _hints(cls, self.extra).items()
                if not name.startswith("_") and name in _declared_names(cls)
            }
        except (NameError, TypeError) as error:
            self.unresolved[where] = str(error)
            attributes = {}
        init_hints: dict[str, Any] = {}
        init = cls.__dict__.get("__init__")
        if inspect.isfunction(init):
            self.function(f"{where}.__init__", init)
            try:
                init_hints = _hints(init, self.extra)
            except (NameError, TypeError):
                init_hints = {}
        for attribute, parameter in _init_attributes(cls).items():
            if attribute not in attributes and parameter in init_hints:
                attributes[attribute] = init_hints[parameter]
        if attributes:
            self.note(f"{where} (attributes)", attributes)
        for name, member in _public_members(cls):
            target = member.fget if isinstance(member, property) else member
            target = target.func if isinstance(target, cached_property) else target
            target = getattr(target, "__func__", target)  # classmethod, staticmethod
            if inspect.isfunction(target) and _ours(target):
                self.function(f"{where}.{name}", target)


def _declared_names(cls: type) -> set[str]:
    """Annotations declared by our classes in the MRO (not a base of the standard library's)."""
    return {name for base in cls.__mro__ if _ours(base) for name in vars(base).get("__annotations__", {})}


_DUNDERS = frozenset({"__call__", "__iter__", "__aiter__", "__getitem__", "__enter__", "__aenter__", "__exit__"})


def _public_members(cls: type) -> Iterator[tuple[str, Any]]:
    seen: set[str] = set()
    for base in cls.__mro__:
        if not _ours(base):
            continue
        for name, member in vars(base).items():
            if name in seen or (name.startswith("_") and name not in _DUNDERS):
                continue
            seen.add(name)
            yield name, member


def _roots(walk: _Walk) -> None:
    for module in (amazonpay, amazonpay.testing, amazonpay.notifications):
        for name in module.__all__:
            value = getattr(module, name)
            where = f"{module.__name__}.{name}"
            if isinstance(value, type):
                walk.add_class(value)
            elif inspect.isfunction(value):
                walk.function(where, value)
    plugin = amazonpay.pytest_plugin
    walk.function("amazonpay.pytest_plugin.client_options", plugin.client_options)
    for name, value in vars(plugin).items():
        wrapped = getattr(value, "_get_wrapped_function", None)
        if wrapped is not None:
            walk.function(f"amazonpay.pytest_plugin.{name} (fixture)", wrapped())


@pytest.fixture(scope="module")
def walked() -> tuple[dict[str, list[str]], dict[str, str]]:
    walk = _Walk()
    _roots(walk)
    return walk.run(), walk.unresolved


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"  {where}\n" + "".join(f"      {hint}\n" for hint in hints) for where, hints in found.items())


def test_every_public_annotation_resolves(walked: tuple[dict[str, list[str]], dict[str, str]]) -> None:
    """An annotation that cannot be resolved cannot be checked (nor used by a user's tools at run time)."""
    _, unresolved = walked
    assert not unresolved, "unresolvable annotations:\n" + "\n".join(f"  {w}: {e}" for w, e in unresolved.items())


def test_no_any_in_the_facade(walked: tuple[dict[str, list[str]], dict[str, str]]) -> None:
    found, _ = walked
    facade = {where: hints for where, hints in found.items() if where.startswith("amazonpay.")}
    assert not facade, f"Any in the public API of the hand-written facade ({len(facade)}):\n{_report(facade)}"


def test_any_in_the_generated_layer_is_allowlisted(walked: tuple[dict[str, list[str]], dict[str, str]]) -> None:
    found, _ = walked
    generated = {where: hints for where, hints in found.items() if where.startswith("amazonpay_api.")}
    unexplained = {w: h for w, h in generated.items() if not any(w.startswith(p) for p in GENERATED_ALLOWLIST)}
    assert not unexplained, f"Any in the generated layer, not allowlisted:\n{_report(unexplained)}"
    stale = [prefix for prefix in GENERATED_ALLOWLIST if not any(w.startswith(prefix) for w in generated)]
    assert not stale, f"allowlist entries matching nothing any more (remove them): {stale}"


def test_the_walk_reaches_the_resources_and_their_models(walked: tuple[dict[str, list[str]], dict[str, str]]) -> None:
    """The walk is not vacuous: it reaches pay.refunds.create and the Refund model from the exports."""
    walk = _Walk()
    _roots(walk)
    walk.run()
    reached = {f"{c.__module__}.{c.__qualname__}" for c in walk._classes}
    assert "amazonpay_api.resources.refunds.Refunds" in reached
    assert "amazonpay_api.models.refund.Refund" in reached
    assert "amazonpay.testing._sandbox.AmazonPaySandbox" in reached
    assert _has_any(dict[str, Any])
    assert _has_any(Callable[..., Any])
    assert _has_any(collections.abc.Mapping[str, list[Any]])
    assert not _has_any(dict[str, int])
    assert not _has_any(types.NoneType)


def _alias_members(module_name: str, alias: str) -> set[type]:
    """The classes of a union alias written as a string under TYPE_CHECKING imports, resolved."""
    module = importlib.import_module(module_name)
    value = getattr(module, alias)
    return set(get_args(eval(value, {**_namespace(), **vars(module)})))  # noqa: S307 (our own alias)


def _results_of(predicate: Callable[[dict[str, Any]], bool], action: Callable[[dict[str, Any]], str]) -> set[type]:
    """The return types of the sync resource methods of the registry's operations that ``predicate`` picks."""
    from amazonpay._registry import operation_registry

    found: set[type] = set()
    for entry in operation_registry():
        if predicate(entry):
            resources = importlib.import_module(f"amazonpay_api.resources.{entry['resource']}")
            cls = next(
                v for v in vars(resources).values() if isinstance(v, type) and v.__module__ == resources.__name__
            )
            found.add(_hints(getattr(cls, action(entry)), _namespace())["return"])
    return found


def test_notification_objects_are_what_the_spec_lets_fetch() -> None:
    """``pay.notifications.fetch``'s union is the GETs declaring x-amazonpay-notification-object."""
    expected = _results_of(lambda entry: bool(entry["notificationObject"]), lambda entry: entry["action"])
    assert _alias_members("amazonpay.notifications._objects", "NotificationObject") == expected


def test_client_options_are_the_constructor_arguments() -> None:
    """``ClientOptions`` (from_env's overrides, the plugin's options) names every constructor argument, typed alike."""
    from amazonpay import AmazonPay, ClientOptions

    init = _hints(amazonpay._client._Client.__init__, _namespace())
    init.pop("return")
    options = _hints(ClientOptions, _namespace())
    assert set(options) == set(init)
    assert options["transport"] == typing.Optional[amazonpay._client_options.TransportT]  # noqa: UP045
    assert {k: v for k, v in options.items() if k != "transport"} == {k: v for k, v in init.items() if k != "transport"}
    assert AmazonPay.from_env.__func__.__code__.co_flags & inspect.CO_VARKEYWORDS
