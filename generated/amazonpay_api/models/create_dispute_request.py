from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.create_dispute_request_provider_metadata import (
        CreateDisputeRequestProviderMetadata,
    )
    from ..models.create_dispute_request_status_details import (
        CreateDisputeRequestStatusDetails,
    )
    from ..models.dispute_filing_reason import DisputeFilingReason
    from ..models.price_input import PriceInput


class CreateDisputeRequest(_Model):
    """A dispute a payment service provider reports against a charge.

    Attributes:
        charge_id (str):
        dispute_amount (PriceInput): An amount to charge, capture or refund, and its currency.
        filing_reason (DisputeFilingReason):
        status_details (CreateDisputeRequestStatusDetails):
        provider_metadata (CreateDisputeRequestProviderMetadata | Unset):
        filing_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        merchant_response_deadline (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every
            example (20191015T204313Z); RFC 3339 `date-time` would reject it.
    """

    __slots__ = (
        "charge_id",
        "dispute_amount",
        "filing_reason",
        "status_details",
        "provider_metadata",
        "filing_timestamp",
        "merchant_response_deadline",
    )
    __match_args__ = (
        "charge_id",
        "dispute_amount",
        "filing_reason",
        "status_details",
        "provider_metadata",
        "filing_timestamp",
        "merchant_response_deadline",
    )

    charge_id: str
    dispute_amount: PriceInput
    filing_reason: DisputeFilingReason
    status_details: CreateDisputeRequestStatusDetails
    provider_metadata: CreateDisputeRequestProviderMetadata | Unset
    filing_timestamp: str | Unset
    merchant_response_deadline: str | Unset

    def __init__(
        self,
        charge_id: str,
        dispute_amount: PriceInput,
        filing_reason: DisputeFilingReason,
        status_details: CreateDisputeRequestStatusDetails,
        provider_metadata: CreateDisputeRequestProviderMetadata | Unset = UNSET,
        filing_timestamp: str | Unset = UNSET,
        merchant_response_deadline: str | Unset = UNSET,
    ) -> None:
        self.charge_id = charge_id
        self.dispute_amount = dispute_amount
        self.filing_reason = filing_reason
        self.status_details = status_details
        self.provider_metadata = provider_metadata
        self.filing_timestamp = filing_timestamp
        self.merchant_response_deadline = merchant_response_deadline

    def to_dict(self) -> dict[str, Any]:
        charge_id = self.charge_id

        dispute_amount = self.dispute_amount.to_dict()

        filing_reason = self.filing_reason.value

        status_details = self.status_details.to_dict()

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        filing_timestamp = self.filing_timestamp

        merchant_response_deadline = self.merchant_response_deadline

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chargeId": charge_id,
                "disputeAmount": dispute_amount,
                "filingReason": filing_reason,
                "statusDetails": status_details,
            }
        )
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata
        if filing_timestamp is not UNSET:
            field_dict["filingTimestamp"] = filing_timestamp
        if merchant_response_deadline is not UNSET:
            field_dict["merchantResponseDeadline"] = merchant_response_deadline

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charge_id = d.pop("chargeId")

        from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

        dispute_amount = PriceInput.from_dict(d.pop("disputeAmount"))

        from amazonpay_api.models.dispute_filing_reason import DisputeFilingReason  # noqa: PLC0415

        filing_reason = DisputeFilingReason(d.pop("filingReason"))

        from amazonpay_api.models.create_dispute_request_status_details import (
            CreateDisputeRequestStatusDetails,  # noqa: PLC0415
        )

        status_details = CreateDisputeRequestStatusDetails.from_dict(
            d.pop("statusDetails")
        )

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: CreateDisputeRequestProviderMetadata | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            from amazonpay_api.models.create_dispute_request_provider_metadata import (
                CreateDisputeRequestProviderMetadata,  # noqa: PLC0415
            )

            provider_metadata = CreateDisputeRequestProviderMetadata.from_dict(
                _provider_metadata
            )

        filing_timestamp = d.pop("filingTimestamp", UNSET)

        merchant_response_deadline = d.pop("merchantResponseDeadline", UNSET)

        create_dispute_request = cls(
            charge_id=charge_id,
            dispute_amount=dispute_amount,
            filing_reason=filing_reason,
            status_details=status_details,
            provider_metadata=provider_metadata,
            filing_timestamp=filing_timestamp,
            merchant_response_deadline=merchant_response_deadline,
        )

        return create_dispute_request
