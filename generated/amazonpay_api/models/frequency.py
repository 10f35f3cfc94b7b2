from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.frequency_unit import FrequencyUnit


class Frequency(_Model):
    """How often a recurring Charge Permission is charged.

    Attributes:
        unit (FrequencyUnit | None | Unset):
        value (int | None | str | Unset):
    """

    __slots__ = (
        "unit",
        "value",
        "additional_properties",
    )
    __match_args__ = (
        "unit",
        "value",
    )

    unit: FrequencyUnit | None | Unset
    value: int | None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        unit: FrequencyUnit | None | Unset = UNSET,
        value: int | None | str | Unset = UNSET,
    ) -> None:
        self.unit = unit
        self.value = value
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.frequency_unit import FrequencyUnit  # noqa: PLC0415

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, FrequencyUnit):
            unit = self.unit.value
        else:
            unit = self.unit

        value: int | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if unit is not UNSET:
            field_dict["unit"] = unit
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_unit(data: object) -> FrequencyUnit | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.frequency_unit import FrequencyUnit  # noqa: PLC0415

                unit_type_0 = FrequencyUnit(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("FrequencyUnit | None | Unset", data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_value(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | str | Unset", data)

        value = _parse_value(d.pop("value", UNSET))

        frequency = cls(
            unit=unit,
            value=value,
        )

        frequency.additional_properties = d
        return frequency

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
