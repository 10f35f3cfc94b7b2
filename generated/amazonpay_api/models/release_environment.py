from enum import StrEnum


class ReleaseEnvironment(StrEnum):
    LIVE = "Live"
    SANDBOX = "Sandbox"

    def __str__(self) -> str:
        return str(self.value)
