from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class AddressWithId(_Model):
    """A shipping address of a PayAndShipMultiAddress checkout, with Amazon's id for it.

    Attributes:
        address_id (None | str | Unset):
        name (None | str | Unset):
        address_line_1 (None | str | Unset):
        address_line_2 (None | str | Unset):
        address_line_3 (None | str | Unset):
        city (None | str | Unset):
        county (None | str | Unset):
        district (None | str | Unset):
        state_or_region (None | str | Unset):
        postal_code (None | str | Unset):
        country_code (None | str | Unset):
        phone_number (None | str | Unset):
    """

    __slots__ = (
        "address_id",
        "name",
        "address_line_1",
        "address_line_2",
        "address_line_3",
        "city",
        "county",
        "district",
        "state_or_region",
        "postal_code",
        "country_code",
        "phone_number",
        "additional_properties",
    )
    __match_args__ = (
        "address_id",
        "name",
        "address_line_1",
        "address_line_2",
        "address_line_3",
        "city",
        "county",
        "district",
        "state_or_region",
        "postal_code",
        "country_code",
        "phone_number",
    )

    address_id: None | str | Unset
    name: None | str | Unset
    address_line_1: None | str | Unset
    address_line_2: None | str | Unset
    address_line_3: None | str | Unset
    city: None | str | Unset
    county: None | str | Unset
    district: None | str | Unset
    state_or_region: None | str | Unset
    postal_code: None | str | Unset
    country_code: None | str | Unset
    phone_number: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        address_id: None | str | Unset = UNSET,
        name: None | str | Unset = UNSET,
        address_line_1: None | str | Unset = UNSET,
        address_line_2: None | str | Unset = UNSET,
        address_line_3: None | str | Unset = UNSET,
        city: None | str | Unset = UNSET,
        county: None | str | Unset = UNSET,
        district: None | str | Unset = UNSET,
        state_or_region: None | str | Unset = UNSET,
        postal_code: None | str | Unset = UNSET,
        country_code: None | str | Unset = UNSET,
        phone_number: None | str | Unset = UNSET,
    ) -> None:
        self.address_id = address_id
        self.name = name
        self.address_line_1 = address_line_1
        self.address_line_2 = address_line_2
        self.address_line_3 = address_line_3
        self.city = city
        self.county = county
        self.district = district
        self.state_or_region = state_or_region
        self.postal_code = postal_code
        self.country_code = country_code
        self.phone_number = phone_number
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        address_id: None | str | Unset
        if isinstance(self.address_id, Unset):
            address_id = UNSET
        else:
            address_id = self.address_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        address_line_1: None | str | Unset
        if isinstance(self.address_line_1, Unset):
            address_line_1 = UNSET
        else:
            address_line_1 = self.address_line_1

        address_line_2: None | str | Unset
        if isinstance(self.address_line_2, Unset):
            address_line_2 = UNSET
        else:
            address_line_2 = self.address_line_2

        address_line_3: None | str | Unset
        if isinstance(self.address_line_3, Unset):
            address_line_3 = UNSET
        else:
            address_line_3 = self.address_line_3

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        county: None | str | Unset
        if isinstance(self.county, Unset):
            county = UNSET
        else:
            county = self.county

        district: None | str | Unset
        if isinstance(self.district, Unset):
            district = UNSET
        else:
            district = self.district

        state_or_region: None | str | Unset
        if isinstance(self.state_or_region, Unset):
            state_or_region = UNSET
        else:
            state_or_region = self.state_or_region

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address_id is not UNSET:
            field_dict["addressId"] = address_id
        if name is not UNSET:
            field_dict["name"] = name
        if address_line_1 is not UNSET:
            field_dict["addressLine1"] = address_line_1
        if address_line_2 is not UNSET:
            field_dict["addressLine2"] = address_line_2
        if address_line_3 is not UNSET:
            field_dict["addressLine3"] = address_line_3
        if city is not UNSET:
            field_dict["city"] = city
        if county is not UNSET:
            field_dict["county"] = county
        if district is not UNSET:
            field_dict["district"] = district
        if state_or_region is not UNSET:
            field_dict["stateOrRegion"] = state_or_region
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_address_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        address_id = _parse_address_id(d.pop("addressId", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_address_line_1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        address_line_1 = _parse_address_line_1(d.pop("addressLine1", UNSET))

        def _parse_address_line_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        address_line_2 = _parse_address_line_2(d.pop("addressLine2", UNSET))

        def _parse_address_line_3(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        address_line_3 = _parse_address_line_3(d.pop("addressLine3", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_county(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        county = _parse_county(d.pop("county", UNSET))

        def _parse_district(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        district = _parse_district(d.pop("district", UNSET))

        def _parse_state_or_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        state_or_region = _parse_state_or_region(d.pop("stateOrRegion", UNSET))

        def _parse_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        postal_code = _parse_postal_code(d.pop("postalCode", UNSET))

        def _parse_country_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        country_code = _parse_country_code(d.pop("countryCode", UNSET))

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        phone_number = _parse_phone_number(d.pop("phoneNumber", UNSET))

        address_with_id = cls(
            address_id=address_id,
            name=name,
            address_line_1=address_line_1,
            address_line_2=address_line_2,
            address_line_3=address_line_3,
            city=city,
            county=county,
            district=district,
            state_or_region=state_or_region,
            postal_code=postal_code,
            country_code=country_code,
            phone_number=phone_number,
        )

        address_with_id.additional_properties = d
        return address_with_id

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
