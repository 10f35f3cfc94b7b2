"""A second, independent implementation of the signing recipe, used only to verify requests.

Written from the facts sheet (section 1) without importing ``amazonpay._signing``, so a bug in
the library's canonicaliser cannot also hide in the check. ``tests/test_signing.py`` holds it
to the published vectors first.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

SALT = {"AMZN-PAY-RSASSA-PSS": 20, "AMZN-PAY-RSASSA-PSS-V2": 32}
UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"
AUTHORIZATION = re.compile(
    r"(?P<algorithm>AMZN-PAY-RSASSA-PSS(?:-V2)?) PublicKeyId=(?P<key_id>[^,]+), "
    r"SignedHeaders=(?P<signed>[^,]+), Signature=(?P<signature>[A-Za-z0-9+/]+=*)"
)


def encode(text: str, keep: str = "") -> str:
    """Percent-encode every UTF-8 byte outside the unreserved set (and ``keep``), upper-case hex."""
    return "".join(chr(b) if chr(b) in UNRESERVED + keep else f"%{b:02X}" for b in text.encode("utf-8"))


def canonical(
    method: str, path: str, query: Iterable[tuple[str, str]], headers: Mapping[str, str], body: bytes, signed: list[str]
) -> str:
    """The canonical request of the facts sheet; ``headers`` has lower-case names."""
    uri = encode(re.sub("/+", "/", "/" + path), keep="/")
    pairs = sorted((encode(name), encode(value)) for name, value in query)
    names = sorted(signed)
    header_block = "".join(f"{name}:{' '.join(headers[name].split())}\n" for name in names)
    return "\n".join(
        [
            method.upper(),
            uri,
            "&".join(f"{name}={value}" for name, value in pairs),
            header_block,
            ";".join(names),
            hashlib.sha256(body).hexdigest(),
        ]
    )


def to_sign(algorithm: str, text: str) -> str:
    """``ALGORITHM + "\\n" + hex(SHA-256(text))``: for a request ``text`` is its canonical form."""
    return algorithm + "\n" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def pss_verify(public_key: rsa.RSAPublicKey, salt: int, text: str, signature: str) -> None:
    """Raise ``InvalidSignature`` unless ``signature`` (Base64) signs ``text`` with this salt length."""
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=salt)
    public_key.verify(base64.b64decode(signature, validate=True), text.encode("utf-8"), pss, hashes.SHA256())


@dataclass(frozen=True)
class Verified:
    """What a verified ``authorization`` header said."""

    algorithm: str
    key_id: str
    signed: list[str]
    signature: str
    string_to_sign: str


def verify_request(
    public_key: rsa.RSAPublicKey, method: str, url: str, headers: Mapping[str, str], body: bytes
) -> Verified:
    """Check a request's ``authorization`` as the service would; raise on any mismatch."""
    lowered = {name.lower(): value for name, value in headers.items()}
    match = AUTHORIZATION.fullmatch(lowered["authorization"])
    assert match is not None, "authorization header is not 'ALG PublicKeyId=.., SignedHeaders=.., Signature=..'"
    signed = match["signed"].split(";")
    assert signed == sorted(signed), f"SignedHeaders not sorted: {signed}"
    assert all(name == name.lower() for name in signed), f"SignedHeaders not lower case: {signed}"
    parts = urlsplit(url)
    text = to_sign(
        match["algorithm"],
        canonical(method, unquote(parts.path), parse_qsl(parts.query, keep_blank_values=True), lowered, body, signed),
    )
    pss_verify(public_key, SALT[match["algorithm"]], text, match["signature"])
    return Verified(match["algorithm"], match["key_id"], signed, match["signature"], text)
