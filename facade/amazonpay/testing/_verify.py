"""Authentication of an incoming request, check by check, in the order the service applies them.

1. required headers present; 2. ``x-amz-pay-date`` well-formed and not in the future;
3. ``x-amz-pay-host`` matches the URL host; 4. ``x-amz-pay-region`` matches the host;
5. the path prefix matches the kind of public key id (and both are sandbox);
6. the key id is registered; 7. the signature verifies over the request as received.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final
from urllib.parse import unquote, urlsplit

from cryptography.hazmat.primitives.asymmetric import rsa

from amazonpay._signing import (
    ALWAYS_SIGNED,
    canonical_request,
    parse_authorization,
    string_to_sign,
    verify_string,
)

from ._errors import Reason, SandboxError
from ._values import parse_timestamp, timestamp

HOST_REGIONS: Final[Mapping[str, str]] = {
    "pay-api.amazon.com": "na",
    "pay-api.amazon.eu": "eu",
    "pay-api.amazon.jp": "jp",
}
REQUIRED_HEADERS: Final = ("authorization", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region")
IDEMPOTENCY_HEADER: Final = "x-amz-pay-idempotency-key"
_DATE: Final = re.compile(r"^[0-9]{8}T[0-9]{6}Z$")


@dataclass(frozen=True)
class IncomingRequest:
    """One request as received: method, URL parts, lower-cased headers and the exact body."""

    method: str
    url: str
    host: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
    body: bytes

    @classmethod
    def parse(cls, method: str, url: str, headers: Mapping[str, str], body: bytes) -> IncomingRequest:
        """Split ``url`` into decoded path and query pairs; lower-case the header names."""
        parts = urlsplit(url)
        pairs = []
        for item in parts.query.split("&"):
            if item:
                name, _, value = item.partition("=")
                pairs.append((unquote(name), unquote(value)))
        return cls(
            method=method.upper(),
            url=url,
            host=(parts.hostname or "").lower(),
            path=unquote(parts.path) or "/",
            query=tuple(pairs),
            headers={name.lower(): value for name, value in headers.items()},
            body=body,
        )


@dataclass(frozen=True)
class ApiPath:
    """Where the API begins in a URL path: the environment segment and the operation path."""

    environment: str | None  # "live", "sandbox" or None for the bare /v2 form
    operation_path: str  # e.g. /charges/S01-123-456


def split_api_path(path: str) -> ApiPath | None:
    """Find ``[/live|/sandbox]/v2`` in ``path`` (anything before it is a mount prefix)."""
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if segment == "v2":
            before = segments[index - 1] if index > 0 else ""
            environment = before if before in ("live", "sandbox") else None
            rest = "/".join(segments[index + 1 :])
            return ApiPath(environment, "/" + rest)
    return None


def is_environment_specific(key_id: str) -> bool:
    """Whether a public key id names its environment (``LIVE``/``SANDBOX`` prefix, any case)."""
    upper = key_id.upper()
    return upper.startswith(("LIVE", "SANDBOX"))


def is_live_key(key_id: str) -> bool:
    """Whether a public key id is a live environment-specific id."""
    return key_id.upper().startswith("LIVE")


def authenticate(
    request: IncomingRequest,
    keys: Mapping[str, rsa.RSAPublicKey],
    now: datetime,
    future_tolerance: timedelta,
) -> tuple[str, ApiPath]:
    """The public key id and API path of an authentic request; raises the service's error otherwise."""
    headers = request.headers
    _check_required(headers)
    _check_date(headers["x-amz-pay-date"], now, future_tolerance)
    _check_host_and_region(request.host, headers["x-amz-pay-host"], headers["x-amz-pay-region"])
    api_path = split_api_path(request.path)
    if api_path is None:
        raise SandboxError(Reason.ResourceNotFound, f"No Amazon Pay API v2 operation at {request.path}.")
    parsed = parse_authorization(headers["authorization"].strip())
    if parsed is None:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            "The authorization header is malformed; expected "
            "'<ALGORITHM> PublicKeyId=<id>, SignedHeaders=<a;b;c>, Signature=<base64>'.",
        )
    algorithm, key_id, signed, signature = parsed
    _check_environment(key_id, api_path)
    public_key = keys.get(key_id)
    if public_key is None:
        raise SandboxError(Reason.UnauthorizedAccess, f"Unknown public key id {key_id}.")
    required = set(ALWAYS_SIGNED) | ({IDEMPOTENCY_HEADER} if IDEMPOTENCY_HEADER in headers else set())
    unsigned = sorted(required - set(signed))
    if unsigned:
        raise SandboxError(
            Reason.InvalidRequestSignature,
            f"SignedHeaders must include {', '.join(unsigned)} (signed: {';'.join(signed)}).",
        )
    absent = [name for name in signed if name not in headers]
    if absent:
        raise SandboxError(Reason.MissingHeader, f"Header {absent[0]} is listed in SignedHeaders but was not sent.")
    names = sorted(set(signed))
    canonical = canonical_request(request.method, request.path, request.query, headers, request.body, names)
    expected = string_to_sign(algorithm, canonical)
    if not verify_string(public_key, algorithm, expected, signature):
        raise SandboxError(Reason.InvalidRequestSignature, signature_mismatch_message(expected, canonical))
    return key_id, api_path


def signature_mismatch_message(expected: str, canonical: str) -> str:
    """The service's mismatch message, echoing the string to sign (and here the canonical request)."""
    return (
        "The request signature we calculated does not match the signature you provided. "
        "Check your key and signing method.\n"
        f"String to sign:\n'{expected}'\n"
        f"Canonical request:\n'{canonical}'"
    )


def _check_required(headers: Mapping[str, str]) -> None:
    for name in REQUIRED_HEADERS:
        if name not in headers:
            raise SandboxError(Reason.MissingHeader, f"Missing required header {name}.")
        if not headers[name].strip():
            raise SandboxError(Reason.MissingHeaderValue, f"Header {name} has no value.")


def _check_date(value: str, now: datetime, tolerance: timedelta) -> None:
    value = value.strip()
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        sent = parse_timestamp(value)
    except ValueError:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-date {value!r} is not a UTC timestamp in ISO 8601 basic format (YYYYMMDDTHHMMSSZ).",
        ) from None
    if sent > now + tolerance:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-date {value} should not be in future (the service's time is {timestamp(now)}).",
        )


def _check_host_and_region(url_host: str, host: str, region: str) -> None:
    host = host.strip().lower()
    region = region.strip()
    if url_host in HOST_REGIONS:
        if host != url_host:
            raise SandboxError(
                Reason.InvalidHeaderValue, f"x-amz-pay-host {host!r} does not match the request host {url_host}."
            )
    elif host not in HOST_REGIONS:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-host {host!r} is not an Amazon Pay API host ({', '.join(HOST_REGIONS)}).",
        )
    if region not in ("na", "eu", "jp"):
        raise SandboxError(Reason.InvalidHeaderValue, f"x-amz-pay-region {region!r} is not one of na, eu, jp.")
    if HOST_REGIONS[host] != region:
        raise SandboxError(
            Reason.InvalidHeaderValue,
            f"x-amz-pay-region {region!r} does not match host {host} (region {HOST_REGIONS[host]}).",
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
