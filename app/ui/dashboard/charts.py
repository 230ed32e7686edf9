"""The home dashboard's two charts (QtCharts): records by category, records by month.

Both keep one series and update its values in place; a click on a bar says which bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.ui import theme

BAR = QColor(theme.CHART_BAR)
HIGHLIGHT = QColor(theme.CHART_HIGHLIGHT)
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

        self.bars = QBarSet("")
        self.bars.setColor(BAR)
        self.bars.setBorderColor(BAR)
        self.bars.setSelectedColor(HIGHLIGHT)
        self.series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        self.series.append(self.bars)
        self.series.setBarWidth(0.7)
        self.series.setLabelsVisible(value_labels)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsPrecision(12)
        self.series.clicked.connect(lambda index, _set: self._clicked(index))
        self.series.hovered.connect(lambda status, index, _set: self._hovered(status, index))

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.addSeries(self.series)
        self.category_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.value_axis.setTickCount(5)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * (0.9 if horizontal else 0.8))
        for axis in (self.category_axis, self.value_axis):
            axis.setLabelsFont(font)
            axis.setGridLineColor(QColor(theme.CHART_GRID))
        self.category_axis.setGridLineVisible(False)
        self.category_axis.setTruncateLabels(False)  # "10" "11" "12" whole, never "1…" on a narrow chart
        self.value_axis.setLabelsVisible(not value_labels)  # the bars carry their numbers
        self.series.setLabelsAngle(0)
        self.bars.setLabelFont(font)
        self.bars.setLabelColor(QColor(theme.CHART_LABEL))
        category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        self.chart.addAxis(self.category_axis, category_side)
        self.chart.addAxis(self.value_axis, value_side)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)

        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setStyleSheet("background: transparent; border: none;")
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.setMinimumHeight(200)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint_label)

    def set_data(self, labels: Sequence[str], values: Sequence[int], highlight: int | None = None,
                 names: Sequence[str] | None = None) -> None:
        """Replace the bars (`names`: longer labels for the hover line).  Horizontal charts
        list the first value at the top."""
        self.values = list(values)
        shown_labels, shown_values = list(labels), list(values)
        if self.horizontal:  # Qt draws the first category at the bottom
            shown_labels.reverse()
            shown_values.reverse()
        self.bars.remove(0, self.bars.count())
        self.bars.append([float(v) for v in shown_values])
        self.category_axis.clear()
        self.category_axis.append(shown_labels)
        self.labels = list(names or labels)
        self.value_axis.setRange(0, max(4, max(self.values, default=0)))
        self.value_axis.applyNiceNumbers()
        self.bars.deselectAllBars()
        if highlight is not None:
            self.bars.selectBar(self._shown_index(highlight))

    def _shown_index(self, index: int) -> int:
        return len(self.values) - 1 - index if self.horizontal else index

    def _clicked(self, shown: int) -> None:
        if 0 <= shown < len(self.values):
            self.bar_clicked.emit(self._shown_index(shown))

    def set_hint(self, text: str) -> None:
        """The line under the chart while no bar is hovered."""
        self._hint = text
        self.hint_label.setText(text)

    def _hovered(self, status: bool, shown: int) -> None:
        index = self._shown_index(shown)
        if status and 0 <= index < len(self.values):
            self.hint_label.setText(f"{self.labels[index]}：{self.values[index]:,}")
        else:
            self.hint_label.setText(self._hint)

    def click_bar(self, index: int) -> None:
        """As if the bar of `index` (in the order given to set_data) was clicked."""
        self.series.clicked.emit(self._shown_index(index), self.bars)
