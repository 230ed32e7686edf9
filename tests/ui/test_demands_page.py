"""服务需求 page: the loop walked with its buttons, the log below, overdue filter, new demand."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import Demand
from app.services.actor import Actor
from app.services.demands import edits as demand_edits
from app.services.demands.shapes import DemandInput
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import EnterpriseInput
from app.services.station.identity import NewStation, create_station
from app.ui.demands.dialogs import NewDemandDialog, TransitionDialog
from app.ui.demands.page import DemandsPage

TODAY = date(2026, 6, 15)


pytestmark = pytest.mark.usefixtures("presented")  # tests/ui/conftest.py: no error dialog, no operation left running


@pytest.fixture
def firm(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        return enterprise_service.create(session, EnterpriseInput(name="广州云帆科技有限公司", district="天河区")).id


def add_demand(db, firm, title: str, received: date, due: date | None = None) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        demand_edits.create(session, DemandInput(title, "financing", firm, received_on=received, due_on=due),
                       Actor("陈晓明"), today=TODAY, lock_days=10)


def open_page(qtbot, db) -> DemandsPage:  # type: ignore[no-untyped-def]
    page = DemandsPage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.ids_loaded, timeout=10_000):
        page.resize(1000, 700)
        page.show()
    qtbot.waitUntil(lambda: bool(page.pick_lists.staff), timeout=5000)
    return page


def enabled(page: DemandsPage) -> list[str]:
    return [status for status, button in page.action_buttons.items() if button.isEnabled()]


def test_a_demand_is_walked_round_the_loop_with_the_buttons(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    add_demand(db, firm, "申请创新券", TODAY)
    page = open_page(qtbot, db)
    assert page.status.currentText() == "待办（未回访）"  # a closed demand stays, awaiting its 回访
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(page.log_entries), timeout=5000)
    assert enabled(page) == ["dispatched"]
    assert [e.to_label for e in page.log_entries] == ["受理"]
    steps = [("dispatched", "分派给陈晓明"), ("handling", "已联系企业"), ("replied", "已答复申报条件"),
             ("closed", "企业确认"), ("followed_up", "回访满意")]
    for status, note in steps:
        qtbot.mouseClick(page.action_buttons[status], Qt.MouseButton.LeftButton)
        dialog = page.dialog
        assert isinstance(dialog, TransitionDialog) and dialog.to_status == status
        dialog.note.setPlainText(note)
        if status == "followed_up":
            dialog.satisfaction.setValue(4)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=note: bool(page.log_entries) and page.log_entries[-1].note == n, timeout=5000)
    assert [(e.from_label, e.to_label) for e in page.log_entries][1:] == [
        ("受理", "分派"), ("分派", "处理"), ("处理", "反馈"), ("反馈", "办结"), ("办结", "回访")
    ]
    assert page.model.rowCount() == 0  # followed up: off the to-do list
    assert page.log_table.rowCount() == 6 and page.log_table.item(1, 1).text() == "陈晓明"
    assert enabled(page) == []  # the loop is finished
    with db.sessions() as session:
        row = session.scalars(select(Demand)).one()
    assert (row.status, row.satisfaction, row.assignee_staff_id is not None) == ("followed_up", 4, True)
    # Not vanished: the page says where it went (issue 13 item 18), and the link finds it.
    assert page.moved_label.isVisible()
    assert "申请创新券" in page.moved_label.text() and "回访" in page.moved_label.text()
    with qtbot.waitSignal(page.model.ids_loaded, timeout=5000):
        page.moved_label.linkActivated.emit(str(row.id))
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().id == row.id, timeout=5000)
    assert page.status.currentText() == "全部状态" and not page.moved_label.isVisible()


def test_a_step_refused_by_the_service_is_explained_in_the_dialog(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    add_demand(db, firm, "申请创新券", TODAY)
    page = open_page(qtbot, db)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(page.log_entries), timeout=5000)
    page.move_selected("dispatched")
    dialog = page.dialog
    assert isinstance(dialog, TransitionDialog)
    dialog.kind.setCurrentIndex(1)  # 服务机构: none are resident, so nobody to dispatch to
    dialog.submit()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=5000)
    assert "承办方" in dialog.error_label.text() and dialog.isVisible()


def test_overdue_demands_are_highlighted_and_filtered(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    add_demand(db, firm, "融资对接", date(2026, 6, 1), date(2026, 6, 5))
    add_demand(db, firm, "专利申请", TODAY)
    page = open_page(qtbot, db)
    assert page.model.rowCount() == 2
    with qtbot.waitSignal(page.model.ids_loaded, timeout=5000):
        page.overdue.setChecked(True)
    assert page.model.rowCount() == 1 and page.count_label.text() == "共 1 项"
    qtbot.waitUntil(lambda: "超期" in page.model.index(0, 5).data())


def test_new_demand_dialog_creates_one(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewDemandDialog)
    dialog.submit()  # nothing picked
    assert "企业" in dialog.error_label.text()
    dialog.picker.set_enterprise(firm, "广州云帆科技有限公司")
    dialog.title_edit.setText("招聘高校毕业生")
    dialog.due_on.setText("2026/6/30")
    with qtbot.waitSignal(page.model.ids_loaded, timeout=5000):
        dialog.submit()
    assert page.model.rowCount() == 1
    with db.sessions() as session:
        row = session.scalars(select(Demand)).one()
    assert (row.title, row.due_on, row.status) == ("招聘高校毕业生", date(2026, 6, 30), "accepted")


def test_ctrl_n_opens_a_new_demand_and_ctrl_f_goes_to_the_search(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    """The keys every other list answers to (帮助 → 键盘快捷键 lists them): the demands page had none."""
    page = open_page(qtbot, db)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, NewDemandDialog)
    page.dialog.reject()
