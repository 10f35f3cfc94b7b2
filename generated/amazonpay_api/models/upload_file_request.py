from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.upload_file_request_purpose import UploadFileRequestPurpose
from ..models.upload_file_request_type import UploadFileRequestType

T = TypeVar("T", bound="UploadFileRequest")


@_attrs_define
class UploadFileRequest:
    """The file to create; its bytes go to the returned url afterwards.

    Attributes:
        type_ (UploadFileRequestType): The file's format (Java `types/EvidenceDocumentFileType.java`).
        purpose (UploadFileRequestPurpose):
    """

    type_: UploadFileRequestType
    purpose: UploadFileRequestPurpose

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        purpose = self.purpose.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "purpose": purpose,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = UploadFileRequestType(d.pop("type"))

        purpose = UploadFileRequestPurpose(d.pop("purpose"))

        upload_file_request = cls(
            type_=type_,
            purpose=purpose,
        )

        return upload_file_request
