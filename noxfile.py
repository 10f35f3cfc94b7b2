"""Every development task of the project; `python3 scripts/nox` runs the default set (CI)."""

from __future__ import annotations

import difflib
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent / "scripts"))
import pythons  # scripts/pythons.py: finding the interpreters is shared with CI

#: Version -> interpreter of every CPython 3.11+ on this machine (scripts/pythons.py finds them).
TEST_PYTHONS = pythons.find()
RUNNING_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
#: The default run tests every Python found in CI (`.ci/run`, which needs every one the classifiers
#: claim) and, elsewhere, the one running nox: the matrix is CI's job, a developer's run stays short.
#: `-s tests` runs every Python found anywhere.
DEFAULT_TESTS = "tests" if os.environ.get("CI") else f"tests({RUNNING_PYTHON})"

nox.options.default_venv_backend = "uv|venv"
nox.options.sessions = [
    "interpreters",
    "drift",
    "lint",
    "typecheck",
    DEFAULT_TESTS,
    "contract",
    "interop",
    "browser",
    "build",
    "docs",
]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
#: Sessions without a version run on the interpreter that runs nox (`python3 scripts/nox`).
PYTHON = None
REQUIREMENTS = ROOT / "requirements"
GENERATED_OUTPUTS = ("openapi/amazon-pay-api.effective.yml", "generated/amazonpay_api")


def _claimed_pythons() -> list[str]:
    """The versions the trove classifiers claim: the versions CI must test."""
    classifiers = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["classifiers"]
    return [m[1] for c in classifiers if (m := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c))]


@nox.session(venv_backend="none")
def interpreters(session: nox.Session) -> None:
    """Say which Pythons the tests run on; in CI, fail when one the classifiers claim is missing."""
    claimed = _claimed_pythons()
    here = (
        ", ".join(TEST_PYTHONS)
        if DEFAULT_TESTS == "tests"
        else f"{RUNNING_PYTHON} (`-s tests`: {', '.join(TEST_PYTHONS)})"
    )
    session.log(f"the default run tests Python {here}; the classifiers claim {', '.join(claimed)}")
    missing = [version for version in claimed if version not in TEST_PYTHONS]
    if missing and os.environ.get("CI"):
        session.error(
            f"CI must test every Python the classifiers claim, but Python {', '.join(missing)} is not installed "
            "(looked on PATH and in pyenv); install it, or drop its classifier from pyproject.toml"
        )


def _install_project(session: nox.Session) -> None:
    """The package with its cli extra and the test tools, every version pinned by requirements/tests.txt."""
    lock = str(REQUIREMENTS / "tests.txt")
    session.install("-r", lock)
    session.install("-c", lock, "-e", ".[cli]")


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate the effective spec and generated/ in place from openapi/."""
    session.install("-r", str(REQUIREMENTS / "generate.txt"))
    session.run("python", "scripts/generate.py", *session.posargs)


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
    """Regenerate into a temporary folder and diff it with the tree; generate from a changed spec.

    The second part (tests/test_generation.py) adds an operation to a copy of the received spec
    and checks that generation alone makes it a signed, routed, retried method. It needs the
    generation tools and the package, so it runs here rather than in the test sessions.
    """
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
    session.install("-c", str(REQUIREMENTS / "tests.txt"), "pytest", "-e", ".")
    # The suite's conftest needs the test tools, which this environment does not have.
    session.run("pytest", "--noconftest", "-p", "no:cacheprovider", "-m", "generation", "tests/test_generation.py")


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


#: pytest-xdist: one worker per core, each test sent to the worker free first (the soak alone takes
#: a minute or two: the other worker runs the rest meanwhile). `-- -n 0` runs in one process.
PARALLEL = ("-n", "auto", "--dist", "worksteal")


@nox.session
@nox.parametrize("python", list(TEST_PYTHONS.values()), ids=list(TEST_PYTHONS))
def tests(session: nox.Session) -> None:
    """The test suite, on every Python found, on every core (`-s "tests(3.12)"` runs one)."""
    _install_project(session)
    session.run("pytest", *PARALLEL, *session.posargs)


@nox.session(python=PYTHON)
def explore(session: nox.Session) -> None:
    """Property tests with fresh random examples, ten times as many (a nightly run; CI derandomises)."""
    _install_project(session)
    session.run("pytest", "tests/test_properties.py", *session.posargs, env={"HYPOTHESIS_PROFILE": "explore"})


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Contract tests against the effective spec, including the Prism mock server check."""
    _install_project(session)
    session.run("pytest", *PARALLEL, "-m", "contract", *session.posargs)


