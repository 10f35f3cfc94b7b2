from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.report_schedule import ReportSchedule


class GetReportSchedulesResponse(_Model):
    """Every schedule of the requested types (one page; the service returns no token).

    Attributes:
        report_schedules (list[ReportSchedule] | Unset):
    """

    __slots__ = (
        "report_schedules",
        "additional_properties",
    )
    __match_args__ = ("report_schedules",)

    report_schedules: list[ReportSchedule] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        report_schedules: list[ReportSchedule] | Unset = UNSET,
    ) -> None:
        self.report_schedules = report_schedules
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        report_schedules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.report_schedules, Unset):
            report_schedules = []
            for report_schedules_item_data in self.report_schedules:
                report_schedules_item = report_schedules_item_data.to_dict()
                report_schedules.append(report_schedules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if report_schedules is not UNSET:
            field_dict["reportSchedules"] = report_schedules

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _report_schedules = d.pop("reportSchedules", UNSET)
        report_schedules: list[ReportSchedule] | Unset = UNSET
        if _report_schedules is not UNSET:
            report_schedules = []
            for report_schedules_item_data in _report_schedules:
                from amazonpay_api.models.report_schedule import ReportSchedule  # noqa: PLC0415

                report_schedules_item = ReportSchedule.from_dict(
                    report_schedules_item_data
                )

                report_schedules.append(report_schedules_item)

        get_report_schedules_response = cls(
            report_schedules=report_schedules,
        )

        get_report_schedules_response.additional_properties = d
        return get_report_schedules_response

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
