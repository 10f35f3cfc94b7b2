from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.checkout_mode import CheckoutMode


class CreateCheckoutSessionRequestWebCheckoutDetails(_Model):
    """
    Attributes:
        checkout_review_return_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's
            browser is sent to.
        checkout_result_return_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's
            browser is sent to.
        checkout_cancel_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's browser is
            sent to.
        checkout_error_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's browser is
            sent to.
        checkout_mode (CheckoutMode | Unset): ProcessOrder: the buyer completes checkout on Amazon Pay's page and does
            not return to the merchant's review page (end of checkout, Additional Payment Button).
    """

    __slots__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "checkout_cancel_url",
        "checkout_error_url",
        "checkout_mode",
    )
    __match_args__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "checkout_cancel_url",
        "checkout_error_url",
        "checkout_mode",
    )

    checkout_review_return_url: str | Unset
    checkout_result_return_url: str | Unset
    checkout_cancel_url: str | Unset
    checkout_error_url: str | Unset
    checkout_mode: CheckoutMode | Unset

    def __init__(
        self,
        checkout_review_return_url: str | Unset = UNSET,
        checkout_result_return_url: str | Unset = UNSET,
        checkout_cancel_url: str | Unset = UNSET,
        checkout_error_url: str | Unset = UNSET,
        checkout_mode: CheckoutMode | Unset = UNSET,
    ) -> None:
        self.checkout_review_return_url = checkout_review_return_url
        self.checkout_result_return_url = checkout_result_return_url
        self.checkout_cancel_url = checkout_cancel_url
        self.checkout_error_url = checkout_error_url
        self.checkout_mode = checkout_mode

    def to_dict(self) -> dict[str, Any]:
        checkout_review_return_url = self.checkout_review_return_url

        checkout_result_return_url = self.checkout_result_return_url

        checkout_cancel_url = self.checkout_cancel_url

        checkout_error_url = self.checkout_error_url

        checkout_mode: str | Unset = UNSET
        if not isinstance(self.checkout_mode, Unset):
            checkout_mode = self.checkout_mode.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if checkout_review_return_url is not UNSET:
            field_dict["checkoutReviewReturnUrl"] = checkout_review_return_url
        if checkout_result_return_url is not UNSET:
            field_dict["checkoutResultReturnUrl"] = checkout_result_return_url
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
        checkout_review_return_url = d.pop("checkoutReviewReturnUrl", UNSET)

        checkout_result_return_url = d.pop("checkoutResultReturnUrl", UNSET)

        checkout_cancel_url = d.pop("checkoutCancelUrl", UNSET)

        checkout_error_url = d.pop("checkoutErrorUrl", UNSET)

        _checkout_mode = d.pop("checkoutMode", UNSET)
        checkout_mode: CheckoutMode | Unset
        if isinstance(_checkout_mode, Unset):
            checkout_mode = UNSET
        else:
            from amazonpay_api.models.checkout_mode import CheckoutMode  # noqa: PLC0415

            checkout_mode = CheckoutMode(_checkout_mode)

        create_checkout_session_request_web_checkout_details = cls(
            checkout_review_return_url=checkout_review_return_url,
            checkout_result_return_url=checkout_result_return_url,
            checkout_cancel_url=checkout_cancel_url,
            checkout_error_url=checkout_error_url,
            checkout_mode=checkout_mode,
        )

        return create_checkout_session_request_web_checkout_details
