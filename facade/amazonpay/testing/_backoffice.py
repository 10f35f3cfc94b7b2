"""The back office (issue 12): reports, report schedules, disbursements, disputes and files.

The rules are those amazon-pay-beyond-13.md (section 1.1, "Reports", "Disbursements",
"Disputes and files") states with its sources. Each handler takes the :class:`State` and a
validated :class:`Call`, like the handlers of :mod:`._state`; what only these operations
remember is stored in the :class:`State`, journaled like every stored object.

What the simulator decides where the docs are silent, each said where it is applied:
- the settlement report (``_SANDBOX_SETTLEMENT_DATA_``, the only report of the sandbox) is a
  CSV of the simulator's own ledger: one row per capture, refund and lost chargeback;
- a report is generated asynchronously: IN_PROGRESS, then COMPLETED under the same rule as a
  refund (:attr:`Settings.settle_after_reads` reads of Get Report By Id and
  :attr:`Settings.settle_after` of simulated time), its rows read when it completes;
- a schedule creates, at each creation time, a report of the period just ended;
- a day's settled transactions are disbursed, one disbursement per currency, once the day is over;
- download and upload URLs are served by the simulator itself, on the host the API was
  called on, under ``/_sandbox/``; a download URL is valid 30 seconds (then 403, as S3
  answers), an upload URL 15 minutes (the docs give no figure).
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final

from ._errors import Reason, SandboxError
from ._journal import Journaled, time_passing
from ._resources import RELEASE_ENVIRONMENT, Pending
from ._values import Money, parse_request_date, timestamp

if TYPE_CHECKING:
    from ._state import Call, Result, State

SETTLEMENT_REPORT: Final = "_SANDBOX_SETTLEMENT_DATA_"
MULTI_CURRENCY_REPORT: Final = "_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_"
#: Report types the service knows (.NET ``Types/ReportTypes.cs`` and manually-requesting-reports).
REPORT_TYPES: Final = frozenset(
    {
        "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
        SETTLEMENT_REPORT,
        "_ORDER_REFERENCE_DATA_",
        "_BILLING_AGREEMENT_DATA_",
        "_AUTHORIZATION_DATA_",
        "_CAPTURE_DATA_",
        "_REFUND_DATA_",
        MULTI_CURRENCY_REPORT,
    }
)
PROCESSING_STATUSES: Final = ("IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED")
REPORT_RETENTION: Final = timedelta(days=90)
DEFAULT_PAGE_SIZE: Final = 10
MAX_PAGE_SIZE: Final = 100
DOWNLOAD_LIFETIME: Final = timedelta(seconds=30)
UPLOAD_LIFETIME: Final = timedelta(minutes=15)
CHARGEBACK_WINDOW: Final = timedelta(days=11)
MAX_SCHEDULED_AT_ONCE: Final = 100  # a long jump of the clock runs the latest periods of a schedule only
SELLER_ID: Final = "A1TESTMERCHANT0"  # the MerchantID of the simulator's notifications
SETTLEMENT_COLUMNS: Final = (
    "TransactionPostedDate",
    "TransactionType",
    "TransactionAmount",
    "CurrencyCode",
    "ChargePermissionId",
    "ChargeId",
    "RefundId",
    "DisputeId",
)
DOWNLOAD_PATH: Final = re.compile(r"/_sandbox/report-documents/(?P<id>[^/]+)\Z")
UPLOAD_PATH: Final = re.compile(r"/_sandbox/files/(?P<id>[^/]+)\Z")
_FREQUENCY: Final = re.compile(r"P(?:(?P<days>[0-9]+)D)?(?:T(?:(?P<hours>[0-9]+)H)?(?:(?P<minutes>[0-9]+)M)?)?\Z")
_OPEN_DISPUTE_STATES: Final = frozenset({"ActionRequired", "UnderReview"})
_FINAL_DISPUTE_STATES: Final = frozenset({"Resolved", "Closed"})


# --- stored objects -------------------------------------------------------------------------------


@dataclass
class Report(Journaled):
    """A report request: IN_PROGRESS -> COMPLETED, with its document once completed."""

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


@dataclass(frozen=True)
class DisputeStatus:
    """A dispute's ``statusDetails``."""

    state: str
    reason_code: str | None = None
    reason_description: str | None = None
    resolution: str | None = None

    def json(self) -> dict[str, Any]:
        """The ``DisputeStatusDetails`` object."""
        return {
            "state": self.state,
            "reasonCode": self.reason_code,
            "reasonDescription": self.reason_description,
            "resolution": self.resolution,
        }


