from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address import Address


class PaymentPreference(_Model):
    """Payment instrument selected by the buyer.

    Attributes:
        payment_descriptor (None | str | Unset):
        billing_address (Address | None | Unset):
    """

    __slots__ = (
        "payment_descriptor",
        "billing_address",
        "additional_properties",
    )
    __match_args__ = (
        "payment_descriptor",
        "billing_address",
    )

    payment_descriptor: None | str | Unset
    billing_address: Address | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        payment_descriptor: None | str | Unset = UNSET,
        billing_address: Address | None | Unset = UNSET,
    ) -> None:
        self.payment_descriptor = payment_descriptor
        self.billing_address = billing_address
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.address import Address  # noqa: PLC0415

        payment_descriptor: None | str | Unset
        if isinstance(self.payment_descriptor, Unset):
            payment_descriptor = UNSET
        else:
            payment_descriptor = self.payment_descriptor

        billing_address: dict[str, Any] | None | Unset
        if isinstance(self.billing_address, Unset):
            billing_address = UNSET
        elif isinstance(self.billing_address, Address):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if payment_descriptor is not UNSET:
            field_dict["paymentDescriptor"] = payment_descriptor
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_payment_descriptor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        payment_descriptor = _parse_payment_descriptor(
            d.pop("paymentDescriptor", UNSET)
        )

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

        payment_preference = cls(
            payment_descriptor=payment_descriptor,
            billing_address=billing_address,
        )

        payment_preference.additional_properties = d
        return payment_preference

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
