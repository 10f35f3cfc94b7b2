from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.dispute_reason_code import DisputeReasonCode
    from ..models.dispute_resolution import DisputeResolution
    from ..models.dispute_state import DisputeState


class DisputeStatusDetails(_Model):
    """
    Attributes:
        state (DisputeState | Unset):
        reason_code (DisputeReasonCode | None | Unset):
        reason_description (None | str | Unset):
        resolution (DisputeResolution | None | Unset):
    """

    __slots__ = (
        "state",
        "reason_code",
        "reason_description",
        "resolution",
        "additional_properties",
    )
    __match_args__ = (
        "state",
        "reason_code",
        "reason_description",
        "resolution",
    )

    state: DisputeState | Unset
    reason_code: DisputeReasonCode | None | Unset
    reason_description: None | str | Unset
    resolution: DisputeResolution | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        state: DisputeState | Unset = UNSET,
        reason_code: DisputeReasonCode | None | Unset = UNSET,
        reason_description: None | str | Unset = UNSET,
        resolution: DisputeResolution | None | Unset = UNSET,
    ) -> None:
        self.state = state
        self.reason_code = reason_code
        self.reason_description = reason_description
        self.resolution = resolution
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.dispute_reason_code import DisputeReasonCode  # noqa: PLC0415
        from amazonpay_api.models.dispute_resolution import DisputeResolution  # noqa: PLC0415

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        elif isinstance(self.reason_code, DisputeReasonCode):
            reason_code = self.reason_code.value
        else:
            reason_code = self.reason_code

        reason_description: None | str | Unset
        if isinstance(self.reason_description, Unset):
            reason_description = UNSET
        else:
            reason_description = self.reason_description

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, DisputeResolution):
            resolution = self.resolution.value
        else:
            resolution = self.resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if state is not UNSET:
            field_dict["state"] = state
        if reason_code is not UNSET:
            field_dict["reasonCode"] = reason_code
        if reason_description is not UNSET:
            field_dict["reasonDescription"] = reason_description
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _state = d.pop("state", UNSET)
        state: DisputeState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            from amazonpay_api.models.dispute_state import DisputeState  # noqa: PLC0415

            state = DisputeState(_state)

        def _parse_reason_code(data: object) -> DisputeReasonCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.dispute_reason_code import DisputeReasonCode  # noqa: PLC0415

                reason_code_type_0 = DisputeReasonCode(data)

                return reason_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("DisputeReasonCode | None | Unset", data)

        reason_code = _parse_reason_code(d.pop("reasonCode", UNSET))

        def _parse_reason_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        reason_description = _parse_reason_description(
            d.pop("reasonDescription", UNSET)
        )

        def _parse_resolution(data: object) -> DisputeResolution | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.dispute_resolution import DisputeResolution  # noqa: PLC0415

                resolution_type_0 = DisputeResolution(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("DisputeResolution | None | Unset", data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        dispute_status_details = cls(
            state=state,
            reason_code=reason_code,
            reason_description=reason_description,
            resolution=resolution,
        )

        dispute_status_details.additional_properties = d
        return dispute_status_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
