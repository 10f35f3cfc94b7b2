from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_intent import PaymentIntent
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price import Price


T = TypeVar("T", bound="CreateCheckoutSessionRequestPaymentDetails")


@_attrs_define
class CreateCheckoutSessionRequestPaymentDetails:
    """
    Attributes:
        charge_amount (Price | Unset):
        payment_intent (PaymentIntent | Unset): How the buyer is charged (docs, paymentDetail.paymentIntent).
        can_handle_pending_authorization (bool | Unset):
        presentment_currency (str | Unset):
    """

    charge_amount: Price | Unset = UNSET
    payment_intent: PaymentIntent | Unset = UNSET
    can_handle_pending_authorization: bool | Unset = UNSET
    presentment_currency: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        field_dict.update(self.additional_properties)
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
        from ..models.price import Price  # noqa: PLC0415

        d = dict(src_dict)
        _charge_amount = d.pop("chargeAmount", UNSET)
        charge_amount: Price | Unset
        if isinstance(_charge_amount, Unset):
            charge_amount = UNSET
        else:
            charge_amount = Price.from_dict(_charge_amount)

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

        create_checkout_session_request_payment_details.additional_properties = d
        return create_checkout_session_request_payment_details

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
