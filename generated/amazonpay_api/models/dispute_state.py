from enum import StrEnum


class DisputeState(StrEnum):
    ACTIONREQUIRED = "ActionRequired"
    CLOSED = "Closed"
    RESOLVED = "Resolved"
    UNDERREVIEW = "UnderReview"

    def __str__(self) -> str:
        return str(self.value)
