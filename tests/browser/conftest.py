"""Browser tests of the buyer's side: Debian's Chromium driven by pytest-playwright, one browser per session.

Every test gets a fresh context and page (pytest-playwright's ``context`` / ``page``); a test
fails on any console error or uncaught page error. The hosted pages a test passes are
screenshot as it goes (``BuyerSteps``) and written on failure to
``test-results/browser/<test>/<n>-<page>.png``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .shop import ORIGIN, Shop

SCREENSHOTS = Path(__file__).parents[2] / "test-results" / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here is a browser test (``-m browser``; the default run leaves them to nox -s browser).

    pytest calls this hook with every collected item, not only this folder's: the others are left alone.
    """
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's chromium (nox -s browser installs it): Playwright downloads no browser."""
    chromium = os.environ.get("AMAZONPAY_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).is_file():
        pytest.fail(f"{chromium} not found: run nox -s browser, which installs Debian's chromium", pytrace=False)
    return {**browser_type_launch_args, "executable_path": chromium, "headless": True}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[Any]:
    """Keep each phase's report on the item: the screenshot fixture writes its pictures when the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


class BuyerSteps:
    """The buyer's clicks on the hosted pages, each page screenshot (kept in memory) before it is used."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.shots: list[tuple[str, bytes]] = []

    def on(self, name: str) -> Any:
        """Wait for the hosted page ``name`` (its ``data-page``), screenshot it, return the page."""
        self.page.wait_for_selector(f'body[data-page="{name}"]')
        self.shots.append((name, self.page.screenshot(full_page=True)))
        return self.page

    def sign_in(self, buyer: int = 0) -> None:
        """Sign in as the simulated buyer number ``buyer``."""
        page = self.on("signin")
        page.check(f'input[name="buyer"][value="{buyer}"]')
        page.click("#signin")

    def choose(self, *, address: int | None = None, instrument: str | None = None) -> None:
        """Pick an address and an instrument (or keep what is checked), then continue or pay."""
        page = self.on("choose")
        if address is not None:
            page.check(f'input[name="address"][value="{address}"]')
        if instrument is not None:
            page.check(f'input[name="instrument"][value="{instrument}"]')
        page.click("#continue")

    def pick_after_decline(self, instrument: str) -> str:
        """On the decline page: the reason shown, then pay with ``instrument``."""
        page = self.on("decline")
        reason = page.inner_text("#decline-reason")
        page.check(f'input[name="instrument"][value="{instrument}"]')
        page.click("#pay")
        return str(reason)

    def cancel(self, on: str) -> None:
        """Cancel on the hosted page ``on``."""
        self.on(on).click("#cancel")

    def error(self) -> str:
        """The error page's text (code and message)."""
        return str(self.on("error").inner_text("#error"))


@pytest.fixture
def buyer(page: Any, request: pytest.FixtureRequest) -> Iterator[BuyerSteps]:
    """The buyer's steps in ``page``; fails the test on a console or page error; screenshots on failure."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(f"console {message.type}: {message.text}") if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.set_default_timeout(10_000)
    steps = BuyerSteps(page)
    yield steps
    failed = any(
        getattr(request.node, f"report_{when}", None) is not None and getattr(request.node, f"report_{when}").failed
        for when in ("setup", "call")
    )
    if failed or problems:
        folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
        folder.mkdir(parents=True, exist_ok=True)
        for number, (name, png) in enumerate(steps.shots, 1):
            (folder / f"{number:02d}-{name}.png").write_bytes(png)
    assert not problems, "the browser reported errors:\n" + "\n".join(problems)


@pytest.fixture
def shop(
    amazon_pay: Any,
    amazon_pay_options: dict[str, Any],
    amazon_pay_sandbox: Any,
    amazon_pay_buyer_pages: Any,
    context: Any,
) -> Shop:
    """The merchant's shop at ORIGIN (served by the test through Playwright's routing), on the simulator."""
    amazon_pay_buyer_pages.route(context)
    merchant = Shop(amazon_pay, amazon_pay_options["public_key_id"], amazon_pay_sandbox)
    context.route(re.compile("^" + re.escape(ORIGIN) + "/"), merchant.handle)
    return merchant
