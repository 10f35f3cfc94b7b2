from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.delivery_specifications_address_restrictions_restrictions import (
        DeliverySpecificationsAddressRestrictionsRestrictions,
    )
    from ..models.delivery_specifications_address_restrictions_type import (
        DeliverySpecificationsAddressRestrictionsType,
    )


class DeliverySpecificationsAddressRestrictions(_Model):
    """
    Attributes:
        type_ (DeliverySpecificationsAddressRestrictionsType | Unset):
        restrictions (DeliverySpecificationsAddressRestrictionsRestrictions | Unset):
    """

    __slots__ = (
        "type_",
        "restrictions",
        "additional_properties",
    )
    __match_args__ = (
        "type_",
        "restrictions",
    )

    type_: DeliverySpecificationsAddressRestrictionsType | Unset
    restrictions: DeliverySpecificationsAddressRestrictionsRestrictions | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        type_: DeliverySpecificationsAddressRestrictionsType | Unset = UNSET,
        restrictions: DeliverySpecificationsAddressRestrictionsRestrictions
        | Unset = UNSET,
    ) -> None:
        self.type_ = type_
        self.restrictions = restrictions
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        restrictions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.restrictions, Unset):
            restrictions = self.restrictions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if restrictions is not UNSET:
            field_dict["restrictions"] = restrictions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: DeliverySpecificationsAddressRestrictionsType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_address_restrictions_type import (
                DeliverySpecificationsAddressRestrictionsType,  # noqa: PLC0415
            )

            type_ = DeliverySpecificationsAddressRestrictionsType(_type_)

        _restrictions = d.pop("restrictions", UNSET)
        restrictions: DeliverySpecificationsAddressRestrictionsRestrictions | Unset
        if isinstance(_restrictions, Unset):
            restrictions = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_address_restrictions_restrictions import (
                DeliverySpecificationsAddressRestrictionsRestrictions,  # noqa: PLC0415
            )

            restrictions = (
                DeliverySpecificationsAddressRestrictionsRestrictions.from_dict(
                    _restrictions
                )
            )

        delivery_specifications_address_restrictions = cls(
            type_=type_,
            restrictions=restrictions,
        )

        delivery_specifications_address_restrictions.additional_properties = d
        return delivery_specifications_address_restrictions

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
