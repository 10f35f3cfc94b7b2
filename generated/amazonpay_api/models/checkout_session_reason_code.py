from enum import StrEnum


class CheckoutSessionReasonCode(StrEnum):
    AMAZONCANCELED = "AmazonCanceled"
    BUYERCANCELED = "BuyerCanceled"
    DECLINED = "Declined"
    EXPIRED = "Expired"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "CheckoutSessionReasonCode | None":
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
