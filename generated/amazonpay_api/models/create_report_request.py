from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class CreateReportRequest(_Model):
    """The report to generate and the period it covers.

    Attributes:
        report_type (str):
        start_time (str): UTC date and time, ISO 8601 (the samples use the basic form).
        end_time (str): UTC date and time, ISO 8601 (the samples use the basic form).
    """

    __slots__ = (
        "report_type",
        "start_time",
        "end_time",
    )
    __match_args__ = (
        "report_type",
        "start_time",
        "end_time",
    )

    report_type: str
    start_time: str
    end_time: str

    def __init__(
        self,
        report_type: str,
        start_time: str,
        end_time: str,
    ) -> None:
        self.report_type = report_type
        self.start_time = start_time
        self.end_time = end_time

    def to_dict(self) -> dict[str, Any]:
        report_type = self.report_type

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reportType": report_type,
                "startTime": start_time,
                "endTime": end_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_type = d.pop("reportType")

        start_time = d.pop("startTime")

        end_time = d.pop("endTime")

        create_report_request = cls(
            report_type=report_type,
            start_time=start_time,
            end_time=end_time,
        )

        return create_report_request
