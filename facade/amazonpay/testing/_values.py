"""Value types of the wire format: amounts, timestamps and identifiers."""

from __future__ import annotations

import os
import re
import secrets
import string
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from email.utils import format_datetime
from typing import Any, Final

from ._errors import Reason, SandboxError

TIMESTAMP_FORMAT: Final = "%Y%m%dT%H%M%SZ"
# x-amz-pay-date forms the official SDKs send (facts 8): basic (PHP, Java, .NET) and extended (Node).
REQUEST_DATE_FORMS: Final = (
    re.compile(r"(?P<Y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})T(?P<H>[0-9]{2})(?P<M>[0-9]{2})(?P<S>[0-9]{2})Z"),
    re.compile(r"(?P<Y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})T(?P<H>[0-9]{2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2})Z"),
)
# ISO 4217 minor units of the currencies Amazon Pay settles or presents: JPY has none, every
# other one (USD, EUR, GBP, AUD, CHF, DKK, HKD, NOK, NZD, SEK, ZAR, ...) has two.
MINOR_UNITS: Final[Mapping[str, int]] = {"JPY": 0}
DEFAULT_MINOR_UNITS: Final = 2
# The documented maximum of one charge (docs, Charge: chargeAmount "Maximum value").
AMOUNT_CAPS: Final[Mapping[str, Decimal]] = {"USD": Decimal(150_000), "GBP": Decimal(150_000), "EUR": Decimal(150_000)}
RELEASE_ENVIRONMENT: Final = "Sandbox"
MERCHANT_METADATA_FIELDS: Final = ("merchantReferenceId", "merchantStoreName", "noteToBuyer", "customInformation")
_KEY_ALPHABET: Final = string.ascii_uppercase + string.digits
# RFC 9562 4.1: a version 4 UUID's variant bits are 10, so its 17th hex digit is 8, 9, a or b.
_VARIANT: Final = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (a naive one is taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def timestamp(moment: datetime) -> str:
    """ISO 8601 basic form used in every response, e.g. ``20191015T204313Z``; always a 4-digit year.

    ``strftime("%Y")`` leaves years below 1000 unpadded on glibc (``10101T000000Z`` for year 1),
    which breaks the spec's ``Timestamp`` pattern; requests may name such years.
    """
    moment = utc(moment)
    # Formatted from the fields: strftime through datetime.__format__ cost 3.6 us, three times a
    # request (issue 22).
    return "%04d%02d%02dT%02d%02d%02dZ" % (  # noqa: UP031 (a third of an f-string's cost here)
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )


def http_date(moment: datetime) -> str:
    """The HTTP ``Date`` form of ``moment`` (RFC 9110 5.6.7), e.g. ``Mon, 07 Dec 2026 00:17:11 GMT``.

    Made once a second: every answer carries one (``format_datetime`` cost 4 us, issue 22).
    """
    global _last_http_date  # one (second, text) pair, replaced whole: safe across threads
    second = int(moment.timestamp() // 1)
    last = _last_http_date
    if last[0] != second:
        last = _last_http_date = (second, format_datetime(utc(moment), usegmt=True))
    return last[1]


_last_http_date: tuple[int | None, str] = (None, "")


def parse_timestamp(text: str) -> datetime:
    """Inverse of :func:`timestamp`; raises ``ValueError`` for anything else."""
    return datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=UTC)


def parse_request_date(text: str) -> datetime:
    """An ``x-amz-pay-date`` in either ISO 8601 form; ``ValueError`` for anything else.

    ``20190805T051457Z`` or ``2019-08-05T05:14:57Z``: UTC (``Z``), whole seconds, a date and
    time that exist (no February 30, no hour 24).
    """
    for form in REQUEST_DATE_FORMS:
        if found := form.fullmatch(text):
            # datetime() refuses what does not exist (month 13, February 30, hour 24, second 60)
            # as strptime did, at a tenth of its cost: every request's date is read.
            year, month, day, hour, minute, second = map(int, found.groups())  # Y m d H M S, in order
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    raise ValueError(text)


def request_time(value: str, name: str) -> datetime:
    """A time sent in a request body or query, named ``name``, or the service's 400 answer."""
    try:
        return parse_request_date(value)
    except ValueError:
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"{name} {value[:64]!r} is not a UTC time in ISO 8601 form, such as 20221114T074550Z.",
        ) from None


def decimal_places(amount: str) -> int:
    """Number of digits after the decimal point of a decimal string."""
    _, _, fraction = amount.partition(".")
    return len(fraction)


