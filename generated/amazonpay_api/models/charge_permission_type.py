from enum import StrEnum


class ChargePermissionType(StrEnum):
    ONETIME = "OneTime"
    RECURRING = "Recurring"

    def __str__(self) -> str:
        return str(self.value)
