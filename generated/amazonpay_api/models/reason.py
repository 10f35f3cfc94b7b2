from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class Reason(_Model):
    """Why a Charge Permission is in its state (for example PaymentMethodNotAllowed).

    Attributes:
        reason_code (str | Unset):
        reason_description (None | str | Unset):
    """

    __slots__ = (
        "reason_code",
        "reason_description",
        "additional_properties",
    )
    __match_args__ = (
        "reason_code",
        "reason_description",
    )

    reason_code: str | Unset
    reason_description: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        reason_code: str | Unset = UNSET,
        reason_description: None | str | Unset = UNSET,
    ) -> None:
        self.reason_code = reason_code
        self.reason_description = reason_description
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code

        reason_description: None | str | Unset
        if isinstance(self.reason_description, Unset):
            reason_description = UNSET
        else:
            reason_description = self.reason_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reason_code is not UNSET:
            field_dict["reasonCode"] = reason_code
        if reason_description is not UNSET:
            field_dict["reasonDescription"] = reason_description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason_code = d.pop("reasonCode", UNSET)

        def _parse_reason_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        reason_description = _parse_reason_description(
            d.pop("reasonDescription", UNSET)
        )

        reason = cls(
            reason_code=reason_code,
            reason_description=reason_description,
        )

        reason.additional_properties = d
        return reason

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
