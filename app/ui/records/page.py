"""服务记录: the quick-entry form on top, the filterable lazy list below; Delete with 撤销."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import SERVICE_CATEGORIES
from app.domain.periods import china_today
from app.models.database import Database
from app.services.records import recycle_bin
from app.services.records.listing import RecordFilter, RecordRow
from app.ui.catalogue_names import shown
from app.ui.db_operations import delete_confirmed, write_in_background
from app.ui.item_models.records_model import RecordsModel
from app.ui.records.form import RecordForm
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.fit_columns import DATE_SAMPLE, fit_columns
from app.ui.widgets.list_views import bind_keys, empty_state_label, list_view
from app.ui.widgets.pick_lists import PickLists, fill_combo, select_data
from app.ui.widgets.search_box import SearchBox
from app.ui.widgets.undo_bar import UndoBar


def date_range(key: str, today: date) -> tuple[date | None, date | None]:
    month_start = today.replace(day=1)
    if key == "this_month":
        return month_start, None
    if key == "last_month":
        last_end = month_start - timedelta(days=1)
        return last_end.replace(day=1), last_end
    if key == "30_days":
        return today - timedelta(days=29), None
    if key == "this_year":
        return today.replace(month=1, day=1), None
    return None, None


class RecordsPage(QWidget):
    list_changed = Signal()  # after a delete or an undo has been applied

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: Callable[[], date] = china_today, lock_days: int | None = None) -> None:
        super().__init__(parent)
        self._db, self._today, self._lock_days = db, today, lock_days
        self.deleted: RecordRow | None = None  # what 撤销 would bring back
        self.form = RecordForm(db, today=today, lock_days=lock_days)
        self.form.setObjectName("recordForm")
        self.form.setStyleSheet(self.form.styleSheet() + "\n#recordForm { border-bottom: 1px solid palette(mid); }")
        self.form.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.form.record_saved.connect(lambda _s: self.model.reload())
        self.form.pick_lists_loaded.connect(lambda: self._pick_lists(self.form.pick_lists))

        self.period, self.category, self.staff = QComboBox(), QComboBox(), QComboBox()
        for key, label in [("all", self.tr("全部日期")), ("this_month", self.tr("本月")), ("last_month", self.tr("上月")),
                           ("30_days", self.tr("近30天")), ("this_year", self.tr("今年"))]:
            self.period.addItem(shown(label), key)
        fill_combo(self.category, [(self.tr("全部类别"), "")], whole=True)
        fill_combo(self.staff, [(self.tr("全部人员"), "")], whole=True)
        self.category.setCurrentIndex(0)
        self.staff.setCurrentIndex(0)
        self.search = SearchBox(self.tr("搜索企业名称、服务内容或结果（Ctrl+F）"))
        self.search.settled.connect(self.apply_filter)
        self.count_label = QLabel()
        for combo in (self.period, self.category, self.staff):
            combo.currentIndexChanged.connect(self.apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("筛选")))
        for widget in (self.period, self.category, self.staff):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)

        self.model = RecordsModel(db, self)
        self.table = list_view(self.model, [96, 230, 110, 56, 80, 90, 110, 60, 140], sort_column=0,
                               order=Qt.SortOrder.DescendingOrder)
        fit_to_names(self.table, {2: SERVICE_CATEGORIES.values()})
        # 服务内容 takes what is left; at 1024×600 转介 then 收费 step aside (the record's form shows them)
        fit_columns(self.table, stretch=9, floor=140, keep=[2], samples={0: DATE_SAMPLE}, least={1: 150}, drop=[8, 6])
        self.table.doubleClicked.connect(lambda index: self.edit_row(index.row()))
        bind_keys(self, self.table, delete=self.delete_selected, search=self.search.focus_all)
        self.empty_label = empty_state_label()
        self.empty_label.setText(self.tr("还没有服务记录。在上方输入企业名称开始登记第一条。"))
        self.empty_label.hide()
        self.model.ids_loaded.connect(self._counted)

        self.info_bar = UndoBar(on_undo=self.undo_delete)
        self.info_label, self.undo_button = self.info_bar.label, self.info_bar.undo_button  # tests reach them here

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.form)
        body = QVBoxLayout()
        body.setContentsMargins(16, 8, 16, 8)
        body.addLayout(filters)
        body.addWidget(self.table, 1)
        body.addWidget(self.empty_label, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.info_bar)
        # A station may hold a million records: start with the last 30 days, and only
        # once the page is first shown, so start-up and quitting never wait on this list.
        with QSignalBlocker(self.period):
            self.period.setCurrentIndex(self.period.findData("30_days"))
        self._loaded = False
        self._custom_range: tuple[date | None, date | None] = (None, None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.apply_filter()
        self.form.picker.setFocus()  # Ctrl+3, then type the visitor's name

    def _pick_lists(self, lists: PickLists) -> None:
        fill_combo(self.category, [(self.tr("全部类别"), "")] + [(v, k) for k, v in lists.categories.items()],
                   whole=True)
        fill_combo(self.staff, [(self.tr("全部人员"), "")] + [(c.label, str(c.id)) for c in lists.staff], whole=True)

    def apply_filter(self) -> None:
        key = self.period.currentData()
        start, end = self._custom_range if key == "custom" else date_range(key, self._today())
        staff = self.staff.currentData()
        self.model.set_filter(RecordFilter(start, end, self.category.currentData() or None,
                                           uuid.UUID(staff) if staff else None, text=self.search.text()))

    def show_filtered(self, filt: dict[str, object]) -> None:
        """Show the records behind a figure shown elsewhere (首页): `date_from`/`date_to`
        (inclusive) under the period name `label`, optionally one `category` (with its
        `category_label`) and `sort` = "satisfaction" (best first).  Other filters are cleared.
        Or `record_id` (数据质量) with its `enterprise_name`: that record opens in the form."""
        record_id = filt.get("record_id")
        if isinstance(record_id, uuid.UUID):
            self.form.load_record(record_id, str(filt.get("enterprise_name") or ""))
            return
        start, end = filt.get("date_from"), filt.get("date_to")
        category = str(filt.get("category") or "")
        with (
            QSignalBlocker(self.period),
            QSignalBlocker(self.category),
            QSignalBlocker(self.staff),
            QSignalBlocker(self.search),
        ):
            if self.period.findData("custom") < 0:
                self.period.addItem("", "custom")
            index = self.period.findData("custom")
            self.period.setItemText(index, str(filt.get("label") or f"{start or ''}–{end or ''}"))
            self.period.setCurrentIndex(index)
            self._custom_range = (start if isinstance(start, date) else None, end if isinstance(end, date) else None)
            if category and self.category.findData(category) < 0:  # the pick-lists may still be on their way
                self.category.addItem(str(filt.get("category_label") or category), category)
            select_data(self.category, category)
            self.staff.setCurrentIndex(0)
            self.search.clear()
        if filt.get("sort") == "satisfaction":
            column = next(i for i, c in enumerate(self.model.columns) if c.sort_key == "satisfaction")
            self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        self._loaded = True
        self.apply_filter()

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %1 条").replace("%1", f"{count:,}"))
        filtered = bool(self.category.currentData() or self.staff.currentData() or self.search.text().strip())
        if filtered:
            text = self.tr("没有符合筛选条件的服务记录。")
        elif self.period.currentData() == "all":
            text = self.tr("还没有服务记录。在上方输入企业名称开始登记第一条。")
        else:
            text = self.tr("这段时间还没有服务记录。在上方输入企业名称开始登记；更早的记录请选择“全部日期”。")
        self.empty_label.setText(text)
        self.empty_label.setVisible(count == 0)
        self.table.setVisible(count > 0)

    def selected_row(self) -> RecordRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def edit_row(self, row: int) -> None:
        record = self.model.row_at(row)
        if record is not None:
            self.form.load_record(record.id, record.enterprise_name)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        text = self.tr("删除 %1 %2 的服务记录（%3）？删除后可以立即撤销。")
        text = text.replace("%1", row.service_date.isoformat()).replace("%2", row.enterprise_name).replace("%3", row.category_label)
        today, lock_days = self._today(), self._lock_days
        delete_confirmed(self, self._db, self.tr("删除服务记录"), text,
                         lambda s: recycle_bin.delete(s, row.id, row.version, today=today, lock_days=lock_days),
                         on_success=lambda _r: self._deleted(row), progress_title=self.tr("删除服务记录"))

    def _deleted(self, row: RecordRow) -> None:
        self.deleted = row
        self.info_bar.say(self.tr("已删除：%1 · %2").replace("%1", row.enterprise_name).replace("%2", row.category_label),
                          undo=True)
        self.model.reload()
        self.list_changed.emit()

    def undo_delete(self) -> None:
        row = self.deleted
        if row is None:
            return
        today, lock_days = self._today(), self._lock_days

        def restored(_summary: object) -> None:
            self.deleted = None
            self.info_bar.say(self.tr("已恢复：%1 · %2").replace("%1", row.enterprise_name).replace("%2", row.category_label))
            self.model.reload()
            self.list_changed.emit()

        write_in_background(self, self._db, lambda s: recycle_bin.restore(s, row.id, today=today, lock_days=lock_days),
                            on_success=restored, title=self.tr("撤销删除"))
