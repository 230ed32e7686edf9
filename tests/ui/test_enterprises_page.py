"""企业 page: the model, search as you type, filters, delete + 撤销, detail history, data quality."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.credit_code import make_code
from app.domain.periods import china_today
from app.models import Demand, Enterprise, ServiceRecord
from app.models.database import Database
from app.services.actor import Actor
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.names import name_initials
from app.services.enterprises.validation import EnterpriseInput
from app.services.records import entry as record_entry
from app.services.records.validation import RecordInput
from app.services.references import staff_choices
from app.services.station.identity import NewStation, StationInfo, create_station
from app.settings import Settings
from app.ui import operations
from app.ui.demands.page import DemandsPage
from app.ui.enterprises.detail import EnterpriseDetailDialog
from app.ui.enterprises.form import EnterpriseForm
from app.ui.enterprises.page import EnterprisesPage
from app.ui.enterprises.quality_dialog import QualityDialog
from app.ui.item_models.enterprises_model import EnterprisesModel
from app.ui.item_models.lazy_table_model import PENDING
from app.ui.records.page import RecordsPage
from app.ui.shell.main_window import MainWindow
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts

CODE = make_code("91440101MA5C00001")


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[object]]:  # type: ignore[no-untyped-def]
    calls: list[object] = []
    previous = error_dialog.set_presenter(lambda *args: calls.append(args))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(5000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


@pytest.fixture
def station(db: Database) -> StationInfo:
    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))


@pytest.fixture
def firms(db: Database, station: StationInfo) -> dict[str, uuid.UUID]:
    rows = [
        EnterpriseInput(name="广州云帆科技有限公司", district="天河区", industry_code="65", credit_code=CODE,
                        employees=5, revenue=30, contact_phone="020-38881234"),
        EnterpriseInput(name="广州市珠江食品有限公司", district="海珠区", industry_section="C", employees=500,
                        revenue=50000),
        EnterpriseInput(name="广州白云精密机械有限公司", district="白云区", industry_section="C", status="closed"),
    ]
    with db.begin() as session:
        return {r.name: enterprise_service.create(session, r).id for r in rows}


def open_page(qtbot, db: Database) -> EnterprisesPage:  # type: ignore[no-untyped-def]
    page = EnterprisesPage(db)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.index_ready, timeout=10_000):
        page.resize(1100, 700)
        page.show()
    qtbot.waitExposed(page)
    assert operations.wait_for_all(5000)
    return page


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese arrives as an input method delivers it (QTest cannot press 云)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def names(page: EnterprisesPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def wait_names(qtbot, page: EnterprisesPage, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: sorted(names(page)) == sorted(expected), timeout=5000)


def test_enterprises_model_passes_the_model_tester(qtbot, qtmodeltester, db, firms) -> None:  # type: ignore[no-untyped-def]
    model = EnterprisesModel(db, page_size=2)
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.reload()
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() != PENDING for r in range(3)))
    qtmodeltester.check(model)
    row = {model.index(r, 0).data(): r for r in range(3)}["广州云帆科技有限公司"]
    assert [model.index(row, c).data() for c in (1, 2, 4, 6)] == [CODE, "天河区", "微型", "020-38881234"]
    assert model.index(row, 3).data() == "软件和信息技术服务业"


def test_nothing_is_read_until_the_page_is_shown(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = EnterprisesPage(db)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and not operations._running
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count_label.text() == "共 3 家企业"
    assert QApplication.focusWidget() in (page.search, None)


def test_search_as_you_type_by_chinese_pinyin_initials_code_and_phone(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    type_text(page.search, "珠江")
    wait_names(qtbot, page, ["广州市珠江食品有限公司"])
    page.search.clear()
    qtbot.keyClicks(page.search, "byjm")  # 白云精密
    wait_names(qtbot, page, ["广州白云精密机械有限公司"])
    page.search.clear()
    qtbot.keyClicks(page.search, CODE[:10])
    wait_names(qtbot, page, ["广州云帆科技有限公司"])
    page.search.clear()
    qtbot.keyClicks(page.search, "3888")
    wait_names(qtbot, page, ["广州云帆科技有限公司"])
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzz")
    qtbot.waitUntil(page.empty_label.isVisible)
    assert "没有符合条件" in page.empty_label.text() and not page.table.isVisible()


def test_filter_combos_and_the_warning_box(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.district.setCurrentIndex(page.district.findData("海珠区"))
    wait_names(qtbot, page, ["广州市珠江食品有限公司"])
    page.district.setCurrentIndex(0)
    page.section.setCurrentIndex(page.section.findData("C"))
    wait_names(qtbot, page, ["广州市珠江食品有限公司", "广州白云精密机械有限公司"])
    page.status.setCurrentIndex(page.status.findData("closed"))
    wait_names(qtbot, page, ["广州白云精密机械有限公司"])
    page.status.setCurrentIndex(0)
    page.section.setCurrentIndex(0)
    page.size.setCurrentIndex(page.size.findData("micro"))
    wait_names(qtbot, page, ["广州云帆科技有限公司"])
    page.size.setCurrentIndex(0)
    page.warning_only.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and page.empty_label.isVisible())


def test_an_empty_registry_says_how_to_add_or_import(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    qtbot.waitUntil(page.empty_label.isVisible)
    assert "新建" in page.empty_label.text() and "导入" in page.empty_label.text()


def test_delete_then_undo(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    type_text(page.search, "云帆")
    wait_names(qtbot, page, ["广州云帆科技有限公司"])
    page.table.setFocus()
    page.table.selectRow(0)
    with answer_prompts(True) as asked, qtbot.waitSignal(page.list_changed, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked[0].destructive and "广州云帆科技有限公司" in asked[0].text
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.info_bar.isVisible() and page.undo_button.isVisible()
    with qtbot.waitSignal(page.list_changed, timeout=5000):
        page.undo_button.click()
    wait_names(qtbot, page, ["广州云帆科技有限公司"])
    with db.sessions() as session:
        assert session.get(Enterprise, firms["广州云帆科技有限公司"]).deleted is False


def test_enter_opens_the_form_and_ctrl_n_a_new_one(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.selected_row() is not None)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = page.dialog
    assert isinstance(form, EnterpriseForm)
    qtbot.waitSignal(form.loaded, timeout=5000, raising=False).wait()
    qtbot.waitUntil(lambda: form.editing is not None)
    assert form.name.text() == page.selected_row().name
    form.reject()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, EnterpriseForm) and page.dialog.editing is None
    page.dialog.reject()


def test_detail_shows_the_whole_history_newest_first(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    firm = firms["广州云帆科技有限公司"]
    with db.begin() as session:
        staff = staff_choices(session)[0].id
        for day, summary in ((3, "研发费用加计扣除"), (5, "高新技术企业认定")):
            record_entry.create(session, RecordInput(firm, date(2026, 6, day), "policy", contact_minutes=30,
                                                        summary=summary), Actor("陈晓明", staff),
                                   today=date(2026, 6, 15), lock_days=10)
    page = open_page(qtbot, db)
    dialog = page.show_detail(firm)
    assert isinstance(dialog, EnterpriseDetailDialog)
    qtbot.waitSignal(dialog.loaded, timeout=5000, raising=False).wait()
    qtbot.waitUntil(lambda: dialog.timeline.topLevelItemCount() == 2)
    texts = dialog.entry_texts()
    assert texts[0].startswith("2026-06-05") and "高新技术企业认定" in texts[0]
    assert "研发费用加计扣除" in texts[1]
    assert dialog.heading.text() == "广州云帆科技有限公司" and "服务记录 2 条" in dialog.counts.text()
    dialog.reject()


def test_quality_dialog_lists_issues_by_kind_and_opens_them(qtbot, db, firms) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    dialog = page.show_quality()
    assert isinstance(dialog, QualityDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=5000)
    counts = dialog.group_counts()
    assert counts["缺少统一社会信用代码（2）"] == 2
    assert any(k.startswith("缺少划型数据") for k in counts)
    group = dialog.tree.topLevelItem(0)
    dialog.tree.itemActivated.emit(group.child(0), 0)
    assert isinstance(page.dialog, EnterpriseForm)
    qtbot.waitUntil(lambda: page.dialog.editing is not None)
    assert page.dialog.editing.credit_code is None
    page.dialog.reject()
    dialog.reject()


def test_quality_rows_open_the_record_or_the_demand_itself(qtbot, db, station, firms) -> None:  # type: ignore[no-untyped-def]
    firm, today = firms["广州云帆科技有限公司"], china_today()  # the dialog counts "overdue" from today
    with db.begin() as s:
        record = ServiceRecord(station_id=station.id, enterprise_id=firm, service_date=today, category="policy",
                               prep_minutes=0, contact_minutes=0)
        common = dict(station_id=station.id, enterprise_id=firm, category="financing", received_on=today - timedelta(days=40))
        late = Demand(**common, title="贷款对接", status="handling", due_on=today - timedelta(days=3))
        s.add_all([record, late, Demand(**common, title="早已办结", status="closed", due_on=today - timedelta(days=20)),
                   Demand(**common, title="尚未到期", status="accepted", due_on=today + timedelta(days=9))])
        s.flush()
        record_id, late_id = record.id, late.id
    window = MainWindow(db, "default", station, Settings(), remember=False)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    window.show_page("enterprises")
    page, records, pool = window.pages["enterprises"], window.pages["service_records"], window.pages["demands"]
    assert isinstance(page, EnterprisesPage) and isinstance(records, RecordsPage) and isinstance(pool, DemandsPage)
    dialog = page.show_quality()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=5000)
    assert not dialog.isModal()  # the pages its rows lead to stay usable
    rows = {}
    for g in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(g)
        for c in range(group.childCount()):
            rows[group.child(c).data(0, Qt.ItemDataRole.UserRole).kind] = group.child(c)

    dialog.tree.itemActivated.emit(rows["zero_minutes"], 0)
    assert window.current_page_key() == "service_records"
    qtbot.waitUntil(lambda: records.form.editing is not None, timeout=5000)
    assert records.form.editing.id == record_id  # type: ignore[union-attr]
    assert "广州云帆科技有限公司" in records.form.heading.text()

    dialog.tree.itemActivated.emit(rows["overdue_demand"], 0)
    assert window.current_page_key() == "demands"
    qtbot.waitUntil(lambda: "贷款对接" in pool.log_heading.text(), timeout=10_000)  # its log is shown
    assert pool.selected() is not None and pool.selected().id == late_id  # type: ignore[union-attr]
    assert pool.count_label.text() == "共 3 项" and pool.status.currentData() == ()  # every demand, that one selected
    dialog.tree.itemActivated.emit(rows["missing_code"], 0)  # an enterprise still opens in its form
    assert isinstance(page.dialog, EnterpriseForm)
    page.dialog.reject()
    dialog.close()


def test_5000_enterprises_fetch_only_the_visible_rows(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        session.add_all(
            Enterprise(station_id=station.id, name=f"广州测试{i:05d}科技有限公司",
                       name_initials=name_initials(f"广州测试{i:05d}科技有限公司"), district="天河区")
            for i in range(5000)
        )
    page = open_page(qtbot, db)
    assert page.model.rowCount() == 5000 and page.count_label.text() == "共 5,000 家企业"
    qtbot.waitUntil(lambda: page.model.index(0, 0).data() != PENDING)
    assert page.model.fetched_rows <= 2 * page.model.page_size
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.index(4999, 0).data() != PENDING)
    assert page.model.fetched_rows <= 4 * page.model.page_size
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.index(0, 0).data() == "广州测试04999科技有限公司", timeout=5000)
    with db.sessions() as session:
        assert session.scalar(select(Enterprise.name).where(Enterprise.deleted.is_(False)).limit(1))
