"""Where requests go: region hosts and environment paths, as data."""

from __future__ import annotations

import ipaddress
import re
from typing import Final, Literal
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

from ._errors import ConfigurationError
from ._records import FrozenDataclass, frozen_dataclass

Region = Literal["na", "eu", "jp"]

HOSTS: Final[dict[Region, str]] = {
    "na": "pay-api.amazon.com",
    "eu": "pay-api.amazon.eu",
    "jp": "pay-api.amazon.jp",
}
#: Names the official SDKs accept for each region; the header always carries the canonical one.
REGION_ALIASES: Final[dict[str, Region]] = {
    "na": "na",
    "us": "na",
    "eu": "eu",
    "de": "eu",
    "uk": "eu",
    "jp": "jp",
}
ENVIRONMENT_PREFIXES: Final = ("live", "sandbox")


@frozen_dataclass
class Endpoint(FrozenDataclass):
    """A resolved destination: base URL plus the values of the host and region headers."""

    region: Region
    host: str
    base_url: str
    sandbox: bool
    environment_specific_key: bool

    def __init__(self, region: Region, host: str, base_url: str, sandbox: bool, environment_specific_key: bool) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "region", region)
        setattr_(self, "host", host)
        setattr_(self, "base_url", base_url)
        setattr_(self, "sandbox", sandbox)
        setattr_(self, "environment_specific_key", environment_specific_key)

    @property
    def environment(self) -> str:
        """``"sandbox"`` or ``"live"``."""
        return "sandbox" if self.sandbox else "live"


def resolve_endpoint(region: str, public_key_id: str, sandbox: bool | None, base_url: str | None) -> Endpoint:
    """Resolve region aliases and the key id's environment rule into an :class:`Endpoint`.

    An id starting with ``LIVE`` or ``SANDBOX`` (any case) selects its environment and uses
    ``/v2``; a legacy id needs ``sandbox=True`` or ``False`` and uses ``/live/v2`` or ``/sandbox/v2``.
    """
    canonical = REGION_ALIASES.get(region.strip().lower()) if isinstance(region, str) else None
    if canonical is None:
        raise ConfigurationError(
            f"unknown region {region!r}; use one of {', '.join(sorted(REGION_ALIASES))} (na, eu or jp)"
        )
    if not isinstance(public_key_id, str):
        raise ConfigurationError(
            f"public_key_id must be a str, not {type(public_key_id).__name__}; pass the public key id shown in "
            "Seller Central"
        )
    if not public_key_id:
        raise ConfigurationError("public_key_id is empty; pass the public key id shown in Seller Central")
    prefix = next((p for p in ENVIRONMENT_PREFIXES if public_key_id.lower().startswith(p)), None)
    if prefix is not None:
        from_key = prefix == "sandbox"
        if sandbox is not None and sandbox != from_key:
            raise ConfigurationError(
                f"sandbox={sandbox} contradicts the public key id, which is for the {prefix} environment; "
                "drop the sandbox argument (the key id selects the environment)"
            )
        is_sandbox, path = from_key, "/v2"
    else:
        if sandbox is None:
            raise ConfigurationError(
                "this public key id does not say its environment (it starts with neither LIVE nor "
                "SANDBOX); pass sandbox=True or sandbox=False"
            )
        is_sandbox, path = sandbox, "/sandbox/v2" if sandbox else "/live/v2"
    host = HOSTS[canonical]
    url = f"https://{host}{path}" if base_url is None else _checked_base_url(base_url, canonical)
    return Endpoint(canonical, host, url, is_sandbox, prefix is not None)


_USERINFO: Final = r"://[^/?#]*@"  # compiled by re when a base_url holding an "@" is checked


def _checked_base_url(base_url: str, region: Region) -> str:
    if not isinstance(base_url, str):
        raise ConfigurationError(f"base_url must be a str, not {type(base_url).__name__}")
    # Messages show it without what stands before an "@" of its authority: a user name and password
    # (a URL without an "@" has none: no pattern compiled for it).
    shown = re.sub(_USERINFO, "://***@", base_url) if "@" in base_url else base_url
    try:
        parts = urlsplit(base_url)
        hostname = parts.hostname
        parts.port  # noqa: B018  # raises on a port that is not a number
    except ValueError:
        raise ConfigurationError(f"base_url {shown!r} is not a valid URL") from None
    if parts.scheme not in ("https", "http") or not hostname:
        raise ConfigurationError(f"base_url {shown!r} is not an http(s) URL; pass e.g. https://proxy.example/live/v2")
    if parts.query or parts.fragment or "?" in base_url or "#" in base_url:
        raise ConfigurationError(
            f"base_url {shown!r} has a query or fragment, which would be lost or signed wrongly; "
            "pass scheme, host and path only"
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigurationError(
            "base_url carries a user name or password; Amazon Pay authenticates by signature: drop them "
            "(a proxy's credentials go in proxy=)"
        )
    other = next((r for r, h in HOSTS.items() if h == hostname.lower().rstrip(".") and r != region), None)
    if other is not None:
        raise ConfigurationError(
            f"base_url {shown!r} is the {other} host, but region={region!r} signs for {HOSTS[region]}; "
            f"pass region={other!r}, or drop base_url"
        )
    if parts.scheme == "http" and not _is_loopback(hostname):
        raise ConfigurationError(
            f"base_url {shown!r} uses plain http to a non-loopback host, which would send signed "
            "payment requests unencrypted; use https (plain http is allowed for 127.0.0.1/localhost only)"
        )
    return base_url.rstrip("/")


def _is_loopback(hostname: str) -> bool:
    if hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


def environment_proxy(url: str) -> str | None:
    """The proxy the environment names for ``url`` (``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY`` ...).

    The standard library reads the variables (and the system settings on macOS and Windows),
    as requests does; ``None`` when no proxy applies.
    """
    parts = urlsplit(url)
    proxies = getproxies()
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or proxy_bypass(parts.netloc):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"
