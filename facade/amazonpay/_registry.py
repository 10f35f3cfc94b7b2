"""The per-operation registry generation derives from the effective spec, loaded once.

``scripts/generate.py`` writes ``amazonpay_api/_operations.json``: per operation its id,
resource and method names, HTTP method, path template, request body schema and presence,
whether it requires an idempotency key and which simulation codes it accepts. The client's
pre-send body check and the ``amazonpay.testing`` simulator read it through
:func:`operation_registry`, the one place that knows where it lives.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def operation_registry() -> tuple[dict[str, Any], ...]:
    """Every operation of the effective spec, in spec order (read on first use)."""
    text = files("amazonpay_api").joinpath("_operations.json").read_text(encoding="utf-8")
    return tuple(json.loads(text))
