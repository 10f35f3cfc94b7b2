from enum import StrEnum


class DeliverySpecificationsSpecialRestrictionsItem(StrEnum):
    RESTRICTPACKSTATIONS = "RestrictPackstations"
    RESTRICTPOBOXES = "RestrictPOBoxes"

    def __str__(self) -> str:
        return str(self.value)
