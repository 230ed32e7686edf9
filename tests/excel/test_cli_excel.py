"""`station-desk import … / export …` as a subprocess: the final line and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.services import make_world

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.main", *args], cwd=REPO, capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)


def test_import_and_export_commands(db, messy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = _run("import", "enterprises", str(tmp_path / "missing.xlsx"))
    assert missing.returncode != 0 and "找不到文件" in missing.stderr
    no_station = _run("import", "enterprises", str(messy))
    assert no_station.returncode != 0 and no_station.stdout == ""
    make_world(db)
    done = _run("import", "enterprises", str(messy), "--errors", str(tmp_path / "e.xlsx"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["imported=9 warnings=1 rejected=3"]
    assert load_workbook(tmp_path / "e.xlsx").active.max_row == 4
    again = _run("import", "enterprises", str(messy))
    assert (again.returncode, again.stdout.strip()) == (0, "imported=0 warnings=0 rejected=3")
    assert (messy.parent / "企业名单-错误.xlsx").exists()
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    assert _run("import", "records", str(junk)).returncode != 0
    exported = _run("export", "enterprises", str(tmp_path / "out.xlsx"))
    assert exported.returncode == 0 and exported.stdout.strip() == "exported=11"
