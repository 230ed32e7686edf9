"""Issue 13 item 17: small visual defects — a clipped category filter, elided month labels,
and 满意度 of 服务需求 behind a horizontal scroll bar at 1366 px."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QFontMetricsF

from app.services.station.identity import NewStation, create_station
from app.ui.dashboard.charts import BarChartPanel
from app.ui.demands.page import DemandsPage
from app.ui.records.page import RecordsPage

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")
TODAY = date(2026, 6, 15)
PAGE_AT_1366 = (1366 - 200, 768 - 80)  # the window at 1366×768, less the navigation and title bar


@pytest.fixture
def station(db) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))


def test_the_category_filter_shows_whole_names(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = RecordsPage(db, today=lambda: TODAY, lock_days=10)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.form.pick_lists_loaded, timeout=10_000):
        page.resize(*PAGE_AT_1366)
        page.show()
    qtbot.waitUntil(lambda: page.category.count() > 5)
    combo = page.category
    longest = max((combo.itemText(i) for i in range(combo.count())), key=combo.fontMetrics().horizontalAdvance)
    need = combo.fontMetrics().horizontalAdvance(longest) + 20
    qtbot.waitUntil(lambda: combo.width() >= need, timeout=5_000)  # the layout settles on the event loop


def test_month_labels_are_never_elided(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = BarChartPanel("本年各月服务记录", horizontal=False, value_labels=False)
    qtbot.addWidget(panel)
    panel.set_data([str(m) for m in range(1, 13)], [0] * 12)
    panel.resize(320, 260)
    panel.show()
    metrics = QFontMetricsF(panel.chart.font())
    labels = panel.chart.layout_now().labels
    assert [text for text, _rect in labels] == [str(m) for m in range(1, 13)]
    for text, rect in labels:
        assert rect.width() >= metrics.horizontalAdvance(text), text


def test_demand_satisfaction_is_in_view_at_1366(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = DemandsPage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.ids_loaded, timeout=10_000):
        page.resize(*PAGE_AT_1366)
        page.show()
    table = page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    last = table.model().columnCount() - 1
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert right <= table.viewport().width(), (right, table.viewport().width())
    assert table.columnWidth(last) >= table.fontMetrics().horizontalAdvance("满意度")
    assert not table.horizontalScrollBar().isVisible()
