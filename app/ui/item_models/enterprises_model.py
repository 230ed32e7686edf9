"""The enterprise list: a LazyTableModel over enterprise_search.query_ids / fetch_rows."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.models.database import Database
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.search import EnterpriseFilter, EnterpriseRow, SortKey
from app.ui import theme
from app.ui.db_operations import read_now
from app.ui.item_models.lazy_table_model import Column, LazyTableModel
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_name

translate = QCoreApplication.translate
WARNING_FOREGROUND = QColor(theme.WARNING)


def _code(row: EnterpriseRow) -> str:
    if not row.credit_code:
        return ""
    return f"{row.credit_code} ⚠" if row.credit_code_warning else row.credit_code


def _updated(row: EnterpriseRow) -> str:
    return f"{row.updated_at:%Y-%m-%d %H:%M}"


def enterprise_columns() -> list[Column]:
    return [
        Column(translate("EnterprisesModel", "企业名称"), lambda r: r.name, SortKey.NAME.value),
        Column(translate("EnterprisesModel", "统一社会信用代码"), _code),
        Column(translate("EnterprisesModel", "所在区"), lambda r: r.district, SortKey.DISTRICT.value),
        Column(translate("EnterprisesModel", "行业"), lambda r: shown_name(r.industry_label), SortKey.INDUSTRY.value),
        Column(translate("EnterprisesModel", "规模"), lambda r: r.size_label, SortKey.SIZE.value),
        Column(translate("EnterprisesModel", "联系人"), lambda r: r.contact_name),
        Column(translate("EnterprisesModel", "联系电话"), lambda r: r.contact_phone),
        Column(translate("EnterprisesModel", "更新时间"), _updated, SortKey.UPDATED_AT.value),
    ]


class EnterprisesModel(LazyTableModel):
    def __init__(self, db: Database, parent: QObject | None = None, *, page_size: int = 100) -> None:
        self._db = db
        self.filter = EnterpriseFilter()
        self._started = False
        super().__init__(enterprise_columns(), self._list_ids, self._fetch, page_size=page_size, parent=parent)

    def set_filter(self, filt: EnterpriseFilter) -> None:
        self.filter = filt
        self._started = True
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The view sorts as soon as sorting is enabled: before the first set_filter that
        # would read the table while the page is still hidden (start-up must stay fast).
        if self._started:
            super().sort(column, order)
        elif 0 <= column < len(self.columns) and self.columns[column].sort_key:
            self.sort_key = self.columns[column].sort_key
            self.descending = order == Qt.SortOrder.DescendingOrder

    def reload(self) -> None:
        # query_ids gives an IdList (from the index or from SQL), which turns positions into
        # UUIDs only for the rows asked for: kept as it is, a 100,000-row reload stays cheap.
        self._generation += 1
        generation, key, descending = self._generation, self.sort_key, self.descending
        run_in_background(None, lambda _ctx: self._list_ids(key, descending), show_progress=False,
                          on_success=lambda ids: self._ids_arrived(generation, ids))

    def row_style(self, row: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.credit_code_warning:
            return WARNING_FOREGROUND
        return None

    def _list_ids(self, key: str | None, descending: bool) -> Sequence[Hashable]:
        filt = self.filter  # read once: the worker must not see half of a later change
        return read_now(self._db, lambda s: enterprise_search.query_ids(s, filt, key or SortKey.NAME, descending))

    def _fetch(self, ids: list[Any]) -> list[EnterpriseRow]:
        return read_now(self._db, lambda s: enterprise_search.fetch_rows(s, ids))
