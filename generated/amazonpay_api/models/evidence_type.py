from enum import StrEnum


class EvidenceType(StrEnum):
    CANCELLATIONPOLICY = "CancellationPolicy"
    CARRIERNAME = "CarrierName"
    CUSTOMERSIGNATURE = "CustomerSignature"
    DEVICEID = "DeviceId"
    DEVICENAME = "DeviceName"
    DOWNLOADDATETIME = "DownloadDateTime"
    OTHER = "Other"
    PRODUCTDESCRIPTION = "ProductDescription"
    RECEIPT = "Receipt"
    TRACKINGNUMBER = "TrackingNumber"

    def __str__(self) -> str:
        return str(self.value)
