"""政策法规库 page: 匹配企业 → tick two → 记录已宣传 writes their records; read-only once
enrolled (the note still saves); a manager adds a policy; the item models pass Qt's tester."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt, QUrl
from sqlalchemy import select

from app.models import Enterprise, Policy, ProfileMeta, ServiceRecord
from app.models.database import Database
from app.services.policies import library as policies
from app.services.station.identity import NewStation, create_station
from app.ui.item_models.lazy_table_model import PENDING
from app.ui.item_models.policies_model import PoliciesModel, PolicyMatchModel
from app.ui.policies.form import PolicyForm
from app.ui.policies.match_dialog import PolicyMatchDialog
from app.ui.policies.page import PoliciesPage
from app.ui.widgets.prompts import answer_prompts

TODAY = date(2026, 6, 15)


pytestmark = pytest.mark.usefixtures("presented")  # tests/ui/conftest.py: no error dialog, no operation left running


@pytest.fixture
def seeded(db: Database) -> dict[str, uuid.UUID]:
    with db.begin() as s:
        station = create_station(s, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        firms = [
            Enterprise(station_id=station.id, name="广州云帆软件有限公司", industry_section="I", industry_code="6510",
                       size="small", district="天河区"),
            Enterprise(station_id=station.id, name="广州星河信息技术有限公司", industry_section="I", industry_code="6420",
                       size="micro", district="天河区"),
            Enterprise(station_id=station.id, name="广州远航制造有限公司", industry_section="C", industry_code="3311",
                       size="small", district="天河区"),
            Enterprise(station_id=station.id, name="广州已注销软件有限公司", industry_section="I", size="small",
                       district="天河区", status="closed"),
        ]
        software = Policy(station_id=station.id, title="天河区促进软件和信息服务业发展扶持办法", category="digital",
                          issuer="天河区科技工业和信息化局", issued_on=date(2026, 1, 10), expires_on=date(2028, 1, 9),
                          industries="I", sizes="small,micro", districts="天河区", summary="支持软件企业研发投入。")
        old = Policy(station_id=station.id, title="旧版专利资助办法", category="ip", issuer="市知识产权局",
                     issued_on=date(2020, 1, 1), expires_on=date(2023, 12, 31))
        s.add_all([*firms, software, old])
        s.flush()
        return {"software": software.id, "old": old.id, **{f"firm{k}": f.id for k, f in enumerate(firms)}}


def open_page(qtbot, db: Database) -> PoliciesPage:  # type: ignore[no-untyped-def]
    page = PoliciesPage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.resize(1100, 700)
        page.show()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    return page


def test_match_and_relay_to_two_enterprises(qtbot, db, seeded) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    assert page.model.rowCount() == 1  # 现行 by default: the expired one is filtered out
    assert page.selected() is not None and page.selected().id == seeded["software"]
    assert "软件和信息服务业" in page.detail_title.text() and "小型、微型" in page.detail_scope.text()
    assert page.match_button.isEnabled()
    qtbot.mouseClick(page.match_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PolicyMatchDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)  # the closed one and the maker are out
    assert not dialog.relay_button.isEnabled()
    dialog.select_all.setChecked(True)
    assert len(dialog.model.checked) == 2 and dialog.relay_button.isEnabled()
    with answer_prompts(True) as asked:
        qtbot.mouseClick(dialog.relay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)  # the confirm, then the result
    assert "2 家企业" in asked[0].text and "已为2家企业登记" in asked[1].text
    with db.begin() as s:
        rows = s.scalars(select(ServiceRecord).where(ServiceRecord.policy_id == seeded["software"])).all()
        assert {r.enterprise_id for r in rows} == {seeded["firm0"], seeded["firm1"]}
        assert {r.category for r in rows} == {"policy"} and {r.service_date for r in rows} == {TODAY}
    assert dialog.model.checked == set() and not dialog.relay_button.isEnabled()
    qtbot.waitUntil(lambda: [dialog.model.index(r, 5).data() for r in range(2)] == ["是", "是"], timeout=5000)
    assert dialog.count_label.text() == "匹配 2 家"
    dialog.select_all.setChecked(True)
    with answer_prompts(True) as asked:  # again: nothing new, both skipped
        qtbot.mouseClick(dialog.relay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
    assert "已为0家企业登记" in asked[1].text and "2家此前已宣传过" in asked[1].text
    with db.begin() as s:
        assert len(s.scalars(select(ServiceRecord.id)).all()) == 2
    dialog.close()


def test_validity_filter_and_sorting(qtbot, db, seeded) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.validity.setCurrentIndex(page.validity.findData(""))
    assert page.model.rowCount() == 2
    page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(0, 0).data() == "旧版专利资助办法"
    assert page.proxy.index(0, 5).data() == "已失效"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.validity.setCurrentIndex(page.validity.findData("expired"))
    assert page.model.rowCount() == 1 and not page.match_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.setText("没有这样的政策")
    assert page.empty_label.isVisibleTo(page) and "没有符合筛选条件" in page.empty_label.text()


def test_manager_adds_a_policy_with_ctrl_n(qtbot, db, seeded) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    assert page.new_button.isEnabled() and page.notice.text() == ""
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.dialog
    assert isinstance(form, PolicyForm)
    form.title_edit.setText("职业技能提升补贴申领办法")
    form.category.setCurrentIndex(form.category.findData("hr_talent"))
    form.issued_on.setText("2026-03-01")
    form.expires_on.setText("2026-02-01")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error_label.isVisibleTo(form), timeout=5000)
    assert "失效日期" in form.error_label.text()
    form.expires_on.clear()
    form.size_boxes["micro"].setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2 and page.selected().title == "职业技能提升补贴申领办法"
    assert page.selected().sizes == "micro"
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    page.table.setFocus()
    with answer_prompts(False) as asked:
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked[0].destructive and "职业技能提升补贴申领办法" in asked[0].text
    with answer_prompts(True), qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 1
    with db.begin() as s:
        assert s.scalars(select(Policy.deleted).where(Policy.title == "职业技能提升补贴申领办法")).one() is True


def test_enrolled_station_only_keeps_notes(qtbot, db, seeded) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        s.add_all([ProfileMeta(key="sync_server", value="https://hq.example"), ProfileMeta(key="sync_station_code", value="GZ-TH-001")])
    page = open_page(qtbot, db)
    assert not page.new_button.isEnabled() and not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert "服务总站" in page.notice.text()
    page.note.setPlainText("已在六月宣讲会上介绍")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.note_button, Qt.MouseButton.LeftButton)
    assert page.note_status.text() == "备注已保存"
    with db.begin() as s:
        assert policies.get(s, seeded["software"]).local_note == "已在六月宣讲会上介绍"


def test_policies_model_passes_the_model_tester(qtmodeltester, db, seeded) -> None:  # type: ignore[no-untyped-def]
    model = PoliciesModel()
    with db.begin() as s:
        model.set_rows(policies.list_policies(s, policies.PolicyFilter(today=TODAY)))
    qtmodeltester.check(model)
    assert model.index(0, 5).data() == "现行" and model.index(1, 5).data() == "已失效"


def test_match_model_passes_the_model_tester(qtbot, qtmodeltester, db, seeded) -> None:  # type: ignore[no-untyped-def]
    from app.services.policies import matching as policy_matching

    def load(_key: str | None, _descending: bool) -> list[uuid.UUID]:
        with db.sessions() as s:
            return policy_matching.match(s, seeded["software"], TODAY).ids

    model = PolicyMatchModel(db, seeded["software"], load, page_size=1)
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.reload()
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() != PENDING for r in range(2)), timeout=5000)
    qtmodeltester.check(model)
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.checked_ids() == [model.id_at(1)]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable


def test_a_picked_attachment_is_copied_in_and_opened_from_the_profile(qtbot, db, seeded, presented, tmp_path,
                                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.policies import page as policies_page

    opened: list[str] = []
    monkeypatch.setattr(policies_page.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    source = tmp_path / "扶持办法.pdf"
    source.write_bytes(b"%PDF-1.4")
    page = open_page(qtbot, db)
    page.edit_selected()
    form = page.dialog
    assert isinstance(form, PolicyForm)
    form.attachment.setText(str(tmp_path / "不存在.pdf"))  # what 选择文件… fills in
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error_label.isVisibleTo(form), timeout=5000)
    assert form.error_label.text().startswith("附件：") and form.attachment.hasFocus()
    form.attachment.setText(str(source))
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    stored = page.selected().attachment
    assert stored.startswith("policy_files/扶持办法-") and page.attachment_label.text() == stored.split("/")[1]
    copy = db.path.parent / stored
    assert copy.read_bytes() == b"%PDF-1.4"
    page.open_attachment()
    assert opened == [QUrl.fromLocalFile(str(copy)).toString()]
    copy.unlink()
    page.open_attachment()
    assert len(opened) == 1 and len(presented) == 1 and "不在本机" in presented[0][1]
    presented.clear()
