"""活动's list above the selected event's details, in one vertical splitter: the table of
events (sorted by SORT_ROLE; a column empty in every row gives its width away), the text
that stands in for an empty list, and EventDetailPanel.  The page (app.ui.events.page)
decides what is listed, which row is selected and what the empty text says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from app.models.database import Database
from app.services.events.listing import EventRow
from app.ui.events.detail import EventDetailPanel
from app.ui.item_models.events_model import SORT_ROLE, EventsModel
from app.ui.widgets.list_views import empty_state_label, list_box, list_view


class EventListPanel(QSplitter):
    def __init__(self, db: Database, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.model = EventsModel(self, now=now)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_view(self.proxy, [84, 84, 240, 58, 76, 104, 40, 40, 48], sort_column=0,
                               order=Qt.SortOrder.DescendingOrder, compact=True, stretch_column=2)
        self.empty_label = empty_state_label()
        self.empty_label.hide()
        self.detail_panel = EventDetailPanel(db)
        self.addWidget(list_box(self.table, self.empty_label))
        self.addWidget(self.detail_panel)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([420, 220])

    def show_rows(self, rows: list[EventRow]) -> None:
        self.model.set_rows(rows)
        self._hide_empty_columns(rows)

    def show_empty(self, text: str) -> None:
        """The table when something is listed, else `text` in its place."""
        empty = self.model.rowCount() == 0
        self.empty_label.setText(text)
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def _hide_empty_columns(self, rows: list[EventRow]) -> None:
        # At 1024 px every pixel counts: a column empty in every row gives its width to 活动名称, the
        # short ones are as wide as what they hold, the venue at most 90 px.
        for column, value in ((4, lambda r: r.theme_label), (5, lambda r: r.venue), (8, lambda r: r.satisfaction)):
            self.table.setColumnHidden(column, bool(rows) and all(value(row) in ("", None) for row in rows))
        for column in (0, 1, 3, 4, 5, 6, 7, 8) if rows else ():
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(5, min(self.table.columnWidth(5), 90))

    def selected_row(self) -> EventRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def select_source_row(self, row: int) -> None:
        """Select the model's `row` wherever the sorted table shows it."""
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