@dataclass
class Dispute(Journaled):
    """A chargeback against a captured charge: ActionRequired -> UnderReview -> Resolved -> Closed."""

    OBJECT_TYPE: ClassVar[str] = "CHARGEBACK"  # its ObjectType in notifications
    NOTIFIED_AT_BIRTH: ClassVar[bool] = True  # a filed chargeback is news: its notification says so

    id: str
    charge_id: str
    permission_id: str
    amount: Money
    filing_reason: str
    filed: datetime
    created: datetime
    status: DisputeStatus
    deadline: datetime | None
    provider_dispute_id: str | None = None
    evidences: tuple[dict[str, Any], ...] = ()
    closed: datetime | None = None

    def json(self) -> dict[str, Any]:
        """The ``Dispute`` object (timestamps not yet reached are left out)."""
        body: dict[str, Any] = {
            "disputeId": self.id,
            "chargeId": self.charge_id,
            "releaseEnvironment": RELEASE_ENVIRONMENT,
            "disputeType": "Chargeback",
            "disputeAmount": self.amount.json(),
            "filingReason": self.filing_reason,
            "filingTimestamp": timestamp(self.filed),
            "statusDetails": self.status.json(),
            "merchantEvidences": [dict(evidence) for evidence in self.evidences] or None,
            "merchantResponseDeadline": timestamp(self.deadline) if self.deadline else None,
            "resolutionAuthority": "Issuer",
            "creationTimestamp": timestamp(self.created),
            "providerMetadata": {"providerDisputeId": self.provider_dispute_id},
        }
        if self.closed is not None:
            body["closureTimestamp"] = timestamp(self.closed)
        return body


@dataclass
class StoredFile(Journaled):
    """A file created for upload; its bytes arrive through the upload URL."""

    id: str
    type: str
    purpose: str
    created: datetime
    url: str
    url_expires: datetime
    content: bytes | None = None
    uploaded: datetime | None = None

    def json(self) -> dict[str, Any]:
        """The ``File`` object."""
        body: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "purpose": self.purpose,
            "size": len(self.content) if self.content is not None else None,
            "url": self.url,
            "urlExpirationTimestamp": timestamp(self.url_expires),
        }
        if self.uploaded is not None:
            body["uploadTimestamp"] = timestamp(self.uploaded)
        return body


@dataclass(frozen=True)
class Link:
    """A pre-signed URL's credentials: what it opens and until when."""

    target: str  # report document id or file id
    expires: datetime


@dataclass(frozen=True)
class Listing:
    """What a nextToken stands for: the rest of a listing, in order."""

    kind: str  # "reports" or "disbursements"
    rest: tuple[Any, ...]  # report ids, or rendered disbursements
    page_size: int


# --- the ledger -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transaction:
    """One settled movement of money: a capture, a refund, or a chargeback the merchant lost."""

    posted: datetime
    type: str  # Capture, Refund, Chargeback
    amount: Money  # positive; refunds and chargebacks are paid out, so count negative
    charge_permission_id: str
    charge_id: str
    refund_id: str | None = None
    dispute_id: str | None = None

    @property
    def signed(self) -> int:
        """What it adds to the merchant's balance, in minor units."""
        return self.amount.minor if self.type == "Capture" else -self.amount.minor

    def row(self) -> dict[str, str]:
        """Its settlement report row."""
        sign = "" if self.type == "Capture" else "-"
        return {
            "TransactionPostedDate": timestamp(self.posted),
            "TransactionType": self.type,
            "TransactionAmount": sign + self.amount.text(),
            "CurrencyCode": self.amount.currency,
            "ChargePermissionId": self.charge_permission_id,
            "ChargeId": self.charge_id,
            "RefundId": self.refund_id or "",
            "DisputeId": self.dispute_id or "",
        }


