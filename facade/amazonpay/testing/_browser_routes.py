"""Pointing a browser at the simulator's buyer side: Amazon's script and redirect URLs routed to a running server.

A merchant page loads ``https://static-na|eu|fe.payments-amazon.com/checkout.js`` (docs
amazon-pay-checkout/add-the-amazon-pay-button.html, "1. Add the Amazon Pay script") and sends the
buyer to ``amazonPayRedirectUrl``: on payments.amazon.com, .eu or .co.jp for a Checkout Session
made through the API (as the service answers), on the simulator for one its button made.
:meth:`BuyerPages.route` answers Amazon's URLs in a Playwright page or browser context with the
simulator's script and a redirect to the same path on the simulator, so the page under test
runs unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ._server import SandboxServer

# ^ and $, not \A and \Z: Playwright hands the pattern to the browser as a JavaScript regular expression.
#: Amazon's script, the same for every region (the simulator serves one at ``/checkout.js``).
SCRIPT_URLS: Final = re.compile(r"^https://static-(?:na|eu|fe)\.payments-amazon\.com/checkout\.js(?:\?.*)?$")
#: ``amazonPayRedirectUrl`` of each region (``_checkout_sessions.REDIRECT_HOSTS``), served at ``/checkout``.
REDIRECT_URLS: Final = re.compile(r"^https://payments\.amazon\.(?:com|eu|co\.jp)/checkout\?.*$")


class RoutedRequest(Protocol):
    """What the route handler reads of the request (Playwright's ``Request``)."""

    @property
    def url(self) -> str:
        """The URL requested."""


class Route(Protocol):
    """What the route handler calls (Playwright's ``Route``)."""

    @property
    def request(self) -> RoutedRequest:
        """The request being routed."""

    def fetch(self, *, url: str) -> object:
        """Send the request to ``url`` instead; its response."""

    def fulfill(self, *, status: int = 200, headers: dict[str, str] | None = None, response: object = None) -> None:
        """Answer the request without sending it."""


class Routable(Protocol):
    """A Playwright ``Page`` or ``BrowserContext`` (sync API): what :meth:`BuyerPages.route` routes in."""

    def route(self, url: re.Pattern[str], handler: Callable[[Route], None]) -> None:
        """Answer requests to ``url`` with ``handler``."""


class BuyerPages:
    """The simulator's buyer side on a running :class:`~amazonpay.testing.SandboxServer`.

    ``url`` is the server; ``script_url`` the Amazon Pay script for a page that names it
    directly; :meth:`route` maps Amazon's own URLs to them in a Playwright page or context;
    :meth:`redirect_url` maps an ``amazonPayRedirectUrl`` for a browser driven otherwise.
    """

    def __init__(self, server: SandboxServer) -> None:
        self.url: str = server.url
        """``http(s)://host:port`` of the simulator."""

    @property
    def script_url(self) -> str:
        """The simulator's Amazon Pay script (what Amazon serves as ``checkout.js``)."""
        return f"{self.url}/checkout.js"

    def redirect_url(self, amazon_pay_redirect_url: str) -> str:
        """``amazonPayRedirectUrl`` on the simulator: the same path and query, the simulator's host."""
        if not REDIRECT_URLS.match(amazon_pay_redirect_url):
            raise ValueError(
                f"{amazon_pay_redirect_url[:100]!r} is not an amazonPayRedirectUrl "
                "(https://payments.amazon.com|.eu|.co.jp/checkout?amazonCheckoutSessionId=...)"
            )
        parts = urlsplit(amazon_pay_redirect_url)
        return f"{self.url}{parts.path}?{parts.query}"

    def route(self, target: Routable) -> None:
        """Send ``target``'s requests for Amazon's script and redirect pages to the simulator.

        ``target`` is a Playwright ``Page`` or ``BrowserContext`` (sync API). The script is
        answered with the simulator's, the redirect page with a redirect to the simulator.
        """
        target.route(SCRIPT_URLS, self._script)
        target.route(REDIRECT_URLS, self._redirect)

    def _on_simulator(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{self.url}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def _script(self, route: Route) -> None:
        # Fetched and answered in place: a page may not follow a redirect from a public host to the
        # simulator on loopback (Chromium's Private Network Access); a navigation may.
        route.fulfill(response=route.fetch(url=self._on_simulator(route.request.url)))

    def _redirect(self, route: Route) -> None:
        route.fulfill(
            status=302, headers={"location": self._on_simulator(route.request.url), "cache-control": "no-store"}
        )
