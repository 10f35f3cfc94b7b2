"""Reports and their schedules: settlement reports of the simulator's ledger, requested or scheduled.

The rules are those amazon-pay-beyond-13.md (section 1.1, "Reports") states with its sources.
What the simulator decides where the docs are silent:
- the settlement report (``_SANDBOX_SETTLEMENT_DATA_``, the only report of the sandbox) is a
  CSV of the simulator's ledger (:mod:`._ledger`): one row per capture, refund and lost
  chargeback;
- a report is generated asynchronously: IN_PROGRESS, then COMPLETED under the same rule as a
  refund (:attr:`Settings.settle_after_reads` reads of Get Report By Id and
  :attr:`Settings.settle_after` of simulated time), its rows read when it completes; over a
  period without transactions it ends CANCELLED, as the docs say;
- a schedule creates, at each creation time, a report of the period just ended;
- a report document is downloaded from a URL valid 30 seconds (then 403, as S3 answers),
  served by the storage host (:mod:`._storage`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from . import _disputes as disputes
from . import _listings as listings
from ._errors import Reason, SandboxError
from ._journal import Journaled, time_passing
from ._ledger import ledger, settlement_csv
from ._lifecycle import Pending, is_due
from ._storage import issue_link
from ._values import request_time, timestamp, unused_id

if TYPE_CHECKING:
    from ._state import Call, Result, State

#: The one report of the sandbox (docs, amazon-pay-api-v2/reports.html: "Sandbox support only
#: exists for the Sandbox Settlement Report"; its reportType in the reports guide's examples).
SETTLEMENT_REPORT: Final = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_"
MULTI_CURRENCY_REPORT: Final = "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_"
#: Report types the service knows, by Amazon's full names: the .NET SDK's
#: ``WebStore/Types/ReportTypes.cs`` and the multi-currency report of the reports guide
#: (amazon-pay-reports/manually-requesting-reports.html). The spec gives an example, no enum.
REPORT_TYPES: Final = frozenset(
    {
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
        SETTLEMENT_REPORT,
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_",
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
        MULTI_CURRENCY_REPORT,
    }
)
PROCESSING_STATUSES: Final = ("IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED")
REPORT_RETENTION: Final = timedelta(days=90)
DOWNLOAD_LIFETIME: Final = timedelta(seconds=30)
MAX_SCHEDULED_AT_ONCE: Final = 100  # a long jump of the clock runs the latest periods of a schedule only
_FREQUENCY: Final = re.compile(r"P(?:(?P<days>[0-9]+)D)?(?:T(?:(?P<hours>[0-9]+)H)?(?:(?P<minutes>[0-9]+)M)?)?\Z")


@dataclass
class Report(Journaled):
    """A report request: IN_PROGRESS -> COMPLETED with its document, or CANCELLED (no transactions)."""

    id: str
    type: str
    start: datetime
    end: datetime
    created: datetime
    status: str
    pending: Pending | None
    finished: datetime | None = None
    document_id: str | None = None

    def json(self) -> dict[str, Any]:
        """The ``Report`` object."""
        return {
            "reportId": self.id,
            "reportType": self.type,
            "startTime": timestamp(self.start),
            "endTime": timestamp(self.end),
            "createdTime": timestamp(self.created),
            "processingStatus": self.status,
            "processingStartTime": timestamp(self.created),
            "processingEndTime": timestamp(self.finished) if self.finished else None,
            "reportDocumentId": self.document_id,
        }


@dataclass
class ReportSchedule(Journaled):
    """One schedule of a report type (one per type)."""

    id: str
    type: str
    frequency: str
    next_creation: datetime

    def json(self) -> dict[str, Any]:
        """The ``ReportSchedule`` object."""
        return {
            "reportScheduleId": self.id,
            "reportType": self.type,
            "scheduleFrequency": self.frequency,
            "nextReportCreationTime": timestamp(self.next_creation),
        }


def apply_time(state: State, now: datetime) -> None:
    """Run the schedules that are due, settle reports whose time has come, then expire disputes past their deadline.

    Disputes expire last: a report settling in the same pass does not list a chargeback lost in it.
    """
    with time_passing():
        for schedule in list(state.report_schedules.values()):
            _run_schedule(state, schedule, now)
        for report in list(state.reports.values()):
            _settle_report(state, report, now, read=False)
    disputes.apply_time(state, now)


def _run_schedule(state: State, schedule: ReportSchedule, now: datetime) -> None:
    """One report per period whose creation time has come, of the period just ended (the latest 100 at most)."""
    if schedule.next_creation > now:
        return
    period = _frequency(schedule.frequency)
    due = (now - schedule.next_creation) // period + 1
    for index in range(max(due - MAX_SCHEDULED_AT_ONCE, 0), due):
        created = schedule.next_creation + index * period
        _new_report(state, schedule.type, created - period, created, created)
    schedule.next_creation += due * period


def _settle_report(state: State, report: Report, now: datetime, *, read: bool) -> None:
    pending = report.pending
    if pending is None or not is_due(state.settings, pending, now, read=read):
        return
    report.pending = None
    report.finished = now
    moves = [move for move in ledger(state) if report.start <= move.posted < report.end]
    if not moves:
        # "If there are no transactions in sandbox available for the given time range, the
        # generated report will be in the processingStatus "CANCELLED"." (docs,
        # amazon-pay-reports/requesting-sandbox-settlement-reports.html); it has no document.
        report.status = "CANCELLED"
        return
    document_id = "amzn1.tortuga.4.na." + secrets.token_hex(16)
    state.report_documents[document_id] = settlement_csv(moves)
    report.status = "COMPLETED"
    report.document_id = document_id


def _report_type(value: str, *, scheduling: bool = False) -> str:
    if value not in REPORT_TYPES:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"reportType {value[:80]!r} is not a report type; the sandbox has {SETTLEMENT_REPORT}.",
        )
    if scheduling and value == MULTI_CURRENCY_REPORT:
        raise SandboxError(Reason.InvalidParameterValue, f"{value} cannot be scheduled: request it with createReport.")
    if value != SETTLEMENT_REPORT:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"reportType {value} does not exist in the sandbox: only {SETTLEMENT_REPORT} does.",
        )
    return value


def create_report(state: State, call: Call) -> Result:
    """POST /reports: a settlement report of a period, generated asynchronously (IN_PROGRESS)."""
    body = call.body
    report_type = _report_type(body["reportType"])
    start, end = request_time(body["startTime"], "startTime"), request_time(body["endTime"], "endTime")
    if start >= end:
        raise SandboxError(Reason.InvalidParameterValue, "startTime must be before endTime.")
    report = _new_report(state, report_type, start, end, call.now)
    _settle_report(state, report, call.now, read=False)
    return 201, {"reportId": report.id}  # "Returns HTTP 201" (docs, manually-requesting-reports.html)


def _new_report(state: State, report_type: str, start: datetime, end: datetime, created: datetime) -> Report:
    report = Report(
        id=unused_id(lambda: "amzn1.tortuga.4.na." + secrets.token_hex(8), state.reports),
        type=report_type,
        start=start,
        end=end,
        created=created,
        status="IN_PROGRESS",
        pending=Pending(created, "COMPLETED"),
    )
    state.reports[report.id] = report
    return report


def get_report_by_id(state: State, call: Call) -> Result:
    """GET /reports/{id} (a read: a report in progress may complete)."""
    apply_time(state, call.now)  # a schedule may have made it
    report = state.reports.get(call.resource_id)
    if report is None or call.now >= report.created + REPORT_RETENTION:
        raise SandboxError(Reason.ResourceNotFound, f"Report {call.resource_id[:80]} does not exist.")
    with time_passing():
        _settle_report(state, report, call.now, read=True)
    return 200, report.json()


def get_reports(state: State, call: Call) -> Result:
    """GET /reports: the reports of a period (default the last 90 days), newest first, a page at a time."""
    listing = listings.continued(state, call, "reports")
    if listing is None:
        types = _split(call.parameter("reportTypes"))
        statuses = _split(call.parameter("processingStatuses"))
        unknown = sorted(statuses - set(PROCESSING_STATUSES)) if statuses else []
        if unknown:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"processingStatuses has {unknown[0][:32]!r}; expected {', '.join(PROCESSING_STATUSES)}.",
            )
        since_text, until_text = call.parameter("createdSince"), call.parameter("createdUntil")
        since = request_time(since_text, "createdSince") if since_text else call.now - REPORT_RETENTION
        until = request_time(until_text, "createdUntil") if until_text else call.now
        page_size = listings.page_size(call)
        apply_time(state, call.now)
        chosen = sorted(
            (
                r
                for r in state.reports.values()
                if since <= r.created <= until
                and call.now < r.created + REPORT_RETENTION
                and (not types or r.type in types)
                and (not statuses or r.status in statuses)
            ),
            key=lambda r: (r.created, r.id),
            reverse=True,
        )
        items: tuple[Any, ...] = tuple(r.id for r in chosen)
    else:
        items, page_size = listing.rest, listing.page_size
    page, token = listings.page(state, "reports", items, page_size)
    answer: dict[str, Any] = {"reports": [state.reports[i].json() for i in page]}
    if token is not None:
        answer["nextToken"] = token
    return 200, answer


def get_report_document(state: State, call: Call) -> Result:
    """GET /report-documents/{id}: a URL on this simulator to download the report from, for 30 seconds."""
    if call.resource_id not in state.report_documents:
        raise SandboxError(Reason.ResourceNotFound, f"Report document {call.resource_id[:80]} does not exist.")
    credential = issue_link(state, call.resource_id, call.now + DOWNLOAD_LIFETIME)
    url = f"{call.origin}/_sandbox/report-documents/{call.resource_id}?X-Amz-Expires=30&X-Amz-Signature={credential}"
    return 200, {"reportDocumentId": call.resource_id, "url": url, "compressionAlgorithm": "N/A"}


def _split(text: str | None) -> set[str]:
    return {part.strip() for part in text.split(",") if part.strip()} if text else set()


def _frequency(value: str) -> timedelta:
    found = _FREQUENCY.match(value)
    assert found is not None  # the spec's enum holds only such durations
    return timedelta(**{unit: int(n) for unit, n in found.groupdict().items() if n})


def create_report_schedule(state: State, call: Call) -> Result:
    """POST /report-schedules: one schedule per report type (deleteExistingSchedule replaces it)."""
    body = call.body
    report_type = _report_type(body["reportType"], scheduling=True)
    period = _frequency(body["scheduleFrequency"])
    first = (
        request_time(body["nextReportCreationTime"], "nextReportCreationTime")
        if body.get("nextReportCreationTime")
        else None
    )
    existing = [s for s in state.report_schedules.values() if s.type == report_type]
    if existing and not body.get("deleteExistingSchedule"):
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"{report_type} already has schedule {existing[0].id} (one schedule per report type): send "
            "deleteExistingSchedule true to replace it.",
        )
    for schedule in existing:
        del state.report_schedules[schedule.id]
    schedule = ReportSchedule(
        id=unused_id(lambda: "amzn1.tortuga.sched." + secrets.token_hex(8), state.report_schedules),
        type=report_type,
        frequency=body["scheduleFrequency"],
        next_creation=first or call.now + period,
    )
    state.report_schedules[schedule.id] = schedule
    return 201, {"reportScheduleId": schedule.id}  # as Create Report (the Node SDK's tests expect 201)


def get_report_schedules(state: State, call: Call) -> Result:
    """GET /report-schedules: every schedule, or those of some report types."""
    types = _split(call.parameter("reportTypes"))
    chosen = [s.json() for s in state.report_schedules.values() if not types or s.type in types]
    return 200, {"reportSchedules": chosen}


def _schedule(state: State, schedule_id: str) -> ReportSchedule:
    schedule = state.report_schedules.get(schedule_id)
    if schedule is None:
        raise SandboxError(Reason.ResourceNotFound, f"Report schedule {schedule_id[:80]} does not exist.")
    return schedule


def get_report_schedule_by_id(state: State, call: Call) -> Result:
    """GET /report-schedules/{id}."""
    return 200, _schedule(state, call.resource_id).json()


def cancel_report_schedule(state: State, call: Call) -> Result:
    """DELETE /report-schedules/{id}: the schedule is gone; the answer has no body."""
    del state.report_schedules[_schedule(state, call.resource_id).id]
    return 200, None
