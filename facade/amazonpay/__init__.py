"""amazonpay: the Amazon Pay API v2 client — signed, routed, retried, typed; sync and async.

Quick start::

    from pathlib import Path
    from amazonpay import AmazonPay

    with AmazonPay(public_key_id="SANDBOX-AHEXAMPLE", private_key=Path("private.pem"), region="eu") as pay:
        charge = pay.charges.get("S02-1234567-1234567-C123456")
"""

__version__ = "0.1.0"

from ._client import AmazonPay, AsyncAmazonPay
from ._endpoints import Endpoint
from ._errors import (
    AmazonPayError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DownloadExpiredError,
    NotFoundError,
    NotificationVerificationError,
    RateLimitError,
    ServerError,
    StorageError,
    UnexpectedResponseError,
    UnprocessableError,
)
from ._options import CallOptions, MoneyCallOptions, request_options
from ._pagination import AsyncPager, SyncPager
from ._retry import RetryPolicy
from ._signing import Algorithm

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
    "ConfigurationError",
    "DownloadExpiredError",
    "Endpoint",
    "MoneyCallOptions",
    "NotFoundError",
    "NotificationVerificationError",
    "RateLimitError",
    "RetryPolicy",
    "ServerError",
    "StorageError",
    "SyncPager",
    "UnexpectedResponseError",
    "UnprocessableError",
    "__version__",
    "request_options",
]
