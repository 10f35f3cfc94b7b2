from enum import StrEnum


class DisputeResolution(StrEnum):
    BUYERWON = "BuyerWon"
    MERCHANTWON = "MerchantWon"
    NOFAULT = "NoFault"

    def __str__(self) -> str:
        return str(self.value)
