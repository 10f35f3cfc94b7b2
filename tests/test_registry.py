"""The route table: every operation of the registry is found from its method and URL path."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from amazonpay._registry import _PARAMETERLESS, operation_at, operation_registry, route


def _filled(entry: dict[str, Any]) -> tuple[str, dict[str, str]]:
    names = re.findall(r"\{(\w+)\}", entry["path"])
    values = {name: f"S01-{index}-{name}" for index, name in enumerate(names)}
    return entry["path"].format(**values), values


@pytest.mark.parametrize("entry", operation_registry(), ids=lambda entry: entry["operationId"])
@pytest.mark.parametrize("prefix", ["", "/v2", "/sandbox/v2"])
def test_every_operation_is_routed_with_its_path_parameters(entry: dict[str, Any], prefix: str) -> None:
    path, values = _filled(entry)
    found = route(entry["method"], prefix + path)
    assert found is not None
    assert found.entry is entry
    assert found.prefix == prefix
    assert found.parameters == values


@pytest.mark.parametrize("entry", [e for e in operation_registry() if "{" in e["path"]], ids=lambda e: e["operationId"])
def test_an_empty_id_an_extra_segment_or_another_method_reaches_no_other_operation(entry: dict[str, Any]) -> None:
    path, _ = _filled(entry)
    empty = re.sub(r"\{\w+\}", "", entry["path"])
    for method, wrong in [(entry["method"], empty), (entry["method"], path + "/x"), ("PUT", path)]:
        found = route(method, wrong)
        assert found is None or found.entry is not entry, (method, wrong)


def _first_in_spec_order(method: str, path: str) -> tuple[str, str, dict[str, str]] | None:
    """The route as defined: the first template of the method, in spec order, whose segments end the path."""
    segments = path.split("/")
    for entry in operation_registry():
        template = entry["path"].split("/")
        start = len(segments) - len(template)
        if entry["method"] != method or start < 0:
            continue
        parameters = {}
        for pattern, segment in zip(template[1:], segments[start + 1 :], strict=True):
            if pattern.startswith("{") and segment:
                parameters[pattern[1:-1]] = segment
            elif pattern != segment:
                break
        else:
            return entry["operationId"], "/".join(segments[: start + 1]), parameters
    return None


#: Every literal segment of the templates, an id and an empty segment: every path of up to three
#: of them, after the sandbox prefix. Many end several templates at once, some in either order
#: (``/disputes/disbursements`` ends getDisbursements's template and, before it, getDispute's).
_SEGMENTS = sorted({s for e in operation_registry() for s in e["path"].split("/") if not s.startswith("{")} | {"S01-1"})
_METHODS = sorted({e["method"] for e in operation_registry()} | {"PUT"})


@pytest.mark.parametrize("method", _METHODS)
def test_a_path_reaches_the_first_operation_in_spec_order_that_it_ends_with(method: str) -> None:
    """The route table indexes the templates by their last segment; what it finds is the linear scan's."""
    for count in (1, 2, 3):
        for segments in itertools.product(_SEGMENTS, repeat=count):
            path = "/".join(["", "sandbox", "v2", *segments])
            found = route(method, path)
            expected = _first_in_spec_order(method, path)
            assert (None if found is None else (found.entry["operationId"], found.prefix, found.parameters)) == expected


def test_operation_at_keeps_no_path_that_holds_an_id() -> None:
    """Its answers are route's; the paths it remembers (a create's, asked twice a call) hold no id or token."""
    for entry in operation_registry():
        path, _ = _filled(entry)
        for _attempt in range(2):
            assert operation_at(entry["method"], "/sandbox/v2" + path) is entry
    remembered = " ".join(path for _, path in _PARAMETERLESS)
    assert remembered
    assert not any(value in remembered for entry in operation_registry() for value in _filled(entry)[1].values())
