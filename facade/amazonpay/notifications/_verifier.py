"""Verifying SNS messages as AWS's validators do, and confirming subscriptions on request.

The recipe (AWS's PHP and JavaScript validators and "Verifying the signatures of Amazon SNS
messages" agree): the certificate URL is checked before anything is fetched; the string to
sign is each of the type's signed keys that is present, in order, as the key, a newline, the
JSON-decoded value and a newline; SignatureVersion "1" is RSA PKCS#1 v1.5 with SHA-1, "2"
with SHA-256. No check here is an ``assert``: each refusal raises, under ``python -O`` too.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .._codes import NotificationFailure
from .._errors import ConfigurationError, NotificationVerificationError
from .._transport import Clock, utc_now
from ._fetch import AsyncFetcher, AsyncHttpxFetcher, Fetcher, HttpxFetcher
from ._messages import (
    NOTIFICATION,
    SUBSCRIPTION_CONFIRMATION,
    UNSUBSCRIBE_CONFIRMATION,
    Message,
    SubscriptionConfirmation,
    build_message,
    read_envelope,
    sns_timestamp,
)
from ._urls import check_cert_url, check_subscribe_url

logger = logging.getLogger("amazonpay")

#: The signed keys of each message type, in signing order (AWS's "Verifying the signatures").
SIGNED_KEYS: Final[Mapping[str, tuple[str, ...]]] = {
    NOTIFICATION: ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
    SUBSCRIPTION_CONFIRMATION: ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
    UNSUBSCRIBE_CONFIRMATION: ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
}
_HASHES: Final[Mapping[str, type[hashes.HashAlgorithm]]] = {"1": hashes.SHA1, "2": hashes.SHA256}
_SUBSCRIPTION_ARN: Final = re.compile(r"<SubscriptionArn>([^<>]{1,512})</SubscriptionArn>")
DEFAULT_CACHE_SIZE: Final = 16


def string_to_sign(fields: Mapping[str, str]) -> bytes:
    """The bytes SNS signed: each signed key of the message's type that is present, with its value."""
    text = "".join(f"{key}\n{fields[key]}\n" for key in SIGNED_KEYS[fields["Type"]] if key in fields)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate escape (\ud800): no signer produced this
        raise NotificationVerificationError(
            NotificationFailure.BAD_MESSAGE, "a signed value is not valid Unicode"
        ) from None


@dataclass(frozen=True)
class _Certificate:
    public_key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime


@dataclass(frozen=True)
class _Pending:
    """A message whose shape, URL, topic and age passed: what is left is the signature."""

    text: str
    fields: Mapping[str, str]
    cert_url: str


def _load_certificate(pem: bytes) -> _Certificate:
    try:
        certificate = x509.load_pem_x509_certificate(pem)
        public_key = certificate.public_key()
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise NotificationVerificationError(
            NotificationFailure.BAD_CERTIFICATE, "the fetched certificate is not a PEM X.509 certificate"
        ) from None
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise NotificationVerificationError(
            NotificationFailure.BAD_CERTIFICATE, "the fetched certificate's key is not RSA, which SNS signs with"
        )
    return _Certificate(public_key, certificate.not_valid_before_utc, certificate.not_valid_after_utc)


