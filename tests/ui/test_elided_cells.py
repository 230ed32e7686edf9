"""Issue 13 item 13: English names are longer than the Chinese, and tables cut them to "…".  A column
that holds names from a fixed list (category, district, size, status) is as wide as its widest name
at 1366×768 and 1024×600; any other cell that does not fit shows its whole text as a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolTip,
    QWidget,
)

from app.ui.catalogue_names import NAMES, shown
from app.ui.shell.navigation import sections
from app.ui.widgets.elided_tips import text_room
from app.ui.widgets.list_views import list_view

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")


def clipped_names(view: QTableView) -> list[str]:
    """Catalogue names (as shown) in the rows in view that are wider than their column."""
    names = {shown(name) for name in NAMES}
    model, metrics, clipped = view.model(), view.fontMetrics(), []
    for row in range(min(model.rowCount(QModelIndex()), 30)):
        for column in range(model.columnCount(QModelIndex())):
            text = str(model.index(row, column).data() or "")
            if text in names and not view.isColumnHidden(column):
                if metrics.horizontalAdvance(text) > text_room(view, view.columnWidth(column)):
                    clipped.append(text)
    return clipped


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_names_from_a_list_are_never_cut_short(qtbot, demo_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(size)
    found: dict[str, list[str]] = {}
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(600)
        page = window.pages[section.key]
        clipped = [t for view in page.findChildren(QTableView) if view.isVisibleTo(page) for t in clipped_names(view)]
        if clipped:
            found[section.key] = sorted(set(clipped))
    assert not found, found


def test_a_cell_that_does_not_fit_shows_its_text_as_a_tooltip(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(1, 2)
    long_text = "Guangzhou Yunfan Science and Technology Company Limited, Tianhe branch"
    model.setItem(0, 0, QStandardItem(long_text))
    model.setItem(0, 1, QStandardItem("short"))
    view = list_view(model, [120, 120], sort_column=0)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    shown_tips: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *args: shown_tips.append(text))

    def hover(column: int) -> None:
        centre = view.visualRect(model.index(0, column)).center()
        QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre)))

    hover(0)
    hover(1)
    assert shown_tips == [long_text]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None  # the model is untouched


def clipped_controls(page: QWidget) -> list[str]:
    """Filter boxes, buttons and one-line labels whose own text does not fit them ("All catego")."""
    found = []
    for combo in page.findChildren(QComboBox):
        if combo.isVisibleTo(page) and not combo.isEditable():
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                QStyle.SubControl.SC_ComboBoxEditField, combo).width()
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > room:
                found.append(f"box: {combo.currentText()}")
    for button in page.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if button.isVisibleTo(page) and text and button.width() < button.fontMetrics().horizontalAdvance(text) + 8:
            found.append(f"button: {text}")
    for label in page.findChildren(QLabel):
        text = label.text()
        if label.isVisibleTo(page) and text and not label.wordWrap() and "<" not in text:
            if label.width() < label.fontMetrics().horizontalAdvance(text.split("\n")[0]) - 1:
                found.append(f"label: {text}")
    return found


def test_the_clipping_check_sees_a_clipped_box(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    combo = QComboBox(page)
    combo.addItem("All categories")
    combo.setFixedWidth(70)
    page.show()
    assert clipped_controls(page) == ["box: All categories"]


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_no_filter_box_button_or_label_is_clipped_in_english(qtbot, demo_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 item 13: "All catego", "Satisfactio" — English words are longer than the Chinese."""
    window = demo_window(size)
    found: dict[str, list[str]] = {}
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(600)
        clipped = clipped_controls(window.pages[section.key])
        if clipped:
            found[section.key] = clipped
    assert not found, found
