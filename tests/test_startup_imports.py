"""The GUI's start-up path must not pay for modules only some commands need.

`app.main` imports every command module to build its parser; a heavy import at the
top of one of them (httpx, keyring, pypinyin, openpyxl …) is paid by every start of
the window.  Measured: 0.5–1.1 s of first paint before this guard existed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("httpx", "keyring", "pypinyin", "alembic", "openpyxl", "reportlab", "zstandard", "PySide6", "app.sync.engine",
         "sqlalchemy", "app.models")


def _loaded_after(module: str, candidates: tuple[str, ...]) -> list[str]:
    code = f"import json, sys, {module}; print(json.dumps([m for m in {list(candidates)!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return json.loads(out.stdout)


def test_importing_the_entry_point_stays_light() -> None:
    assert _loaded_after("app.main", HEAVY) == []


def test_the_main_window_loads_without_pinyin_http_excel_or_pdf() -> None:
    """pypinyin's phrase dictionary alone cost 0.4 s of first paint; httpx 0.15 s."""
    assert _loaded_after("app.ui.shell.main_window", ("httpx", "pypinyin", "openpyxl", "reportlab")) == []


def test_the_launcher_and_main_window_load_without_sqlalchemy() -> None:
    """The window's frame paints before SQLAlchemy, its ORM and the models (~300 ms of CPU) load."""
    assert _loaded_after("app.ui.shell.launcher", ("sqlalchemy", "app.models", "app.ui.db_operations")) == []


SHOWN_WINDOW = """
import json, os, sys, tempfile
os.environ["STATION_DESK_HOME"] = tempfile.mkdtemp()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from app.services.station.identity import NewStation, create_station
from app.services.station.profiles import open_profile
from app.settings import Settings
from app.ui.shell.main_window import MainWindow
qt = QApplication([])
db = open_profile("default")
with db.begin() as session:
    station = create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
window = MainWindow(db, "default", station, Settings(), remember=False)
window.show()
qt.processEvents()
print(json.dumps([m for m in CANDIDATES if m in sys.modules]))
os._exit(0)
"""
PAGE_MODULES = ("app.ui.enterprises.page", "app.ui.records.page", "app.ui.demands.page", "app.ui.events.page",
                "app.ui.staff.page", "app.ui.institutions.page", "app.ui.policies.page", "app.ui.reporting.page",
                "app.ui.sync.page", "reportlab", "PySide6.QtPdf", "PySide6.QtPrintSupport")


def test_a_shown_window_imports_no_page_but_the_one_shown() -> None:
    """Pages are built (and their modules imported) when first shown: 报表 alone brought in
    reportlab and QtPdf, and every page together cost 1.2 s of first paint (issue 14)."""
    code = SHOWN_WINDOW.replace("CANDIDATES", repr(list(PAGE_MODULES)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


FIRST_PAINT = """
import json, sys
from app.ui.shell.launcher import Launcher
original = Launcher.__init__

def spying(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.first_painted.connect(lambda: print("AT_FIRST_PAINT=" + json.dumps([m for m in CANDIDATES if m in sys.modules])))

Launcher.__init__ = spying
from app.main import main
sys.exit(main(["--smoke"]))
"""
BACK_END = ("sqlalchemy", "alembic", "app.models", "app.models.database", "app.services.station.identity",
            "app.ui.db_operations", "app.ui.sync.auto_sync", "app.ui.dashboard.page")


def test_the_station_window_paints_before_sqlalchemy_is_imported(station: object, station_home: Path) -> None:
    """Issue 14: SQLAlchemy, its ORM and the models were 3–4× a bare window's whole first paint.
    The frame is painted from a plain sqlite3 read; they are imported behind the paint, and the
    page is filled then (`ready`)."""
    env = dict(os.environ, STATION_DESK_HOME=str(station_home), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    code = FIRST_PAINT.replace("CANDIDATES", repr(list(BACK_END)))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, encoding="utf-8",
                         check=True, timeout=120)
    lines = out.stdout.splitlines()
    at_paint = [json.loads(line.split("=", 1)[1]) for line in lines if line.startswith("AT_FIRST_PAINT=")]
    assert at_paint == [[]]
    assert lines[-2].startswith("ready_ms=")  # then stage 2 ran: the database opened and the page was built
