from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class ReportDocument(_Model):
    """Where to download a report, for 30 seconds.

    Attributes:
        report_document_id (str | Unset):
        url (str | Unset): Pre-signed URL, valid 30 seconds; fetch it without Amazon Pay headers.
        compression_algorithm (None | str | Unset): Always "N/A" at this time.
    """

    __slots__ = (
        "report_document_id",
        "url",
        "compression_algorithm",
        "additional_properties",
    )
    __match_args__ = (
        "report_document_id",
        "url",
        "compression_algorithm",
    )

    report_document_id: str | Unset
    url: str | Unset
    compression_algorithm: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        report_document_id: str | Unset = UNSET,
        url: str | Unset = UNSET,
        compression_algorithm: None | str | Unset = UNSET,
    ) -> None:
        self.report_document_id = report_document_id
        self.url = url
        self.compression_algorithm = compression_algorithm
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        report_document_id = self.report_document_id

        url = self.url

        compression_algorithm: None | str | Unset
        if isinstance(self.compression_algorithm, Unset):
            compression_algorithm = UNSET
        else:
            compression_algorithm = self.compression_algorithm

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if report_document_id is not UNSET:
            field_dict["reportDocumentId"] = report_document_id
        if url is not UNSET:
            field_dict["url"] = url
        if compression_algorithm is not UNSET:
            field_dict["compressionAlgorithm"] = compression_algorithm

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        report_document_id = d.pop("reportDocumentId", UNSET)

        url = d.pop("url", UNSET)

        def _parse_compression_algorithm(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        compression_algorithm = _parse_compression_algorithm(
            d.pop("compressionAlgorithm", UNSET)
        )

        report_document = cls(
            report_document_id=report_document_id,
            url=url,
            compression_algorithm=compression_algorithm,
        )

        report_document.additional_properties = d
        return report_document

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
