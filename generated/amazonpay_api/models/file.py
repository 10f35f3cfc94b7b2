from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, cast

from ..types import UNSET, Unset
from ..types import Model as _Model


class File(_Model):
    """A file created for upload; upload its bytes to url before urlExpirationTimestamp.

    Attributes:
        id (str):
        url (str):
        type_ (str | Unset):
        purpose (str | Unset):
        size (int | None | Unset):
        upload_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every example
            (20191015T204313Z); RFC 3339 `date-time` would reject it.
        url_expiration_timestamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every
            example (20191015T204313Z); RFC 3339 `date-time` would reject it.
        url_expiration_time_stamp (str | Unset): UTC date and time in the ISO 8601 basic form the docs show in every
            example (20191015T204313Z); RFC 3339 `date-time` would reject it.
    """

    __slots__ = (
        "id",
        "url",
        "type_",
        "purpose",
        "size",
        "upload_timestamp",
        "url_expiration_timestamp",
        "url_expiration_time_stamp",
        "additional_properties",
    )
    __match_args__ = (
        "id",
        "url",
        "type_",
        "purpose",
        "size",
        "upload_timestamp",
        "url_expiration_timestamp",
        "url_expiration_time_stamp",
    )

    id: str
    url: str
    type_: str | Unset
    purpose: str | Unset
    size: int | None | Unset
    upload_timestamp: str | Unset
    url_expiration_timestamp: str | Unset
    url_expiration_time_stamp: str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: str,
        url: str,
        type_: str | Unset = UNSET,
        purpose: str | Unset = UNSET,
        size: int | None | Unset = UNSET,
        upload_timestamp: str | Unset = UNSET,
        url_expiration_timestamp: str | Unset = UNSET,
        url_expiration_time_stamp: str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.url = url
        self.type_ = type_
        self.purpose = purpose
        self.size = size
        self.upload_timestamp = upload_timestamp
        self.url_expiration_timestamp = url_expiration_timestamp
        self.url_expiration_time_stamp = url_expiration_time_stamp
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        type_ = self.type_

        purpose = self.purpose

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        upload_timestamp = self.upload_timestamp

        url_expiration_timestamp = self.url_expiration_timestamp

        url_expiration_time_stamp = self.url_expiration_time_stamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if size is not UNSET:
            field_dict["size"] = size
        if upload_timestamp is not UNSET:
            field_dict["uploadTimestamp"] = upload_timestamp
        if url_expiration_timestamp is not UNSET:
            field_dict["urlExpirationTimestamp"] = url_expiration_timestamp
        if url_expiration_time_stamp is not UNSET:
            field_dict["urlExpirationTimeStamp"] = url_expiration_time_stamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        type_ = d.pop("type", UNSET)

        purpose = d.pop("purpose", UNSET)

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("int | None | Unset", data)

        size = _parse_size(d.pop("size", UNSET))

        upload_timestamp = d.pop("uploadTimestamp", UNSET)

        url_expiration_timestamp = d.pop("urlExpirationTimestamp", UNSET)

        url_expiration_time_stamp = d.pop("urlExpirationTimeStamp", UNSET)

        file = cls(
            id=id,
            url=url,
            type_=type_,
            purpose=purpose,
            size=size,
            upload_timestamp=upload_timestamp,
            url_expiration_timestamp=url_expiration_timestamp,
            url_expiration_time_stamp=url_expiration_time_stamp,
        )

        file.additional_properties = d
        return file

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
