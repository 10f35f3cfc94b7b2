from enum import StrEnum


class ChargeReasonCode(StrEnum):
    AMAZONCANCELED = "AmazonCanceled"
    AMAZONREJECTED = "AmazonRejected"
    BUYERCANCELED = "BuyerCanceled"
    CHARGEPERMISSIONCANCELED = "ChargePermissionCanceled"
    EXPIREDUNUSED = "ExpiredUnused"
    HARDDECLINED = "HardDeclined"
    MERCHANTCANCELED = "MerchantCanceled"
    PROCESSINGFAILURE = "ProcessingFailure"
    SOFTDECLINED = "SoftDeclined"
    STOPSHIPMENTATYPICALAUTH = "StopShipmentAtypicalAuth"
    TRANSACTIONTIMEDOUT = "TransactionTimedOut"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ChargeReasonCode | None":
        """A value Amazon added after this client was generated: read, not refused.

        It becomes a member of this class that its listed members do not include (``is`` a
        listed member never, ``==`` its string always), so an answer that carries it still
        parses. Request bodies are checked against the spec's values before sending, so only
        answers bring one in.
        """
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