class _Verifier:
    """Everything but I/O: the options, the checks before the fetch, the cache, the signature."""

    def __init__(
        self, *, topic_arns: Iterable[str] | None, max_age: timedelta | None, clock: Clock, cache_size: int
    ) -> None:
        arns = None if topic_arns is None or isinstance(topic_arns, str) else tuple(topic_arns)
        if topic_arns is not None and (not arns or not all(isinstance(arn, str) for arn in arns)):
            raise ConfigurationError(
                f"topic_arns must be a non-empty collection of topic ARNs (or None), not {topic_arns!r}"
            )
        if max_age is not None and (not isinstance(max_age, timedelta) or max_age <= timedelta(0)):
            raise ConfigurationError(f"max_age must be a positive datetime.timedelta (or None), not {max_age!r}")
        if isinstance(cache_size, bool) or not isinstance(cache_size, int) or cache_size < 1:
            raise ConfigurationError(f"cache_size must be an int >= 1, not {cache_size!r}")
        self.topic_arns = None if arns is None else frozenset(arns)
        self.max_age = max_age
        self.clock = clock
        self._cache_size = cache_size
        self._cache: OrderedDict[str, _Certificate] = OrderedDict()
        self._lock = threading.Lock()

    def _check_before_fetch(self, body: bytes | str) -> _Pending:
        text, fields = read_envelope(body)
        if fields["SignatureVersion"] not in _HASHES:
            raise NotificationVerificationError(
                NotificationFailure.UNSUPPORTED_SIGNATURE_VERSION,
                f"SignatureVersion {fields['SignatureVersion'][:20]!r} is not supported; SNS signs with '1' or '2'",
            )
        check_cert_url(fields["SigningCertURL"])
        if self.topic_arns is not None and fields["TopicArn"] not in self.topic_arns:
            raise NotificationVerificationError(
                NotificationFailure.UNEXPECTED_TOPIC, f"TopicArn {fields['TopicArn'][:200]!r} is not an expected topic"
            )
        if self.max_age is not None:
            age = self.clock() - sns_timestamp(fields["Timestamp"])
            if abs(age) > self.max_age:
                when = f"{age} ago" if age > timedelta(0) else f"{-age} in the future"
                raise NotificationVerificationError(
                    NotificationFailure.TIMESTAMP_OUT_OF_RANGE,
                    f"the message is dated {when}, beyond max_age {self.max_age} "
                    "(SNS keeps the original Timestamp on redeliveries)",
                )
        return _Pending(text, fields, fields["SigningCertURL"])

    def _cached(self, url: str) -> _Certificate | None:
        with self._lock:
            certificate = self._cache.get(url)
            if certificate is not None:
                self._cache.move_to_end(url)
            return certificate

    def _remember(self, url: str, pem: bytes) -> _Certificate:
        certificate = _load_certificate(pem)
        with self._lock:
            self._cache[url] = certificate
            self._cache.move_to_end(url)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return certificate

    def _finish(self, pending: _Pending, certificate: _Certificate) -> Message:
        now = self.clock()
        if not certificate.not_before <= now <= certificate.not_after:
            raise NotificationVerificationError(
                NotificationFailure.BAD_CERTIFICATE,
                f"the signing certificate is valid from {certificate.not_before} to {certificate.not_after}, "
                f"not at {now} (to verify a recorded message, pass clock=)",
            )
        data = string_to_sign(pending.fields)
        try:
            signature = base64.b64decode(pending.fields["Signature"], validate=True)
            certificate.public_key.verify(
                signature, data, padding.PKCS1v15(), _HASHES[pending.fields["SignatureVersion"]]()
            )
        except (InvalidSignature, binascii.Error, ValueError, UnsupportedAlgorithm):
            raise NotificationVerificationError(
                NotificationFailure.BAD_SIGNATURE, "the signature does not verify with the SNS certificate"
            ) from None
        return build_message(pending.text, pending.fields)

    @staticmethod
    def _check_confirmable(confirmation: SubscriptionConfirmation) -> None:
        if not isinstance(confirmation, SubscriptionConfirmation):
            raise ConfigurationError(
                f"confirm() takes a SubscriptionConfirmation, not {type(confirmation).__name__} "
                "(the SubscribeURL of an UnsubscribeConfirmation would subscribe again)"
            )
        check_subscribe_url(confirmation.subscribe_url, topic_arn=confirmation.topic_arn, token=confirmation.token)

    @staticmethod
    def _fetch_failed(url: str, exc: Exception) -> NotificationVerificationError:
        return NotificationVerificationError(
            NotificationFailure.CERT_FETCH_FAILED,
            f"the certificate at {url} could not be fetched ({type(exc).__name__}: {str(exc)[:200]}); "
            "this can be transient",
        )

    @staticmethod
    def _confirm_failed(confirmation: SubscriptionConfirmation, exc: Exception) -> NotificationVerificationError:
        detail = str(exc)
        for secret, stand_in in ((confirmation.subscribe_url, "<SubscribeURL>"), (confirmation.token, "<Token>")):
            detail = detail.replace(secret, stand_in) if secret else detail
        detail = detail[:200]
        return NotificationVerificationError(
            NotificationFailure.CONFIRM_FAILED, f"the GET of SubscribeURL failed ({type(exc).__name__}: {detail})"
        )

    @staticmethod
    def _confirmed(confirmation: SubscriptionConfirmation, answer: bytes) -> str | None:
        logger.info("confirmed the SNS subscription to %s", confirmation.topic_arn)
        match = _SUBSCRIPTION_ARN.search(answer.decode("utf-8", errors="replace"))
        return match[1] if match else None


