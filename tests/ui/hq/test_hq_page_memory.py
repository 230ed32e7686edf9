"""HQ mode keeps its pages' list order and splitters between runs too (app/ui/shell/page_memory.py,
under "hq:" keys beside the station window's)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.settings import PAGE_MEMORY, Settings
from app.ui.hq.pages import DeskUser
from app.ui.hq.window import HqWindow
from tests.ui.hq.conftest import _Unclosed

pytestmark = pytest.mark.usefixtures("presented")


def _sorted_view(page: Any) -> QTableView:
    return next(v for v in page.findChildren(QTableView) if v.isSortingEnabled() and v.isVisibleTo(page))


def test_the_network_list_keeps_its_sort_order_across_a_restart(qtbot: Any, desk: Any, station_home: Any) -> None:
    me = desk["admin"].get_json("/me")
    user = DeskUser(me["name"], me["role"], me["role_label"], "https://hq.test")

    def open_window() -> Any:
        window = HqWindow(_Unclosed(desk["admin"]), user, settings=Settings(), profile="hq", remember=True)
        qtbot.addWidget(window)
        window.show()
        return window, window.page("network")

    window, page = open_window()
    _sorted_view(page).sortByColumn(1, Qt.SortOrder.DescendingOrder)
    window.close()
    assert "hq:network" in Settings().get(PAGE_MEMORY)

    window, page = open_window()
    header = _sorted_view(page).horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    window.close()
