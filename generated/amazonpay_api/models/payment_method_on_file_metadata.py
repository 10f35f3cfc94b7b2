from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class PaymentMethodOnFileMetadata(_Model):
    """How a Saved Wallet (PaymentMethodOnFile) Charge Permission is set up.

    Attributes:
        setup_only (bool | None | Unset):
    """

    __slots__ = (
        "setup_only",
        "additional_properties",
    )
    __match_args__ = ("setup_only",)

    setup_only: bool | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        setup_only: bool | None | Unset = UNSET,
    ) -> None:
        self.setup_only = setup_only
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        setup_only: bool | None | Unset
        if isinstance(self.setup_only, Unset):
            setup_only = UNSET
        else:
            setup_only = self.setup_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if setup_only is not UNSET:
            field_dict["setupOnly"] = setup_only

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_setup_only(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("bool | None | Unset", data)

        setup_only = _parse_setup_only(d.pop("setupOnly", UNSET))

        payment_method_on_file_metadata = cls(
            setup_only=setup_only,
        )

        payment_method_on_file_metadata.additional_properties = d
        return payment_method_on_file_metadata

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
