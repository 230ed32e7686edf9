"""帮助 → 键盘快捷键 (F1): the sheet lists the keys the page on screen and the window answer to, read
from the widgets; every QShortcut the app makes carries words for it, so none is left off."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.shell.navigation import sections
from app.ui.widgets import shortcut_sheet
from app.ui.widgets.shortcut_sheet import ShortcutSheet, page_entries, undescribed

pytestmark = pytest.mark.usefixtures("presented")


@pytest.mark.parametrize(("label", "keys", "what"), [
    ("新增企业 (Ctrl+N)", "Ctrl+N", "新增企业"),
    ("保存 PDF… (Ctrl+S)", "Ctrl+S", "保存 PDF"),
    ("刷新（F5）", "F5", "刷新"),
    ("打开 PDF (Enter)", "Enter", "打开 PDF"),
    ("Clear (Esc)", "Esc", "Clear"),
    ("导出(&E)…", None, "导出"),
    ("&Save && close", None, "Save & close"),
    ("Institutions & experts", None, "Institutions & experts"),
    ("设置本站正式信息…", None, "设置本站正式信息"),
    ("年度汇总报告（报市工信局）", None, "年度汇总报告（报市工信局）"),
])
def test_a_label_gives_its_key_and_its_words(label: str, keys: str | None, what: str) -> None:
    match = shortcut_sheet._HINT.search(label)
    assert (match.group(1) if match else None) == keys
    assert shortcut_sheet._plain(label) == what


def test_every_station_page_describes_its_keys_and_f1_shows_them(qtbot: Any, demo_window: Any) -> None:
    window = demo_window((1366, 768), enterprises=10, records=20)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(100)
    assert undescribed(window) == []  # every page built: any QShortcut without words would be listed here

    window.show_page("enterprises")
    listed = window.pages["enterprises"]
    qtbot.waitUntil(lambda: "F2" in [e.keys for e in page_entries(listed)], timeout=10_000)  # its list shown
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutSheet) and w.isVisible())
    rows = sheet.rows()
    sheet.close()
    page_part = rows[:rows.index(("整个窗口", ""))]
    assert page_part[0] == ("本页：企业", "")
    assert page_part[1:] == [("Ctrl+N", "新建"), ("Enter", "编辑"),  # the buttons' own words, one line a key
                             ("Ctrl+F", "查找"), ("F2", "修改选中的一行"), ("Del", "删除选中的一行")]
    window_part = rows[rows.index(("整个窗口", "")) + 1:]
    assert ("Ctrl+1", "转到“首页”") in window_part and ("F1", "键盘快捷键") in window_part
    assert ("Ctrl+Q", "退出") in window_part

    records = window.pages["service_records"]
    assert ("Enter", "保存") in [(e.keys, e.what) for e in page_entries(records)]


def test_every_page_with_a_search_box_answers_ctrl_f(qtbot: Any, demo_window: Any) -> None:
    """A search box on a list says (Ctrl+F), and Ctrl+F takes the cursor there from the list; on 机构与专家,
    to the search of the tab shown."""
    from PySide6.QtWidgets import QLineEdit, QTableView

    window = demo_window((1366, 768), enterprises=10, records=20)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    missing, unfocused = [], []
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(100)
        page = window.pages[section.key]
        boxes = [b for b in page.findChildren(QLineEdit) if b.isVisibleTo(page) and b.placeholderText().startswith("搜索")]
        if not boxes:
            continue
        if "Ctrl+F" not in [e.keys for e in page_entries(page)] or not all("Ctrl+F" in b.placeholderText() for b in boxes):
            missing.append(section.key)
            continue
        lists = [v for v in page.findChildren(QTableView) if v.isVisibleTo(page)]
        start = lists[0] if lists else page  # a list, or the page while its list is empty
        start.setFocus()
        qtbot.keyClick(start, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        if QApplication.focusWidget() not in boxes:
            unfocused.append(section.key)
    assert (missing, unfocused) == ([], [])
    window.show_page("institutions")
    page = window.pages["institutions"]
    page.tabs.setCurrentIndex(1)
    qtbot.keyClick(page.experts.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.expert_search
