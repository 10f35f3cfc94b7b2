"""The keyword arguments of ``AmazonPay(...)`` and ``AsyncAmazonPay(...)`` as a ``TypedDict``.

Apart from :mod:`._client`, which needs it for type checkers only (``from_env``'s signature): a
``TypedDict`` builds its fields' annotations when defined (0.3 ms for these fifteen), and a
process that constructs a client and calls it never reads it. ``amazonpay.ClientOptions``
imports it on first use.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import Generic, TypedDict, TypeVar

import httpx

from ._keys import PrivateKeySource
from ._signing import Algorithm
from ._transport import Clock, ClockSkew

TransportT = TypeVar("TransportT")  # unbounded: mypy infers a bounded one in a TypedDict as Never


class ClientOptions(TypedDict, Generic[TransportT], total=False):
    """The keyword arguments of ``AmazonPay(...)`` / ``AsyncAmazonPay(...)``, all optional here.

    The type of ``from_env(**overrides)`` and of the pytest plugin's ``amazon_pay_options``;
    ``TransportT`` is the transport's type (``httpx.BaseTransport`` for :class:`AmazonPay`,
    ``httpx.AsyncBaseTransport`` for :class:`AsyncAmazonPay`, the simulator's serves both).
    What each one does is said by the constructor (a test holds the two to the same names and types).
    """

    public_key_id: str
    private_key: PrivateKeySource
    region: str
    sandbox: bool | None
    algorithm: Algorithm
    max_retries: int
    timeout: float | httpx.Timeout
    transport: TransportT | None
    base_url: str | None
    password: str | bytes | None
    verify: bool | ssl.SSLContext
    clock: Clock
    clock_skew: ClockSkew
    proxy: str | httpx.Proxy | None
    wait_sleep: Callable[[float], object] | None
