from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from ..types import Model as _Model

if TYPE_CHECKING:
    from ..models.upload_file_request_purpose import UploadFileRequestPurpose
    from ..models.upload_file_request_type import UploadFileRequestType


class UploadFileRequest(_Model):
    """The file to create; its bytes go to the returned url afterwards.

    Attributes:
        type_ (UploadFileRequestType): The file's format (Java `types/EvidenceDocumentFileType.java`).
        purpose (UploadFileRequestPurpose):
    """

    __slots__ = (
        "type_",
        "purpose",
    )
    __match_args__ = (
        "type_",
        "purpose",
    )

    type_: UploadFileRequestType
    purpose: UploadFileRequestPurpose

    def __init__(
        self,
        type_: UploadFileRequestType,
        purpose: UploadFileRequestPurpose,
    ) -> None:
        self.type_ = type_
        self.purpose = purpose

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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from amazonpay_api.models.upload_file_request_type import UploadFileRequestType  # noqa: PLC0415

        type_ = UploadFileRequestType(d.pop("type"))

        from amazonpay_api.models.upload_file_request_purpose import (
            UploadFileRequestPurpose,  # noqa: PLC0415
        )

        purpose = UploadFileRequestPurpose(d.pop("purpose"))

        upload_file_request = cls(
            type_=type_,
            purpose=purpose,
        )

        return upload_file_request
