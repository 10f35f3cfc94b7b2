from enum import StrEnum


class DisputeFilingReason(StrEnum):
    CREDITNOTPROCESSED = "CreditNotProcessed"
    DUPLICATECHARGE = "DuplicateCharge"
    FRAUDULENT = "Fraudulent"
    OTHER = "Other"
    OVERCHARGED = "Overcharged"
    PRODUCTNOLONGERNEEDED = "ProductNoLongerNeeded"
    PRODUCTNOTRECEIVED = "ProductNotReceived"
    PRODUCTUNACCEPTABLE = "ProductUnacceptable"
    SUBSCRIPTIONCANCELLED = "SubscriptionCancelled"
    UNRECOGNIZED = "Unrecognized"

    def __str__(self) -> str:
        return str(self.value)
