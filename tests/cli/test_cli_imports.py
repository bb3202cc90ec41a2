"""The CLI's modules import one another without a circle (issue 17): commands,
finance and identity_commands imported each other (finance and identity_commands took
CliError and Result from commands, which imports both to run their commands), so which
one loaded first decided what existed. What they share lives in ui/cli/common.py."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parents[2] / "ui" / "cli"


def cli_imports() -> dict[str, set[str]]:
    """Each ui.cli module and the ui.cli modules it imports, at any level (a function's
    import included: it closes the circle all the same when it runs)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(CLI.glob("*.py")):
        name = f"ui.cli.{path.stem}"
        found = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "ui.cli":
                    found.update(f"ui.cli.{alias.name}" for alias in node.names)
                elif node.module.startswith("ui.cli."):
                    found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("ui.cli."))
    return graph


def test_the_cli_modules_import_one_another_without_a_circle() -> None:
    graph = cli_imports()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        pytest.fail(f"import circle among the CLI's modules: {' -> '.join(exc.args[1])}")
    assert order.index("ui.cli.common") < order.index("ui.cli.commands")
    assert "ui.cli.common" in graph["ui.cli.finance"] & graph["ui.cli.identity_commands"]


@pytest.mark.parametrize("first", ["finance", "identity_commands", "commands", "keyring_cli"])
def test_each_cli_module_imports_on_its_own(first: str) -> None:
    """Each one first, in a fresh interpreter: no circle that only some orders survive."""
    done = subprocess.run([sys.executable, "-c", f"import ui.cli.{first}"],
                          cwd=CLI.parents[1], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert importlib.import_module(f"ui.cli.{first}")
