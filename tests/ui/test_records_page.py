"""服务记录 page: keyboard-only entry, errors beside the field, pre-fill, delete + 撤销, unlock."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import ServiceRecord
from app.models.database import Database
from app.services.actor import Actor
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import EnterpriseInput
from app.services.records import entry as record_entry
from app.services.records.validation import RecordInput
from app.services.references import staff_choices
from app.services.station.identity import NewStation, StationInfo, create_station
from app.ui import operations
from app.ui.records.page import RecordsPage
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts

TODAY = date(2026, 6, 15)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(5000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


@pytest.fixture
def station(db: Database) -> StationInfo:
    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))


@pytest.fixture
def firms(db: Database, station: StationInfo) -> dict[str, uuid.UUID]:
    names = ["广州云帆科技有限公司", "广州市珠江食品有限公司", "广州白云精密机械有限公司"]
    with db.begin() as session:
        return {
            name: enterprise_service.create(session, EnterpriseInput(name=name, district="天河区")).id
            for name in names
        }


def staff_id(db: Database) -> uuid.UUID:
    with db.sessions() as session:
        return staff_choices(session)[0].id


def open_page(qtbot, db: Database) -> RecordsPage:  # type: ignore[no-untyped-def]
    page = RecordsPage(db, today=lambda: TODAY, lock_days=10)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.form.pick_lists_loaded, timeout=10_000):
        page.resize(1000, 760)
        page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """ASCII as key presses; Chinese as an input method delivers it (QTest cannot press 云)."""
    widget = QApplication.focusWidget()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def pick(qtbot, page: RecordsPage, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type part of the name, ↓, Enter — and wait for the pre-fill lookup."""
    assert QApplication.focusWidget() is page.form.picker
    type_text(qtbot, text)
    qtbot.waitUntil(page.form.picker.popup_visible, timeout=5000)
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.form.prefilled, timeout=5000):
        press(qtbot, Qt.Key.Key_Enter)


def records(db: Database) -> list[ServiceRecord]:
    with db.sessions() as session:
        return list(session.scalars(select(ServiceRecord).where(ServiceRecord.deleted.is_(False))))


