from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class DeliveryDetail(_Model):
    """
    Attributes:
        tracking_number (str | Unset):
        carrier_code (str | Unset):
    """

    __slots__ = (
        "tracking_number",
        "carrier_code",
        "additional_properties",
    )
    __match_args__ = (
        "tracking_number",
        "carrier_code",
    )

    tracking_number: str | Unset
    carrier_code: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        tracking_number: str | Unset = UNSET,
        carrier_code: str | Unset = UNSET,
    ) -> None:
        self.tracking_number = tracking_number
        self.carrier_code = carrier_code
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        tracking_number = self.tracking_number

        carrier_code = self.carrier_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tracking_number is not UNSET:
            field_dict["trackingNumber"] = tracking_number
        if carrier_code is not UNSET:
            field_dict["carrierCode"] = carrier_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tracking_number = d.pop("trackingNumber", UNSET)

        carrier_code = d.pop("carrierCode", UNSET)

        delivery_detail = cls(
            tracking_number=tracking_number,
            carrier_code=carrier_code,
        )

        delivery_detail.additional_properties = d
        return delivery_detail

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
