"""The default run selects the unit suite: a folder's marker hook must not reach other folders' tests.

tests/browser marks its tests ``browser`` (left to ``nox -s browser``) from a conftest hook that
pytest calls with every collected item; once it marked them all and the default run selected
none of the suite's 4 000 tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _collected(*args: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return [line for line in run.stdout.splitlines() if "::" in line]


def test_the_browser_folder_marks_only_its_own_tests() -> None:
    # Collected together, so the browser conftest's hook sees this file's tests too.
    default = _collected("tests/test_selection.py", "tests/browser")
    assert default == [f"tests/test_selection.py::{test_the_browser_folder_marks_only_its_own_tests.__name__}"]
    browser = _collected("-m", "browser", "tests/test_selection.py", "tests/browser")
    assert browser
    assert all(line.startswith("tests/browser/") for line in browser)
