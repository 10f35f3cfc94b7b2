"""The CPython interpreters of this machine, and commands run as if only one of them existed.

    python3 scripts/pythons.py                        # each Python 3.11+ found: version and path
    python3 scripts/pythons.py only 3.13 -- COMMAND   # run COMMAND on a PATH whose only Python is 3.13

Interpreters are looked for on PATH (a `python3.X` that actually runs: pyenv's shims answer
only for the selected versions) and among pyenv's installed versions. `only` builds a PATH of
links to every other program on PATH, drops every Python and pyenv's shims, and adds `python3`,
`python` and `python3.X` for the one version: CI uses it to show that the README's commands
work on a machine without Python 3.11.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLOOR_MINOR = 11
_PYTHON_PROGRAM = re.compile(r"(python|pydoc|pip|idle|2to3)[0-9.]*(-config)?")
_CHECK = "import sys, platform; print(platform.python_implementation(), '%d.%d' % sys.version_info[:2], sys.executable)"


def _identify(executable: str) -> tuple[str, str] | None:
    """``(version, real path)`` of a working CPython, else ``None``."""
    try:
        run = subprocess.run([executable, "-c", _CHECK], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = run.stdout.split()
    return (words[1], words[2]) if run.returncode == 0 and len(words) == 3 and words[0] == "CPython" else None


def _candidates(minor: int) -> list[str]:
    on_path = shutil.which(f"python3.{minor}")
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    installed = sorted(pyenv.glob(f"3.{minor}.*/bin/python3.{minor}"), reverse=True) if pyenv.is_dir() else []
    return ([on_path] if on_path else []) + [str(path) for path in installed]


def find() -> dict[str, str]:
    """Version (``"3.12"``) to interpreter path of every CPython 3.11+ found, the running one included."""
    found = {f"{sys.version_info.major}.{sys.version_info.minor}": sys.executable}
    for minor in range(FLOOR_MINOR, 20):
        version = f"3.{minor}"
        for candidate in () if version in found else _candidates(minor):
            identified = _identify(candidate)
            if identified is not None and identified[0] == version:
                found[version] = identified[1]
                break
    return dict(sorted(found.items(), key=lambda item: int(item[0].split(".")[1])))


def only(version: str, command: list[str]) -> int:
    """Run ``command`` with a PATH on which ``version`` is the only Python; its exit status."""
    executable = find().get(version)
    if executable is None:
        sys.exit(f"Python {version} is not installed here")
    with tempfile.TemporaryDirectory(prefix=f"only-python-{version}-") as tmp:
        farm = Path(tmp)
        for folder in os.environ.get("PATH", "").split(os.pathsep):
            if not folder or "pyenv" in folder or not Path(folder).is_dir():
                continue
            for program in Path(folder).iterdir():
                link = farm / program.name
                if _PYTHON_PROGRAM.fullmatch(program.name) or link.exists() or not os.access(program, os.X_OK):
                    continue
                link.symlink_to(program)
        for name in ("python3", "python", f"python{version}"):
            # A wrapper, not a link: venvs made from it then point at the real interpreter.
            wrapper = farm / name
            wrapper.write_text(f'#!/bin/sh\nexec "{executable}" "$@"\n', encoding="utf-8")
            wrapper.chmod(0o755)
        env = {**os.environ, "PATH": str(farm), "PYENV_ROOT": str(farm / "no-pyenv")}
        env.pop("PYENV_VERSION", None)
        # On stderr: the command's own output (`nox --list --json`) stays parseable.
        print(f"pythons.py only: {' '.join(command)} with Python {version} only ({executable})", file=sys.stderr)
        return subprocess.run(command, env=env, check=False).returncode


def main(argv: list[str]) -> int:
    if not argv:
        for version, path in find().items():
            print(version, path)
        return 0
    if len(argv) >= 4 and argv[0] == "only" and argv[2] == "--":
        return only(argv[1], argv[3:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