def minor_units(currency: str) -> int:
    """How many decimals the currency has (ISO 4217): 0 for JPY, 2 for the others Amazon Pay uses."""
    return MINOR_UNITS.get(currency, DEFAULT_MINOR_UNITS)


@dataclass(frozen=True)
class Money:
    """An amount in a currency, counted in the currency's minor units (cents; yen for JPY).

    Whole minor units make every sum and difference exact, and every amount is shown with the
    currency's decimals ("14.00" USD, "1400" JPY), however the request wrote it ("14").
    """

    minor: int
    currency: str

    @classmethod
    def from_json(cls, price: Mapping[str, Any], name: str) -> Money:
        """From a schema-checked ``{"amount": "14.00", "currencyCode": "USD"}`` named ``name``.

        The spec's pattern bounds the form (above zero, at most 9 + 2 digits); the rules of the
        currency are checked here: no more decimals than it has, no more than its documented cap.
        """
        text = str(price["amount"])
        currency = str(price["currencyCode"])
        units = minor_units(currency)
        if decimal_places(text) > units:
            raise SandboxError(
                Reason.InvalidParameterValue,
                f"{name}.amount {text} has {decimal_places(text)} decimals; {currency} amounts have at most {units}.",
            )
        amount = Decimal(text)
        cap = AMOUNT_CAPS.get(currency)
        if cap is not None and amount > cap:
            raise SandboxError(
                Reason.TransactionAmountExceeded,
                f"{name}.amount {text} {currency} exceeds the maximum of {cap:,} {currency} for one transaction.",
            )
        return cls(int(amount.scaleb(units)), currency)

    def json(self) -> dict[str, Any]:
        """The ``Price`` object of the wire format."""
        return {"amount": self.text(), "currencyCode": self.currency}

    def text(self) -> str:
        """The amount as a decimal string with the currency's decimals ("14.00", "-4.50", "1400" JPY)."""
        units = minor_units(self.currency)
        if not units:
            return str(self.minor)
        whole, fraction = divmod(abs(self.minor), 10**units)  # whole numbers: no Decimal (issue 22)
        return f"{'-' if self.minor < 0 else ''}{whole}.{fraction:0{units}d}"

    def zero(self) -> Money:
        """Zero in the same currency."""
        return Money(0, self.currency)

    def plus(self, other: Money) -> Money:
        """The sum (of the same currency)."""
        return Money(self.minor + other.minor, self.currency)

    def minus(self, other: Money) -> Money:
        """The difference (of the same currency)."""
        return Money(self.minor - other.minor, self.currency)


def unused_id(make: Callable[[], str], taken: Container[str]) -> str:
    """A fresh id from ``make`` that no stored object has.

    Charge and refund ids end in six random digits, so a few thousand of them on one permission
    would collide (the birthday bound); the service never reuses an id, so neither may we.
    """
    while (new := make()) in taken:
        pass
    return new


def merchant_metadata(values: dict[str, Any]) -> dict[str, Any]:
    """All four merchantMetadata fields, unset ones as null (as in the docs' examples)."""
    return {name: values.get(name) for name in MERCHANT_METADATA_FIELDS}


def same_currency(money: Money, currency: str, name: str) -> None:
    """Refuse ``money`` (CurrencyMismatch) unless it is in ``currency``; ``name`` names its field."""
    if money.currency != currency:
        raise SandboxError(
            Reason.CurrencyMismatch, f"{name}.currencyCode {money.currency} does not match the currency {currency}."
        )


def _digits(count: int) -> str:
    # One draw of a number below 10**count is the same as count independent digits, at one
    # system call instead of count (the server's CPU per request, issue 22).
    return f"{secrets.randbelow(10**count):0{count}d}"


def random_uuid() -> str:
    """A random (version 4) UUID in its text form, as ``str(uuid.uuid4())`` without the UUID object (half the cost)."""
    digits = os.urandom(16).hex()
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{_VARIANT[digits[16]]}{digits[17:20]}-{digits[20:]}"


def checkout_session_id() -> str:
    """Checkout Session ids are UUIDs."""
    return random_uuid()


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
    return random_uuid()


def public_key_id(*, environment_specific: bool) -> str:
    """A throwaway public key id: ``SANDBOX-AE...`` or a legacy ``AE...`` (24 characters)."""
    legacy = "AE" + "".join(secrets.choice(_KEY_ALPHABET) for _ in range(22))
    return f"SANDBOX-{legacy}" if environment_specific else legacy
