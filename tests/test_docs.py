"""Every Python block of the guide (README.md and docs/) runs against the simulator, as written.

A page's blocks run in order in one namespace, as a reader runs them one after the other. The
names a page uses without defining them (a client, an id from an earlier step the page does not
show) are given by ``given()`` below, made through the public client against the simulator:
a block cannot lean on anything else. A block whose code uses ``await`` runs in an event loop.
A block titled ``test_*.py`` is a test module: it runs under pytest (pytester) and must pass;
those of the browser-testing page need Chromium, and ``nox -s browser`` runs them.

A block that cannot run here says so in its fence, ```` ```python title="not run in CI: why" ````,
which the site shows as its title; they are few and each names its reason.
"""

from __future__ import annotations

import ast
import asyncio
import logging
import queue
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from amazonpay import AmazonPay, AsyncAmazonPay
from amazonpay.pytest_plugin import client_options
from amazonpay.testing import AmazonPaySandbox
from tests.support.operations import STORE_ID
from tests.support.shop import Shop

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```python(?P<info>[^\n]*)\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL)
NOT_RUN = re.compile(r'title="not run in CI: [^"]+"')
TEST_MODULE = re.compile(r'title="(?P<name>test_\w+\.py)"')
#: The most blocks the guide may leave unrun; raising it needs a reason in the review.
MOST_NOT_RUN = 3
#: Its test modules drive Chromium through a shop: nox -s browser runs them (tests/browser/test_docs_example.py).
BROWSER_PAGE = ROOT / "docs" / "browser-testing.md"


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    info: str
    code: str

    @property
    def runs(self) -> bool:
        return not NOT_RUN.search(self.info)

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [
        Block(page, text.count("\n", 0, match.start()) + 1, match["info"].strip(), match["code"])
        for match in FENCE.finditer(text)
    ]


ALL_BLOCKS = [block for page in PAGES for block in blocks(page)]


#: Pages whose merchant is not the default (eu): their prices are in another currency.
REGION = {"recurring.md": "na"}


def checkout(pay: AmazonPay, sandbox: AmazonPaySandbox) -> str:
    """A captured charge of EUR 20.00, made as docs/checkout.md shows; its id."""
    price = {"amount": "20.00", "currencyCode": "EUR"}
    session = pay.checkout_sessions.create(
        {"webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"}, "storeId": STORE_ID}
    )
    sandbox.approve(session.checkout_session_id)
    pay.checkout_sessions.update(
        session.checkout_session_id,
        {
            "webCheckoutDetails": {"checkoutResultReturnUrl": "https://shop.example/result"},
            "paymentDetails": {"paymentIntent": "AuthorizeWithCapture", "chargeAmount": price},
        },
    )
    charge_id = pay.checkout_sessions.complete(session.checkout_session_id, {"chargeAmount": price}).charge_id
    assert isinstance(charge_id, str)
    return charge_id


@pytest.fixture
def given(
    request: pytest.FixtureRequest,
    amazon_pay_sandbox: AmazonPaySandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[dict[str, Any]]:
    """What the guide's blocks use without defining it, made against one simulator."""
    sandbox = amazon_pay_sandbox
    shop = Shop(sandbox)
    charge = shop.captured_charge("50.00")  # EUR, captured: refunds and disputes need one
    recurring = shop.checkout("20.00", "Authorize", permission_type="Recurring")  # a Chargeable permission
    refund = shop.pay.refunds.create(
        {"chargeId": charge.charge_id, "refundAmount": {"amount": "1.00", "currencyCode": "EUR"}}
    )
    dispute = sandbox.file_chargeback(charge.charge_id, amount={"amount": "5.00", "currencyCode": "EUR"})
    region = REGION.get(request.node.callspec.params["page"].name, "eu")
    apay = AsyncAmazonPay(**client_options(sandbox, region))  # closed below, in an event loop
    with AmazonPay(**client_options(sandbox, region)) as pay, sandbox.serve() as server:
        # AmazonPay.from_env() reaches the same simulator over loopback HTTP.
        key_id, private_pem = sandbox.create_key()
        monkeypatch.setenv("AMAZON_PAY_PUBLIC_KEY_ID", key_id)
        monkeypatch.setenv("AMAZON_PAY_PRIVATE_KEY", private_pem.decode())
        monkeypatch.setenv("AMAZON_PAY_REGION", "eu")
        monkeypatch.setenv("AMAZON_PAY_BASE_URL", f"{server.url}/v2")
        monkeypatch.delenv("AMAZON_PAY_SANDBOX", raising=False)
        monkeypatch.chdir(tmp_path)  # files the blocks write or read (reports, evidence)
        (tmp_path / "receipt.pdf").write_bytes(b"%PDF-1.4 a receipt\n")
        yield {
            "pay": pay,
            "apay": apay,
            "sandbox": sandbox,
            "store_id": STORE_ID,
            "buyer_signs_in": sandbox.approve,
            "checkout": checkout,
            "charge_id": charge.charge_id,
            "charge_permission_id": recurring.charge_permission_id,
            "refund_id": refund.refund_id,
            "dispute_id": dispute["disputeId"],
            "log": logging.getLogger("shop"),
            # notifications.md's endpoint and worker
            "IPN_TOPIC_ARN": "arn:aws:sns:eu-west-1:123456789012:amazon-pay-ipn",
            "seen_before": lambda key: False,
            "queue": queue.Queue(),
        }
    asyncio.run(apay.aclose())
    shop.pay.close()


def run(block: Block, namespace: dict[str, Any]) -> None:
    code = compile(block.code, str(block), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    if code.co_flags & 0x80:  # CO_COROUTINE: the block awaits at top level
        asyncio.run(eval(code, namespace))  # noqa: S307  # the guide's own text, run as written
    else:
        exec(code, namespace)  # noqa: S102  # the guide's own text, run as written


@pytest.mark.parametrize("page", PAGES, ids=[str(page.relative_to(ROOT)) for page in PAGES])
def test_every_python_block_of_the_page_runs(page: Path, given: dict[str, Any], request: pytest.FixtureRequest) -> None:
    namespace = dict(given)
    for block in blocks(page):
        if not block.runs:
            continue
        if module := TEST_MODULE.search(block.info):
            if block.page == BROWSER_PAGE:
                continue
            # Asked for here: pytester moves the working directory to its own folder.
            pytester: pytest.Pytester = request.getfixturevalue("pytester")
            pytester.makepyfile(**{module["name"].removesuffix(".py"): block.code})
            tests = sum(
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")
                for node in ast.parse(block.code).body
            )
            pytester.runpytest("--strict-markers", "-p", "no:cacheprovider").assert_outcomes(passed=tests)
            continue
        try:
            run(block, namespace)
        except Exception as error:
            raise AssertionError(f"the block at {block} failed: {error!r}") from error


def test_blocks_left_unrun_are_few_and_say_why() -> None:
    unrun = [block for block in ALL_BLOCKS if not block.runs]
    assert len(unrun) <= MOST_NOT_RUN, [str(block) for block in unrun]
    assert sum(block.runs for block in ALL_BLOCKS) >= 20  # the guide's blocks are found at all


def test_every_fence_is_one_the_site_renders() -> None:
    """A fence with options the site cannot read is shown as text, and its code would not run: refused."""
    for page in PAGES:
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("```") and line.strip() != "```":
                info = line[3:].strip()
                assert re.fullmatch(r'[\w+-]+( title="[^"]+")?', info), (page, line)
