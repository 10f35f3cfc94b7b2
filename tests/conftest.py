"""Shared fixtures of the test suite."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from amazonpay._transport import AmazonPayTransport
from tests.support.spec import request_violations


# --- contract: every request the facade emits matches the effective spec -----------------
@pytest.fixture(autouse=True)
def requests_match_the_spec(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Validate each prepared (stamped and signed) request against the effective spec.

    Opt out with ``@pytest.mark.spec_violations_expected`` where a test sends a request the
    spec forbids on purpose, or where another validator (Prism) checks it.
    """
    if request.node.get_closest_marker("spec_violations_expected"):
        yield
        return
    violations: list[str] = []
    prepare = AmazonPayTransport._prepare

    def prepare_and_check(self: AmazonPayTransport, http_request: httpx.Request, attempts: object) -> None:
        prepare(self, http_request, attempts)  # type: ignore[arg-type]
        violations.extend(request_violations(http_request))

    monkeypatch.setattr(AmazonPayTransport, "_prepare", prepare_and_check)
    yield
    assert not violations, "requests that violate the effective spec:\n" + "\n".join(violations)
