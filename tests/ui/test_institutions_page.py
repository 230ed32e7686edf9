"""机构与专家 page: local upkeep before enrolment, read-only "由总站统一维护" after it, usage
columns, the forms' errors, and Qt's model tester on each item model."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.models import Enterprise, ProfileMeta, ServiceRecord
from app.services.institutions import experts
from app.services.institutions import resident as institutions
from app.services.institutions.experts import ExpertInput
from app.services.institutions.resident import CatalogueInput, InstitutionInput
from app.services.station.identity import NewStation, create_station
from app.ui.institutions.expert_form import ExpertForm
from app.ui.institutions.institution_form import CatalogueForm, InstitutionForm
from app.ui.institutions.page import InstitutionsPage, read_all
from app.ui.item_models.experts_model import ExpertsModel
from app.ui.item_models.institutions_model import CatalogueModel, InstitutionsModel
from app.ui.widgets.prompts import answer_prompts

pytestmark = pytest.mark.usefixtures("presented")  # tests/ui/conftest.py: no error dialog, no operation left running


@pytest.fixture
def seeded(db):  # type: ignore[no-untyped-def]
    """One institution with a catalogue line and three records (two enterprises, rated 5 and 3), one expert."""
    with db.begin() as s:
        station = create_station(s, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        firm = institutions.create_institution(s, InstitutionInput("广州知识产权代理有限公司", "ip", "周敏", "020-38881380",
                                                                   date(2025, 3, 1)))
        institutions.add_entry(s, CatalogueInput(firm.id, "商标注册代理", "startup", "ip", "low_fee"))
        experts.create(s, ExpertInput("陈律师", ("legal",), "广东某律师事务所", "律师"))
        a, b = Enterprise(station_id=station.id, name="甲公司"), Enterprise(station_id=station.id, name="乙公司")
        s.add_all([a, b])
        s.flush()
        day = date(2026, 5, 1)
        s.add_all([ServiceRecord(enterprise_id=e, service_date=day, category="ip", institution_id=firm.id, satisfaction=sat)
                   for e, sat in ((a.id, 5), (a.id, None), (b.id, 3))])
    return db


def open_page(qtbot, db) -> InstitutionsPage:  # type: ignore[no-untyped-def]
    page = InstitutionsPage(db)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.resize(1100, 700)
        page.show()
    return page


def reloaded(qtbot, page: InstitutionsPage):  # type: ignore[no-untyped-def]
    return qtbot.waitSignal(page.loaded, timeout=10_000)


def test_usage_columns_and_catalogue_of_the_selected_institution(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, seeded)
    assert not page.note.isVisible() and page.actions_by_name["new_institution"].isVisible()
    model = page.institutions.proxy
    assert [model.index(0, c).data() for c in (0, 1, 2, 7, 8, 9, 11)] == ["广州知识产权代理有限公司", "知识产权", "在驻",
                                                                         "3", "2", "0", "4.0"]
    assert "评价 2 条" in model.index(0, 11).data(Qt.ItemDataRole.ToolTipRole)
    assert page.institutions.selected() is not None  # the first is selected: its 服务清单 shows at once
    assert page.catalogue.shown_texts(2) == ["商标注册代理"] and "广州知识产权代理有限公司" in page.catalogue_heading.text()
    assert page.experts.shown_texts(3) == ["法律服务"]


def test_add_institution_entry_and_expert_through_the_forms(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, seeded)
    page.institutions.table.setFocus()
    qtbot.keyClick(page.institutions.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.dialog
    assert isinstance(form, InstitutionForm)
    form.name.setText("广州财税服务有限公司")
    form.category.setCurrentIndex(form.category.findData("finance_tax"))
    form.status.setCurrentIndex(form.status.findData("exited"))
    form.exited_on.setText("2026-05-31")
    form.submit()
    qtbot.waitUntil(form.error_label.isVisible, timeout=5000)
    assert "退出原因" in form.error_label.text() and form.isVisible()
    form.status.setCurrentIndex(form.status.findData("active"))
    with reloaded(qtbot, page):
        form.submit()
    names = page.institutions.shown_texts()
    assert "广州财税服务有限公司" in names
    page.institutions.select(page.institutions.model.rows[names.index("广州财税服务有限公司")].id)

    page.actions_by_name["new_entry"].trigger()
    entry_form = page.dialog
    assert isinstance(entry_form, CatalogueForm) and entry_form.category.currentData() == "finance_tax"
    entry_form.title.setText("代理记账")
    entry_form.stage.setCurrentIndex(entry_form.stage.findData("startup"))
    with reloaded(qtbot, page):
        entry_form.submit()
    assert page.catalogue.shown_texts(2) == ["代理记账"]

    page.tabs.setCurrentIndex(1)
    page.new_in_current_tab()
    expert_form = page.dialog
    assert isinstance(expert_form, ExpertForm)
    expert_form.name.setText("王会计")
    expert_form.submit()
    qtbot.waitUntil(expert_form.error_label.isVisible, timeout=5000)
    assert "擅长领域" in expert_form.error_label.text()
    expert_form.set_fields({"finance_tax", "financing"})
    with reloaded(qtbot, page):
        expert_form.submit()
    assert sorted(page.experts.shown_texts(3)) == ["法律服务", "财税服务、投融资"]
    page.institutions.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # 服务记录, as numbers
    assert page.institutions.shown_texts(7) == ["3", "0"]

    page.experts.select(next(u.id for u in page.experts.model.rows if u.row.name == "陈律师"))
    page.experts.table.setFocus()
    with answer_prompts(True) as asked, reloaded(qtbot, page):
        page.delete_expert()
    assert "陈律师" in asked[0].text and page.experts.shown_texts() == ["王会计"]


def test_enrolled_station_shows_hq_maintained_read_only(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    with seeded.begin() as s:
        s.add_all([ProfileMeta(key="sync_server", value="https://hq.example"),
                   ProfileMeta(key="sync_station_code", value="GZ-TH-001")])
    page = open_page(qtbot, seeded)
    assert page.note.isVisible() and "由服务总站统一维护" in page.note.text()
    assert not any(action.isVisible() for action in page.actions_by_name.values())
    page.institutions.table.selectRow(0)
    page.edit_institution()
    page.new_expert()
    page.institutions.table.setFocus()
    with answer_prompts(True) as asked:
        qtbot.keyClick(page.institutions.table, Qt.Key.Key_Delete)
    assert page.dialog is None and asked == []  # nothing opened, nothing asked
    assert page.institutions.shown_texts() == ["广州知识产权代理有限公司"]


def test_status_filter_and_search(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, seeded)
    page.status.setCurrentIndex(page.status.findData("exited"))
    assert page.institutions.shown_texts() == [] and "没有符合条件" in page.institutions.empty_label.text()
    page.status.setCurrentIndex(0)
    page.institution_search.setText("周敏")
    assert page.institutions.shown_texts() == ["广州知识产权代理有限公司"]


def test_empty_lists_say_how_to_fill_them(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        create_station(s, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
    page = open_page(qtbot, db)
    assert page.institutions.currentWidget() is page.institutions.empty_label
    assert "新增机构" in page.institutions.empty_label.text()
    assert "请在上方选择一家机构" in page.catalogue.empty_label.text()
    assert "新增专家" in page.experts.empty_label.text()


def test_item_models_pass_the_model_tester(qtmodeltester, seeded) -> None:  # type: ignore[no-untyped-def]
    data = read_all(seeded, None)
    for model, rows in ((InstitutionsModel(), data.institutions), (CatalogueModel(), data.catalogue),
                        (ExpertsModel(), data.experts)):
        model.set_rows(rows)
        assert model.rowCount() == 1
        qtmodeltester.check(model)
