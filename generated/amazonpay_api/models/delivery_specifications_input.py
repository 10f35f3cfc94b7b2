from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.delivery_specifications_input_address_restrictions import (
        DeliverySpecificationsInputAddressRestrictions,
    )
    from ..models.delivery_specifications_input_special_restrictions_item import (
        DeliverySpecificationsInputSpecialRestrictionsItem,
    )


class DeliverySpecificationsInput(_Model):
    """
    Attributes:
        special_restrictions (list[DeliverySpecificationsInputSpecialRestrictionsItem] | Unset):
        address_restrictions (DeliverySpecificationsInputAddressRestrictions | Unset):
    """

    __slots__ = (
        "special_restrictions",
        "address_restrictions",
    )
    __match_args__ = (
        "special_restrictions",
        "address_restrictions",
    )

    special_restrictions: (
        list[DeliverySpecificationsInputSpecialRestrictionsItem] | Unset
    )
    address_restrictions: DeliverySpecificationsInputAddressRestrictions | Unset

    def __init__(
        self,
        special_restrictions: list[DeliverySpecificationsInputSpecialRestrictionsItem]
        | Unset = UNSET,
        address_restrictions: DeliverySpecificationsInputAddressRestrictions
        | Unset = UNSET,
    ) -> None:
        self.special_restrictions = special_restrictions
        self.address_restrictions = address_restrictions

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
            list[DeliverySpecificationsInputSpecialRestrictionsItem] | Unset
        ) = UNSET
        if _special_restrictions is not UNSET:
            special_restrictions = []
            for special_restrictions_item_data in _special_restrictions:
                from amazonpay_api.models.delivery_specifications_input_special_restrictions_item import (
                    DeliverySpecificationsInputSpecialRestrictionsItem,  # noqa: PLC0415
                )

                special_restrictions_item = (
                    DeliverySpecificationsInputSpecialRestrictionsItem(
                        special_restrictions_item_data
                    )
                )

                special_restrictions.append(special_restrictions_item)

        _address_restrictions = d.pop("addressRestrictions", UNSET)
        address_restrictions: DeliverySpecificationsInputAddressRestrictions | Unset
        if isinstance(_address_restrictions, Unset):
            address_restrictions = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_input_address_restrictions import (
                DeliverySpecificationsInputAddressRestrictions,  # noqa: PLC0415
            )

            address_restrictions = (
                DeliverySpecificationsInputAddressRestrictions.from_dict(
                    _address_restrictions
                )
            )

        delivery_specifications_input = cls(
            special_restrictions=special_restrictions,
            address_restrictions=address_restrictions,
        )

        return delivery_specifications_input
