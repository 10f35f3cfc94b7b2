from enum import StrEnum


class DeliverySpecificationsInputAddressRestrictionsType(StrEnum):
    ALLOWED = "Allowed"
    NOTALLOWED = "NotAllowed"

    def __str__(self) -> str:
        return str(self.value)
