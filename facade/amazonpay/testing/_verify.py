"""Authentication of an incoming request, check by check, in the order the service applies them.

1. credentials present and well-formed (401 otherwise, as the spec's security scheme says);
2. the other required headers present; 3. ``x-amz-pay-date`` a real UTC time in either ISO 8601 form,
not in the future, not stale; 4. ``x-amz-pay-host`` and ``x-amz-pay-region`` agree with where
the request was sent; 5. the path prefix matches the kind of public key id (and both are
sandbox); 6. the key id is registered; 7. the signature verifies over the request as received,
recomputed with this package's own canonicaliser (:mod:`._canonical`), never the client's.

What the official SDKs send in production is accepted (facts sheet, section 8): the extended
date form (Node), the region in upper case (Java), ``SignedHeaders`` names in the caller's
case (Node), headers sent but not signed (PHP), a trailing ``/`` (.NET).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final
from urllib.parse import unquote, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ._canonical import canonical_request, query_pairs, string_to_sign
from ._errors import Reason, SandboxError
from ._values import parse_request_date, timestamp

HOST_REGIONS: Final[Mapping[str, str]] = {
    "pay-api.amazon.com": "na",
    "pay-api.amazon.eu": "eu",
    "pay-api.amazon.jp": "jp",
}
REGIONS: Final = frozenset(HOST_REGIONS.values())
REQUIRED_HEADERS: Final = ("authorization", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region")
IDEMPOTENCY_HEADER: Final = "x-amz-pay-idempotency-key"
# Signed on every request (facts 1), and the idempotency key whenever it is sent.
ALWAYS_SIGNED: Final = frozenset({"accept", "content-type", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region"})
# PSS salt length of each algorithm (facts 1).
SALT_LENGTHS: Final[Mapping[str, int]] = {"AMZN-PAY-RSASSA-PSS": 20, "AMZN-PAY-RSASSA-PSS-V2": 32}
#: Each algorithm's padding, made once: the objects are immutable, and making them for every
#: request cost as much as the rest of the signature's Python (issue 22).
_PADDINGS: Final[Mapping[str, padding.PSS]] = {
    algorithm: padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=salt)
    for algorithm, salt in SALT_LENGTHS.items()
}
_SHA256: Final = hashes.SHA256()
_AUTHORIZATION: Final = re.compile(
    r"(?P<algorithm>AMZN-PAY-RSASSA-PSS(?:-V2)?) +PublicKeyId=(?P<key_id>[^,\s]+), *"
    r"SignedHeaders=(?P<signed>[A-Za-z0-9_-]+(?:;[A-Za-z0-9_-]+)*), *Signature=(?P<signature>[A-Za-z0-9+/]+={0,2})"
)


@dataclass(frozen=True)
class ApiPath:
    """Where the API begins in a URL path: the environment segment and the operation path."""

    environment: str | None  # "live", "sandbox" or None for the bare /v2 form
    operation_path: str  # e.g. /charges/S01-123-456, without a trailing slash


@dataclass(frozen=True)
class IncomingRequest:
    """One request as received, normalised once: what every later step reads.

    Header names are lower-cased (values kept as sent, for the signature); ``region`` is the
    ``x-amz-pay-region`` value trimmed and lower-cased (``NA`` is ``na``); ``api_path`` is the
    operation path after ``/v2`` without a trailing ``/``; ``path`` is the decoded path as
    sent, which is what was signed.
    """

    method: str
    url: str
    authority: str  # host[:port] the request was sent to, lower case
    host: str  # the host name alone
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
    body: bytes
    region: str
    api_path: ApiPath | None

    @classmethod
    def parse(cls, method: str, url: str, headers: Mapping[str, str], body: bytes) -> IncomingRequest:
        """Split ``url``; lower-case the header names; normalise the region and the API path.

        Raises ``SandboxError`` (``InvalidRequestFormat``) for a URL that cannot be read.
        """
        try:
            parts = urlsplit(url)
            hostname = parts.hostname or ""
        except ValueError:
            raise SandboxError(Reason.InvalidRequestFormat, f"The request URL {url[:200]!r} cannot be read.") from None
        lowered = {name.lower(): value for name, value in headers.items()}
        path = unquote(parts.path) or "/"
        return cls(
            method=method.upper(),
            url=url,
            authority=parts.netloc.rpartition("@")[2].lower(),
            host=hostname.lower(),
            path=path,
            query=tuple(query_pairs(parts.query)),
            headers=lowered,
            body=body,
            region=lowered.get("x-amz-pay-region", "").strip().lower(),
            api_path=split_api_path(path),
        )


def split_api_path(path: str) -> ApiPath | None:
    """Find ``[/live|/sandbox]/v2`` in ``path`` (anything before it is a mount prefix)."""
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if segment == "v2":
            before = segments[index - 1] if index > 0 else ""
            environment = before if before in ("live", "sandbox") else None
            rest = "/".join(segments[index + 1 :]).rstrip("/")
            return ApiPath(environment, "/" + rest)
    return None


def is_environment_specific(key_id: str) -> bool:
    """Whether a public key id names its environment (``LIVE``/``SANDBOX`` prefix, any case)."""
    return key_id.upper().startswith(("LIVE", "SANDBOX"))


def is_live_key(key_id: str) -> bool:
    """Whether a public key id is a live environment-specific id."""
    return key_id.upper().startswith("LIVE")


@dataclass(frozen=True)
class DateWindow:
    """How far ``x-amz-pay-date`` may be from the service's clock."""

    future: timedelta
    past: timedelta


