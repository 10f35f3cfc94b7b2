from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price import Price


T = TypeVar("T", bound="CreateRefundRequest")


@_attrs_define
class CreateRefundRequest:
    """
    Attributes:
        charge_id (str):
        refund_amount (Price):
        soft_descriptor (str | Unset):
    """

    charge_id: str
    refund_amount: Price
    soft_descriptor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        charge_id = self.charge_id

        refund_amount = self.refund_amount.to_dict()

        soft_descriptor = self.soft_descriptor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chargeId": charge_id,
                "refundAmount": refund_amount,
            }
        )
        if soft_descriptor is not UNSET:
            field_dict["softDescriptor"] = soft_descriptor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price import Price  # noqa: PLC0415

        d = dict(src_dict)
        charge_id = d.pop("chargeId")

        refund_amount = Price.from_dict(d.pop("refundAmount"))

        soft_descriptor = d.pop("softDescriptor", UNSET)

        create_refund_request = cls(
            charge_id=charge_id,
            refund_amount=refund_amount,
            soft_descriptor=soft_descriptor,
        )

        create_refund_request.additional_properties = d
        return create_refund_request

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
