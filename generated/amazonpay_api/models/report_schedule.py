from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class ReportSchedule(_Model):
    """
    Attributes:
        report_schedule_id (str):
        report_type (str | Unset):
        schedule_frequency (str | Unset): A ScheduleFrequency value (kept open in responses).
        next_report_creation_time (None | str | Unset):
    """

    __slots__ = (
        "report_schedule_id",
        "report_type",
        "schedule_frequency",
        "next_report_creation_time",
        "additional_properties",
    )
    __match_args__ = (
        "report_schedule_id",
        "report_type",
        "schedule_frequency",
        "next_report_creation_time",
    )

    report_schedule_id: str
    report_type: str | Unset
    schedule_frequency: str | Unset
    next_report_creation_time: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        report_schedule_id: str,
        report_type: str | Unset = UNSET,
        schedule_frequency: str | Unset = UNSET,
        next_report_creation_time: None | str | Unset = UNSET,
    ) -> None:
        self.report_schedule_id = report_schedule_id
        self.report_type = report_type
        self.schedule_frequency = schedule_frequency
        self.next_report_creation_time = next_report_creation_time
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        report_schedule_id = self.report_schedule_id

        report_type = self.report_type

        schedule_frequency = self.schedule_frequency

        next_report_creation_time: None | str | Unset
        if isinstance(self.next_report_creation_time, Unset):
            next_report_creation_time = UNSET
        else:
            next_report_creation_time = self.next_report_creation_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reportScheduleId": report_schedule_id,
            }
        )
        if report_type is not UNSET:
            field_dict["reportType"] = report_type
        if schedule_frequency is not UNSET:
            field_dict["scheduleFrequency"] = schedule_frequency
        if next_report_creation_time is not UNSET:
            field_dict["nextReportCreationTime"] = next_report_creation_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_schedule_id = d.pop("reportScheduleId")

        report_type = d.pop("reportType", UNSET)

        schedule_frequency = d.pop("scheduleFrequency", UNSET)

        def _parse_next_report_creation_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        next_report_creation_time = _parse_next_report_creation_time(
            d.pop("nextReportCreationTime", UNSET)
        )

        report_schedule = cls(
            report_schedule_id=report_schedule_id,
            report_type=report_type,
            schedule_frequency=schedule_frequency,
            next_report_creation_time=next_report_creation_time,
        )

        report_schedule.additional_properties = d
        return report_schedule

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
