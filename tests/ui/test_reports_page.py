"""报表 page: drafts typed, saved (Ctrl+S, leaving the page) and shown again; submit with a
confirmation; HQ's return.  Preview, print and save of the PDF the engine builds are in
test_reports_page_pdf.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import update

from app.domain.report_sections import SUMMARY_SECTIONS
from app.models import AnnualReport
from app.services.reporting import drafts as report_drafts
from app.services.station.identity import NewStation, create_station
from app.ui import operations
from app.ui.item_models.report_plan_models import PlannedEventsModel, TargetsModel
from app.ui.reporting import editor as report_editor
from app.ui.reporting.editor import ReportEditor
from app.ui.reporting.page import ReportsPage
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts

TODAY = date(2026, 11, 27)  # the annual page opens on 2026 (summary) and 2027 (plan)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[Any, ...]] = []
    previous = error_dialog.set_presenter(lambda *args: calls.append(args))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000)
    assert calls == []


@pytest.fixture(autouse=True)
def no_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves in these tests come from what is tested (Ctrl+S, leaving, preview), not the timer."""
    monkeypatch.setattr(report_editor, "AUTOSAVE_MS", 3_600_000)


@pytest.fixture
def station(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明")).id


def open_page(qtbot, db) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    for editor in (page.summary_editor, page.plan_editor):
        qtbot.waitUntil(lambda e=editor: e.draft is not None, timeout=10_000)
    return page


def stored(db, year: int = 2026, kind: str = "summary") -> report_drafts.Draft:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return report_drafts.load_annual(session, year, kind)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks aborts on non-Latin-1 text)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(editor: ReportEditor, key: str, text: str) -> None:
    editor.texts[key].setFocus()
    type_text(editor.texts[key], text)


