"""What SNS delivers, as typed objects, and the strict reading of the envelope they come from."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final, TypeVar

from .._codes import NotificationFailure
from .._errors import ConfigurationError, NotificationVerificationError
from .._json import JsonValue


class ObjectType(StrEnum):
    """The Amazon Pay object a notification is about (a value not listed here stays a ``str``)."""

    CHARGE = "CHARGE"
    REFUND = "REFUND"
    CHARGE_PERMISSION = "CHARGE_PERMISSION"
    CHARGEBACK = "CHARGEBACK"  # the object id is a dispute id


class NotificationType(StrEnum):
    """What changed (a value not listed here stays a ``str``)."""

    STATE_CHANGE = "STATE_CHANGE"
    ATTRIBUTE_CHANGE = "ATTRIBUTE_CHANGE"


@dataclass(frozen=True, kw_only=True)
class Notification:
    """A verified Amazon Pay instant payment notification: which object changed, not how.

    Notifications carry no state: get the object (``object_type``, ``object_id``) to learn it.
    SNS delivers at least once and redelivers with the same ids: skip one whose
    ``deduplication_key`` you have already handled.

    Every field comes from the signed part of the message. ``raw`` is the body as received
    (keep it to re-verify later); beside the signed fields it holds unsigned ones
    (``UnsubscribeURL``, ``Signature``, ``SigningCertURL``).
    """

    object_type: ObjectType | str
    object_id: str
    charge_permission_id: str | None
    merchant_id: str | None
    notification_type: NotificationType | str | None
    notification_id: str | None
    notification_version: str | None
    sns_message_id: str
    timestamp: datetime
    topic_arn: str
    message: Mapping[str, JsonValue] = field(repr=False, hash=False)  # the inner Amazon Pay message, read-only
    raw: str = field(repr=False)

    @property
    def deduplication_key(self) -> str:
        """Amazon Pay's ``NotificationId``, or SNS's message id when Amazon Pay sent none.

        Both stay the same when SNS redelivers; Amazon Pay's also across republishing.
        """
        return self.notification_id if self.notification_id is not None else f"sns:{self.sns_message_id}"


@dataclass(frozen=True, kw_only=True)
class SubscriptionConfirmation:
    """SNS asks whether this endpoint wants the topic's messages.

    Never visited automatically: if you expect the subscription (check ``topic_arn``), pass it
    to the verifier's ``confirm``. Amazon Pay registers endpoints in Seller Central, so one of
    these is unusual: log it and look.
    """

    sns_message_id: str
    topic_arn: str
    timestamp: datetime
    message: str  # SNS's sentence for people
    token: str = field(repr=False)
    subscribe_url: str = field(repr=False)  # carries the token
    raw: str = field(repr=False)


@dataclass(frozen=True, kw_only=True)
class UnsubscribeConfirmation:
    """SNS reports that this endpoint was unsubscribed from the topic.

    ``subscribe_url`` would subscribe it again: nothing here visits it.
    """

    sns_message_id: str
    topic_arn: str
    timestamp: datetime
    message: str
    token: str = field(repr=False)
    subscribe_url: str = field(repr=False)
    raw: str = field(repr=False)


_E = TypeVar("_E", bound=StrEnum)
Message = Notification | SubscriptionConfirmation | UnsubscribeConfirmation

NOTIFICATION: Final = "Notification"
SUBSCRIPTION_CONFIRMATION: Final = "SubscriptionConfirmation"
UNSUBSCRIBE_CONFIRMATION: Final = "UnsubscribeConfirmation"
#: The keys each message type must have (AWS's validators require the same).
_REQUIRED: Final = (
    "Type",
    "MessageId",
    "TopicArn",
    "Message",
    "Timestamp",
    "SignatureVersion",
    "Signature",
    "SigningCertURL",
)
_REQUIRED_BY_TYPE: Final[Mapping[str, tuple[str, ...]]] = {
    NOTIFICATION: _REQUIRED,
    SUBSCRIPTION_CONFIRMATION: (*_REQUIRED, "SubscribeURL", "Token"),
    UNSUBSCRIBE_CONFIRMATION: (*_REQUIRED, "SubscribeURL", "Token"),
}


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two readers of one body must see one message: a repeated key could be read either way.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise NotificationVerificationError(NotificationFailure.BAD_JSON, f"the key {key[:40]!r} appears twice")
        result[key] = value
    return result


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except NotificationVerificationError:
        raise
    except json.JSONDecodeError as exc:
        raise NotificationVerificationError(NotificationFailure.BAD_JSON, f"{what} is not JSON ({exc.msg})") from None
    except (ValueError, RecursionError):  # an integer too long to read, nesting too deep
        raise NotificationVerificationError(
            NotificationFailure.BAD_JSON, f"{what} is JSON this reader refuses"
        ) from None
    if not isinstance(value, dict):
        raise NotificationVerificationError(
            NotificationFailure.BAD_JSON, f"{what} is a JSON {type(value).__name__}, not an object"
        )
    return value


def read_envelope(body: bytes | str) -> tuple[str, dict[str, str]]:
    """The body as text and the SNS envelope's string fields, checked for shape only (not trust).

    A ``null`` Subject counts as absent (as in AWS's validators); every other value SNS sends
    is a string, and a key SNS always sends must be there.
    """
    if isinstance(body, bytes | bytearray | memoryview):
        try:
            text = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise NotificationVerificationError(NotificationFailure.BAD_JSON, "the body is not UTF-8 text") from None
    elif isinstance(body, str):
        text = body
    else:
        raise ConfigurationError(
            f"body must be the raw request body as bytes or str (not parsed JSON), not {type(body).__name__}"
        )
    parsed = _json_object(text, "the body")
    if parsed.get("Subject", "") is None:
        del parsed["Subject"]
    kind = parsed.get("Type")
    if kind is None:
        raise NotificationVerificationError(
            NotificationFailure.MISSING_KEY, "the key 'Type' is missing: this is not an SNS message"
        )
    if not isinstance(kind, str) or kind not in _REQUIRED_BY_TYPE:
        raise NotificationVerificationError(
            NotificationFailure.UNKNOWN_TYPE,
            f"Type {str(kind)[:40]!r} is not Notification, SubscriptionConfirmation or UnsubscribeConfirmation",
        )
    for key in _REQUIRED_BY_TYPE[kind]:
        if key not in parsed:
            raise NotificationVerificationError(
                NotificationFailure.MISSING_KEY, f"the key {key!r} is missing from this {kind}"
            )
    fields: dict[str, str] = {}
    for key, value in parsed.items():
        if isinstance(value, str):
            fields[key] = value
        elif key in _REQUIRED_BY_TYPE[kind] or key == "Subject":
            raise NotificationVerificationError(
                NotificationFailure.BAD_MESSAGE, f"{key} is a JSON {type(value).__name__}, not a string"
            )
    return text, fields


def sns_timestamp(value: str) -> datetime:
    """SNS's ``Timestamp`` (ISO 8601 in UTC, ``2026-11-22T10:00:00.123Z``) as an aware datetime."""
    try:
        parsed = datetime.fromisoformat(value)
        # An offset can carry a time outside datetime's range once read in UTC (year 1 at +14:00).
        if parsed.tzinfo is not None:
            return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        pass
    raise NotificationVerificationError(
        NotificationFailure.BAD_MESSAGE, f"Timestamp {value[:40]!r} is not an ISO 8601 UTC time"
    )


def _inner_value(fields: Mapping[str, Any], key: str) -> str | None:
    value = fields.get(key.lower())
    if value is None or isinstance(value, str):
        return value
    raise NotificationVerificationError(
        NotificationFailure.BAD_MESSAGE, f"the Amazon Pay message's {key} is not a string"
    )


def _enum_or_str(enum: type[_E], value: str) -> _E | str:
    try:
        return enum(value)
    except ValueError:
        return value  # a value newer than this library: kept, not refused


def build_message(text: str, fields: Mapping[str, str]) -> Message:
    """The typed message of a verified envelope (the Amazon Pay message read case-insensitively)."""
    kind = fields["Type"]
    timestamp = sns_timestamp(fields["Timestamp"])
    if kind != NOTIFICATION:
        cls = SubscriptionConfirmation if kind == SUBSCRIPTION_CONFIRMATION else UnsubscribeConfirmation
        return cls(
            sns_message_id=fields["MessageId"],
            topic_arn=fields["TopicArn"],
            timestamp=timestamp,
            message=fields["Message"],
            token=fields["Token"],
            subscribe_url=fields["SubscribeURL"],
            raw=text,
        )
    inner = _json_object(fields["Message"], "the Amazon Pay message (the envelope's Message)")
    # The docs show both PascalCase (MerchantID) and camelCase (merchantID).
    folded: dict[str, Any] = {}
    for key, value in inner.items():
        if key.lower() in folded and folded[key.lower()] != value:
            raise NotificationVerificationError(
                NotificationFailure.BAD_MESSAGE, f"the Amazon Pay message has {key[:40]!r} twice, differently"
            )
        folded[key.lower()] = value
    object_type = _inner_value(folded, "ObjectType")
    object_id = _inner_value(folded, "ObjectId")
    if not object_type or not object_id:
        raise NotificationVerificationError(
            NotificationFailure.BAD_MESSAGE,
            "the Amazon Pay message has no ObjectType or ObjectId (is this topic Amazon Pay's?)",
        )
    notification_type = _inner_value(folded, "NotificationType")
    return Notification(
        object_type=_enum_or_str(ObjectType, object_type),
        object_id=object_id,
        charge_permission_id=_inner_value(folded, "ChargePermissionId"),
        merchant_id=_inner_value(folded, "MerchantID"),
        notification_type=None if notification_type is None else _enum_or_str(NotificationType, notification_type),
        notification_id=_inner_value(folded, "NotificationId"),
        notification_version=_inner_value(folded, "NotificationVersion"),
        sns_message_id=fields["MessageId"],
        timestamp=timestamp,
        topic_arn=fields["TopicArn"],
        message=MappingProxyType(inner),
        raw=text,
    )
