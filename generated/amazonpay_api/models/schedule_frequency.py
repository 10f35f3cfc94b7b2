from enum import StrEnum


class ScheduleFrequency(StrEnum):
    P14D = "P14D"
    P15D = "P15D"
    P18D = "P18D"
    P1D = "P1D"
    P2D = "P2D"
    P30D = "P30D"
    P3D = "P3D"
    P7D = "P7D"
    PT12H = "PT12H"
    PT15M = "PT15M"
    PT1H = "PT1H"
    PT24H = "PT24H"
    PT2H = "PT2H"
    PT30M = "PT30M"
    PT4H = "PT4H"
    PT5M = "PT5M"
    PT84H = "PT84H"
    PT8H = "PT8H"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ScheduleFrequency | None":
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
