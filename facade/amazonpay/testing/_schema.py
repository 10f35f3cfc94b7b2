"""Request body rules of the 13 operations, as declared by the effective spec, and their check.

A small declarative form of the request schemas (the package has no YAML or JSON Schema
dependency at run time). Failures map to the documented reason codes: a missing required
field is ``MissingParameterValue``, a field the operation does not know is
``UnrecognizedField``, a wrong type, pattern, length or value is ``InvalidParameterValue``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from ._errors import Reason, SandboxError

AMOUNT: Final = re.compile(r"^[0-9]+(\.[0-9]+)?$")
CURRENCY: Final = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Str:
    """A JSON string."""

    max_length: int | None = None
    pattern: re.Pattern[str] | None = None
    enum: tuple[str, ...] | None = None
    uri: bool = False
    nullable: bool = False
    hint: str = "a string"


@dataclass(frozen=True)
class Bool:
    """A JSON boolean."""

    nullable: bool = False


@dataclass(frozen=True)
class Arr:
    """A JSON array of one kind of item."""

    items: Spec
    nullable: bool = False


@dataclass(frozen=True)
class Obj:
    """A JSON object with known fields, or a map when ``values`` is given."""

    fields: Mapping[str, Spec] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    values: Spec | None = None
    nullable: bool = False


Spec = Str | Bool | Arr | Obj


def _obj(fields: Mapping[str, Spec], *required: str) -> Obj:
    return Obj(fields=fields, required=frozenset(required))


def _text(max_length: int | None = None, *, nullable: bool = False) -> Str:
    return Str(max_length=max_length, nullable=nullable)


URL: Final = Str(max_length=1024, uri=True, hint="an absolute http(s) URL")
PRICE: Final = _obj(
    {
        "amount": Str(pattern=AMOUNT, hint="a decimal string such as 14.00"),
        "currencyCode": Str(pattern=CURRENCY, hint="an ISO 4217 code such as USD"),
    },
    "amount",
    "currencyCode",
)
MERCHANT_METADATA: Final = _obj(
    {
        "merchantReferenceId": _text(256, nullable=True),
        "merchantStoreName": _text(50, nullable=True),
        "noteToBuyer": _text(255, nullable=True),
        "customInformation": _text(4096, nullable=True),
    }
)
PROVIDER_METADATA: Final = _obj({"providerReferenceId": _text(nullable=True)})
DELIVERY_SPECIFICATIONS: Final = _obj(
    {
        "specialRestrictions": Arr(Str(enum=("RestrictPOBoxes", "RestrictPackstations"))),
        "addressRestrictions": _obj(
            {
                "type": Str(enum=("Allowed", "NotAllowed")),
                "restrictions": Obj(values=_obj({"statesOrRegions": Arr(_text()), "zipCodes": Arr(_text())})),
            }
        ),
    }
)
PAYMENT_INTENT: Final = Str(enum=("Confirm", "Authorize", "AuthorizeWithCapture"))
PAYMENT_DETAILS: Final = _obj(
    {
        "chargeAmount": PRICE,
        "paymentIntent": PAYMENT_INTENT,
        "canHandlePendingAuthorization": Bool(),
        "presentmentCurrency": Str(pattern=CURRENCY, hint="an ISO 4217 code such as USD"),
    }
)
ADDRESS: Final = _obj(
    {
        "name": _text(50),
        "addressLine1": _text(180),
        "addressLine2": _text(60, nullable=True),
        "addressLine3": _text(60, nullable=True),
        "city": _text(50),
        "county": _text(50, nullable=True),
        "district": _text(50, nullable=True),
        "stateOrRegion": _text(50),
        "postalCode": _text(20),
        "countryCode": _text(3),
        "phoneNumber": _text(20, nullable=True),
    }
)
SOFT_DESCRIPTOR: Final = _text(16)

CREATE_CHECKOUT_SESSION: Final = _obj(
    {
        "webCheckoutDetails": _obj(
            {"checkoutReviewReturnUrl": URL, "checkoutResultReturnUrl": URL}, "checkoutReviewReturnUrl"
        ),
        "storeId": _text(),
        "paymentDetails": PAYMENT_DETAILS,
        "merchantMetadata": MERCHANT_METADATA,
        "chargePermissionType": Str(enum=("OneTime", "Recurring")),
        "deliverySpecifications": DELIVERY_SPECIFICATIONS,
        "platformId": _text(),
        "providerMetadata": PROVIDER_METADATA,
    },
    "webCheckoutDetails",
    "storeId",
)
UPDATE_CHECKOUT_SESSION: Final = _obj(
    {
        "webCheckoutDetails": _obj({"checkoutReviewReturnUrl": URL, "checkoutResultReturnUrl": URL}),
        "paymentDetails": PAYMENT_DETAILS,
        "merchantMetadata": MERCHANT_METADATA,
        "shippingAddress": ADDRESS,
        "platformId": _text(),
        "providerMetadata": PROVIDER_METADATA,
    }
)
COMPLETE_CHECKOUT_SESSION: Final = _obj({"chargeAmount": PRICE}, "chargeAmount")
CREATE_CHARGE: Final = _obj(
    {
        "chargePermissionId": _text(),
        "chargeAmount": PRICE,
        "captureNow": Bool(),
        "softDescriptor": SOFT_DESCRIPTOR,
        "canHandlePendingAuthorization": Bool(),
        "providerMetadata": PROVIDER_METADATA,
    },
    "chargePermissionId",
    "chargeAmount",
)
CAPTURE_CHARGE: Final = _obj({"captureAmount": PRICE, "softDescriptor": SOFT_DESCRIPTOR}, "captureAmount")
CANCEL_CHARGE: Final = _obj({"cancellationReason": _text()}, "cancellationReason")
UPDATE_CHARGE_PERMISSION: Final = _obj({"merchantMetadata": MERCHANT_METADATA})
CLOSE_CHARGE_PERMISSION: Final = _obj({"closureReason": _text(), "cancelPendingCharges": Bool()}, "closureReason")
CREATE_REFUND: Final = _obj(
    {"chargeId": _text(), "refundAmount": PRICE, "softDescriptor": SOFT_DESCRIPTOR}, "chargeId", "refundAmount"
)


def parse_body(body: bytes, spec: Obj) -> dict[str, Any]:
    """The JSON object in ``body`` checked against ``spec``; an empty body counts as ``{}``."""
    if not body.strip():
        document: Any = {}
    else:
        try:
            document = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SandboxError(Reason.InvalidRequestFormat, f"The request body is not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise SandboxError(Reason.InvalidRequestFormat, "The request body must be a JSON object.")
    check(document, spec, "")
    return document


def _invalid(path: str, expected: str, value: object) -> SandboxError:
    shown = json.dumps(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return SandboxError(
        Reason.InvalidParameterValue, f"Invalid value for parameter {path}: {shown}; expected {expected}."
    )


def check(value: object, spec: Spec, path: str) -> None:
    """Raise the service's 400 answer if ``value`` does not satisfy ``spec``."""
    if value is None:
        if not spec.nullable:
            raise _invalid(path, "a value, not null", value)
        return
    if isinstance(spec, Obj):
        _check_object(value, spec, path)
    elif isinstance(spec, Arr):
        if not isinstance(value, list):
            raise _invalid(path, "an array", value)
        for index, item in enumerate(value):
            check(item, spec.items, f"{path}[{index}]")
    elif isinstance(spec, Bool):
        if not isinstance(value, bool):
            raise _invalid(path, "true or false", value)
    else:
        _check_string(value, spec, path)


