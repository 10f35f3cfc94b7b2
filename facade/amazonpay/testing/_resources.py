"""The four objects the simulator stores, and their JSON form (field names of the effective spec)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Final

from ._journal import Journaled
from ._values import Money, timestamp

RELEASE_ENVIRONMENT: Final = "Sandbox"

# Checkout Session constraints and their descriptions (docs, "Type: constraint").
CONSTRAINTS: Final[dict[str, str]] = {
    "BuyerNotAssociated": (
        "There is no buyer associated with the Checkout Session. "
        "Return the checkout session id to the Amazon Pay Button to allow buyer to login."
    ),
    "ChargeAmountNotSet": "chargeAmount is not set.",
    "CheckoutResultReturnUrlNotSet": "checkoutResultReturnUrl is not set.",
    "PaymentIntentNotSet": "paymentIntent is not set.",
}

# Where the buyer is sent once the merchant has set every detail.
REDIRECT_HOSTS: Final[dict[str, str]] = {
    "na": "payments.amazon.com",
    "eu": "payments.amazon.eu",
    "jp": "payments.amazon.co.jp",
}
DEFAULT_CURRENCIES: Final[dict[str, str]] = {"na": "USD", "eu": "EUR", "jp": "JPY"}
DEFAULT_ADDRESSES: Final[dict[str, dict[str, Any]]] = {
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
PAYMENT_DESCRIPTOR: Final = "Visa ****1111 (Amazon Pay)"
MERCHANT_METADATA_FIELDS: Final = ("merchantReferenceId", "merchantStoreName", "noteToBuyer", "customInformation")


@dataclass(frozen=True)
class Status:
    """``statusDetails``: state, reason and when the state last changed."""

    state: str
    updated: datetime
    reason_code: str | None = None
    reason_description: str | None = None

    def json(self) -> dict[str, Any]:
        """The ``StatusDetails`` object."""
        return {
            "state": self.state,
            "reasonCode": self.reason_code,
            "reasonDescription": self.reason_description,
            "lastUpdatedTimestamp": timestamp(self.updated),
        }


@dataclass
class Pending(Journaled):
    """An asynchronous outcome waiting to settle: what it becomes and how long it has waited.

    ``amount`` is what a pending capture captures.
    """

    since: datetime
    state: str
    reason_code: str | None = None
    amount: Money | None = None
    reads: int = 0


def merchant_metadata(values: dict[str, Any]) -> dict[str, Any]:
    """All four merchantMetadata fields, unset ones as null (as in the docs' examples)."""
    return {name: values.get(name) for name in MERCHANT_METADATA_FIELDS}


@dataclass
class CheckoutSession(Journaled):
    """A buyer's checkout: Open -> Completed | Canceled."""

    id: str
    region: str
    store_id: str
    review_url: str | None  # none when the buyer does not return to a review page
    status: Status
    created: datetime
    expires: datetime
    result_url: str | None = None
    payment_intent: str | None = None
    can_handle_pending: bool = False
    charge_amount: Money | None = None
    presentment_currency: str | None = None
    charge_permission_type: str = "OneTime"
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    provider_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None
    delivery_specifications: dict[str, Any] | None = None
    buyer: dict[str, Any] | None = None
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    charge_permission_id: str | None = None
    charge_id: str | None = None

    def constraints(self) -> list[str]:
        """Ids of the constraints still to be resolved (none once the session left Open)."""
        if self.status.state != "Open":
            return []
        unresolved = {
            "BuyerNotAssociated": self.buyer is None,
            "ChargeAmountNotSet": self.charge_amount is None,
            "CheckoutResultReturnUrlNotSet": self.result_url is None,
            "PaymentIntentNotSet": self.payment_intent is None,
        }
        return [name for name, missing in unresolved.items() if missing]

    def redirect_url(self) -> str | None:
        """``amazonPayRedirectUrl``: set once every merchant-side detail is set."""
        if self.charge_amount is None or self.result_url is None or self.payment_intent is None:
            return None
        return f"https://{REDIRECT_HOSTS[self.region]}/checkout?amazonCheckoutSessionId={self.id}"

    def currency(self) -> str:
        """The presentment currency: as set, else the charge amount's, else the region's."""
        if self.presentment_currency is not None:
            return self.presentment_currency
        if self.charge_amount is not None:
            return self.charge_amount.currency
        return DEFAULT_CURRENCIES[self.region]

    def json(self) -> dict[str, Any]:
        """The ``CheckoutSession`` object; buyer details only while Open (docs, buyer)."""
        is_open = self.status.state == "Open"
        preferences = None
        if is_open and self.buyer is not None:
            preferences = [{"paymentDescriptor": PAYMENT_DESCRIPTOR, "billingAddress": self.billing_address}]
        return {
            "checkoutSessionId": self.id,
            "webCheckoutDetails": {
                "checkoutReviewReturnUrl": self.review_url,
                "checkoutResultReturnUrl": self.result_url,
                "amazonPayRedirectUrl": self.redirect_url(),
            },
            "productType": "PayAndShip",
            "paymentDetails": {
                "paymentIntent": self.payment_intent,
                "canHandlePendingAuthorization": self.can_handle_pending,
                "chargeAmount": self.charge_amount.json() if self.charge_amount else None,
                "softDescriptor": None,
                "presentmentCurrency": self.currency(),
            },
            "chargePermissionType": self.charge_permission_type,
            "merchantMetadata": merchant_metadata(self.merchant_metadata),
            "supplementaryData": None,
            "buyer": dict(self.buyer) if is_open and self.buyer is not None else None,
            "paymentPreferences": preferences,
            "statusDetails": self.status.json(),
            "shippingAddress": dict(self.shipping_address) if self.shipping_address is not None else None,
            "platformId": self.platform_id,
            "chargePermissionId": self.charge_permission_id,
            "chargeId": self.charge_id,
            "constraints": [{"constraintId": c, "description": CONSTRAINTS[c]} for c in self.constraints()],
            "creationTimestamp": timestamp(self.created),
            "expirationTimestamp": timestamp(self.expires),
            "storeId": self.store_id,
            "deliverySpecifications": self.delivery_specifications,
            "providerMetadata": {"providerReferenceId": self.provider_metadata.get("providerReferenceId")},
            "checkoutButtonText": None,
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }


@dataclass
class ChargePermission(Journaled):
    """The buyer's consent to be charged: Chargeable -> Closed."""

    OBJECT_TYPE: ClassVar[str] = "CHARGE_PERMISSION"  # its ObjectType in notifications

    id: str
    type: str
    currency: str
    buyer: dict[str, Any]
    status: Status
    created: datetime
    limit: Money | None = None  # OneTime: the order total
    expires: datetime | None = None  # OneTime: 180 days
    shipping_address: dict[str, Any] | None = None
    billing_address: dict[str, Any] | None = None
    merchant_metadata: dict[str, Any] = field(default_factory=dict)
    platform_id: str | None = None

    def json(self, balance: Money | None) -> dict[str, Any]:
        """The ``ChargePermission`` object; ``balance`` is what can still be charged (OneTime)."""
        body: dict[str, Any] = {
            "chargePermissionId": self.id,
            "chargePermissionType": self.type,
            "buyer": dict(self.buyer),
            "statusDetails": self.status.json(),
            "creationTimestamp": timestamp(self.created),
            "merchantMetadata": merchant_metadata(self.merchant_metadata),
            "platformId": self.platform_id,
            "presentmentCurrency": self.currency,
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }
        if self.shipping_address is not None:
            body["shippingAddress"] = dict(self.shipping_address)
        if self.billing_address is not None:
            body["billingAddress"] = dict(self.billing_address)
        if self.limit is not None and balance is not None:
            body["limits"] = {"amountLimit": self.limit.json(), "amountBalance": balance.json()}
        if self.expires is not None:
            body["expirationTimestamp"] = timestamp(self.expires)
        return body

    @property
    def permission_id(self) -> str:
        """Its own id (the ChargePermissionId of its notifications)."""
        return self.id


@dataclass
class Charge(Journaled):
    """One payment: (AuthorizationInitiated) -> Authorized -> (CaptureInitiated) -> Captured, or Canceled / Declined."""

    OBJECT_TYPE: ClassVar[str] = "CHARGE"

    id: str
    permission_id: str
    amount: Money
    status: Status
    created: datetime
    expires: datetime
    captured: Money
    refunded: Money
    capture_now: bool = False
    can_handle_pending: bool = False
    soft_descriptor: str | None = None
    provider_metadata: dict[str, Any] = field(default_factory=dict)
    pending: Pending | None = None

    def json(self) -> dict[str, Any]:
        """The ``Charge`` object."""
        return {
            "chargeId": self.id,
            "chargePermissionId": self.permission_id,
            "chargeAmount": self.amount.json(),
            "captureAmount": self.captured.json(),
            "refundedAmount": self.refunded.json(),
            "convertedAmount": None,
            "conversionRate": None,
            "softDescriptor": self.soft_descriptor,
            "captureNow": self.capture_now,
            "canHandlePendingAuthorization": self.can_handle_pending,
            "providerMetadata": {"providerReferenceId": self.provider_metadata.get("providerReferenceId")},
            "statusDetails": self.status.json(),
            "creationTimestamp": timestamp(self.created),
            "expirationTimestamp": timestamp(self.expires),
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }


@dataclass
class Refund(Journaled):
    """Money back on a captured charge: RefundInitiated -> Refunded | Declined."""

    OBJECT_TYPE: ClassVar[str] = "REFUND"

    id: str
    charge_id: str
    permission_id: str
    amount: Money
    status: Status
    created: datetime
    soft_descriptor: str | None = None
    pending: Pending | None = None

    def json(self) -> dict[str, Any]:
        """The ``Refund`` object."""
        body: dict[str, Any] = {
            "refundId": self.id,
            "chargeId": self.charge_id,
            "refundAmount": self.amount.json(),
            "statusDetails": self.status.json(),
            "creationTimestamp": timestamp(self.created),
            "releaseEnvironment": RELEASE_ENVIRONMENT,
        }
        if self.soft_descriptor is not None:
            body["softDescriptor"] = self.soft_descriptor
        return body
