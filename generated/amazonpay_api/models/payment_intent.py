from enum import StrEnum


class PaymentIntent(StrEnum):
    AUTHORIZE = "Authorize"
    AUTHORIZEWITHCAPTURE = "AuthorizeWithCapture"
    CONFIRM = "Confirm"

    def __str__(self) -> str:
        return str(self.value)
