from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.report import Report


class GetReportsResponse(_Model):
    """One page of reports; nextToken is present when more pages follow.

    Attributes:
        reports (list[Report] | Unset):
        next_token (None | str | Unset):
    """

    __slots__ = (
        "reports",
        "next_token",
        "additional_properties",
    )
    __match_args__ = (
        "reports",
        "next_token",
    )

    reports: list[Report] | Unset
    next_token: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        reports: list[Report] | Unset = UNSET,
        next_token: None | str | Unset = UNSET,
    ) -> None:
        self.reports = reports
        self.next_token = next_token
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        reports: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reports, Unset):
            reports = []
            for reports_item_data in self.reports:
                reports_item = reports_item_data.to_dict()
                reports.append(reports_item)

        next_token: None | str | Unset
        if isinstance(self.next_token, Unset):
            next_token = UNSET
        else:
            next_token = self.next_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reports is not UNSET:
            field_dict["reports"] = reports
        if next_token is not UNSET:
            field_dict["nextToken"] = next_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _reports = d.pop("reports", UNSET)
        reports: list[Report] | Unset = UNSET
        if _reports is not UNSET:
            reports = []
            for reports_item_data in _reports:
                from amazonpay_api.models.report import Report  # noqa: PLC0415

                reports_item = Report.from_dict(reports_item_data)

                reports.append(reports_item)

        def _parse_next_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        next_token = _parse_next_token(d.pop("nextToken", UNSET))

        get_reports_response = cls(
            reports=reports,
            next_token=next_token,
        )

        get_reports_response.additional_properties = d
        return get_reports_response

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
