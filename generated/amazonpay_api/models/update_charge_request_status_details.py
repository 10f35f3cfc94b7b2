from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class UpdateChargeRequestStatusDetails(_Model):
    """
    Attributes:
        state (str):
        reason_code (None | str | Unset):
    """

    __slots__ = (
        "state",
        "reason_code",
    )
    __match_args__ = (
        "state",
        "reason_code",
    )

    state: str
    reason_code: None | str | Unset

    def __init__(
        self,
        state: str,
        reason_code: None | str | Unset = UNSET,
    ) -> None:
        self.state = state
        self.reason_code = reason_code

    def to_dict(self) -> dict[str, Any]:
        state = self.state

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )
        if reason_code is not UNSET:
            field_dict["reasonCode"] = reason_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        state = d.pop("state")

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        reason_code = _parse_reason_code(d.pop("reasonCode", UNSET))

        update_charge_request_status_details = cls(
            state=state,
            reason_code=reason_code,
        )

        return update_charge_request_status_details
