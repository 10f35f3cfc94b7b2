"""The buyer's side over HTTPS: the simulator served with ``tls=True`` (``python -m amazonpay.testing --tls``).

Chromium is told to accept the simulator's own certificate, and only it: its public key's hash
is given to ``--ignore-certificate-errors-spki-list`` (Chromium's flag for a pinned key), so a
wrong certificate would still fail, where ``ignore_https_errors`` would accept anything.
"""

from __future__ import annotations

import base64
import hashlib
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from amazonpay import AmazonPay
from amazonpay.testing import AmazonPaySandbox, BuyerPages, SandboxServer

from .conftest import BuyerSteps
from .example_shop import ExampleShop, serve


@pytest.fixture
def tls_server(amazon_pay_sandbox: AmazonPaySandbox) -> Iterator[SandboxServer]:
    with amazon_pay_sandbox.serve(tls=True) as server:
        yield server


@pytest.fixture
def amazon_pay_buyer_pages(tls_server: SandboxServer) -> BuyerPages:
    """The plugin's fixture, on the HTTPS server."""
    return BuyerPages(tls_server)


def _spki_hash(server: SandboxServer) -> str:
    """base64(SHA-256(SubjectPublicKeyInfo)) of the certificate the server presents, checked against its CA."""
    host, _, port = server.authority.rpartition(":")
    pem = ssl.get_server_certificate((host, int(port)), ca_certs=str(server.ca_file))
    key = x509.load_pem_x509_certificate(pem.encode("ascii")).public_key()
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(der).digest()).decode("ascii")


@pytest.fixture
def page(browser_type: Any, browser_type_launch_args: dict[str, Any], tls_server: SandboxServer) -> Iterator[Any]:
    """A page of a Chromium that accepts the simulator's certificate (pytest-playwright's, overridden here)."""
    browser = browser_type.launch(
        **browser_type_launch_args, args=[f"--ignore-certificate-errors-spki-list={_spki_hash(tls_server)}"]
    )
    try:
        yield browser.new_context().new_page()
    finally:
        browser.close()


@pytest.fixture
def example_shop(
    amazon_pay: AmazonPay, amazon_pay_options: dict[str, Any], amazon_pay_buyer_pages: BuyerPages, tmp_path: Path
) -> Iterator[ExampleShop]:
    with serve(amazon_pay, amazon_pay_options["public_key_id"], tmp_path, amazon_pay_buyer_pages.script_url) as shop:
        yield shop


def test_a_checkout_on_the_https_simulator(
    page: Any,
    buyer: BuyerSteps,
    example_shop: ExampleShop,
    amazon_pay_buyer_pages: BuyerPages,
    amazon_pay_sandbox: AmazonPaySandbox,
) -> None:
    assert amazon_pay_buyer_pages.script_url.startswith("https://127.0.0.1:")
    page.goto(f"{example_shop.url}/products/grinder")
    page.click("#AmazonPayButton [role=button]")
    buyer.sign_in()
    assert page.url.startswith(f"{amazon_pay_buyer_pages.url}/buyer/choose?")  # the hosted pages, over HTTPS
    buyer.choose(address=0)
    page.wait_for_url(f"{example_shop.url}/review/grinder?amazonCheckoutSessionId=*")
    page.click("#placeOrder")
    page.wait_for_url(f"{example_shop.url}/result?amazonCheckoutSessionId=*")
    assert page.inner_text("#result").endswith("payment Captured.")

    (order,) = example_shop.records.orders()
    ledger = [
        (row["TransactionType"], row["TransactionAmount"], row["ChargeId"]) for row in amazon_pay_sandbox.ledger()
    ]
    assert ledger == [("Capture", "49.99", order.charge_id)]