def ledger(state: State) -> list[Transaction]:
    """Every settled transaction of the simulation, oldest first: captures, refunds, lost chargebacks."""
    moves = [
        Transaction(charge.status.updated, "Capture", charge.captured, charge.permission_id, charge.id)
        for charge in state.charges.values()
        if charge.status.state == "Captured" and charge.captured.minor > 0
    ]
    moves += [
        Transaction(refund.status.updated, "Refund", refund.amount, refund.permission_id, refund.charge_id, refund.id)
        for refund in state.refunds.values()
        if refund.status.state == "Refunded"
    ]
    moves += [
        Transaction(
            dispute.closed, "Chargeback", dispute.amount, dispute.permission_id, dispute.charge_id, None, dispute.id
        )
        for dispute in state.disputes.values()
        if dispute.status.resolution == "BuyerWon" and dispute.closed is not None
    ]
    return sorted(moves, key=lambda move: (move.posted, move.type, move.charge_id, move.refund_id or ""))


def settlement_csv(transactions: Iterable[Transaction]) -> bytes:
    """The settlement report: a header and one row per transaction."""
    out = io.StringIO()
    writer = csv.DictWriter(out, SETTLEMENT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(move.row() for move in transactions)
    return out.getvalue().encode("utf-8")


def disbursements(state: State, now: datetime) -> list[dict[str, Any]]:
    """One disbursement per day and currency of settled transactions, once the day is over, newest first."""
    days: dict[tuple[datetime, str], list[Transaction]] = {}
    for move in ledger(state):
        day = move.posted.replace(hour=0, minute=0, second=0, microsecond=0)
        if day + timedelta(days=1) <= now:
            days.setdefault((day, move.amount.currency), []).append(move)
    answers = []
    for (day, currency), moves in sorted(days.items(), reverse=True):
        date = timestamp(day)[:8]  # YYYYMMDD, the year padded to 4 digits as in every timestamp
        total = Money(sum(move.signed for move in moves), currency)
        answers.append(
            {
                "sellerId": SELLER_ID,
                "settlementId": f"{date}{currency}",
                "amazonDisbursementReferenceId": f"D01-{date}-{currency}",
                "amount": total.text(),
                "currencyCode": currency,
                "transactionTime": timestamp(day + timedelta(days=1)),
            }
        )
    return answers


# --- time -----------------------------------------------------------------------------------------


def apply_time(state: State, now: datetime) -> None:
    """Run the schedules that are due, settle reports whose time has come, expire disputes past their deadline."""
    with time_passing():
        for schedule in list(state.report_schedules.values()):
            _run_schedule(state, schedule, now)
        for report in list(state.reports.values()):
            _settle_report(state, report, now, read=False)
        for dispute in list(state.disputes.values()):
            _expire_dispute(dispute, now)


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
    if pending is None or not state._due(pending, now, read=read):
        return
    report.pending = None
    document_id = "amzn1.tortuga.4.na." + secrets.token_hex(16)
    state.report_documents[document_id] = settlement_csv(
        move for move in ledger(state) if report.start <= move.posted < report.end
    )
    report.status = "COMPLETED"
    report.finished = now
    report.document_id = document_id


def _expire_dispute(dispute: Dispute, now: datetime) -> None:
    """A chargeback not answered by its deadline is lost (reason MerchantResponseDeadlineExpired)."""
    if dispute.status.state == "ActionRequired" and dispute.deadline is not None and now >= dispute.deadline:
        dispute.status = DisputeStatus("Resolved", "MerchantResponseDeadlineExpired", None, "BuyerWon")
        dispute.closed = dispute.deadline


# --- request values -------------------------------------------------------------------------------


def _time(value: str, name: str) -> datetime:
    try:
        return parse_request_date(value)
    except ValueError:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"{name} {value[:64]!r} is not a UTC time in ISO 8601 form, such as 20221114T074550Z.",
        ) from None


