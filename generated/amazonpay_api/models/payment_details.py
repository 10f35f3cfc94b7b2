from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.payment_intent import PaymentIntent
    from ..models.price import Price


class PaymentDetails(_Model):
    """Payment details set by the merchant (docs, type paymentDetail).

    Attributes:
        payment_intent (None | PaymentIntent | Unset):
        can_handle_pending_authorization (bool | Unset):
        charge_amount (None | Price | Unset):
        soft_descriptor (None | str | Unset):
        presentment_currency (None | str | Unset):
        total_order_amount (None | Price | Unset):
        allow_overcharge (bool | None | Unset):
        extend_expiration (bool | None | Unset):
        estimate_order_total (None | Price | Unset):
    """

    __slots__ = (
        "payment_intent",
        "can_handle_pending_authorization",
        "charge_amount",
        "soft_descriptor",
        "presentment_currency",
        "total_order_amount",
        "allow_overcharge",
        "extend_expiration",
        "estimate_order_total",
        "additional_properties",
    )
    __match_args__ = (
        "payment_intent",
        "can_handle_pending_authorization",
        "charge_amount",
        "soft_descriptor",
        "presentment_currency",
        "total_order_amount",
        "allow_overcharge",
        "extend_expiration",
        "estimate_order_total",
    )

    payment_intent: None | PaymentIntent | Unset
    can_handle_pending_authorization: bool | Unset
    charge_amount: None | Price | Unset
    soft_descriptor: None | str | Unset
    presentment_currency: None | str | Unset
    total_order_amount: None | Price | Unset
    allow_overcharge: bool | None | Unset
    extend_expiration: bool | None | Unset
    estimate_order_total: None | Price | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        payment_intent: None | PaymentIntent | Unset = UNSET,
        can_handle_pending_authorization: bool | Unset = UNSET,
        charge_amount: None | Price | Unset = UNSET,
        soft_descriptor: None | str | Unset = UNSET,
        presentment_currency: None | str | Unset = UNSET,
        total_order_amount: None | Price | Unset = UNSET,
        allow_overcharge: bool | None | Unset = UNSET,
        extend_expiration: bool | None | Unset = UNSET,
        estimate_order_total: None | Price | Unset = UNSET,
    ) -> None:
        self.payment_intent = payment_intent
        self.can_handle_pending_authorization = can_handle_pending_authorization
        self.charge_amount = charge_amount
        self.soft_descriptor = soft_descriptor
        self.presentment_currency = presentment_currency
        self.total_order_amount = total_order_amount
        self.allow_overcharge = allow_overcharge
        self.extend_expiration = extend_expiration
        self.estimate_order_total = estimate_order_total
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        from amazonpay_api.models.payment_intent import PaymentIntent  # noqa: PLC0415
        from amazonpay_api.models.price import Price  # noqa: PLC0415

        payment_intent: None | str | Unset
        if isinstance(self.payment_intent, Unset):
            payment_intent = UNSET
        elif isinstance(self.payment_intent, PaymentIntent):
            payment_intent = self.payment_intent.value
        else:
            payment_intent = self.payment_intent

        can_handle_pending_authorization = self.can_handle_pending_authorization

        charge_amount: dict[str, Any] | None | Unset
        if isinstance(self.charge_amount, Unset):
            charge_amount = UNSET
        elif isinstance(self.charge_amount, Price):
            charge_amount = self.charge_amount.to_dict()
        else:
            charge_amount = self.charge_amount

        soft_descriptor: None | str | Unset
        if isinstance(self.soft_descriptor, Unset):
            soft_descriptor = UNSET
        else:
            soft_descriptor = self.soft_descriptor

        presentment_currency: None | str | Unset
        if isinstance(self.presentment_currency, Unset):
            presentment_currency = UNSET
        else:
            presentment_currency = self.presentment_currency

        total_order_amount: dict[str, Any] | None | Unset
        if isinstance(self.total_order_amount, Unset):
            total_order_amount = UNSET
        elif isinstance(self.total_order_amount, Price):
            total_order_amount = self.total_order_amount.to_dict()
        else:
            total_order_amount = self.total_order_amount

        allow_overcharge: bool | None | Unset
        if isinstance(self.allow_overcharge, Unset):
            allow_overcharge = UNSET
        else:
            allow_overcharge = self.allow_overcharge

        extend_expiration: bool | None | Unset
        if isinstance(self.extend_expiration, Unset):
            extend_expiration = UNSET
        else:
            extend_expiration = self.extend_expiration

        estimate_order_total: dict[str, Any] | None | Unset
        if isinstance(self.estimate_order_total, Unset):
            estimate_order_total = UNSET
        elif isinstance(self.estimate_order_total, Price):
            estimate_order_total = self.estimate_order_total.to_dict()
        else:
            estimate_order_total = self.estimate_order_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if payment_intent is not UNSET:
            field_dict["paymentIntent"] = payment_intent
        if can_handle_pending_authorization is not UNSET:
            field_dict["canHandlePendingAuthorization"] = (
                can_handle_pending_authorization
            )
        if charge_amount is not UNSET:
            field_dict["chargeAmount"] = charge_amount
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor
        if presentment_currency is not UNSET:
            field_dict["presentmentCurrency"] = presentment_currency
        if total_order_amount is not UNSET:
            field_dict["totalOrderAmount"] = total_order_amount
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

        def _parse_payment_intent(data: object) -> None | PaymentIntent | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from amazonpay_api.models.payment_intent import PaymentIntent  # noqa: PLC0415

                payment_intent_type_0 = PaymentIntent(data)

                return payment_intent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | PaymentIntent | Unset", data)

        payment_intent = _parse_payment_intent(d.pop("paymentIntent", UNSET))

        can_handle_pending_authorization = d.pop("canHandlePendingAuthorization", UNSET)

        def _parse_charge_amount(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                charge_amount_type_0 = Price.from_dict(data)

                return charge_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        charge_amount = _parse_charge_amount(d.pop("chargeAmount", UNSET))

        def _parse_soft_descriptor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        soft_descriptor = _parse_soft_descriptor(d.pop("softDescriptor", UNSET))

        def _parse_presentment_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        presentment_currency = _parse_presentment_currency(
            d.pop("presentmentCurrency", UNSET)
        )

        def _parse_total_order_amount(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                total_order_amount_type_0 = Price.from_dict(data)

                return total_order_amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        total_order_amount = _parse_total_order_amount(d.pop("totalOrderAmount", UNSET))

        def _parse_allow_overcharge(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("bool | None | Unset", data)

        allow_overcharge = _parse_allow_overcharge(d.pop("allowOvercharge", UNSET))

        def _parse_extend_expiration(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("bool | None | Unset", data)

        extend_expiration = _parse_extend_expiration(d.pop("extendExpiration", UNSET))

        def _parse_estimate_order_total(data: object) -> None | Price | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from amazonpay_api.models.price import Price  # noqa: PLC0415

                estimate_order_total_type_0 = Price.from_dict(data)

                return estimate_order_total_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Price | Unset", data)

        estimate_order_total = _parse_estimate_order_total(
            d.pop("estimateOrderTotal", UNSET)
        )

        payment_details = cls(
            payment_intent=payment_intent,
            can_handle_pending_authorization=can_handle_pending_authorization,
            charge_amount=charge_amount,
            soft_descriptor=soft_descriptor,
            presentment_currency=presentment_currency,
            total_order_amount=total_order_amount,
            allow_overcharge=allow_overcharge,
            extend_expiration=extend_expiration,
            estimate_order_total=estimate_order_total,
        )

        payment_details.additional_properties = d
        return payment_details

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
