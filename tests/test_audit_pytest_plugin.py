"""Audit: a failing user test shows its fixtures' values; none of them is a private key."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


def test_a_failing_test_does_not_print_the_throwaway_private_key(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_fails(amazon_pay_options, amazon_pay, amazon_pay_sandbox):
            assert amazon_pay_options["region"] == "na"
        """
    )
    result = pytester.runpytest("-p", "no:randomly", "-p", "no:cacheprovider", "--showlocals")

    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    assert "amazon_pay_options = " in output  # pytest did show the fixture's value
    assert "PRIVATE KEY" not in output
    assert "MII" not in output
