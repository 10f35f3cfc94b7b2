from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.schedule_frequency import ScheduleFrequency


class CreateReportScheduleRequest(_Model):
    """
    Attributes:
        report_type (str):
        schedule_frequency (ScheduleFrequency): How often a scheduled report is generated (ISO 8601 durations): the
            values of .NET `Types/ScheduleFrequency.cs` (2.7.0 to 2.7.3), the only source that lists them; the Node SDK's
            tests send PT84H. No Amazon source has PT72H.
        next_report_creation_time (str | Unset): UTC date and time, ISO 8601 (the samples use the basic form).
        delete_existing_schedule (bool | Unset): Replace the schedule this report type already has (one per type). Sent
            in the body, as every official SDK does; Amazon's page lists it as a query parameter (see the overlay).
    """

    __slots__ = (
        "report_type",
        "schedule_frequency",
        "next_report_creation_time",
        "delete_existing_schedule",
    )
    __match_args__ = (
        "report_type",
        "schedule_frequency",
        "next_report_creation_time",
        "delete_existing_schedule",
    )

    report_type: str
    schedule_frequency: ScheduleFrequency
    next_report_creation_time: str | Unset
    delete_existing_schedule: bool | Unset

    def __init__(
        self,
        report_type: str,
        schedule_frequency: ScheduleFrequency,
        next_report_creation_time: str | Unset = UNSET,
        delete_existing_schedule: bool | Unset = UNSET,
    ) -> None:
        self.report_type = report_type
        self.schedule_frequency = schedule_frequency
        self.next_report_creation_time = next_report_creation_time
        self.delete_existing_schedule = delete_existing_schedule

    def to_dict(self) -> dict[str, Any]:
        report_type = self.report_type

        schedule_frequency = self.schedule_frequency.value

        next_report_creation_time = self.next_report_creation_time

        delete_existing_schedule = self.delete_existing_schedule

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reportType": report_type,
                "scheduleFrequency": schedule_frequency,
            }
        )
        if next_report_creation_time is not UNSET:
            field_dict["nextReportCreationTime"] = next_report_creation_time
        if delete_existing_schedule is not UNSET:
            field_dict["deleteExistingSchedule"] = delete_existing_schedule

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_type = d.pop("reportType")

        from amazonpay_api.models.schedule_frequency import ScheduleFrequency  # noqa: PLC0415

        schedule_frequency = ScheduleFrequency(d.pop("scheduleFrequency"))

        next_report_creation_time = d.pop("nextReportCreationTime", UNSET)

        delete_existing_schedule = d.pop("deleteExistingSchedule", UNSET)

        create_report_schedule_request = cls(
            report_type=report_type,
            schedule_frequency=schedule_frequency,
            next_report_creation_time=next_report_creation_time,
            delete_existing_schedule=delete_existing_schedule,
        )

        return create_report_schedule_request
