from enum import StrEnum


class DeliverySpecificationsInputSpecialRestrictionsItem(StrEnum):
    RESTRICTPACKSTATIONS = "RestrictPackstations"
    RESTRICTPOBOXES = "RestrictPOBoxes"

    def __str__(self) -> str:
        return str(self.value)
