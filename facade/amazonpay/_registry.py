"""The per-operation registry generation derives from the effective spec, loaded once.

``scripts/generate.py`` writes ``amazonpay_api/_operations.json``: per operation its id,
resource and method names, HTTP method, path template, request body schema and presence,
whether it requires an idempotency key and which simulation codes it accepts. The client's
pre-send body check and the ``amazonpay.testing`` simulator read it through
:func:`operation_registry`, the one place that knows where it lives.
"""

from __future__ import annotations

import json
import pkgutil
from functools import cache
from typing import Any


@cache
def operation_registry() -> tuple[dict[str, Any], ...]:
    """Every operation of the effective spec, in spec order (read on first use)."""
    # pkgutil.get_data asks the package's loader (a zip import too) without the machinery of
    # importlib.resources.files, which a cold start would pay for.
    data = pkgutil.get_data("amazonpay_api", "_operations.json")
    if data is None:  # a loader that cannot read resources
        raise RuntimeError("amazonpay_api/_operations.json cannot be read from where amazonpay_api is installed")
    return tuple(json.loads(data))
