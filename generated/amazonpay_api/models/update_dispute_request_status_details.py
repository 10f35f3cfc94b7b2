from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.dispute_reason_code import DisputeReasonCode
    from ..models.dispute_resolution import DisputeResolution
    from ..models.dispute_state import DisputeState


class UpdateDisputeRequestStatusDetails(_Model):
    """
    Attributes:
        state (DisputeState):
        resolution (DisputeResolution | Unset):
        reason_code (DisputeReasonCode | Unset):
        reason_description (str | Unset):
    """

    __slots__ = (
        "state",
        "resolution",
        "reason_code",
        "reason_description",
    )
    __match_args__ = (
        "state",
        "resolution",
        "reason_code",
        "reason_description",
    )

    state: DisputeState
    resolution: DisputeResolution | Unset
    reason_code: DisputeReasonCode | Unset
    reason_description: str | Unset

    def __init__(
        self,
        state: DisputeState,
        resolution: DisputeResolution | Unset = UNSET,
        reason_code: DisputeReasonCode | Unset = UNSET,
        reason_description: str | Unset = UNSET,
    ) -> None:
        self.state = state
        self.resolution = resolution
        self.reason_code = reason_code
        self.reason_description = reason_description

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        reason_code: str | Unset = UNSET
        if not isinstance(self.reason_code, Unset):
            reason_code = self.reason_code.value

        reason_description = self.reason_description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if reason_code is not UNSET:
            field_dict["reasonCode"] = reason_code
        if reason_description is not UNSET:
            field_dict["reasonDescription"] = reason_description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.dispute_state import DisputeState  # noqa: PLC0415

        state = DisputeState(d.pop("state"))

        _resolution = d.pop("resolution", UNSET)
        resolution: DisputeResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            from amazonpay_api.models.dispute_resolution import DisputeResolution  # noqa: PLC0415

            resolution = DisputeResolution(_resolution)

        _reason_code = d.pop("reasonCode", UNSET)
        reason_code: DisputeReasonCode | Unset
        if isinstance(_reason_code, Unset):
            reason_code = UNSET
        else:
            from amazonpay_api.models.dispute_reason_code import DisputeReasonCode  # noqa: PLC0415

            reason_code = DisputeReasonCode(_reason_code)

        reason_description = d.pop("reasonDescription", UNSET)

        update_dispute_request_status_details = cls(
            state=state,
            resolution=resolution,
            reason_code=reason_code,
            reason_description=reason_description,
        )

        return update_dispute_request_status_details
