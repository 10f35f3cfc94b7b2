from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class AddressDetailsInput(_Model):
    """The shipping address the merchant collected, for the Additional Payment Button (checkoutMode ProcessOrder): required
    there for PayAndShip.

        Attributes:
            name (str | Unset):
            address_line_1 (str | Unset):
            address_line_2 (None | str | Unset):
            address_line_3 (None | str | Unset):
            city (str | Unset):
            district_or_county (None | str | Unset):
            state_or_region (str | Unset):
            postal_code (str | Unset):
            country_code (str | Unset):
            phone_number (None | str | Unset):
    """

    __slots__ = (
        "name",
        "address_line_1",
        "address_line_2",
        "address_line_3",
        "city",
        "district_or_county",
        "state_or_region",
        "postal_code",
        "country_code",
        "phone_number",
    )
    __match_args__ = (
        "name",
        "address_line_1",
        "address_line_2",
        "address_line_3",
        "city",
        "district_or_county",
        "state_or_region",
        "postal_code",
        "country_code",
        "phone_number",
    )

    name: str | Unset
    address_line_1: str | Unset
    address_line_2: None | str | Unset
    address_line_3: None | str | Unset
    city: str | Unset
    district_or_county: None | str | Unset
    state_or_region: str | Unset
    postal_code: str | Unset
    country_code: str | Unset
    phone_number: None | str | Unset

    def __init__(
        self,
        name: str | Unset = UNSET,
        address_line_1: str | Unset = UNSET,
        address_line_2: None | str | Unset = UNSET,
        address_line_3: None | str | Unset = UNSET,
        city: str | Unset = UNSET,
        district_or_county: None | str | Unset = UNSET,
        state_or_region: str | Unset = UNSET,
        postal_code: str | Unset = UNSET,
        country_code: str | Unset = UNSET,
        phone_number: None | str | Unset = UNSET,
    ) -> None:
        self.name = name
        self.address_line_1 = address_line_1
        self.address_line_2 = address_line_2
        self.address_line_3 = address_line_3
        self.city = city
        self.district_or_county = district_or_county
        self.state_or_region = state_or_region
        self.postal_code = postal_code
        self.country_code = country_code
        self.phone_number = phone_number

    def to_dict(self) -> dict[str, Any]:
        name = self.name

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

        city = self.city

        district_or_county: None | str | Unset
        if isinstance(self.district_or_county, Unset):
            district_or_county = UNSET
        else:
            district_or_county = self.district_or_county

        state_or_region = self.state_or_region

        postal_code = self.postal_code

        country_code = self.country_code

        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if district_or_county is not UNSET:
            field_dict["districtOrCounty"] = district_or_county
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
        name = d.pop("name", UNSET)

        address_line_1 = d.pop("addressLine1", UNSET)

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

        city = d.pop("city", UNSET)

        def _parse_district_or_county(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        district_or_county = _parse_district_or_county(d.pop("districtOrCounty", UNSET))

        state_or_region = d.pop("stateOrRegion", UNSET)

        postal_code = d.pop("postalCode", UNSET)

        country_code = d.pop("countryCode", UNSET)

        def _parse_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        phone_number = _parse_phone_number(d.pop("phoneNumber", UNSET))

        address_details_input = cls(
            name=name,
            address_line_1=address_line_1,
            address_line_2=address_line_2,
            address_line_3=address_line_3,
            city=city,
            district_or_county=district_or_county,
            state_or_region=state_or_region,
            postal_code=postal_code,
            country_code=country_code,
            phone_number=phone_number,
        )

        return address_details_input
