"""Addresses: the simulated buyer's, the one a merchant sends at the end of checkout, and matching them.

- The buyer's address book holds one address per region (:data:`DEFAULT_ADDRESSES`); the
  buyer's step may choose another one.
- At the end of checkout (``checkoutMode`` ProcessOrder) the merchant sends the address the
  buyer typed in the shop as ``addressDetails`` (docs amazon-pay-checkout/end-of-checkout.html:
  "the buyer has already manually entered their shipping address in your shop. You must provide
  this info"); it has ``districtOrCounty`` where an Address has ``county`` and ``district``
  (.NET ``AddressDetails.cs``). The simulator answers it as the session's shipping address,
  ``districtOrCounty`` as ``county`` (its decision: no source shows the answer).
- Finalize Checkout Session sends back the address Amazon shared, which must match it (docs
  amazon-pay-buy-now-checkout/verify-and-complete-checkout.html); null and absent are the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ._errors import Reason, SandboxError

DEFAULT_ADDRESSES: Final[Mapping[str, Mapping[str, Any]]] = {
    "na": {
        "name": "Susie Smith",
        "addressLine1": "10 Ditka Ave",
        "addressLine2": "Suite 2500",
        "addressLine3": None,
        "city": "Chicago",
        "county": None,
        "district": None,
        "stateOrRegion": "IL",
        "postalCode": "60602",
        "countryCode": "US",
        "phoneNumber": "800-000-0000",
    },
    "eu": {
        "name": "Erika Mustermann",
        "addressLine1": "Marktplatz 1",
        "addressLine2": None,
        "addressLine3": None,
        "city": "Berlin",
        "county": None,
        "district": None,
        "stateOrRegion": "Berlin",
        "postalCode": "10115",
        "countryCode": "DE",
        "phoneNumber": "030 0000000",
    },
    "jp": {
        "name": "Hanako Yamada",
        "addressLine1": "1-1 Chiyoda",
        "addressLine2": None,
        "addressLine3": None,
        "city": "Chiyoda-ku",
        "county": None,
        "district": None,
        "stateOrRegion": "Tokyo",
        "postalCode": "100-0001",
        "countryCode": "JP",
        "phoneNumber": "03-0000-0000",
    },
}
ADDRESS_FIELDS: Final = tuple(DEFAULT_ADDRESSES["na"])


def from_address_details(details: Mapping[str, Any]) -> dict[str, Any]:
    """A merchant's ``addressDetails`` as the Address the session shows (every field, unset ones null)."""
    return {name: details.get("districtOrCounty" if name == "county" else name) for name in ADDRESS_FIELDS}


def _set_fields(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """An address without its unset fields: null and absent mean the same."""
    return {name: item for name, item in (value or {}).items() if item is not None}


def require_same(sent: Mapping[str, Any] | None, shared: Mapping[str, Any] | None, name: str) -> None:
    """Refuse ``sent`` (InvalidParameterValue) unless it is the address Amazon shared as ``name``; None passes."""
    if sent is None:
        return
    if shared is None:
        raise SandboxError(
            Reason.InvalidParameterValue, f"{name} was sent, but Amazon shared no {name} for this buyer."
        )
    sent_fields, shared_fields = _set_fields(sent), _set_fields(shared)
    if sent_fields != shared_fields:
        differing = sorted(
            k for k in sent_fields.keys() | shared_fields.keys() if sent_fields.get(k) != shared_fields.get(k)
        )
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"{name} does not match the address Amazon shared (differs in {', '.join(differing)}); "
            "send the address Get Checkout Session shows.",
        )
