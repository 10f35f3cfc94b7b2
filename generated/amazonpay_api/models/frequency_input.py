from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.frequency_unit import FrequencyUnit


class FrequencyInput(_Model):
    """How often the buyer is charged (a weekly cycle is unit Week, value 1).

    Attributes:
        unit (FrequencyUnit | Unset): The unit of a recurring billing cycle.
        value (int | str | Unset): Units per billing cycle, as a string ("1", as the docs send it) or a number.
    """

    __slots__ = (
        "unit",
        "value",
    )
    __match_args__ = (
        "unit",
        "value",
    )

    unit: FrequencyUnit | Unset
    value: int | str | Unset

    def __init__(
        self,
        unit: FrequencyUnit | Unset = UNSET,
        value: int | str | Unset = UNSET,
    ) -> None:
        self.unit = unit
        self.value = value

    def to_dict(self) -> dict[str, Any]:
        unit: str | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.value

        value: int | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unit is not UNSET:
            field_dict["unit"] = unit
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _unit = d.pop("unit", UNSET)
        unit: FrequencyUnit | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            from amazonpay_api.models.frequency_unit import FrequencyUnit  # noqa: PLC0415

            unit = FrequencyUnit(_unit)

        def _parse_value(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast("int | str | Unset", data)

        value = _parse_value(d.pop("value", UNSET))

        frequency_input = cls(
            unit=unit,
            value=value,
        )

        return frequency_input
