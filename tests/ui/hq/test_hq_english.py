"""Issue 13 item 13 in HQ mode: in English no Chinese of the app's own shows on any HQ page (the audit
trail's "命令行:" actors and role codes included; names people typed stay as typed), and the 操作日志
page fits a 1024×600 screen without scrolling sideways."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QTableView

from app.ui.hq.pages import HQ_PAGES
from tests.ui.test_english_pages import CJK, visible_texts

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")


def _shown(qtbot: Any, window: Any, key: str) -> Any:
    page = window.page(key)
    qtbot.wait(500)  # the page's first read from HQ
    return page


@pytest.mark.usefixtures("english")
def test_no_chinese_shows_on_any_hq_page_in_english(qtbot: Any, hq_window: Any, desk: Any) -> None:
    desk["admin"].post_json("/stations", {"code": "UIE1", "name": "Tianhe Station", "district": "天河区"})
    window = hq_window("admin")
    found = {}
    for page in HQ_PAGES:
        texts = visible_texts(_shown(qtbot, window, page.key))
        if texts:
            found[page.key] = sorted(set(texts))
    assert not found, "\n".join(f"{key}: {texts}" for key, texts in found.items())


@pytest.mark.usefixtures("english")
def test_the_audit_page_shows_who_in_english(qtbot: Any, hq_window: Any, hq_engine: Any) -> None:
    from app.hq.admin import audit

    with hq_engine.begin() as conn:
        audit.record(conn, "命令行:root", "cli", "station.add", "UIE2", None, {"name": "Tianhe Station"})
    window = hq_window("admin")
    page = _shown(qtbot, window, "audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 4).data() == "UIE2")
    assert page.model.index(row, 1).data() == "Command line: root"
    assert page.model.index(row, 2).data() == "Command line"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_audit_page_does_not_scroll_sideways_at_1024_by_600(qtbot: Any, hq_window: Any, request: Any,
                                                                 language: str) -> None:
    if language == "en":
        request.getfixturevalue("english")
    window = hq_window("admin")
    window.resize(1024, 600)
    page = _shown(qtbot, window, "audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    qtbot.wait(50)
    [table] = [t for t in page.findChildren(QTableView) if t.isVisible()]
    assert not table.horizontalScrollBar().isVisible()
    assert not [CJK.search(t) for t in visible_texts(page) if language == "en" and CJK.search(t)]


@pytest.mark.usefixtures("english")
def test_hq_refusals_show_in_english_in_the_desk(qtbot: Any, hq_window: Any, desk: Any) -> None:
    """What HQ refuses, in its own Chinese words, shows in English in the desk's dialogs: a user and a
    station that already exist (the words come from app/hq, the server)."""
    desk["admin"].post_json("/stations", {"code": "UIE3", "name": "Haizhu Station", "district": "海珠区"})
    window = hq_window("admin")
    page = window.page("accounts")
    qtbot.waitUntil(lambda: page.users.model.rowCount() >= 3 and page.stations.status.text() != "", timeout=10_000)
    shown = []
    for key, fill in [("users", lambda d: d.name.setText("staff-user")),
                      ("stations", lambda d: (d.code.setText("UIE3"), d.name.setText("Again"), d.district.setCurrentIndex(0)))]:
        tab = page.tab(key)
        tab.add()
        dialog = tab.dialog
        fill(dialog)
        assert not visible_texts(dialog), visible_texts(dialog)  # the district list too
        dialog.submit()
        qtbot.waitUntil(lambda d=dialog: d.error.isVisible(), timeout=10_000)
        shown.append(dialog.error.text())
        assert not visible_texts(dialog), visible_texts(dialog)
        dialog.reject()
    assert shown == ["User staff-user already exists. To enrol again, use reissue-user-code.",
                     "Station UIE3 already exists. To enrol it again, use reissue-code."], shown
