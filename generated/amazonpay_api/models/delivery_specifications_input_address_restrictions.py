from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.delivery_specifications_input_address_restrictions_restrictions import (
        DeliverySpecificationsInputAddressRestrictionsRestrictions,
    )
    from ..models.delivery_specifications_input_address_restrictions_type import (
        DeliverySpecificationsInputAddressRestrictionsType,
    )


class DeliverySpecificationsInputAddressRestrictions(_Model):
    """
    Attributes:
        type_ (DeliverySpecificationsInputAddressRestrictionsType | Unset):
        restrictions (DeliverySpecificationsInputAddressRestrictionsRestrictions | Unset):
    """

    __slots__ = (
        "type_",
        "restrictions",
    )
    __match_args__ = (
        "type_",
        "restrictions",
    )

    type_: DeliverySpecificationsInputAddressRestrictionsType | Unset
    restrictions: DeliverySpecificationsInputAddressRestrictionsRestrictions | Unset

    def __init__(
        self,
        type_: DeliverySpecificationsInputAddressRestrictionsType | Unset = UNSET,
        restrictions: DeliverySpecificationsInputAddressRestrictionsRestrictions
        | Unset = UNSET,
    ) -> None:
        self.type_ = type_
        self.restrictions = restrictions

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        restrictions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.restrictions, Unset):
            restrictions = self.restrictions.to_dict()

        field_dict: dict[str, Any] = {}

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
        type_: DeliverySpecificationsInputAddressRestrictionsType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_input_address_restrictions_type import (
                DeliverySpecificationsInputAddressRestrictionsType,  # noqa: PLC0415
            )

            type_ = DeliverySpecificationsInputAddressRestrictionsType(_type_)

        _restrictions = d.pop("restrictions", UNSET)
        restrictions: DeliverySpecificationsInputAddressRestrictionsRestrictions | Unset
        if isinstance(_restrictions, Unset):
            restrictions = UNSET
        else:
            from amazonpay_api.models.delivery_specifications_input_address_restrictions_restrictions import (
                DeliverySpecificationsInputAddressRestrictionsRestrictions,  # noqa: PLC0415
            )

            restrictions = (
                DeliverySpecificationsInputAddressRestrictionsRestrictions.from_dict(
                    _restrictions
                )
            )

        delivery_specifications_input_address_restrictions = cls(
            type_=type_,
            restrictions=restrictions,
        )

        return delivery_specifications_input_address_restrictions
