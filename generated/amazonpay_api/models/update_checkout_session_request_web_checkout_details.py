from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class UpdateCheckoutSessionRequestWebCheckoutDetails(_Model):
    """
    Attributes:
        checkout_review_return_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's
            browser is sent to.
        checkout_result_return_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's
            browser is sent to.
        checkout_cancel_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's browser is
            sent to.
    """

    __slots__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "checkout_cancel_url",
    )
    __match_args__ = (
        "checkout_review_return_url",
        "checkout_result_return_url",
        "checkout_cancel_url",
    )

    checkout_review_return_url: str | Unset
    checkout_result_return_url: str | Unset
    checkout_cancel_url: str | Unset

    def __init__(
        self,
        checkout_review_return_url: str | Unset = UNSET,
        checkout_result_return_url: str | Unset = UNSET,
        checkout_cancel_url: str | Unset = UNSET,
    ) -> None:
        self.checkout_review_return_url = checkout_review_return_url
        self.checkout_result_return_url = checkout_result_return_url
        self.checkout_cancel_url = checkout_cancel_url

    def to_dict(self) -> dict[str, Any]:
        checkout_review_return_url = self.checkout_review_return_url

        checkout_result_return_url = self.checkout_result_return_url

        checkout_cancel_url = self.checkout_cancel_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if checkout_review_return_url is not UNSET:
            field_dict["checkoutReviewReturnUrl"] = checkout_review_return_url
        if checkout_result_return_url is not UNSET:
            field_dict["checkoutResultReturnUrl"] = checkout_result_return_url
        if checkout_cancel_url is not UNSET:
            field_dict["checkoutCancelUrl"] = checkout_cancel_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        checkout_review_return_url = d.pop("checkoutReviewReturnUrl", UNSET)

        checkout_result_return_url = d.pop("checkoutResultReturnUrl", UNSET)

        checkout_cancel_url = d.pop("checkoutCancelUrl", UNSET)

        update_checkout_session_request_web_checkout_details = cls(
            checkout_review_return_url=checkout_review_return_url,
            checkout_result_return_url=checkout_result_return_url,
            checkout_cancel_url=checkout_cancel_url,
        )

        return update_checkout_session_request_web_checkout_details
