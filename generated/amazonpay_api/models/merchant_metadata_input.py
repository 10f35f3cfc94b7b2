from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class MerchantMetadataInput(_Model):
    """
    Attributes:
        merchant_reference_id (None | str | Unset):
        merchant_store_name (None | str | Unset):
        note_to_buyer (None | str | Unset):
        custom_information (None | str | Unset):
    """

    __slots__ = (
        "merchant_reference_id",
        "merchant_store_name",
        "note_to_buyer",
        "custom_information",
    )
    __match_args__ = (
        "merchant_reference_id",
        "merchant_store_name",
        "note_to_buyer",
        "custom_information",
    )

    merchant_reference_id: None | str | Unset
    merchant_store_name: None | str | Unset
    note_to_buyer: None | str | Unset
    custom_information: None | str | Unset

    def __init__(
        self,
        merchant_reference_id: None | str | Unset = UNSET,
        merchant_store_name: None | str | Unset = UNSET,
        note_to_buyer: None | str | Unset = UNSET,
        custom_information: None | str | Unset = UNSET,
    ) -> None:
        self.merchant_reference_id = merchant_reference_id
        self.merchant_store_name = merchant_store_name
        self.note_to_buyer = note_to_buyer
        self.custom_information = custom_information

    def to_dict(self) -> dict[str, Any]:
        merchant_reference_id: None | str | Unset
        if isinstance(self.merchant_reference_id, Unset):
            merchant_reference_id = UNSET
        else:
            merchant_reference_id = self.merchant_reference_id

        merchant_store_name: None | str | Unset
        if isinstance(self.merchant_store_name, Unset):
            merchant_store_name = UNSET
        else:
            merchant_store_name = self.merchant_store_name

        note_to_buyer: None | str | Unset
        if isinstance(self.note_to_buyer, Unset):
            note_to_buyer = UNSET
        else:
            note_to_buyer = self.note_to_buyer

        custom_information: None | str | Unset
        if isinstance(self.custom_information, Unset):
            custom_information = UNSET
        else:
            custom_information = self.custom_information

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if merchant_reference_id is not UNSET:
            field_dict["merchantReferenceId"] = merchant_reference_id
        if merchant_store_name is not UNSET:
            field_dict["merchantStoreName"] = merchant_store_name
        if note_to_buyer is not UNSET:
            field_dict["noteToBuyer"] = note_to_buyer
        if custom_information is not UNSET:
            field_dict["customInformation"] = custom_information

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_merchant_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        merchant_reference_id = _parse_merchant_reference_id(
            d.pop("merchantReferenceId", UNSET)
        )

        def _parse_merchant_store_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        merchant_store_name = _parse_merchant_store_name(
            d.pop("merchantStoreName", UNSET)
        )

        def _parse_note_to_buyer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        note_to_buyer = _parse_note_to_buyer(d.pop("noteToBuyer", UNSET))

        def _parse_custom_information(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        custom_information = _parse_custom_information(
            d.pop("customInformation", UNSET)
        )

        merchant_metadata_input = cls(
            merchant_reference_id=merchant_reference_id,
            merchant_store_name=merchant_store_name,
            note_to_buyer=note_to_buyer,
            custom_information=custom_information,
        )

        return merchant_metadata_input
