"""The filter row of 活动: type, theme, scope (the calendar's month, all time, or a period
sent from 首页), search and the count."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.domain.catalogue import EVENT_TYPES
from app.services.events.choices import ThemeChoices
from app.services.events.listing import EventFilter
from app.ui.catalogue_names import shown
from app.ui.widgets.pick_lists import fill_combo
from app.ui.widgets.search_box import SearchBox


class EventFilterBar(QWidget):
    changed = Signal()  # a box changed or the search text settled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_type = QComboBox()
        self.event_type.addItem(self.tr("全部类型"), "")
        for code, label in EVENT_TYPES.items():
            self.event_type.addItem(shown(label), code)
        self.theme = QComboBox()
        fill_combo(self.theme, [(self.tr("全部主题"), "")])
        self.theme.setCurrentIndex(0)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("日历所在月份"), "month")
        self.scope.addItem(self.tr("全部时间"), "all")
        self.search = SearchBox(self.tr("搜索活动名称、地点、主讲嘉宾（Ctrl+F）"))
        self.search.settled.connect(self.changed)
        self.count_label = QLabel()
        for combo in (self.event_type, self.theme, self.scope):
            combo.currentIndexChanged.connect(self.changed)
            # long HQ theme names must not widen the whole window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self._lay_out()

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for widget in (QLabel(self.tr("筛选")), self.event_type, self.theme, self.scope):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        row.addWidget(self.count_label)

    def scope_key(self) -> str:
        return str(self.scope.currentData())

    def event_filter(self, month: tuple[int, int], day: date | None) -> EventFilter:
        """What the service filters by; for scope "range" it reads all (the page keeps the range's days)."""
        by_month = self.scope_key() == "month"
        return EventFilter(self.event_type.currentData() or None, self.theme.currentData() or None,
                           month if by_month and day is None else None,
                           day if by_month else None, self.search.text())

    def set_themes(self, themes: ThemeChoices) -> None:
        fill_combo(self.theme, [(self.tr("全部主题"), ""), *((label, code) for code, label in themes.labels.items())])
        if self.theme.currentIndex() < 0:
            self.theme.setCurrentIndex(0)

    def show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %1 场").replace("%1", str(count)))

    def show_range(self, label: str) -> None:
        """Scope: the period `label`; type, theme and search cleared.  Emits nothing."""
        with QSignalBlocker(self.scope), QSignalBlocker(self.event_type), QSignalBlocker(self.theme), \
                QSignalBlocker(self.search):
            if self.scope.findData("range") < 0:
                self.scope.addItem("", "range")
            index = self.scope.findData("range")
            self.scope.setItemText(index, label)
            self.scope.setCurrentIndex(index)
            self.event_type.setCurrentIndex(0)
            self.theme.setCurrentIndex(0)
            self.search.clear()
