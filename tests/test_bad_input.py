"""Bad input is refused with a clear error before any request is sent."""

from __future__ import annotations

import httpx
import pytest

from amazonpay import ConfigurationError
from tests.support.bad_input import CASES, ROOT, Case, table

FIX_WORDS = ("pass", "use", "drop", "create", "must", "may not", "applies to", "at most", "such as", "see ")


@pytest.mark.parametrize("case", CASES, ids=[f"{c.group}: {c.name}" for c in CASES])
def test_refused_before_sending(case: Case) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with pytest.raises(ConfigurationError) as raised:
        case.run(transport)
    assert isinstance(raised.value, ValueError)
    assert sent == []
    message = str(raised.value)
    assert any(word in message for word in FIX_WORDS), f"the message names no fix: {message}"


def test_the_readme_table_lists_every_case_with_its_message() -> None:
    readme = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert table() in readme, "docs/errors.md's bad-input table is stale: python -m tests.support.bad_input prints it"
