from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class Disbursement(_Model):
    """One payout of settled funds.

    Attributes:
        seller_id (str | Unset):
        settlement_id (str | Unset):
        amazon_disbursement_reference_id (str | Unset):
        amount (str | Unset):
        currency_code (str | Unset):
        transaction_time (None | str | Unset):
    """

    __slots__ = (
        "seller_id",
        "settlement_id",
        "amazon_disbursement_reference_id",
        "amount",
        "currency_code",
        "transaction_time",
        "additional_properties",
    )
    __match_args__ = (
        "seller_id",
        "settlement_id",
        "amazon_disbursement_reference_id",
        "amount",
        "currency_code",
        "transaction_time",
    )

    seller_id: str | Unset
    settlement_id: str | Unset
    amazon_disbursement_reference_id: str | Unset
    amount: str | Unset
    currency_code: str | Unset
    transaction_time: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        seller_id: str | Unset = UNSET,
        settlement_id: str | Unset = UNSET,
        amazon_disbursement_reference_id: str | Unset = UNSET,
        amount: str | Unset = UNSET,
        currency_code: str | Unset = UNSET,
        transaction_time: None | str | Unset = UNSET,
    ) -> None:
        self.seller_id = seller_id
        self.settlement_id = settlement_id
        self.amazon_disbursement_reference_id = amazon_disbursement_reference_id
        self.amount = amount
        self.currency_code = currency_code
        self.transaction_time = transaction_time
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        seller_id = self.seller_id

        settlement_id = self.settlement_id

        amazon_disbursement_reference_id = self.amazon_disbursement_reference_id

        amount = self.amount

        currency_code = self.currency_code

        transaction_time: None | str | Unset
        if isinstance(self.transaction_time, Unset):
            transaction_time = UNSET
        else:
            transaction_time = self.transaction_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if seller_id is not UNSET:
            field_dict["sellerId"] = seller_id
        if settlement_id is not UNSET:
            field_dict["settlementId"] = settlement_id
        if amazon_disbursement_reference_id is not UNSET:
            field_dict["amazonDisbursementReferenceId"] = (
                amazon_disbursement_reference_id
            )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency_code is not UNSET:
            field_dict["currencyCode"] = currency_code
        if transaction_time is not UNSET:
            field_dict["transactionTime"] = transaction_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        seller_id = d.pop("sellerId", UNSET)

        settlement_id = d.pop("settlementId", UNSET)

        amazon_disbursement_reference_id = d.pop("amazonDisbursementReferenceId", UNSET)

        amount = d.pop("amount", UNSET)

        currency_code = d.pop("currencyCode", UNSET)

        def _parse_transaction_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        transaction_time = _parse_transaction_time(d.pop("transactionTime", UNSET))

        disbursement = cls(
            seller_id=seller_id,
            settlement_id=settlement_id,
            amazon_disbursement_reference_id=amazon_disbursement_reference_id,
            amount=amount,
            currency_code=currency_code,
            transaction_time=transaction_time,
        )

        disbursement.additional_properties = d
        return disbursement

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
