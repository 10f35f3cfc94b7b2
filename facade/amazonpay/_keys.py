"""Loading the merchant's RSA private key, once per client, with errors that name the fix.

No message repeats key material: a value that looks like it (the key's base64 without its PEM
lines, say) gets its own message instead of being taken for a path and echoed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from ._errors import ConfigurationError

PrivateKeySource = str | bytes | os.PathLike[str] | rsa.RSAPrivateKey
MIN_KEY_BITS = 2048
_SELLER_CENTRAL = "the PKCS#8 PEM file (BEGIN PRIVATE KEY) that Seller Central created with your public key id"
_PEM_HINT = (
    "the whole PEM text, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY----- (line breaks may be "
    "written as \\n), or the path of the key file"
)
# A long run of base64 with digits and both letter cases: key material, never a file name.
_RUN_LENGTH: Final = 64
_BASE64_RUN: Final = rf"[A-Za-z0-9+/]{{{_RUN_LENGTH},}}"


def looks_like_key_material(text: str) -> bool:
    """Whether ``text`` holds (part of) a key: PEM armour, or a long base64 run such as a key's body."""
    if "-----" in text or "PRIVATE KEY" in text:
        return True
    if len(text) < _RUN_LENGTH:  # no room for a run (a key file's path, usually): no pattern compiled
        return False
    compact = re.sub(r"\s|\\n|\\r", "", text)
    return any(
        re.search("[0-9]", run) and re.search("[a-z]", run) and re.search("[A-Z]", run)
        for run in re.findall(_BASE64_RUN, compact)
    )


def private_key_from_env(value: str, variable: str) -> str | Path:
    """What ``from_env`` passes on as ``private_key``: PEM text as is, anything else as a path."""
    text = value.strip()
    if "-----BEGIN" in text:
        return text
    if looks_like_key_material(text):
        raise ConfigurationError(
            f"{variable} holds what looks like key material without its PEM header lines; set it to {_PEM_HINT}"
        )
    return Path(text)


def _unescaped(pem: bytes) -> bytes:
    r"""PEM text whose line breaks were written as the two characters \n (environment variables, secrets)."""
    if b"-----BEGIN" in pem and b"\\n" in pem:
        return pem.replace(b"\\r\\n", b"\n").replace(b"\\n", b"\n")
    return pem


def load_private_key(source: PrivateKeySource, password: str | bytes | None = None) -> rsa.RSAPrivateKey:
    """Read an RSA private key from a path, PEM text or bytes, or take a parsed key as is.

    PKCS#8 and PKCS#1 PEMs are accepted, encrypted ones with ``password``.
    """
    if isinstance(source, rsa.RSAPrivateKey):
        return _checked_size(source)
    if isinstance(source, os.PathLike):
        pem = _read(Path(source))
    elif isinstance(source, str):
        if "-----BEGIN" not in source:
            if looks_like_key_material(source):
                raise ConfigurationError(
                    f"private_key looks like key material without its PEM header lines; pass {_PEM_HINT}"
                )
            raise ConfigurationError(
                "private_key is a str but not PEM text; pass pathlib.Path(...) for a key file, "
                f"or the PEM text itself ({_SELLER_CENTRAL})"
            )
        pem = source.encode("utf-8")
    elif isinstance(source, bytes):
        pem = source
    else:
        raise ConfigurationError(
            f"private_key must be a Path, PEM str or bytes, or an RSAPrivateKey, not {type(source).__name__}"
        )
    return _checked_size(_parse(_unescaped(pem), password))


def _read(path: Path) -> bytes:
    if looks_like_key_material(str(path)):
        raise ConfigurationError(f"private_key is a path that looks like key material; pass {_PEM_HINT}")
    try:
        return path.expanduser().read_bytes()
    except FileNotFoundError:
        raise ConfigurationError(f"private key file not found: {path}; pass the path of {_SELLER_CENTRAL}") from None
    except OSError as error:
        raise ConfigurationError(
            f"cannot read private key file {path}: {error.strerror}; check its permissions"
        ) from None


def _parse(pem: bytes, password: str | bytes | None) -> rsa.RSAPrivateKey:
    if b"BEGIN OPENSSH PRIVATE KEY" in pem:
        raise ConfigurationError(
            "this is an OpenSSH key, which Amazon Pay does not use; pass "
            f"{_SELLER_CENTRAL} (to convert an RSA OpenSSH key: ssh-keygen -p -m PKCS8 -f <file>)"
        )
    if b"PUBLIC KEY-----" in pem and b"PRIVATE KEY-----" not in pem:
        raise ConfigurationError(f"this is a public key; pass the private key instead: {_SELLER_CENTRAL}")
    secret = password.encode("utf-8") if isinstance(password, str) else password
    try:
        key = load_pem_private_key(pem, password=secret)
    except TypeError:
        if secret is None:
            raise ConfigurationError("the private key is encrypted; pass its password with password=...") from None
        raise ConfigurationError("the private key is not encrypted; drop the password= argument") from None
    except ValueError:
        if secret is not None:
            raise ConfigurationError(
                "cannot decrypt the private key: wrong password, or not a PEM private key"
            ) from None
        raise ConfigurationError(f"cannot read the private key as PEM; pass {_SELLER_CENTRAL}") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ConfigurationError(
            f"the private key is {type(key).__name__.lstrip('_')}, not RSA; "
            f"Amazon Pay signs with RSA: pass {_SELLER_CENTRAL}"
        )
    return key


def _checked_size(key: rsa.RSAPrivateKey) -> rsa.RSAPrivateKey:
    if key.key_size < MIN_KEY_BITS:
        raise ConfigurationError(
            f"the RSA key has {key.key_size} bits; Amazon Pay needs at least {MIN_KEY_BITS}: "
            "create a new key pair in Seller Central"
        )
    return key
