from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.restriction_input import RestrictionInput


class DeliverySpecificationsInputAddressRestrictionsRestrictions(_Model):
    __slots__ = ("additional_properties",)
    __match_args__ = ()

    additional_properties: dict[str, RestrictionInput]

    def __init__(
        self,
    ) -> None:
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        delivery_specifications_input_address_restrictions_restrictions = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            from amazonpay_api.models.restriction_input import RestrictionInput  # noqa: PLC0415

            additional_property = RestrictionInput.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        delivery_specifications_input_address_restrictions_restrictions.additional_properties = additional_properties
        return delivery_specifications_input_address_restrictions_restrictions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> RestrictionInput:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: RestrictionInput) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
