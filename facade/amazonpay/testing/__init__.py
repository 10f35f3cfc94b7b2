"""amazonpay.testing: an in-memory, stateful simulator of the Amazon Pay API v2 sandbox.

Like moto for AWS or stripe-mock for Stripe: test code that calls Amazon Pay without
Amazon's servers. ::

    from amazonpay.testing import AmazonPaySandbox

    sandbox = AmazonPaySandbox()
    key_id, private_pem = sandbox.create_key()
    transport = sandbox.transport()  # httpx transport, sync and async
    ...
    sandbox.approve(checkout_session_id)  # the buyer's browser step
    sandbox.subscribe(handler)  # notifications, signed like SNS (verify with fetcher=sandbox.sns.fetch)
    sandbox.advance(timedelta(hours=1))  # simulated time: what is due settles, nothing sleeps

``python -m amazonpay.testing --port 8765`` runs the same simulator as an HTTP server, for
tools in other languages; ``--tls`` serves HTTPS with a certificate it makes, so the official
SDKs' service-URL overrides (always ``https://``) reach it. The server also plays the buyer's
side in a browser: Amazon's ``checkout.js`` and hosted pages (:class:`BuyerPages`,
docs/browser-testing.md).
"""

from ._browser_routes import BuyerPages
from ._errors import Reason, SandboxError
from ._faults import Fault, FaultContext, FaultRule, SimulatedBrokenBody, SimulatedNetworkError
from ._notify import NotificationDelivery, PublishedNotification
from ._request_log import RecordedRequest
from ._sandbox import AmazonPaySandbox
from ._server import SandboxServer
from ._sns import SnsSigner
from ._transport import SandboxTransport

__all__ = [
    "AmazonPaySandbox",
    "BuyerPages",
    "Fault",
    "FaultContext",
    "FaultRule",
    "NotificationDelivery",
    "PublishedNotification",
    "Reason",
    "RecordedRequest",
    "SandboxError",
    "SandboxServer",
    "SandboxTransport",
    "SimulatedBrokenBody",
    "SimulatedNetworkError",
    "SnsSigner",
]