def test_a_service_record_is_logged_with_keystrokes_only(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    form = page.form
    pick(qtbot, page, "云帆")
    assert form.picker.text() == "广州云帆科技有限公司"
    assert QApplication.focusWidget() is form.category
    press(qtbot, Qt.Key.Key_Down)  # 政策咨询, the first category
    for _ in range(3):  # channel, staff, preparation minutes
        press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "10")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "35")
    for _ in range(3):  # fee type (free: the amount is skipped), referral, satisfaction
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.satisfaction
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2026-07-01")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "咨询高新技术企业认定")
    with qtbot.waitSignal(form.record_saved, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)

    [row] = records(db)
    assert (row.enterprise_id, row.category, row.channel) == (firms["广州云帆科技有限公司"], "policy", "walk_in")
    assert (row.prep_minutes, row.contact_minutes, row.satisfaction) == (10, 35, 5)
    assert (row.fee_type, row.fee, row.follow_up_on, row.service_date) == ("free", None, date(2026, 7, 1), TODAY)
    assert row.summary == "咨询高新技术企业认定" and row.staff_id == staff_id(db)
    assert form.picker.text() == "" and form.picker.enterprise_id is None and form.summary.toPlainText() == ""
    assert form.category.currentIndex() == -1 and form.contact_minutes.value() == 0
    assert QApplication.focusWidget() is form.picker
    assert form.status_label.text() == "已保存：广州云帆科技有限公司 · 政策咨询"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_a_missing_category_is_shown_beside_the_field_and_nothing_is_saved(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    form = page.form
    press(qtbot, Qt.Key.Key_Return)  # nothing picked yet: refused before any database work
    assert form.error_labels["enterprise_id"].isVisible()
    assert "企业" in form.error_labels["enterprise_id"].text()
    pick(qtbot, page, "珠江")
    press(qtbot, Qt.Key.Key_Return)
    label = form.error_labels["category"]
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("服务类别：")
    assert QApplication.focusWidget() is form.category
    assert form.picker.text() == "广州市珠江食品有限公司"  # nothing typed is lost
    assert records(db) == []


def test_a_paid_service_without_an_amount_points_at_the_fee(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    form = page.form
    pick(qtbot, page, "白云")
    press(qtbot, Qt.Key.Key_Down)
    form.fee_type.setFocus()
    press(qtbot, Qt.Key.Key_End)  # 有偿
    assert form.fee.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(form.error_labels["fee"].isVisible, timeout=5000)
    assert "收费金额" in form.error_labels["fee"].text() and QApplication.focusWidget() is form.fee
    assert records(db) == []


def test_esc_clears_the_quick_entry_form_and_saves_nothing(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    form = page.form
    pick(qtbot, page, "云帆")
    press(qtbot, Qt.Key.Key_Down)  # 政策咨询
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.prep_minutes
    type_text(qtbot, "15")
    form.summary.setFocus()
    type_text(qtbot, "咨询创新券申请")
    assert form.picker.enterprise_id == firms["广州云帆科技有限公司"] and form.prep_minutes.value() == 15
    assert form.category.currentIndex() == 0 and form.summary.toPlainText() == "咨询创新券申请"
    with qtbot.assertNotEmitted(form.record_saved, wait=200):
        press(qtbot, Qt.Key.Key_Escape)
    assert form.picker.text() == "" and form.picker.enterprise_id is None
    assert form.category.currentIndex() == -1 and form.prep_minutes.value() == 0
    assert form.summary.toPlainText() == "" and form.editing is None
    assert QApplication.focusWidget() is form.picker and form.status_label.text() == ""
    assert records(db) == []


def add_record(db: Database, firm: uuid.UUID, day: date = TODAY, **values: object) -> None:
    data = RecordInput(firm, day, **{"category": "policy", "staff_id": staff_id(db), **values})  # type: ignore[arg-type]
    with db.begin() as session:
        record_entry.create(session, data, Actor("陈晓明"), today=TODAY, lock_days=10)


def test_a_returning_enterprise_is_prefilled_from_its_last_visit(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    firm = firms["广州云帆科技有限公司"]
    add_record(db, firm, date(2026, 6, 1), category="finance_tax", channel="phone", prep_minutes=5,
               contact_minutes=40, fee_type="low_fee", fee=Decimal(100))
    page = open_page(qtbot, db)
    form = page.form
    pick(qtbot, page, "yf")  # pinyin initials of 云帆
    assert form.category.currentData() == "finance_tax" and form.channel.currentData() == "phone"
    assert (form.prep_minutes.value(), form.contact_minutes.value()) == (5, 40)
    assert form.fee.isEnabled() and form.fee.text() == "100.00"
    assert QApplication.focusWidget() is form.summary  # only what is new is left to type
    type_text(qtbot, "跟进申报材料")
    with qtbot.waitSignal(form.record_saved, timeout=5000):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    newest = max(records(db), key=lambda r: r.service_date)
    assert (newest.service_date, newest.category, newest.fee, newest.summary) == (
        TODAY, "finance_tax", Decimal("100.00"), "跟进申报材料"
    )


def test_delete_asks_then_undo_restores(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    add_record(db, firms["广州云帆科技有限公司"], summary="第一次")
    page = open_page(qtbot, db)
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None, timeout=5000)
    page.table.setFocus()
    page.table.selectRow(0)
    with answer_prompts(True) as asked, qtbot.waitSignal(page.list_changed, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked[0].destructive and "广州云帆科技有限公司" in asked[0].text
    assert records(db) == []
    qtbot.waitUntil(page.empty_label.isVisible, timeout=5000)
    assert page.info_label.text().startswith("已删除") and page.undo_button.isVisible()
    with qtbot.waitSignal(page.list_changed, timeout=5000):
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert [r.summary for r in records(db)] == ["第一次"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)


def test_empty_list_says_how_to_start(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    qtbot.waitUntil(page.empty_label.isVisible, timeout=5000)
    assert "还没有服务记录" in page.empty_label.text() and page.table.isHidden()
    page.period.setCurrentIndex(page.period.findData("all"))
    qtbot.waitUntil(lambda: "开始登记第一条" in page.empty_label.text(), timeout=5000)


def test_double_click_edits_in_the_form(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    add_record(db, firms["广州市珠江食品有限公司"], contact_minutes=20)
    page = open_page(qtbot, db)
    qtbot.waitUntil(lambda: page.model.row_at(0) is not None, timeout=5000)
    page.edit_row(0)
    qtbot.waitUntil(lambda: page.form.editing is not None, timeout=5000)
    assert page.form.contact_minutes.value() == 20 and page.form.picker.text() == "广州市珠江食品有限公司"
    page.form.contact_minutes.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "45")
    with qtbot.waitSignal(page.form.record_saved, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    assert [r.contact_minutes for r in records(db)] == [45]
    assert page.form.status_label.text().startswith("已修改")


def test_a_locked_month_offers_the_managers_unlock_and_then_saves(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    form = page.form
    pick(qtbot, page, "云帆")
    press(qtbot, Qt.Key.Key_Down)
    form.service_date.setDate(date(2026, 4, 20))  # April locked on 2026-05-10
    form.summary.setPlainText("补登：咨询研发费用加计扣除")
    with answer_prompts(True) as asked:
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: form.unlock_dialog is not None, timeout=5000)
    assert "锁定" in asked[0].text and "锁定" in form.error_labels["service_date"].text()
    dialog = form.unlock_dialog
    assert dialog is not None
    dialog.reason.setPlainText("补登四月漏记的服务")
    with qtbot.waitSignal(form.record_saved, timeout=5000):
        dialog.submit()
    assert [r.service_date for r in records(db)] == [date(2026, 4, 20)]


def test_ctrl_enter_refuses_an_empty_service_content_with_a_message(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    form = page.form
    pick(qtbot, page, "云帆")
    press(qtbot, Qt.Key.Key_Down)  # 政策咨询
    form.summary.setFocus()
    type_text(qtbot, "   ")
    label = form.error_labels["summary"]
    with qtbot.assertNotEmitted(form.record_saved, wait=300):
        press(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("服务内容：") and QApplication.focusWidget() is form.summary
    assert form.picker.enterprise_id == firms["广州云帆科技有限公司"]  # nothing typed is lost
    assert records(db) == []
