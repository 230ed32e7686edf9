"""What a page remembers between runs: where its splitters were dragged and which column each
sortable list was sorted by (clicking a heading is a choice a user makes once).

Widgets are found by their order on the page, in a key that also names their shape (a splitter's
orientation and panes, a list's column count), so a page rebuilt differently by a newer version
starts from its defaults instead of applying a state meant for another widget. Column widths are
not kept: the lists fit their columns to the window (tests/ui/test_list_fit.py). Both windows use
this; one settings write at close (`PAGE_MEMORY`, a dict of page key → entries)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from app.settings import PAGE_MEMORY, Settings
from app.ui.shell import window_state


def _splitters(page: QWidget) -> dict[str, QSplitter]:
    found = {}
    for index, splitter in enumerate(page.findChildren(QSplitter)):
        shape = "v" if splitter.orientation() == Qt.Orientation.Vertical else "h"
        found[f"splitter{index}-{shape}{splitter.count()}"] = splitter
    return found


def _lists(page: QWidget) -> dict[str, QTableView]:
    found = {}
    for index, view in enumerate(page.findChildren(QTableView)):
        model = view.model()
        if view.isSortingEnabled() and model is not None:
            found[f"list{index}-c{model.columnCount()}"] = view
    return found


def capture(page: QWidget) -> dict[str, Any]:
    """The page's splitter states (base64) and sort orders ([column, descending])."""
    entries: dict[str, Any] = {}
    for key, splitter in _splitters(page).items():
        entries[key] = window_state.encode(splitter.saveState())
    for key, view in _lists(page).items():
        header = view.horizontalHeader()
        if header.sortIndicatorSection() >= 0 and header.isSortIndicatorShown():
            entries[key] = [header.sortIndicatorSection(), header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder]
    return entries


def apply(page: QWidget, entries: Any) -> None:
    """Put back what `capture` kept; anything unreadable or meant for another shape is skipped."""
    if not isinstance(entries, dict):
        return
    for key, splitter in _splitters(page).items():
        state = window_state.decode(entries.get(key), f"splitter state {key}")
        if state is not None:
            splitter.restoreState(state)
    for key, view in _lists(page).items():
        value = entries.get(key)
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], bool):
            column, descending = value
            if 0 <= column < view.model().columnCount():
                view.sortByColumn(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)


def restore(settings: Settings, page_key: str, page: QWidget) -> None:
    apply(page, settings.get(PAGE_MEMORY).get(page_key))


def save(settings: Settings, pages: dict[str, QWidget]) -> None:
    """Keep every built page's state, beside what pages not built this run kept before."""
    memory = dict(settings.get(PAGE_MEMORY))
    for key, page in pages.items():
        memory[key] = capture(page)
    settings.set(PAGE_MEMORY, memory)
