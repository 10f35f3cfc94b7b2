"""Property tests (hypothesis): whatever arrives, verification and the receivers end only in
their documented outcomes (issue 19, finding 9).

Everything a sender did not sign, and everything an SNS signer signed but no Amazon Pay topic
sends, ends in a typed message or a :class:`NotificationVerificationError`, never another
exception; the receivers answer only the statuses their table lists. The envelopes are real
ones from ``SnsSigner`` with keys dropped or replaced by any JSON, timestamps with any offset
(year 1 at +14:00 cannot be read in UTC), and signed envelopes whose values are any text.
"""

from __future__ import annotations

import io
import json
import os
from datetime import timedelta, timezone
from typing import Any

import anyio
from hypothesis import given, settings
from hypothesis import strategies as st

from amazonpay.notifications import (
    AsyncNotificationVerifier,
    Notification,
    NotificationVerificationError,
    NotificationVerifier,
    SubscriptionConfirmation,
    UnsubscribeConfirmation,
    asgi_receiver,
    wsgi_receiver,
)
from tests.support.sns import NOW, signer

SCALE = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "explore" else 1
SETTINGS = settings(max_examples=100 * SCALE, deadline=None, database=None)
#: What a receiver may answer (README, "Ready-made endpoints"); 500 only when a callback
#: raises, and the callbacks here do not.
RECEIVER_STATUSES = {200, 400, 405, 411, 413, 503}
ENVELOPE_KEYS = [
    "Type",
    "MessageId",
    "TopicArn",
    "Subject",
    "Message",
    "Timestamp",
    "SignatureVersion",
    "Signature",
    "SigningCertURL",
    "SubscribeURL",
    "Token",
    "UnsubscribeURL",
]
SIGNED_KEYS = ["Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SubscribeURL", "Token"]
MESSAGES = (Notification, SubscriptionConfirmation, UnsubscribeConfirmation)

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)  # any text a signer can encode
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
offset = st.timedeltas(min_value=-timedelta(hours=23, minutes=59), max_value=timedelta(hours=23, minutes=59))
timestamp = st.one_of(
    st.sampled_from(
        ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999-14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]
    ),
    st.builds(lambda moment, shift: moment.replace(tzinfo=timezone(shift)).isoformat(), st.datetimes(), offset),
    st.builds(lambda moment: moment.isoformat(), st.datetimes()),  # no offset at all
    text,
)
inner_message = st.one_of(
    st.builds(json.dumps, st.dictionaries(st.sampled_from(["ObjectType", "objectId", "ObjectId", "x"]), json_value)),
    text,
)


def real_envelope(kind: str) -> dict[str, Any]:
    body = {
        "Notification": signer().notification,
        "SubscriptionConfirmation": signer().subscription_confirmation,
        "UnsubscribeConfirmation": signer().unsubscribe_confirmation,
    }[kind]()
    return dict(json.loads(body))


