"""A small table model over a list of dataclass rows read in one go (staff, institutions,
experts: tens of rows, never thousands).  Sorting and filtering are left to a
QSortFilterProxyModel: `SORT_ROLE` gives each cell a value that sorts right (dates, numbers,
None last), `FILTER_ROLE` the text the filter box searches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.ui.catalogue_names import shown

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ListColumn:
    title: str
    text: Callable[[Any], object]  # row -> shown value (None shows empty)
    sort: Callable[[Any], object] | None = None  # row -> sort value; default: the shown value
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowListModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[ListColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: object) -> int:
        return next((n for n, row in enumerate(self.rows) if getattr(row, "id", None) == row_id), -1)

    def row_style(self, row: Any, role: int) -> Any:
        """Override to colour whole rows (Foreground/Background roles)."""
        del row, role
        return None

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < len(self.columns)):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.text(row)
            return "" if value is None else shown(str(value))  # a status or category in the user's language
        if role == SORT_ROLE:
            value = column.sort(row) if column.sort else column.text(row)
            # None sorts after every value, numbers as numbers, the rest as text
            if value is None:
                return (1, "")
            return (0, value) if isinstance(value, int | float) else (0, str(value))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            return self.row_style(row, role)
        return None


class RowFilterProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; `text` filters on any shown cell, `accept` on the row itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.accept: Callable[[Any], bool] | None = None

    def set_filter(self, text: str | None = None, accept: Callable[[Any], bool] | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text.strip().casefold()
        self.accept = accept if accept is not None else self.accept
        self.endFilterChange()

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:  # a number beside text in one column: compare as text
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowListModel):
            return True
        row = model.row_at(source_row)
        if row is None or (self.accept is not None and not self.accept(row)):
            return False
        if not self.text:
            return True
        cells = (model.index(source_row, c).data() or "" for c in range(model.columnCount()))
        return any(self.text in str(cell).casefold() for cell in cells)