def _check_object(value: object, spec: Obj, path: str) -> None:
    if not isinstance(value, dict):
        raise _invalid(path or "body", "an object", value)
    prefix = f"{path}." if path else ""
    if spec.values is None:
        unknown = sorted(set(value) - set(spec.fields))
        if unknown:
            raise SandboxError(
                Reason.UnrecognizedField,
                f"{prefix}{unknown[0]} is not a recognized field. Accepted fields: {', '.join(spec.fields)}.",
            )
    for name in sorted(spec.required):
        item = value.get(name)
        if item is None or item == "":
            raise SandboxError(Reason.MissingParameterValue, f"Missing value for required parameter {prefix}{name}.")
    for name, item in value.items():
        item_spec = spec.values if spec.values is not None else spec.fields[name]
        check(item, item_spec, f"{prefix}{name}")


def _check_string(value: object, spec: Str, path: str) -> None:
    if not isinstance(value, str):
        raise _invalid(path, spec.hint, value)
    if spec.max_length is not None and len(value) > spec.max_length:
        raise _invalid(path, f"at most {spec.max_length} characters", value)
    if spec.pattern is not None and not spec.pattern.match(value):
        raise _invalid(path, spec.hint, value)
    if spec.enum is not None and value not in spec.enum:
        raise _invalid(path, "one of " + ", ".join(spec.enum), value)
    if spec.uri:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _invalid(path, spec.hint, value)
