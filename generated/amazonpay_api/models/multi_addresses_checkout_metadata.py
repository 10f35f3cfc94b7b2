from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price import Price


class MultiAddressesCheckoutMetadata(_Model):
    """The amount a PayAndShipMultiAddress checkout sends to one of the buyer's addresses.

    Attributes:
        address_id (None | str | Unset):
        price (None | Price | Unset):
    """

    __slots__ = (
        "address_id",
        "price",
        "additional_properties",
    )
    __match_args__ = (
        "address_id",
        "price",
    )

    address_id: None | str | Unset
    price: None | Price | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        address_id: None | str | Unset = UNSET,
        price: None | Price | Unset = UNSET,
    ) -> None:
        self.address_id = address_id
        self.price = price
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.price import Price  # noqa: PLC0415

        address_id: None | str | Unset
        if isinstance(self.address_id, Unset):
            address_id = UNSET
        else:
            address_id = self.address_id

        price: dict[str, Any] | None | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        elif isinstance(self.price, Price):
            price = self.price.to_dict()
        else:
            price = self.price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address_id is not UNSET:
            field_dict["addressId"] = address_id
        if price is not UNSET:
            field_dict["price"] = price

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

        def _parse_price(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                price_type_0 = Price.from_dict(data)

                return price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        price = _parse_price(d.pop("price", UNSET))

        multi_addresses_checkout_metadata = cls(
            address_id=address_id,
            price=price,
        )

        multi_addresses_checkout_metadata.additional_properties = d
        return multi_addresses_checkout_metadata

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
