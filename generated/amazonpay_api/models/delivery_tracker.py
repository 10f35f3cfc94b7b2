from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.delivery_detail import DeliveryDetail


class DeliveryTracker(_Model):
    """The tracked order and its shipments, as accepted.

    Attributes:
        amazon_order_reference_id (None | str | Unset):
        charge_permission_id (None | str | Unset):
        delivery_details (list[DeliveryDetail] | Unset):
    """

    __slots__ = (
        "amazon_order_reference_id",
        "charge_permission_id",
        "delivery_details",
        "additional_properties",
    )
    __match_args__ = (
        "amazon_order_reference_id",
        "charge_permission_id",
        "delivery_details",
    )

    amazon_order_reference_id: None | str | Unset
    charge_permission_id: None | str | Unset
    delivery_details: list[DeliveryDetail] | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        amazon_order_reference_id: None | str | Unset = UNSET,
        charge_permission_id: None | str | Unset = UNSET,
        delivery_details: list[DeliveryDetail] | Unset = UNSET,
    ) -> None:
        self.amazon_order_reference_id = amazon_order_reference_id
        self.charge_permission_id = charge_permission_id
        self.delivery_details = delivery_details
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        amazon_order_reference_id: None | str | Unset
        if isinstance(self.amazon_order_reference_id, Unset):
            amazon_order_reference_id = UNSET
        else:
            amazon_order_reference_id = self.amazon_order_reference_id

        charge_permission_id: None | str | Unset
        if isinstance(self.charge_permission_id, Unset):
            charge_permission_id = UNSET
        else:
            charge_permission_id = self.charge_permission_id

        delivery_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.delivery_details, Unset):
            delivery_details = []
            for delivery_details_item_data in self.delivery_details:
                delivery_details_item = delivery_details_item_data.to_dict()
                delivery_details.append(delivery_details_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amazon_order_reference_id is not UNSET:
            field_dict["amazonOrderReferenceId"] = amazon_order_reference_id
        if charge_permission_id is not UNSET:
            field_dict["chargePermissionId"] = charge_permission_id
        if delivery_details is not UNSET:
            field_dict["deliveryDetails"] = delivery_details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amazon_order_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        amazon_order_reference_id = _parse_amazon_order_reference_id(
            d.pop("amazonOrderReferenceId", UNSET)
        )

        def _parse_charge_permission_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        charge_permission_id = _parse_charge_permission_id(
            d.pop("chargePermissionId", UNSET)
        )

        _delivery_details = d.pop("deliveryDetails", UNSET)
        delivery_details: list[DeliveryDetail] | Unset = UNSET
        if _delivery_details is not UNSET:
            delivery_details = []
            for delivery_details_item_data in _delivery_details:
                from amazonpay_api.models.delivery_detail import DeliveryDetail  # noqa: PLC0415

                delivery_details_item = DeliveryDetail.from_dict(
                    delivery_details_item_data
                )

                delivery_details.append(delivery_details_item)

        delivery_tracker = cls(
            amazon_order_reference_id=amazon_order_reference_id,
            charge_permission_id=charge_permission_id,
            delivery_details=delivery_details,
        )

        delivery_tracker.additional_properties = d
        return delivery_tracker

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
