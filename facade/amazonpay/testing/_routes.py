"""The route table: each operation of the effective spec bound to the handler that simulates it.

Everything but the binding comes from the spec (:mod:`._spec`): operation ids, methods,
paths, request schemas, which operations require an idempotency key, which simulation codes
each accepts. An operation the spec gains before the simulator learns it answers 404 with a
message saying so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from . import _authorization_tokens as authorization_tokens
from . import _body as body
from . import _buyers as buyers
from . import _charge_permissions as charge_permissions
from . import _charges as charges
from . import _checkout_sessions as checkout_sessions
from . import _delivery_trackers as delivery_trackers
from . import _disbursements as disbursements
from . import _disputes as disputes
from . import _files as files
from . import _refunds as refunds
from . import _reports as reports
from ._spec import Operation, operations
from ._state import Call, Result, State

Handler = Callable[[State, Call], Result]

HANDLERS: Final[Mapping[str, Handler]] = {
    "createCheckoutSession": checkout_sessions.create_checkout_session,
    "getCheckoutSession": checkout_sessions.get_checkout_session,
    "updateCheckoutSession": checkout_sessions.update_checkout_session,
    "completeCheckoutSession": checkout_sessions.complete_checkout_session,
    "createCharge": charges.create_charge,
    "getCharge": charges.get_charge,
    "captureCharge": charges.capture_charge,
    "cancelCharge": charges.cancel_charge,
    "getChargePermission": charge_permissions.get_charge_permission,
    "updateChargePermission": charge_permissions.update_charge_permission,
    "closeChargePermission": charge_permissions.close_charge_permission,
    "createRefund": refunds.create_refund,
    "getRefund": refunds.get_refund,
    # beyond the bundled spec (openapi/extensions.overlay.yml)
    "finalizeCheckoutSession": checkout_sessions.finalize_checkout_session,
    "getBuyer": buyers.get_buyer,
    "updateCharge": charges.update_charge,
    "createDeliveryTracker": delivery_trackers.create_delivery_tracker,
    "getAuthorizationToken": authorization_tokens.get_authorization_token,
    # the back office (issue 12)
    "createReport": reports.create_report,
    "getReports": reports.get_reports,
    "getReportById": reports.get_report_by_id,
    "getReportDocument": reports.get_report_document,
    "createReportSchedule": reports.create_report_schedule,
    "getReportSchedules": reports.get_report_schedules,
    "getReportScheduleById": reports.get_report_schedule_by_id,
    "cancelReportSchedule": reports.cancel_report_schedule,
    "getDisbursements": disbursements.get_disbursements,
    "createDispute": disputes.create_dispute,
    "getDispute": disputes.get_dispute,
    "updateDispute": disputes.update_dispute,
    "contestDispute": disputes.contest_dispute,
    "uploadFile": files.upload_file,
}


@dataclass(frozen=True)
class Route:
    """One operation of the effective spec and its handler (None: not simulated yet)."""

    operation: Operation
    handler: Handler | None
    pattern: re.Pattern[str]

    @property
    def operation_id(self) -> str:
        """The spec's operationId."""
        return self.operation.operation_id

    @property
    def request_schema(self) -> dict[str, Any] | None:
        """The JSON Schema of the request body (None: the operation takes no body)."""
        return self.operation.request_schema


@dataclass(frozen=True)
class Match:
    """Where a method and path lead: a route and its path id, or the methods the path allows."""

    route: Route | None
    resource_id: str = ""
    allowed: tuple[str, ...] = ()  # methods of the path when ``route`` is None


def _pattern(path: str) -> re.Pattern[str]:
    """The path template as a regular expression with one ``id`` group for the path parameter."""
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "(?P<id>[^/]+)", re.escape(path)) + r"\Z")


@cache
def routes() -> tuple[Route, ...]:
    """Every operation of the spec with its handler; each request schema checked as loadable."""
    table = []
    for operation in operations():
        if operation.request_schema is not None:
            body.supported(operation.request_schema, operation.operation_id)
        table.append(Route(operation, HANDLERS.get(operation.operation_id), _pattern(operation.path)))
    return tuple(table)


def match(method: str, operation_path: str) -> Match | None:
    """The route for ``method`` on the path after ``/v2``; None if no operation has that path."""
    allowed: list[str] = []
    for route in routes():
        found = route.pattern.match(operation_path)
        if found is None:
            continue
        if route.operation.method == method:
            return Match(route, found.groupdict().get("id") or "")
        allowed.append(route.operation.method)
    return Match(None, allowed=tuple(allowed)) if allowed else None