#: Debian's packages for the official PHP SDK (tests/interop/php): PHP's command line, the curl
#: and mbstring extensions it calls (mbstring undeclared), phpseclib 3, and GMP, which phpseclib
#: does its RSA arithmetic with when present (in plain PHP a signature takes half a second).
PHP_PACKAGES = ("php-cli", "php-curl", "php-mbstring", "php-gmp", "php-phpseclib3")
PHP_EXTENSIONS = ("curl", "mbstring", "gmp")
PHPSECLIB_AUTOLOAD = Path("/usr/share/php/phpseclib3/autoload.php")


def _php_missing() -> list[str]:
    """What the PHP SDK needs and this machine lacks: php, an extension, phpseclib's autoloader."""
    php = shutil.which("php")
    if php is None:
        return ["php"]
    # Not session.run, which --install-only skips: the answer decides whether to install.
    listed = subprocess.run([php, "-m"], capture_output=True, text=True, check=False)  # noqa: S603 (fixed arguments)
    modules = listed.stdout.lower().split()
    missing = [f"PHP's {name} extension" for name in PHP_EXTENSIONS if name not in modules]
    return missing + ([] if PHPSECLIB_AUTOLOAD.is_file() else [str(PHPSECLIB_AUTOLOAD)])


def _apt_install(session: nox.Session, packages: Sequence[str], advice: str) -> None:
    """Install Debian packages a session needs (CI runs as root); ``advice`` says what to do by hand."""
    apt = shutil.which("apt-get")
    if apt is None:
        session.error(f"apt-get not found: {advice}")
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    try:
        session.run_install(apt, "update", external=True, env=env, silent=True)
        session.run_install(apt, "install", "-y", *packages, external=True, env=env, silent=True)
    except nox.command.CommandFailed:
        session.error(f"apt-get could not install {' '.join(packages)} (not root, or no Debian mirror): {advice}")


def _install_php(session: nox.Session) -> None:
    """Install Debian's PHP packages with apt-get where something is missing (CI runs as root)."""
    missing = _php_missing()
    if not missing:
        return
    wanted = " ".join(PHP_PACKAGES)
    advice = (
        f"nox -s interop runs the official Amazon Pay PHP SDK and needs Debian's {wanted}; "
        f"install them (as root: apt-get update && apt-get install -y {wanted})"
    )
    session.log(f"{', '.join(missing)} missing: apt-get install -y {wanted}")
    _apt_install(session, PHP_PACKAGES, advice)
    if still := _php_missing():
        session.error(f"{', '.join(still)} still missing after apt-get: {advice}")


@nox.session(python=PYTHON)
def interop(session: nox.Session) -> None:
    """The official Node and PHP SDKs and AmazonPayClient (PyPI), unpatched, against the simulator."""
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        session.error(
            f"{' and '.join(missing)} not found on PATH: nox -s interop runs the official Amazon Pay Node SDK "
            "against the simulator and needs Node.js 20 or later with npm (e.g. apt-get install nodejs npm)"
        )
    _install_php(session)
    _install_project(session)
    session.install("-c", str(REQUIREMENTS / "tests.txt"), "-r", str(REQUIREMENTS / "interop.txt"))
    session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", "tests/interop/node", external=True)
    session.run("pytest", "-m", "interop", "-rP", "tests/interop", *session.posargs)


