from enum import StrEnum


class UploadFileRequestType(StrEnum):
    CSV = "csv"
    DOC = "doc"
    DOCX = "docx"
    JPG = "jpg"
    ODS = "ods"
    PDF = "pdf"
    PNG = "png"
    XLS = "xls"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
