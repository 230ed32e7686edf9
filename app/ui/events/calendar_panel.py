"""The left side of 活动: a month calendar with the days that have events highlighted, a line
saying what the list shows, 显示整月, and the month's count."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import theme

EVENT_DAY = QColor(theme.CALENDAR_EVENT_DAY)
EVENT_DAY_TEXT = QColor(theme.CALENDAR_EVENT_DAY_TEXT)


class CalendarPanel(QWidget):
    """The page connects to `calendar` (clicked, activated, currentPageChanged) and `whole_month`."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[date, int] = {}
        self.calendar = self._build_calendar(today)
        self.day_label = QLabel()
        self.day_label.setWordWrap(True)
        self.whole_month = QPushButton(self.tr("显示整月"))
        self.month_summary = QLabel()
        self.month_summary.setWordWrap(True)
        self.month_summary.setStyleSheet(f"color: {theme.TEXT_SECONDARY};")
        self._lay_out()

    def _build_calendar(self, today: date) -> QCalendarWidget:
        calendar = QCalendarWidget()
        calendar.setGridVisible(False)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setMinimumSize(260, 240)
        calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        return calendar

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.calendar)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_label, 1)
        day_row.addWidget(self.whole_month)
        layout.addLayout(day_row)
        layout.addWidget(self.month_summary)
        layout.addStretch(1)

    def shown_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def show_day(self, day: date) -> None:
        """Select `day` and turn to its month (the caller blocks the calendar's signals if it must)."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)

    def mark_days(self, days: dict[date, int]) -> None:
        """Highlight the days with events, each with a tooltip giving how many."""
        self.days = days
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every day
        marked = QTextCharFormat()
        marked.setBackground(QBrush(EVENT_DAY))
        marked.setForeground(QBrush(EVENT_DAY_TEXT))
        marked.setFontWeight(700)
        for day, count in days.items():
            marked.setToolTip(self.tr("%1 场活动").replace("%1", str(count)))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), marked)

    def describe(self, listed: str, *, whole_month_button: bool) -> None:
        """The month's count, `listed` (what the list shows) and whether 显示整月 is offered."""
        year, month = self.shown_month()
        total = sum(self.days.values())
        self.month_summary.setText(self.tr("%1年%2月共 %3 场活动。日历上标蓝的日子有活动，点击某天只看当天。")
                                   .replace("%1", str(year)).replace("%2", str(month)).replace("%3", str(total)))
        self.day_label.setText(listed)
        self.whole_month.setVisible(whole_month_button)
