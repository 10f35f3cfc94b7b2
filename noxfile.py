"""Every development task of the project; `python3 scripts/nox` runs the default set (CI)."""

from __future__ import annotations

import difflib
import filecmp
import tempfile
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|venv"
nox.options.sessions = ["drift", "lint", "typecheck", "tests", "contract"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PYTHON = "3.11"
REQUIREMENTS = ROOT / "requirements"
GENERATED_OUTPUTS = (
    "openapi/amazon-pay-api.effective.yml",
    "generated/amazonpay_api",
    "facade/amazonpay/_request_schemas.json",
    "facade/amazonpay/_reconciliations.json",
)


def _install_project(session: nox.Session) -> None:
    """The package and the test tools, every version pinned by requirements/tests.txt."""
    lock = str(REQUIREMENTS / "tests.txt")
    session.install("-r", lock)
    session.install("-c", lock, "-e", ".")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate the effective spec and generated/ in place from openapi/."""
    session.install("-r", str(REQUIREMENTS / "generate.txt"))
    session.run("python", "scripts/generate.py")


def _tree_diff(committed: Path, fresh: Path) -> list[str]:
    """Unified diffs of every file that differs between two files or folders."""
    if committed.is_file() or fresh.is_file():
        pairs = [(committed, fresh)]
    else:
        names = {p.relative_to(committed) for p in committed.rglob("*") if p.is_file()}
        names |= {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
        pairs = [(committed / n, fresh / n) for n in sorted(names) if "__pycache__" not in n.parts]
    out: list[str] = []
    for old, new in pairs:
        if old.exists() and new.exists() and filecmp.cmp(old, new, shallow=False):
            continue
        old_lines = old.read_text(encoding="utf-8").splitlines(keepends=True) if old.exists() else []
        new_lines = new.read_text(encoding="utf-8").splitlines(keepends=True) if new.exists() else []
        out.extend(difflib.unified_diff(old_lines, new_lines, f"committed/{old}", f"regenerated/{new}"))
        if not out or not out[-1].endswith("\n"):
            out.append("\n")
    return out


@nox.session(python=PYTHON)
def drift(session: nox.Session) -> None:
    """Regenerate into a temporary folder; fail with a diff if it differs from the tree."""
    session.install("-r", str(REQUIREMENTS / "generate.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        session.run("python", "scripts/generate.py", "--root", tmp)
        diff: list[str] = []
        for output in GENERATED_OUTPUTS:
            diff += _tree_diff(ROOT / output, Path(tmp) / output)
    if diff:
        session.error(
            "generated files differ from what generation produces (edited by hand, or not "
            "regenerated after a change to openapi/):\n" + "".join(diff)
        )


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff lint and format check."""
    session.install("-r", str(REQUIREMENTS / "lint.txt"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Mypy strict on the facade (configured in pyproject.toml)."""
    _install_project(session)
    session.run("mypy")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite."""
    _install_project(session)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def explore(session: nox.Session) -> None:
    """Property tests with fresh random examples, ten times as many (a nightly run; CI derandomises)."""
    _install_project(session)
    session.run("pytest", "tests/test_properties.py", *session.posargs, env={"HYPOTHESIS_PROFILE": "explore"})


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Contract tests against the effective spec, including the Prism mock server check."""
    _install_project(session)
    session.run("pytest", "-m", "contract", *session.posargs)


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The integration flows end to end through the facade, against the embedded sandbox."""
    session.install("-c", str(REQUIREMENTS / "tests.txt"), "-e", ".")
    session.run("python", "scripts/demo.py", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Per-request cost against the physical floor and the Python peer; prints and writes results."""
    session.install("-r", str(REQUIREMENTS / "bench.txt"))
    session.install("-c", str(REQUIREMENTS / "bench.txt"), "-e", ".")
    session.run("python", "scripts/bench.py", *session.posargs)
