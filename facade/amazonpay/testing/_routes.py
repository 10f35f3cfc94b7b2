"""The 13 operations: method, path, body rules, idempotency, simulation codes and handler. One table."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from . import _schema as schema
from ._state import Call, Result, State


@dataclass(frozen=True)
class Route:
    """One operation of the effective spec."""

    operation_id: str
    method: str
    path: str  # spec form, e.g. /charges/{chargeId}/capture
    handler: Callable[[State, Call], Result]
    body: schema.Obj | None = None
    idempotent: bool = False  # x-amz-pay-idempotency-key required
    simulation_codes: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        """The path as a regular expression with one ``id`` group for the path parameter."""
        return re.compile("^" + re.sub(r"\{[^}]+\}", "(?P<id>[^/]+)", self.path) + "$")


ROUTES: Final[tuple[Route, ...]] = (
    Route(
        "createCheckoutSession",
        "POST",
        "/checkoutSessions",
        State.create_checkout_session,
        schema.CREATE_CHECKOUT_SESSION,
        idempotent=True,
    ),
    Route("getCheckoutSession", "GET", "/checkoutSessions/{checkoutSessionId}", State.get_checkout_session),
    Route(
        "updateCheckoutSession",
        "PATCH",
        "/checkoutSessions/{checkoutSessionId}",
        State.update_checkout_session,
        schema.UPDATE_CHECKOUT_SESSION,
    ),
    Route(
        "completeCheckoutSession",
        "POST",
        "/checkoutSessions/{checkoutSessionId}/complete",
        State.complete_checkout_session,
        schema.COMPLETE_CHECKOUT_SESSION,
        idempotent=True,
        simulation_codes=frozenset({"BuyerCanceled", "AmazonCanceled", "Declined"}),
    ),
    Route(
        "createCharge",
        "POST",
        "/charges",
        State.create_charge,
        schema.CREATE_CHARGE,
        idempotent=True,
        simulation_codes=frozenset({"SoftDeclined", "HardDeclined", "AmazonRejected", "TransactionTimedOut"}),
    ),
    Route("getCharge", "GET", "/charges/{chargeId}", State.get_charge),
    Route(
        "captureCharge",
        "POST",
        "/charges/{chargeId}/capture",
        State.capture_charge,
        schema.CAPTURE_CHARGE,
        idempotent=True,
    ),
    Route("cancelCharge", "DELETE", "/charges/{chargeId}/cancel", State.cancel_charge, schema.CANCEL_CHARGE),
    Route("getChargePermission", "GET", "/chargePermissions/{chargePermissionId}", State.get_charge_permission),
    Route(
        "updateChargePermission",
        "PATCH",
        "/chargePermissions/{chargePermissionId}",
        State.update_charge_permission,
        schema.UPDATE_CHARGE_PERMISSION,
    ),
    Route(
        "closeChargePermission",
        "DELETE",
        "/chargePermissions/{chargePermissionId}/close",
        State.close_charge_permission,
        schema.CLOSE_CHARGE_PERMISSION,
        simulation_codes=frozenset({"AmazonClosed"}),
    ),
    Route("createRefund", "POST", "/refunds", State.create_refund, schema.CREATE_REFUND, idempotent=True),
    Route("getRefund", "GET", "/refunds/{refundId}", State.get_refund),
)
_COMPILED: Final = tuple((route, route.pattern) for route in ROUTES)


def match(method: str, operation_path: str) -> tuple[Route, str] | None:
    """The route for ``method`` and the path after ``/v2``, and the path parameter ("" if none)."""
    for route, pattern in _COMPILED:
        found = pattern.match(operation_path)
        if found is not None and route.method == method:
            return route, found.groupdict().get("id") or ""
    return None