def _query(call: Call, name: str) -> str | None:
    value = call.query.get(name)
    if value is not None and not value:
        raise SandboxError(Reason.InvalidParameterValue, f"Invalid value for parameter {name}: it is empty.")
    return value


def _page_size(call: Call) -> int:
    text = _query(call, "pageSize")
    if text is None:
        return DEFAULT_PAGE_SIZE
    # isdigit alone admits "²" and "①", which int() cannot read; 3 digits at most bound the read.
    if not (text.isascii() and text.isdigit() and len(text) <= 3) or not 1 <= int(text) <= MAX_PAGE_SIZE:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"Invalid value for parameter pageSize: {text[:32]!r}; expected 1 to {MAX_PAGE_SIZE}.",
        )
    return int(text)


def _page(state: State, kind: str, items: tuple[Any, ...], page_size: int) -> tuple[tuple[Any, ...], str | None]:
    """A page of ``items`` and the token of the rest (None on the last page)."""
    page, rest = items[:page_size], items[page_size:]
    if not rest:
        return page, None
    token = secrets.token_urlsafe(24)
    state.listings[token] = Listing(kind, rest, page_size)
    return page, token


def _continued(state: State, call: Call, kind: str) -> Listing | None:
    """The rest of the listing a nextToken continues (None on a first page); the token comes alone."""
    token = _query(call, "nextToken")
    if token is None:
        return None
    others = sorted(name for name in call.query if name != "nextToken")
    if others:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"nextToken must be sent alone, without {', '.join(others)}: the token carries the listing's parameters.",
        )
    listing = state.listings.get(token)
    if listing is None or listing.kind != kind:
        raise SandboxError(
            Reason.InvalidParameterValue, f"nextToken {token[:64]!r} was not issued by a previous page of this listing."
        )
    return listing


# --- reports --------------------------------------------------------------------------------------


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
    start, end = _time(body["startTime"], "startTime"), _time(body["endTime"], "endTime")
    if start >= end:
        raise SandboxError(Reason.InvalidParameterValue, "startTime must be before endTime.")
    report = _new_report(state, report_type, start, end, call.now)
    _settle_report(state, report, call.now, read=False)
    return 200, {"reportId": report.id}


def _new_report(state: State, report_type: str, start: datetime, end: datetime, created: datetime) -> Report:
    report = Report(
        id=_unused(lambda: "amzn1.tortuga.4.na." + secrets.token_hex(8), state.reports),
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
    listing = _continued(state, call, "reports")
    if listing is None:
        types = _split(_query(call, "reportTypes"))
        statuses = _split(_query(call, "processingStatuses"))
        unknown = sorted(statuses - set(PROCESSING_STATUSES)) if statuses else []
        if unknown:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"processingStatuses has {unknown[0][:32]!r}; expected {', '.join(PROCESSING_STATUSES)}.",
            )
        since_text, until_text = _query(call, "createdSince"), _query(call, "createdUntil")
        since = _time(since_text, "createdSince") if since_text else call.now - REPORT_RETENTION
        until = _time(until_text, "createdUntil") if until_text else call.now
        page_size = _page_size(call)
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
    page, token = _page(state, "reports", items, page_size)
    answer: dict[str, Any] = {"reports": [state.reports[i].json() for i in page]}
    if token is not None:
        answer["nextToken"] = token
    return 200, answer


