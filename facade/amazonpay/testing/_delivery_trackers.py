"""Delivery trackers: the shipments of an order, so that Alexa can tell the buyer (Create Delivery Tracker).

Exactly one of chargePermissionId and amazonOrderReferenceId (chargePermissionId only in
Japan); a tracking number can be used once (docs, delivery-tracker.html and its ja/ page;
openapi/extensions.overlay.yml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._errors import Reason, SandboxError

if TYPE_CHECKING:
    from ._state import Call, Result, State

#: Shipments in one Create Delivery Tracker request. The docs (delivery-tracker.html, its ja/
#: page) give no limit and every SDK sample sends one; the simulator's own bound, so one request
#: cannot hold its lock for long or fill its memory. Not in the spec: the client must not refuse
#: what Amazon may accept.
MAX_SHIPMENTS: Final = 100


def create_delivery_tracker(state: State, call: Call) -> Result:
    """POST /deliveryTrackers: shipments of an order; each tracking number is accepted once."""
    body = call.body
    given = [name for name in ("amazonOrderReferenceId", "chargePermissionId") if name in body]
    if len(given) != 1:
        raise SandboxError(
            Reason.InvalidParameterValue,
            "Send exactly one of amazonOrderReferenceId and chargePermissionId"
            f" (got {' and '.join(given) if given else 'neither'}).",
        )
    if given == ["amazonOrderReferenceId"] and call.region == "jp":
        raise SandboxError(Reason.InvalidParameterValue, "In Japan a Delivery Tracker takes a chargePermissionId only.")
    if "chargePermissionId" in body and body["chargePermissionId"] not in state.charge_permissions:
        raise SandboxError(
            Reason.InvalidParameterValue, f"chargePermissionId {body['chargePermissionId'][:64]!r} is invalid."
        )
    details = body["deliveryDetails"]
    if not details:
        raise SandboxError(Reason.InvalidParameterValue, "deliveryDetails lists no shipment.")
    if len(details) > MAX_SHIPMENTS:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"deliveryDetails lists {len(details)} shipments; the simulator takes at most {MAX_SHIPMENTS} in one "
            "request (Amazon documents no limit; every sample sends one).",
        )
    numbers = [detail["trackingNumber"] for detail in details]
    seen: set[str] = set()
    for number in numbers:
        if number in seen or number in state.tracking_numbers:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"trackingNumber {number[:64]!r} was already used: a tracking number can be used once.",
            )
        seen.add(number)
    tracker = {name: body[name] for name in given}
    tracker["deliveryDetails"] = [dict(detail) for detail in details]
    for number in numbers:
        state.tracking_numbers[number] = tracker
    return 200, tracker
