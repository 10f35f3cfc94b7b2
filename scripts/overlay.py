"""OpenAPI Overlay 1.0: the received spec plus our overlays is the effective spec.

`corrections.overlay.yml` makes the received spec true to the service; `extensions.overlay.yml`
adds the operations Amazon documents beyond it. Every action must say why (its description)
and select something: an action that selects nothing is an error, never a silent no-op.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml

RECEIVED = "amazon-pay-api-openapi.yml"
OVERLAYS = ("corrections.overlay.yml", "extensions.overlay.yml")  # applied in this order


class OverlayError(Exception):
    """An overlay is not an Overlay 1.0 document, or one of its actions is not usable."""


def _merge(target: Any, update: Any) -> Any:
    """Overlay 1.0 update semantics: objects merge recursively, arrays append, scalars replace."""
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else copy.deepcopy(value)
        return target
    if isinstance(target, list):
        return target + (copy.deepcopy(update) if isinstance(update, list) else [copy.deepcopy(update)])
    return copy.deepcopy(update)


def apply_overlay(spec: dict[str, Any], overlay: dict[str, Any], name: str) -> dict[str, Any]:
    """Apply an Overlay 1.0 document; an action whose target selects nothing is an error."""
    if not str(overlay.get("overlay", "")).startswith("1.0"):
        raise OverlayError(f"{name} must be an OpenAPI Overlay 1.0 document")
    result = copy.deepcopy(spec)
    for number, action in enumerate(overlay["actions"], start=1):
        if not action.get("description"):
            raise OverlayError(f"{name} action {number} ({action['target']}) has no description")
        nodes = jsonpath.find(action["target"], result)
        if not nodes:
            raise OverlayError(f"{name} action {number} selects nothing: {action['target']}")
        # Deepest and last first, so removing list items keeps earlier indices valid.
        for node in sorted(nodes, key=lambda n: n.location, reverse=True):
            if action.get("remove"):
                del node.parent.value[node.location[-1]]  # type: ignore[union-attr]
            elif node.parent is None:
                result = _merge(result, action["update"])
            else:
                node.parent.value[node.location[-1]] = _merge(node.value, action["update"])  # type: ignore[index]
    return result


def effective_spec(folder: Path) -> dict[str, Any]:
    """The received spec in ``folder`` with every overlay in ``folder`` applied, in order."""
    spec = yaml.safe_load((folder / RECEIVED).read_text(encoding="utf-8"))
    for name in OVERLAYS:
        spec = apply_overlay(spec, yaml.safe_load((folder / name).read_text(encoding="utf-8")), name)
    return spec
