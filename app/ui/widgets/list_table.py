"""A sortable table over a RowListModel with its filter proxy, the selected row, keyboard
shortcuts (Enter/F2 edit, Delete) and an empty-state message in place of an empty grid."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStackedWidget, QTableView, QWidget

from app.ui import theme
from app.ui.item_models.row_list_model import RowFilterProxy, RowListModel
from app.ui.widgets.elided_tips import install_elided_tips
from app.ui.widgets.list_views import key_words


class ListTable(QStackedWidget):
    current_changed = Signal(object)  # the selected row, or None

    def __init__(self, model: RowListModel, widths: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate(widths):  # never narrower than its heading (English is longer)
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        install_elided_tips(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit(self.selected()))
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.TEXT_MUTED}; padding: 24px;")
        self.addWidget(self.table)
        self.addWidget(self.empty_label)
        self.empty_text, self.no_match_text = "", ""

    def on_keys(self, edit: Callable[[], object], delete: Callable[[], object]) -> None:
        words = key_words()
        for key, slot, what in ((Qt.Key.Key_Return, edit, "edit"), (Qt.Key.Key_Enter, edit, "edit"),
                                (Qt.Key.Key_F2, edit, "edit"), (QKeySequence.StandardKey.Delete, delete, "delete")):
            shortcut = QShortcut(QKeySequence(key), self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(words[what])
        self.table.doubleClicked.connect(lambda _index: edit())

    def set_rows(self, rows: Sequence[Any]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            self.select(selected.id)
        self._show()
        self.current_changed.emit(self.selected())

    def set_filter(self, text: str | None = None, accept: Callable[[Any], bool] | None = None) -> None:
        self.proxy.set_filter(text, accept)
        self._show()

    def _show(self) -> None:
        self.empty_label.setText(self.empty_text if self.model.rowCount() == 0 else self.no_match_text)
        self.setCurrentWidget(self.table if self.proxy.rowCount() else self.empty_label)

    def selected(self) -> Any | None:
        index = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def select(self, row_id: object) -> bool:
        row = self.model.row_of(row_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        return True

    def shown_texts(self, column: int = 0) -> list[str]:
        """What the table shows in `column`, top to bottom (tests, diagnostics)."""
        return [self.proxy.index(r, column).data() for r in range(self.proxy.rowCount())]
