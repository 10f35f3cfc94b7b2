from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class DeliveryDetailInput(_Model):
    """
    Attributes:
        tracking_number (str): The shipping company's tracking number; each can be used once.
        carrier_code (str): The shipping company's code (docs, delivery-tracker carrier list).
    """

    __slots__ = (
        "tracking_number",
        "carrier_code",
    )
    __match_args__ = (
        "tracking_number",
        "carrier_code",
    )

    tracking_number: str
    carrier_code: str

    def __init__(
        self,
        tracking_number: str,
        carrier_code: str,
    ) -> None:
        self.tracking_number = tracking_number
        self.carrier_code = carrier_code

    def to_dict(self) -> dict[str, Any]:
        tracking_number = self.tracking_number

        carrier_code = self.carrier_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "trackingNumber": tracking_number,
                "carrierCode": carrier_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tracking_number = d.pop("trackingNumber")

        carrier_code = d.pop("carrierCode")

        delivery_detail_input = cls(
            tracking_number=tracking_number,
            carrier_code=carrier_code,
        )

        return delivery_detail_input
