"""报名与签到 for one event: type a name (or part of one, pinyin initials) or a credit code
and press Enter; import the attendee list from .xlsx; set the walk-in count.

The input is the record form's EnterprisePicker: with its list open Enter takes the
highlighted match; typed faster than the list appears, Enter sends the text itself and
the service finds the one enterprise it means (or names the candidates)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.services.events import attendance as event_attendance
from app.services.events import edits as events
from app.services.events.attendance import AttendanceRow, ImportReport, Outcome
from app.services.events.listing import EventRow
from app.ui import theme
from app.ui.db_operations import read_in_background, write_in_background
from app.ui.enterprises.picker import EnterprisePicker
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import fit_size
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.prompts import confirm, inform

OK_STYLE = f"color: {theme.OK};"
ERROR_STYLE = f"color: {theme.ERROR};"
PROBLEMS_SHOWN = 20


def _when(moment: datetime | None) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%m-%d %H:%M") if moment else ""


class EventAttendanceDialog(QDialog):
    changed = Signal()  # registrations or the walk-in count changed
    loaded = Signal()  # the list below was (re)read

    def __init__(self, db: Database, event: EventRow, parent: QWidget | None = None,
                 *, now: Callable[[], datetime] = lambda: datetime.now(CHINA_TIME)) -> None:
        super().__init__(parent)
        self._db, self.event_row = db, event
        self._version: int | None = event.version
        self.rows: list[AttendanceRow] = []
        self.last_report: ImportReport | None = None
        self.setWindowTitle(self.tr("报名与签到：%1").replace("%1", event.title))
        fit_size(self, 760, 560)  # no larger than a 1024×600 screen allows
        start = event.starts_at.astimezone(CHINA_TIME)
        heading = QLabel(f"<b>{event.title}</b>　{start:%Y-%m-%d %H:%M}　{event.venue}")
        heading.setTextFormat(Qt.TextFormat.RichText)

        self.check_in_mode = QRadioButton(self.tr("签到（到场）"))
        self.register_mode = QRadioButton(self.tr("报名"))
        group = QButtonGroup(self)
        group.addButton(self.check_in_mode)
        group.addButton(self.register_mode)
        started = start.date() <= now().date()  # on the day or after: checking in
        (self.check_in_mode if started else self.register_mode).setChecked(True)
        self.picker = EnterprisePicker(db)
        self.picker.setPlaceholderText(self.tr("输入企业名称、拼音首字母或统一社会信用代码，按回车"))
        self.picker.enterprise_picked.connect(lambda enterprise_id, _name: self.register_id(enterprise_id))
        self.picker.returnPressed.connect(self.register_text)
        self.message = QLabel(" ")
        self.message.setWordWrap(True)
        mode = QHBoxLayout()
        mode.addWidget(QLabel(self.tr("操作")))
        mode.addWidget(self.check_in_mode)
        mode.addWidget(self.register_mode)
        mode.addStretch(1)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("企业"), self.tr("统一社会信用代码"), self.tr("联系人"),
                                              self.tr("报名时间"), self.tr("签到时间")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 80), (3, 90), (4, 90)):
            self.table.setColumnWidth(column, width)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        remove.setWhatsThis(self.tr("移除选中的行"))
        self.counts = QLabel()

        self.import_button = QPushButton(self.tr("导入报名表…"))
        self.import_button.setToolTip(self.tr("Excel（.xlsx），列：企业名称、统一社会信用代码、联系人"))
        self.import_button.clicked.connect(self.choose_file)
        self.walk_ins = QSpinBox()
        self.walk_ins.setRange(0, events.MAX_WALK_INS)
        self.walk_ins.setValue(event.walk_in_count)
        self.walk_ins.setSuffix(self.tr(" 人"))
        self.walk_ins_button = QPushButton(self.tr("保存人数"))
        self.walk_ins_button.clicked.connect(self.save_walk_ins)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        close.setAutoDefault(False)
        for button in (self.import_button, self.walk_ins_button):
            button.setAutoDefault(False)  # Enter in the picker must not press them
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addSpacing(16)
        bottom.addWidget(QLabel(self.tr("现场未报名人数")))
        bottom.addWidget(self.walk_ins)
        bottom.addWidget(self.walk_ins_button)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(mode)
        layout.addWidget(self.picker)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addLayout(bottom)
        self.picker.setFocus()
        self.reload()

    # -- reading ----------------------------------------------------------------------
    def reload(self) -> None:
        event_id = self.event_row.id
        read_in_background(self, self._db, lambda s: event_attendance.list_attendance(s, event_id),
                           on_success=self._show_rows)

    def _show_rows(self, rows: list[AttendanceRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = [row.enterprise_name, row.credit_code, row.attendee_name, _when(row.registered_at),
                     _when(row.checked_in_at)]
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        came = sum(r.checked_in for r in rows)
        self.counts.setText(self.tr("报名 %1 家，签到 %2 家，现场未报名 %3 人")
                            .replace("%1", str(len(rows))).replace("%2", str(came))
                            .replace("%3", str(self.walk_ins.value())))
        self.loaded.emit()

    # -- registering ---------------------------------------------------------------------
    def register_text(self) -> None:
        text = self.picker.text().strip()
        self.picker.hide_popup()
        if not text:
            return
        check_in, event_id = self.check_in_mode.isChecked(), self.event_row.id
        self._write(lambda s: event_attendance.register_typed(s, event_id, text, check_in=check_in), self._registered)

    def register_id(self, enterprise_id: uuid.UUID) -> None:
        check_in, event_id = self.check_in_mode.isChecked(), self.event_row.id
        self._write(lambda s: event_attendance.register(s, event_id, enterprise_id, check_in=check_in),
                    self._registered)

    def _registered(self, outcome: Outcome) -> None:
        self.picker.set_enterprise(None, "")
        self._say(shown_message(outcome.message), ok=not outcome.already)
        self._changed()

    def remove_selected(self) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        if not confirm(self, self.tr("删除报名"), self.tr("删除“%1”的报名记录？").replace("%1", row.enterprise_name),
                       destructive=True):
            return
        self._write(lambda s: event_attendance.remove(s, row.id),
                    lambda _r: (self._say(self.tr("已删除“%1”的报名。").replace("%1", row.enterprise_name)),
                                self._changed()))

    # -- the attendee list ----------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择报名表"), "", self.tr("Excel 表格 (*.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        check_in, event_id = self.check_in_mode.isChecked(), self.event_row.id

        def work(session: Any) -> ImportReport:
            sheet = event_attendance.read_list(path)
            return event_attendance.import_list(session, event_id, sheet, check_in=check_in)

        self.import_button.setEnabled(False)
        self._write(work, self._imported, title=self.tr("导入报名表"), progress=True)

    def _imported(self, report: ImportReport) -> None:
        self.last_report = report
        self.import_button.setEnabled(True)
        self._say(self.tr("导入完成：%1").replace("%1", shown_message(report.summary())), ok=True)
        problems = [(self.tr("文件内重复"), p) for p in report.duplicates]
        problems += [(self.tr("已报名"), p) for p in report.already_registered]
        problems += [(self.tr("找不到企业"), p) for p in report.unknown]
        if problems:
            lines = [self.tr("第%1行 %2：%3").replace("%1", str(p.row)).replace("%2", kind).replace("%3", shown_message(p.reason))
                     for kind, p in sorted(problems, key=lambda item: item[1].row)[:PROBLEMS_SHOWN]]
            if len(problems) > PROBLEMS_SHOWN:
                lines.append(self.tr("……另有 %1 行").replace("%1", str(len(problems) - PROBLEMS_SHOWN)))
            inform(self, self.tr("导入报名表"), shown_message(report.summary()) + "\n\n" + "\n".join(lines))
        self._changed()

    # -- walk-ins -----------------------------------------------------------------------
    def save_walk_ins(self) -> None:
        count, event_id, version = self.walk_ins.value(), self.event_row.id, self._version

        def done(new_version: int) -> None:
            self._version = new_version
            self._say(self.tr("现场未报名人数已保存：%1 人。").replace("%1", str(count)), ok=True)
            self._changed()

        self._write(lambda s: event_attendance.set_walk_ins(s, event_id, count, version), done)

    # -- plumbing -------------------------------------------------------------------------
    def _write(self, work: Callable[[Any], Any], done: Callable[[Any], Any], *, title: str = "",
               progress: bool = False) -> None:
        write_in_background(self, self._db, work, show_progress=progress, title=title or self.windowTitle(),
                            on_success=done, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(exc, UserError):
            self._say(shown_message(exc), ok=False)
        else:
            self._say(self.tr("操作未能完成，请重试。"), ok=False)
            show_error(self, self.tr("操作未能完成，请重试；如果问题仍然存在，请复制调试信息发给技术支持。"), repr(exc))

    def _say(self, text: str, *, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
        self.picker.setFocus()
