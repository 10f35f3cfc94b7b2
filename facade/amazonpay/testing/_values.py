"""Value types of the wire format: amounts, timestamps and identifiers."""

from __future__ import annotations

import secrets
import string
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final

TIMESTAMP_FORMAT: Final = "%Y%m%dT%H%M%SZ"
_DIGITS: Final = string.digits
_KEY_ALPHABET: Final = string.ascii_uppercase + string.digits


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (a naive one is taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def timestamp(moment: datetime) -> str:
    """ISO 8601 basic form used in every response, e.g. ``20191015T204313Z``."""
    return utc(moment).strftime(TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """Inverse of :func:`timestamp`; raises ``ValueError`` for anything else."""
    return datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def decimal_places(amount: str) -> int:
    """Number of digits after the decimal point of a decimal string."""
    _, _, fraction = amount.partition(".")
    return len(fraction)


@dataclass(frozen=True)
class Money:
    """An amount in a currency, remembering how many decimals it was written with."""

    amount: Decimal
    currency: str
    places: int

    @classmethod
    def from_json(cls, price: dict[str, Any]) -> Money:
        """From a validated ``{"amount": "14.00", "currencyCode": "USD"}``."""
        text = str(price["amount"])
        return cls(Decimal(text), str(price["currencyCode"]), decimal_places(text))

    def json(self) -> dict[str, Any]:
        """The ``Price`` object of the wire format."""
        return {"amount": self.text(), "currencyCode": self.currency}

    def text(self) -> str:
        """The amount as a decimal string with ``places`` decimals."""
        return f"{self.amount.quantize(Decimal(1).scaleb(-self.places)):f}"

    def zero(self) -> Money:
        """Zero in the same currency and precision."""
        return Money(Decimal(0), self.currency, self.places)

    def plus(self, other: Money) -> Money:
        """Sum, written with the larger number of decimals."""
        return Money(self.amount + other.amount, self.currency, max(self.places, other.places))

    def minus(self, other: Money) -> Money:
        """Difference, written with the larger number of decimals."""
        return Money(self.amount - other.amount, self.currency, max(self.places, other.places))


def _digits(count: int) -> str:
    return "".join(secrets.choice(_DIGITS) for _ in range(count))


def checkout_session_id() -> str:
    """Checkout Session ids are UUIDs."""
    return str(uuid.uuid4())


def charge_permission_id() -> str:
    """Sandbox Charge Permission id, e.g. ``S01-1234567-1234567``."""
    return f"S01-{_digits(7)}-{_digits(7)}"


def charge_id(permission_id: str) -> str:
    """Charge id: the permission id and ``-C`` plus six digits."""
    return f"{permission_id}-C{_digits(6)}"


def refund_id(permission_id: str) -> str:
    """Refund id: the permission id and ``-R`` plus six digits."""
    return f"{permission_id}-R{_digits(6)}"


def buyer_id() -> str:
    """A buyer id in Amazon's ``amzn1.account.`` form."""
    return "amzn1.account." + "".join(secrets.choice(_KEY_ALPHABET) for _ in range(26))


def request_id() -> str:
    """The ``x-amz-pay-request-id`` of one response."""
    return str(uuid.uuid4())


def public_key_id(*, environment_specific: bool) -> str:
    """A throwaway public key id: ``SANDBOX-AE...`` or a legacy ``AE...`` (24 characters)."""
    legacy = "AE" + "".join(secrets.choice(_KEY_ALPHABET) for _ in range(22))
    return f"SANDBOX-{legacy}" if environment_specific else legacy
