"""amazonpay.notifications: SNS messages parsed, verified (SignatureVersion 1 and 2) or refused.

The messages come from amazonpay.testing.SnsSigner, which follows AWS's documentation on its
own (no code shared with the verifier); a real recorded SNS message was also checked by hand
(see the README's notifications section).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

import amazonpay
from amazonpay.notifications import (
    AsyncNotificationVerifier,
    Notification,
    NotificationFailure,
    NotificationType,
    NotificationVerificationError,
    NotificationVerifier,
    ObjectType,
    SubscriptionConfirmation,
    UnsubscribeConfirmation,
)
from amazonpay.testing import SnsSigner
from tests.support.sns import NOW, AsyncSpy, Spy, envelope_secrets, signer, watch_sns_secrets

VERSIONS = ["1", "2"]
KINDS = ["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]


@pytest.fixture(autouse=True)
def _sns_secrets(secrets_stay_secret: None, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    watch_sns_secrets(request, monkeypatch)


@pytest.fixture
def spy() -> Spy:
    return Spy()


@pytest.fixture
def verifier(spy: Spy) -> NotificationVerifier:
    return NotificationVerifier(fetcher=spy, clock=lambda: NOW)


def body_of(kind: str, version: str, sns: SnsSigner | None = None) -> str:
    sns = sns or signer()
    if kind == "Notification":
        return sns.notification(subject="Amazon Pay", signature_version=version)  # type: ignore[arg-type]
    if kind == "SubscriptionConfirmation":
        return sns.subscription_confirmation(signature_version=version)  # type: ignore[arg-type]
    return sns.unsubscribe_confirmation(signature_version=version)  # type: ignore[arg-type]


def edited(body: str, **changes: Any) -> str:
    """The body with keys replaced (a value of ``...`` removes the key), signature left as it was."""
    fields = json.loads(body)
    for key, value in changes.items():
        if value is ...:
            del fields[key]
        else:
            fields[key] = value
    return json.dumps(fields)


def refusal(verify: Callable[[], object]) -> NotificationVerificationError:
    with pytest.raises(NotificationVerificationError) as caught:
        verify()
    return caught.value


# --- both signature versions, every message type ------------------------------------------
@pytest.mark.parametrize("version", VERSIONS)
def test_a_notification_verifies_and_is_typed(verifier: NotificationVerifier, version: str) -> None:
    sns = signer()
    body = sns.notification(
        object_type="REFUND",
        object_id="S01-1111111-2222222-R000001",
        charge_permission_id="S01-1111111-2222222",
        notification_type="STATE_CHANGE",
        notification_id="b5bd6c05-8f8f-4e1c-8a2c-0c7c4b0a1f11",
        message_id="0d9ab8a3-1c4e-5f1e-9d0e-3c2b1a0f9e8d",
        signature_version=version,  # type: ignore[arg-type]
    )

    notification = verifier.verify(body.encode())  # bytes, as a framework hands it over

    assert isinstance(notification, Notification)
    assert notification.object_type is ObjectType.REFUND
    assert notification.object_id == "S01-1111111-2222222-R000001"
    assert notification.charge_permission_id == "S01-1111111-2222222"
    assert notification.merchant_id == sns.merchant_id
    assert notification.notification_type is NotificationType.STATE_CHANGE
    assert notification.notification_id == "b5bd6c05-8f8f-4e1c-8a2c-0c7c4b0a1f11"
    assert notification.deduplication_key == "b5bd6c05-8f8f-4e1c-8a2c-0c7c4b0a1f11"
    assert notification.notification_version == "V2"
    assert notification.sns_message_id == "0d9ab8a3-1c4e-5f1e-9d0e-3c2b1a0f9e8d"
    assert notification.timestamp == NOW
    assert notification.topic_arn == sns.topic_arn
    assert notification.raw == body
    assert notification.message["ObjectId"] == "S01-1111111-2222222-R000001"


@pytest.mark.parametrize("version", VERSIONS)
def test_subscription_messages_verify_and_are_typed(verifier: NotificationVerifier, version: str) -> None:
    subscribe = verifier.verify(body_of("SubscriptionConfirmation", version))
    unsubscribe = verifier.verify(body_of("UnsubscribeConfirmation", version))

    assert isinstance(subscribe, SubscriptionConfirmation)
    assert isinstance(unsubscribe, UnsubscribeConfirmation)
    for message in (subscribe, unsubscribe):
        assert message.topic_arn == signer().topic_arn
        assert message.timestamp == NOW
        assert message.subscribe_url.startswith("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&")
        assert message.token in message.subscribe_url
    assert subscribe.token not in signer().confirmed  # verifying confirms nothing


def test_the_str_body_and_the_bytes_body_give_the_same_message(verifier: NotificationVerifier) -> None:
    body = signer().notification(notification_id="n-1", message_id="m-1")
    assert verifier.verify(body) == verifier.verify(body.encode())


# --- every field of the canonical string tampered fails ------------------------------------
def tampered(value: str) -> str:
    """One character changed in the middle, to another of its kind (a timestamp stays a timestamp)."""
    i = len(value) // 2
    while not value[i].isalnum():
        i += 1
    c = value[i]
    if c.isdigit():
        swap = str((int(c) + 1) % 10)
    elif c.isupper():
        swap = "A" if c == "Z" else chr(ord(c) + 1)
    else:
        swap = "a" if c == "z" else chr(ord(c) + 1)
    return value[:i] + swap + value[i + 1 :]


def every_key(kind: str) -> list[str]:
    return list(json.loads(body_of(kind, "1")))


TAMPER_CASES = [
    pytest.param(kind, version, key, id=f"{kind}-v{version}-{key}")
    for kind in KINDS
    for version in VERSIONS
    for key in every_key(kind)
    if key != "UnsubscribeURL"  # SNS does not sign it (test_unsigned_fields_are_not_exposed)
]
#: A refusal other than a bad signature, where the tampering breaks something checked first.
TAMPER_REASONS = {
    "SigningCertURL": NotificationFailure.CERT_FETCH_FAILED,  # another SNS certificate, not served here
}


@pytest.mark.parametrize(("kind", "version", "key"), TAMPER_CASES)
def test_tampering_with_any_field_is_refused(verifier: NotificationVerifier, kind: str, version: str, key: str) -> None:
    body = body_of(kind, version)
    original = json.loads(body)[key]
    if key == "Type":
        # The two confirmations sign the same keys: swapping them leaves the signature to catch it.
        value = {"Notification": "Notification ", "SubscriptionConfirmation": "UnsubscribeConfirmation"}.get(
            original, "SubscriptionConfirmation"
        )
    elif key == "SignatureVersion":
        value = "2" if original == "1" else "1"
    else:
        value = tampered(original)
    assert value != original
    verifier.verify(body)  # the untouched message verifies

    error = refusal(lambda: verifier.verify(edited(body, **{key: value})))

    expected = TAMPER_REASONS.get(key, NotificationFailure.BAD_SIGNATURE)
    if (key, original) == ("Type", "Notification"):
        expected = NotificationFailure.UNKNOWN_TYPE
    assert error.reason is expected


@pytest.mark.parametrize("version", VERSIONS)
def test_adding_or_removing_the_subject_is_refused(verifier: NotificationVerifier, version: str) -> None:
    with_subject = signer().notification(subject="Amazon Pay", signature_version=version)  # type: ignore[arg-type]
    without_subject = signer().notification(signature_version=version)  # type: ignore[arg-type]

    assert (
        refusal(lambda: verifier.verify(edited(with_subject, Subject=...))).reason is NotificationFailure.BAD_SIGNATURE
    )
    assert refusal(lambda: verifier.verify(edited(without_subject, Subject="x"))).reason is (
        NotificationFailure.BAD_SIGNATURE
    )


def test_a_null_subject_counts_as_absent_as_in_aws_validators(verifier: NotificationVerifier) -> None:
    body = signer().notification()
    assert isinstance(verifier.verify(edited(body, Subject=None)), Notification)


def test_unsigned_fields_are_not_exposed(verifier: NotificationVerifier) -> None:
    # SNS signs neither UnsubscribeURL nor, on a Notification, SubscribeURL or Token: a changed
    # value still verifies, so no typed field may come from them.
    body = edited(
        signer().notification(),
        UnsubscribeURL="https://evil.example/unsubscribe",
        SubscribeURL="https://evil.example/subscribe",
        Token="t",
    )
    notification = verifier.verify(body)
    assert isinstance(notification, Notification)
    typed = json.dumps(
        {
            field.name: str(getattr(notification, field.name))
            for field in dataclasses.fields(notification)
            if field.name != "raw"
        }
    )
    assert "evil.example" not in typed


def test_a_certificate_other_than_the_signers_is_refused(spy: Spy) -> None:
    other = SnsSigner(clock=lambda: NOW)
    spy.answer = lambda url: other.certificate_pem  # the right URL, another key
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW)

    assert refusal(lambda: verifier.verify(signer().notification())).reason is NotificationFailure.BAD_SIGNATURE


@pytest.mark.parametrize(
    ("signature", "why"),
    [("", "empty"), ("not base64!", "not base64"), ("QUJD", "too short"), ("QUJD\nREVG", "a newline")],
)
def test_a_signature_that_is_not_one_is_refused(verifier: NotificationVerifier, signature: str, why: str) -> None:
    body = edited(signer().notification(), Signature=signature)
    assert refusal(lambda: verifier.verify(body)).reason is NotificationFailure.BAD_SIGNATURE


def test_a_valid_signature_in_a_loose_encoding_is_refused(verifier: NotificationVerifier) -> None:
    # Lenient base64 would drop the newline and verify: one signature, one encoding.
    body = signer().notification()
    signature = json.loads(body)["Signature"]
    loose = edited(body, Signature=signature[:40] + "\n" + signature[40:])
    assert refusal(lambda: verifier.verify(loose)).reason is NotificationFailure.BAD_SIGNATURE


# --- shape: refused before any fetch --------------------------------------------------------
SHAPE_CASES = [
    pytest.param(b"\xff\xfe{}", NotificationFailure.BAD_JSON, id="not UTF-8"),
    pytest.param("Type=Notification", NotificationFailure.BAD_JSON, id="not JSON"),
    pytest.param("", NotificationFailure.BAD_JSON, id="empty"),
    pytest.param("[]", NotificationFailure.BAD_JSON, id="an array"),
    pytest.param('"Notification"', NotificationFailure.BAD_JSON, id="a string"),
    pytest.param("[" * 100_000, NotificationFailure.BAD_JSON, id="nested too deep"),
    pytest.param('{"Type": "Notification", "Type": "Notification"}', NotificationFailure.BAD_JSON, id="a key twice"),
    pytest.param("{}", NotificationFailure.MISSING_KEY, id="no Type"),
    pytest.param('{"Type": "Event"}', NotificationFailure.UNKNOWN_TYPE, id="unknown Type"),
    pytest.param('{"Type": ["Notification"]}', NotificationFailure.UNKNOWN_TYPE, id="Type not a string"),
]


@pytest.mark.parametrize(("body", "reason"), SHAPE_CASES)
def test_a_body_that_is_not_an_sns_message_is_refused(
    verifier: NotificationVerifier, spy: Spy, body: bytes | str, reason: NotificationFailure
) -> None:
    assert refusal(lambda: verifier.verify(body)).reason is reason
    assert spy.calls == []


def test_a_body_of_another_type_is_refused_as_a_configuration_error(verifier: NotificationVerifier) -> None:
    with pytest.raises(amazonpay.ConfigurationError, match="raw request body"):
        verifier.verify(json.loads(signer().notification()))  # type: ignore[arg-type]


REQUIRED = {
    "Notification": [
        "Type",
        "MessageId",
        "TopicArn",
        "Message",
        "Timestamp",
        "SignatureVersion",
        "Signature",
        "SigningCertURL",
    ],
}
REQUIRED["SubscriptionConfirmation"] = REQUIRED["UnsubscribeConfirmation"] = [
    *REQUIRED["Notification"],
    "SubscribeURL",
    "Token",
]


@pytest.mark.parametrize(
    ("kind", "key"), [pytest.param(kind, key, id=f"{kind}-{key}") for kind in KINDS for key in REQUIRED[kind][1:]]
)
def test_a_missing_key_is_refused_before_any_fetch(
    verifier: NotificationVerifier, spy: Spy, kind: str, key: str
) -> None:
    error = refusal(lambda: verifier.verify(edited(body_of(kind, "2"), **{key: ...})))
    assert error.reason is NotificationFailure.MISSING_KEY
    assert key in str(error)
    assert spy.calls == []


@pytest.mark.parametrize("key", ["MessageId", "Message", "Timestamp", "Signature", "SigningCertURL", "Subject"])
@pytest.mark.parametrize("value", [1, True, {"a": "b"}, ["x"]], ids=["number", "bool", "object", "array"])
def test_a_value_that_is_not_a_string_is_refused_before_any_fetch(
    verifier: NotificationVerifier, spy: Spy, key: str, value: object
) -> None:
    error = refusal(lambda: verifier.verify(edited(signer().notification(), **{key: value})))
    assert error.reason is NotificationFailure.BAD_MESSAGE
    assert spy.calls == []


@pytest.mark.parametrize("version", ["3", "", "1 ", "01", "SHA256"])
def test_an_unknown_signature_version_is_refused_before_any_fetch(
    verifier: NotificationVerifier, spy: Spy, version: str
) -> None:
    error = refusal(lambda: verifier.verify(edited(signer().notification(), SignatureVersion=version)))
    assert error.reason is NotificationFailure.UNSUPPORTED_SIGNATURE_VERSION
    assert spy.calls == []


def test_a_lone_surrogate_in_a_signed_value_is_refused(verifier: NotificationVerifier) -> None:
    body = edited(signer().notification()).replace('"Message": "', '"Message": "\\ud800', 1)
    assert refusal(lambda: verifier.verify(body)).reason is NotificationFailure.BAD_MESSAGE


# --- the Amazon Pay message inside -------------------------------------------------------
def signed_notification(message: dict[str, Any] | str) -> str:
    return signer().notification(message=message)


def test_an_unknown_object_type_is_kept_not_refused(verifier: NotificationVerifier) -> None:
    body = signed_notification(
        {"ObjectType": "REPORT", "ObjectId": "R1", "NotificationType": "SOMETHING_NEW", "NotificationId": "n"}
    )
    notification = verifier.verify(body)
    assert isinstance(notification, Notification)
    assert notification.object_type == "REPORT"
    assert not isinstance(notification.object_type, ObjectType)
    assert notification.notification_type == "SOMETHING_NEW"


@pytest.mark.parametrize("object_type", list(ObjectType))
def test_every_documented_object_type_is_typed(verifier: NotificationVerifier, object_type: ObjectType) -> None:
    notification = verifier.verify(
        signer().notification(object_type=object_type.value, notification_type="ATTRIBUTE_CHANGE")
    )
    assert isinstance(notification, Notification)
    assert notification.object_type is object_type
    assert notification.notification_type is NotificationType.ATTRIBUTE_CHANGE


def test_the_inner_message_keys_are_read_case_insensitively(verifier: NotificationVerifier) -> None:
    # The v1 page of the docs shows camelCase, the current one PascalCase with MerchantID.
    body = signed_notification(
        {
            "merchantID": "M1",
            "objectType": "CHARGE",
            "objectId": "C1",
            "chargePermissionId": "P1",
            "notificationType": "STATE_CHANGE",
            "notificationId": "N1",
            "notificationVersion": "V2",
        }
    )
    notification = verifier.verify(body)
    assert isinstance(notification, Notification)
    assert (notification.merchant_id, notification.object_type, notification.object_id) == ("M1", "CHARGE", "C1")
    assert (notification.charge_permission_id, notification.notification_id) == ("P1", "N1")
    assert notification.notification_version == "V2"


def test_optional_inner_keys_may_be_absent(verifier: NotificationVerifier) -> None:
    notification = verifier.verify(signed_notification({"ObjectType": "CHARGE", "ObjectId": "C1"}))
    assert isinstance(notification, Notification)
    assert notification.merchant_id is notification.notification_id is notification.notification_type is None
    assert notification.deduplication_key == f"sns:{notification.sns_message_id}"


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("<xml/>", id="not JSON (an MWS-era IPN)"),
        pytest.param("[1]", id="not an object"),
        pytest.param({"ObjectId": "C1"}, id="no ObjectType"),
        pytest.param({"ObjectType": "CHARGE"}, id="no ObjectId"),
        pytest.param({"ObjectType": "CHARGE", "ObjectId": ""}, id="empty ObjectId"),
        pytest.param({"ObjectType": "CHARGE", "ObjectId": 7}, id="ObjectId a number"),
        pytest.param({"ObjectType": "CHARGE", "ObjectId": "C1", "objectId": "C2"}, id="two casings, two values"),
        pytest.param('{"ObjectType": "CHARGE", "ObjectId": "C1", "ObjectId": "C2"}', id="a key twice"),
    ],
)
def test_an_unreadable_amazon_pay_message_is_refused(verifier: NotificationVerifier, message: Any) -> None:
    assert refusal(lambda: verifier.verify(signed_notification(message))).reason in (
        NotificationFailure.BAD_MESSAGE,
        NotificationFailure.BAD_JSON,
    )


def test_an_unreadable_timestamp_is_refused(verifier: NotificationVerifier) -> None:
    fields = json.loads(signer().notification())
    fields["Timestamp"] = "yesterday"
    body = signer().sign({key: fields[key] for key in ("Type", "MessageId", "TopicArn", "Message", "Timestamp")})
    assert refusal(lambda: verifier.verify(body)).reason is NotificationFailure.BAD_MESSAGE


# --- duplicates -------------------------------------------------------------------------
def test_a_notification_is_immutable_and_hashable(verifier: NotificationVerifier) -> None:
    notification = verifier.verify(signer().notification())
    assert isinstance(notification, Notification)
    with pytest.raises(TypeError):
        notification.message["ObjectId"] = "other"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        notification.object_id = "other"  # type: ignore[misc]
    assert len({notification, verifier.verify(notification.raw)}) == 1


def test_a_duplicated_delivery_is_recognisable(verifier: NotificationVerifier) -> None:
    body = signer().notification(notification_id="dup-1")
    republished = signer().notification(notification_id="dup-1")  # same notification, new SNS message
    handled: dict[str, Notification] = {}
    delivered = [verifier.verify(body), verifier.verify(body), verifier.verify(republished)]

    for notification in delivered:
        assert isinstance(notification, Notification)
        handled.setdefault(notification.deduplication_key, notification)

    assert list(handled) == ["dup-1"]
    assert delivered[0] == delivered[1]
    assert delivered[0].sns_message_id == delivered[1].sns_message_id != delivered[2].sns_message_id  # type: ignore[union-attr]


# --- options: topics, age, certificate dates --------------------------------------------
def test_expected_topics_pass_and_others_are_refused_before_any_fetch(spy: Spy) -> None:
    # SNS signs any topic's messages: pinning the topic is what makes a message Amazon Pay's.
    body = signer().notification()
    accepting = NotificationVerifier(topic_arns=[signer().topic_arn], fetcher=spy, clock=lambda: NOW)
    refusing = NotificationVerifier(
        topic_arns={"arn:aws:sns:us-east-1:123456789012:other"}, fetcher=spy, clock=lambda: NOW
    )

    error = refusal(lambda: refusing.verify(body))
    assert error.reason is NotificationFailure.UNEXPECTED_TOPIC
    assert spy.calls == []
    assert isinstance(accepting.verify(body), Notification)


def test_topic_arns_may_be_any_iterable(spy: Spy) -> None:
    verifier = NotificationVerifier(topic_arns=(arn for arn in [signer().topic_arn]), fetcher=spy, clock=lambda: NOW)
    assert isinstance(verifier.verify(signer().notification()), Notification)


@pytest.mark.parametrize("topic_arns", ["arn:aws:sns:us-east-1:123456789012:t", [], [1], iter([])])
def test_topic_arns_must_be_a_collection_of_arns(topic_arns: Any) -> None:
    with pytest.raises(amazonpay.ConfigurationError, match="topic_arns"):
        NotificationVerifier(topic_arns=topic_arns)


@pytest.mark.parametrize("max_age", [0, 300, timedelta(0), timedelta(seconds=-1)])
def test_max_age_must_be_a_positive_timedelta(max_age: Any) -> None:
    with pytest.raises(amazonpay.ConfigurationError, match="max_age"):
        NotificationVerifier(max_age=max_age)


@pytest.mark.parametrize("cache_size", [0, -1, True, 1.5])
def test_cache_size_must_be_a_positive_int(cache_size: Any) -> None:
    with pytest.raises(amazonpay.ConfigurationError, match="cache_size"):
        NotificationVerifier(cache_size=cache_size)


def test_age_is_not_checked_by_default(spy: Spy) -> None:
    # SNS redelivers with the original Timestamp; a week-old retry is still a real message.
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW + timedelta(days=7))
    assert isinstance(verifier.verify(signer().notification()), Notification)


@pytest.mark.parametrize(
    ("now", "accepted"),
    [
        (NOW + timedelta(minutes=59), True),
        (NOW + timedelta(minutes=61), False),  # too old
        (NOW - timedelta(minutes=61), False),  # from the future
    ],
)
def test_max_age_refuses_old_and_future_messages_before_any_fetch(spy: Spy, now: Any, accepted: bool) -> None:
    verifier = NotificationVerifier(max_age=timedelta(hours=1), fetcher=spy, clock=lambda: now)
    body = signer().notification()
    if accepted:
        assert isinstance(verifier.verify(body), Notification)
    else:
        assert refusal(lambda: verifier.verify(body)).reason is NotificationFailure.TIMESTAMP_OUT_OF_RANGE
        assert spy.calls == []


#: Times with an offset that datetime cannot hold once read in UTC (issue 19, finding 9).
OUT_OF_RANGE_IN_UTC = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999-14:00"]


@pytest.mark.parametrize("timestamp", OUT_OF_RANGE_IN_UTC)
def test_a_forged_timestamp_beyond_utc_is_refused_before_any_fetch(spy: Spy, timestamp: str) -> None:
    # Unsigned input must end in NotificationVerificationError: this one raised OverflowError.
    verifier = NotificationVerifier(max_age=timedelta(hours=1), fetcher=spy, clock=lambda: NOW)

    error = refusal(lambda: verifier.verify(edited(signer().notification(), Timestamp=timestamp)))

    assert error.reason is NotificationFailure.BAD_MESSAGE
    assert spy.calls == []


@pytest.mark.parametrize("timestamp", OUT_OF_RANGE_IN_UTC)
def test_a_signed_timestamp_beyond_utc_is_refused_not_a_crash(verifier: NotificationVerifier, timestamp: str) -> None:
    fields = {**json.loads(signer().notification()), "Timestamp": timestamp}
    body = signer().sign({key: fields[key] for key in ("Type", "MessageId", "TopicArn", "Message", "Timestamp")})

    assert refusal(lambda: verifier.verify(body)).reason is NotificationFailure.BAD_MESSAGE


@pytest.mark.parametrize("offset", [timedelta(days=-2), timedelta(days=3660)], ids=["before", "after"])
def test_a_certificate_outside_its_dates_is_refused_at_the_clocks_time(spy: Spy, offset: timedelta) -> None:
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW + offset)
    error = refusal(lambda: verifier.verify(signer().notification()))
    assert error.reason is NotificationFailure.BAD_CERTIFICATE
    assert "clock=" in str(error)


# --- the certificate: fetched once, refused when it is not one ---------------------------
def test_the_certificate_is_fetched_once_and_cached(verifier: NotificationVerifier, spy: Spy) -> None:
    for _ in range(3):
        verifier.verify(signer().notification())
    assert spy.calls == [signer().cert_url]


def test_the_cache_is_bounded(spy: Spy) -> None:
    other = SnsSigner(clock=lambda: NOW, region="eu-west-1")
    spy.answer = lambda url: (other if url == other.cert_url else signer()).fetch(url)
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW, cache_size=1)

    for sns in (signer(), other, signer(), signer()):
        verifier.verify(sns.notification())

    assert spy.calls == [signer().cert_url, other.cert_url, signer().cert_url]


def test_a_fetch_that_fails_is_refused_and_not_cached(verifier: NotificationVerifier, spy: Spy) -> None:
    answer = spy.answer
    spy.answer = lambda url: (_ for _ in ()).throw(ConnectionError("connection refused"))

    error = refusal(lambda: verifier.verify(signer().notification()))
    assert error.reason is NotificationFailure.CERT_FETCH_FAILED
    assert isinstance(error.__cause__, ConnectionError)
    assert "connection refused" in str(error)

    spy.answer = answer
    assert isinstance(verifier.verify(signer().notification()), Notification)
    assert len(spy.calls) == 2


def ec_certificate_pem() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "sns.us-east-1.amazonaws.com")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


@pytest.mark.parametrize(
    "pem",
    [b"", b"<html>Access Denied</html>", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "ec"],
    ids=["empty", "html", "broken PEM", "EC key"],
)
def test_a_certificate_that_is_not_an_rsa_certificate_is_refused(spy: Spy, pem: bytes | str) -> None:
    served = ec_certificate_pem() if pem == "ec" else pem
    spy.answer = lambda url: served  # type: ignore[assignment, return-value]
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW)
    assert refusal(lambda: verifier.verify(signer().notification())).reason is NotificationFailure.BAD_CERTIFICATE


# --- the async verifier -----------------------------------------------------------------
@pytest.mark.anyio
@pytest.mark.parametrize("version", VERSIONS)
async def test_the_async_verifier_verifies_through_an_async_fetcher(version: str) -> None:
    spy = AsyncSpy()
    verifier = AsyncNotificationVerifier(fetcher=spy, clock=lambda: NOW)

    notification = await verifier.verify(signer().notification(signature_version=version))  # type: ignore[arg-type]
    await verifier.verify(signer().notification())
    tampered_body = edited(signer().notification(), MessageId="forged")
    with pytest.raises(NotificationVerificationError) as caught:
        await verifier.verify(tampered_body)
    error = caught.value

    assert isinstance(notification, Notification)
    assert spy.calls == [signer().cert_url]
    assert error.reason is NotificationFailure.BAD_SIGNATURE


@pytest.mark.anyio
async def test_the_async_verifier_refuses_hostile_urls_before_fetching() -> None:
    spy = AsyncSpy()
    verifier = AsyncNotificationVerifier(fetcher=spy, clock=lambda: NOW)
    body = signer().sign(json.loads(signer().notification()), cert_url="https://evil.example/cert.pem")
    with pytest.raises(NotificationVerificationError) as caught:
        await verifier.verify(body)
    assert caught.value.reason is NotificationFailure.BAD_CERT_URL
    assert spy.calls == []


@pytest.mark.anyio
async def test_the_async_verifier_confirms_on_request() -> None:
    spy = AsyncSpy()
    verifier = AsyncNotificationVerifier(fetcher=spy, clock=lambda: NOW)
    confirmation = await verifier.verify(signer().subscription_confirmation())
    assert isinstance(confirmation, SubscriptionConfirmation)
    assert spy.calls == [signer().cert_url]

    arn = await verifier.confirm(confirmation)

    assert arn is not None
    assert arn.startswith(signer().topic_arn + ":")
    assert spy.calls[-1] == confirmation.subscribe_url
    assert confirmation.token in signer().confirmed


# --- confirming subscriptions, only when asked --------------------------------------------
def test_confirm_gets_the_subscribe_url_through_the_fetcher(verifier: NotificationVerifier, spy: Spy) -> None:
    confirmation = verifier.verify(signer().subscription_confirmation())
    assert isinstance(confirmation, SubscriptionConfirmation)
    assert spy.calls == [signer().cert_url]  # verifying visited nothing else

    arn = verifier.confirm(confirmation)

    assert arn is not None
    assert arn.startswith(signer().topic_arn + ":")
    assert spy.calls == [signer().cert_url, confirmation.subscribe_url]
    assert confirmation.token in signer().confirmed


def test_an_unsubscribe_confirmation_cannot_be_confirmed(verifier: NotificationVerifier, spy: Spy) -> None:
    unsubscribed = verifier.verify(signer().unsubscribe_confirmation())
    with pytest.raises(amazonpay.ConfigurationError, match="subscribe again"):
        verifier.confirm(unsubscribed)  # type: ignore[arg-type]
    assert spy.calls == [signer().cert_url]


def hostile_subscribe_urls(topic: str, token: str) -> list[str]:
    good = f"https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn={topic}&Token={token}"
    query = good.split("?", 1)[1]
    return [
        good.replace("https://", "http://"),
        good.replace("sns.us-east-1.amazonaws.com", "sns.us-east-1.amazonaws.com.evil.example"),
        good.replace("sns.us-east-1.amazonaws.com", "evil.example@sns.us-east-1.amazonaws.com"),
        good.replace("sns.us-east-1.amazonaws.com", "sns.us-east-1.amazonaws.com:8443"),
        good.replace("sns.us-east-1.amazonaws.com/", "sns.us-east-1.amazonaws.com/x"),
        good.replace("Action=ConfirmSubscription", "Action=Subscribe"),
        good.replace("Action=ConfirmSubscription", "Action=ConfirmSubscription&Action=Unsubscribe"),
        good + "&Endpoint=https://evil.example",
        good + "&Endpoint=evil.example",
        good + "&Action=ConfirmSubscription",
        good + "#fragment",
        good.replace(token, token[:-1] + ("0" if token[-1] != "0" else "1")),
        good.replace(topic, topic + "-other"),
        f"https://evil.example/?{query}",
        f"https://sns.s3-us-west-2.amazonaws.com/?{query}",
        good + "\n",
        good.replace("&Token=", "&Token=%ZZ"),
    ]


@pytest.mark.parametrize("index", range(len(hostile_subscribe_urls("arn:aws:sns:us-east-1:1:t", "token"))))
def test_confirm_rechecks_the_subscribe_url_before_any_fetch(
    verifier: NotificationVerifier, spy: Spy, index: int
) -> None:
    confirmation = verifier.verify(signer().subscription_confirmation())
    assert isinstance(confirmation, SubscriptionConfirmation)
    hostile = hostile_subscribe_urls(confirmation.topic_arn, confirmation.token)[index]
    forged = dataclasses.replace(confirmation, subscribe_url=hostile)
    calls = list(spy.calls)

    error = refusal(lambda: verifier.confirm(forged))

    assert error.reason is NotificationFailure.BAD_SUBSCRIBE_URL
    assert spy.calls == calls
    assert confirmation.token not in str(error)


def test_a_failed_confirmation_is_refused_without_the_token(verifier: NotificationVerifier, spy: Spy) -> None:
    confirmation = verifier.verify(signer().subscription_confirmation())
    assert isinstance(confirmation, SubscriptionConfirmation)

    def fail(url: str) -> bytes:
        raise ConnectionError(f"could not reach {url}")

    spy.answer = fail
    error = refusal(lambda: verifier.confirm(confirmation))

    assert error.reason is NotificationFailure.CONFIRM_FAILED
    assert "<SubscribeURL>" in str(error)
    assert confirmation.token not in str(error)
    assert error.__cause__ is None
    assert error.__context__ is None  # not even the context: the fetcher's error may hold SubscribeURL


# --- secrets and asserts -------------------------------------------------------------------
def refusals_of_every_kind(verifier: NotificationVerifier) -> list[tuple[str, NotificationVerificationError]]:
    """Bodies with secrets inside, each refused for another reason."""
    sns = signer()
    subscription = sns.subscription_confirmation()
    cases = {  # each refused for another reason
        "bad signature": edited(subscription, MessageId="forged"),
        "bad cert url": edited(subscription, SigningCertURL="https://evil.example/x.pem"),
        "missing key": edited(subscription, Token=...),
        "bad version": edited(subscription, SignatureVersion="9"),
        "not a string": edited(subscription, Message=5),
        "unknown type": edited(subscription, Type="Other"),
        "fetch failed": edited(subscription, SigningCertURL="https://sns.us-east-1.amazonaws.com/none.pem"),
        "dup key": subscription[:-2] + f',\n  "Signature" : {json.dumps(json.loads(subscription)["Signature"])}\n}}',
    }
    found = []
    for body in cases.values():
        with pytest.raises(NotificationVerificationError) as caught:
            verifier.verify(body)
        found.append((body, caught.value))
    return found


def test_refusals_never_show_the_signature_or_the_token(verifier: NotificationVerifier) -> None:
    refusals = refusals_of_every_kind(verifier)
    assert len({error.reason for _, error in refusals}) == len(refusals)
    for body, error in refusals:
        shown = f"{error}{error!r}{error.args}{error.__cause__!r}"
        for secret in envelope_secrets(body):
            assert secret not in shown


def test_reprs_never_show_the_signature_or_the_token(verifier: NotificationVerifier) -> None:
    for body in (signer().notification(), signer().subscription_confirmation(), signer().unsubscribe_confirmation()):
        message = verifier.verify(body)
        for secret in envelope_secrets(body):
            assert secret not in repr(message)
            assert secret not in str(message)


def test_verification_holds_under_python_O() -> None:
    # No check may be an assert: run refusals in an interpreter that strips them.
    script = textwrap.dedent(
        """
        import json, sys
        from datetime import UTC, datetime
        from amazonpay.notifications import NotificationVerifier, NotificationVerificationError
        from amazonpay.testing import SnsSigner

        assert False, "asserts are on"  # stripped under -O: reaching the next line proves it
        sns = SnsSigner()
        verifier = NotificationVerifier(fetcher=sns.fetch)
        body = sns.notification()
        verifier.verify(body)
        fields = json.loads(body)
        forged = [
            json.dumps({**fields, "MessageId": "forged"}),
            json.dumps({**fields, "SignatureVersion": "3"}),
            sns.sign(dict(fields), cert_url="https://evil.example/x.pem"),
            json.dumps({key: value for key, value in fields.items() if key != "Signature"}),
        ]
        reasons = []
        for body in forged:
            try:
                verifier.verify(body)
            except NotificationVerificationError as error:
                reasons.append(str(error.reason))
        print(json.dumps(reasons))
        """
    )
    result = subprocess.run(
        [sys.executable, "-O", "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == [
        "bad_signature",
        "unsupported_signature_version",
        "bad_cert_url",
        "missing_key",
    ]


def test_import_amazonpay_does_not_import_notifications() -> None:
    script = (
        "import sys, amazonpay; "
        "print(sorted(m for m in sys.modules if 'notifications' in m or m == 'cryptography.x509'))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_the_error_is_in_the_amazonpay_error_tree() -> None:
    assert issubclass(NotificationVerificationError, amazonpay.AmazonPayError)
    assert issubclass(NotificationVerificationError, ValueError)
    assert amazonpay.NotificationVerificationError is NotificationVerificationError


# --- review of issue 19: "from None" kept the fetcher's error, SubscribeURL and all, as __context__ --
@pytest.mark.anyio
async def test_a_failed_async_confirmation_keeps_no_error_that_holds_the_token() -> None:
    def fail(url: str) -> bytes:
        raise ConnectionError(f"could not reach {url}")

    verifier = AsyncNotificationVerifier(fetcher=AsyncSpy(), clock=lambda: NOW)
    confirmation = await verifier.verify(signer().subscription_confirmation())
    assert isinstance(confirmation, SubscriptionConfirmation)
    verifier.fetcher = AsyncSpy(fail)
    with pytest.raises(NotificationVerificationError) as raised:
        await verifier.confirm(confirmation)
    assert raised.value.reason is NotificationFailure.CONFIRM_FAILED
    assert (raised.value.__cause__, raised.value.__context__) == (None, None)