#: Debian's Chromium, which Playwright drives through executable_path: no browser is downloaded
#: (`playwright install` is never run). tests/browser/conftest.py reads AMAZONPAY_CHROMIUM.
CHROMIUM = Path("/usr/bin/chromium")


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """The buyer's side in a real, headless Chromium: checkout.js and the hosted pages (tests/browser)."""
    if not CHROMIUM.is_file():
        advice = "nox -s browser drives Debian's chromium; install it (as root: apt-get install -y chromium)"
        _apt_install(session, ["chromium"], advice)
        if not CHROMIUM.is_file():
            session.error(f"{CHROMIUM} still missing after apt-get: {advice}")
    _install_project(session)
    session.install("-c", str(REQUIREMENTS / "tests.txt"), "-r", str(REQUIREMENTS / "browser.txt"))
    env = {"AMAZONPAY_CHROMIUM": str(CHROMIUM)}
    # A Chromium per core; a module's tests stay on one worker, with the servers its fixtures start.
    parallel = ("-n", "auto", "--dist", "loadfile")
    session.run(
        "pytest", *parallel, "-m", "browser", "-p", "no:cacheprovider", "tests/browser", *session.posargs, env=env
    )


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The integration flows end to end through the facade, against the embedded sandbox."""
    session.install("-c", str(REQUIREMENTS / "tests.txt"), "-e", ".")
    session.run("python", "scripts/demo.py", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Per-request cost against the physical floor and the Python peer; the simulator against Prism as a server."""
    session.install("-r", str(REQUIREMENTS / "bench.txt"))
    session.install("-c", str(REQUIREMENTS / "bench.txt"), "-e", ".")
    session.run("python", "scripts/bench.py", *session.posargs)
    # The simulator as a server against Prism (scripts/bench_simulator.py): load from Debian's wrk.
    if shutil.which("wrk") is None:
        _apt_install(session, ["wrk"], "the simulator's bench needs Debian's wrk (as root: apt-get install -y wrk)")
    session.run("python", "scripts/bench_simulator.py")  # options: run it directly (--help)


@nox.session(python=PYTHON)
def shop(session: nox.Session) -> None:
    """The example shop against the simulator, to click through in a browser (examples/run_shop.py)."""
    session.install("-c", str(REQUIREMENTS / "tests.txt"), "-e", ".[examples]")
    session.run("python", "examples/run_shop.py", *session.posargs)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel from it, check both as PyPI would, install the wheel in a clean venv."""
    session.install("-r", str(REQUIREMENTS / "build.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        dist, venv_dir = Path(tmp) / "dist", Path(tmp) / "venv"
        # Without --sdist/--wheel, build makes the sdist and then the wheel from it: what the
        # sdist leaves out, the wheel misses too.
        session.run("python", "-m", "build", "--outdir", str(dist), ".")
        wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
        if len(wheels) != 1 or len(sdists) != 1:
            session.error(f"expected one wheel and one sdist in {dist}, found {[p.name for p in dist.iterdir()]}")
        session.run("twine", "check", "--strict", *map(str, wheels + sdists))
        # A clean venv, as a user's, outside the checkout so nothing is imported from it; the
        # dependencies at the versions the tests pin.
        session.run("python", "-m", "venv", str(venv_dir))
        python = str(venv_dir / "bin" / "python")
        session.run(
            python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "-c", str(REQUIREMENTS / "tests.txt"), f"{wheels[0]}[cli]", external=True,
        )  # fmt: skip
        check = (
            "import pathlib, sys, amazonpay, amazonpay_api, amazonpay.testing; "
            "from amazonpay import AmazonPay; "
            "root = pathlib.Path(sys.prefix).resolve(); "
            "files = [pathlib.Path(m.__file__).resolve() for m in (amazonpay, amazonpay_api)]; "
            "assert all(root in f.parents for f in files), files; "
            "assert all((f.parent / 'py.typed').is_file() for f in files), 'py.typed missing'; "
            "from importlib.metadata import distribution; "
            "assert any(f.name == 'LICENSE' for f in distribution('amazonpay').files), 'LICENSE missing'"
        )
        session.run(python, "-c", check, external=True, env={"PYTHONSAFEPATH": "1"})
        amazonpay = str(venv_dir / "bin" / "amazonpay")
        session.run(amazonpay, "--help", external=True, silent=True)
        # A command built from the registry the wheel ships (_operations.json), not only the group.
        session.run(amazonpay, "refunds", "create", "--help", external=True, silent=True)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the docs site in strict mode: a broken link, a missing page or reference fails."""
    session.install("-r", str(REQUIREMENTS / "docs.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        # A folder of our own: `site/` in the checkout would be a build left lying around.
        session.run(
            "mkdocs", "build", "--strict", "--site-dir", str(Path(tmp) / "site"), *session.posargs,
            env={"NO_MKDOCS_2_WARNING": "1"},  # Material's banner about its successor, on every build
        )  # fmt: skip
