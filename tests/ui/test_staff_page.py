"""人员配备 page: the staffing warning comes and goes, the roster's filter, forms, delete, and
the 本站信息 dialog reached from it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from app.models import ProfileMeta
from app.services.staff import roster as staff
from app.services.staff.roster import StaffInput
from app.services.station import profile as station_profile
from app.services.station.identity import NewStation, create_station
from app.ui.item_models.staff_model import StaffModel
from app.ui.staff.form import StaffForm
from app.ui.staff.page import StaffPage
from app.ui.station.profile_dialog import StationProfileDialog
from app.ui.widgets.prompts import answer_prompts

TODAY = date(2026, 6, 15)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WARNING = "按服务站工作规范，服务站应配备至少 2 名专职人员，目前在岗专职 %d 名。"


pytestmark = pytest.mark.usefixtures("presented")  # tests/ui/conftest.py: no error dialog, no operation left running


@pytest.fixture
def station(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        info = create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        manager = staff.list_staff(session)[0]  # started today (the real date): move to a fixed past
        staff.update(session, manager.id, StaffInput("陈晓明", "13800138000", "manager", True, date(2024, 1, 2),
                                                     trainings="2024-03-01 服务总站服务人员岗前培训"), None)
        staff.create(session, StaffInput("周兼职", full_time=False, start_date=date(2025, 1, 1)))
        staff.create(session, StaffInput("赵离职", start_date=date(2023, 1, 1), end_date=date(2025, 12, 31)))
        return info


def open_page(qtbot, db) -> StaffPage:  # type: ignore[no-untyped-def]
    page = StaffPage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.resize(980, 560)
        page.show()
    return page


def add_through_form(qtbot, page: StaffPage, name: str, start: str) -> None:  # type: ignore[no-untyped-def]
    previous = page.dialog
    page.activateWindow()  # back from the last dialog
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.dialog
    assert isinstance(form, StaffForm) and form is not previous and form.windowTitle() == "新增人员"
    form.name.setText(name)  # keyClicks cannot type Chinese (QTest asserts on non-ASCII keys)
    form.phone.setText("020-3888 1380")
    form.start_date.setText(start)
    form.trainings.setPlainText("2026/3/5 政策解读专题培训")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)


def test_warning_appears_then_disappears_as_two_staff_are_added(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    assert page.warning.isVisible()
    assert WARNING % 1 in page.warning_label.text()
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(SHOTS / "staff_warning.png"))
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["陈晓明", "周兼职"]

    add_through_form(qtbot, page, "王芳", "2026-07-01")  # joins next month: not yet on staff
    assert page.warning.isVisible() and WARNING % 1 in page.warning_label.text()
    add_through_form(qtbot, page, "李文", "2026-06-01")
    assert not page.warning.isVisible() and page.staffing is not None and page.staffing.full_time == 2
    assert page.selected() is not None and page.selected().name == "李文"
    assert page.selected().training_lines == ["2026-03-05 政策解读专题培训"]
    assert page.selected().phone == "020-38881380"

    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    with answer_prompts(True) as asked, qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and asked[0].destructive and "李文" in asked[0].text
    assert page.warning.isVisible() and WARNING % 1 in page.warning_label.text()


def test_filter_left_staff_and_search(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.show_which.setCurrentIndex(page.show_which.findData("left"))
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data() == "赵离职"
    assert page.proxy.index(0, 3).data() == "已离岗" and page.count_label.text() == "共 1 人"
    page.show_which.setCurrentIndex(page.show_which.findData("all"))
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # 到岗日期
    assert [page.proxy.index(r, 0).data() for r in range(3)] == ["赵离职", "陈晓明", "周兼职"]
    page.search.setText("岗前培训")
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["陈晓明"]
    page.search.setText("没有这个人")
    assert page.views.currentWidget() is page.empty_label and "没有符合条件" in page.empty_label.text()


def test_edit_form_shows_errors_beside_the_field(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    form = page.dialog
    assert isinstance(form, StaffForm) and form.name.text() == "陈晓明"
    form.end_date.setText("2023-12-31")  # before the start date
    form.submit()
    qtbot.waitUntil(form.error_label.isVisible, timeout=5000)
    assert "离岗日期：不能早于到岗日期" in form.error_label.text() and form.isVisible()
    form.end_date.setText("31/12/2026")
    form.submit()
    assert "离岗日期：请按" in form.error_label.text()
    with answer_prompts(True) as asked:  # the typed date is thrown away only when the user agrees
        form.reject()
    assert len(asked) == 1 and not form.isVisible()


def test_station_profile_dialog_from_the_staff_page(qtbot, db, station, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.actions_by_name["profile"].trigger()
    dialog = page.dialog
    assert isinstance(dialog, StationProfileDialog)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    assert dialog.name.text() == "天河区中小企业服务站" and "GZ-TH-001" in dialog.identity.text()
    big = tmp_path / "huge.jpg"
    with big.open("wb") as handle:
        handle.truncate(station_profile.MAX_FILE_BYTES + 5)
    assert not dialog.choose_signage(big)
    assert "超过 20 MB" in dialog.error_label.text()
    photo = tmp_path / "signage.png"
    image = QImage(64, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    image.save(str(photo))
    assert dialog.choose_signage(photo) and dialog.signage_preview.isVisible()
    dialog.contact.setText("陈晓明")
    dialog.signage_on.setText("2025-09-01")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    profile = saved.args[0]
    assert profile.contact_person == "陈晓明" and profile.signage_hung_on == date(2025, 9, 1)
    stored = station_profile.stored_path("default", profile.signage_photo)
    assert stored is not None and stored.read_bytes() == photo.read_bytes()
    # queued for HQ: the dialog shows the file's trip (the next sync uploads it)
    assert profile.signage_upload is not None and profile.signage_upload.state == "pending"
    assert dialog._file_text(stored, None, profile.signage_upload) == "signage.png（等待同步上传）"


def test_station_profile_name_is_hqs_once_enrolled(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        s.add_all([ProfileMeta(key="sync_server", value="https://hq.example"),
                   ProfileMeta(key="sync_station_code", value="GZ-TH-001")])
    page = open_page(qtbot, db)
    dialog = page.open_profile()
    qtbot.waitUntil(dialog.note.isVisible, timeout=5000)
    assert "以服务总站登记为准" in dialog.note.text() and "由本站填报" in dialog.note.text()
    assert dialog.name.isReadOnly() and dialog.ok_button.isEnabled() and dialog.signage_button.isVisibleTo(dialog)
    assert not dialog.premises.isReadOnly() and not dialog.signage_on.isReadOnly()
    dialog.premises.setPlainText("独立办公场地 120 平方米")
    dialog.signage_on.setText("2025-09-01")
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        dialog.resize(640, 760)
        dialog.grab().save("/tmp/station_profile_enrolled.png")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    profile = saved.args[0]
    assert profile.premises == "独立办公场地 120 平方米" and profile.signage_hung_on == date(2025, 9, 1)
    assert profile.name == "天河区中小企业服务站"


def test_staff_model_passes_the_model_tester(qtbot, qtmodeltester, db, station) -> None:  # type: ignore[no-untyped-def]
    model = StaffModel(today=lambda: TODAY)
    with db.sessions() as session:
        model.set_rows(staff.list_staff(session))
    qtmodeltester.check(model)
    former = model.row_of(next(r.id for r in model.rows if r.name == "赵离职"))
    assert model.index(former, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    page = open_page(qtbot, db)  # the sorted, filtered view the page shows
    qtmodeltester.check(page.proxy)
