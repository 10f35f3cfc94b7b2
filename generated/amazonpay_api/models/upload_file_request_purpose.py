from enum import StrEnum


class UploadFileRequestPurpose(StrEnum):
    DISPUTEEVIDENCE = "disputeEvidence"

    def __str__(self) -> str:
        return str(self.value)
