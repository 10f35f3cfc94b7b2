from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class CreateReportScheduleResponse(_Model):
    """
    Attributes:
        report_schedule_id (str | Unset):
    """

    __slots__ = (
        "report_schedule_id",
        "additional_properties",
    )
    __match_args__ = ("report_schedule_id",)

    report_schedule_id: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        report_schedule_id: str | Unset = UNSET,
    ) -> None:
        self.report_schedule_id = report_schedule_id
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        report_schedule_id = self.report_schedule_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if report_schedule_id is not UNSET:
            field_dict["reportScheduleId"] = report_schedule_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_schedule_id = d.pop("reportScheduleId", UNSET)

        create_report_schedule_response = cls(
            report_schedule_id=report_schedule_id,
        )

        create_report_schedule_response.additional_properties = d
        return create_report_schedule_response

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
