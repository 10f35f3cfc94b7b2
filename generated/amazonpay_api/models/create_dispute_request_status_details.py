from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ..models.dispute_state import DisputeState
from ..types import Model as _Model

T = TypeVar("T", bound="CreateDisputeRequestStatusDetails")


class CreateDisputeRequestStatusDetails(_Model):
    """
    Attributes:
        state (DisputeState):
    """

    __slots__ = ("state",)
    __match_args__ = ("state",)

    state: DisputeState

    def __init__(
        self,
        state: DisputeState,
    ) -> None:
        self.state = state

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = DisputeState(d.pop("state"))

        create_dispute_request_status_details = cls(
            state=state,
        )

        return create_dispute_request_status_details
