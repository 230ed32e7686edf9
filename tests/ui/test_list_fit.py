"""Issue 13: at 1024×600 the 服务记录 and 政策 lists (and 企业, 服务机构) scrolled sideways, in Chinese and in
English.  They fit now: the text column takes what is left (never less than its floor), no heading and no name from a
list is cut, and at 1024×600 the columns the row's form or detail pane also shows step aside; at
1366×768 every column is there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from .test_elided_cells import clipped_names

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")
# page: (the text column, its floor, the columns that may step aside at 1024×600)
LISTS = {"service_records": (9, 140, {6, 8}), "policies": (0, 150, {2, 4}), "enterprises": (0, 180, {5, 7}),
         "institutions": (0, 160, {4, 5, 6})}




@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_records_and_policies_fit_without_scrolling_sideways(qtbot, demo_window, request, language: str,
                                                             size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    if language == "en":
        request.getfixturevalue("english")
    window = demo_window(size)
    problems: dict[str, list[str]] = {}
    for key, (text_column, floor, may_go) in LISTS.items():
        window.show_page(key)
        page = window.pages[key]
        table = page.institutions.table if key == "institutions" else page.table
        qtbot.waitUntil(lambda t=table: t.model().rowCount(QModelIndex()) > 0, timeout=10_000)
        qtbot.wait(50)
        header, model, found = table.horizontalHeader(), table.model(), []
        shown = [c for c in range(header.count()) if not table.isColumnHidden(c)]
        if table.horizontalScrollBar().isVisible() or sum(table.columnWidth(c) for c in shown) > table.viewport().width():
            found.append(f"scrolls sideways: {[table.columnWidth(c) for c in shown]} in {table.viewport().width()}")
        found += [f"heading clipped: {model.headerData(c, Qt.Orientation.Horizontal)}" for c in shown
                  if table.columnWidth(c) < header.sectionSizeHint(c)]
        if table.columnWidth(text_column) < floor:
            found.append(f"text column {table.columnWidth(text_column)} px")
        found += [f"name cut: {name}" for name in clipped_names(table)]
        hidden = set(range(header.count())) - set(shown)
        if not hidden <= may_go or (size[0] > 1024 and hidden):
            found.append(f"hidden: {sorted(hidden)}")
        if found:
            problems[key] = found
    assert not problems, problems
