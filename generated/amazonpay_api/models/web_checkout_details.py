from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

T = TypeVar("T", bound="WebCheckoutDetails")


class WebCheckoutDetails(_Model):
    """URLs of the checkout (docs, type webCheckoutDetail; the wire name is plural).

    Attributes:
        checkout_review_return_url (None | str | Unset):
        checkout_result_return_url (None | str | Unset):
        amazon_pay_redirect_url (None | str | Unset): Where the merchant sends the buyer once all constraints are met.
    """

    __slots__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "amazon_pay_redirect_url",
        "additional_properties",
    )
    __match_args__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "amazon_pay_redirect_url",
    )

    checkout_review_return_url: None | str | Unset
    checkout_result_return_url: None | str | Unset
    amazon_pay_redirect_url: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        checkout_review_return_url: None | str | Unset = UNSET,
        checkout_result_return_url: None | str | Unset = UNSET,
        amazon_pay_redirect_url: None | str | Unset = UNSET,
    ) -> None:
        self.checkout_review_return_url = checkout_review_return_url
        self.checkout_result_return_url = checkout_result_return_url
        self.amazon_pay_redirect_url = amazon_pay_redirect_url
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        checkout_review_return_url: None | str | Unset
        if isinstance(self.checkout_review_return_url, Unset):
            checkout_review_return_url = UNSET
        else:
            checkout_review_return_url = self.checkout_review_return_url

        checkout_result_return_url: None | str | Unset
        if isinstance(self.checkout_result_return_url, Unset):
            checkout_result_return_url = UNSET
        else:
            checkout_result_return_url = self.checkout_result_return_url

        amazon_pay_redirect_url: None | str | Unset
        if isinstance(self.amazon_pay_redirect_url, Unset):
            amazon_pay_redirect_url = UNSET
        else:
            amazon_pay_redirect_url = self.amazon_pay_redirect_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if checkout_review_return_url is not UNSET:
            field_dict["checkoutReviewReturnUrl"] = checkout_review_return_url
        if checkout_result_return_url is not UNSET:
            field_dict["checkoutResultReturnUrl"] = checkout_result_return_url
        if amazon_pay_redirect_url is not UNSET:
            field_dict["amazonPayRedirectUrl"] = amazon_pay_redirect_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_checkout_review_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkout_review_return_url = _parse_checkout_review_return_url(
            d.pop("checkoutReviewReturnUrl", UNSET)
        )

        def _parse_checkout_result_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkout_result_return_url = _parse_checkout_result_return_url(
            d.pop("checkoutResultReturnUrl", UNSET)
        )

        def _parse_amazon_pay_redirect_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amazon_pay_redirect_url = _parse_amazon_pay_redirect_url(
            d.pop("amazonPayRedirectUrl", UNSET)
        )

        web_checkout_details = cls(
            checkout_review_return_url=checkout_review_return_url,
            checkout_result_return_url=checkout_result_return_url,
            amazon_pay_redirect_url=amazon_pay_redirect_url,
        )

        web_checkout_details.additional_properties = d
        return web_checkout_details

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
