from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address import Address


class Buyer(_Model):
    """
    Attributes:
        buyer_id (str | Unset):
        name (str | Unset):
        email (str | Unset):
        postal_code (None | str | Unset):
        country_code (None | str | Unset):
        phone_number (None | str | Unset):
        shipping_address (Address | None | Unset):
        billing_address (Address | None | Unset):
        prime_membership_types (list[str] | None | Unset):
    """

    __slots__ = (
        "buyer_id",
        "name",
        "email",
        "postal_code",
        "country_code",
        "phone_number",
        "shipping_address",
        "billing_address",
        "prime_membership_types",
        "additional_properties",
    )
    __match_args__ = (
        "buyer_id",
        "name",
        "email",
        "postal_code",
        "country_code",
        "phone_number",
        "shipping_address",
        "billing_address",
        "prime_membership_types",
    )

    buyer_id: str | Unset
    name: str | Unset
    email: str | Unset
    postal_code: None | str | Unset
    country_code: None | str | Unset
    phone_number: None | str | Unset
    shipping_address: Address | None | Unset
    billing_address: Address | None | Unset
    prime_membership_types: list[str] | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        buyer_id: str | Unset = UNSET,
        name: str | Unset = UNSET,
        email: str | Unset = UNSET,
        postal_code: None | str | Unset = UNSET,
        country_code: None | str | Unset = UNSET,
        phone_number: None | str | Unset = UNSET,
        shipping_address: Address | None | Unset = UNSET,
        billing_address: Address | None | Unset = UNSET,
        prime_membership_types: list[str] | None | Unset = UNSET,
    ) -> None:
        self.buyer_id = buyer_id
        self.name = name
        self.email = email
        self.postal_code = postal_code
        self.country_code = country_code
        self.phone_number = phone_number
        self.shipping_address = shipping_address
        self.billing_address = billing_address
        self.prime_membership_types = prime_membership_types
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.address import Address  # noqa: PLC0415

        buyer_id = self.buyer_id

        name = self.name

        email = self.email

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

        shipping_address: dict[str, Any] | None | Unset
        if isinstance(self.shipping_address, Unset):
            shipping_address = UNSET
        elif isinstance(self.shipping_address, Address):
            shipping_address = self.shipping_address.to_dict()
        else:
            shipping_address = self.shipping_address

        billing_address: dict[str, Any] | None | Unset
        if isinstance(self.billing_address, Unset):
            billing_address = UNSET
        elif isinstance(self.billing_address, Address):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        prime_membership_types: list[str] | None | Unset
        if isinstance(self.prime_membership_types, Unset):
            prime_membership_types = UNSET
        elif isinstance(self.prime_membership_types, list):
            prime_membership_types = self.prime_membership_types

        else:
            prime_membership_types = self.prime_membership_types

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if buyer_id is not UNSET:
            field_dict["buyerId"] = buyer_id
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if prime_membership_types is not UNSET:
            field_dict["primeMembershipTypes"] = prime_membership_types

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        buyer_id = d.pop("buyerId", UNSET)

        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

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

        def _parse_shipping_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.address import Address  # noqa: PLC0415

                shipping_address_type_0 = Address.from_dict(data)

                return shipping_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Address | None | Unset", data)

        shipping_address = _parse_shipping_address(d.pop("shippingAddress", UNSET))

        def _parse_billing_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.address import Address  # noqa: PLC0415

                billing_address_type_0 = Address.from_dict(data)

                return billing_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("Address | None | Unset", data)

        billing_address = _parse_billing_address(d.pop("billingAddress", UNSET))

        def _parse_prime_membership_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                prime_membership_types_type_0 = cast(list[str], data)

                return prime_membership_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("list[str] | None | Unset", data)

        prime_membership_types = _parse_prime_membership_types(
            d.pop("primeMembershipTypes", UNSET)
        )

        buyer = cls(
            buyer_id=buyer_id,
            name=name,
            email=email,
            postal_code=postal_code,
            country_code=country_code,
            phone_number=phone_number,
            shipping_address=shipping_address,
            billing_address=billing_address,
            prime_membership_types=prime_membership_types,
        )

        buyer.additional_properties = d
        return buyer

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
