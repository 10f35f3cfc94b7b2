from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.report_processing_status import ReportProcessingStatus


class Report(_Model):
    """A report request and, once COMPLETED, the id of its document.

    Attributes:
        report_id (str):
        report_type (str | Unset):
        start_time (None | str | Unset):
        end_time (None | str | Unset):
        created_time (None | str | Unset):
        processing_status (ReportProcessingStatus | Unset): Where a report is in its generation; COMPLETED, FAILED and
            CANCELLED are final.
        processing_start_time (None | str | Unset):
        processing_end_time (None | str | Unset):
        report_document_id (None | str | Unset):
    """

    __slots__ = (
        "report_id",
        "report_type",
        "start_time",
        "end_time",
        "created_time",
        "processing_status",
        "processing_start_time",
        "processing_end_time",
        "report_document_id",
        "additional_properties",
    )
    __match_args__ = (
        "report_id",
        "report_type",
        "start_time",
        "end_time",
        "created_time",
        "processing_status",
        "processing_start_time",
        "processing_end_time",
        "report_document_id",
    )

    report_id: str
    report_type: str | Unset
    start_time: None | str | Unset
    end_time: None | str | Unset
    created_time: None | str | Unset
    processing_status: ReportProcessingStatus | Unset
    processing_start_time: None | str | Unset
    processing_end_time: None | str | Unset
    report_document_id: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        report_id: str,
        report_type: str | Unset = UNSET,
        start_time: None | str | Unset = UNSET,
        end_time: None | str | Unset = UNSET,
        created_time: None | str | Unset = UNSET,
        processing_status: ReportProcessingStatus | Unset = UNSET,
        processing_start_time: None | str | Unset = UNSET,
        processing_end_time: None | str | Unset = UNSET,
        report_document_id: None | str | Unset = UNSET,
    ) -> None:
        self.report_id = report_id
        self.report_type = report_type
        self.start_time = start_time
        self.end_time = end_time
        self.created_time = created_time
        self.processing_status = processing_status
        self.processing_start_time = processing_start_time
        self.processing_end_time = processing_end_time
        self.report_document_id = report_document_id
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        report_id = self.report_id

        report_type = self.report_type

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        created_time: None | str | Unset
        if isinstance(self.created_time, Unset):
            created_time = UNSET
        else:
            created_time = self.created_time

        processing_status: str | Unset = UNSET
        if not isinstance(self.processing_status, Unset):
            processing_status = self.processing_status.value

        processing_start_time: None | str | Unset
        if isinstance(self.processing_start_time, Unset):
            processing_start_time = UNSET
        else:
            processing_start_time = self.processing_start_time

        processing_end_time: None | str | Unset
        if isinstance(self.processing_end_time, Unset):
            processing_end_time = UNSET
        else:
            processing_end_time = self.processing_end_time

        report_document_id: None | str | Unset
        if isinstance(self.report_document_id, Unset):
            report_document_id = UNSET
        else:
            report_document_id = self.report_document_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reportId": report_id,
            }
        )
        if report_type is not UNSET:
            field_dict["reportType"] = report_type
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if end_time is not UNSET:
            field_dict["endTime"] = end_time
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if processing_status is not UNSET:
            field_dict["processingStatus"] = processing_status
        if processing_start_time is not UNSET:
            field_dict["processingStartTime"] = processing_start_time
        if processing_end_time is not UNSET:
            field_dict["processingEndTime"] = processing_end_time
        if report_document_id is not UNSET:
            field_dict["reportDocumentId"] = report_document_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_id = d.pop("reportId")

        report_type = d.pop("reportType", UNSET)

        def _parse_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        start_time = _parse_start_time(d.pop("startTime", UNSET))

        def _parse_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        end_time = _parse_end_time(d.pop("endTime", UNSET))

        def _parse_created_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        created_time = _parse_created_time(d.pop("createdTime", UNSET))

        _processing_status = d.pop("processingStatus", UNSET)
        processing_status: ReportProcessingStatus | Unset
        if isinstance(_processing_status, Unset):
            processing_status = UNSET
        else:
            from amazonpay_api.models.report_processing_status import (
                ReportProcessingStatus,  # noqa: PLC0415
            )

            processing_status = ReportProcessingStatus(_processing_status)

        def _parse_processing_start_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        processing_start_time = _parse_processing_start_time(
            d.pop("processingStartTime", UNSET)
        )

        def _parse_processing_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        processing_end_time = _parse_processing_end_time(
            d.pop("processingEndTime", UNSET)
        )

        def _parse_report_document_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        report_document_id = _parse_report_document_id(d.pop("reportDocumentId", UNSET))

        report = cls(
            report_id=report_id,
            report_type=report_type,
            start_time=start_time,
            end_time=end_time,
            created_time=created_time,
            processing_status=processing_status,
            processing_start_time=processing_start_time,
            processing_end_time=processing_end_time,
            report_document_id=report_document_id,
        )

        report.additional_properties = d
        return report

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