class NotificationVerifier(_Verifier):
    """Verifies the bodies SNS posts and returns them typed; make one and keep it (it caches certificates).

    ::

        verifier = NotificationVerifier(topic_arns=["arn:aws:sns:us-east-1:123456789012:A1B2C3"])
        message = verifier.verify(request_body)  # bytes or str: the raw body, not parsed JSON

    Pass ``topic_arns``: SNS signs every topic's messages alike, so without it a message from
    any topic verifies, including one an attacker owns and publishes to (harmless for a
    notification you only use to get the object it names, but still not Amazon Pay's).

    Args:
        topic_arns: accept only these topics (checked before any fetch); None accepts any.
            Amazon Pay does not publish its topic ARNs: log ``topic_arn`` of the first
            notifications (sandbox and production) and pin them.
        max_age: refuse messages published longer ago (or further ahead) than this. Off by
            default: SNS redelivers with the original Timestamp, and a replayed notification
            is harmless because it carries no state (deduplicate instead).
        fetcher: GETs certificate and SubscribeURL URLs; :class:`HttpxFetcher` by default.
        clock: now, as an aware datetime, for ``max_age`` and the certificate's validity
            dates; pass a fixed time to verify recorded messages.
        cache_size: how many certificates to keep (least recently used go first).

    """

    def __init__(
        self,
        *,
        topic_arns: Iterable[str] | None = None,
        max_age: timedelta | None = None,
        fetcher: Fetcher | None = None,
        clock: Clock = utc_now,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        super().__init__(topic_arns=topic_arns, max_age=max_age, clock=clock, cache_size=cache_size)
        self.fetcher: Fetcher = fetcher if fetcher is not None else HttpxFetcher()

    def verify(self, body: bytes | str) -> Message:
        """Verify ``body`` and return the typed message; raise :class:`NotificationVerificationError`."""
        pending = self._check_before_fetch(body)
        certificate = self._cached(pending.cert_url)
        if certificate is None:
            logger.debug("fetching the SNS certificate %s", pending.cert_url)
            try:
                pem = self.fetcher(pending.cert_url)
            except Exception as exc:
                raise self._fetch_failed(pending.cert_url, exc) from exc
            certificate = self._remember(pending.cert_url, pem)
        return self._finish(pending, certificate)

    def confirm(self, confirmation: SubscriptionConfirmation) -> str | None:
        """Confirm the subscription: re-check SubscribeURL, then GET it through the fetcher.

        Returns the subscription ARN from SNS's answer (None if it has none). Call it only for a
        subscription you expect: nothing confirms one on its own.
        """
        self._check_confirmable(confirmation)
        try:
            answer = self.fetcher(confirmation.subscribe_url)
        except Exception as exc:
            failure = self._confirm_failed(confirmation, exc)
        else:
            return self._confirmed(confirmation, answer)
        # Raised outside the except clause: the fetcher's error (which may hold SubscribeURL) is not its context.
        raise failure


class AsyncNotificationVerifier(_Verifier):
    """The async twin of :class:`NotificationVerifier` (``await verifier.verify(body)``)."""

    def __init__(
        self,
        *,
        topic_arns: Iterable[str] | None = None,
        max_age: timedelta | None = None,
        fetcher: AsyncFetcher | None = None,
        clock: Clock = utc_now,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        super().__init__(topic_arns=topic_arns, max_age=max_age, clock=clock, cache_size=cache_size)
        self.fetcher: AsyncFetcher = fetcher if fetcher is not None else AsyncHttpxFetcher()

    async def verify(self, body: bytes | str) -> Message:
        """Verify ``body`` and return the typed message; raise :class:`NotificationVerificationError`."""
        pending = self._check_before_fetch(body)
        certificate = self._cached(pending.cert_url)
        if certificate is None:
            logger.debug("fetching the SNS certificate %s", pending.cert_url)
            try:
                pem = await self.fetcher(pending.cert_url)
            except Exception as exc:
                raise self._fetch_failed(pending.cert_url, exc) from exc
            certificate = self._remember(pending.cert_url, pem)
        return self._finish(pending, certificate)

    async def confirm(self, confirmation: SubscriptionConfirmation) -> str | None:
        """Confirm the subscription: re-check SubscribeURL, then GET it through the fetcher."""
        self._check_confirmable(confirmation)
        try:
            answer = await self.fetcher(confirmation.subscribe_url)
        except Exception as exc:
            failure = self._confirm_failed(confirmation, exc)
        else:
            return self._confirmed(confirmation, answer)
        raise failure  # outside the except clause, as in the sync confirm()
