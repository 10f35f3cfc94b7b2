from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.checkout_mode import CheckoutMode


class WebCheckoutDetails(_Model):
    """URLs of the checkout (docs, type webCheckoutDetail; the wire name is plural).

    Attributes:
        checkout_review_return_url (None | str | Unset):
        checkout_result_return_url (None | str | Unset):
        amazon_pay_redirect_url (None | str | Unset): Where the merchant sends the buyer once all constraints are met.
        checkout_cancel_url (None | str | Unset):
        checkout_error_url (None | str | Unset):
        checkout_mode (CheckoutMode | None | Unset):
    """

    __slots__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "amazon_pay_redirect_url",
        "checkout_cancel_url",
        "checkout_error_url",
        "checkout_mode",
        "additional_properties",
    )
    __match_args__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "amazon_pay_redirect_url",
        "checkout_cancel_url",
        "checkout_error_url",
        "checkout_mode",
    )

    checkout_review_return_url: None | str | Unset
    checkout_result_return_url: None | str | Unset
    amazon_pay_redirect_url: None | str | Unset
    checkout_cancel_url: None | str | Unset
    checkout_error_url: None | str | Unset
    checkout_mode: CheckoutMode | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        checkout_review_return_url: None | str | Unset = UNSET,
        checkout_result_return_url: None | str | Unset = UNSET,
        amazon_pay_redirect_url: None | str | Unset = UNSET,
        checkout_cancel_url: None | str | Unset = UNSET,
        checkout_error_url: None | str | Unset = UNSET,
        checkout_mode: CheckoutMode | None | Unset = UNSET,
    ) -> None:
        self.checkout_review_return_url = checkout_review_return_url
        self.checkout_result_return_url = checkout_result_return_url
        self.amazon_pay_redirect_url = amazon_pay_redirect_url
        self.checkout_cancel_url = checkout_cancel_url
        self.checkout_error_url = checkout_error_url
        self.checkout_mode = checkout_mode
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.checkout_mode import CheckoutMode  # noqa: PLC0415

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

        checkout_cancel_url: None | str | Unset
        if isinstance(self.checkout_cancel_url, Unset):
            checkout_cancel_url = UNSET
        else:
            checkout_cancel_url = self.checkout_cancel_url

        checkout_error_url: None | str | Unset
        if isinstance(self.checkout_error_url, Unset):
            checkout_error_url = UNSET
        else:
            checkout_error_url = self.checkout_error_url

        checkout_mode: None | str | Unset
        if isinstance(self.checkout_mode, Unset):
            checkout_mode = UNSET
        elif isinstance(self.checkout_mode, CheckoutMode):
            checkout_mode = self.checkout_mode.value
        else:
            checkout_mode = self.checkout_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if checkout_review_return_url is not UNSET:
            field_dict["checkoutReviewReturnUrl"] = checkout_review_return_url
        if checkout_result_return_url is not UNSET:
            field_dict["checkoutResultReturnUrl"] = checkout_result_return_url
        if amazon_pay_redirect_url is not UNSET:
            field_dict["amazonPayRedirectUrl"] = amazon_pay_redirect_url
        if checkout_cancel_url is not UNSET:
            field_dict["checkoutCancelUrl"] = checkout_cancel_url
        if checkout_error_url is not UNSET:
            field_dict["checkoutErrorUrl"] = checkout_error_url
        if checkout_mode is not UNSET:
            field_dict["checkoutMode"] = checkout_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_checkout_review_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        checkout_review_return_url = _parse_checkout_review_return_url(
            d.pop("checkoutReviewReturnUrl", UNSET)
        )

        def _parse_checkout_result_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        checkout_result_return_url = _parse_checkout_result_return_url(
            d.pop("checkoutResultReturnUrl", UNSET)
        )

        def _parse_amazon_pay_redirect_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        amazon_pay_redirect_url = _parse_amazon_pay_redirect_url(
            d.pop("amazonPayRedirectUrl", UNSET)
        )

        def _parse_checkout_cancel_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        checkout_cancel_url = _parse_checkout_cancel_url(
            d.pop("checkoutCancelUrl", UNSET)
        )

        def _parse_checkout_error_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        checkout_error_url = _parse_checkout_error_url(d.pop("checkoutErrorUrl", UNSET))

        def _parse_checkout_mode(data: object) -> CheckoutMode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.checkout_mode import CheckoutMode  # noqa: PLC0415

                checkout_mode_type_0 = CheckoutMode(data)

                return checkout_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("CheckoutMode | None | Unset", data)

        checkout_mode = _parse_checkout_mode(d.pop("checkoutMode", UNSET))

        web_checkout_details = cls(
            checkout_review_return_url=checkout_review_return_url,
            checkout_result_return_url=checkout_result_return_url,
            amazon_pay_redirect_url=amazon_pay_redirect_url,
            checkout_cancel_url=checkout_cancel_url,
            checkout_error_url=checkout_error_url,
            checkout_mode=checkout_mode,
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
