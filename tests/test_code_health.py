"""The code's shape is tested like its behaviour: no import cycles (imports inside functions
count), ruff and mypy clean.  Each runs the tool the test group installs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(f"{name}.exe" if os.name == "nt" else name)
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed (it is in the 'test' dependency group)"
    return found


def import_cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.find_modules_directly_imported_by(node) & modules:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("app", exclude_type_checking_imports=True, cache_dir=None)
    # a package's __init__ importing its own modules is not a cycle worth refusing; none do today
    modules = set(graph.modules)
    assert import_cycles(graph, modules) == []


def test_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(name)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.x")
    graph.add_import(importer="a.z", imported="a.x")
    assert import_cycles(graph, {"a.x", "a.y", "a.z"}) == [["a.x", "a.y"]]


def test_ruff_is_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "app", "tests", "benchmarks", "tools"], cwd=REPO,
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# Strict (pyproject's [tool.mypy] overrides), and checked clean by the test below.
STRICT_PACKAGES = ("app.domain.*", "app.services.*", "app.sync.*", "app.hq.*")
MYPY_CHECKED = ("app/domain", "app/services", "app/sync", "app/hq")


def test_mypy_is_clean() -> None:
    result = subprocess.run([_tool("mypy"), *MYPY_CHECKED], cwd=REPO,
                            capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_strict_on_the_back_end() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = {module for override in config.get("overrides", []) if override.get("strict") is True
              for module in override["module"]}
    assert strict >= set(STRICT_PACKAGES)
