from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.charge_permission_type import ChargePermissionType
from ..models.release_environment import ReleaseEnvironment
from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.buyer import Buyer
    from ..models.charge_permission_limits import ChargePermissionLimits
    from ..models.merchant_metadata import MerchantMetadata
    from ..models.status_details import StatusDetails


T = TypeVar("T", bound="ChargePermission")


class ChargePermission(_Model):
    """
    Attributes:
        charge_permission_id (str):
        status_details (StatusDetails):
        buyer (Buyer | Unset):
        shipping_address (Address | Unset):
        billing_address (Address | Unset):
        limits (ChargePermissionLimits | Unset):
        creation_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        expiration_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        charge_permission_type (ChargePermissionType | Unset):
        merchant_metadata (MerchantMetadata | Unset):
        release_environment (ReleaseEnvironment | Unset): The environment the object was created in.
    """

    __slots__ = (
        "charge_permission_id",
        "status_details",
        "buyer",
        "shipping_address",
        "billing_address",
        "limits",
        "creation_timestamp",
        "expiration_timestamp",
        "charge_permission_type",
        "merchant_metadata",
        "release_environment",
        "additional_properties",
    )
    __match_args__ = (
        "charge_permission_id",
        "status_details",
        "buyer",
        "shipping_address",
        "billing_address",
        "limits",
        "creation_timestamp",
        "expiration_timestamp",
        "charge_permission_type",
        "merchant_metadata",
        "release_environment",
    )

    charge_permission_id: str
    status_details: StatusDetails
    buyer: Buyer | Unset
    shipping_address: Address | Unset
    billing_address: Address | Unset
    limits: ChargePermissionLimits | Unset
    creation_timestamp: str | Unset
    expiration_timestamp: str | Unset
    charge_permission_type: ChargePermissionType | Unset
    merchant_metadata: MerchantMetadata | Unset
    release_environment: ReleaseEnvironment | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        charge_permission_id: str,
        status_details: StatusDetails,
        buyer: Buyer | Unset = UNSET,
        shipping_address: Address | Unset = UNSET,
        billing_address: Address | Unset = UNSET,
        limits: ChargePermissionLimits | Unset = UNSET,
        creation_timestamp: str | Unset = UNSET,
        expiration_timestamp: str | Unset = UNSET,
        charge_permission_type: ChargePermissionType | Unset = UNSET,
        merchant_metadata: MerchantMetadata | Unset = UNSET,
        release_environment: ReleaseEnvironment | Unset = UNSET,
    ) -> None:
        self.charge_permission_id = charge_permission_id
        self.status_details = status_details
        self.buyer = buyer
        self.shipping_address = shipping_address
        self.billing_address = billing_address
        self.limits = limits
        self.creation_timestamp = creation_timestamp
        self.expiration_timestamp = expiration_timestamp
        self.charge_permission_type = charge_permission_type
        self.merchant_metadata = merchant_metadata
        self.release_environment = release_environment
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        charge_permission_id = self.charge_permission_id

        status_details = self.status_details.to_dict()

        buyer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buyer, Unset):
            buyer = self.buyer.to_dict()

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        billing_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_address, Unset):
            billing_address = self.billing_address.to_dict()

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

        creation_timestamp = self.creation_timestamp

        expiration_timestamp = self.expiration_timestamp

        charge_permission_type: str | Unset = UNSET
        if not isinstance(self.charge_permission_type, Unset):
            charge_permission_type = self.charge_permission_type.value

        merchant_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merchant_metadata, Unset):
            merchant_metadata = self.merchant_metadata.to_dict()

        release_environment: str | Unset = UNSET
        if not isinstance(self.release_environment, Unset):
            release_environment = self.release_environment.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chargePermissionId": charge_permission_id,
                "statusDetails": status_details,
            }
        )
        if buyer is not UNSET:
            field_dict["buyer"] = buyer
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if limits is not UNSET:
            field_dict["limits"] = limits
        if creation_timestamp is not UNSET:
            field_dict["creationTimestamp"] = creation_timestamp
        if expiration_timestamp is not UNSET:
            field_dict["expirationTimestamp"] = expiration_timestamp
        if charge_permission_type is not UNSET:
            field_dict["chargePermissionType"] = charge_permission_type
        if merchant_metadata is not UNSET:
            field_dict["merchantMetadata"] = merchant_metadata
        if release_environment is not UNSET:
            field_dict["releaseEnvironment"] = release_environment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.buyer import Buyer  # noqa: PLC0415
        from ..models.charge_permission_limits import ChargePermissionLimits  # noqa: PLC0415
        from ..models.merchant_metadata import MerchantMetadata  # noqa: PLC0415
        from ..models.status_details import StatusDetails  # noqa: PLC0415

        d = dict(src_dict)
        charge_permission_id = d.pop("chargePermissionId")

        status_details = StatusDetails.from_dict(d.pop("statusDetails"))

        _buyer = d.pop("buyer", UNSET)
        buyer: Buyer | Unset
        if isinstance(_buyer, Unset):
            buyer = UNSET
        else:
            buyer = Buyer.from_dict(_buyer)

        _shipping_address = d.pop("shippingAddress", UNSET)
        shipping_address: Address | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = Address.from_dict(_shipping_address)

        _billing_address = d.pop("billingAddress", UNSET)
        billing_address: Address | Unset
        if isinstance(_billing_address, Unset):
            billing_address = UNSET
        else:
            billing_address = Address.from_dict(_billing_address)

        _limits = d.pop("limits", UNSET)
        limits: ChargePermissionLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            limits = ChargePermissionLimits.from_dict(_limits)

        creation_timestamp = d.pop("creationTimestamp", UNSET)

        expiration_timestamp = d.pop("expirationTimestamp", UNSET)

        _charge_permission_type = d.pop("chargePermissionType", UNSET)
        charge_permission_type: ChargePermissionType | Unset
        if isinstance(_charge_permission_type, Unset):
            charge_permission_type = UNSET
        else:
            charge_permission_type = ChargePermissionType(_charge_permission_type)

        _merchant_metadata = d.pop("merchantMetadata", UNSET)
        merchant_metadata: MerchantMetadata | Unset
        if isinstance(_merchant_metadata, Unset):
            merchant_metadata = UNSET
        else:
            merchant_metadata = MerchantMetadata.from_dict(_merchant_metadata)

        _release_environment = d.pop("releaseEnvironment", UNSET)
        release_environment: ReleaseEnvironment | Unset
        if isinstance(_release_environment, Unset):
            release_environment = UNSET
        else:
            release_environment = ReleaseEnvironment(_release_environment)

        charge_permission = cls(
            charge_permission_id=charge_permission_id,
            status_details=status_details,
            buyer=buyer,
            shipping_address=shipping_address,
            billing_address=billing_address,
            limits=limits,
            creation_timestamp=creation_timestamp,
            expiration_timestamp=expiration_timestamp,
            charge_permission_type=charge_permission_type,
            merchant_metadata=merchant_metadata,
            release_environment=release_environment,
        )

        charge_permission.additional_properties = d
        return charge_permission

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
