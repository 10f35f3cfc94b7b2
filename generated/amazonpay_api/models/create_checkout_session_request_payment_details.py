from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.payment_intent import PaymentIntent
from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.price_input import PriceInput


T = TypeVar("T", bound="CreateCheckoutSessionRequestPaymentDetails")


class CreateCheckoutSessionRequestPaymentDetails(_Model):
    """
    Attributes:
        charge_amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
        payment_intent (PaymentIntent | Unset): How the buyer is charged (docs, paymentDetail.paymentIntent).
        can_handle_pending_authorization (bool | Unset):
        presentment_currency (str | Unset):
    """

    __slots__ = (
        "charge_amount",
        "payment_intent",
        "can_handle_pending_authorization",
        "presentment_currency",
    )
    __match_args__ = (
        "charge_amount",
        "payment_intent",
        "can_handle_pending_authorization",
        "presentment_currency",
    )

    charge_amount: PriceInput | Unset
    payment_intent: PaymentIntent | Unset
    can_handle_pending_authorization: bool | Unset
    presentment_currency: str | Unset

    def __init__(
        self,
        charge_amount: PriceInput | Unset = UNSET,
        payment_intent: PaymentIntent | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        presentment_currency: str | Unset = UNSET,
    ) -> None:
        self.charge_amount = charge_amount
        self.payment_intent = payment_intent
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.presentment_currency = presentment_currency

    def to_dict(self) -> dict[str, Any]:
        charge_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.charge_amount, Unset):
            charge_amount = self.charge_amount.to_dict()

        payment_intent: str | Unset = UNSET
        if not isinstance(self.payment_intent, Unset):
            payment_intent = self.payment_intent.value

        can_handle_pending_authorization = self.can_handle_pending_authorization

        presentment_currency = self.presentment_currency

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if charge_amount is not UNSET:
            field_dict["chargeAmount"] = charge_amount
        if payment_intent is not UNSET:
            field_dict["paymentIntent"] = payment_intent
        if can_handle_pending_authorization is not UNSET:
            field_dict["canHandlePendingAuthorization"] = (
                can_handle_pending_authorization
            )
        if presentment_currency is not UNSET:
            field_dict["presentmentCurrency"] = presentment_currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price_input import PriceInput  # noqa: PLC0415

        d = dict(src_dict)
        _charge_amount = d.pop("chargeAmount", UNSET)
        charge_amount: PriceInput | Unset
        if isinstance(_charge_amount, Unset):
            charge_amount = UNSET
        else:
            charge_amount = PriceInput.from_dict(_charge_amount)

        _payment_intent = d.pop("paymentIntent", UNSET)
        payment_intent: PaymentIntent | Unset
        if isinstance(_payment_intent, Unset):
            payment_intent = UNSET
        else:
            payment_intent = PaymentIntent(_payment_intent)

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        presentment_currency = d.pop("presentmentCurrency", UNSET)

        create_checkout_session_request_payment_details = cls(
            charge_amount=charge_amount,
            payment_intent=payment_intent,
            can_handle_pending_authorization=can_handle_pending_authorization,
            presentment_currency=presentment_currency,
        )

        return create_checkout_session_request_payment_details
