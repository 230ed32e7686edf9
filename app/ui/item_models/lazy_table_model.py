"""A table model that holds only the id list and fetches rows a page at a time (after Anki's
browser table model and Qt's Fetch More example).

The page supplies two plain functions, both run off the GUI thread:

    load_ids(sort_key, descending) -> Sequence[id]      the whole filtered, sorted list
    fetch_rows(ids) -> Mapping[id, row] | Sequence[row]  one page (rows with an `.id`)

Cells of a page not yet fetched show "…" and trigger the fetch; sorting by a column asks
`load_ids` again with that column's sort key.  UUID ids are kept packed, 16 bytes each
(app/ui/item_models/packed_ids.py).  The cache is dropped on every reload, so an
edit elsewhere is seen the next time the list is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.ui.catalogue_names import shown
from app.ui.item_models.packed_ids import compact
from app.ui.operations import run_in_background

Index = QModelIndex | QPersistentModelIndex
LoadIds = Callable[[str | None, bool], Sequence[Hashable]]
FetchRows = Callable[[list[Hashable]], Mapping[Hashable, Any] | Sequence[Any]]
PENDING = "…"


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], object]  # row -> display value (str() is applied; None shows empty)
    sort_key: str | None = None  # passed to load_ids; None: not sortable
    align_right: bool = False


class LazyTableModel(QAbstractTableModel):
    ids_loaded = Signal(int)  # the row count, after each (re)load
    page_fetched = Signal(int)  # page number

    def __init__(self, columns: Sequence[Column], load_ids: LoadIds, fetch_rows: FetchRows,
                 *, page_size: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._load_ids, self._fetch_rows = load_ids, fetch_rows
        self.page_size = page_size
        self._ids: Sequence[Hashable] = []
        self._rows: dict[Hashable, Any] = {}
        self._pages: set[int] = set()  # fetched or being fetched
        self._generation = 0
        self.sort_key: str | None = next((c.sort_key for c in self.columns if c.sort_key), None)
        self.descending = False
        self.fetched_rows = 0  # how many rows have been asked of fetch_rows (tests, diagnostics)
        self._started = False  # set by the first reload(): until then sort() only records the order

    # -- loading ------------------------------------------------------------------------
    def set_loader(self, load_ids: LoadIds) -> None:
        """A new filter: the page passes a loader bound to it, then calls reload()."""
        self._load_ids = load_ids

    def reload(self) -> None:
        self._started = True
        self._generation += 1
        generation, key, descending, load = self._generation, self.sort_key, self.descending, self._load_ids
        run_in_background(None, lambda _ctx: compact(load(key, descending)), show_progress=False,
                          on_success=lambda ids: self._ids_arrived(generation, ids))

    def _ids_arrived(self, generation: int, ids: Sequence[Hashable]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # a newer reload is on its way
        self.beginResetModel()
        self._ids, self._rows, self._pages = ids, {}, set()
        self.endResetModel()
        self.ids_loaded.emit(len(ids))

    def _ensure_page(self, row: int) -> None:
        page = row // self.page_size
        if page in self._pages:
            return
        self._pages.add(page)
        ids = self._ids[page * self.page_size : (page + 1) * self.page_size]
        self.fetched_rows += len(ids)
        generation, fetch = self._generation, self._fetch_rows
        run_in_background(None, lambda _ctx: fetch(ids), show_progress=False,
                          on_success=lambda rows: self._rows_arrived(generation, page, rows))

    def _rows_arrived(self, generation: int, page: int, rows: Mapping[Hashable, Any] | Sequence[Any]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        found = rows if isinstance(rows, Mapping) else {row.id: row for row in rows}
        self._rows.update(found)
        first, last = page * self.page_size, min(len(self._ids), (page + 1) * self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self.page_fetched.emit(page)

    # -- access for views and pages -----------------------------------------------------
    def id_at(self, row: int) -> Hashable | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_at(self, row: int) -> Any | None:
        """The fetched row, or None while its page is still loading (or it was deleted)."""
        key = self.id_at(row)
        return None if key is None else self._rows.get(key)

    def row_of(self, key: Hashable) -> int:
        try:
            return self._ids.index(key)
        except ValueError:
            return -1

    def row_style(self, row: Any, role: int) -> Any:
        """Override for per-row colours (BackgroundRole, ForegroundRole)."""
        return None

    # -- Qt's model interface -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            self._ensure_page(index.row())
            return PENDING if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self.row_style(row, role)
        value = column.text(row)
        return "" if value is None else shown(str(value))  # a status or category in the user's language

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self.sort_key = self.columns[column].sort_key
        self.descending = order == Qt.SortOrder.DescendingOrder
        # A view sorts as soon as sorting is enabled, while its page may still be hidden:
        # reading a million ids then would cost start-up and quitting seconds (measured 7.5 s).
        if self._started:
            self.reload()
