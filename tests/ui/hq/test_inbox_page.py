"""报送审阅 page: a station's submission (a real sync) is listed, its PDF opens in the preview
with the bytes the station rendered, staff return it with a required comment and accept the
resubmission; bureau users read only; the 督促 list exports to Excel and prints to PDF."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.ui.operations import wait_for_all
from app.ui.widgets.prompts import answer_prompts
from tests.hq.conftest import app_client, enrol, hq_engine, hq_url  # noqa: F401 - fixtures
from tests.hqdesk.conftest import desk, hq_app, hq_users, new_user  # noqa: F401 - fixtures
from tests.hqdesk.stations import make_station  # noqa: F401 - fixture
from tests.sync.file_helpers import submit_info
from tests.ui.hq.conftest import hq_window  # noqa: F401 - fixture


@pytest.fixture
def shot(tmp_path: Path) -> Any:
    """save(widget, name): a PNG in tmp_path; with STATION_DESK_SHOTS=<folder> there instead, in
    the shipped CJK font (how docs/screenshots/hq_inbox*.png were made)."""
    folder = os.environ.get("STATION_DESK_SHOTS")
    if folder:
        from PySide6.QtWidgets import QApplication

        from app.ui.fonts import install_cjk_font

        install_cjk_font(QApplication.instance())  # type: ignore[arg-type]

    def save(widget: Any, name: str) -> None:
        widget.grab().save(str(Path(folder or tmp_path) / name))

    return save


def _inbox(qtbot: Any, window: Any, rows: int) -> Any:
    page = window.page("inbox")
    tab = page.submissions
    qtbot.waitUntil(lambda: tab.model.rowCount() >= rows, timeout=10000)
    return page


def test_staff_open_return_and_accept_a_submission(qtbot: Any, hq_window: Any, make_station: Any, hq_engine: Engine,  # noqa: F811
                                                   tmp_path: Path, shot: Any) -> None:
    a = make_station("GZ-UI-INBOX")
    _, pdf = submit_info(a.db, "2026-Q3")
    a.sync()
    window = hq_window("staff")
    page = _inbox(qtbot, window, 1)
    tab = page.submissions
    assert tab.table.select(next(r.id for r in tab.model.rows if r.station_code == "GZ-UI-INBOX"))
    row = tab.table.selected()
    assert tab.accept_button.isVisible() and tab.return_button.isEnabled() and tab.open_button.isEnabled()
    tab.open_pdf()
    qtbot.waitUntil(lambda: bool(tab.previews), timeout=10000)
    preview = tab.previews[-1]
    assert preview.path.read_bytes() == pdf and preview.pages >= 1
    saved = tmp_path / "copy.pdf"
    tab.ask_save_path = lambda name: str(saved)  # type: ignore[method-assign]
    tab._save(preview.path)
    assert saved.read_bytes() == pdf
    preview.close()

    class Answer:  # the return dialog, answered as a user would
        def __init__(self, comment: str) -> None:
            self.comment = comment

        def exec(self) -> int:
            return 1

        def text(self) -> str:
            return self.comment

    tab.make_return_dialog = lambda what: Answer("请补充重点企业名单")  # type: ignore[method-assign,assignment]
    tab.return_selected()
    assert wait_for_all(10000)
    with hq_engine.connect() as conn:
        status, comment = conn.execute(text("SELECT data->>'status', data->>'review_comment' FROM replica_row WHERE id = :i"),
                                       {"i": row.report_id}).one()
        audited = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'report.return' AND target = :t"),
                               {"t": row.report_id}).scalar_one()
    assert (status, comment, audited) == ("returned", "请补充重点企业名单", 1)
    # the list (filtered to 已提交) no longer shows it; all statuses do, in the warning colour
    tab.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: any(r.id == row.id and r.status == "returned" for r in tab.model.rows), timeout=10000)
    # another station's report: accepted after the confirmation
    b = make_station("GZ-UI-INBOX2")
    submit_info(b.db, "2026-Q3")
    b.sync()
    tab.refresh()
    qtbot.waitUntil(lambda: any(r.station_code == "GZ-UI-INBOX2" for r in tab.model.rows), timeout=10000)
    assert tab.table.select(next(r.id for r in tab.model.rows if r.station_code == "GZ-UI-INBOX2"))
    other = tab.table.selected()
    with answer_prompts(True) as asked:
        tab.accept_selected()
        assert wait_for_all(10000)
    assert "确认通过" in asked[0].text
    qtbot.waitUntil(lambda: any(r.id == other.id and r.status == "accepted" for r in tab.model.rows), timeout=10000)
    shot(window, "hq_inbox.png")


def test_the_return_dialog_needs_a_comment(qtbot: Any) -> None:
    from app.ui.hq.inbox.return_dialog import ReturnDialog

    dialog = ReturnDialog("GZ 2026-Q3 定期信息报送")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled() and "不能为空" in dialog.problem.text()
    dialog.comment.setPlainText("请补充")
    assert ok.isEnabled() and dialog.text() == "请补充"
    dialog.comment.setPlainText("长" * 2001)
    assert not ok.isEnabled()


def test_bureau_reads_only_and_the_reminders_export_and_print(qtbot: Any, hq_window: Any, make_station: Any,  # noqa: F811
                                                               hq_engine: Engine, tmp_path: Path, shot: Any) -> None:  # noqa: F811
    a = make_station("GZ-UI-OWE")
    a.sync()
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE station_account SET created_at = '2025-01-01' WHERE code = 'GZ-UI-OWE'"))
    window = hq_window("bureau")
    page = window.page("inbox") if "inbox" in [p.key for p in window.pages] else None
    assert page is not None
    assert not page.submissions.accept_button.isVisible() and not page.submissions.return_button.isVisible()
    page.tabs.setCurrentWidget(page.reminders)
    tab = page.reminders
    qtbot.waitUntil(lambda: any(o.station_code == "GZ-UI-OWE" for o in tab.model.rows), timeout=10000)
    tab.search.setText("GZ-UI-OWE")
    shown = tab.shown_rows()
    assert shown and all(o.station_code == "GZ-UI-OWE" for o in shown)
    xlsx, pdf = tmp_path / "owed.xlsx", tmp_path / "owed.pdf"
    tab.ask_path = lambda caption, name, filters: str(xlsx if name.endswith(".xlsx") else pdf)  # type: ignore[method-assign]
    tab.export_excel()
    assert wait_for_all(10000)
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.max_row == len(shown) + 2 and sheet["A3"].value == "GZ-UI-OWE"
    tab.print_to_pdf()
    assert pdf.read_bytes().startswith(b"%PDF-")
    tab.search.clear()
    tab.status_label.clear()
    shot(window, "hq_inbox_reminders.png")
