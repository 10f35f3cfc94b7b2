from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.delivery_detail_input import DeliveryDetailInput


class CreateDeliveryTrackerRequest(_Model):
    """The order to track, by amazonOrderReferenceId (v1) or chargePermissionId (v2, the only one accepted in Japan):
    exactly one of the two.

        Attributes:
            delivery_details (list[DeliveryDetailInput]): The shipments of the order (every sample sends one).
            amazon_order_reference_id (str | Unset):
            charge_permission_id (str | Unset):
    """

    __slots__ = (
        "delivery_details",
        "amazon_order_reference_id",
        "charge_permission_id",
    )
    __match_args__ = (
        "delivery_details",
        "amazon_order_reference_id",
        "charge_permission_id",
    )

    delivery_details: list[DeliveryDetailInput]
    amazon_order_reference_id: str | Unset
    charge_permission_id: str | Unset

    def __init__(
        self,
        delivery_details: list[DeliveryDetailInput],
        amazon_order_reference_id: str | Unset = UNSET,
        charge_permission_id: str | Unset = UNSET,
    ) -> None:
        self.delivery_details = delivery_details
        self.amazon_order_reference_id = amazon_order_reference_id
        self.charge_permission_id = charge_permission_id

    def to_dict(self) -> dict[str, Any]:
        delivery_details = []
        for delivery_details_item_data in self.delivery_details:
            delivery_details_item = delivery_details_item_data.to_dict()
            delivery_details.append(delivery_details_item)

        amazon_order_reference_id = self.amazon_order_reference_id

        charge_permission_id = self.charge_permission_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deliveryDetails": delivery_details,
            }
        )
        if amazon_order_reference_id is not UNSET:
            field_dict["amazonOrderReferenceId"] = amazon_order_reference_id
        if charge_permission_id is not UNSET:
            field_dict["chargePermissionId"] = charge_permission_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        delivery_details = []
        _delivery_details = d.pop("deliveryDetails")
        for delivery_details_item_data in _delivery_details:
            from amazonpay_api.models.delivery_detail_input import DeliveryDetailInput  # noqa: PLC0415

            delivery_details_item = DeliveryDetailInput.from_dict(
                delivery_details_item_data
            )

            delivery_details.append(delivery_details_item)

        amazon_order_reference_id = d.pop("amazonOrderReferenceId", UNSET)

        charge_permission_id = d.pop("chargePermissionId", UNSET)

        create_delivery_tracker_request = cls(
            delivery_details=delivery_details,
            amazon_order_reference_id=amazon_order_reference_id,
            charge_permission_id=charge_permission_id,
        )

        return create_delivery_tracker_request
