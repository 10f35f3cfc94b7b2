"""The simulator's layout: the table of docs/maintainers/layout.md names every module once; no import circle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import amazonpay.testing

PACKAGE = Path(amazonpay.testing.__file__).parent
LAYOUT = Path(__file__).resolve().parents[1] / "docs" / "maintainers" / "layout.md"


def _modules() -> set[str]:
    return {path.name for path in PACKAGE.glob("*.py")}


def _imports_at_run_time(path: Path) -> set[str]:
    """The package's modules ``path`` imports when it is imported (not those only type checkers read)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in ast.walk(node):
            if isinstance(child, ast.ImportFrom) and child.level == 1:
                names = [child.module] if child.module else [alias.name for alias in child.names]
                found.update(f"{name}.py" for name in names)
    return found & _modules()


def test_the_layout_table_names_every_module_of_the_simulator_once() -> None:
    section = LAYOUT.read_text(encoding="utf-8").split("## Inside the simulator", 1)[1].split("\n## ", 1)[0]
    named = [
        name
        for row in section.splitlines()
        if row.startswith("| `")
        for name in re.findall(r"`(_*\w+\.py)`", row.split("|")[1])
    ]
    assert sorted(named) == sorted(_modules())


def test_no_module_imports_another_in_a_circle() -> None:
    graph = {path.name: _imports_at_run_time(path) for path in PACKAGE.glob("*.py")}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, f"import circle: {' -> '.join((*path, module))}"
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())
