"""Issue 13 item 12: at 1024×600 the events list shows 活动名称 whole; a column empty in every
row (主题月, 地点, 满意度) gives up its width instead of eliding the name."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QStyle

from app.domain.periods import CHINA_TIME
from app.services.events import edits as events
from app.services.events.edits import EventInput
from app.services.station.identity import NewStation, create_station
from app.ui.events.page import EventsPage

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")
NOW = datetime(2026, 6, 15, 10, 0, tzinfo=CHINA_TIME)
TITLE = "研发费用加计扣除政策宣讲会"


def test_the_title_is_whole_at_1024_and_empty_columns_step_aside(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        start = NOW + timedelta(days=2)
        events.create(session, EventInput(TITLE, "training", start, start + timedelta(hours=2), venue="服务站会议室"))
    page = EventsPage(db, now=lambda: NOW)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.resize(1024 - 180, 600 - 60)  # the window at 1024×600, less the navigation and title bar
        page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    table = page.table
    assert table.isColumnHidden(4) and table.isColumnHidden(8)  # no theme month, no satisfaction yet
    assert not table.isColumnHidden(5)  # the venue is there
    # the cell's text margins: (focus frame margin + 1) on each side
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    need = table.fontMetrics().horizontalAdvance(TITLE) + margin
    assert table.columnWidth(2) >= need, (table.columnWidth(2), need, table.viewport().width(), [table.columnWidth(c) for c in range(9)], page.calendar_panel.width())
