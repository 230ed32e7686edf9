"""活动 page: an event created with the keyboard appears in the list and on the calendar,
attendees are registered and checked in by typing, the form refuses bad input naming
the field, delete is confirmed and undone, materials attach; the model passes Qt's tester."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from app.domain.catalogue import EVENT_TYPES
from app.domain.periods import CHINA_TIME
from app.models import Enterprise, Event, EventAttendance, Policy
from app.models.database import Database
from app.services.events import attendance as event_attendance
from app.services.events import edits as events
from app.services.events import listing as event_listing
from app.services.events.edits import EventInput
from app.services.station.identity import NewStation, create_station
from app.ui.events.attendance_dialog import EventAttendanceDialog
from app.ui.events.form import EventForm
from app.ui.events.page import EVENT_DAY, EventsPage
from app.ui.fonts import install_cjk_font
from app.ui.item_models.events_model import EventsModel
from app.ui.widgets.prompts import answer_prompts

NOW = datetime(2026, 7, 6, 10, 0, tzinfo=CHINA_TIME)
CODE = "91440106MA5CXYZ12K"
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


pytestmark = pytest.mark.usefixtures("presented")  # tests/ui/conftest.py: no error dialog, no operation left running


@pytest.fixture
def station(db: Database) -> None:
    with db.begin() as session:
        info = create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        session.add_all([
            Enterprise(station_id=info.id, name="广州云帆科技有限公司", credit_code=CODE, district="天河区"),
            Enterprise(station_id=info.id, name="广州珠江食品有限公司", district="天河区"),
            Enterprise(station_id=info.id, name="广州白云精密机械有限公司", district="白云区"),
        ])


def open_page(qtbot, db: Database, now: datetime = NOW) -> EventsPage:  # type: ignore[no-untyped-def]
    page = EventsPage(db, now=lambda: now)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.resize(1180, 720)
        page.show()
    return page


def add_event(db: Database, title: str, kind: str, start: datetime, **changes: object) -> events.EventDetail:
    with db.begin() as session:
        return events.create(session, EventInput(title, kind, start, start + timedelta(hours=2), **changes))  # type: ignore[arg-type]


def wait_form(qtbot, page: EventsPage) -> EventForm:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(page.dialog, EventForm) and page.dialog.isVisible(), timeout=5000)
    assert isinstance(page.dialog, EventForm)
    return page.dialog


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a user does: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def day_marked(page: EventsPage, day: QDate) -> bool:
    return page.calendar.dateTextFormat(day).background().color() == EVENT_DAY


def test_create_with_keys_then_register_attendees_by_typing(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = wait_form(qtbot, page)
    type_text(qtbot, form.title_edit, "研发费用加计扣除政策宣讲会")
    form.event_type.setFocus()
    for _ in range(len(EVENT_TYPES)):  # ↓ through the types to 政策宣贯会
        if form.event_type.currentData() == "policy_briefing":
            break
        qtbot.keyClick(form.event_type, Qt.Key.Key_Down)
    assert form.event_type.currentData() == "policy_briefing" and form.policy_list.isVisibleTo(form)
    form.starts_at.setDateTime(QDateTime(2026, 7, 15, 14, 30, 0))
    assert form.ends_at.dateTime() == QDateTime(2026, 7, 15, 16, 30, 0)  # moved along with the start
    type_text(qtbot, form.venue, "服务站二楼会议室")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(form.venue, Qt.Key.Key_Return)  # Enter saves
    assert page.model.rowCount() == 1 and page.table.isVisible()
    assert page.model.index(0, 2).data() == "研发费用加计扣除政策宣讲会"
    assert page.model.index(0, 3).data() == "政策宣贯会"
    assert day_marked(page, QDate(2026, 7, 15)) and not day_marked(page, QDate(2026, 7, 16))
    qtbot.waitUntil(lambda: page.selected is not None, timeout=5000)

    qtbot.mouseClick(page.attendance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, EventAttendanceDialog), timeout=5000)
    dialog = page.dialog
    assert isinstance(dialog, EventAttendanceDialog)
    assert dialog.register_mode.isChecked()  # the event is still to come: registering
    qtbot.keyClicks(dialog.picker, CODE.lower())
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.rows) == 1, timeout=5000)
    assert dialog.message.text() == "广州云帆科技有限公司：已报名。" and dialog.picker.text() == ""
    type_text(qtbot, dialog.picker, "珠江食品")
    qtbot.waitUntil(dialog.picker.popup_visible, timeout=5000)  # the picker's list: Enter takes its match
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=5000)
    assert sorted(r.enterprise_name for r in dialog.rows) == ["广州云帆科技有限公司", "广州珠江食品有限公司"]
    type_text(qtbot, dialog.picker, "广州")  # three firms: refused, candidates named
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "对应3家企业" in dialog.message.text(), timeout=5000)
    dialog.check_in_mode.setChecked(True)
    dialog.picker.clear()
    qtbot.keyClicks(dialog.picker, CODE)
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.checked_in for r in dialog.rows), timeout=5000)
    assert dialog.message.text() == "广州云帆科技有限公司：已签到。"
    dialog.walk_ins.setValue(4)
    qtbot.mouseClick(dialog.walk_ins_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "现场未报名 4 人" in dialog.counts.text(), timeout=5000)
    assert "报名 2 家，签到 1 家" in dialog.counts.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.index(0, 7).data() == "5", timeout=5000)
    assert (page.model.index(0, 6).data(), page.model.index(0, 7).data()) == ("2", "5")  # registered, came
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(EventAttendance)) == 2


def test_attendee_list_import_and_removing_a_registration(qtbot, db, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_event(db, "企业融资对接会", "matchmaking", datetime(2026, 7, 8, 9, 30, tzinfo=CHINA_TIME))
    page = open_page(qtbot, db)
    page.table.selectRow(0)
    dialog = page.open_attendance()
    assert dialog is not None
    book = Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "联系人"])
    for row in (("广州云帆科技有限公司", CODE, "张三"), ("", CODE, "张三"), ("广州珠江食品有限公司", "", "李四"),
                ("查无此企业有限公司", "", "王五")):
        book.active.append(list(row))
    book.save(tmp_path / "报名表.xlsx")
    with answer_prompts(True) as asked:
        dialog.import_file(tmp_path / "报名表.xlsx")
        qtbot.waitUntil(lambda: len(dialog.rows) == 2, timeout=5000)
    assert "新增报名2家，文件内重复1行，找不到企业1行" in dialog.message.text()
    assert asked[0].kind == "inform" and "第3行 文件内重复" in asked[0].text and "第5行 找不到企业" in asked[0].text
    qtbot.waitUntil(lambda: page.model.index(0, 6).data() == "2", timeout=5000)  # the list counts them too
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    removed = dialog.rows[0].enterprise_name
    with answer_prompts(True) as asked:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: len(dialog.rows) == 1, timeout=5000)
    assert asked[0].destructive and removed in asked[0].text and dialog.rows[0].enterprise_name != removed


def test_the_form_names_the_bad_field_and_saves_nothing(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.new_event()
    form = wait_form(qtbot, page)
    form.title_edit.setText("知识产权沙龙")
    form.starts_at.setDateTime(QDateTime(2026, 7, 20, 15, 0, 0))
    form.ends_at.setDateTime(QDateTime(2026, 7, 20, 9, 0, 0))
    cases = [
        (lambda: None, "结束时间：不能早于开始时间（2026-07-20 15:00）"),
        (lambda: form.ends_at.setDateTime(QDateTime(2026, 7, 20, 17, 0, 0)) or form.walk_in_count.setText("-3"),
         "现场未报名人数："),
        (lambda: form.walk_in_count.setText("三"), "现场未报名人数：请填写整数"),
        (lambda: form.walk_in_count.setText("0") or form.satisfaction.setText("9"), "满意度：应在1到5之间"),
        (lambda: form.satisfaction.setText("") or form.speakers.setText("专" * 1001), "主讲嘉宾：不能超过1000个字"),
    ]
    for change, message in cases:
        change()
        form.submit()
        qtbot.waitUntil(lambda m=message: m in form.error_label.text(), timeout=5000)
        assert form.isVisible() and form.ok_button.isEnabled()
    assert QApplication.focusWidget() is form.speakers or not form.isActiveWindow()
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0
    form.speakers.setText("陈律师")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        form.submit()
    assert page.model.rowCount() == 1


def test_calendar_click_filters_the_list_and_delete_is_undone(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    add_event(db, "企业融资对接会", "matchmaking", datetime(2026, 7, 8, 9, 30, tzinfo=CHINA_TIME))
    add_event(db, "财税政策培训", "training", datetime(2026, 7, 22, 14, 30, tzinfo=CHINA_TIME), theme="finance_tax")
    add_event(db, "六月的讲座", "lecture", datetime(2026, 6, 10, 14, 30, tzinfo=CHINA_TIME))
    page = open_page(qtbot, db)
    assert page.model.rowCount() == 2  # July only
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.calendar.clicked.emit(QDate(2026, 7, 8))
    assert [r.title for r in page.model.rows] == ["企业融资对接会"] and "2026-07-08" in page.day_label.text()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.calendar.clicked.emit(QDate(2026, 7, 9))
    assert page.model.rowCount() == 0 and "这一天没有活动" in page.empty_label.text()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.whole_month, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.theme.setCurrentIndex(page.theme.findData("finance_tax"))
    assert [r.title for r in page.model.rows] == ["财税政策培训"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.theme.setCurrentIndex(0)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.scope.setCurrentIndex(1)  # all time
    assert page.model.rowCount() == 3
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.calendar.setCurrentPage(2026, 6)  # back to "this month", June
        page.scope.setCurrentIndex(0)
    assert [r.title for r in page.model.rows] == ["六月的讲座"]

    page.table.selectRow(0)
    page.table.setFocus()
    with answer_prompts(True) as asked, qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked[0].destructive and "六月的讲座" in asked[0].text
    assert page.model.rowCount() == 0 and page.undo_button.isVisibleTo(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert [r.title for r in page.model.rows] == ["六月的讲座"]


def test_sorting_by_column(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    for day, title, venue in ((3, "乙", "B"), (9, "甲", "C"), (27, "丙", "A")):
        add_event(db, title, "salon", datetime(2026, 7, day, 14, 30, tzinfo=CHINA_TIME), venue=venue)
    page = open_page(qtbot, db)
    shown = lambda column: [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]
    assert shown(2) == ["丙", "甲", "乙"]  # latest first
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    assert shown(5) == ["A", "B", "C"]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(2) == ["乙", "甲", "丙"]


def test_materials_attach_open_and_remove(qtbot, db, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_event(db, "专利申请实务讲座", "lecture", datetime(2026, 7, 2, 14, 30, tzinfo=CHINA_TIME))
    page = open_page(qtbot, db)
    panel = page.detail_panel
    qtbot.waitUntil(lambda: page.selected is not None, timeout=5000)
    assert "还没有材料" in panel.materials.item(0).text()
    assert f"编号：{page.selected.detail.id.hex}" in panel.text.text()  # type: ignore[union-attr]  # for report --event
    source = tmp_path / "课件.pdf"
    source.write_bytes(b"%PDF-1.4 slides")
    with qtbot.waitSignal(panel.shown, timeout=5000):
        panel.attach_file(source)
    assert panel.materials.item(0).text().startswith("课件.pdf") and "已添加材料" in page.info_label.text()
    opened: list[str] = []
    panel.open_url = lambda url: opened.append(url.toLocalFile())
    panel.materials.setCurrentRow(0)
    panel.open_material()
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert Path(opened[0]).read_bytes() == b"%PDF-1.4 slides"
    with answer_prompts(True), qtbot.waitSignal(panel.shown, timeout=5000):
        panel.remove_material()
    assert "还没有材料" in panel.materials.item(0).text() and not Path(opened[0]).exists()


def test_events_model_passes_the_model_tester(qtmodeltester, db, station) -> None:  # type: ignore[no-untyped-def]
    add_event(db, "对话民营企业家", "dialogue", datetime(2026, 7, 1, 9, 30, tzinfo=CHINA_TIME), satisfaction=4.5)
    add_event(db, "数字化转型论坛", "forum", datetime(2026, 8, 1, 9, 30, tzinfo=CHINA_TIME), theme="policy")
    with db.sessions() as session:
        rows = event_listing.list_events(session)
    model = EventsModel(now=lambda: NOW)
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, 8).data() == "" and model.index(1, 8).data() == "4.5"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # August: still to come


DEMO = [  # (day, hour, title, type, theme, venue, registered firms, walk-ins, satisfaction)
    (3, 9, "研发费用加计扣除政策宣讲会", "policy_briefing", "finance_tax", "服务站一楼报告厅", 3, 6, 4.8),
    (8, 14, "中小企业融资对接会", "matchmaking", None, "天河区科技园会议中心", 2, 3, 4.6),
    (8, 19, "青年创业者沙龙", "salon", None, "服务站二楼沙龙区", 1, 0, None),
    (15, 14, "企业出海合规讲座", "lecture", None, "服务站二楼会议室", 2, 2, 4.7),
    (22, 9, "财税主题月：电子发票实务培训", "training", "finance_tax", "服务站培训教室", 3, 5, 4.9),
    (28, 14, "专精特新企业培育研讨会", "seminar", None, "天河区政务服务中心", 2, 0, None),  # still to come
]
SHOT_NOW = datetime(2026, 7, 24, 10, 0, tzinfo=CHINA_TIME)


def test_screenshot_of_the_calendar_with_demo_events(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    install_cjk_font(QApplication.instance())  # type: ignore[arg-type]
    with db.begin() as session:
        firms = list(session.scalars(select(Enterprise.id)))
        policies = [Policy(title="关于研发费用税前加计扣除政策的公告", category="tax", issuer="财政部 税务总局",
                           issued_on=date(2026, 3, 1)),
                    Policy(title="广州市促进中小企业发展若干措施", category="general", issuer="广州市工业和信息化局",
                           issued_on=date(2026, 2, 10))]
        session.add_all(policies)
        session.flush()
        policy_ids = tuple(p.id for p in policies)
    for day, hour, title, kind, theme, venue, registered, walk_ins, satisfaction in DEMO:
        start = datetime(2026, 7, day, hour, 30, tzinfo=CHINA_TIME)
        saved = add_event(db, title, kind, start, theme=theme, venue=venue, walk_in_count=walk_ins,
                          satisfaction=satisfaction, organiser="天河区中小企业服务站",
                          speakers="陈律师、李会计师" if kind != "matchmaking" else "",
                          partners="广州某会计师事务所" if kind == "policy_briefing" else "",
                          policy_ids=policy_ids if kind == "policy_briefing" else (),
                          description=f"{title}，面向天河区及周边中小企业。")
        with db.begin() as session:
            for firm in firms[:registered]:
                event_attendance.register(session, saved.id, firm, check_in=start < SHOT_NOW)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))  # as app/ui/i18n.py does
    try:
        page = open_page(qtbot, db, SHOT_NOW)
    finally:
        QLocale.setDefault(previous)
    assert page.model.rowCount() == len(DEMO)
    page.table.selectRow(page.proxy.rowCount() - 1)  # the first of the month, a policy briefing
    qtbot.waitUntil(lambda: page.selected is not None and page.selected.detail.title == DEMO[0][2], timeout=5000)
    assert [p.title for p in page.selected.policies] == [p.title for p in policies]  # type: ignore[union-attr]
    assert "宣贯政策" in page.detail_panel.text.text() and "报名 3 家 · 签到 3 家 · 现场未报名 6 人" in page.detail_panel.text.text()
    assert day_marked(page, QDate(2026, 7, 8)) and day_marked(page, QDate(2026, 7, 28))
    shot = page.grab()
    assert not shot.isNull()
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot.save(str(SHOTS / "events_calendar.png"))
