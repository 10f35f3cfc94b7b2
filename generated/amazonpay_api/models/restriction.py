from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class Restriction(_Model):
    """
    Attributes:
        states_or_regions (list[str] | Unset):
        zip_codes (list[str] | Unset):
    """

    __slots__ = (
        "states_or_regions",
        "zip_codes",
        "additional_properties",
    )
    __match_args__ = (
        "states_or_regions",
        "zip_codes",
    )

    states_or_regions: list[str] | Unset
    zip_codes: list[str] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        states_or_regions: list[str] | Unset = UNSET,
        zip_codes: list[str] | Unset = UNSET,
    ) -> None:
        self.states_or_regions = states_or_regions
        self.zip_codes = zip_codes
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        states_or_regions: list[str] | Unset = UNSET
        if not isinstance(self.states_or_regions, Unset):
            states_or_regions = self.states_or_regions

        zip_codes: list[str] | Unset = UNSET
        if not isinstance(self.zip_codes, Unset):
            zip_codes = self.zip_codes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if states_or_regions is not UNSET:
            field_dict["statesOrRegions"] = states_or_regions
        if zip_codes is not UNSET:
            field_dict["zipCodes"] = zip_codes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        states_or_regions = cast(list[str], d.pop("statesOrRegions", UNSET))

        zip_codes = cast(list[str], d.pop("zipCodes", UNSET))

        restriction = cls(
            states_or_regions=states_or_regions,
            zip_codes=zip_codes,
        )

        restriction.additional_properties = d
        return restriction

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
