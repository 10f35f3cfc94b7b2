"""The amazonpay pytest plugin in a merchant's suite that also has pytest-playwright, as a browser-testing user's has.

Each suite runs in a pytest process of its own, as a user's does: both plugins arrive by their
entry points. (In process, pytester would nest pytest-playwright's soft-assertion scope, a
module global, inside the outer test's, and every inner test would fail for that alone.)
"""

from __future__ import annotations

import pytest

from tests.test_pytest_plugin import USER_TESTS

pytest_plugins = ["pytester"]

#: The user's conftest: Debian's Chromium, as tests/browser/conftest.py launches it.
CONFTEST = """
import os

import pytest


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": os.environ.get("AMAZONPAY_CHROMIUM", "/usr/bin/chromium")}
"""


def test_the_plugins_own_user_suite_passes_beside_playwright(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_shop=USER_TESTS)
    result = pytester.runpytest_subprocess("--strict-markers", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["plugins:*playwright-*"])
    result.stdout.fnmatch_lines(["plugins:*amazonpay-*"])
    result.assert_outcomes(passed=7, failed=1)  # the one failing on purpose (an injected 503)


def test_a_page_beside_the_async_client(pytester: pytest.Pytester) -> None:
    """Playwright's sync API leaves its event loop set in the test's thread; closing the async client must not mind."""
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        test_checkout="""
        def test_the_script_in_a_page(page, amazon_pay, async_amazon_pay, amazon_pay_buyer_pages):
            amazon_pay_buyer_pages.route(page)
            page.set_content('<script src="https://static-eu.payments-amazon.com/checkout.js"></script>')
            assert page.evaluate("typeof amazon.Pay.renderButton") == "function"


        def test_the_async_client_after_a_page(async_amazon_pay, amazon_pay_sandbox):
            assert not amazon_pay_sandbox.requests
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
