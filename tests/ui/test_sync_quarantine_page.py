"""同步 page: downloads that could not be saved (quarantine) with 重试, its empty state,
and the red warning for plain http:// to HQ (issue 10, findings 1 and 6)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.models.database import Database
from app.models.types import uuid7
from app.services.station.identity import NewStation, create_station
from app.sync import pull
from app.sync.enrolment import CODE_KEY, SERVER_KEY
from app.ui import operations, theme
from app.ui.sync.auto_sync import AutoSyncController
from app.ui.sync.enroll_dialog import EnrollDialog
from app.ui.sync.page import SyncPage
from app.ui.widgets import error_dialog

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


def linked(db: Database, server: str) -> None:
    """A profile that looks enrolled (no HQ needed: nothing here talks to it)."""
    with db.begin() as session:
        create_station(session, NewStation("GZ-QUAR", "天河区中小企业服务站", "天河区", "", "陈晓明"))
    with db.engine.begin() as conn:
        for key, value in ((SERVER_KEY, server), (CODE_KEY, "GZ-QUAR")):
            conn.exec_driver_sql("INSERT INTO profile_meta(key, value) VALUES (?, ?)", (key, value))


def open_page(qtbot, db: Database) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(db, AutoSyncController(db, enabled=False))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.resize(960, 640)
        page.show()
    return page


def _bad_rows() -> list[dict[str, Any]]:
    return [{"tbl": "enterprise", "id": str(uuid7()), "station_id": None, "version": 1, "deleted": False, "data": data}
            for data in ({"name": "营收不是数字", "revenue": "abc"}, {"district": "天河区"})]


def test_an_empty_quarantine_says_all_downloads_were_saved(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    linked(db, "https://hq.example.gov.cn")
    page = open_page(qtbot, db)
    page.lists.setCurrentWidget(page.quarantine)
    assert page.quarantine.empty.isVisible() and "都已保存到本机" in page.quarantine.empty.text()
    assert not page.quarantine.table.isVisible() and not page.quarantine.retry_button.isVisible()
    assert not page.insecure_label.isVisible()


def test_quarantined_rows_are_listed_and_retried(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    linked(db, "https://hq.example.gov.cn")
    rows = _bad_rows()
    with db.engine.connect() as conn:
        pull.apply_page(conn, pull.MAIN_SCOPE, rows, {"c": 1}, True)
    page = open_page(qtbot, db)
    page.lists.setCurrentWidget(page.quarantine)
    table = page.quarantine.table
    assert table.isVisible() and table.rowCount() == 2 and not page.quarantine.empty.isVisible()
    assert page.lists.tabText(2).endswith("(2)")
    listed = {table.item(r, 1).text(): [table.item(r, c).text() for c in range(4)] for r in range(2)}
    assert listed[rows[0]["id"]][0] == "enterprise" and "revenue 字段" in listed[rows[0]["id"]][2]
    assert "name 字段：缺少必填值" in listed[rows[1]["id"]][2] and listed[rows[1]["id"]][3] == "1"
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(SHOTS / "sync_quarantine.png"))

    with db.engine.begin() as conn:  # as if an upgrade or HQ's correction made the first one storable
        conn.exec_driver_sql("UPDATE sync_quarantine SET raw = json_set(raw, '$.data.revenue', '1.50') WHERE error LIKE '%revenue%'")
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        qtbot.mouseClick(page.quarantine.retry_button, Qt.MouseButton.LeftButton)
    assert "已保存 1 条，仍有 1 条" in page.quarantine.outcome.text()
    assert table.rowCount() == 1 and table.item(0, 1).text() == rows[1]["id"] and table.item(0, 3).text() == "2"


@pytest.mark.parametrize(("server", "warned"), [("http://hq.example.gov.cn", True), ("http://127.0.0.1:8000", False),
                                                ("https://hq.example.gov.cn", False)])
def test_plain_http_to_another_machine_shows_a_red_warning(qtbot, db, server: str, warned: bool) -> None:  # type: ignore[no-untyped-def]
    linked(db, server)
    page = open_page(qtbot, db)
    assert page.insecure_label.isVisible() is warned
    if warned:
        assert "没有加密" in page.insecure_label.text() and theme.ERROR in page.insecure_label.styleSheet()


def test_the_enrol_dialog_refuses_plain_http_unless_ticked(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = EnrollDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText("https://hq.example.gov.cn")
    assert not dialog.insecure_http.isVisible()
    dialog.server.setText("http://hq.example.gov.cn")
    assert dialog.insecure_http.isVisible() and not dialog.insecure_http.isChecked()
    dialog.code.setText("ABCD-EFGH")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "--insecure-http" in dialog.error_label.text() and "不加密" in dialog.error_label.text()
    dialog.server.setText("http://localhost:8000")
    assert not dialog.insecure_http.isVisible()
