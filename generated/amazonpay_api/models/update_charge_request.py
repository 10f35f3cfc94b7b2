from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.update_charge_request_status_details import (
        UpdateChargeRequestStatusDetails,
    )


class UpdateChargeRequest(_Model):
    """The new status of a charge processed by a payment service provider.

    Attributes:
        status_details (UpdateChargeRequestStatusDetails):
    """

    __slots__ = ("status_details",)
    __match_args__ = ("status_details",)

    status_details: UpdateChargeRequestStatusDetails

    def __init__(
        self,
        status_details: UpdateChargeRequestStatusDetails,
    ) -> None:
        self.status_details = status_details

    def to_dict(self) -> dict[str, Any]:
        status_details = self.status_details.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "statusDetails": status_details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.update_charge_request_status_details import (
            UpdateChargeRequestStatusDetails,  # noqa: PLC0415
        )

        status_details = UpdateChargeRequestStatusDetails.from_dict(
            d.pop("statusDetails")
        )

        update_charge_request = cls(
            status_details=status_details,
        )

        return update_charge_request