def get_report_document(state: State, call: Call) -> Result:
    """GET /report-documents/{id}: a URL on this simulator to download the report from, for 30 seconds."""
    if call.resource_id not in state.report_documents:
        raise SandboxError(Reason.ResourceNotFound, f"Report document {call.resource_id[:80]} does not exist.")
    credential = secrets.token_urlsafe(24)
    state.links[credential] = Link(call.resource_id, call.now + DOWNLOAD_LIFETIME)
    url = f"{call.origin}/_sandbox/report-documents/{call.resource_id}?X-Amz-Expires=30&X-Amz-Signature={credential}"
    return 200, {"reportDocumentId": call.resource_id, "url": url, "compressionAlgorithm": "N/A"}


def _split(text: str | None) -> set[str]:
    return {part.strip() for part in text.split(",") if part.strip()} if text else set()


def _unused(make: Callable[[], str], taken: Mapping[str, Any]) -> str:
    while (new := make()) in taken:
        pass
    return new


# --- report schedules -----------------------------------------------------------------------------


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
        _time(body["nextReportCreationTime"], "nextReportCreationTime") if body.get("nextReportCreationTime") else None
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
        id=_unused(lambda: "amzn1.tortuga.sched." + secrets.token_hex(8), state.report_schedules),
        type=report_type,
        frequency=body["scheduleFrequency"],
        next_creation=first or call.now + period,
    )
    state.report_schedules[schedule.id] = schedule
    return 200, {"reportScheduleId": schedule.id}


def get_report_schedules(state: State, call: Call) -> Result:
    """GET /report-schedules: every schedule, or those of some report types."""
    types = _split(_query(call, "reportTypes"))
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


# --- disbursements --------------------------------------------------------------------------------


def get_disbursements(state: State, call: Call) -> Result:
    """GET /disbursements: the payouts of a period, newest first, a page at a time."""
    listing = _continued(state, call, "disbursements")
    if listing is None:
        start_text, end_text = _query(call, "startTime"), _query(call, "endTime")
        if start_text is None or end_text is None:
            raise SandboxError(
                Reason.InvalidParameterValue,
                "startTime and endTime are required on the first page of disbursements (only nextToken goes alone).",
            )
        start, end = _time(start_text, "startTime"), _time(end_text, "endTime")
        page_size = _page_size(call)
        apply_time(state, call.now)
        items: tuple[Any, ...] = tuple(
            d for d in disbursements(state, call.now) if start <= _time(d["transactionTime"], "") <= end
        )
    else:
        items, page_size = listing.rest, listing.page_size
    page, token = _page(state, "disbursements", items, page_size)
    answer: dict[str, Any] = {"disbursements": [dict(d) for d in page]}
    if token is not None:
        answer["nextToken"] = token
    return 200, answer


# --- disputes -------------------------------------------------------------------------------------


def file_chargeback(
    state: State,
    charge_id: str,
    now: datetime,
    *,
    amount: Money | None = None,
    filing_reason: str = "ProductNotReceived",
    provider_dispute_id: str | None = None,
    state_name: str = "ActionRequired",
    filed: datetime | None = None,
    deadline: datetime | None = None,
) -> Dispute:
    """A chargeback against a captured charge: the buyer's bank files it, the merchant has 11 days.

    ``filed`` (default ``now``) and ``deadline`` (default 11 days on) are what a payment
    service provider reports.
    """
    charge = state._charge(charge_id, now)
    if charge.status.state != "Captured":
        raise SandboxError(
            Reason.InvalidChargeStatus,
            f"Cannot dispute Charge {charge.id} in state {charge.status.state}: it is not captured.",
        )
    disputed = amount or charge.captured
    if disputed.currency != charge.captured.currency:
        raise SandboxError(
            Reason.CurrencyMismatch,
            f"disputeAmount.currencyCode {disputed.currency} does not match the charge's {charge.captured.currency}.",
        )
    # What the buyer can still claim: the capture less refunds (not declined) and earlier disputes.
    taken = sum(
        r.amount.minor for r in state.refunds.values() if r.charge_id == charge.id and r.status.state != "Declined"
    )
    taken += sum(d.amount.minor for d in state.disputes.values() if d.charge_id == charge.id)
    if taken + disputed.minor > charge.captured.minor:
        raise SandboxError(
            Reason.TransactionAmountExceeded,
            f"disputeAmount {disputed.text()} exceeds what is left to dispute on Charge {charge.id}.",
        )
    reason = "MerchantResponseRequired" if state_name == "ActionRequired" else "ChargebackFiled"
    dispute = Dispute(
        id=_unused(lambda: f"{charge.permission_id}-B{secrets.randbelow(10**6):06d}", state.disputes),
        charge_id=charge.id,
        permission_id=charge.permission_id,
        amount=disputed,
        filing_reason=filing_reason,
        filed=filed or now,
        created=now,
        status=DisputeStatus(state_name, reason),
        deadline=deadline or now + CHARGEBACK_WINDOW,
        provider_dispute_id=provider_dispute_id,
    )
    state.disputes[dispute.id] = dispute
    return dispute


