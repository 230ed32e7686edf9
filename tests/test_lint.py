"""ruff's pyflakes rules (F) are part of the test run: an undefined name, an unused import or
a name read before it is assigned (issue 10, finding 11) fails the suite, not a user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _ruff() -> str:
    # The console script sits beside the interpreter in a venv; fall back to PATH.
    beside = Path(sys.executable).with_name("ruff.exe" if os.name == "nt" else "ruff")
    found = str(beside) if beside.exists() else shutil.which("ruff")
    assert found, "ruff is not installed (it is in the 'test' dependency group)"
    return found


def test_ruff_pyflakes_rules_pass() -> None:
    result = subprocess.run(
        [_ruff(), "check", "--select", "F", "--no-cache", "app", "tests"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
