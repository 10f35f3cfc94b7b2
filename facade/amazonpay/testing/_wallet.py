"""The simulated buyers' Amazon accounts: who signs in, their address books, their payment instruments.

What Amazon's hosted pages offer a buyer (:mod:`._buyer_pages`): sign in as one of
:data:`BUYERS`, pick a shipping address from the region's address book (PayAndShip only,
docs amazon-pay-checkout/add-the-amazon-pay-button.html: "redirect the buyer to an Amazon Pay
hosted page where they can select their preferred shipping address and payment instrument")
and a payment instrument from :data:`INSTRUMENTS`.

Each instrument says what authorizing it does when the buyer is sent to
``amazonPayRedirectUrl`` ("The buyer is redirected to checkoutResultReturnUrl after Amazon Pay
has processed the transaction", docs amazon-pay-checkout/verify-and-complete-checkout.html),
with the outcomes Amazon documents for a charge (docs amazon-pay-api-v2/charge.html: reason
codes SoftDeclined, HardDeclined, TransactionTimedOut; canHandlePendingAuthorization):

- ``Authorized``: the payment goes through (the instrument ``AmazonPaySandbox.approve`` picks);
- ``SoftDeclined``: the hosted page asks the buyer for another instrument ("This recovery flow
  will be available in the Amazon Pay Decline page, hosted on Amazon Pay domain", Amazon's
  acquirer guide, amazon-pay-checkout/handle-authorization-declines.html);
- ``HardDeclined``: checkout fails; the session is Canceled with reason Declined and Complete
  Checkout Session answers CheckoutSessionCanceled ("Complete Checkout Session will return an
  error response for failed transactions. The buyer either canceled checkout or was unable to
  provide a valid payment instrument", docs verify-and-complete-checkout.html);
- ``Pending``: the authorization cannot be made at once: a merchant that can handle a pending
  authorization (canHandlePendingAuthorization) gets an AuthorizationInitiated charge that settles
  later; for one that cannot, it is declined as TransactionTimedOut, and the buyer picks another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ._addresses import DEFAULT_ADDRESSES


@dataclass(frozen=True)
class Instrument:
    """A payment instrument in the simulated buyer's wallet and what authorizing it does."""

    id: str
    descriptor: str  # paymentPreferences.paymentDescriptor
    outcome: str  # Authorized, SoftDeclined, HardDeclined or Pending


#: The first is the one ``AmazonPaySandbox.approve`` picks (and the one the charge permission names).
INSTRUMENTS: Final[tuple[Instrument, ...]] = (
    Instrument("visa-1111", "Visa ****1111 (Amazon Pay)", "Authorized"),
    Instrument("mastercard-4444", "Mastercard ****4444 (Amazon Pay)", "SoftDeclined"),
    Instrument("amex-0005", "American Express ****0005 (Amazon Pay)", "HardDeclined"),
    Instrument("discover-0000", "Discover ****0000 (Amazon Pay)", "Pending"),
)
INSTRUMENTS_BY_ID: Final[Mapping[str, Instrument]] = {instrument.id: instrument for instrument in INSTRUMENTS}
DEFAULT_INSTRUMENT: Final = INSTRUMENTS[0]

#: Who can sign in on the hosted pages: name and email (the buyerId is made at sign-in).
BUYERS: Final[tuple[Mapping[str, str], ...]] = (
    {"name": "Susie Smith", "email": "susie.smith@example.com"},
    {"name": "Jan Jansen", "email": "jan.jansen@example.com"},
)


def address_book(region: str) -> list[Mapping[str, Any]]:
    """The shipping addresses a buyer of ``region`` can pick: the region's default first, then a second one."""
    home = DEFAULT_ADDRESSES[region]
    office = {**home, "addressLine1": "1 Second Street", "addressLine2": None, "name": f"{home['name']} (office)"}
    return [home, office]
