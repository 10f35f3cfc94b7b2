from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.checkout_session_reason_code import CheckoutSessionReasonCode
    from ..models.checkout_session_state import CheckoutSessionState


class CheckoutSessionStatusDetails(_Model):
    """The state of a Checkout Session and why it is in it.

    Attributes:
        state (CheckoutSessionState): The state of a Checkout Session.
        reason_code (CheckoutSessionReasonCode | None | Unset):
        reason_description (None | str | Unset):
        last_updated_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every
            example (20191015T204313Z); RFC 3339 `date-time` would reject it.
    """

    __slots__ = (
        "state",
        "reason_code",
        "reason_description",
        "last_updated_timestamp",
        "additional_properties",
    )
    __match_args__ = (
        "state",
        "reason_code",
        "reason_description",
        "last_updated_timestamp",
    )

    state: CheckoutSessionState
    reason_code: CheckoutSessionReasonCode | None | Unset
    reason_description: None | str | Unset
    last_updated_timestamp: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        state: CheckoutSessionState,
        reason_code: CheckoutSessionReasonCode | None | Unset = UNSET,
        reason_description: None | str | Unset = UNSET,
        last_updated_timestamp: str | Unset = UNSET,
    ) -> None:
        self.state = state
        self.reason_code = reason_code
        self.reason_description = reason_description
        self.last_updated_timestamp = last_updated_timestamp
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.checkout_session_reason_code import (
            CheckoutSessionReasonCode,  # noqa: PLC0415
        )

        state = self.state.value

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        elif isinstance(self.reason_code, CheckoutSessionReasonCode):
            reason_code = self.reason_code.value
        else:
            reason_code = self.reason_code

        reason_description: None | str | Unset
        if isinstance(self.reason_description, Unset):
            reason_description = UNSET
        else:
            reason_description = self.reason_description

        last_updated_timestamp = self.last_updated_timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
            }
        )
        if reason_code is not UNSET:
            field_dict["reasonCode"] = reason_code
        if reason_description is not UNSET:
            field_dict["reasonDescription"] = reason_description
        if last_updated_timestamp is not UNSET:
            field_dict["lastUpdatedTimestamp"] = last_updated_timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.checkout_session_state import CheckoutSessionState  # noqa: PLC0415

        state = CheckoutSessionState(d.pop("state"))

        def _parse_reason_code(
            data: object,
        ) -> CheckoutSessionReasonCode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.checkout_session_reason_code import (
                    CheckoutSessionReasonCode,  # noqa: PLC0415
                )

                reason_code_type_0 = CheckoutSessionReasonCode(data)

                return reason_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("CheckoutSessionReasonCode | None | Unset", data)

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

        last_updated_timestamp = d.pop("lastUpdatedTimestamp", UNSET)

        checkout_session_status_details = cls(
            state=state,
            reason_code=reason_code,
            reason_description=reason_description,
            last_updated_timestamp=last_updated_timestamp,
        )

        checkout_session_status_details.additional_properties = d
        return checkout_session_status_details

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
