"""What every list page builds alike: the read-only table that selects one whole row and is
sorted by one column, the grey message shown in its place while it is empty, and the page's
keyboard shortcuts (Enter/F2 edit, Delete, Ctrl+N new, Ctrl+F search)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.ui import theme
from app.ui.widgets.elided_tips import install_elided_tips
from app.ui.widgets.search_box import focus_all

Slot = Callable[[], object]


def list_view(model: QAbstractItemModel, widths: Sequence[int], *, sort_column: int,
              order: Qt.SortOrder = Qt.SortOrder.AscendingOrder, alternating: bool = True,
              compact: bool = False, stretch_column: int | None = None) -> QTableView:
    """A table over `model` with the given column widths, sorted by `sort_column`.  `compact`:
    one line a row, as tall as the text; `stretch_column` takes the spare width (else the last)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    if compact:
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.verticalHeader().hide()
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    header.setSortIndicator(sort_column, order)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate(widths):
        # never narrower than its own heading (English headings are longer than the Chinese)
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    install_elided_tips(table)
    return table


def empty_state_label() -> QLabel:
    """The message that stands in for an empty table (the page sets its text)."""
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.TEXT_MUTED}; padding: 24px;")
    return label


def list_box(table: QTableView, empty_label: QLabel) -> QWidget:
    """The table and its empty-state message in one box (the page shows one or the other)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(table, 1)
    column.addWidget(empty_label, 1)
    return box


def bind_find(page: QWidget, box: QLineEdit, what: str | None = None) -> None:
    """Ctrl+F while `page` is shown takes the cursor to `box`, its text selected, wherever the cursor
    was (a tab bar, an empty list's page); a hidden page's or tab's shortcut does not answer, so
    tabs each bind their own. `what` is the sheet's words for it (帮助 → 键盘快捷键), "查找" by default."""
    shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F), page, lambda: focus_all(box))
    shortcut.setWhatsThis(what or key_words()["search"])


def key_words() -> dict[str, str]:
    """What a list's keys do, for 帮助 → 键盘快捷键 (each shortcut's whatsThis)."""
    return {"edit": QCoreApplication.translate("ListKeys", "修改选中的一行"),
            "delete": QCoreApplication.translate("ListKeys", "删除选中的一行"),
            "new": QCoreApplication.translate("ListKeys", "新增"),
            "search": QCoreApplication.translate("ListKeys", "查找")}


def bind_keys(page: QWidget, table: QTableView, *, edit: Slot | None = None, delete: Slot | None = None,
              new: Slot | None = None, search: Slot | None = None) -> None:
    """Enter, F2 and a double click edit the selected row and Delete deletes it (while the
    table has the focus); Ctrl+N and Ctrl+F work anywhere on the page."""
    words = key_words()
    bindings: list[tuple[QKeySequence, Slot, QWidget, str]] = []
    if edit is not None:
        bindings += [(QKeySequence(key), edit, table, words["edit"])
                     for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)]
        table.doubleClicked.connect(lambda _index: edit())
    if delete is not None:
        bindings.append((QKeySequence(QKeySequence.StandardKey.Delete), delete, table, words["delete"]))
    if new is not None:
        bindings.append((QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N), new, page, words["new"]))
    if search is not None:
        bindings.append((QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F), search, page, words["search"]))
    for key, slot, target, what in bindings:
        shortcut = QShortcut(key, target, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut if target is table
                            else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis(what)
