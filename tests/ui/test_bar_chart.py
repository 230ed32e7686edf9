"""The home page's hand-drawn bar chart (app.ui.dashboard.bar_chart): whole-number ticks (issue 13
item 7), the hover line, clicks on a bar's slot, and the first value at the top of a horizontal chart."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.domain.chart_ticks import integer_ticks
from app.ui.dashboard.charts import BarChartPanel


def shown(qtbot, horizontal: bool, values: list[int], **kwargs) -> BarChartPanel:  # type: ignore[no-untyped-def]
    panel = BarChartPanel("图", horizontal=horizontal, value_labels=horizontal)
    qtbot.addWidget(panel)
    panel.set_data([str(i + 1) for i in range(len(values))], values, **kwargs)
    panel.resize(420, 320)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_small_counts_get_whole_distinct_ticks(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = shown(qtbot, False, [0, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    assert panel.chart.ticks() == [0, 1, 2, 3, 4]  # never 0, 0, 1, 2, 2
    panel.set_data([str(m) for m in range(1, 13)], [0, 37, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    assert panel.chart.ticks() == [0, 10, 20, 30, 40]
    assert integer_ticks(1234) == [0, 500, 1000, 1500]


def test_the_bars_stand_in_proportion_to_the_top_tick(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = shown(qtbot, False, [2, 4] + [0] * 10)
    layout = panel.chart.layout_now()
    assert abs(layout.bars[1].height() - layout.plot.height()) < 0.5  # 4 of 4
    assert abs(layout.bars[0].height() * 2 - layout.bars[1].height()) < 0.5
    assert layout.bars[2].height() == 0


def test_hovering_names_the_bar_and_a_click_on_an_empty_month_opens_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = shown(qtbot, False, [3] + [0] * 11, names=[f"{m}月" for m in range(1, 13)])
    panel.set_hint("提示")
    slot = panel.chart.layout_now().slots[4]  # May: no records, no bar to aim at
    point = slot.center().toPoint()
    qtbot.mouseMove(panel.chart, point)
    qtbot.waitUntil(lambda: panel.hint_label.text() == "5月：0")
    with qtbot.waitSignal(panel.bar_clicked) as clicked:
        qtbot.mouseClick(panel.chart, Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [4]
    QApplication.sendEvent(panel.chart, QEvent(QEvent.Type.Leave))  # offscreen Qt sends none by itself
    assert panel.hint_label.text() == "提示"


def test_a_horizontal_chart_lists_the_first_value_at_the_top(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = shown(qtbot, True, [9, 5, 1])
    layout = panel.chart.layout_now()
    tops = [bar.top() for bar in layout.bars]
    assert tops == sorted(tops) and layout.bars[0].width() > layout.bars[2].width()
    assert [text for text, _rect in layout.labels] == ["1", "2", "3"]
    with qtbot.waitSignal(panel.bar_clicked) as clicked:
        qtbot.mouseClick(panel.chart, Qt.MouseButton.LeftButton, pos=layout.slots[2].center().toPoint())
    assert clicked.args == [2]
