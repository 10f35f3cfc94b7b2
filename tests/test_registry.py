"""The route table: every operation of the registry is found from its method and URL path."""

from __future__ import annotations

import re
from typing import Any

import pytest

from amazonpay._registry import operation_registry, route


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
