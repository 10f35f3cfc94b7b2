from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class CloseChargePermissionRequest(_Model):
    """
    Attributes:
        closure_reason (str):
        cancel_pending_charges (bool | Unset):
    """

    __slots__ = (
        "closure_reason",
        "cancel_pending_charges",
    )
    __match_args__ = (
        "closure_reason",
        "cancel_pending_charges",
    )

    closure_reason: str
    cancel_pending_charges: bool | Unset

    def __init__(
        self,
        closure_reason: str,
        cancel_pending_charges: bool | Unset = UNSET,
    ) -> None:
        self.closure_reason = closure_reason
        self.cancel_pending_charges = cancel_pending_charges

    def to_dict(self) -> dict[str, Any]:
        closure_reason = self.closure_reason

        cancel_pending_charges = self.cancel_pending_charges

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closureReason": closure_reason,
            }
        )
        if cancel_pending_charges is not UNSET:
            field_dict["cancelPendingCharges"] = cancel_pending_charges

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        closure_reason = d.pop("closureReason")

        cancel_pending_charges = d.pop("cancelPendingCharges", UNSET)

        close_charge_permission_request = cls(
            closure_reason=closure_reason,
            cancel_pending_charges=cancel_pending_charges,
        )

        return close_charge_permission_request
