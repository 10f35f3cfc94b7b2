from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.disbursement import Disbursement


class GetDisbursementsResponse(_Model):
    """One page of disbursements. The docs do not show a nextToken in the response (beyond-13 marks it unverified); the
    field is read where getReports has it.

        Attributes:
            disbursements (list[Disbursement] | Unset):
            next_token (None | str | Unset):
    """

    __slots__ = (
        "disbursements",
        "next_token",
        "additional_properties",
    )
    __match_args__ = (
        "disbursements",
        "next_token",
    )

    disbursements: list[Disbursement] | Unset
    next_token: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        disbursements: list[Disbursement] | Unset = UNSET,
        next_token: None | str | Unset = UNSET,
    ) -> None:
        self.disbursements = disbursements
        self.next_token = next_token
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        disbursements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.disbursements, Unset):
            disbursements = []
            for disbursements_item_data in self.disbursements:
                disbursements_item = disbursements_item_data.to_dict()
                disbursements.append(disbursements_item)

        next_token: None | str | Unset
        if isinstance(self.next_token, Unset):
            next_token = UNSET
        else:
            next_token = self.next_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if disbursements is not UNSET:
            field_dict["disbursements"] = disbursements
        if next_token is not UNSET:
            field_dict["nextToken"] = next_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _disbursements = d.pop("disbursements", UNSET)
        disbursements: list[Disbursement] | Unset = UNSET
        if _disbursements is not UNSET:
            disbursements = []
            for disbursements_item_data in _disbursements:
                from amazonpay_api.models.disbursement import Disbursement  # noqa: PLC0415

                disbursements_item = Disbursement.from_dict(disbursements_item_data)

                disbursements.append(disbursements_item)

        def _parse_next_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        next_token = _parse_next_token(d.pop("nextToken", UNSET))

        get_disbursements_response = cls(
            disbursements=disbursements,
            next_token=next_token,
        )

        get_disbursements_response.additional_properties = d
        return get_disbursements_response

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
