"""The HQ-mode window: HQ's pages for the signed-in role, built when first shown, and the audit page."""

from __future__ import annotations

from typing import Any

from app.ui.hq.pages import HQ_PAGES


def test_the_window_lists_the_roles_pages_and_builds_them_lazily(qtbot: Any, hq_window: Any) -> None:
    window = hq_window("bureau")
    keys = [p.key for p in window.pages]
    assert keys == [p.key for p in HQ_PAGES if "bureau" in p.roles]
    assert set(window.built) == {keys[0]}  # only the page shown
    assert "市工业和信息化局" in window.windowTitle()


def test_the_audit_page_lists_actions_newest_first(qtbot: Any, hq_window: Any, desk: Any) -> None:
    desk["admin"].post_json("/stations", {"code": "UIA1", "name": "界面站", "district": "越秀区"})
    window = hq_window("admin")
    page = window.page("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    first = page.model.row_at(0)
    assert first.action == "station.add" and first.target == "UIA1" and first.actor == "admin-user"
    page.action_filter.setText("user.")
    page.refresh()
    qtbot.waitUntil(lambda: all(e.action.startswith("user.") for e in page.model.rows) and page.model.rowCount() > 0,
                    timeout=5000)
