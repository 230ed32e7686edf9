"""A page keeps, between runs, where its splitters were dragged and the column each list was sorted
by (both windows; app/ui/shell/page_memory.py). A state meant for another widget, or unreadable,
is skipped, never applied."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from app.settings import PAGE_MEMORY, Settings
from app.ui.shell import page_memory
from app.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("presented")


def _open(qtbot: Any, db: Any, settings: Settings) -> MainWindow:
    from app.services.station.identity import current_station

    with db.sessions() as session:
        station = current_station(session)
    window = MainWindow(db, "default", station, settings, remember=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("demands")
    return window


def test_the_demands_page_keeps_its_splitter_and_sort_order_across_a_restart(qtbot: Any, db: Any) -> None:
    from app.demo import data as demo_data

    demo_data.generate(db, enterprises=20, records=40)
    settings = Settings()
    window = _open(qtbot, db, settings)
    page = window.pages["demands"]
    [splitter] = page.findChildren(QSplitter)
    [view] = [v for v in page.findChildren(QTableView) if v.isSortingEnabled()]
    total = sum(splitter.sizes())
    splitter.setSizes([total // 3, total - total // 3])
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    dragged = splitter.sizes()
    window.close()

    again = _open(qtbot, db, Settings())  # a new run: the file, not the object
    page = again.pages["demands"]
    [splitter] = page.findChildren(QSplitter)
    [view] = [v for v in page.findChildren(QTableView) if v.isSortingEnabled()]
    qtbot.waitUntil(lambda: abs(splitter.sizes()[0] - dragged[0]) <= 2, timeout=3000)
    header = view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (2, Qt.SortOrder.DescendingOrder)
    again.close()
    assert "demands" in Settings().get(PAGE_MEMORY)


def _page(qtbot: Any, panes: int) -> tuple[QWidget, QSplitter]:
    page = QWidget()
    qtbot.addWidget(page)
    splitter = QSplitter(Qt.Orientation.Vertical)
    for n in range(panes):
        splitter.addWidget(QLabel(str(n)))
    QVBoxLayout(page).addWidget(splitter)
    page.resize(300, 300)
    page.show()
    return page, splitter


def test_a_state_for_another_shape_or_unreadable_is_skipped(qtbot: Any) -> None:
    page, splitter = _page(qtbot, 2)
    splitter.setSizes([60, 240])
    sized = splitter.sizes()
    kept = page_memory.capture(page)
    assert list(kept) == ["splitter0-v2"]

    three, other = _page(qtbot, 3)
    before = other.sizes()
    page_memory.apply(three, kept)  # a newer version added a pane: its defaults stay
    assert other.sizes() == before

    page_memory.apply(page, {"splitter0-v2": "not base64!"})
    page_memory.apply(page, {"splitter0-v2": 7, "list0-c3": [99, True], "list1-c3": ["x", 1]})
    page_memory.apply(page, ["not", "a", "dict"])
    assert splitter.sizes() == sized
