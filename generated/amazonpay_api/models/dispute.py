from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.dispute_filing_reason import DisputeFilingReason
    from ..models.dispute_provider_metadata import DisputeProviderMetadata
    from ..models.dispute_status_details import DisputeStatusDetails
    from ..models.merchant_evidence import MerchantEvidence
    from ..models.price import Price
    from ..models.release_environment import ReleaseEnvironment


class Dispute(_Model):
    """A chargeback or claim against a charge; its id is the ObjectId of a CHARGEBACK notification.

    Attributes:
        dispute_id (str | Unset):
        charge_id (str | Unset):
        release_environment (ReleaseEnvironment | Unset): The environment the object was created in.
        dispute_type (None | str | Unset):
        dispute_amount (Price | Unset):
        filing_reason (DisputeFilingReason | None | Unset):
        filing_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        status_details (DisputeStatusDetails | Unset):
        merchant_evidences (list[MerchantEvidence] | None | Unset):
        merchant_response_deadline (None | str | Unset):
        resolution_authority (None | str | Unset):
        creation_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        closure_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        provider_metadata (DisputeProviderMetadata | Unset):
    """

    __slots__ = (
        "dispute_id",
        "charge_id",
        "release_environment",
        "dispute_type",
        "dispute_amount",
        "filing_reason",
        "filing_timestamp",
        "status_details",
        "merchant_evidences",
        "merchant_response_deadline",
        "resolution_authority",
        "creation_timestamp",
        "closure_timestamp",
        "provider_metadata",
        "additional_properties",
    )
    __match_args__ = (
        "dispute_id",
        "charge_id",
        "release_environment",
        "dispute_type",
        "dispute_amount",
        "filing_reason",
        "filing_timestamp",
        "status_details",
        "merchant_evidences",
        "merchant_response_deadline",
        "resolution_authority",
        "creation_timestamp",
        "closure_timestamp",
        "provider_metadata",
    )

    dispute_id: str | Unset
    charge_id: str | Unset
    release_environment: ReleaseEnvironment | Unset
    dispute_type: None | str | Unset
    dispute_amount: Price | Unset
    filing_reason: DisputeFilingReason | None | Unset
    filing_timestamp: str | Unset
    status_details: DisputeStatusDetails | Unset
    merchant_evidences: list[MerchantEvidence] | None | Unset
    merchant_response_deadline: None | str | Unset
    resolution_authority: None | str | Unset
    creation_timestamp: str | Unset
    closure_timestamp: str | Unset
    provider_metadata: DisputeProviderMetadata | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        dispute_id: str | Unset = UNSET,
        charge_id: str | Unset = UNSET,
        release_environment: ReleaseEnvironment | Unset = UNSET,
        dispute_type: None | str | Unset = UNSET,
        dispute_amount: Price | Unset = UNSET,
        filing_reason: DisputeFilingReason | None | Unset = UNSET,
        filing_timestamp: str | Unset = UNSET,
        status_details: DisputeStatusDetails | Unset = UNSET,
        merchant_evidences: list[MerchantEvidence] | None | Unset = UNSET,
        merchant_response_deadline: None | str | Unset = UNSET,
        resolution_authority: None | str | Unset = UNSET,
        creation_timestamp: str | Unset = UNSET,
        closure_timestamp: str | Unset = UNSET,
        provider_metadata: DisputeProviderMetadata | Unset = UNSET,
    ) -> None:
        self.dispute_id = dispute_id
        self.charge_id = charge_id
        self.release_environment = release_environment
        self.dispute_type = dispute_type
        self.dispute_amount = dispute_amount
        self.filing_reason = filing_reason
        self.filing_timestamp = filing_timestamp
        self.status_details = status_details
        self.merchant_evidences = merchant_evidences
        self.merchant_response_deadline = merchant_response_deadline
        self.resolution_authority = resolution_authority
        self.creation_timestamp = creation_timestamp
        self.closure_timestamp = closure_timestamp
        self.provider_metadata = provider_metadata
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.dispute_filing_reason import DisputeFilingReason  # noqa: PLC0415

        dispute_id = self.dispute_id

        charge_id = self.charge_id

        release_environment: str | Unset = UNSET
        if not isinstance(self.release_environment, Unset):
            release_environment = self.release_environment.value

        dispute_type: None | str | Unset
        if isinstance(self.dispute_type, Unset):
            dispute_type = UNSET
        else:
            dispute_type = self.dispute_type

        dispute_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dispute_amount, Unset):
            dispute_amount = self.dispute_amount.to_dict()

        filing_reason: None | str | Unset
        if isinstance(self.filing_reason, Unset):
            filing_reason = UNSET
        elif isinstance(self.filing_reason, DisputeFilingReason):
            filing_reason = self.filing_reason.value
        else:
            filing_reason = self.filing_reason

        filing_timestamp = self.filing_timestamp

        status_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status_details, Unset):
            status_details = self.status_details.to_dict()

        merchant_evidences: list[dict[str, Any]] | None | Unset
        if isinstance(self.merchant_evidences, Unset):
            merchant_evidences = UNSET
        elif isinstance(self.merchant_evidences, list):
            merchant_evidences = []
            for merchant_evidences_type_0_item_data in self.merchant_evidences:
                merchant_evidences_type_0_item = (
                    merchant_evidences_type_0_item_data.to_dict()
                )
                merchant_evidences.append(merchant_evidences_type_0_item)

        else:
            merchant_evidences = self.merchant_evidences

        merchant_response_deadline: None | str | Unset
        if isinstance(self.merchant_response_deadline, Unset):
            merchant_response_deadline = UNSET
        else:
            merchant_response_deadline = self.merchant_response_deadline

        resolution_authority: None | str | Unset
        if isinstance(self.resolution_authority, Unset):
            resolution_authority = UNSET
        else:
            resolution_authority = self.resolution_authority

        creation_timestamp = self.creation_timestamp

        closure_timestamp = self.closure_timestamp

        provider_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_metadata, Unset):
            provider_metadata = self.provider_metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dispute_id is not UNSET:
            field_dict["disputeId"] = dispute_id
        if charge_id is not UNSET:
            field_dict["chargeId"] = charge_id
        if release_environment is not UNSET:
            field_dict["releaseEnvironment"] = release_environment
        if dispute_type is not UNSET:
            field_dict["disputeType"] = dispute_type
        if dispute_amount is not UNSET:
            field_dict["disputeAmount"] = dispute_amount
        if filing_reason is not UNSET:
            field_dict["filingReason"] = filing_reason
        if filing_timestamp is not UNSET:
            field_dict["filingTimestamp"] = filing_timestamp
        if status_details is not UNSET:
            field_dict["statusDetails"] = status_details
        if merchant_evidences is not UNSET:
            field_dict["merchantEvidences"] = merchant_evidences
        if merchant_response_deadline is not UNSET:
            field_dict["merchantResponseDeadline"] = merchant_response_deadline
        if resolution_authority is not UNSET:
            field_dict["resolutionAuthority"] = resolution_authority
        if creation_timestamp is not UNSET:
            field_dict["creationTimestamp"] = creation_timestamp
        if closure_timestamp is not UNSET:
            field_dict["closureTimestamp"] = closure_timestamp
        if provider_metadata is not UNSET:
            field_dict["providerMetadata"] = provider_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dispute_id = d.pop("disputeId", UNSET)

        charge_id = d.pop("chargeId", UNSET)

        _release_environment = d.pop("releaseEnvironment", UNSET)
        release_environment: ReleaseEnvironment | Unset
        if isinstance(_release_environment, Unset):
            release_environment = UNSET
        else:
            from amazonpay_api.models.release_environment import ReleaseEnvironment  # noqa: PLC0415

            release_environment = ReleaseEnvironment(_release_environment)

        def _parse_dispute_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        dispute_type = _parse_dispute_type(d.pop("disputeType", UNSET))

        _dispute_amount = d.pop("disputeAmount", UNSET)
        dispute_amount: Price | Unset
        if isinstance(_dispute_amount, Unset):
            dispute_amount = UNSET
        else:
            from amazonpay_api.models.price import Price  # noqa: PLC0415

            dispute_amount = Price.from_dict(_dispute_amount)

        def _parse_filing_reason(data: object) -> DisputeFilingReason | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.dispute_filing_reason import (
                    DisputeFilingReason,  # noqa: PLC0415
                )

                filing_reason_type_0 = DisputeFilingReason(data)

                return filing_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("DisputeFilingReason | None | Unset", data)

        filing_reason = _parse_filing_reason(d.pop("filingReason", UNSET))

        filing_timestamp = d.pop("filingTimestamp", UNSET)

        _status_details = d.pop("statusDetails", UNSET)
        status_details: DisputeStatusDetails | Unset
        if isinstance(_status_details, Unset):
            status_details = UNSET
        else:
            from amazonpay_api.models.dispute_status_details import DisputeStatusDetails  # noqa: PLC0415

            status_details = DisputeStatusDetails.from_dict(_status_details)

        def _parse_merchant_evidences(
            data: object,
        ) -> list[MerchantEvidence] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                merchant_evidences_type_0 = []
                _merchant_evidences_type_0 = data
                for merchant_evidences_type_0_item_data in _merchant_evidences_type_0:
                    from amazonpay_api.models.merchant_evidence import MerchantEvidence  # noqa: PLC0415

                    merchant_evidences_type_0_item = MerchantEvidence.from_dict(
                        merchant_evidences_type_0_item_data
                    )

                    merchant_evidences_type_0.append(merchant_evidences_type_0_item)

                return merchant_evidences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[MerchantEvidence] | None | Unset", data)

        merchant_evidences = _parse_merchant_evidences(
            d.pop("merchantEvidences", UNSET)
        )

        def _parse_merchant_response_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        merchant_response_deadline = _parse_merchant_response_deadline(
            d.pop("merchantResponseDeadline", UNSET)
        )

        def _parse_resolution_authority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        resolution_authority = _parse_resolution_authority(
            d.pop("resolutionAuthority", UNSET)
        )

        creation_timestamp = d.pop("creationTimestamp", UNSET)

        closure_timestamp = d.pop("closureTimestamp", UNSET)

        _provider_metadata = d.pop("providerMetadata", UNSET)
        provider_metadata: DisputeProviderMetadata | Unset
        if isinstance(_provider_metadata, Unset):
            provider_metadata = UNSET
        else:
            from amazonpay_api.models.dispute_provider_metadata import (
                DisputeProviderMetadata,  # noqa: PLC0415
            )

            provider_metadata = DisputeProviderMetadata.from_dict(_provider_metadata)

        dispute = cls(
            dispute_id=dispute_id,
            charge_id=charge_id,
            release_environment=release_environment,
            dispute_type=dispute_type,
            dispute_amount=dispute_amount,
            filing_reason=filing_reason,
            filing_timestamp=filing_timestamp,
            status_details=status_details,
            merchant_evidences=merchant_evidences,
            merchant_response_deadline=merchant_response_deadline,
            resolution_authority=resolution_authority,
            creation_timestamp=creation_timestamp,
            closure_timestamp=closure_timestamp,
            provider_metadata=provider_metadata,
        )

        dispute.additional_properties = d
        return dispute

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
