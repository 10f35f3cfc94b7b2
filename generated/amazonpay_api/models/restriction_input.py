from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class RestrictionInput(_Model):
    """
    Attributes:
        states_or_regions (list[str] | Unset):
        zip_codes (list[str] | Unset):
    """

    __slots__ = (
        "states_or_regions",
        "zip_codes",
    )
    __match_args__ = (
        "states_or_regions",
        "zip_codes",
    )

    states_or_regions: list[str] | Unset
    zip_codes: list[str] | Unset

    def __init__(
        self,
        states_or_regions: list[str] | Unset = UNSET,
        zip_codes: list[str] | Unset = UNSET,
    ) -> None:
        self.states_or_regions = states_or_regions
        self.zip_codes = zip_codes

    def to_dict(self) -> dict[str, Any]:
        states_or_regions: list[str] | Unset = UNSET
        if not isinstance(self.states_or_regions, Unset):
            states_or_regions = self.states_or_regions

        zip_codes: list[str] | Unset = UNSET
        if not isinstance(self.zip_codes, Unset):
            zip_codes = self.zip_codes

        field_dict: dict[str, Any] = {}

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

        restriction_input = cls(
            states_or_regions=states_or_regions,
            zip_codes=zip_codes,
        )

        return restriction_input
