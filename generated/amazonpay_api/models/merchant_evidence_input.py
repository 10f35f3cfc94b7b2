from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.evidence_type import EvidenceType


class MerchantEvidenceInput(_Model):
    """
    Attributes:
        evidence_type (EvidenceType):
        file_id (str | Unset): The id of a file uploaded with Upload File.
        evidence_text (str | Unset):
    """

    __slots__ = (
        "evidence_type",
        "file_id",
        "evidence_text",
    )
    __match_args__ = (
        "evidence_type",
        "file_id",
        "evidence_text",
    )

    evidence_type: EvidenceType
    file_id: str | Unset
    evidence_text: str | Unset

    def __init__(
        self,
        evidence_type: EvidenceType,
        file_id: str | Unset = UNSET,
        evidence_text: str | Unset = UNSET,
    ) -> None:
        self.evidence_type = evidence_type
        self.file_id = file_id
        self.evidence_text = evidence_text

    def to_dict(self) -> dict[str, Any]:
        evidence_type = self.evidence_type.value

        file_id = self.file_id

        evidence_text = self.evidence_text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evidenceType": evidence_type,
            }
        )
        if file_id is not UNSET:
            field_dict["fileId"] = file_id
        if evidence_text is not UNSET:
            field_dict["evidenceText"] = evidence_text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.evidence_type import EvidenceType  # noqa: PLC0415

        evidence_type = EvidenceType(d.pop("evidenceType"))

        file_id = d.pop("fileId", UNSET)

        evidence_text = d.pop("evidenceText", UNSET)

        merchant_evidence_input = cls(
            evidence_type=evidence_type,
            file_id=file_id,
            evidence_text=evidence_text,
        )

        return merchant_evidence_input
