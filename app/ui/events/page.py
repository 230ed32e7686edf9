"""活动: the month calendar (days with events highlighted; a click shows that day) beside the
event list (type / theme / month filters, search, sortable columns), and the selected
event's details with its materials.  Ctrl+N new, Enter/F2 edit, Delete (confirmed, with
撤销), Ctrl+F search.  The calendar side is app.ui.events.calendar_panel, the list and the
detail are app.ui.events.list_panel; what the page reads is app.ui.events.queries."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.services.events import edits as events
from app.services.events.choices import ThemeChoices
from app.services.events.edits import EventDetail
from app.services.events.listing import EventFilter, EventRow
from app.ui.db_operations import delete_confirmed, read_in_background, write_in_background
from app.ui.events.attendance_dialog import EventAttendanceDialog
from app.ui.events.calendar_panel import EVENT_DAY, EVENT_DAY_TEXT, CalendarPanel
from app.ui.events.detail import Selected
from app.ui.events.filter_bar import EventFilterBar
from app.ui.events.form import EventForm
from app.ui.events.list_panel import EventListPanel
from app.ui.events.queries import FormChoices, Loaded, read_form_choices, read_list, read_selected
from app.ui.operations import report_failure
from app.ui.widgets.list_views import bind_keys
from app.ui.widgets.undo_bar import UndoBar

__all__ = ["EVENT_DAY", "EVENT_DAY_TEXT", "EventsPage"]


class EventsPage(QWidget):
    loaded = Signal()  # the list and the calendar show the current filter

    def __init__(self, db: Database, parent: QWidget | None = None,
                 *, now: Callable[[], datetime] = lambda: datetime.now(CHINA_TIME)) -> None:
        super().__init__(parent)
        self._db, self._now = db, now
        self._generation = 0
        self._loaded = False
        self.themes = ThemeChoices()
        self.day: date | None = None  # the clicked day, else the calendar's whole month
        self.date_range: tuple[date, date] | None = None  # scope "range" (from 首页): inclusive days
        self.held_by: datetime | None = None  # scope "range" from 首页's held-events figure: started by then
        self.selected: Selected | None = None
        self.dialog: QWidget | None = None
        self._deleted: EventRow | None = None
        filters = self._build_filters()
        actions = self._build_actions()
        side = self._build_calendar(now().date())
        right = self._build_list_and_detail(db, now)
        self.info_bar = UndoBar(on_undo=self.undo_delete)
        self.info_label, self.undo_button = self.info_bar.label, self.info_bar.undo_button  # tests reach them here
        self._lay_out(filters, actions, side, right)
        self._show_detail(None)

    # -- building ----------------------------------------------------------------------------
    def _build_filters(self) -> EventFilterBar:
        self.filter_bar = EventFilterBar()
        self.filter_bar.changed.connect(self.reload)
        bar = self.filter_bar  # tests and the main window reach the boxes on the page
        self.event_type, self.theme, self.scope, self.search = bar.event_type, bar.theme, bar.scope, bar.search
        self.count_label = bar.count_label
        return bar

    def _build_actions(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("新建活动…"))
        self.edit_button = QPushButton(self.tr("编辑…"))
        self.attendance_button = QPushButton(self.tr("报名与签到…"))
        self.delete_button = QPushButton(self.tr("删除"))
        actions = QHBoxLayout()
        for button, slot in ((self.new_button, self.new_event), (self.edit_button, self.edit_selected),
                             (self.attendance_button, self.open_attendance), (self.delete_button, self.delete_selected)):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def _build_calendar(self, today: date) -> CalendarPanel:
        self.calendar_panel = CalendarPanel(today)
        self.calendar = self.calendar_panel.calendar
        self.day_label, self.whole_month = self.calendar_panel.day_label, self.calendar_panel.whole_month
        self.month_summary = self.calendar_panel.month_summary
        self.calendar.clicked.connect(self._day_clicked)
        self.calendar.activated.connect(self._day_clicked)  # Enter on a day chosen with the arrow keys
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._page_changed())
        self.whole_month.clicked.connect(self.show_whole_month)
        return self.calendar_panel

    def _build_list_and_detail(self, db: Database, now: Callable[[], datetime]) -> EventListPanel:
        self.list_panel = panel = EventListPanel(db, now)
        # tests and the main window reach these on the page
        self.model, self.proxy, self.table, self.empty_label = panel.model, panel.proxy, panel.table, panel.empty_label
        self.detail_panel = panel.detail_panel
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        bind_keys(self, self.table, edit=self.edit_selected, delete=self.delete_selected,
                  new=self.new_event, search=self.focus_search)
        self.detail_panel.materials_changed.connect(self._selection_changed)
        self.detail_panel.said.connect(self._say)
        return panel

    def _lay_out(self, filters: QWidget, actions: QHBoxLayout, side: QWidget, right: QWidget) -> None:
        # A splitter, not a box: on a small screen the calendar side folds away instead of
        # forcing the whole window wider than the screen.
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(True)
        body.addWidget(side)
        body.addWidget(right)
        body.setStretchFactor(0, 0)
        body.setStretchFactor(1, 1)
        body.setHandleWidth(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QVBoxLayout()
        top.setContentsMargins(16, 12, 16, 8)
        top.setSpacing(8)
        actions.setSpacing(6)
        top.addWidget(filters)
        top.addLayout(actions)
        top.addWidget(body, 1)
        layout.addLayout(top, 1)
        layout.addWidget(self.info_bar)

    @property
    def days(self) -> dict[date, int]:
        return self.calendar_panel.days

    # -- loading ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()

    def current_filter(self) -> EventFilter:
        """What the service filters by; for scope "range" it reads all and reload() keeps the range's days."""
        return self.filter_bar.event_filter(self.calendar_panel.shown_month(), self.day)

    def reload(self) -> None:
        self.search.cancel_pending()
        self._generation += 1
        generation, filt = self._generation, self.current_filter()
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        span = self.date_range if self.scope.currentData() == "range" and self.day is None else None

        held_by = self.held_by if span is not None else None
        read_in_background(self, self._db, lambda s: read_list(s, filt, span, year, month, held_by),
                           on_success=lambda got: self._loaded_rows(generation, got))

    def _loaded_rows(self, generation: int, got: Loaded) -> None:
        if generation != self._generation:
            return  # a newer filter is on its way
        keep = self.selected.detail.id if self.selected else None
        self.themes = got.themes
        self.filter_bar.set_themes(got.themes)
        self.list_panel.show_rows(got.rows)
        self.calendar_panel.mark_days(got.days)
        count = len(got.rows)
        self.filter_bar.show_count(count)
        filt = self.current_filter()
        if filt.event_type or filt.theme or filt.text.strip():
            empty = self.tr("没有符合条件的活动。请换个关键词，或把筛选改回“全部”。")
        elif filt.day is not None:
            empty = self.tr("这一天没有活动。点击“新建活动”（Ctrl+N）登记一场，或点击“显示整月”。")
        else:
            empty = self.tr("这段时间还没有活动。\n点击“新建活动”（Ctrl+N）登记培训、沙龙、讲座、政策宣贯会等活动。")
        self.list_panel.show_empty(empty)
        self._describe_scope()
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and count:
            row = 0
        if row >= 0:
            self.list_panel.select_source_row(row)
        else:
            self._show_detail(None)
        self.loaded.emit()

    def _describe_scope(self) -> None:
        year, month = self.calendar_panel.shown_month()
        if self.day is not None:
            listed = self.tr("列表：%1 的活动").replace("%1", self.day.strftime("%Y-%m-%d"))
        elif self.scope.currentData() == "range" and self.date_range is not None:
            start, end = self.date_range
            text = self.tr("列表：%1已举办的活动（%2 至 %3）") if self.held_by else self.tr("列表：%1的活动（%2 至 %3）")
            listed = (text.replace("%1", self.scope.currentText())
                      .replace("%2", f"{start:%Y-%m-%d}").replace("%3", f"{end:%Y-%m-%d}"))
        elif self.scope.currentData() == "month":
            listed = self.tr("列表：%1年%2月的全部活动").replace("%1", str(year)).replace("%2", str(month))
        else:
            listed = self.tr("列表：全部时间的活动")
        self.calendar_panel.describe(listed, whole_month_button=self.day is not None
                                     or self.scope.currentData() == "range")

    def _day_clicked(self, qdate: QDate) -> None:
        self.day = date(qdate.year(), qdate.month(), qdate.day())
        if self.scope.currentData() != "month":
            self.scope.setCurrentIndex(0)  # reloads
        else:
            self.reload()

    def show_filtered(self, filt: dict[str, object]) -> None:
        """Show exactly the events starting on `date_from`..`date_to` (inclusive, China time)
        under the period name `label` (首页's 活动 figure); the type, theme and search filters are
        cleared.  "显示整月" or the scope box goes back to the calendar's month."""
        start, end = filt.get("date_from"), filt.get("date_to")
        if not isinstance(start, date) or not isinstance(end, date):
            return
        self.date_range, self.day = (start, end), None
        held_by = filt.get("held_by")
        self.held_by = held_by if isinstance(held_by, datetime) else None
        label = str(filt.get("label") or f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}")
        today = self._now().date()
        shown = min(max(today, start), end)  # the calendar shows today's month if it is in the range
        self.filter_bar.show_range(label)
        with QSignalBlocker(self.calendar):
            self.calendar_panel.show_day(shown)
        self._loaded = True
        self.reload()

    def _page_changed(self) -> None:
        self.day = None
        self.reload()

    def show_whole_month(self) -> None:
        self.day = None
        if self.scope.currentData() == "range":
            self.scope.setCurrentIndex(self.scope.findData("month"))  # reloads
        else:
            self.reload()

    def focus_search(self) -> None:
        self.search.focus_all()

    # -- the selected event ------------------------------------------------------------------
    def selected_row(self) -> EventRow | None:
        return self.list_panel.selected_row()

    def _selection_changed(self) -> None:
        row = self.selected_row()
        if row is None:
            self._show_detail(None)
            return
        event_id = row.id

        def show(selected: Selected) -> None:
            current = self.selected_row()
            if current is not None and current.id == selected.detail.id:
                self._show_detail(selected)

        read_in_background(self, self._db, lambda s: read_selected(s, event_id), on_success=show,
                           on_failure=self._event_gone)

    def _event_gone(self, exc: BaseException) -> None:
        # The event was deleted (here, by undo's counterpart, or by a sync) between the
        # click and the read: the list is stale, not the user's fault — refresh quietly.
        if isinstance(exc, UserError):
            self._show_detail(None)
            self.reload()
        else:
            report_failure(self, exc)

    def _show_detail(self, selected: Selected | None) -> None:
        self.selected = selected
        for button in (self.edit_button, self.attendance_button, self.delete_button):
            button.setEnabled(selected is not None and selected.detail.own)
        code = selected.detail.theme if selected else None
        label = self.themes.labels.get(code, code) if code else ""
        self.detail_panel.show_event(selected, self.selected_row(), label)

    # -- dialogs -------------------------------------------------------------------------------
    def _open_dialog(self, dialog: QWidget) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        dialog.open()  # type: ignore[attr-defined]

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def new_event(self) -> None:
        self._open_form(None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_form(row.id)

    def _open_form(self, event_id: uuid.UUID | None) -> None:
        db = self._db
        picked = self.calendar.selectedDate()  # a new event starts on the chosen day, 14:30
        start = datetime(picked.year(), picked.month(), picked.day(), 14, 30, tzinfo=CHINA_TIME)

        def show(got: FormChoices) -> None:
            form = EventForm(db, got[0], got[1], got[2], self, start=start)
            form.saved.connect(self._saved)
            self._open_dialog(form)

        read_in_background(self, db, lambda s: read_form_choices(s, event_id), on_success=show,
                           on_failure=self._event_gone)

    def _saved(self, detail: EventDetail) -> None:
        self._say(self.tr("已保存：%1").replace("%1", detail.title))
        local = detail.starts_at.astimezone(CHINA_TIME).date()
        if self.scope.currentData() == "month":  # show the month it was saved in
            self.day = None
            with QSignalBlocker(self.calendar):
                self.calendar_panel.show_day(local)
        self.selected = None
        self._keep_after_reload(detail.id)

    def _keep_after_reload(self, event_id: uuid.UUID) -> None:
        def select(_: object = None) -> None:
            self.loaded.disconnect(select)
            row = self.model.row_of(event_id)
            if row >= 0:
                self.list_panel.select_source_row(row)

        self.loaded.connect(select)
        self.reload()

    def open_attendance(self) -> EventAttendanceDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = EventAttendanceDialog(self._db, row, self, now=self._now)
        dialog.changed.connect(self._attendance_changed)
        self._open_dialog(dialog)
        return dialog

    def _attendance_changed(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._keep_after_reload(row.id)

    # -- delete and undo -------------------------------------------------------------------------
    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None or (self.selected is not None and not self.selected.detail.own):
            return
        text = self.tr("删除活动“%1”？报名、签到和材料记录会一并隐藏。删除后可以立即撤销。").replace("%1", row.title)

        def done(_r: None) -> None:
            self._deleted = row
            self._say(self.tr("已删除活动“%1”。").replace("%1", row.title), undo=True)
            self.selected = None
            self.reload()

        delete_confirmed(self, self._db, self.tr("删除活动"), text, lambda s: events.delete(s, row.id, row.version),
                         on_success=done)

    def undo_delete(self) -> None:
        row = self._deleted
        if row is None:
            return

        def done(detail: EventDetail) -> None:
            self._deleted = None
            self._say(self.tr("已恢复活动“%1”。").replace("%1", detail.title))
            self._keep_after_reload(detail.id)

        write_in_background(self, self._db, lambda s: events.restore(s, row.id), on_success=done)

    def _say(self, text: str, *, undo: bool = False) -> None:
        self.info_bar.say(text, undo=undo)
