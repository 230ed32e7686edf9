"""人员配备: the roster (current / former / all), new-edit-delete, a warning while the station
has fewer full-time staff than the convention requires, and the way to 本站信息."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import STAFF_ROLES
from app.domain.periods import china_today
from app.models.database import Database
from app.services.staff import roster as staff
from app.services.staff.roster import Staffing, StaffRow
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import delete_confirmed, read_in_background
from app.ui.item_models.row_list_model import RowFilterProxy
from app.ui.item_models.staff_model import StaffModel
from app.ui.staff.form import StaffForm
from app.ui.station.profile_dialog import StationProfileDialog
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.list_views import bind_keys, empty_state_label, list_view
from app.ui.widgets.search_box import focus_all


@dataclass(frozen=True)
class _Loaded:
    rows: list[StaffRow]
    staffing: Staffing


class StaffPage(QWidget):
    loaded = Signal()  # the roster and the staffing check have been (re)read

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: Callable[[], date] = china_today) -> None:
        super().__init__(parent)
        self._db, self._today = db, today
        self.dialog: StaffForm | StationProfileDialog | None = None
        self.staffing: Staffing | None = None

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name = {
            name: self.toolbar.addAction(text, slot)
            for name, text, slot in (("new", self.tr("新增人员（Ctrl+N）"), self.new_staff),
                                     ("edit", self.tr("编辑（Enter）"), self.edit_selected),
                                     ("delete", self.tr("删除"), self.delete_selected))
        }
        self.toolbar.addSeparator()
        self.actions_by_name["profile"] = self.toolbar.addAction(self.tr("本站信息…"), self.open_profile)

        self.show_which = QComboBox()
        for label, key in ((self.tr("在岗人员"), "current"), (self.tr("在岗专职"), "full_time"),
                           (self.tr("已离岗"), "left"), (self.tr("全部人员"), "all")):
            self.show_which.addItem(shown(label), key)
        self.show_which.currentIndexChanged.connect(self.apply_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索姓名、电话或培训（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("显示")))
        filters.addWidget(self.show_which)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)

        self.warning = QFrame()
        self.warning.setObjectName("staffingWarning")
        self.warning.setStyleSheet(f"#staffingWarning {{ background: {theme.ALERT_BACKGROUND};"
                                   f" border: 1px solid {theme.ALERT_BORDER}; border-radius: 4px; }}"
                                   f" QLabel {{ color: {theme.ALERT_TEXT}; font-weight: bold; }}")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        warning_layout = QHBoxLayout(self.warning)
        warning_layout.setContentsMargins(12, 8, 12, 8)
        warning_layout.addWidget(self.warning_label)
        self.warning.hide()

        self.model = StaffModel(self, today=today)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # 站长/负责人 before 服务专员
        self.table = list_view(self.proxy, [90, 100, 80, 64, 120, 96, 96], sort_column=1, order=Qt.SortOrder.DescendingOrder)
        fit_to_names(self.table, {1: STAFF_ROLES.values()})
        bind_keys(self, self.table, edit=self.edit_selected, delete=self.delete_selected, new=self.new_staff,
                  search=lambda: focus_all(self.search))
        self.empty_label = empty_state_label()
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.warning)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)
        self.apply_filter()
        self._generation = 0

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # a short list: re-read on every visit (sync or other pages may have changed it)

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        today = self._today()
        self._generation += 1
        generation = self._generation

        def arrived(loaded: _Loaded) -> None:
            if generation == self._generation:  # reads run in parallel: an older one may finish last
                self._arrived(loaded)

        read_in_background(self, self._db, lambda s: _Loaded(staff.list_staff(s), staff.staffing(s, today)),
                           on_success=arrived)

    def _arrived(self, loaded: _Loaded) -> None:
        selected = self.selected()
        self.model.set_rows(loaded.rows)
        self.staffing = loaded.staffing
        check = loaded.staffing
        self.warning_label.setText(
            self.tr("按服务站工作规范，服务站应配备至少 %1 名专职人员，目前在岗专职 %2 名。")
            .replace("%1", str(check.minimum)).replace("%2", str(check.full_time))
            + self.tr("请尽快补充专职人员，或在人员信息中更正“专职/兼职”。")
        )
        self.warning.setVisible(not check.compliant)
        self.apply_filter()
        if selected is not None:
            self.select(selected.id)
        self.loaded.emit()

    def apply_filter(self) -> None:
        which, today = self.show_which.currentData(), self._today()

        def accept(row: StaffRow) -> bool:
            left = row.end_date is not None and row.end_date < today
            if which == "full_time":  # as the staffing rule counts: full-time, joined and not left
                return row.full_time and not left and (row.start_date is None or row.start_date <= today)
            return which == "all" or (which == "left") == left

        self.proxy.set_filter(self.search.text(), accept)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("共 %1 人").replace("%1", str(shown)))
        if total == 0:
            self.empty_label.setText(self.tr("还没有人员信息。点击“新增人员”（Ctrl+N）登记本站工作人员。"))
        else:
            self.empty_label.setText(self.tr("没有符合条件的人员。请更改上方的“显示”或搜索条件。"))
        self.views.setCurrentWidget(self.table if shown else self.empty_label)

    def show_filtered(self, filt: dict[str, object]) -> None:
        """From 首页's staffing line: the full-time staff on duty today, the ones the rule counts
        (`which` may ask for "current", "left" or "all" instead); the search box is cleared."""
        index = self.show_which.findData(filt.get("which") or "full_time")
        self.show_which.blockSignals(True)
        self.show_which.setCurrentIndex(max(0, index))
        self.show_which.blockSignals(False)
        self.search.clear()  # filters again
        self.apply_filter()

    def selected(self) -> StaffRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def select(self, staff_id: object) -> None:
        row = self.model.row_of(staff_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())

    # -- actions ---------------------------------------------------------------------------
    def new_staff(self) -> StaffForm:
        return self._open_form(StaffForm(self._db, None, self))

    def edit_selected(self) -> StaffForm | None:
        row = self.selected()
        return self._open_form(StaffForm(self._db, row, self)) if row is not None else None

    def _open_form(self, form: StaffForm) -> StaffForm:
        self.dialog = form
        form.saved.connect(self._saved)
        form.open()
        return form

    def _saved(self, row: StaffRow) -> None:
        def reselect() -> None:
            self.loaded.disconnect(reselect)
            self.select(row.id)

        self.loaded.connect(reselect)
        self.reload()

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.tr("删除“%1”的人员信息？TA 经办的服务记录和需求会保留。如果只是离职，请改为填写离岗日期。").replace("%1", row.name)
        delete_confirmed(self, self._db, self.tr("删除人员"), text, lambda s: staff.delete(s, row.id, row.version),
                         on_success=lambda _r: self.reload(), progress_title=self.tr("删除人员"))

    def open_profile(self) -> StationProfileDialog:
        dialog = StationProfileDialog(self._db, self._db.path.parent.name, self)
        self.dialog = dialog
        dialog.open()
        return dialog
