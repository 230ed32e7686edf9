"""The demand pool list: a LazyTableModel over demand_listing.list_ids / fetch_rows, overdue rows tinted."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.domain.periods import china_today
from app.models.database import Database
from app.services.demands import listing as demand_listing
from app.services.demands.listing import DemandFilter, DemandRow, DemandSort
from app.ui import theme
from app.ui.db_operations import read_now
from app.ui.item_models.lazy_table_model import Column, LazyTableModel

translate = QCoreApplication.translate
OVERDUE_BACKGROUND = QColor(theme.OVERDUE_ROW_BACKGROUND)
OVERDUE_FOREGROUND = QColor(theme.OVERDUE_ROW_TEXT)


def demand_columns(today: Callable[[], date]) -> list[Column]:
    def due(row: DemandRow) -> str:
        if row.due_on is None:
            return ""
        late = translate("DemandsModel", "（超期）") if row.is_overdue(today()) else ""
        return row.due_on.isoformat() + late

    return [
        Column(translate("DemandsModel", "需求"), lambda r: r.title, "title"),
        Column(translate("DemandsModel", "企业"), lambda r: r.enterprise_name, "enterprise"),
        Column(translate("DemandsModel", "服务类别"), lambda r: r.category_label),
        Column(translate("DemandsModel", "状态"), lambda r: r.status_label, "status"),
        Column(translate("DemandsModel", "受理日期"), lambda r: r.received_on.isoformat(), "received_on"),
        Column(translate("DemandsModel", "办结期限"), due, "due_on"),
        Column(translate("DemandsModel", "承办方"), lambda r: r.assignee_name),
        Column(translate("DemandsModel", "满意度"), lambda r: r.satisfaction, None, True),
    ]


class DemandsModel(LazyTableModel):
    def __init__(self, db: Database, parent: QObject | None = None, *,
                 today: Callable[[], date] = china_today, page_size: int = 100) -> None:
        self._db = db
        self.today = today
        self.filter = DemandFilter()
        super().__init__(demand_columns(today), self._list_ids, self._fetch, page_size=page_size, parent=parent)
        self.sort_key = "due_on"  # the most urgent first

    def set_filter(self, filt: DemandFilter) -> None:
        self.filter = filt
        self.reload()

    def row_style(self, row: DemandRow, role: int) -> Any:
        if not row.is_overdue(self.today()):
            return None
        return OVERDUE_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else OVERDUE_FOREGROUND

    def _list_ids(self, key: str | None, descending: bool) -> Sequence[Hashable]:
        filt = self.filter
        return read_now(self._db, lambda s: demand_listing.list_ids(s, filt, DemandSort(key or "due_on", descending)))

    def _fetch(self, ids: list[Any]) -> dict[Any, DemandRow]:
        return read_now(self._db, lambda s: demand_listing.fetch_rows(s, ids))
