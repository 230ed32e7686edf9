"""The parameter panel of each report on the 报表 page: which year, which month or quarter,
which event, which paper.  Each panel turns its choice into a `ReportRequest`."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.services.reporting import drafts as report_drafts
from app.services.reporting.drafts import EventChoice
from app.ui import theme
from app.ui.db_operations import read_in_background

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(stem: str) -> str:
    """A file name any file system accepts."""
    return _UNSAFE.sub("_", stem).strip(" .")[:120] + ".pdf"


@dataclass(frozen=True)
class ReportRequest:
    kind: str  # the engine's kind: signage / annual / info / attendance / event_summary
    options: dict[str, Any] = field(default_factory=dict)
    file_name: str = "报表.pdf"


class _Panel(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 8)
        self._debounce = QTimer(self, singleShot=True, interval=400)
        self._debounce.timeout.connect(self.changed.emit)

    def _year_box(self, year: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(report_drafts.MIN_YEAR, report_drafts.MAX_YEAR)
        box.setValue(year)
        box.setSuffix(self.tr(" 年"))
        box.valueChanged.connect(lambda _v: self._debounce.start())
        return box

    def request(self) -> ReportRequest:
        raise NotImplementedError


class AnnualParameters(_Panel):
    """The summary of a year and the plan for the next.  From October on, this year's."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.year_box = self._year_box(today.year if today.month >= 10 else today.year - 1)
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {theme.TEXT_SECONDARY};")
        self.year_box.valueChanged.connect(self._hint)
        self._hint()
        for widget in (QLabel(self.tr("总结年度")), self.year_box, self.hint):
            self.row.addWidget(widget)
        self.row.addStretch(1)

    def _hint(self) -> None:
        self.hint.setText(self.tr("总结%1年的工作，并制订%2年的计划").replace("%1", str(self.year())).replace("%2", str(self.year() + 1)))

    def year(self) -> int:
        return self.year_box.value()

    def request(self) -> ReportRequest:
        return ReportRequest("annual", {"year": self.year()}, file_name(f"{self.year()}年度服务工作总结"))


class InfoParameters(_Panel):
    """A month or a quarter; by default the last one that has ended."""

    def __init__(self, today: date) -> None:
        super().__init__()
        last_month = date(today.year, today.month, 1).toordinal() - 1
        previous = date.fromordinal(last_month)
        self.monthly = QRadioButton(self.tr("月报"))
        self.quarterly = QRadioButton(self.tr("季报"))
        group = QButtonGroup(self)
        group.addButton(self.monthly)
        group.addButton(self.quarterly)
        self.monthly.setChecked(True)
        self.year_box = self._year_box(previous.year)
        self.part = QComboBox()
        self._month, self._quarter = previous.month, (previous.month - 1) // 3 + 1
        self._fill_parts()
        self.monthly.toggled.connect(lambda _on: (self._fill_parts(), self._debounce.start()))
        self.part.currentIndexChanged.connect(lambda _i: self._debounce.start())
        for widget in (QLabel(self.tr("报送期间")), self.monthly, self.quarterly, self.year_box, self.part):
            self.row.addWidget(widget)
        self.row.addStretch(1)

    def _fill_parts(self) -> None:
        self.part.blockSignals(True)
        self.part.clear()
        if self.monthly.isChecked():
            for month in range(1, 13):
                self.part.addItem(self.tr("%1月").replace("%1", str(month)), f"{month:02d}")
            self.part.setCurrentIndex(self._month - 1)
        else:
            for quarter in range(1, 5):
                self.part.addItem(self.tr("第%1季度").replace("%1", str(quarter)), f"Q{quarter}")
            self.part.setCurrentIndex(self._quarter - 1)
        self.part.blockSignals(False)

    def period(self) -> str:
        return f"{self.year_box.value()}-{self.part.currentData()}"

    def label(self) -> str:
        return report_drafts.period_label(self.period())

    def request(self) -> ReportRequest:
        return ReportRequest("info", {"period": self.period()}, file_name(f"{self.label()}信息报送"))


class SignageParameters(_Panel):
    def __init__(self) -> None:
        super().__init__()
        self.size = QComboBox()
        for size in ("A4", "A3"):
            self.size.addItem(size, size)
        self.qr = QCheckBox(self.tr("印二维码"))
        self.qr.setChecked(True)
        for widget in (QLabel(self.tr("纸张")), self.size, self.qr):
            self.row.addWidget(widget)
        self.row.addStretch(1)

    def request(self) -> ReportRequest:
        options = {"size": self.size.currentData(), "qr": self.qr.isChecked()}
        return ReportRequest("signage", options, file_name(f"服务站标识（{self.size.currentData()}）"))


class EventParameters(_Panel):
    """An event (newest first) and which document: the sign-in sheet or the summary."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self.events = QComboBox()
        self.events.setMinimumContentsLength(14)
        self.events.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.attendance = QRadioButton(self.tr("签到表"))
        self.summary = QRadioButton(self.tr("活动总结"))
        group = QButtonGroup(self)
        group.addButton(self.attendance)
        group.addButton(self.summary)
        self.attendance.setChecked(True)
        self.empty = QLabel(self.tr("还没有活动。请先在“活动”页面登记活动。"))
        self.empty.setStyleSheet(f"color: {theme.TEXT_SECONDARY};")
        self.empty.hide()
        for widget in (QLabel(self.tr("活动")), self.events, self.attendance, self.summary, self.empty):
            self.row.addWidget(widget)
        self.row.addStretch(1)

    def reload(self) -> None:
        read_in_background(self, self._db, report_drafts.event_choices, on_success=self._fill)

    def _fill(self, choices: list[EventChoice]) -> None:
        chosen = self.events.currentData()
        self.events.clear()
        for choice in choices:
            when = choice.starts_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d")
            self.events.addItem(f"{when}  {choice.title}", (choice.id, choice.title))
        index = next((i for i in range(self.events.count()) if self.events.itemData(i) == chosen), 0)
        self.events.setCurrentIndex(index if choices else -1)
        self.empty.setVisible(not choices)
        self.events.setEnabled(bool(choices))

    def request(self) -> ReportRequest:
        data = self.events.currentData()
        if data is None:
            raise ValidationError(self.tr("活动：请先选择一场活动（没有活动时请先在“活动”页面登记）。"), "event_id")
        event_id, title = data
        assert isinstance(event_id, uuid.UUID)
        if self.summary.isChecked():
            return ReportRequest("event_summary", {"event_id": event_id}, file_name(f"{title}活动总结"))
        return ReportRequest("attendance", {"event_id": event_id}, file_name(f"{title}签到表"))
