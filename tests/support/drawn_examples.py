"""``python -m tests.support.drawn_examples NODE_ID...``: run the tests in that order, in one process.

Prints, as a JSON list, the arguments (their reprs) of every example the last test, a property
test, was called with: what two runs compare to see whether a test's examples depend on what
ran before it.
"""

from __future__ import annotations

import functools
import json
import sys
from typing import Any

import pytest


class _Recorder:
    """Wraps the property test's inner test (hypothesis's ``.hypothesis.inner_test``) to note its arguments."""

    def __init__(self, node_id: str) -> None:
        self.node_id = node_id
        self.drawn: list[str] = []

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        (item,) = [item for item in items if item.nodeid == self.node_id]
        handle = item.obj.hypothesis  # type: ignore[attr-defined]
        test = handle.inner_test

        @functools.wraps(test)
        def noted(*args: Any, **kwargs: Any) -> Any:
            self.drawn.append(repr(kwargs))
            return test(*args, **kwargs)

        handle.inner_test = noted


def main(node_ids: list[str]) -> int:
    """Run ``node_ids`` in order, print the last one's examples; pytest's exit code."""
    recorder = _Recorder(node_ids[-1])
    code = pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:xdist", *node_ids], plugins=[recorder])
    print(json.dumps(recorder.drawn))
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
