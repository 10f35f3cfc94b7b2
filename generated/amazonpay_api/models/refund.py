from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price import Price
    from ..models.refund_status_details import RefundStatusDetails
    from ..models.release_environment import ReleaseEnvironment


class Refund(_Model):
    """
    Attributes:
        refund_id (str):
        charge_id (str):
        status_details (RefundStatusDetails): The state of a Refund and why it is in it.
        refund_amount (Price | Unset):
        soft_descriptor (None | str | Unset):
        creation_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        release_environment (ReleaseEnvironment | Unset): The environment the object was created in.
    """

    __slots__ = (
        "refund_id",
        "charge_id",
        "status_details",
        "refund_amount",
        "soft_descriptor",
        "creation_timestamp",
        "release_environment",
        "additional_properties",
    )
    __match_args__ = (
        "refund_id",
        "charge_id",
        "status_details",
        "refund_amount",
        "soft_descriptor",
        "creation_timestamp",
        "release_environment",
    )

    refund_id: str
    charge_id: str
    status_details: RefundStatusDetails
    refund_amount: Price | Unset
    soft_descriptor: None | str | Unset
    creation_timestamp: str | Unset
    release_environment: ReleaseEnvironment | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        refund_id: str,
        charge_id: str,
        status_details: RefundStatusDetails,
        refund_amount: Price | Unset = UNSET,
        soft_descriptor: None | str | Unset = UNSET,
        creation_timestamp: str | Unset = UNSET,
        release_environment: ReleaseEnvironment | Unset = UNSET,
    ) -> None:
        self.refund_id = refund_id
        self.charge_id = charge_id
        self.status_details = status_details
        self.refund_amount = refund_amount
        self.soft_descriptor = soft_descriptor
        self.creation_timestamp = creation_timestamp
        self.release_environment = release_environment
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        refund_id = self.refund_id

        charge_id = self.charge_id

        status_details = self.status_details.to_dict()

        refund_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.refund_amount, Unset):
            refund_amount = self.refund_amount.to_dict()

        soft_descriptor: None | str | Unset
        if isinstance(self.soft_descriptor, Unset):
            soft_descriptor = UNSET
        else:
            soft_descriptor = self.soft_descriptor

        creation_timestamp = self.creation_timestamp

        release_environment: str | Unset = UNSET
        if not isinstance(self.release_environment, Unset):
            release_environment = self.release_environment.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "refundId": refund_id,
                "chargeId": charge_id,
                "statusDetails": status_details,
            }
        )
        if refund_amount is not UNSET:
            field_dict["refundAmount"] = refund_amount
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor
        if creation_timestamp is not UNSET:
            field_dict["creationTimestamp"] = creation_timestamp
        if release_environment is not UNSET:
            field_dict["releaseEnvironment"] = release_environment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        refund_id = d.pop("refundId")

        charge_id = d.pop("chargeId")

        from amazonpay_api.models.refund_status_details import RefundStatusDetails  # noqa: PLC0415

        status_details = RefundStatusDetails.from_dict(d.pop("statusDetails"))

        _refund_amount = d.pop("refundAmount", UNSET)
        refund_amount: Price | Unset
        if isinstance(_refund_amount, Unset):
            refund_amount = UNSET
        else:
            from amazonpay_api.models.price import Price  # noqa: PLC0415

            refund_amount = Price.from_dict(_refund_amount)

        def _parse_soft_descriptor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        soft_descriptor = _parse_soft_descriptor(d.pop("softDescriptor", UNSET))

        creation_timestamp = d.pop("creationTimestamp", UNSET)

        _release_environment = d.pop("releaseEnvironment", UNSET)
        release_environment: ReleaseEnvironment | Unset
        if isinstance(_release_environment, Unset):
            release_environment = UNSET
        else:
            from amazonpay_api.models.release_environment import ReleaseEnvironment  # noqa: PLC0415

            release_environment = ReleaseEnvironment(_release_environment)

        refund = cls(
            refund_id=refund_id,
            charge_id=charge_id,
            status_details=status_details,
            refund_amount=refund_amount,
            soft_descriptor=soft_descriptor,
            creation_timestamp=creation_timestamp,
            release_environment=release_environment,
        )

        refund.additional_properties = d
        return refund

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
