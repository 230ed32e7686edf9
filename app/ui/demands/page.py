"""服务需求: the demand pool with status/overdue filters, one button per next step of the loop
(enabled only when that step is legal) and the selected demand's transition log below."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import DEMAND_STATUSES, SERVICE_CATEGORIES
from app.domain.demand_loop import OPEN_STATUSES, next_statuses
from app.domain.periods import CHINA_TIME, china_today
from app.models.database import Database
from app.services.actor import Actor
from app.services.demands import loop as demand_loop
from app.services.demands.listing import DemandFilter, DemandRow
from app.services.demands.loop import TransitionEntry
from app.services.demands.shapes import DemandSummary
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_in_background
from app.ui.demands.dialogs import NewDemandDialog, TransitionDialog
from app.ui.item_models.demands_model import DemandsModel
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.list_views import bind_keys, list_view
from app.ui.widgets.pick_lists import PickLists, current_staff_id, load_pick_lists
from app.ui.widgets.search_box import SearchBox

# Button text per target status; 改派 (dispatched → dispatched) shares the 分派 button.
TO_DO = (*OPEN_STATUSES, "closed")
ACTIONS = ("dispatched", "handling", "replied", "closed", "followed_up")


class DemandsPage(QWidget):
    log_shown = Signal(object)  # list[TransitionEntry] of the selected demand

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: Callable[[], date] = china_today) -> None:
        super().__init__(parent)
        self._db, self._today = db, today
        self.pick_lists = PickLists()
        self.dialog: NewDemandDialog | TransitionDialog | None = None
        self.log_entries: list[TransitionEntry] = []
        self._log_for: object = None  # id of the demand whose log is shown

        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), ())
        self.status.addItem(self.tr("待办（未回访）"), TO_DO)
        self.status.addItem(self.tr("未办结"), OPEN_STATUSES)
        for code, label in DEMAND_STATUSES.items():
            self.status.addItem(shown(label), (code,))
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "待办（未回访）" whole
        self.status.setCurrentIndex(1)  # what still needs doing, 回访 included
        self.overdue = QCheckBox(self.tr("只看超期"))
        self.search = SearchBox(self.tr("搜索需求标题或描述（Ctrl+F）"))
        self.search.settled.connect(self.apply_filter)
        self.count_label = QLabel()
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.overdue.toggled.connect(self.apply_filter)
        # 首页's "本期办结": only the demands closed in a period, until 不限办结时间 is clicked.
        self.closed_range: tuple[date | None, date | None] | None = None
        self._closed_name = ""
        self.closed_label = QLabel()
        self.closed_label.setStyleSheet(f"color: {theme.ACCENT};")
        self.closed_clear = QPushButton(self.tr("不限办结时间"))
        self.closed_clear.clicked.connect(self.clear_closed_range)
        self._pending_select: object = None  # a demand to select once the list has loaded
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("筛选")), self.status, self.overdue, self.closed_label, self.closed_clear):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        self._show_closed_range()

        self.new_button = QPushButton(self.tr("新建需求… (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_demand)
        labels = {"dispatched": self.tr("分派…"), "handling": self.tr("处理…"), "replied": self.tr("反馈…"),
                  "closed": self.tr("办结…"), "followed_up": self.tr("回访…")}
        self.action_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addSpacing(8)
        for status in ACTIONS:
            button = self.action_buttons[status] = QPushButton(labels[status])
            button.clicked.connect(lambda _c=False, s=status: self.move_selected(s))
            # The style's 80 px minimum per button would push the window past 700 px.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(labels[status]) + 20)
            actions.addWidget(button)
        # After a step that takes a demand out of the chosen list: where it went, and a way to it.
        self.moved_label = QLabel()
        self.moved_label.setStyleSheet(f"color: {theme.OK};")
        self.moved_label.linkActivated.connect(self._show_moved)
        self.moved_label.hide()
        actions.addSpacing(12)
        actions.addWidget(self.moved_label)
        actions.addStretch(1)

        self.model = DemandsModel(db, self, today=today)
        self.model.filter = DemandFilter(TO_DO, today=today())
        # 需求 takes the spare width; the others fixed, so 满意度 is in view at 1366 px (no side scrolling).
        self.table = list_view(self.model, [200, 180, 96, 56, 88, 120, 100, 56], sort_column=5, alternating=False,
                               stretch_column=0)
        overdue = "2026-12-31" + QCoreApplication.translate("DemandsModel", "（超期）")
        fit_to_names(self.table, {2: SERVICE_CATEGORIES.values(), 3: DEMAND_STATUSES.values(), 5: [overdue]})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        bind_keys(self, self.table, new=self.new_demand, search=self.search.focus_all)  # as on the other lists
        self.model.ids_loaded.connect(self._counted)
        self.model.page_fetched.connect(lambda _p: self._page_fetched())

        self.log_table = QTableWidget(0, 4)
        self.log_table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("状态变化"), self.tr("备注")])
        self.log_table.verticalHeader().hide()
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.horizontalHeader().setStretchLastSection(True)
        self.log_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate([140, 90, 140]):
            self.log_table.setColumnWidth(column, width)
        self.log_heading = QLabel(self.tr("办理记录：请在上方选择一条需求"))
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 6, 0, 0)
        log_layout.addWidget(self.log_heading)
        log_layout.addWidget(self.log_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._update_buttons()
        self._loaded = False  # loaded when first shown: nothing on the start-up path

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            load_pick_lists(self, self._db, self._today(), self._pick_lists_arrived)
            self.model.reload()

    def _pick_lists_arrived(self, lists: PickLists) -> None:
        self.pick_lists = lists

    def actor(self) -> Actor:
        """Who is acting: the desk's configured staff member, else the first on the list."""
        mine = current_staff_id()
        staff = next((c for c in self.pick_lists.staff if c.id == mine), None) or next(iter(self.pick_lists.staff), None)
        return Actor(staff.label, staff.id) if staff else Actor(self.tr("工作台"))

    def current_filter(self) -> DemandFilter:
        closed_from, closed_to = self.closed_range or (None, None)
        return DemandFilter(self.status.currentData() or (), self.overdue.isChecked(), self._today(),
                            text=self.search.text(), closed_from=closed_from, closed_to=closed_to)

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def show_filtered(self, filt: dict[str, object]) -> None:
        """Show the demands behind a figure shown elsewhere (首页, 数据质量): `statuses` (a tuple
        of status codes), `overdue` (bool), optionally `closed_from`/`closed_to` (inclusive
        dates) with the period's `label`; or `demand_id`: every demand, that one selected with
        its log.  The search box is cleared."""
        demand_id = filt.get("demand_id")
        statuses = () if demand_id else tuple(filt.get("statuses") or ())  # type: ignore[call-overload]
        for widget in (self.status, self.overdue, self.search):
            widget.blockSignals(True)
        found = [i for i in range(self.status.count()) if tuple(self.status.itemData(i) or ()) == statuses]
        if not found:
            self.status.addItem(" / ".join(DEMAND_STATUSES[s] for s in statuses), statuses)
        self.status.setCurrentIndex(found[0] if found else self.status.count() - 1)
        self.overdue.setChecked(bool(filt.get("overdue")) and not demand_id)
        self.search.clear()
        for widget in (self.status, self.overdue, self.search):
            widget.blockSignals(False)
        start, end = filt.get("closed_from"), filt.get("closed_to")
        if isinstance(start, date) or isinstance(end, date):
            self.closed_range = (start if isinstance(start, date) else None, end if isinstance(end, date) else None)
            self._closed_name = str(filt.get("label") or "")
        else:
            self.closed_range = None
        self._show_closed_range()
        self._pending_select = demand_id
        self.model.filter = self.current_filter()
        if self._loaded:
            self.apply_filter()

    def _status_chosen(self) -> None:
        self.clear_closed_range()  # a status chosen by hand: no longer "closed in a period"

    def clear_closed_range(self) -> None:
        self.closed_range = None
        self._show_closed_range()
        self.apply_filter()

    def _show_closed_range(self) -> None:
        if self.closed_range is not None:
            start, end = self.closed_range
            span = f"{start or ''} – {end or ''}"
            self.closed_label.setText(self.tr("办结时间：%1").replace("%1", self._closed_name or span))
            self.closed_label.setToolTip(span)
        self.closed_label.setVisible(self.closed_range is not None)
        self.closed_clear.setVisible(self.closed_range is not None)

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %1 项").replace("%1", f"{count:,}"))
        wanted, self._pending_select = self._pending_select, None
        row = self.model.row_of(wanted) if wanted is not None else -1  # type: ignore[arg-type]
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._selection_changed()

    def selected(self) -> DemandRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.selected()
        allowed = next_statuses(row.status) if row else ()
        for status, button in self.action_buttons.items():
            button.setEnabled(status in allowed)
        self.action_buttons["dispatched"].setText(
            self.tr("改派…") if row is not None and row.status in ("dispatched", "handling") else self.tr("分派…")
        )

    def _page_fetched(self) -> None:
        row = self.selected()  # selected before its row had arrived: now show its log
        if row is not None and row.id != self._log_for:
            self._selection_changed()
        else:
            self._update_buttons()

    def _selection_changed(self) -> None:
        self._update_buttons()
        row = self.selected()
        if row is None:
            self._show_log(None, "", [])
        else:
            self._read_log(row.id, row.title, selected=True)

    def _read_log(self, demand_id: object, title: str, *, selected: bool) -> None:
        def show(entries: list[TransitionEntry]) -> None:
            current = self.selected()
            if selected and (current is None or current.id != demand_id):
                return  # the selection moved on meanwhile
            self._show_log(demand_id, title, entries)

        read_in_background(self, self._db, lambda s: demand_loop.log(s, demand_id),  # type: ignore[arg-type]
                           on_success=show)

    def _show_log(self, demand_id: object, title: str, entries: list[TransitionEntry]) -> None:
        self.log_entries, self._log_for = entries, demand_id
        self.log_heading.setText(self.tr("办理记录：%1").replace("%1", title) if demand_id else self.tr("办理记录：请在上方选择一条需求"))
        self.log_table.setRowCount(len(entries))
        for number, entry in enumerate(entries):
            change = f"{entry.from_label} → {entry.to_label}" if entry.from_label else entry.to_label
            cells = [entry.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M"), entry.actor, change, entry.note]
            for column, text in enumerate(cells):
                self.log_table.setItem(number, column, QTableWidgetItem(text))
        self.log_shown.emit(entries)

    def new_demand(self) -> None:
        self.dialog = NewDemandDialog(self._db, self.pick_lists, self.actor(), self, today=self._today())
        self.dialog.saved.connect(lambda _s: self.model.reload())
        self.dialog.open()

    def move_selected(self, to_status: str) -> None:
        row = self.selected()
        if row is None:
            return
        self.dialog = TransitionDialog(self._db, row, to_status, self.pick_lists, self.actor(), self)
        self.dialog.saved.connect(self._moved)
        self.dialog.open()

    def _show_moved(self, link: str) -> None:
        self.moved_label.hide()
        self.show_filtered({"demand_id": uuid.UUID(link)})

    def _moved(self, summary: DemandSummary) -> None:
        self.moved_label.hide()
        def reselect(_count: int) -> None:
            self.model.ids_loaded.disconnect(reselect)
            row = self.model.row_of(summary.id)
            if row >= 0:
                self.table.selectRow(row)
                self._selection_changed()
            else:  # filtered out by its new status: still show what was just done, and say where it went
                self._read_log(summary.id, summary.title, selected=False)
                self.moved_label.setText(
                    self.tr("“%1”现为“%2”，已不在当前列表中。").replace("%1", html.escape(summary.title))
                    .replace("%2", DEMAND_STATUSES.get(summary.status, summary.status))
                    + f' <a href="{summary.id}">{self.tr("查看")}</a>'
                )
                self.moved_label.show()

        self.model.ids_loaded.connect(reselect)
        self.model.reload()
