"""设置 → 服务类别…: keyboard editing, the record form picking the new category up, and
the read-only view of an enrolled station."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.domain.catalogue import SERVICE_CATEGORIES
from sqlalchemy import select

from app.models import PickListItem, ProfileMeta
from app.models.database import Database
from app.services import pick_lists, staff_lookup
from app.services.station_service import NewStation, StationInfo, create_station
from app.sync import enrolment
from app.ui import error_dialog, operations
from app.ui.category_editor import CategoryEditor
from app.ui.item_models.pick_list_model import PickListModel
from app.ui.record_form import RecordForm

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


def open_editor(qtbot, db: Database) -> CategoryEditor:  # type: ignore[no-untyped-def]
    editor = CategoryEditor(db)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_chinese(text: str) -> None:
    event = QInputMethodEvent()  # as an input method delivers it (QTest cannot press 外)
    event.setCommitString(text)
    QApplication.sendEvent(QApplication.focusWidget(), event)


def box_labels(form: RecordForm) -> list[str]:
    return [form.category.itemText(i) for i in range(form.category.count())]


def test_add_a_category_with_keys_and_the_record_form_offers_it(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    form = RecordForm(db)  # already open: it must take the new list without a restart
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.pick_lists_loaded, timeout=10_000):
        form.show()
    assert "外贸服务" not in box_labels(form)

    editor = open_editor(qtbot, db)
    assert [editor.model.rows[i].label for i in range(3)] == list(SERVICE_CATEGORIES.values())[:3]
    press(qtbot, Qt.Key.Key_N, CTRL)  # new line, its name box open
    qtbot.waitUntil(lambda: editor.view.state() == editor.view.State.EditingState)
    QApplication.focusWidget().selectAll()  # type: ignore[union-attr]
    type_chinese("外贸服务")
    press(qtbot, Qt.Key.Key_Return)  # finishes the name only
    qtbot.waitUntil(lambda: editor.view.state() != editor.view.State.EditingState)
    assert editor.isVisible() and editor.model.rows[-1].label == "外贸服务"
    press(qtbot, Qt.Key.Key_Up, CTRL)  # one place up: before 其他
    assert [r.label for r in editor.model.rows[-2:]] == ["外贸服务", "其他"]
    with qtbot.waitSignal(editor.saved, timeout=10_000), qtbot.waitSignal(form.pick_lists_loaded, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)  # Enter saves
    assert not editor.isVisible()
    assert box_labels(form)[-2:] == ["外贸服务", "其他"]
    with db.sessions() as s:
        assert list(staff_lookup.categories(s).values())[-2:] == ["外贸服务", "其他"]


def test_retire_with_delete_and_escape_cancels(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db)
    press(qtbot, Qt.Key.Key_Delete)  # the first line: 政策咨询
    assert editor.model.rows[0].active is False and "停用" in editor.model.index(0, 1).data()
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    with db.sessions() as s:  # nothing saved
        assert "policy" in staff_lookup.categories(s) and s.scalar(select(PickListItem.id)) is None


def test_a_refused_save_names_the_line(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db)
    editor.model.setData(editor.model.index(3, 0), "政策咨询")  # same name as the first
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(editor.error_label.isVisible, timeout=5000)
    assert "重名" in editor.error_label.text() and editor.current_row() == 3 and editor.isVisible()


def test_enrolled_station_sees_hq_list_read_only(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        s.add_all([ProfileMeta(key=enrolment.SERVER_KEY, value="https://hq.example"),
                   ProfileMeta(key=enrolment.CODE_KEY, value="GZ-TH-001")])  # fmt: skip
    editor = open_editor(qtbot, db)
    assert "总部统一发布" in editor.intro.text()
    assert not editor.add_button.isEnabled() and not editor.save_button.isVisible()
    assert not (editor.model.flags(editor.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert editor.model.rowCount() == len(SERVICE_CATEGORIES)


def test_pick_list_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PickListModel()
    model.set_items([pick_lists.PickItem(c, label) for c, label in SERVICE_CATEGORIES.items()], editable=True)
    model.add("外贸服务")
    model.move(0, 1)
    model.set_active(2, False)
    qtmodeltester.check(model, force_py=True)
    assert [r.code for r in model.rows[:2]] == ["finance_tax", "policy"]


def test_settings_menu_opens_the_editor(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    from app.services.station_service import current_station
    from app.settings import Settings
    from app.ui.main_window import MainWindow

    with db.sessions() as s:
        window = MainWindow(db, "default", current_station(s), Settings(), remember=False)
    qtbot.addWidget(window)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    entry = next(a for a in menus["设置(&S)"].actions() if a.text() == "服务类别…")
    entry.trigger()
    editor = window.findChild(CategoryEditor)
    assert editor is not None
    qtbot.waitUntil(lambda: editor.model.rowCount() > 0, timeout=10_000)
    assert editor.isVisible() and editor.model.rowCount() == len(SERVICE_CATEGORIES)
    editor.reject()
    window.close()
