"""Every code block of docs/results-and-testing-clock.md runs, as a reader would run it.

Blocks of plain code run in order in one namespace (a later block uses what an earlier one
made); a block with tests is a user's test module, run by pytest with the plugin its entry
point loads; a block with only fixtures is a user's conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

PAGE = Path(__file__).resolve().parents[1] / "docs" / "results-and-testing-clock.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```$", PAGE.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_the_page_has_its_blocks() -> None:
    assert len(BLOCKS) == 4


def test_the_plain_blocks_run_in_order() -> None:
    namespace: dict[str, object] = {"__name__": "docs_example"}
    plain = [block for block in BLOCKS if "def test_" not in block and "@pytest.fixture" not in block]
    assert len(plain) == 2
    for block in plain:
        exec(compile(block, str(PAGE), "exec"), namespace)  # noqa: S102 (our own page)


def test_the_test_block_passes_in_a_users_suite(pytester: pytest.Pytester) -> None:
    (block,) = [block for block in BLOCKS if "def test_" in block]
    pytester.makepyfile(test_refunds=block)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=1)


def test_the_override_block_turns_the_simulated_sleep_off(pytester: pytest.Pytester) -> None:
    (block,) = [block for block in BLOCKS if "@pytest.fixture" in block]
    pytester.makeconftest(block)
    pytester.makepyfile(
        test_override="""
def test_waits_sleep_for_real_again(amazon_pay_options, amazon_pay):
    assert amazon_pay_options["wait_sleep"] is None
"""
    )
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly").assert_outcomes(passed=1)
