r"""AMZN-PAY-RSASSA-PSS request and button signing: pure functions of a request and a key.

The recipe (facts sheet, section 1): a canonical request (method, canonical URI, canonical
query, canonical headers, signed header names, SHA-256 of the body) is hashed; the string to
sign is ``ALGORITHM + "\\n" + hex(SHA-256(canonical request))``; the signature is RSASSA-PSS
with SHA-256 and MGF1(SHA-256), salt 20 bytes for ``AMZN-PAY-RSASSA-PSS`` and 32 bytes for
``AMZN-PAY-RSASSA-PSS-V2``, Base64-encoded.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Final, Literal, get_args

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ._records import FrozenRecord

Algorithm = Literal["AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-RSASSA-PSS"]
ALGORITHMS: Final[tuple[Algorithm, ...]] = get_args(Algorithm)
SALT_LENGTH: Final[Mapping[Algorithm, int]] = {"AMZN-PAY-RSASSA-PSS": 20, "AMZN-PAY-RSASSA-PSS-V2": 32}

# Headers signed on every request; any other x-amz-pay-* header sent is signed too.
ALWAYS_SIGNED: Final = frozenset({"accept", "content-type", "x-amz-pay-date", "x-amz-pay-host", "x-amz-pay-region"})

_UNRESERVED: Final = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
_EMPTY_SHA256: Final = hashlib.sha256(b"").hexdigest()


_PATH_SAFE: Final = _UNRESERVED | {ord("/")}
#: The kept bytes of each set, as ``bytes.translate`` deletes them (a regular expression compiled at import cost more).
_KEPT_BYTES: Final = {keep: bytes(sorted(keep)) for keep in (_UNRESERVED, _PATH_SAFE)}


def _percent_encode(text: str, keep: frozenset[int]) -> str:
    data = text.encode("utf-8")
    if not data.translate(None, _KEPT_BYTES[keep]):
        return text  # only kept characters: encoded as itself (ids, names and amounts nearly always are)
    return "".join(chr(b) if b in keep else f"%{b:02X}" for b in data)


def canonical_uri(path: str) -> str:
    """Path with runs of ``/`` collapsed, a leading ``/``, every other byte percent-encoded.

    ``path`` is the decoded path (``/charges/P01-1``); no dot-segment removal is done.
    """
    collapsed = re.sub("/+", "/", path) if "//" in path else path
    if not collapsed.startswith("/"):
        collapsed = "/" + collapsed
    return _percent_encode(collapsed, _PATH_SAFE)


def encode_query(pairs: Iterable[tuple[str, str]]) -> str:
    """``name=value`` pairs RFC 3986-encoded (space is ``%20``, ``+`` is ``%2B``), in the given order.

    The transport sends exactly this query, so the bytes on the wire are the bytes signed.
    """
    return "&".join(f"{_percent_encode(k, _UNRESERVED)}={_percent_encode(v, _UNRESERVED)}" for k, v in pairs)


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    """RFC 3986-encoded ``name=value`` pairs sorted by encoded name, then value."""
    encoded = sorted((_percent_encode(k, _UNRESERVED), _percent_encode(v, _UNRESERVED)) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in encoded)


def signed_header_names(headers: Mapping[str, str]) -> list[str]:
    """Lower-case names to sign: the always-signed set plus every ``x-amz-pay-*`` header present."""
    return sorted({name for name in map(str.lower, headers) if name in ALWAYS_SIGNED or name.startswith("x-amz-pay-")})


def canonical_request(
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    body: bytes,
    signed_headers: Iterable[str],
) -> str:
    """The canonical request: method, URI, query, headers, signed names and body hash.

    ``headers`` maps lower-case names to values; ``signed_headers`` are lower-case and sorted.
    """
    names = list(signed_headers)
    # str.split() splits at exactly the characters that \s matches: runs of whitespace become one space.
    header_lines = "".join([f"{n}:{' '.join(headers[n].split())}\n" for n in names])
    payload_hash = hashlib.sha256(body).hexdigest() if body else _EMPTY_SHA256
    return "\n".join(
        (
            method.upper(),
            canonical_uri(path),
            canonical_query(query) if query else "",  # most requests have none
            header_lines,
            ";".join(names),
            payload_hash,
        )
    )


def string_to_sign(algorithm: Algorithm, canonical: str) -> str:
    r"""``ALGORITHM\\n`` followed by the hex SHA-256 of ``canonical``."""
    return f"{algorithm}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"


_SHA256: Final = hashes.SHA256()
#: The PSS parameters of each algorithm (plain values, made once).
_PSS: Final[Mapping[Algorithm, padding.PSS]] = {
    algorithm: padding.PSS(mgf=padding.MGF1(_SHA256), salt_length=salt) for algorithm, salt in SALT_LENGTH.items()
}


def sign_string(key: rsa.RSAPrivateKey, algorithm: Algorithm, text: str) -> str:
    """Base64 RSASSA-PSS signature of ``text`` (randomised: differs on every call)."""
    signature = key.sign(text.encode("utf-8"), _PSS[algorithm], _SHA256)
    return base64.b64encode(signature).decode("ascii")


def verify_string(public_key: rsa.RSAPublicKey, algorithm: Algorithm, text: str, signature: str) -> bool:
    """Whether ``signature`` is a valid signature of ``text`` under ``public_key``."""
    try:
        public_key.verify(base64.b64decode(signature, validate=True), text.encode("utf-8"), _PSS[algorithm], _SHA256)
    except (InvalidSignature, ValueError):
        return False
    return True


def authorization_header(
    *,
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    body: bytes,
    key: rsa.RSAPrivateKey,
    public_key_id: str,
    algorithm: Algorithm,
) -> str:
    """The ``authorization`` value for a request whose other headers are final.

    ``headers`` holds the headers as sent (any case); every header that must be signed must be
    present. Pure apart from PSS's random salt.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    names = signed_header_names(lowered)
    canonical = canonical_request(method, path, query, lowered, body, names)
    signature = sign_string(key, algorithm, string_to_sign(algorithm, canonical))
    return f"{algorithm} PublicKeyId={public_key_id}, SignedHeaders={';'.join(names)}, Signature={signature}"


class Credentials(FrozenRecord):
    """Who signs: the public key id, the parsed private key (never shown) and the algorithm."""

    __slots__ = ("public_key_id", "private_key", "algorithm")  # noqa: RUF023  # field order
    _unshown = frozenset({"private_key"})
    public_key_id: str
    private_key: rsa.RSAPrivateKey
    algorithm: Algorithm

    def __init__(
        self, public_key_id: str, private_key: rsa.RSAPrivateKey, algorithm: Algorithm = "AMZN-PAY-RSASSA-PSS-V2"
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "public_key_id", public_key_id)
        setattr_(self, "private_key", private_key)
        setattr_(self, "algorithm", algorithm)
