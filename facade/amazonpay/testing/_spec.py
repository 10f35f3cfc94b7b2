"""What the effective spec says about the operations, read from the registry generation writes.

``scripts/generate.py`` derives, per operation, its method, path, request body schema, whether
it takes a body, whether it requires an idempotency key and which simulation codes it accepts
(the client also checks request bodies against the same schemas before sending). The simulator
reads them here, through the package's one loader (``amazonpay._registry``), and restates none
of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .._registry import operation_registry, request_schemas


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
    return tuple(
        Operation(
            operation_id=facts["operationId"],
            method=facts["method"],
            path=facts["path"],
            request_schema=request_schemas().get(facts["operationId"]),
            requires_body=facts["requestBody"] == "required",
            requires_idempotency_key=facts["requiresIdempotencyKey"],
            simulation_codes=frozenset(facts["simulationCodes"]),
        )
        for facts in operation_registry()
    )


def operation(operation_id: str) -> Operation:
    """The operation with this id; ``KeyError`` if the spec has none."""
    for candidate in operations():
        if candidate.operation_id == operation_id:
            return candidate
    raise KeyError(operation_id)
