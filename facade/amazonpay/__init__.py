"""amazonpay: the Amazon Pay API v2 client — signed, routed, retried, typed; sync and async.

Quick start::

    from pathlib import Path
    from amazonpay import AmazonPay

    with AmazonPay(public_key_id="SANDBOX-AHEXAMPLE", private_key=Path("private.pem"), region="eu") as pay:
        charge = pay.charges.get("S02-1234567-1234567-C123456")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._client import AmazonPay, AsyncAmazonPay
    from ._client_options import ClientOptions
    from ._codes import ReasonCode
    from ._endpoints import Endpoint
    from ._errors import (
        AmazonPayError,
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        DeclinedError,
        DownloadExpiredError,
        DownloadTooLargeError,
        IdempotencyError,
        NotFoundError,
        NotificationObjectError,
        NotificationVerificationError,
        OutcomeUnknownError,
        RateLimitError,
        ServerError,
        StorageError,
        UnexpectedResponseError,
        UnprocessableError,
        WaitTimeoutError,
    )
    from ._json import JsonObject, JsonValue
    from ._options import CallOptions, MoneyCallOptions, request_options
    from ._outcome import Outcome, outcome_of
    from ._pagination import AsyncPager, SyncPager
    from ._retry import RetryPolicy
    from ._signing import Algorithm

# Public name -> the module defining it, imported on first access (PEP 562): `import amazonpay`
# and `amazonpay.cli`'s `--help` stay free of httpx, cryptography and the generated models.
_EXPORTS = {
    "AmazonPay": "_client",
    "AsyncAmazonPay": "_client",
    "ClientOptions": "_client_options",
    "Endpoint": "_endpoints",
    "AmazonPayError": "_errors",
    "APIConnectionError": "_errors",
    "APIStatusError": "_errors",
    "APITimeoutError": "_errors",
    "AuthenticationError": "_errors",
    "BadRequestError": "_errors",
    "ConfigurationError": "_errors",
    "DeclinedError": "_errors",
    "DownloadExpiredError": "_errors",
    "DownloadTooLargeError": "_errors",
    "IdempotencyError": "_errors",
    "NotFoundError": "_errors",
    "NotificationObjectError": "_errors",
    "NotificationVerificationError": "_errors",
    "OutcomeUnknownError": "_errors",
    "RateLimitError": "_errors",
    "ReasonCode": "_codes",
    "ServerError": "_errors",
    "StorageError": "_errors",
    "UnexpectedResponseError": "_errors",
    "UnprocessableError": "_errors",
    "WaitTimeoutError": "_errors",
    "JsonObject": "_json",
    "JsonValue": "_json",
    "CallOptions": "_options",
    "MoneyCallOptions": "_options",
    "request_options": "_options",
    "Outcome": "_outcome",
    "outcome_of": "_outcome",
    "AsyncPager": "_pagination",
    "SyncPager": "_pagination",
    "RetryPolicy": "_retry",
    "Algorithm": "_signing",
}

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "Algorithm",
    "AmazonPay",
    "AmazonPayError",
    "AsyncAmazonPay",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "CallOptions",
    "ClientOptions",
    "ConfigurationError",
    "DeclinedError",
    "DownloadExpiredError",
    "DownloadTooLargeError",
    "Endpoint",
    "IdempotencyError",
    "JsonObject",
    "JsonValue",
    "MoneyCallOptions",
    "NotFoundError",
    "NotificationObjectError",
    "NotificationVerificationError",
    "Outcome",
    "OutcomeUnknownError",
    "RateLimitError",
    "ReasonCode",
    "RetryPolicy",
    "ServerError",
    "StorageError",
    "SyncPager",
    "UnexpectedResponseError",
    "UnprocessableError",
    "WaitTimeoutError",
    "__version__",
    "outcome_of",
    "request_options",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'amazonpay' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later accesses skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
