"""Small charts (reportlab.graphics) in the report font.  Every label names the font:
a chart left at its default would pull in Helvetica, unembedded."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm

from app.domain.chart_ticks import integer_step
from app.reports.styles import CHART_COLOURS, GREY, INK, styles


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 12, text, fontName=styles().font, fontSize=10, fillColor=INK,
                       textAnchor="middle"))


def column_chart(title: str, labels: Sequence[str], values: Sequence[int], width: float, height: float = 62 * mm) -> Drawing:
    """Vertical bars, e.g. records by month."""
    font = styles().font
    drawing = _drawing(width, height)
    _title(drawing, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 42, 24, width - 56, height - 58
    chart.data = [list(values)]
    chart.bars[0].fillColor = CHART_COLOURS[0]
    chart.bars[0].strokeColor = None
    integer_axis(chart.valueAxis, max(values, default=0))
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.barLabelFormat = lambda v: f"{v:,.0f}"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = GREY
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def bar_chart(title: str, labels: Sequence[str], values: Sequence[int], width: float) -> Drawing:
    """Horizontal bars, the first label at the top, e.g. records by category."""
    font = styles().font
    row = 5.5 * mm
    height = 30 + row * max(1, len(values))
    drawing = _drawing(width, height)
    _title(drawing, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 90, 8, width - 140, height - 30
    chart.data = [list(reversed(values))]
    chart.bars[0].fillColor = CHART_COLOURS[1]
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = False
    chart.categoryAxis.categoryNames = [_short(label, 8) for label in reversed(labels)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.barLabelFormat = lambda v: f"{v:,.0f}"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def pie_chart(title: str, labels: Sequence[str], values: Sequence[int], width: float, height: float = 58 * mm) -> Drawing:
    """Shares, e.g. free / low-fee / paid.  Slices of zero are left out."""
    font = styles().font
    pairs = [(label, value) for label, value in zip(labels, values, strict=True) if value > 0]
    total = sum(v for _, v in pairs) or 1
    drawing = _drawing(width, height)
    _title(drawing, title, width, height)
    pie = Pie()
    size = height - 40
    pie.x, pie.y, pie.width, pie.height = (width - size) / 2, 14, size, size
    pie.data = [v for _, v in pairs]
    pie.labels = [f"{label} {100 * v / total:.1f}%" for label, v in pairs]
    pie.simpleLabels = 0
    pie.sideLabels = 1
    pie.slices.strokeColor = None
    pie.slices.fontName = font
    pie.slices.fontSize = 8
    for i in range(len(pairs)):
        pie.slices[i].fillColor = CHART_COLOURS[i % len(CHART_COLOURS)]
    drawing.add(pie)
    return drawing


def integer_axis(axis: Any, top: float) -> None:
    """Ticks at whole numbers from 0 to at least `top` (1 when every value is 0)."""
    step = integer_step(top)
    axis.valueMin = 0
    axis.valueStep = step
    axis.valueMax = max(step, math.ceil(top / step) * step)


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = styles().font  # the renderer's starting font, used or not
    return drawing


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
