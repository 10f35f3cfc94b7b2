"""Audit: a malformed --header, which may carry a credential, is refused without being echoed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from amazonpay.cli._app import cli
from amazonpay.cli._calling import USAGE_EXIT_CODE

SECRET = "Atza|IwEBIP-secret-delegated-token"


@pytest.mark.parametrize("header", [f"x-amz-pay-authtoken={SECRET}", f"Authorization Bearer {SECRET}", SECRET])
def test_a_header_without_a_colon_is_refused_without_showing_its_value(header: str) -> None:
    result = CliRunner().invoke(cli, ["charges", "get", "C01-0000000-0000000", "--header", header])

    assert result.exit_code == USAGE_EXIT_CODE
    assert "NAME:VALUE" in result.output
    assert SECRET not in result.output
    assert "IwEBIP" not in result.output
