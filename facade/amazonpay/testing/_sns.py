"""SnsSigner: a stand-in for Amazon SNS that signs Amazon Pay notifications, for offline tests.

It makes a certificate authority and a signing certificate, builds the envelopes SNS posts
(Notification, SubscriptionConfirmation, UnsubscribeConfirmation; SignatureVersion 1 or 2)
around an Amazon Pay message, and serves its certificate, and the ConfirmSubscription
answer, through :meth:`SnsSigner.fetch` (and :meth:`SnsSigner.fetch_async`), which plug into
a verifier's ``fetcher=``::

    sns = SnsSigner()
    verifier = NotificationVerifier(fetcher=sns.fetch)
    notification = verifier.verify(sns.notification(object_type="REFUND", object_id=refund_id))

It follows AWS's documentation on its own and shares no code with the verifier, so that a
test of one against the other can fail.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Final, Literal
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

SignatureVersion = Literal["1", "2"]

#: What SNS signs, per message type and in this order ("Verifying the signatures of Amazon SNS
#: messages", AWS SNS developer guide); optional keys are signed when present.
_SIGNED_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "Notification": ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
    "SubscriptionConfirmation": ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
    "UnsubscribeConfirmation": ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
}
_DIGESTS: Final[Mapping[str, Callable[[], hashes.HashAlgorithm]]] = {"1": hashes.SHA1, "2": hashes.SHA256}
#: The order SNS writes an envelope's keys in (the examples in the SNS developer guide).
_ENVELOPE_ORDER: Final = (
    "Type",
    "MessageId",
    "Token",
    "TopicArn",
    "Subject",
    "Message",
    "SubscribeURL",
    "Timestamp",
    "SignatureVersion",
    "Signature",
    "SigningCertURL",
    "UnsubscribeURL",
)


def _sns_time(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return f"{moment.year:04d}{moment:-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"  # %Y is unpadded below 1000


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


class SnsSigner:
    """Signs SNS envelopes with a certificate it makes; thread-safe.

    Args:
        region: the AWS region of the topic and of the certificate URL.
        topic_arn: the topic every message comes from (an Amazon Pay-like one by default).
        signature_version: the default for messages ("1", SHA1withRSA, is what Amazon Pay's
            topics use today; "2" is SHA256withRSA).
        clock: the time messages are stamped with; the certificate is valid from a day
            before the first reading to ten years after.
        merchant_id: the MerchantID of notifications.

    """

    def __init__(
        self,
        *,
        region: str = "us-east-1",
        topic_arn: str | None = None,
        signature_version: SignatureVersion = "1",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        merchant_id: str = "A1TESTMERCHANT0",
    ) -> None:
        self.region = region
        self.topic_arn = topic_arn or f"arn:aws:sns:{region}:123456789012:amazon-pay-{merchant_id}"
        self.signature_version: SignatureVersion = signature_version
        self.clock = clock
        self.merchant_id = merchant_id
        start = clock() - timedelta(days=1)
        ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca = (
            x509.CertificateBuilder()
            .subject_name(_name("amazonpay.testing SNS root CA"))
            .issuer_name(_name("amazonpay.testing SNS root CA"))
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        host = f"sns.{region}.amazonaws.com"
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(host))
            .issuer_name(ca.subject)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        #: The CA that issued the signing certificate (PEM).
        self.ca_certificate_pem = ca.public_bytes(serialization.Encoding.PEM)
        #: The certificate whose key signs every message (PEM): what ``cert_url`` serves.
        self.certificate_pem = certificate.public_bytes(serialization.Encoding.PEM)
        digest = hashlib.sha256(self.certificate_pem).hexdigest()[:32]
        #: Where messages say the certificate is, as SNS names it.
        self.cert_url = f"https://{host}/SimpleNotificationService-{digest}.pem"
        #: Every URL :meth:`fetch` was asked for, in order.
        self.fetched: list[str] = []
        #: The tokens of the subscriptions confirmed through :meth:`fetch`.
        self.confirmed: list[str] = []
        self._tokens: set[str] = set()
        self._lock = threading.Lock()

    # --- messages --------------------------------------------------------------------------
    def notification(
        self,
        *,
        object_type: str = "CHARGE",
        object_id: str = "S01-0000000-0000000-C000001",
        charge_permission_id: str | None = "S01-0000000-0000000",
        notification_type: str = "STATE_CHANGE",
        notification_id: str | None = None,
        message: Mapping[str, object] | str | None = None,
        subject: str | None = None,
        message_id: str | None = None,
        signature_version: SignatureVersion | None = None,
        timestamp: datetime | None = None,
    ) -> str:
        """The body of an SNS Notification carrying an Amazon Pay IPN v2 message.

        ``message`` replaces the Amazon Pay message entirely (a mapping is JSON-encoded, a
        ``str`` is sent as is); the other arguments fill the default one. ``timestamp`` is
        when SNS published it (default: the signer's clock).
        """
        if message is None:
            message = {
                "MerchantID": self.merchant_id,
                "ObjectType": object_type,
                "ObjectId": object_id,
                "ChargePermissionId": charge_permission_id,
                "NotificationType": notification_type,
                "NotificationId": notification_id or str(uuid.uuid4()),
                "NotificationVersion": "V2",
            }
        fields = {
            "Type": "Notification",
            "MessageId": message_id or str(uuid.uuid4()),
            "TopicArn": self.topic_arn,
            "Message": message if isinstance(message, str) else json.dumps(message),
            "Timestamp": _sns_time(self.clock() if timestamp is None else timestamp),
            "UnsubscribeURL": (
                f"https://sns.{self.region}.amazonaws.com/?Action=Unsubscribe"
                f"&SubscriptionArn={self.topic_arn}:{uuid.uuid4()}"
            ),
        }
        if subject is not None:
            fields["Subject"] = subject
        return self.sign(fields, signature_version=signature_version)

    def subscription_confirmation(self, *, signature_version: SignatureVersion | None = None) -> str:
        """The body of a SubscriptionConfirmation; :meth:`fetch` confirms its SubscribeURL."""
        return self._subscription_message(
            "SubscriptionConfirmation",
            f"You have chosen to subscribe to the topic {self.topic_arn}.\n"
            "To confirm the subscription, visit the SubscribeURL included in this message.",
            signature_version,
        )

    def unsubscribe_confirmation(self, *, signature_version: SignatureVersion | None = None) -> str:
        """The body of an UnsubscribeConfirmation."""
        return self._subscription_message(
            "UnsubscribeConfirmation",
            f"You have chosen to deactivate subscription to the topic {self.topic_arn}.\n"
            "To cancel this operation and restore the subscription, visit the SubscribeURL included in this message.",
            signature_version,
        )

    def _subscription_message(self, kind: str, text: str, signature_version: SignatureVersion | None) -> str:
        token = secrets.token_hex(128)
        with self._lock:
            self._tokens.add(token)
        fields = {
            "Type": kind,
            "MessageId": str(uuid.uuid4()),
            "Token": token,
            "TopicArn": self.topic_arn,
            "Message": text,
            "SubscribeURL": (
                f"https://sns.{self.region}.amazonaws.com/?Action=ConfirmSubscription"
                f"&TopicArn={self.topic_arn}&Token={token}"
            ),
            "Timestamp": _sns_time(self.clock()),
        }
        return self.sign(fields, signature_version=signature_version)

    def sign(
        self,
        fields: Mapping[str, str],
        *,
        signature_version: SignatureVersion | None = None,
        cert_url: str | None = None,
    ) -> str:
        """Sign any envelope ``fields`` (``Type`` chooses the signed keys) and return the JSON body.

        Adds ``SignatureVersion``, ``Signature`` and ``SigningCertURL`` (``cert_url`` names
        another certificate URL, for tests of URLs that must be refused).
        """
        version = signature_version or self.signature_version
        lines: list[str] = []
        for name in _SIGNED_FIELDS[fields["Type"]]:
            if name in fields:
                lines += [name, fields[name]]
        text_to_sign = "\n".join(lines) + "\n"
        signature = self._key.sign(text_to_sign.encode("utf-8"), padding.PKCS1v15(), _DIGESTS[version]())
        envelope = {
            **fields,
            "SignatureVersion": version,
            "Signature": base64.b64encode(signature).decode("ascii"),
            "SigningCertURL": self.cert_url if cert_url is None else cert_url,
        }
        ordered: dict[str, str] = {key: envelope[key] for key in _ENVELOPE_ORDER if key in envelope}
        ordered.update(envelope)
        return json.dumps(ordered, indent=2, separators=(",", " : "))

    # --- the fetcher -----------------------------------------------------------------------
    def fetch(self, url: str, /) -> bytes:
        """Serve what SNS serves; anything else raises ``LookupError`` (a 404).

        That is the certificate at ``cert_url``, and the ConfirmSubscription answer for a
        SubscribeURL this signer issued.
        """
        with self._lock:
            self.fetched.append(url)
            if url == self.cert_url:
                return self.certificate_pem
            parts = urlsplit(url)
            query = parse_qs(parts.query)
            token = query.get("Token", [""])[0]
            if (
                parts.scheme == "https"
                and parts.netloc == f"sns.{self.region}.amazonaws.com"
                and query.get("Action") == ["ConfirmSubscription"]
                and token in self._tokens
            ):
                self.confirmed.append(token)
                return (
                    '<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">'
                    f"<ConfirmSubscriptionResult><SubscriptionArn>{self.topic_arn}:{uuid.uuid4()}</SubscriptionArn>"
                    "</ConfirmSubscriptionResult>"
                    f"<ResponseMetadata><RequestId>{uuid.uuid4()}</RequestId></ResponseMetadata>"
                    "</ConfirmSubscriptionResponse>"
                ).encode()
        raise LookupError(f"404: the test SNS serves nothing at {url[:100]}")

    async def fetch_async(self, url: str, /) -> bytes:
        """The async twin of :meth:`fetch`."""
        return self.fetch(url)
