from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class ErrorResponse(_Model):
    """
    Attributes:
        reason_code (str): Machine-readable reason, e.g. InvalidChargeStatus.
        message (str): Human-readable explanation.
    """

    __slots__ = (
        "reason_code",
        "message",
        "additional_properties",
    )
    __match_args__ = (
        "reason_code",
        "message",
    )

    reason_code: str
    message: str
    additional_properties: dict[str, Any]

    def __init__(
        self,
        reason_code: str,
        message: str,
    ) -> None:
        self.reason_code = reason_code
        self.message = message
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        reason_code = self.reason_code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reasonCode": reason_code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason_code = d.pop("reasonCode")

        message = d.pop("message")

        error_response = cls(
            reason_code=reason_code,
            message=message,
        )

        error_response.additional_properties = d
        return error_response

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
