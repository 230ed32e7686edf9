"""A bar chart drawn with QPainter: vertical (months along the bottom, a value axis on the left)
or horizontal (names on the left, first value at the top, the value at the end of each bar).

It replaces QtCharts, which came only with the PySide6-Addons wheel (438 MB installed, QtWebEngine
included) for these two charts.  Ticks are whole numbers (app.domain.chart_ticks); category
labels are never elided on the vertical chart; a bar's whole slot answers the mouse, so a
month with 0 records can still be clicked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.domain.chart_ticks import integer_ticks
from app.ui import theme

BAR_SHARE = 0.7  # of a slot; the rest is the gap between bars
GAP = 6.0  # px between a label and what it labels
MIN_TOP = 4  # the value axis reaches at least 4, so an empty chart still shows a scale
MAX_NAME_SHARE = 0.45  # of the width, for a horizontal chart's names (longer ones are elided)


@dataclass(frozen=True)
class Layout:
    plot: QRectF  # where the bars are
    slots: list[QRectF]  # one per bar, in the order given to set_data; each answers the mouse
    bars: list[QRectF]
    labels: list[tuple[str, QRectF]]  # category labels as drawn (possibly elided)
    ticks: list[int]


class BarChart(QWidget):
    """`clicked(index)` and `hovered(index or -1)` count in the order given to set_data."""

    clicked = Signal(int)
    hovered = Signal(int)

    def __init__(self, *, horizontal: bool, value_labels: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal, self.value_labels = horizontal, value_labels
        self.values: list[int] = []
        self.labels: list[str] = []
        self.highlight: int | None = None
        self._hover = -1
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * (0.9 if horizontal else 0.8))
        self.setFont(font)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(200)

    def set_data(self, labels: Sequence[str], values: Sequence[int], highlight: int | None = None) -> None:
        if len(labels) != len(values):
            raise ValueError(f"{len(labels)} labels for {len(values)} values")
        self.labels, self.values, self.highlight = list(labels), [int(v) for v in values], highlight
        self._hover = -1
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 260)

    # -- geometry ------------------------------------------------------------------------
    def ticks(self) -> list[int]:
        return integer_ticks(max(MIN_TOP, max(self.values, default=0)))

    def layout_now(self) -> Layout:
        """Where everything goes at the current size (paintEvent and the mouse use it; tests read it)."""
        metrics = QFontMetricsF(self.font())
        ticks = self.ticks()
        above = metrics.height() * (1.5 if self.value_labels and not self.horizontal else 0.5)
        area = QRectF(self.rect()).adjusted(0, above, -2, 0)
        count = max(1, len(self.values))
        if self.horizontal:
            widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0.0)
            name_width = min(widest, area.width() * MAX_NAME_SHARE)
            end_width = max((metrics.horizontalAdvance(f"{v:,}") for v in self.values), default=0.0) + GAP
            axis_height = 0.0 if self.value_labels else metrics.height() + GAP / 2
            plot = area.adjusted(name_width + GAP, 0, -end_width, -axis_height)
            step = plot.height() / count
            slots = [QRectF(area.left(), plot.top() + i * step, area.width(), step) for i in range(len(self.values))]
            bars = [QRectF(plot.left(), s.center().y() - step * BAR_SHARE / 2,
                           plot.width() * v / ticks[-1], step * BAR_SHARE) for s, v in zip(slots, self.values, strict=True)]
            labels = [(metrics.elidedText(t, Qt.TextElideMode.ElideRight, name_width),
                       QRectF(area.left(), s.top(), name_width, s.height())) for t, s in zip(self.labels, slots, strict=True)]
        else:
            axis_width = max(metrics.horizontalAdvance(f"{t:,}") for t in ticks) + GAP
            plot = area.adjusted(0 if self.value_labels else axis_width, 0, 0, -(metrics.height() + GAP / 2))
            step = plot.width() / count
            slots = [QRectF(plot.left() + i * step, area.top(), step, area.height()) for i in range(len(self.values))]
            bars = [QRectF(s.center().x() - step * BAR_SHARE / 2, plot.bottom() - plot.height() * v / ticks[-1],
                           step * BAR_SHARE, plot.height() * v / ticks[-1]) for s, v in zip(slots, self.values, strict=True)]
            # whole labels, even wider than their slot ("10" "11" "12" on a narrow chart)
            labels = []
            for text, s in zip(self.labels, slots, strict=True):
                width = max(s.width(), metrics.horizontalAdvance(text))
                labels.append((text, QRectF(s.center().x() - width / 2, plot.bottom() + GAP / 2,
                                            width, metrics.height())))
        return Layout(plot, slots, bars, labels, ticks)

    def index_at(self, point: QPointF) -> int:
        for index, slot in enumerate(self.layout_now().slots):
            if slot.contains(point):
                return index
        return -1

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        layout = self.layout_now()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_axis(painter, layout)
        for index, bar in enumerate(layout.bars):
            colour = QColor(theme.CHART_HIGHLIGHT if index == self.highlight else theme.CHART_BAR)
            if index == self._hover:
                colour = colour.darker(115)
            painter.fillRect(bar, colour)
        painter.setPen(QColor(theme.CHART_LABEL))
        align = (Qt.AlignmentFlag.AlignRight if self.horizontal else Qt.AlignmentFlag.AlignHCenter)
        for text, rect in layout.labels:
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
        if self.value_labels:
            for value, bar in zip(self.values, layout.bars, strict=True):
                self._paint_value(painter, value, bar)
        painter.end()

    def _paint_axis(self, painter: QPainter, layout: Layout) -> None:
        plot, top = layout.plot, layout.ticks[-1]
        metrics = QFontMetricsF(self.font())
        for tick in layout.ticks:
            share = tick / top
            painter.setPen(QColor(theme.CHART_GRID))
            if self.horizontal:
                x = plot.left() + plot.width() * share
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                text_rect = QRectF(x - 40, plot.bottom() + GAP / 2, 80, metrics.height())
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            else:
                y = plot.bottom() - plot.height() * share
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                text_rect = QRectF(0, y - metrics.height() / 2, plot.left() - GAP, metrics.height())
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            if not self.value_labels:  # otherwise the bars carry their numbers
                painter.setPen(QColor(theme.CHART_LABEL))
                painter.drawText(text_rect, int(flags), f"{tick:,}")
        painter.setPen(QColor(theme.CHART_LABEL))
        if self.horizontal:
            painter.drawLine(plot.topLeft(), plot.bottomLeft())
        else:
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())

    def _paint_value(self, painter: QPainter, value: int, bar: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        text = f"{value:,}"
        if self.horizontal:
            rect = QRectF(bar.right() + GAP / 2, bar.top(), metrics.horizontalAdvance(text) + GAP, bar.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        else:
            rect = QRectF(bar.center().x() - 40, bar.top() - metrics.height(), 80, metrics.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)

    # -- mouse ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._set_hover(self.index_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._set_hover(-1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.index_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.clicked.emit(index)
        super().mouseReleaseEvent(event)

    def _set_hover(self, index: int) -> None:
        if index != self._hover:
            self._hover = index
            self.update()
            self.hovered.emit(index)
