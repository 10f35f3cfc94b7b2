"""The browser folder's marker stays in its folder: the default run must not deselect the rest of the suite."""

from __future__ import annotations

import pytest

from tests.browser.conftest import pytest_collection_modifyitems


def test_a_test_outside_tests_browser_is_not_marked_browser(request: pytest.FixtureRequest) -> None:
    item = request.node
    pytest_collection_modifyitems([item])
    assert item.get_closest_marker("browser") is None
