"""What the effective spec says about the operations, read from the data generation writes.

``scripts/generate.py`` derives two files from the effective spec: the request body schemas
(which the client also checks before sending) and, per operation, its method, path, whether it
takes a body, whether it requires an idempotency key and which simulation codes it accepts.
The simulator reads both here, through :func:`generated_data`, and restates none of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

_DATA_PACKAGE = "amazonpay"
_REQUEST_SCHEMAS = "_request_schemas.json"
_OPERATIONS = "_operations.json"


def generated_data(name: str) -> Any:
    """The JSON of one generated data file (the one place that knows where they live)."""
    return json.loads(files(_DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Operation:
    """One operation of the effective spec, as the simulator routes it."""

    operation_id: str
    method: str
    path: str  # spec form, e.g. /charges/{chargeId}/capture
    request_schema: dict[str, Any] | None  # the JSON Schema of the body; None: no body
    requires_body: bool
    requires_idempotency_key: bool
    simulation_codes: frozenset[str]


@cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the effective spec, in spec order."""
    schemas = {(rule["method"], rule["path"]): rule["schema"] for rule in generated_data(_REQUEST_SCHEMAS)}
    return tuple(
        Operation(
            operation_id=facts["operationId"],
            method=facts["method"],
            path=facts["path"],
            request_schema=schemas.get((facts["method"], facts["path"])) if facts["requestBody"] else None,
            requires_body=facts["requestBody"] == "required",
            requires_idempotency_key=facts["requiresIdempotencyKey"],
            simulation_codes=frozenset(facts["simulationCodes"]),
        )
        for facts in generated_data(_OPERATIONS)
    )


def operation(operation_id: str) -> Operation:
    """The operation with this id; ``KeyError`` if the spec has none."""
    for candidate in operations():
        if candidate.operation_id == operation_id:
            return candidate
    raise KeyError(operation_id)
