from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class CreateChargeRequestWebCheckoutDetails(_Model):
    """
    Attributes:
        checkout_result_return_url (str | Unset): An absolute http(s) URL of the merchant's site that the buyer's
            browser is sent to.
    """

    __slots__ = ("checkout_result_return_url",)
    __match_args__ = ("checkout_result_return_url",)

    checkout_result_return_url: str | Unset

    def __init__(
        self,
        checkout_result_return_url: str | Unset = UNSET,
    ) -> None:
        self.checkout_result_return_url = checkout_result_return_url

    def to_dict(self) -> dict[str, Any]:
        checkout_result_return_url = self.checkout_result_return_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if checkout_result_return_url is not UNSET:
            field_dict["checkoutResultReturnUrl"] = checkout_result_return_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        checkout_result_return_url = d.pop("checkoutResultReturnUrl", UNSET)

        create_charge_request_web_checkout_details = cls(
            checkout_result_return_url=checkout_result_return_url,
        )

        return create_charge_request_web_checkout_details