def authenticate(
    request: IncomingRequest, keys: Mapping[str, rsa.RSAPublicKey], now: datetime, window: DateWindow
) -> tuple[str, ApiPath]:
    """The public key id and API path of an authentic request; raises the service's error otherwise."""
    headers = request.headers
    parsed = _credentials(headers)
    _check_required(headers)
    _check_date(headers["x-amz-pay-date"].strip(), now, window)
    _check_host_and_region(request, headers["x-amz-pay-host"].strip().lower())
    if request.api_path is None:
        raise SandboxError(Reason.ResourceNotFound, f"No Amazon Pay API v2 operation at {request.path}.")
    key_id = parsed["key_id"]
    _check_environment(key_id, request.api_path)
    public_key = keys.get(key_id)
    if public_key is None:
        raise SandboxError(Reason.UnauthorizedAccess, f"Unknown public key id {key_id}.")
    signed = parsed["signed"].split(";")
    listed = {name.lower() for name in signed}
    required = ALWAYS_SIGNED | ({IDEMPOTENCY_HEADER} if IDEMPOTENCY_HEADER in headers else set())
    unsigned = sorted(required - listed)
    if unsigned:
        raise SandboxError(
            Reason.InvalidRequestSignature,
            f"SignedHeaders must include {', '.join(unsigned)} (signed: {parsed['signed']}).",
        )
    absent = [name for name in signed if name.lower() not in headers]
    if absent:
        raise SandboxError(Reason.MissingHeader, f"Header {absent[0]} is listed in SignedHeaders but was not sent.")
    canonical = canonical_request(request.method, request.path, request.query, headers, signed, request.body)
    expected = string_to_sign(parsed["algorithm"], canonical)
    if not verifies(public_key, parsed["algorithm"], expected, parsed["signature"]):
        raise SandboxError(Reason.InvalidRequestSignature, signature_mismatch_message(expected, canonical))
    return key_id, request.api_path


def verifies(public_key: rsa.RSAPublicKey, algorithm: str, text: str, signature: str) -> bool:
    """RSASSA-PSS, SHA-256, MGF1(SHA-256), the algorithm's salt length, over the UTF-8 string."""
    pss = _PADDINGS[algorithm]
    try:
        public_key.verify(base64.b64decode(signature, validate=True), text.encode("utf-8"), pss, _SHA256)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


def signature_mismatch_message(expected: str, canonical: str) -> str:
    """The service's mismatch message, echoing the string to sign (and here the canonical request)."""
    return (
        "The request signature we calculated does not match the signature you provided. "
        "Check your key and signing method.\n"
        f"String to sign:\n'{expected}'\n"
        f"Canonical request:\n'{canonical}'"
    )


