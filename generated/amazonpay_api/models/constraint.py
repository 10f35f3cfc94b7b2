from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from ..types import UNSET, Unset
from ..types import Model as _Model


class Constraint(_Model):
    """What must still be set before checkout can complete.

    Attributes:
        constraint_id (str | Unset): CheckoutResultReturnUrlNotSet, ChargeAmountNotSet, PaymentIntentNotSet or
            BuyerNotAssociated.
        description (str | Unset):
    """

    __slots__ = (
        "constraint_id",
        "description",
        "additional_properties",
    )
    __match_args__ = (
        "constraint_id",
        "description",
    )

    constraint_id: str | Unset
    description: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        constraint_id: str | Unset = UNSET,
        description: str | Unset = UNSET,
    ) -> None:
        self.constraint_id = constraint_id
        self.description = description
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        constraint_id = self.constraint_id

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if constraint_id is not UNSET:
            field_dict["constraintId"] = constraint_id
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        constraint_id = d.pop("constraintId", UNSET)

        description = d.pop("description", UNSET)

        constraint = cls(
            constraint_id=constraint_id,
            description=description,
        )

        constraint.additional_properties = d
        return constraint

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
