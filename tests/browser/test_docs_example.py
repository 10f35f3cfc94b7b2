"""docs/browser-testing.md's example test, run as written: the example shop as its ``shop_url``.

A merchant copies the block; it runs here in a pytest process of its own with pytest-playwright
and the amazonpay plugin loaded by their entry points, as in the merchant's suite. The only
thing added is what the page says is the merchant's own: the ``shop_url`` fixture (here the
example shop, examples/shop, with Amazon's script URL routed by the block itself).
"""

from __future__ import annotations

import ast
import os

import pytest

from tests.test_docs import BROWSER_PAGE, ROOT, TEST_MODULE, blocks

pytest_plugins = ["pytester"]

#: The page's test modules by name (its other blocks, if any, test_docs.py runs).
EXAMPLES = {match["name"]: block.code for block in blocks(BROWSER_PAGE) if (match := TEST_MODULE.search(block.info))}

#: The merchant's conftest: Debian's Chromium, and their shop served on loopback.
CONFTEST = """
import os

import pytest

from tests.browser.example_shop import serve


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": os.environ.get("AMAZONPAY_CHROMIUM", "/usr/bin/chromium")}


@pytest.fixture
def shop_url(amazon_pay, amazon_pay_options, tmp_path):
    with serve(amazon_pay, amazon_pay_options["public_key_id"], tmp_path) as shop:
        yield shop.url
"""


def test_the_page_has_its_example() -> None:
    assert list(EXAMPLES) == ["test_buyer_checks_out.py"]


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_example_passes_as_written(name: str, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    code = EXAMPLES[name]
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(**{name.removesuffix(".py"): code})
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    result = pytester.runpytest_subprocess("--strict-markers", "-p", "no:cacheprovider")
    tests = sum(isinstance(node, ast.FunctionDef) and node.name.startswith("test_") for node in ast.parse(code).body)
    result.assert_outcomes(passed=tests)