@st.composite
def unsigned_bodies(draw: st.DrawFn) -> bytes:
    """A real envelope with keys dropped or replaced, or bytes that are no envelope at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    fields = real_envelope(
        draw(st.sampled_from(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]))
    )
    if draw(st.booleans()):  # the signature is checked last: a forged time meets every check before it
        fields["Timestamp"] = draw(timestamp)
    for key in draw(st.lists(st.sampled_from(ENVELOPE_KEYS), max_size=3, unique=True)):
        choice = draw(st.sampled_from(["drop", "json", "text"]))
        if choice == "drop":
            fields.pop(key, None)
        else:
            fields[key] = draw({"json": json_value, "text": text}[choice])
    return json.dumps(fields).encode()


@st.composite
def signed_bodies(draw: st.DrawFn) -> str:
    """An envelope the trusted signer signed, whose values are any text: what a topic not pinned may send."""
    kind = draw(st.sampled_from(["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"]))
    fields = {key: value for key, value in real_envelope(kind).items() if key in SIGNED_KEYS}
    fields["Timestamp"] = draw(timestamp)
    fields["Message"] = draw(inner_message)
    for key in draw(st.lists(st.sampled_from([k for k in SIGNED_KEYS if k != "Type"]), max_size=3, unique=True)):
        fields[key] = draw(text)
    return signer().sign(fields, signature_version=draw(st.sampled_from(["1", "2"])))


def verifiers() -> list[NotificationVerifier]:
    return [
        NotificationVerifier(fetcher=signer().fetch, clock=lambda: NOW),
        NotificationVerifier(fetcher=signer().fetch, clock=lambda: NOW, max_age=timedelta(hours=1)),
    ]


def assert_documented(verify: Any) -> None:
    try:
        message = verify()
    except NotificationVerificationError:
        return
    assert isinstance(message, MESSAGES)


@SETTINGS
@given(body=unsigned_bodies())
def test_any_unsigned_body_is_a_message_or_a_verification_error(body: bytes) -> None:
    for verifier in verifiers():
        assert_documented(lambda verifier=verifier: verifier.verify(body))


@SETTINGS
@given(body=signed_bodies())
def test_any_signed_value_is_a_message_or_a_verification_error(body: str) -> None:
    for verifier in verifiers():
        assert_documented(lambda verifier=verifier: verifier.verify(body))


@SETTINGS
@given(body=unsigned_bodies())
def test_the_async_verifier_ends_the_same_way(body: bytes) -> None:
    verifier = AsyncNotificationVerifier(fetcher=signer().fetch_async, clock=lambda: NOW, max_age=timedelta(hours=1))
    assert_documented(lambda: anyio.run(verifier.verify, body))


content_length = st.one_of(
    st.none(),
    # Digits as a sender may write them: zero-padded, and past the 4 300 that int() reads.
    st.builds(
        lambda pad, digit, count: "0" * pad + digit * count,
        st.integers(0, 5000),
        st.sampled_from("123456789"),
        st.integers(1, 6000),
    ),
    st.sampled_from(["-1", " 12", "1e3", "١٢"]),  # the last: Arabic-Indic digits
    text,
)
method = st.one_of(st.just("POST"), st.sampled_from(["GET", "PUT", "post", ""]))
request_body = st.one_of(unsigned_bodies(), st.builds(lambda: signer().notification().encode()))


@SETTINGS
@given(method=method, length=content_length, body=request_body)
def test_the_wsgi_receiver_answers_only_its_documented_statuses(method: str, length: str | None, body: bytes) -> None:
    handled: list[Notification] = []
    app = wsgi_receiver(NotificationVerifier(fetcher=signer().fetch, clock=lambda: NOW), handled.append)
    environ: dict[str, Any] = {"REQUEST_METHOD": method, "wsgi.input": io.BytesIO(body)}
    if length is not None:
        environ["CONTENT_LENGTH"] = length
    statuses: list[str] = []

    app(environ, lambda status, headers: statuses.append(status))  # type: ignore[arg-type,return-value]

    assert int(statuses[0].split()[0]) in RECEIVER_STATUSES


@SETTINGS
@given(method=method, length=content_length, body=request_body, split=st.integers(0, 300))
def test_the_asgi_receiver_answers_only_its_documented_statuses(
    method: str, length: str | None, body: bytes, split: int
) -> None:
    async def on_notification(notification: Notification) -> None:
        pass

    app = asgi_receiver(AsyncNotificationVerifier(fetcher=signer().fetch_async, clock=lambda: NOW), on_notification)
    headers = [] if length is None else [(b"content-length", length.encode("utf-8"))]
    incoming = [
        {"type": "http.request", "body": body[:split], "more_body": True},
        {"type": "http.request", "body": body[split:], "more_body": False},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(event: dict[str, Any]) -> None:
        sent.append(event)

    scope = {"type": "http", "method": method, "path": "/ipn", "headers": headers}
    anyio.run(app, scope, receive, send)

    assert sent[0]["status"] in RECEIVER_STATUSES