def _dispute(state: State, dispute_id: str, now: datetime) -> Dispute:
    dispute = state.disputes.get(dispute_id)
    if dispute is None:
        raise SandboxError(Reason.ResourceNotFound, f"Dispute {dispute_id[:80]} does not exist.")
    with time_passing():
        _expire_dispute(dispute, now)
    return dispute


def create_dispute(state: State, call: Call) -> Result:
    """POST /disputes: a payment service provider reports a chargeback against a captured charge."""
    body = call.body
    amount = Money.from_json(body["disputeAmount"], "disputeAmount")
    state_name = body["statusDetails"]["state"]
    if state_name in _FINAL_DISPUTE_STATES:
        raise SandboxError(
            Reason.InvalidParameterValue, f"A new dispute is ActionRequired or UnderReview, not {state_name}."
        )
    filed = _time(body["filingTimestamp"], "filingTimestamp") if body.get("filingTimestamp") else None
    deadline_text = body.get("merchantResponseDeadline")
    deadline = _time(deadline_text, "merchantResponseDeadline") if deadline_text else None
    dispute = file_chargeback(
        state,
        body["chargeId"],
        call.now,
        amount=amount,
        filing_reason=body["filingReason"],
        provider_dispute_id=(body.get("providerMetadata") or {}).get("providerDisputeId"),
        state_name=state_name,
        filed=filed,
        deadline=deadline,
    )
    return 200, dispute.json()


def get_dispute(state: State, call: Call) -> Result:
    """GET /disputes/{id}."""
    return 200, _dispute(state, call.resource_id, call.now).json()


def update_dispute(state: State, call: Call) -> Result:
    """PATCH /disputes/{id}: a payment service provider reports the dispute's new status."""
    details = call.body["statusDetails"]
    closure_text = call.body.get("closureTimestamp")
    closure = _time(closure_text, "closureTimestamp") if closure_text else call.now
    dispute = _dispute(state, call.resource_id, call.now)
    if dispute.status.state == "Closed":
        raise SandboxError(Reason.InvalidParameterValue, f"Dispute {dispute.id} is Closed: it cannot change.")
    wanted = details["state"]
    resolution = details.get("resolution")
    if wanted in _FINAL_DISPUTE_STATES and resolution is None and dispute.status.resolution is None:
        raise SandboxError(
            Reason.InvalidParameterValue, f"statusDetails.resolution is required to make a dispute {wanted}."
        )
    if wanted in _OPEN_DISPUTE_STATES and resolution is not None:
        raise SandboxError(Reason.InvalidParameterValue, f"A dispute in state {wanted} has no resolution yet.")
    dispute.status = DisputeStatus(
        wanted,
        details.get("reasonCode"),
        details.get("reasonDescription"),
        resolution or (dispute.status.resolution if wanted in _FINAL_DISPUTE_STATES else None),
    )
    if wanted in _FINAL_DISPUTE_STATES and dispute.closed is None:
        dispute.closed = closure
    return 200, dispute.json()


