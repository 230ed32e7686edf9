"""用户与服务站 (issue 12, "HQ accounts and roles"): the admin adds, revokes and reissues codes
for HQ users and stations against the real HQ service and PostgreSQL; other roles only read.
The codes shown are real: they enrol through /v1/enroll."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from sqlalchemy import text

from app.sync import protocol
from app.ui.hq.accounts.dialogs import AddStationDialog, AddUserDialog, CodeDialog
from app.ui.widgets.prompts import answer_prompts

CODE = re.compile(r"^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$")


def enrol_with(app_client: Any, code: str) -> dict[str, Any]:
    from starlette.testclient import TestClient

    side = TestClient(app_client.app, client=("accounts-test", 50000))
    try:
        answer = side.post("/v1/enroll", content=protocol.encode({"code": code}),
                           headers={protocol.PROTOCOL_HEADER: "2", "Content-Encoding": "zstd"})
    finally:
        side.close()
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def accounts_page(qtbot: Any, hq_window: Any, role: str) -> Any:
    window = hq_window(role)
    page = window.page("accounts")
    assert page is not None
    qtbot.waitUntil(lambda: page.users.model.rowCount() >= 3 and page.stations.status.text() != "", timeout=10_000)
    window.activateWindow()  # offscreen, the window can lose activation while pages load; shortcuts need it
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return page


def wait_rows(qtbot: Any, tab: Any, check: Any) -> None:
    qtbot.waitUntil(lambda: check([tab.model.row_at(i) for i in range(tab.model.rowCount())]), timeout=10_000)


def test_the_admin_adds_a_user_and_the_code_shown_enrols_an_hq_desk(qtbot: Any, hq_window: Any, app_client: Any) -> None:
    page = accounts_page(qtbot, hq_window, "admin")
    tab = page.tab("users")
    assert tab.add_button.isVisible()
    QTest.keySequence(tab.table.table, "Ctrl+N")  # the keyboard, not the button
    dialog = tab.dialog
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    dialog.submit()  # nothing filled in: said at the field, nothing sent
    assert "用户名" in dialog.error.text() and dialog.isVisible()
    dialog.name.setText("新同事")
    dialog.role.setCurrentIndex(dialog.role.findData("staff"))
    dialog.submit()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CodeDialog), timeout=10_000)
    shown = tab.dialog
    assert CODE.match(shown.code.text()) and "新同事" in shown.how.text() and "https://hq.test" in shown.how.text()
    qtbot.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == shown.code.text()
    wait_rows(qtbot, tab, lambda rows: any(r.name == "新同事" and r.role == "staff" for r in rows))
    answer = enrol_with(app_client, shown.code.text())
    assert answer["hq_user"]["name"] == "新同事" and answer["hq_user"]["role"] == "staff"


def test_hq_refuses_a_duplicate_user_and_the_dialog_says_so_keeping_the_input(
    qtbot: Any, hq_window: Any
) -> None:
    page = accounts_page(qtbot, hq_window, "admin")
    tab = page.tab("users")
    tab.add()
    dialog = tab.dialog
    dialog.name.setText("staff-user")  # the conftest's staff user
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "已存在" in dialog.error.text() and dialog.isVisible() and dialog.name.text() == "staff-user"
    dialog.reject()


def test_revoking_a_user_asks_first_and_reissuing_brings_a_new_code(
    qtbot: Any, hq_window: Any, hq_engine: Any, new_user: Any
) -> None:
    new_user("待撤销", "bureau")
    page = accounts_page(qtbot, hq_window, "admin")
    tab = page.tab("users")
    wait_rows(qtbot, tab, lambda rows: any(r.name == "待撤销" for r in rows))
    assert tab.table.select("待撤销")
    with answer_prompts(False) as asked:
        QTest.keyClick(tab.table.table, Qt.Key.Key_Delete)
    assert asked and asked[0].destructive and "待撤销" in asked[0].text
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM hq_user WHERE name = '待撤销'")).scalar() == "active"
    with answer_prompts(True):
        tab.revoke()
    wait_rows(qtbot, tab, lambda rows: any(r.name == "待撤销" and r.status == "revoked" for r in rows))
    assert not tab.revoke_button.isEnabled()  # a revoked user cannot be revoked again
    with hq_engine.connect() as conn:
        entry = conn.execute(text("SELECT actor, action FROM audit_log WHERE target = '待撤销' ORDER BY id DESC")).first()
    assert tuple(entry) == ("admin-user", "user.revoke")
    with answer_prompts(True):
        QTest.keySequence(tab.table.table, "Ctrl+R")
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CodeDialog), timeout=10_000)
    assert CODE.match(tab.dialog.code.text())


def test_the_admin_adds_revokes_and_reissues_a_station_and_the_list_filters_and_sorts(
    qtbot: Any, hq_window: Any, app_client: Any
) -> None:
    page = accounts_page(qtbot, hq_window, "admin")
    tab = page.tab("stations")
    tab.add()
    dialog = tab.dialog
    assert isinstance(dialog, AddStationDialog)
    dialog.code.setText("GZ-UI-01")
    dialog.submit()
    assert "服务站名称" in dialog.error.text()
    dialog.name.setText("界面测试站")
    dialog.submit()
    assert "所在区" in dialog.error.text()
    dialog.district.setCurrentText("番禺区")
    dialog.submit()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, CodeDialog), timeout=10_000)
    assert enrol_with(app_client, tab.dialog.code.text())["station"]["code"] == "GZ-UI-01"
    tab.dialog.reject()
    tab.refresh()
    wait_rows(qtbot, tab, lambda rows: any(r.code == "GZ-UI-01" and r.enrolled_at is not None for r in rows))
    for code, name in (("GZ-UI-02", "乙站"), ("GZ-UI-00", "甲站")):
        tab.add()
        tab.dialog.code.setText(code)
        tab.dialog.name.setText(name)
        tab.dialog.district.setCurrentText("天河区")
        tab.dialog.submit()
        qtbot.waitUntil(lambda c=code: isinstance(tab.dialog, CodeDialog) and tab.dialog.issued.who == c, timeout=10_000)
    wait_rows(qtbot, tab, lambda rows: {"GZ-UI-00", "GZ-UI-02"} <= {r.code for r in rows})
    tab.table.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    codes = tab.table.shown_texts(0)
    assert codes == sorted(codes, reverse=True)
    tab.search.setText("番禺")
    assert tab.table.shown_texts(0) == ["GZ-UI-01"]
    tab.search.clear()
    assert tab.table.select("GZ-UI-02")
    with answer_prompts(True):
        tab.revoke()
    wait_rows(qtbot, tab, lambda rows: any(r.code == "GZ-UI-02" and r.status == "revoked" for r in rows))
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("revoked"))
    assert tab.table.shown_texts(0) == ["GZ-UI-02"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("active"))
    assert "GZ-UI-02" not in tab.table.shown_texts(0) and "GZ-UI-01" in tab.table.shown_texts(0)
    tab.search.setText("没有这样的站")
    assert tab.table.currentWidget() is tab.table.empty_label and "没有符合条件" in tab.table.empty_label.text()


def test_staff_and_bureau_read_both_lists_without_write_buttons(qtbot: Any, hq_window: Any) -> None:
    for role in ("staff", "bureau"):
        page = accounts_page(qtbot, hq_window, role)
        for tab in (page.users, page.stations):
            assert not tab.add_button.isVisible() and not tab.revoke_button.isVisible()
            tab.add()  # Ctrl+N is not bound; the slot itself does nothing for a reader
            assert tab.dialog is None
        assert any("只读" in label.text() for label in page.findChildren(type(page.users.status)))
