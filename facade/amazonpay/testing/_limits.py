"""Charge limits: how much, how often and how long a Charge Permission can be charged.

- OneTime: the order total (``totalOrderAmount``, else ``chargeAmount``) is the permission's
  ``amountLimit``; at most 25 Create Charge calls, as long as the total captured stays within it
  (docs amazon-pay-checkout/one-time-payment-scenarios.html). With ``allowOvercharge`` the limit
  is 900 % of the order amount or 500 USD/GBP/EUR, 70 000 JPY, whichever is more; with
  ``extendExpiration`` the permission lasts 13 months instead of 180 days (docs
  amazon-pay-checkout/advanced-one-time-payment-options.html; .NET ``PaymentDetails.cs``).
- Recurring and Saved Wallet (PaymentMethodOnFile): a limit per calendar month and currency,
  which resets at the end of every month; beyond it Create Charge answers 400
  ``PeriodicAmountExceeded`` (tables below, each with its page).

What the simulator decides where the docs are silent: the calendar month is UTC's; a charge
counts towards the month it was created in for what it captured or still holds (declined and
canceled authorizations count for nothing); an overcharge floor in a currency the page does
not name is 900 % of the order alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Final

from ._values import Money, minor_units

ONE_TIME_LIFETIME: Final = timedelta(days=180)
EXTENDED_LIFETIME_MONTHS: Final = 13
#: Create Charge calls a OneTime permission takes (one-time-payment-scenarios.html).
MAX_ONE_TIME_CHARGES: Final = 25
OVERCHARGE_FACTOR: Final = 9  # "900% of the order amount"
#: The overcharge floor (advanced-one-time-payment-options.html: "500 USD/GBP/EUR and 70000 JPY").
OVERCHARGE_FLOORS: Final[Mapping[str, Decimal]] = {
    "USD": Decimal(500),
    "GBP": Decimal(500),
    "EUR": Decimal(500),
    "JPY": Decimal(70_000),
}
#: Monthly limit of one Recurring permission, by currency. USD 1,000: the US tab of
#: amazon-pay-checkout/monthly-recurring-charge-limits.md; JPY 100,000: Amazon Pay's Japanese
#: FAQ (amazonpay-faq.jp QA-57 and QA-428: "月額100,000円まで"). The page's EU tab is cut in every
#: stored copy; the EU currencies are those of Amazon's EU "Supported currencies and monthly
#: limits for billing agreements" (docs/eu/amazon-pay-automatic/supported-currencies.html, the
#: recurring agreement before API v2), which gives the same USD 1000 and JPY 100.000.
MONTHLY_RECURRING_LIMITS: Final[Mapping[str, Decimal]] = {
    "USD": Decimal(1_000),
    "EUR": Decimal(1_000),
    "GBP": Decimal(1_000),
    "AUD": Decimal(1_000),
    "CHF": Decimal(1_000),
    "NZD": Decimal(1_000),
    "DKK": Decimal(10_000),
    "HKD": Decimal(10_000),
    "NOK": Decimal(10_000),
    "SEK": Decimal(10_000),
    "ZAR": Decimal(10_000),
    "JPY": Decimal(100_000),
}
#: Monthly limit of one Saved Wallet permission, by currency (docs
#: amazon-pay-checkout/monthly-paymentmethodonfile-charge-limits.html, its US, EU and JP tabs).
MONTHLY_SAVED_WALLET_LIMITS: Final[Mapping[str, Decimal]] = {
    "USD": Decimal(15_000),
    "EUR": Decimal(15_000),
    "GBP": Decimal(15_000),
    "AUD": Decimal(15_000),
    "CHF": Decimal(15_000),
    "NZD": Decimal(15_000),
    "DKK": Decimal(150_000),
    "HKD": Decimal(150_000),
    "NOK": Decimal(150_000),
    "SEK": Decimal(150_000),
    "ZAR": Decimal(150_000),
    "JPY": Decimal(2_000_000),
}
MONTHLY_LIMITS: Final[Mapping[str, Mapping[str, Decimal]]] = {
    "Recurring": MONTHLY_RECURRING_LIMITS,
    "PaymentMethodOnFile": MONTHLY_SAVED_WALLET_LIMITS,
}


def _money(amount: Decimal, currency: str) -> Money:
    return Money(int(amount.scaleb(minor_units(currency))), currency)


def one_time_limit(order: Money, *, allow_overcharge: bool) -> Money:
    """The ``amountLimit`` of a OneTime permission for an order of ``order``."""
    if not allow_overcharge:
        return order
    floor = OVERCHARGE_FLOORS.get(order.currency)
    limit = order.minor * OVERCHARGE_FACTOR
    if floor is not None:
        limit = max(limit, _money(floor, order.currency).minor)
    return Money(limit, order.currency)


def one_time_expiry(created: datetime, *, extend_expiration: bool) -> datetime:
    """When a OneTime permission expires: 180 days, or 13 months with ``extendExpiration``."""
    if not extend_expiration:
        return created + ONE_TIME_LIFETIME
    return add_months(created, EXTENDED_LIFETIME_MONTHS)


def monthly_limit(permission_type: str, currency: str) -> Money | None:
    """The calendar month's limit of a Recurring or Saved Wallet permission (None: no documented limit)."""
    amount = MONTHLY_LIMITS.get(permission_type, {}).get(currency)
    return None if amount is None else _money(amount, currency)


def month_start(moment: datetime) -> datetime:
    """The start (UTC) of the calendar month ``moment`` is in."""
    moment = moment.astimezone(UTC)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` ``months`` calendar months later, on the last day of the month when it has fewer days."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:  # February 30, April 31, ...
            day -= 1