def contest_dispute(state: State, call: Call) -> Result:
    """POST /disputes/{id}/contest: the merchant's evidence, before the deadline; the dispute goes under review."""
    evidences = call.body["merchantEvidences"]
    if not evidences:
        raise SandboxError(Reason.InvalidParameterValue, "merchantEvidences lists no evidence.")
    for evidence in evidences:
        if "fileId" not in evidence and "evidenceText" not in evidence:
            raise SandboxError(
                Reason.InvalidParameterValue, "Each merchant evidence needs a fileId or an evidenceText."
            )
        stored = state.files.get(evidence.get("fileId", ""))
        if "fileId" in evidence and (stored is None or stored.content is None):
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"fileId {evidence['fileId'][:80]!r} is not an uploaded file: upload it first (pay.files.upload).",
            )
    dispute = _dispute(state, call.resource_id, call.now)
    if dispute.status.state != "ActionRequired":
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"Dispute {dispute.id} is {dispute.status.state}: evidence is accepted while it is ActionRequired.",
        )
    dispute.evidences = dispute.evidences + tuple(
        {"evidenceType": e["evidenceType"], "fileId": e.get("fileId"), "evidenceText": e.get("evidenceText")}
        for e in evidences
    )
    dispute.status = DisputeStatus("UnderReview", None, "The merchant's evidence is under review.")
    return 200, dispute.json()


def resolve_dispute(state: State, dispute_id: str, resolution: str, now: datetime) -> Dispute:
    """The investigator's decision: Resolved with ``resolution`` (BuyerWon takes the money back)."""
    dispute = _dispute(state, dispute_id, now)
    if dispute.status.state in _FINAL_DISPUTE_STATES:
        raise SandboxError(Reason.InvalidParameterValue, f"Dispute {dispute.id} is already {dispute.status.state}.")
    dispute.status = DisputeStatus("Resolved", "InvestigatorResolved", None, resolution)
    dispute.closed = now
    return dispute


# --- files ----------------------------------------------------------------------------------------


def upload_file(state: State, call: Call) -> Result:
    """POST /files: a file and a URL on this simulator to PUT its bytes to, for 15 minutes."""
    file_id = _unused(lambda: "amzn1.file." + secrets.token_hex(12), state.files)
    credential = secrets.token_urlsafe(24)
    expires = call.now + UPLOAD_LIFETIME
    state.links[credential] = Link(file_id, expires)
    stored = StoredFile(
        id=file_id,
        type=call.body["type"],
        purpose=call.body["purpose"],
        created=call.now,
        url=f"{call.origin}/_sandbox/files/{file_id}?X-Amz-Expires=900&X-Amz-Signature={credential}",
        url_expires=expires,
    )
    state.files[file_id] = stored
    return 200, stored.json()


# --- the storage host: downloads and uploads outside the signed API --------------------------------

Transfer = tuple[int, dict[str, str], bytes]


def _denied(message: str) -> Transfer:
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>{message}</Message></Error>'
    )
    return 403, {"content-type": "application/xml"}, body.encode()


def transfer(
    state: State, method: str, path: str, query: Mapping[str, str], body: bytes, now: datetime
) -> Transfer | None:
    """Serve a pre-signed download (GET) or upload (PUT) URL; None if ``path`` is neither."""
    download, upload = DOWNLOAD_PATH.search(path), UPLOAD_PATH.search(path)
    found = download or upload
    if found is None:
        return None
    expected = "GET" if download else "PUT"
    if method != expected:
        return 405, {"allow": expected, "content-type": "application/xml"}, b""
    link = state.links.get(query.get("X-Amz-Signature", ""))
    if link is None or link.target != found["id"]:
        return _denied("The request signature we calculated does not match the signature you provided.")
    if now > link.expires:
        return _denied("Request has expired")
    if download:
        return 200, {"content-type": "text/csv"}, state.report_documents[link.target]
    stored = state.files[link.target]
    stored.content = body
    stored.uploaded = now
    return 200, {"content-type": "application/xml"}, b""
