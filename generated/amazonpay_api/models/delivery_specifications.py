from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.delivery_specifications_address_restrictions import (
        DeliverySpecificationsAddressRestrictions,
    )
    from ..models.delivery_specifications_special_restrictions_item import (
        DeliverySpecificationsSpecialRestrictionsItem,
    )


class DeliverySpecifications(_Model):
    """Shipping restrictions applied to the buyer's address book.

    Attributes:
        special_restrictions (list[DeliverySpecificationsSpecialRestrictionsItem] | Unset):
        address_restrictions (DeliverySpecificationsAddressRestrictions | Unset):
    """

    __slots__ = (
        "special_restrictions",
        "address_restrictions",
        "additional_properties",
    )
    __match_args__ = (
        "special_restrictions",
        "address_restrictions",
    )

    special_restrictions: list[DeliverySpecificationsSpecialRestrictionsItem] | Unset
    address_restrictions: DeliverySpecificationsAddressRestrictions | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        special_restrictions: list[DeliverySpecificationsSpecialRestrictionsItem]
        | Unset = UNSET,
        address_restrictions: DeliverySpecificationsAddressRestrictions | Unset = UNSET,
    ) -> None:
        self.special_restrictions = special_restrictions
        self.address_restrictions = address_restrictions
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        special_restrictions: list[str] | Unset = UNSET
        if not isinstance(self.special_restrictions, Unset):
            special_restrictions = []
            for special_restrictions_item_data in self.special_restrictions:
                special_restrictions_item = special_restrictions_item_data.value
                special_restrictions.append(special_restrictions_item)

        address_restrictions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address_restrictions, Unset):
            address_restrictions = self.address_restrictions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if special_restrictions is not UNSET:
            field_dict["specialRestrictions"] = special_restrictions
        if address_restrictions is not UNSET:
            field_dict["addressRestrictions"] = address_restrictions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _special_restrictions = d.pop("specialRestrictions", UNSET)
        special_restrictions: (
            list[DeliverySpecificationsSpecialRestrictionsItem] | Unset
        ) = UNSET
        if _special_restrictions is not UNSET:
            special_restrictions = []
            for special_restrictions_item_data in _special_restrictions:
                from amazonpay_api.models.delivery_specifications_special_restrictions_item import (
                    DeliverySpecificationsSpecialRestrictionsItem,  # noqa: PLC0415
                )

                special_restrictions_item = (
                    DeliverySpecificationsSpecialRestrictionsItem(
                        special_restrictions_item_data
                    )
                )

                special_restrictions.append(special_restrictions_item)

        _address_restrictions = d.pop("addressRestrictions", UNSET)
        address_restrictions: DeliverySpecificationsAddressRestrictions | Unset
        if isinstance(_address_restrictions, Unset):
            address_restrictions = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_address_restrictions import (
                DeliverySpecificationsAddressRestrictions,  # noqa: PLC0415
            )

            address_restrictions = DeliverySpecificationsAddressRestrictions.from_dict(
                _address_restrictions
            )

        delivery_specifications = cls(
            special_restrictions=special_restrictions,
            address_restrictions=address_restrictions,
        )

        delivery_specifications.additional_properties = d
        return delivery_specifications

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
