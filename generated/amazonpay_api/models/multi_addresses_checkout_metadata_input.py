from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput


class MultiAddressesCheckoutMetadataInput(_Model):
    """The amount sent to one address of shippingAddressList (PayAndShipMultiAddress), by the addressId Amazon gave it.

    Attributes:
        address_id (str | Unset):
        price (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
    """

    __slots__ = (
        "address_id",
        "price",
    )
    __match_args__ = (
        "address_id",
        "price",
    )

    address_id: str | Unset
    price: PriceInput | Unset

    def __init__(
        self,
        address_id: str | Unset = UNSET,
        price: PriceInput | Unset = UNSET,
    ) -> None:
        self.address_id = address_id
        self.price = price

    def to_dict(self) -> dict[str, Any]:
        address_id = self.address_id

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address_id is not UNSET:
            field_dict["addressId"] = address_id
        if price is not UNSET:
            field_dict["price"] = price

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        address_id = d.pop("addressId", UNSET)

        _price = d.pop("price", UNSET)
        price: PriceInput | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            price = PriceInput.from_dict(_price)

        multi_addresses_checkout_metadata_input = cls(
            address_id=address_id,
            price=price,
        )

        return multi_addresses_checkout_metadata_input
