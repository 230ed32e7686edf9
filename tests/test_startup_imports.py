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


def test_importing_the_entry_point_stays_light() -> None:
    code = (
        "import json, sys, app.main; "
        f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(out.stdout) == []
