from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.merchant_evidence_input import MerchantEvidenceInput


class ContestDisputeRequest(_Model):
    """The merchant's evidence against the dispute.

    Attributes:
        merchant_evidences (list[MerchantEvidenceInput]): At least one piece of evidence (every sample sends one or
            more).
    """

    __slots__ = ("merchant_evidences",)
    __match_args__ = ("merchant_evidences",)

    merchant_evidences: list[MerchantEvidenceInput]

    def __init__(
        self,
        merchant_evidences: list[MerchantEvidenceInput],
    ) -> None:
        self.merchant_evidences = merchant_evidences

    def to_dict(self) -> dict[str, Any]:
        merchant_evidences = []
        for merchant_evidences_item_data in self.merchant_evidences:
            merchant_evidences_item = merchant_evidences_item_data.to_dict()
            merchant_evidences.append(merchant_evidences_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "merchantEvidences": merchant_evidences,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        merchant_evidences = []
        _merchant_evidences = d.pop("merchantEvidences")
        for merchant_evidences_item_data in _merchant_evidences:
            from amazonpay_api.models.merchant_evidence_input import (
                MerchantEvidenceInput,  # noqa: PLC0415
            )

            merchant_evidences_item = MerchantEvidenceInput.from_dict(
                merchant_evidences_item_data
            )

            merchant_evidences.append(merchant_evidences_item)

        contest_dispute_request = cls(
            merchant_evidences=merchant_evidences,
        )

        return contest_dispute_request
