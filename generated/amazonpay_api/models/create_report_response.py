from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class CreateReportResponse(_Model):
    """
    Attributes:
        report_id (str):
    """

    __slots__ = (
        "report_id",
        "additional_properties",
    )
    __match_args__ = ("report_id",)

    report_id: str
    additional_properties: dict[str, Any]

    def __init__(
        self,
        report_id: str,
    ) -> None:
        self.report_id = report_id
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        report_id = self.report_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reportId": report_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_id = d.pop("reportId")

        create_report_response = cls(
            report_id=report_id,
        )

        create_report_response.additional_properties = d
        return create_report_response

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
