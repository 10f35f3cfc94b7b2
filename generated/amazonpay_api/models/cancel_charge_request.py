from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import Model as _Model


class CancelChargeRequest(_Model):
    """
    Attributes:
        cancellation_reason (str):
    """

    __slots__ = ("cancellation_reason",)
    __match_args__ = ("cancellation_reason",)

    cancellation_reason: str

    def __init__(
        self,
        cancellation_reason: str,
    ) -> None:
        self.cancellation_reason = cancellation_reason

    def to_dict(self) -> dict[str, Any]:
        cancellation_reason = self.cancellation_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cancellationReason": cancellation_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cancellation_reason = d.pop("cancellationReason")

        cancel_charge_request = cls(
            cancellation_reason=cancellation_reason,
        )

        return cancel_charge_request
