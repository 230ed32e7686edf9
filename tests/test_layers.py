"""The import-linter contracts in pyproject.toml are part of the test run (napari's recipe)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _lint_imports() -> list[str]:
    # The console script sits beside the interpreter in a venv; fall back to PATH.
    beside = Path(sys.executable).with_name("lint-imports.exe" if os.name == "nt" else "lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert found, "import-linter is not installed (it is in the 'test' dependency group)"
    return [found, "--no-cache"]


def test_contracts_are_declared() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    names = [c["name"] for c in config["tool"]["importlinter"]["contracts"]]
    assert "Back end never imports Qt" in names
    assert "Layers point down" in names


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        _lint_imports(), cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "0 broken" in output, output
