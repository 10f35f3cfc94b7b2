from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.evidence_type import EvidenceType


class MerchantEvidence(_Model):
    """
    Attributes:
        evidence_type (EvidenceType | Unset):
        file_id (None | str | Unset):
        evidence_text (None | str | Unset):
    """

    __slots__ = (
        "evidence_type",
        "file_id",
        "evidence_text",
        "additional_properties",
    )
    __match_args__ = (
        "evidence_type",
        "file_id",
        "evidence_text",
    )

    evidence_type: EvidenceType | Unset
    file_id: None | str | Unset
    evidence_text: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        evidence_type: EvidenceType | Unset = UNSET,
        file_id: None | str | Unset = UNSET,
        evidence_text: None | str | Unset = UNSET,
    ) -> None:
        self.evidence_type = evidence_type
        self.file_id = file_id
        self.evidence_text = evidence_text
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        evidence_type: str | Unset = UNSET
        if not isinstance(self.evidence_type, Unset):
            evidence_type = self.evidence_type.value

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        evidence_text: None | str | Unset
        if isinstance(self.evidence_text, Unset):
            evidence_text = UNSET
        else:
            evidence_text = self.evidence_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if evidence_type is not UNSET:
            field_dict["evidenceType"] = evidence_type
        if file_id is not UNSET:
            field_dict["fileId"] = file_id
        if evidence_text is not UNSET:
            field_dict["evidenceText"] = evidence_text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _evidence_type = d.pop("evidenceType", UNSET)
        evidence_type: EvidenceType | Unset
        if isinstance(_evidence_type, Unset):
            evidence_type = UNSET
        else:
            from amazonpay_api.models.evidence_type import EvidenceType  # noqa: PLC0415

            evidence_type = EvidenceType(_evidence_type)

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        file_id = _parse_file_id(d.pop("fileId", UNSET))

        def _parse_evidence_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        evidence_text = _parse_evidence_text(d.pop("evidenceText", UNSET))

        merchant_evidence = cls(
            evidence_type=evidence_type,
            file_id=file_id,
            evidence_text=evidence_text,
        )

        merchant_evidence.additional_properties = d
        return merchant_evidence

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
