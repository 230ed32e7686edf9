"""帮助 → 键盘快捷键 (F1) in HQ mode: every HQ page's QShortcuts carry words for the sheet, and F1
lists the page's keys and the window's (page switching, refresh, the sheet itself)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.hq.pages import HQ_PAGES, title_of
from app.ui.widgets.shortcut_sheet import ShortcutSheet, undescribed

pytestmark = pytest.mark.usefixtures("presented")


def test_every_hq_page_describes_its_keys_and_f1_shows_them(qtbot: Any, hq_window: Any, desk: Any) -> None:
    window = hq_window("admin")
    for page in HQ_PAGES:
        window.page(page.key)
        qtbot.wait(100)
    assert undescribed(window) == []

    window.page("network")
    window.activateWindow()  # keys reach only the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutSheet) and w.isVisible())
    rows = sheet.rows()
    sheet.close()
    mark = rows.index(("整个窗口", ""))
    page_part, window_part = rows[:mark], rows[mark + 1:]
    assert page_part[0] == ("本页：站点网络", "")
    assert ("Ctrl+E", "导出 Excel") in page_part and ("Ctrl+F", "查找服务站") in page_part
    assert ("Ctrl+1", f"转到“{title_of(window.pages[0])}”") in window_part
    assert ("F5", "刷新") in window_part and ("F1", "键盘快捷键") in window_part


def test_every_hq_page_with_a_find_box_answers_ctrl_f(qtbot: Any, hq_window: Any, desk: Any) -> None:
    """As in the station window: a find box says (Ctrl+F) and Ctrl+F takes the cursor there (on a page
    with tabs, to the box of the tab shown)."""
    from PySide6.QtWidgets import QLineEdit, QTableView, QTabWidget

    window = hq_window("staff")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    missing = []
    for page in HQ_PAGES:
        widget = window.page(page.key)
        if widget is None:
            continue
        tab_sets = widget.findChildren(QTabWidget)
        for index in range(tab_sets[0].count() if tab_sets else 1):
            if tab_sets:
                tab_sets[0].setCurrentIndex(index)
            qtbot.wait(50)
            boxes = [b for b in widget.findChildren(QLineEdit) if b.isVisibleTo(widget) and not b.isReadOnly()
                     and ("查找" in b.placeholderText() or "搜索" in b.placeholderText() or "回车查询" in b.placeholderText())]
            if not boxes:
                continue
            lists = [v for v in widget.findChildren(QTableView) if v.isVisibleTo(widget)]
            start = lists[0] if lists else widget  # where the cursor is while reading a list
            start.setFocus()
            qtbot.keyClick(start, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            if QApplication.focusWidget() not in boxes or not all("Ctrl+F" in b.placeholderText() for b in boxes):
                missing.append(f"{page.key}#{index}: {[b.placeholderText() for b in boxes]}")
    assert missing == [], "\n".join(missing)
