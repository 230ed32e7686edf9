"""Issue 13 item 20: every date the station shows or decides on is a Guangzhou date, whatever
time zone the PC is set to (the suite also runs under TZ=UTC and TZ=Asia/Shanghai)."""

from __future__ import annotations

import ast
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.periods import china_today
from app.sync.status import ConflictedSync
from app.ui.item_models import conflicted_syncs_model
from app.ui.records.form import RecordForm

APP = Path(__file__).resolve().parents[2] / "app"
CHECKED = ("ui", "services", "demo", "models")


def machine_time_calls(source: str) -> list[int]:
    """Lines that read the PC's own clock or zone: date.today, datetime.now() and
    datetime.fromtimestamp(x) without a zone, x.astimezone() without one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "today" and getattr(node.value, "id", "") == "date":
            found.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, args = node.func.attr, len(node.args) + len(node.keywords)
            if (name in {"now", "astimezone"} and args == 0) or (name == "fromtimestamp" and args < 2):
                found.append(node.lineno)
    return sorted(found)


def test_no_module_reads_the_pcs_time_zone() -> None:
    found = []
    for folder in CHECKED:
        for path in sorted((APP / folder).rglob("*.py")):
            name = path.relative_to(APP).as_posix()
            found += [f"app/{name}:{line}" for line in machine_time_calls(path.read_text(encoding="utf-8"))]
    assert not found, "use china_today() / CHINA_TIME from app.domain.periods:\n" + "\n".join(found)


def test_the_check_sees_what_it_forbids() -> None:
    source = ("a = date.today()\nb = date.today\nc = datetime.now()\nd = x.astimezone()\n"
              "e = datetime.fromtimestamp(t)\nok = datetime.now(CHINA_TIME).astimezone(UTC)\n"
              "ok2 = datetime.fromtimestamp(t, CHINA_TIME)\n")
    assert machine_time_calls(source) == [1, 2, 3, 4, 5]


@pytest.fixture
def pc_in_utc() -> Iterator[None]:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()


def test_a_utc_pc_shows_guangzhou_times(pc_in_utc: None) -> None:
    # 17:30 UTC on the 6th is 01:30 on the 7th in Guangzhou.
    row = ConflictedSync(finished_at=datetime(2026, 12, 6, 17, 30, tzinfo=UTC), conflicts=1, pushed=1)
    assert conflicted_syncs_model._when(row) == "2026-12-07 01:30"


def test_the_quick_entry_form_starts_on_guangzhous_today(qtbot, db, pc_in_utc: None) -> None:  # type: ignore[no-untyped-def]
    form = RecordForm(db)
    qtbot.addWidget(form)
    assert form.service_date.date().toPython() == china_today()
    qtbot.waitSignal(form.pick_lists_loaded, timeout=10_000, raising=False).wait()
