from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.update_dispute_request_status_details import (
        UpdateDisputeRequestStatusDetails,
    )


class UpdateDisputeRequest(_Model):
    """The new status of a dispute, reported by a payment service provider.

    Attributes:
        status_details (UpdateDisputeRequestStatusDetails):
        closure_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
    """

    __slots__ = (
        "status_details",
        "closure_timestamp",
    )
    __match_args__ = (
        "status_details",
        "closure_timestamp",
    )

    status_details: UpdateDisputeRequestStatusDetails
    closure_timestamp: str | Unset

    def __init__(
        self,
        status_details: UpdateDisputeRequestStatusDetails,
        closure_timestamp: str | Unset = UNSET,
    ) -> None:
        self.status_details = status_details
        self.closure_timestamp = closure_timestamp

    def to_dict(self) -> dict[str, Any]:
        status_details = self.status_details.to_dict()

        closure_timestamp = self.closure_timestamp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "statusDetails": status_details,
            }
        )
        if closure_timestamp is not UNSET:
            field_dict["closureTimestamp"] = closure_timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.update_dispute_request_status_details import (
            UpdateDisputeRequestStatusDetails,  # noqa: PLC0415
        )

        status_details = UpdateDisputeRequestStatusDetails.from_dict(
            d.pop("statusDetails")
        )

        closure_timestamp = d.pop("closureTimestamp", UNSET)

        update_dispute_request = cls(
            status_details=status_details,
            closure_timestamp=closure_timestamp,
        )

        return update_dispute_request
