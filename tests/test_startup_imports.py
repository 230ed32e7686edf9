"""The GUI's start-up path must not pay for modules only some commands need.

`app.main` imports every command module to build its parser; a heavy import at the
top of one of them (httpx, keyring, pypinyin, openpyxl …) is paid by every start of
the window.  Measured: 0.5–1.1 s of first paint before this guard existed.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("httpx", "keyring", "pypinyin", "alembic", "openpyxl", "reportlab", "zstandard", "PySide6", "app.sync.engine")


def _loaded_after(module: str, candidates: tuple[str, ...]) -> list[str]:
    code = f"import json, sys, {module}; print(json.dumps([m for m in {list(candidates)!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return json.loads(out.stdout)


def test_importing_the_entry_point_stays_light() -> None:
    assert _loaded_after("app.main", HEAVY) == []


def test_the_main_window_loads_without_pinyin_http_excel_or_pdf() -> None:
    """pypinyin's phrase dictionary alone cost 0.4 s of first paint; httpx 0.15 s."""
    assert _loaded_after("app.ui.shell.main_window", ("httpx", "pypinyin", "openpyxl", "reportlab")) == []
