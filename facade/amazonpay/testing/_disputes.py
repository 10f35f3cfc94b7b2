"""Disputes: chargebacks against a captured charge, from filing to resolution.

The buyer's bank files one (:meth:`AmazonPaySandbox.file_chargeback`) or a payment service
provider reports it (Create and Update Dispute); the merchant contests it with evidence before
the deadline, 11 days (amazon-pay-beyond-13.md, "Disputes and files"); unanswered, it is lost.
Every change of its state publishes a CHARGEBACK notification.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final

from . import _charges as charges
from ._errors import Reason, SandboxError
from ._journal import Journaled, time_passing
from ._values import RELEASE_ENVIRONMENT, Money, request_time, timestamp, unused_id

if TYPE_CHECKING:
    from ._state import Call, Result, State

CHARGEBACK_WINDOW: Final = timedelta(days=11)
_OPEN_DISPUTE_STATES: Final = frozenset({"ActionRequired", "UnderReview"})
_FINAL_DISPUTE_STATES: Final = frozenset({"Resolved", "Closed"})


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


def apply_time(state: State, now: datetime) -> None:
    """Expire every dispute past its deadline."""
    with time_passing():
        for dispute in list(state.disputes.values()):
            expire(dispute, now)


def expire(dispute: Dispute, now: datetime) -> None:
    """A chargeback not answered by its deadline is lost (reason MerchantResponseDeadlineExpired)."""
    if dispute.status.state == "ActionRequired" and dispute.deadline is not None and now >= dispute.deadline:
        dispute.status = DisputeStatus("Resolved", "MerchantResponseDeadlineExpired", None, "BuyerWon")
        dispute.closed = dispute.deadline


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
    charge = charges.find(state, charge_id, now)
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
    taken = sum(r.amount.minor for r in state.refunds_of(charge.id) if r.status.state != "Declined")
    taken += sum(d.amount.minor for d in state.disputes.values() if d.charge_id == charge.id)
    if taken + disputed.minor > charge.captured.minor:
        raise SandboxError(
            Reason.TransactionAmountExceeded,
            f"disputeAmount {disputed.text()} exceeds what is left to dispute on Charge {charge.id}.",
        )
    reason = "MerchantResponseRequired" if state_name == "ActionRequired" else "ChargebackFiled"
    dispute = Dispute(
        id=unused_id(lambda: f"{charge.permission_id}-B{secrets.randbelow(10**6):06d}", state.disputes),
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


def find(state: State, dispute_id: str, now: datetime) -> Dispute:
    """The dispute, lost if its deadline has passed unanswered; ResourceNotFound if there is none."""
    dispute = state.disputes.get(dispute_id)
    if dispute is None:
        raise SandboxError(Reason.ResourceNotFound, f"Dispute {dispute_id[:80]} does not exist.")
    with time_passing():
        expire(dispute, now)
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
    filed = request_time(body["filingTimestamp"], "filingTimestamp") if body.get("filingTimestamp") else None
    deadline_text = body.get("merchantResponseDeadline")
    deadline = request_time(deadline_text, "merchantResponseDeadline") if deadline_text else None
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
    return 200, find(state, call.resource_id, call.now).json()


def update_dispute(state: State, call: Call) -> Result:
    """PATCH /disputes/{id}: a payment service provider reports the dispute's new status."""
    details = call.body["statusDetails"]
    closure_text = call.body.get("closureTimestamp")
    closure = request_time(closure_text, "closureTimestamp") if closure_text else call.now
    dispute = find(state, call.resource_id, call.now)
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
    dispute = find(state, call.resource_id, call.now)
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
    dispute = find(state, dispute_id, now)
    if dispute.status.state in _FINAL_DISPUTE_STATES:
        raise SandboxError(Reason.InvalidParameterValue, f"Dispute {dispute.id} is already {dispute.status.state}.")
    dispute.status = DisputeStatus("Resolved", "InvestigatorResolved", None, resolution)
    dispute.closed = now
    return dispute
