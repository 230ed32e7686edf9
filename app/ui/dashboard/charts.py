"""The home dashboard's two charts: records by category, records by month.

Each is a titled panel around a BarChart (drawn with QPainter, app.ui.dashboard.bar_chart) with
a line under it that names the bar under the mouse; a click on a bar says which bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.ui import theme
from app.ui.dashboard.bar_chart import BarChart

PANEL_STYLE = (
    f"#chartPanel {{ background: palette(base); border: 1px solid {theme.PANEL_BORDER}; border-radius: 8px; }}"
)


class BarChartPanel(QFrame):
    """A titled panel holding one bar chart; `bar_clicked(index)` counts from the first value."""

    bar_clicked = Signal(int)

    def __init__(self, title: str, *, horizontal: bool, value_labels: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.horizontal = horizontal
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(f"font-weight: bold; color: {theme.TEXT_STRONG};")
        self.hint_label = QLabel(self.tr("点击柱形查看对应的服务记录"))
        self.hint_label.setStyleSheet(f"color: {theme.TEXT_SUBTITLE};")
        self.values: list[int] = []
        self.labels: list[str] = []
        self._hint = self.hint_label.text()

        self.chart = BarChart(horizontal=horizontal, value_labels=value_labels)
        self.chart.clicked.connect(self._clicked)
        self.chart.hovered.connect(self._hovered)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.hint_label)

    def set_data(self, labels: Sequence[str], values: Sequence[int], highlight: int | None = None,
                 names: Sequence[str] | None = None) -> None:
        """Replace the bars (`names`: longer labels for the hover line).  Horizontal charts
        list the first value at the top."""
        self.values = list(values)
        self.labels = list(names or labels)
        self.chart.set_data(labels, values, highlight)
        self.hint_label.setText(self._hint)

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.values):
            self.bar_clicked.emit(index)

    def set_hint(self, text: str) -> None:
        """The line under the chart while no bar is hovered."""
        self._hint = text
        self.hint_label.setText(text)

    def _hovered(self, index: int) -> None:
        if 0 <= index < len(self.values):
            self.hint_label.setText(f"{self.labels[index]}：{self.values[index]:,}")
        else:
            self.hint_label.setText(self._hint)

    def click_bar(self, index: int) -> None:
        """As if the bar of `index` (in the order given to set_data) was clicked."""
        self.chart.clicked.emit(index)
