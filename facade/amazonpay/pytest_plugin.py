"""The ``amazonpay`` pytest plugin: a fresh simulator and clients wired to it, for every test.

pytest loads it by itself once ``amazonpay`` is installed (entry point ``pytest11``). ::

    import pytest
    from amazonpay import ServerError

    def test_checkout(amazon_pay, amazon_pay_sandbox):
        session = amazon_pay.checkout_sessions.create({...})
        amazon_pay_sandbox.approve(session.checkout_session_id)

    @pytest.mark.amazon_pay_fault(status=503, headers={"Retry-After": "0"}, times=4)  # every attempt
    def test_checkout_when_amazon_is_down(amazon_pay):
        with pytest.raises(ServerError):
            amazon_pay.checkout_sessions.create({...})

Fixtures: ``amazon_pay_sandbox`` (an :class:`~amazonpay.testing.AmazonPaySandbox`),
``amazon_pay_options`` (the client keyword arguments: a throwaway key the sandbox knows, its
transport, region ``eu``, its clock, and its ``sleep`` for every ``wait()``; override it to
change them), ``amazon_pay`` and ``async_amazon_pay`` (clients made from those options, closed
after the test), ``amazon_pay_buyer_pages`` (the sandbox served over HTTP with Amazon's script
and hosted pages, for browser tests: docs/browser-testing.md). A ``wait()`` of those clients
moves the simulated time instead of sleeping: an hour of it passes in milliseconds.

The ``amazon_pay_fault`` marker takes the arguments of
:meth:`~amazonpay.testing.AmazonPaySandbox.fail_next`; its faults are armed once the test's
fixtures are set up, so they hit the test's own calls, in the order the markers are written.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

import pytest

# The client and the simulator are imported when a fixture is used, not when pytest loads the
# plugin (which is why it lives outside amazonpay.testing, whose import loads the simulator):
# every pytest run where amazonpay is installed loads it, and most never touch Amazon Pay.
if TYPE_CHECKING:
    from amazonpay import AmazonPay, AsyncAmazonPay, ClientOptions
    from amazonpay.testing import AmazonPaySandbox, BuyerPages, SandboxTransport

FAULT_MARKER = "amazon_pay_fault"


def pytest_configure(config: pytest.Config) -> None:
    """Register the fault marker, so that ``--strict-markers`` accepts it."""
    config.addinivalue_line(
        "markers",
        f"{FAULT_MARKER}(status=None, headers=None, *, times=1, after_processing=False, exception=None, "
        "body=None, operation_id=None, break_body=None): make amazon_pay_sandbox fail the test's next "
        "requests (AmazonPaySandbox.fail_next's arguments)",
    )


def client_options(sandbox: AmazonPaySandbox, region: str = "eu") -> ClientOptions[SandboxTransport]:
    """Keyword arguments for ``AmazonPay(...)`` / ``AsyncAmazonPay(...)`` that talk to ``sandbox``.

    A throwaway key the sandbox knows, its in-memory transport (no sockets) and its clock, so
    that requests stay dated right when the test moves simulated time on (``sandbox.advance``),
    and its ``sleep`` as the waits' (``wait_sleep``): a ``wait()`` that pauses moves the
    simulated time on by as much, and nothing really sleeps. The key is a loaded key object,
    not PEM: pytest prints a failing test's fixture values, and a key object's repr shows
    nothing of it.
    """
    from amazonpay._keys import load_private_key

    key_id, private_pem = sandbox.create_key()
    return {
        "public_key_id": key_id,
        "private_key": load_private_key(private_pem),
        "region": region,
        "transport": sandbox.transport(),
        "clock": sandbox.now,
        "wait_sleep": sandbox.sleep,
    }


@pytest.fixture
def amazon_pay_sandbox() -> AmazonPaySandbox:
    """A fresh Amazon Pay simulator (:class:`~amazonpay.testing.AmazonPaySandbox`) for this test."""
    from amazonpay.testing import AmazonPaySandbox

    return AmazonPaySandbox()


@pytest.fixture
def amazon_pay_options(amazon_pay_sandbox: AmazonPaySandbox) -> ClientOptions[SandboxTransport]:
    """The keyword arguments ``amazon_pay`` and ``async_amazon_pay`` are made with (see :func:`client_options`).

    Override it to change them, e.g. in a ``conftest.py``::

        @pytest.fixture
        def amazon_pay_options(amazon_pay_options):
            return {**amazon_pay_options, "region": "na"}
    """
    return client_options(amazon_pay_sandbox)


@pytest.fixture
def amazon_pay(amazon_pay_options: ClientOptions[SandboxTransport]) -> Iterator[AmazonPay]:
    """An :class:`~amazonpay.AmazonPay` client of ``amazon_pay_sandbox``, closed after the test."""
    from amazonpay import AmazonPay

    with AmazonPay(**amazon_pay_options) as client:
        yield client


@pytest.fixture
def async_amazon_pay(amazon_pay_options: ClientOptions[SandboxTransport]) -> Iterator[AsyncAmazonPay]:
    """An :class:`~amazonpay.AsyncAmazonPay` client of ``amazon_pay_sandbox``, closed after the test.

    A plain fixture, so it works with any async test runner (anyio, pytest-asyncio, trio).
    """
    from concurrent.futures import ThreadPoolExecutor

    import anyio

    from amazonpay import AsyncAmazonPay

    client = AsyncAmazonPay(**amazon_pay_options)
    yield client
    # The sandbox transport holds no connection and no event loop, so a loop of its own closes it,
    # in a thread of its own: this thread may have a loop set as running (Playwright's sync API,
    # pytest-playwright's ``page``, leaves its loop so), and anyio.run refuses to start in it.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="amazonpay-aclose") as closer:
        closer.submit(anyio.run, client.aclose).result()


@pytest.fixture
def amazon_pay_buyer_pages(amazon_pay_sandbox: AmazonPaySandbox) -> Iterator[BuyerPages]:
    """``amazon_pay_sandbox`` served over HTTP with the buyer's side, for a test that drives a browser.

    The Amazon Pay script and Amazon's hosted pages (sign-in, address and payment, declines,
    cancel) are served by the same simulator the ``amazon_pay`` client talks to, so what the
    buyer does in the browser and what the merchant's server calls meet in one state.
    ``amazon_pay_buyer_pages.route(page)`` sends a Playwright page's (or context's) requests for
    ``https://static-*.payments-amazon.com/checkout.js`` and ``amazonPayRedirectUrl`` to it.
    The server stops after the test.
    """
    from amazonpay.testing import BuyerPages

    server = amazon_pay_sandbox.serve()
    try:
        yield BuyerPages(server)
    finally:
        server.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Arm the ``amazon_pay_fault`` markers' faults after the fixtures are set up, right before the test runs."""
    markers = list(item.iter_markers(FAULT_MARKER))
    if markers:
        sandbox = getattr(item, "funcargs", {}).get("amazon_pay_sandbox")
        if sandbox is None:
            pytest.fail(
                f"@pytest.mark.{FAULT_MARKER} needs the amazon_pay_sandbox fixture "
                "(request it, or amazon_pay / async_amazon_pay, which use it)",
                pytrace=False,
            )
        # iter_markers yields the test's own markers first, bottom-up: reversed, they read as written.
        for marker in reversed(markers):
            try:
                sandbox.fail_next(*marker.args, **marker.kwargs)
            except TypeError as error:
                pytest.fail(
                    f"@pytest.mark.{FAULT_MARKER} takes AmazonPaySandbox.fail_next's arguments: {error}", pytrace=False
                )
    return (yield)
