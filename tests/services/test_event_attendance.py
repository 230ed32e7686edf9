"""Event attendance: registering and checking in by what the desk types (name, part of a
name, credit code), the walk-in count, and the attendee list imported from .xlsx."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.domain.errors import ValidationError
from app.domain.periods import CHINA_TIME
from app.models import Enterprise, Event, EventAttendance
from app.services.events import attendance as event_attendance
from app.services.events import edits as events
from app.services.events import listing as event_listing
from app.services.events.edits import EventInput
from app.services.excel.reader import WorkbookError

from . import World, count, make_world

CODE = "91440101MA59TEST7X"


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    world = make_world(db)
    with db.begin() as s:
        s.get(Enterprise, world.enterprise_id).credit_code = CODE  # type: ignore[union-attr]
        s.add(Enterprise(station_id=world.station_id, name="广州丙丁贸易有限公司（番禺分公司）"))
    return world


@pytest.fixture
def event_id(db, world: World) -> uuid.UUID:  # type: ignore[no-untyped-def]
    start = datetime(2026, 7, 8, 14, 30, tzinfo=CHINA_TIME)
    with db.begin() as s:
        return events.create(s, EventInput("融资政策宣讲", "lecture", start, start.replace(hour=16))).id


def attendance(db, event_id: uuid.UUID) -> list[event_attendance.AttendanceRow]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return event_attendance.list_attendance(s, event_id)


def test_check_in_by_credit_code_registers_once(db, world: World, event_id: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        first = event_attendance.register_typed(s, event_id, CODE.lower(), check_in=True)
    assert first.change == "registered" and first.message == "广州市甲乙科技有限公司：已报名并签到。"
    with db.begin() as s:
        again = event_attendance.register_typed(s, event_id, f" {CODE} ", check_in=True)
    assert again.already and "已经签到过了" in again.message
    rows = attendance(db, event_id)
    assert [(r.enterprise_name, r.credit_code, r.checked_in) for r in rows] == [("广州市甲乙科技有限公司", CODE, True)]


def test_a_registration_is_later_checked_in_by_name(db, world: World, event_id: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert event_attendance.register_typed(s, event_id, "甲乙科技").change == "registered"
    assert attendance(db, event_id)[0].checked_in_at is None
    with db.begin() as s:
        outcome = event_attendance.register_typed(s, event_id, "广州市甲乙科技有限公司", check_in=True)
    assert outcome.change == "checked_in" and attendance(db, event_id)[0].checked_in


def test_ambiguous_and_unknown_text_is_refused_with_the_candidates(db, world: World, event_id: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught, db.begin() as s:
        event_attendance.register_typed(s, event_id, "丙丁贸易")
    assert caught.value.field == "enterprise" and "对应2家企业" in caught.value.message
    assert "广州丙丁贸易有限公司（番禺分公司）" in caught.value.message
    with pytest.raises(ValidationError, match="找不到“不存在的公司”"), db.begin() as s:
        event_attendance.register_typed(s, event_id, "不存在的公司")
    with pytest.raises(ValidationError, match="没有统一社会信用代码为 91440101MA59TEST8Y"), db.begin() as s:
        event_attendance.register_typed(s, event_id, "91440101MA59TEST8Y")
    with db.begin() as s:  # the whole name picks the one firm among similar ones
        assert event_attendance.register_typed(s, event_id, "广州丙丁贸易有限公司").change == "registered"
    assert count(db, EventAttendance) == 1


def test_walk_ins_are_counted_on_the_event(db, world: World, event_id: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        version = event_attendance.set_walk_ins(s, event_id, 7)
    with db.begin() as s:
        assert s.get(Event, event_id).walk_in_count == 7  # type: ignore[union-attr]
        assert event_listing.list_events(s)[0].attendance == 7
    with pytest.raises(ValidationError) as caught, db.begin() as s:
        event_attendance.set_walk_ins(s, event_id, -2, version)
    assert caught.value.field == "walk_in_count"
    from app.services.events.edits import MAX_WALK_INS as top

    with db.begin() as s:
        version = event_attendance.set_walk_ins(s, event_id, top, version)  # the cap itself is kept
    with pytest.raises(ValidationError) as caught, db.begin() as s:
        event_attendance.set_walk_ins(s, event_id, top + 1, version)
    assert caught.value.field == "walk_in_count" and str(top) in caught.value.message
    with db.begin() as s:
        assert s.get(Event, event_id).walk_in_count == top  # type: ignore[union-attr]


def _sheet(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["2026年7月融资政策宣讲报名表"])
    sheet.append(["序号", "企业名称", "统一社会信用代码", "联系人"])
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    book.save(path)
    return path


def test_xlsx_import_flags_duplicates_registered_and_unknown_rows(db, world: World, event_id: uuid.UUID,
                                                                   tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        event_attendance.register(s, event_id, world.other_enterprise_id)  # registered by phone last week
    path = _sheet(tmp_path / "报名表.xlsx", [
        ("广州市甲乙科技有限公司", CODE, "张三"),
        ("", CODE.lower(), "张三"),  # the same firm again, by its code only
        ("广州丙丁贸易有限公司", None, "李四"),  # already registered
        ("广州丙丁贸易有限公司（番禺分公司）", None, "王五"),
        ("查无此企业有限公司", None, "赵六"),
        (None, None, None),  # an empty row is no row
    ])
    sheet = event_attendance.read_list(path)
    with db.begin() as s:
        report = event_attendance.import_list(s, event_id, sheet)
    assert (report.added, report.checked_in) == (2, 0)
    assert [(p.row, p.text) for p in report.duplicates] == [(4, CODE.lower())]
    assert "第3行" in report.duplicates[0].reason
    assert [(p.row, p.reason) for p in report.already_registered] == [(5, "广州丙丁贸易有限公司已报名")]
    assert [(p.row, p.text) for p in report.unknown] == [(7, "查无此企业有限公司")]
    assert report.summary() == "新增报名2家，已报名过1家，文件内重复1行，找不到企业1行。"
    rows = {r.enterprise_name: r.attendee_name for r in attendance(db, event_id)}
    # the phone registration had no contact: the list fills it in
    assert rows == {"广州市甲乙科技有限公司": "张三", "广州丙丁贸易有限公司": "李四", "广州丙丁贸易有限公司（番禺分公司）": "王五"}


def test_an_import_that_fails_leaves_nothing(db, world: World, event_id: uuid.UUID, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    sheet = event_attendance.read_list(_sheet(tmp_path / "a.xlsx", [("广州市甲乙科技有限公司", CODE, "张三"),
                                                                      ("广州丙丁贸易有限公司", None, "李四")]))
    real = event_attendance.register
    calls = []

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(event_attendance, "register", failing)
    with pytest.raises(RuntimeError), db.begin() as s:
        event_attendance.import_list(s, event_id, sheet)
    assert count(db, EventAttendance) == 0  # one transaction: the first row went too


def test_a_sheet_without_the_columns_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名", "手机"])
    book.active.append(["张三", "13800138000"])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(WorkbookError, match="没有找到表头"):
        event_attendance.read_list(tmp_path / "x.xlsx")


def test_removing_a_registration(db, world: World, event_id: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        row = event_attendance.register(s, event_id, world.enterprise_id).row
    with db.begin() as s:
        event_attendance.remove(s, row.id)
    assert attendance(db, event_id) == []
    with db.begin() as s:
        rows = s.scalars(select(EventAttendance)).all()
    assert len(rows) == 1 and rows[0].deleted