def _credentials(headers: Mapping[str, str]) -> re.Match[str]:
    """The parts of the authorization header; 401 when it is absent or not a signature header.

    Credentials come first: a request without them, or with something else in their place, is
    unauthorized (the spec's security scheme), whatever else is wrong with it.
    """
    value = headers.get("authorization", "").strip()
    if not value:
        raise SandboxError(
            Reason.UnauthorizedAccess, "The request has no authorization header: sign it with your private key."
        )
    parsed = _AUTHORIZATION.fullmatch(value)
    if parsed is None:
        raise SandboxError(
            Reason.UnauthorizedAccess,
            "The authorization header is malformed; expected "
            "'<ALGORITHM> PublicKeyId=<id>, SignedHeaders=<a;b;c>, Signature=<base64>'.",
        )
    return parsed


def _check_required(headers: Mapping[str, str]) -> None:
    for name in REQUIRED_HEADERS:
        if name not in headers:
            raise SandboxError(Reason.MissingHeader, f"Missing required header {name}.")
        if not headers[name].strip():
            raise SandboxError(Reason.MissingHeaderValue, f"Header {name} has no value.")


def _check_date(value: str, now: datetime, window: DateWindow) -> None:
    try:
        sent = parse_request_date(value)
    except ValueError:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-date {value[:40]!r} is not a UTC date and time in ISO 8601 form "
            "(20190805T051457Z or 2019-08-05T05:14:57Z).",
        ) from None
    if sent > now + window.future:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-date {value} should not be in future (the service's time is {timestamp(now)}).",
        )
    if sent < now - window.past:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-date {value} is more than {window.past} old (the service's time is {timestamp(now)}); "
            "sign every request, and every retry, with the current time.",
        )


def _check_host_and_region(request: IncomingRequest, signed_host: str) -> None:
    """The signed host names where the request went; the region agrees with it.

    Sent to an Amazon Pay API host, the signed host must be that host. Sent to the simulator
    directly (loopback, a test host name), it may be the host and port it was sent to (what
    an SDK's service-URL override signs) or the Amazon Pay API host it stands in for (what a
    client pointed at it with a base URL signs).
    """
    region = request.region
    if request.host in HOST_REGIONS:
        if signed_host != request.host:
            raise SandboxError(
                Reason.InvalidHeaderValue,
                f"x-amz-pay-host {signed_host!r} does not match the request host {request.host}.",
            )
    elif signed_host not in HOST_REGIONS and signed_host != request.authority:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-host {signed_host!r} is neither the host this request was sent to ({request.authority}) "
            f"nor an Amazon Pay API host ({', '.join(HOST_REGIONS)}).",
        )
    if region not in REGIONS:
        shown = request.headers["x-amz-pay-region"].strip()
        raise SandboxError(Reason.InvalidHeaderValue, f"x-amz-pay-region {shown!r} is not one of na, eu, jp.")
    expected = HOST_REGIONS.get(signed_host)
    if expected is not None and expected != region:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-region {region!r} does not match host {signed_host} (region {expected}).",
        )


_SANDBOX_ONLY: Final = "the sandbox simulator accepts sandbox keys only"


def _check_environment(key_id: str, api_path: ApiPath) -> None:
    if is_live_key(key_id) or api_path.environment == "live":
        raise SandboxError(Reason.UnauthorizedAccess, f"Live request refused: {_SANDBOX_ONLY}.")
    if is_environment_specific(key_id):
        if api_path.environment is not None:
            raise SandboxError(
                Reason.UnauthorizedAccess,
                f"Public key id {key_id} is environment-specific: call .../v2/..., "
                f"without /{api_path.environment} in the path.",
            )
    elif api_path.environment is None:
        raise SandboxError(
            Reason.UnauthorizedAccess,
            f"Public key id {key_id} is a legacy id: call .../sandbox/v2/... (the path names the environment).",
        )