def test_typed_text_is_saved_by_ctrl_s_and_shown_when_the_page_is_opened_again(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    assert page.summary_editor.heading.text() == "2026年度服务工作总结" and page.plan_editor.heading.text() == "2027年度服务工作计划"
    page.activateWindow()
    type_into(page.summary_editor, "work_done", "全年走访企业126家")
    assert page.summary_editor.dirty
    with qtbot.waitSignal(page.summary_editor.saved, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert stored(db).narrative["work_done"] == "全年走访企业126家" and not page.summary_editor.dirty
    page.close()
    again = open_page(qtbot, db)
    assert again.summary_editor.texts["work_done"].toPlainText() == "全年走访企业126家"
    assert again.summary_editor.status_label.text() == "状态：草稿"


def test_leaving_the_page_or_closing_the_window_saves_the_draft(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    stack = QStackedWidget(window)
    QVBoxLayout(window).addWidget(stack)
    page = ReportsPage(db, today=lambda: TODAY)
    stack.addWidget(page)
    stack.addWidget(QWidget())
    window.show()
    qtbot.waitUntil(lambda: page.plan_editor.draft is not None and page.summary_editor.draft is not None, timeout=10_000)
    page.plan_editor.texts["goals"].setPlainText("服务企业150家")
    stack.setCurrentIndex(1)  # another page
    qtbot.waitUntil(lambda: stored(db, 2027, "plan").narrative["goals"] == "服务企业150家", timeout=10_000)
    stack.setCurrentIndex(0)
    page.summary_editor.texts["measures"].setPlainText("加强宣传")
    window.close()
    assert operations.shutdown(10_000)  # what the launcher does next: cancels anything still queued
    assert stored(db).narrative["measures"] == "加强宣传"


def test_typing_stops_and_the_draft_saves_itself(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    editor = page.summary_editor
    assert editor._autosave.interval() == 3_600_000
    editor._autosave.setInterval(50)
    type_into(editor, "problems", "人手不足")
    qtbot.waitUntil(lambda: stored(db).narrative["problems"] == "人手不足", timeout=10_000)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10_000)  # the save's completion handler runs after the write


def test_an_information_report_by_quarter(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.kinds.setCurrentRow(1)
    params = page.parameters["info"]
    assert params.period() == "2026-10"  # the last month that has ended
    params.quarterly.setChecked(True)
    qtbot.waitUntil(lambda: page.info_editor.key == "2026-Q4" and page.info_editor.draft is not None, timeout=10_000)
    assert page.info_editor.heading.text() == "2026年第4季度信息报送"
    page.info_editor.texts["highlights"].setPlainText("举办融资对接会两场")
    with qtbot.waitSignal(page.info_editor.saved, timeout=10_000):
        page.save_drafts()
    with db.sessions() as session:
        assert report_drafts.load_info(session, "2026-Q4").narrative["highlights"] == "举办融资对接会两场"


def test_submit_asks_first_and_then_the_text_is_read_only(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    editor = page.summary_editor
    editor.texts["work_done"].setPlainText("全年走访企业126家")
    with answer_prompts(True) as asked:  # two sections still empty: refused, naming the first
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "工作亮点与典型案例" in editor.error_label.text(), timeout=10_000)
    assert asked[0].kind == "confirm" and stored(db).status == "draft"
    for key, title in SUMMARY_SECTIONS.items():
        editor.texts[key].setPlainText(f"{title}：已完成")
    with answer_prompts(False):
        editor.submit()
    operations.wait_for_all()
    assert stored(db).status == "draft"  # cancelled: nothing submitted (the draft may be saved)
    with answer_prompts(True), qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.submit()
    qtbot.waitUntil(lambda: editor.draft is not None and editor.draft.status == "submitted", timeout=10_000)
    assert stored(db).status == "submitted" and stored(db).narrative["measures"] == "下一步工作措施：已完成"
    assert editor.texts["work_done"].isReadOnly() and editor.submit_button.isHidden()
    assert editor.status_label.text().startswith("状态：已提交") and editor.error_label.text() == ""


def test_a_returned_report_shows_hqs_comment_and_can_be_reworked(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    text = report_drafts.ReportText({k: "已完成" for k in SUMMARY_SECTIONS})
    with db.begin() as session:
        report_drafts.submit_annual(session, 2026, "summary", text, None)
    with db.begin() as session:
        session.execute(update(AnnualReport).values(status="returned", review_comment="请补充典型案例。"))
    page = open_page(qtbot, db)
    editor = page.summary_editor
    assert editor.review.isVisibleTo(page) and "请补充典型案例。" in editor.review.text()
    assert editor.texts["highlights"].isReadOnly() and editor.reopen_button.isVisibleTo(page)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.reopen_button, Qt.MouseButton.LeftButton)
    assert not editor.texts["highlights"].isReadOnly() and editor.submit_button.isVisibleTo(page)
    assert stored(db).status == "draft" and editor.review.isVisibleTo(page)  # the comment stays while reworking


def test_plan_targets_and_events_are_saved_and_bad_values_explained(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    editor = page.plan_editor
    page.annual_tabs.setCurrentWidget(editor)
    plan = editor.plan
    assert plan is not None and page.summary_editor.plan is None
    plan.targets.setData(plan.targets.index(0, 1), "150")
    plan.targets.setData(plan.targets.index(5, 1), "95")
    plan.add_event()
    type_text(QApplication.focusWidget(), "政策宣讲会")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: plan.events.index(0, 2).data() == "政策宣讲会", timeout=5000)  # commits queued
    plan.events_view.setCurrentIndex(plan.events.index(0, 1))
    plan.events_view.edit(plan.events.index(0, 1))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.count() == 8
    combo.setCurrentIndex(combo.findText("讲座"))  # and Ctrl+S with the cell editor still open
    plan.events.setData(plan.events.index(0, 0), 3)
    plan.events.setData(plan.events.index(0, 3), "ip")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(combo, Qt.Key.Key_S, CTRL)
    saved = stored(db, 2027, "plan")
    assert saved.targets == {"enterprises_served": 150, "satisfied_share": 95.0}
    assert saved.planned_events == (report_drafts.PlannedEvent(3, "lecture", "政策宣讲会", "ip"),)
    assert plan.events.index(0, 3).data() == "知识产权主题月"
    plan.targets.setData(plan.targets.index(5, 1), "120")
    editor.save_now()
    qtbot.waitUntil(lambda: "满意率" in editor.error_label.text(), timeout=10_000)
    assert "100" in editor.error_label.text() and stored(db, 2027, "plan").targets["satisfied_share"] == 95.0


def test_plan_item_models(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    targets = TargetsModel()
    targets.set_targets({"events": 12.0})
    qtmodeltester.check(targets)
    events = PlannedEventsModel()
    events.set_events((report_drafts.PlannedEvent(9, "salon", "沙龙"),))
    events.insertRows(1, 2)
    qtmodeltester.check(events)
    assert events.rowCount() == 3 and events.index(1, 0).data() == "9月"  # a new row starts in the month above
    events.set_read_only(True)
    assert not events.setData(events.index(0, 2), "改") and not events.removeRows(0, 1)


def test_a_clash_with_another_window_is_reported_and_reloaded(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    editor = page.summary_editor
    with db.begin() as session:  # another window (or a sync) saved first
        report_drafts.save_annual(session, 2026, "summary", report_drafts.ReportText({"work_done": "另一个窗口写的"}), None)
    editor.texts["work_done"].setPlainText("这里写的")
    editor.save_now()
    qtbot.waitUntil(lambda: "已在别处修改" in editor.error_label.text(), timeout=10_000)
    assert editor.reload_button.isVisibleTo(page) and editor.submit_button.isHidden()
    assert stored(db).narrative["work_done"] == "另一个窗口写的"
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.reload_button.click()
    assert editor.texts["work_done"].toPlainText() == "另一个窗口写的" and editor.reload_button.isHidden()
    editor.texts["work_done"].setPlainText("读取后再改")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_now()
    assert stored(db).narrative["work_done"] == "读取后再改"
