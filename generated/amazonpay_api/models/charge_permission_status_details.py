from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.charge_permission_state import ChargePermissionState
    from ..models.reason import Reason


class ChargePermissionStatusDetails(_Model):
    """The state of a Charge Permission and the reasons for it.

    Attributes:
        state (ChargePermissionState): The state of a Charge Permission.
        reasons (list[Reason] | None | Unset):
        last_updated_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every
            example (20191015T204313Z); RFC 3339 `date-time` would reject it.
    """

    __slots__ = (
        "state",
        "reasons",
        "last_updated_timestamp",
        "additional_properties",
    )
    __match_args__ = (
        "state",
        "reasons",
        "last_updated_timestamp",
    )

    state: ChargePermissionState
    reasons: list[Reason] | None | Unset
    last_updated_timestamp: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        state: ChargePermissionState,
        reasons: list[Reason] | None | Unset = UNSET,
        last_updated_timestamp: str | Unset = UNSET,
    ) -> None:
        self.state = state
        self.reasons = reasons
        self.last_updated_timestamp = last_updated_timestamp
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        reasons: list[dict[str, Any]] | None | Unset
        if isinstance(self.reasons, Unset):
            reasons = UNSET
        elif isinstance(self.reasons, list):
            reasons = []
            for reasons_type_0_item_data in self.reasons:
                reasons_type_0_item = reasons_type_0_item_data.to_dict()
                reasons.append(reasons_type_0_item)

        else:
            reasons = self.reasons

        last_updated_timestamp = self.last_updated_timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
            }
        )
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if last_updated_timestamp is not UNSET:
            field_dict["lastUpdatedTimestamp"] = last_updated_timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.charge_permission_state import ChargePermissionState  # noqa: PLC0415

        state = ChargePermissionState(d.pop("state"))

        def _parse_reasons(data: object) -> list[Reason] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reasons_type_0 = []
                _reasons_type_0 = data
                for reasons_type_0_item_data in _reasons_type_0:
                    from amazonpay_api.models.reason import Reason  # noqa: PLC0415

                    reasons_type_0_item = Reason.from_dict(reasons_type_0_item_data)

                    reasons_type_0.append(reasons_type_0_item)

                return reasons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[Reason] | None | Unset", data)

        reasons = _parse_reasons(d.pop("reasons", UNSET))

        last_updated_timestamp = d.pop("lastUpdatedTimestamp", UNSET)

        charge_permission_status_details = cls(
            state=state,
            reasons=reasons,
            last_updated_timestamp=last_updated_timestamp,
        )

        charge_permission_status_details.additional_properties = d
        return charge_permission_status_details

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
