"""Recurring metadata: how a Recurring Charge Permission will be used, its billing frequency and amount.

Set on the Checkout Session (Create or Update Checkout Session, with ``chargePermissionType``
Recurring: docs amazon-pay-checkout/upgrading-from-onetime-to-recurring.html), carried to the
Charge Permission it grants, and replaced there by Update Charge Permission when the
subscription changes (docs amazon-pay-checkout/update-info-post-checkout.html). Amazon uses it
only for the expiration date and in buyer communication; the merchant still calls Create
Charge every billing cycle. ``amount`` is left out when it varies or is not known yet, as for a
free trial (docs amazon-pay-checkout/advanced-subscription-use-cases.html).

What the simulator decides where the docs are silent: a body's recurringMetadata replaces the
whole object (Amazon's Magento plugin sends only the frequency when it updates a permission,
Plugin/RecurringChargePermissionUpdate.php, and never an amount); the frequency's value is
answered as it was sent (the pages send "1", the .NET SDK a number).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._values import Money


@dataclass(frozen=True)
class RecurringMetadata:
    """A Recurring permission's billing frequency (``unit`` and ``value``) and amount per cycle."""

    unit: str | None
    value: str | int | None
    amount: Money | None

    @classmethod
    def from_json(cls, body: Mapping[str, Any], name: str = "recurringMetadata") -> RecurringMetadata:
        """From a schema-checked ``recurringMetadata`` (its amount checked for its currency)."""
        frequency = body.get("frequency") or {}
        amount = body.get("amount")
        return cls(
            unit=frequency.get("unit"),
            value=frequency.get("value"),
            amount=None if amount is None else Money.from_json(amount, f"{name}.amount"),
        )

    @property
    def frequency_set(self) -> bool:
        """Whether the billing frequency is known (else the session has RecurringFrequencyNotSet)."""
        return self.unit is not None and self.value is not None

    def json(self) -> dict[str, Any]:
        """The ``RecurringMetadata`` object."""
        frequency = None if self.unit is None and self.value is None else {"unit": self.unit, "value": self.value}
        return {"frequency": frequency, "amount": None if self.amount is None else self.amount.json()}
