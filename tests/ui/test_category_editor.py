"""设置 → 服务类别…: keyboard editing, the record form picking the new category up, and
the read-only view of an enrolled station."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.catalogue import SERVICE_CATEGORIES
from app.models import PickListItem
from app.models.database import Database
from app.services import pick_lists, references
from app.ui.item_models.pick_list_model import PickListModel
from app.ui.records.category_editor import CategoryEditor
from app.ui.records.form import RecordForm

from .keyboard import activate, commit_text, press

CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("presented")


def open_editor(qtbot, db: Database) -> CategoryEditor:  # type: ignore[no-untyped-def]
    editor = CategoryEditor(db)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.show()
    activate(qtbot, editor)
    return editor


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
    commit_text("外贸服务")
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
        assert list(references.categories(s).values())[-2:] == ["外贸服务", "其他"]


def test_retire_with_delete_and_escape_cancels(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db)
    press(qtbot, Qt.Key.Key_Delete)  # the first line: 政策咨询
    assert editor.model.rows[0].active is False and "停用" in editor.model.index(0, 1).data()
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    with db.sessions() as s:  # nothing saved
        assert "policy" in references.categories(s) and s.scalar(select(PickListItem.id)) is None


def test_a_refused_save_names_the_line(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, db)
    editor.model.setData(editor.model.index(3, 0), "政策咨询")  # same name as the first
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(editor.error_label.isVisible, timeout=5000)
    assert "重名" in editor.error_label.text() and editor.current_row() == 3 and editor.isVisible()


def test_enrolled_station_sees_hq_list_read_only(qtbot, db, station, mark_enrolled) -> None:  # type: ignore[no-untyped-def]
    mark_enrolled()
    editor = open_editor(qtbot, db)
    assert "服务总站统一发布" in editor.intro.text()
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
    from app.services.station.identity import current_station
    from app.settings import Settings
    from app.ui.shell.main_window import MainWindow

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
