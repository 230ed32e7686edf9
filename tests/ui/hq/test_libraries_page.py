"""资源库 in HQ mode (qtbot): the real HQ service on a fresh PostgreSQL database, the page
over HqDeskClient.  Staff publish a policy, admit / suspend / exit an institution with its
服务清单, retire a pick-list item, page through the enterprise library and decide a
request; a refused field is shown in the form and focused; the bureau only reads."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton

from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.hq.libraries import tab_base
from app.ui.widgets.prompts import answer_prompts
from tests.hq.conftest import app_client, enrol, hq_engine, hq_url  # noqa: F401 - fixtures
from tests.hq.factories import enterprise, hlc
from tests.hqdesk.conftest import desk, hq_app, hq_users, new_user  # noqa: F401 - fixtures
from tests.hqdesk.libraries_helpers import push
from tests.ui.hq.conftest import hq_window  # noqa: F401 - fixture

# With STATION_DESK_SCREENSHOTS=folder the flows save what they show there (docs/screenshots/ was made
# that way); without it, into the test's own temporary folder: a test run never changes the repository.
SHOTS = Path(os.environ.get("STATION_DESK_SCREENSHOTS") or tempfile.mkdtemp(prefix="sd-shots-"))


@pytest.fixture(autouse=True)
def presented(qapp: Any) -> Any:
    """A CJK font for the screenshots; no error dialog may pop up; no operation left running."""
    from app.ui import operations
    from app.ui.fonts import install_cjk_font
    from app.ui.widgets import error_dialog

    install_cjk_font(qapp)
    calls: list[object] = []
    previous = error_dialog.set_presenter(lambda *args: calls.append(args))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


@pytest.fixture
def page_for(hq_window: Any) -> Any:  # noqa: F811
    def make(role: str) -> Any:
        window = hq_window(role)
        window.nav.setCurrentRow([p.key for p in window.pages].index("libraries"))
        return window, window.page("libraries")

    return make


def fill(dialog: Any, **values: str) -> None:
    for name, value in values.items():
        widget = dialog.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setCurrentIndex(widget.findData(value))


def test_staff_publish_a_policy_and_a_refused_field_is_shown_and_focused(qtbot: Any, page_for: Any, enrol: Any,  # noqa: F811
                                                                         desk: dict[str, HqDeskClient]) -> None:  # noqa: F811
    enrol("UI-POL-TH")  # a station in 天河区: the policy's one target
    window, page = page_for("staff")
    page.tabs.setCurrentWidget(page.policies)
    tab = page.policies
    qtbot.waitUntil(lambda: tab.category_filter.count() > 1, timeout=5000)
    dialog = tab.add()
    fill(dialog, title="", category="finance_tax", districts="天河区,深圳", summary="减免")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "适用区域" in dialog.error.text() and "深圳" in dialog.error.text()
    assert dialog.widgets["districts"].hasFocus() and dialog.isVisible()
    fill(dialog, districts="天河, 黄埔")
    dialog.submit()
    qtbot.waitUntil(lambda: "政策标题" in dialog.error.text(), timeout=5000)
    assert dialog.widgets["title"].hasFocus()
    fill(dialog, title="小微企业“六税两费”减免政策", issued_on="2026-11-01", sizes="小型,微型")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible() and tab.model.rowCount() == 1, timeout=5000)
    row = tab.model.row_at(0)
    assert (row.districts, row.sizes, row.category_label) == ("天河区,黄埔区", "small,micro", "财税服务")
    assert tab.table.shown_texts(0) == ["小微企业“六税两费”减免政策"]
    tab.table.select(row.id)
    qtbot.waitUntil(lambda: tab.station_model.rowCount() == 1, timeout=5000)
    assert tab.stations.shown_texts(2) == ["否"] and row.coverage.target_stations == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "hq_libraries_policies.png"))


def test_an_institution_is_admitted_suspended_and_exited_with_its_catalogue(
        qtbot: Any, page_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = page_for("staff")
    tab = page.institutions
    qtbot.waitUntil(lambda: tab.loaded and "共" in tab.status.text(), timeout=5000)
    dialog = tab.add()
    fill(dialog, name="广州越秀法律服务所", category="legal", contact_name="何律师", entered_on="2026-02-01")
    dialog.submit()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.table.select(tab.model.row_at(0).id)
    entry = tab.add_entry()
    fill(entry, title="合同审查", stage="growth", category="legal", description="每月两次免费审查")
    entry.submit()
    qtbot.waitUntil(lambda: tab.entries.topLevelItemCount() == 3 and tab.entries.topLevelItem(1).childCount() == 1,
                    timeout=5000)
    assert tab.entries.topLevelItem(1).child(0).text(0) == "合同审查"
    with answer_prompts(True):
        tab.suspend()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row_at(0).status == "suspended", timeout=5000)
    tab.table.select(tab.model.row_at(0).id)
    monkeypatch.setattr(tab_base, "ask_text", lambda *a: ("  ", True))
    tab.exit()
    qtbot.waitUntil(lambda: "退出原因" in tab.status.text(), timeout=5000)
    monkeypatch.setattr(tab_base, "ask_text", lambda *a: ("办公场地迁出本区", True))
    tab.exit()
    qtbot.waitUntil(lambda: tab.model.row_at(0) is not None and tab.model.row_at(0).status == "exited", timeout=5000)
    assert tab.model.row_at(0).exit_reason == "办公场地迁出本区"
    assert tab.table.shown_texts(2) == ["已退出"]
    tab.table.select(tab.model.row_at(0).id)
    qtbot.waitUntil(lambda: tab.entries.topLevelItemCount() == 3, timeout=5000)
    window.grab().save(str(SHOTS / "hq_libraries_institutions.png"))


def test_pick_lists_publish_and_retire(qtbot: Any, page_for: Any) -> None:
    _window, page = page_for("staff")
    page.tabs.setCurrentWidget(page.pick_lists)
    tab = page.pick_lists
    tab.list_box.setCurrentIndex(1)  # 活动主题
    qtbot.waitUntil(lambda: "未发布" in tab.status.text(), timeout=5000)
    dialog = tab.add()
    fill(dialog, code="digital", label="数字化主题月", label_en="Digital month")
    dialog.submit()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.table.select(tab.model.row_at(0).id)
    tab.toggle()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.row_at(0).active, timeout=5000)


def test_the_enterprise_library_pages_and_a_request_is_decided(qtbot: Any, page_for: Any, hq_engine: Any,  # noqa: F811
                                                               enrol: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    a, b = enrol("UI-ENT-A"), enrol("UI-ENT-B")
    push(hq_engine, a.station_id, [enterprise(a.station_id, hlc(i), name=f"界面企业{i:03d}") for i in range(130)])
    firm = enterprise(a.station_id, hlc(500), name="界面待删企业")
    push(hq_engine, a.station_id, [firm])
    push(hq_engine, b.station_id, [{**firm, "deleted": True, "field_hlc": {"deleted": hlc(600)}}], at=600)
    window, page = page_for("staff")
    page.tabs.setCurrentWidget(page.enterprises)
    tab = page.enterprises
    tab.search.setText("界面企业")
    tab.refresh()
    qtbot.waitUntil(lambda: "共 130 家" in tab.status.text(), timeout=5000)  # the unfiltered first read never shows
    assert tab.model.rowCount() == 100 and tab.next_button.isEnabled()
    assert "共 130 家企业，第 1–100 家" in tab.status.text()
    tab.next_page()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 30, timeout=5000)
    assert tab.table.shown_texts(0)[0] == "界面企业100" and not tab.next_button.isEnabled()
    tab.previous_page()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 100, timeout=5000)
    window.grab().save(str(SHOTS / "hq_libraries_enterprises.png"))
    page.tabs.setCurrentWidget(page.review)
    review = page.review
    qtbot.waitUntil(lambda: review.requests_model.rowCount() >= 1, timeout=5000)
    request = next(r for r in review.requests_model.rows if r.enterprise_name == "界面待删企业")
    review.requests.select(request.id)
    window.grab().save(str(SHOTS / "hq_libraries_review.png"))
    monkeypatch.setattr(tab_base, "ask_text", lambda *a: ("核实已注销", True))
    review.decide(True)
    qtbot.waitUntil(lambda: "已删除企业" in review.status.text(), timeout=5000)
    assert all(r.enterprise_name != "界面待删企业" for r in review.requests_model.rows)


def test_the_bureau_reads_the_libraries_without_write_buttons(qtbot: Any, page_for: Any,
                                                               desk: dict[str, HqDeskClient]) -> None:  # noqa: F811
    lib.save_expert(desk["staff"], None, {"name": "只读测试专家", "organisation": "广东工业大学"})
    _window, page = page_for("bureau")
    page.tabs.setCurrentWidget(page.experts)
    tab = page.experts
    qtbot.waitUntil(lambda: "只读测试专家" in tab.table.shown_texts(0), timeout=5000)
    assert not tab.can_write and tab.status.text() == "共 1 位专家。只读：只有服务总站工作人员（staff）可以修改资源库。"
    visible = [b.text() for b in tab.findChildren(type(page.institutions.admit_button)) if b.isVisibleTo(tab)]
    assert visible == []
    assert tab.edit() is None


@pytest.mark.parametrize("role", ["staff", "bureau", "admin"])
def test_an_empty_library_names_only_buttons_its_reader_has(qtbot: Any, page_for: Any, role: str) -> None:
    """An empty list tells its reader what to do: staff, which button to press; a role without the
    write buttons is never told to press one (the admin saw “新增机构（入驻）” with no such button)."""
    _window, page = page_for(role)
    told = {}
    for tab in (page.institutions, page.experts, page.policies, page.pick_lists):
        page.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda t=tab: t.status.text().startswith(("共", "未发布")), timeout=5000)  # loaded
        buttons = {b.text() for b in tab.findChildren(QPushButton) if b.isVisibleTo(tab)}
        named = set(re.findall(r"“(.+?)”", tab.table.empty_text))
        assert named or role != "staff", tab.table.empty_text  # staff are told which button
        if named - buttons:
            told[type(tab).__name__] = sorted(named - buttons)
    assert not told, told


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_enterprise_library_fits_1024_by_600_without_scrolling_sideways(
        qtbot: Any, page_for: Any, hq_engine: Any, enrol: Any, request: Any, language: str) -> None:  # noqa: F811
    """Its districts and statuses are never cut; at 1024×600 服务过的站 and 登记服务站 step aside if
    need be (in English they do), at 1366×768 every column is there (issue 13: screens the desk never fights, in English too)."""
    from PySide6.QtWidgets import QTableView

    if language == "en":
        request.getfixturevalue("english")
    a = enrol(f"UI-FIT-{language[:2].upper()}")
    push(hq_engine, a.station_id, [enterprise(a.station_id, hlc(i), name=f"宽度企业{i:02d}") for i in range(5)])
    window, page = page_for("staff")
    page.tabs.setCurrentWidget(page.enterprises)
    tab = page.enterprises
    tab.search.setText("宽度企业")
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 5, timeout=5000)
    table: QTableView = tab.table.table
    for size, hidden in (((1024, 600), {6, 7}), ((1366, 768), set())):
        window.resize(*size)
        qtbot.wait(50)
        header = table.horizontalHeader()
        assert {c for c in range(header.count()) if table.isColumnHidden(c)} <= hidden, size
        assert not table.horizontalScrollBar().isVisible(), size
        for column in (2, 5):  # a district or a status is never elided
            for row in range(table.model().rowCount()):
                text = table.model().index(row, column).data()
                assert table.fontMetrics().horizontalAdvance(text) <= table.columnWidth(column), (size, text)
