from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.address_input import AddressInput
    from ..models.payment_intent import PaymentIntent
    from ..models.price_input import PriceInput


class FinalizeCheckoutSessionRequest(_Model):
    """What the merchant confirms: amounts and addresses must equal Amazon's copy of the Checkout Session (docs, Buy Now
    "Verify & complete checkout").

        Attributes:
            charge_amount (PriceInput): An amount to charge, capture or refund, and its currency.
            payment_intent (PaymentIntent): How the buyer is charged (docs, paymentDetail.paymentIntent).
            total_order_amount (PriceInput | Unset): An amount to charge, capture or refund, and its currency.
            can_handle_pending_authorization (bool | Unset):
            shipping_address (AddressInput | Unset):
            billing_address (AddressInput | None | Unset): Required for PayOnly; must match the address Amazon shared. Null
                or left out otherwise: the Node README and the PHP README send null for PayAndShip, and the Node SDK's tests
                send that body to Amazon's sandbox (tst/webStoreClientTest.js).
            supplementary_data (None | str | Unset): Required if the Checkout Session has it.
    """

    __slots__ = (
        "charge_amount",
        "payment_intent",
        "total_order_amount",
        "can_handle_pending_authorization",
        "shipping_address",
        "billing_address",
        "supplementary_data",
    )
    __match_args__ = (
        "charge_amount",
        "payment_intent",
        "total_order_amount",
        "can_handle_pending_authorization",
        "shipping_address",
        "billing_address",
        "supplementary_data",
    )

    charge_amount: PriceInput
    payment_intent: PaymentIntent
    total_order_amount: PriceInput | Unset
    can_handle_pending_authorization: bool | Unset
    shipping_address: AddressInput | Unset
    billing_address: AddressInput | None | Unset
    supplementary_data: None | str | Unset

    def __init__(
        self,
        charge_amount: PriceInput,
        payment_intent: PaymentIntent,
        total_order_amount: PriceInput | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        shipping_address: AddressInput | Unset = UNSET,
        billing_address: AddressInput | None | Unset = UNSET,
        supplementary_data: None | str | Unset = UNSET,
    ) -> None:
        self.charge_amount = charge_amount
        self.payment_intent = payment_intent
        self.total_order_amount = total_order_amount
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.shipping_address = shipping_address
        self.billing_address = billing_address
        self.supplementary_data = supplementary_data

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.address_input import AddressInput  # noqa: PLC0415

        charge_amount = self.charge_amount.to_dict()

        payment_intent = self.payment_intent.value

        total_order_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total_order_amount, Unset):
            total_order_amount = self.total_order_amount.to_dict()

        can_handle_pending_authorization = self.can_handle_pending_authorization

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        billing_address: dict[str, Any] | None | Unset
        if isinstance(self.billing_address, Unset):
            billing_address = UNSET
        elif isinstance(self.billing_address, AddressInput):
            billing_address = self.billing_address.to_dict()
        else:
            billing_address = self.billing_address

        supplementary_data: None | str | Unset
        if isinstance(self.supplementary_data, Unset):
            supplementary_data = UNSET
        else:
            supplementary_data = self.supplementary_data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "chargeAmount": charge_amount,
                "paymentIntent": payment_intent,
            }
        )
        if total_order_amount is not UNSET:
            field_dict["totalOrderAmount"] = total_order_amount
        if can_handle_pending_authorization is not UNSET:
            field_dict["canHandlePendingAuthorization"] = (
                can_handle_pending_authorization
            )
        if shipping_address is not UNSET:
            field_dict["shippingAddress"] = shipping_address
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if supplementary_data is not UNSET:
            field_dict["supplementaryData"] = supplementary_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

        charge_amount = PriceInput.from_dict(d.pop("chargeAmount"))

        from amazonpay_api.models.payment_intent import PaymentIntent  # noqa: PLC0415

        payment_intent = PaymentIntent(d.pop("paymentIntent"))

        _total_order_amount = d.pop("totalOrderAmount", UNSET)
        total_order_amount: PriceInput | Unset
        if isinstance(_total_order_amount, Unset):
            total_order_amount = UNSET
        else:
            from amazonpay_api.models.price_input import PriceInput  # noqa: PLC0415

            total_order_amount = PriceInput.from_dict(_total_order_amount)

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        _shipping_address = d.pop("shippingAddress", UNSET)
        shipping_address: AddressInput | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            from amazonpay_api.models.address_input import AddressInput  # noqa: PLC0415

            shipping_address = AddressInput.from_dict(_shipping_address)

        def _parse_billing_address(data: object) -> AddressInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.address_input import AddressInput  # noqa: PLC0415

                billing_address_type_0 = AddressInput.from_dict(data)

                return billing_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("AddressInput | None | Unset", data)

        billing_address = _parse_billing_address(d.pop("billingAddress", UNSET))

        def _parse_supplementary_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        supplementary_data = _parse_supplementary_data(
            d.pop("supplementaryData", UNSET)
        )

        finalize_checkout_session_request = cls(
            charge_amount=charge_amount,
            payment_intent=payment_intent,
            total_order_amount=total_order_amount,
            can_handle_pending_authorization=can_handle_pending_authorization,
            shipping_address=shipping_address,
            billing_address=billing_address,
            supplementary_data=supplementary_data,
        )

        return finalize_checkout_session_request
