"""The service-record list: a LazyTableModel over record_listing.list_ids / fetch_rows."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from app.models.database import Database
from app.services.records import listing as record_listing
from app.services.records.listing import RecordFilter, RecordRow, RecordSort
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_now
from app.ui.item_models.lazy_table_model import Column, LazyTableModel

translate = QCoreApplication.translate


def _fee(row: RecordRow) -> str:
    label = shown(row.fee_type_label)
    return f"{label} {row.fee:,.2f}" if row.fee is not None else label


def record_columns() -> list[Column]:
    return [
        Column(translate("RecordsModel", "日期"), lambda r: r.service_date.isoformat(), "service_date"),
        Column(translate("RecordsModel", "企业"), lambda r: r.enterprise_name, "enterprise"),
        Column(translate("RecordsModel", "服务类别"), lambda r: r.category_label, "category"),
        Column(translate("RecordsModel", "方式"), lambda r: r.channel_label),
        Column(translate("RecordsModel", "服务人员"), lambda r: r.staff_name, "staff"),
        Column(translate("RecordsModel", "时长（分钟）"), lambda r: r.prep_minutes + r.contact_minutes, "minutes", True),
        Column(translate("RecordsModel", "收费"), _fee),
        Column(translate("RecordsModel", "满意度"), lambda r: r.satisfaction, "satisfaction", True),
        Column(translate("RecordsModel", "转介"), lambda r: r.referral),
        Column(translate("RecordsModel", "服务内容"), lambda r: r.summary.replace("\n", " ")),
    ]


class RecordsModel(LazyTableModel):
    def __init__(self, db: Database, parent: QObject | None = None, *, page_size: int = 100) -> None:
        self._db = db
        self.filter = RecordFilter()
        super().__init__(record_columns(), self._list_ids, self._fetch, page_size=page_size, parent=parent)
        self.descending = True  # newest first, as the front desk reads it

    def set_filter(self, filt: RecordFilter) -> None:
        self.filter = filt
        self.reload()

    def _list_ids(self, key: str | None, descending: bool) -> Sequence[Hashable]:
        filt = self.filter  # read once: the worker must not see half of a later change
        order = RecordSort(key or "service_date", descending)
        return read_now(self._db, lambda s: record_listing.list_ids(s, filt, order))

    def _fetch(self, ids: list[Any]) -> dict[Any, RecordRow]:
        return read_now(self._db, lambda s: record_listing.fetch_rows(s, ids))
