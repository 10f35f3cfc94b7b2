from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.payment_intent import PaymentIntent
    from ..models.price_input import PriceInput


class CreateCheckoutSessionRequestPaymentDetails(_Model):
    """
    Attributes:
        charge_amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
        payment_intent (PaymentIntent | Unset): How the buyer is charged (docs, paymentDetail.paymentIntent).
        can_handle_pending_authorization (bool | Unset):
        presentment_currency (str | Unset):
        total_order_amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
        soft_descriptor (str | Unset):
        allow_overcharge (bool | Unset):
        extend_expiration (bool | Unset):
        estimate_order_total (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
    """

    __slots__ = (
        "charge_amount",
        "payment_intent",
        "can_handle_pending_authorization",
        "presentment_currency",
        "total_order_amount",
        "soft_descriptor",
        "allow_overcharge",
        "extend_expiration",
        "estimate_order_total",
    )
    __match_args__ = (
        "charge_amount",
        "payment_intent",
        "can_handle_pending_authorization",
        "presentment_currency",
        "total_order_amount",
        "soft_descriptor",
        "allow_overcharge",
        "extend_expiration",
        "estimate_order_total",
    )

    charge_amount: PriceInput | Unset
    payment_intent: PaymentIntent | Unset
    can_handle_pending_authorization: bool | Unset
    presentment_currency: str | Unset
    total_order_amount: PriceInput | Unset
    soft_descriptor: str | Unset
    allow_overcharge: bool | Unset
    extend_expiration: bool | Unset
    estimate_order_total: PriceInput | Unset

    def __init__(
        self,
        charge_amount: PriceInput | Unset = UNSET,
        payment_intent: PaymentIntent | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        presentment_currency: str | Unset = UNSET,
        total_order_amount: PriceInput | Unset = UNSET,
        soft_descriptor: str | Unset = UNSET,
        allow_overcharge: bool | Unset = UNSET,
        extend_expiration: bool | Unset = UNSET,
        estimate_order_total: PriceInput | Unset = UNSET,
    ) -> None:
        self.charge_amount = charge_amount
        self.payment_intent = payment_intent
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.presentment_currency = presentment_currency
        self.total_order_amount = total_order_amount
        self.soft_descriptor = soft_descriptor
        self.allow_overcharge = allow_overcharge
        self.extend_expiration = extend_expiration
        self.estimate_order_total = estimate_order_total

    def to_dict(self) -> dict[str, Any]:
        charge_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.charge_amount, Unset):
            charge_amount = self.charge_amount.to_dict()

        payment_intent: str | Unset = UNSET
        if not isinstance(self.payment_intent, Unset):
            payment_intent = self.payment_intent.value

        can_handle_pending_authorization = self.can_handle_pending_authorization

        presentment_currency = self.presentment_currency

        total_order_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total_order_amount, Unset):
            total_order_amount = self.total_order_amount.to_dict()

        soft_descriptor = self.soft_descriptor

        allow_overcharge = self.allow_overcharge

        extend_expiration = self.extend_expiration

        estimate_order_total: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimate_order_total, Unset):
            estimate_order_total = self.estimate_order_total.to_dict()

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
        if total_order_amount is not UNSET:
            field_dict["totalOrderAmount"] = total_order_amount
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor
        if allow_overcharge is not UNSET:
            field_dict["allowOvercharge"] = allow_overcharge
        if extend_expiration is not UNSET:
            field_dict["extendExpiration"] = extend_expiration
        if estimate_order_total is not UNSET:
            field_dict["estimateOrderTotal"] = estimate_order_total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _charge_amount = d.pop("chargeAmount", UNSET)
        charge_amount: PriceInput | Unset
        if isinstance(_charge_amount, Unset):
            charge_amount = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            charge_amount = PriceInput.from_dict(_charge_amount)

        _payment_intent = d.pop("paymentIntent", UNSET)
        payment_intent: PaymentIntent | Unset
        if isinstance(_payment_intent, Unset):
            payment_intent = UNSET
        else:
            from amazonpay_api.models.payment_intent import PaymentIntent  # noqa: PLC0415

            payment_intent = PaymentIntent(_payment_intent)

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        presentment_currency = d.pop("presentmentCurrency", UNSET)

        _total_order_amount = d.pop("totalOrderAmount", UNSET)
        total_order_amount: PriceInput | Unset
        if isinstance(_total_order_amount, Unset):
            total_order_amount = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            total_order_amount = PriceInput.from_dict(_total_order_amount)

        soft_descriptor = d.pop("softDescriptor", UNSET)

        allow_overcharge = d.pop("allowOvercharge", UNSET)

        extend_expiration = d.pop("extendExpiration", UNSET)

        _estimate_order_total = d.pop("estimateOrderTotal", UNSET)
        estimate_order_total: PriceInput | Unset
        if isinstance(_estimate_order_total, Unset):
            estimate_order_total = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            estimate_order_total = PriceInput.from_dict(_estimate_order_total)

        create_checkout_session_request_payment_details = cls(
            charge_amount=charge_amount,
            payment_intent=payment_intent,
            can_handle_pending_authorization=can_handle_pending_authorization,
            presentment_currency=presentment_currency,
            total_order_amount=total_order_amount,
            soft_descriptor=soft_descriptor,
            allow_overcharge=allow_overcharge,
            extend_expiration=extend_expiration,
            estimate_order_total=estimate_order_total,
        )

        return create_checkout_session_request_payment_details
