"""Who came to an event: registration (报名), check-in (签到), an attendee list imported
from .xlsx and the walk-in count (现场未报名人数).

An enterprise is found the way the record form's picker finds it (enterprise_search):
an exact credit code or name first, else the search's single match; several matches
are refused with the candidates named, so the desk never registers the wrong firm.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.messages import Msg, joined
from app.domain.periods import CHINA_TIME
from app.domain.text_normalise import checked_text
from app.domain.text_normalise import tidy_text as normalise_cell
from app.models import Enterprise, Event, EventAttendance
from app.models.types import utcnow
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.search import EnterpriseFilter
from app.services.events import edits as events
from app.services.excel.columns import field_for
from app.services.excel.reader import SheetData, WorkbookError, read_sheet
from app.services.row_access import guarded_update

CANDIDATES_SHOWN = 5
ENTERPRISE_LABEL = "企业"


@dataclass(frozen=True)
class AttendanceRow:
    id: uuid.UUID
    enterprise_id: uuid.UUID | None
    enterprise_name: str
    credit_code: str
    attendee_name: str
    registered_at: datetime | None
    checked_in_at: datetime | None

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None


@dataclass(frozen=True)
class Outcome:
    """What one registration or check-in did, with a sentence for the status line."""

    row: AttendanceRow
    message: str
    change: str  # "registered" (new row), "checked_in" (an existing registration), "none" (already done)

    @property
    def already(self) -> bool:
        return self.change == "none"


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based spreadsheet row
    text: str  # the name or code as written
    reason: str


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    checked_in: int = 0
    duplicates: list[RowProblem] = field(default_factory=list)  # repeated within the file
    already_registered: list[RowProblem] = field(default_factory=list)
    unknown: list[RowProblem] = field(default_factory=list)

    def summary(self) -> str:
        parts = [Msg("新增报名%1家", self.added)]
        if self.checked_in:
            parts.append(Msg("签到%1家", self.checked_in))
        if self.already_registered:
            parts.append(Msg("已报名过%1家", len(self.already_registered)))
        if self.duplicates:
            parts.append(Msg("文件内重复%1行", len(self.duplicates)))
        if self.unknown:
            parts.append(Msg("找不到企业%1行", len(self.unknown)))
        return Msg("%1。", joined(parts))


# --- finding the enterprise -------------------------------------------------------------


def _labelled(detail: Msg) -> Msg:
    """"企业：…", with the detail kept apart: an import lists it under its own 企业 column."""
    return Msg("%1：%2", ENTERPRISE_LABEL, detail)


def _unlabelled(message: str) -> str:
    if isinstance(message, Msg) and message.template == "%1：%2" and message.args[:1] == (ENTERPRISE_LABEL,):
        return message.args[1]  # type: ignore[no-any-return]
    return message.removeprefix(f"{ENTERPRISE_LABEL}：")


def find_enterprise(session: Session, text: str, *, code: str = "") -> tuple[uuid.UUID, str]:
    """(id, name) of the one enterprise `code` or `text` means; ValidationError otherwise."""
    typed = checked_text(text, "enterprise", ENTERPRISE_LABEL, max_len=200)
    code = normalise_cell(code).upper().replace(" ", "") if code else ""
    probe = code or (typed.upper().replace(" ", "") if len(typed) == 18 and typed.isascii() else "")
    if probe:
        hit = session.execute(
            select(Enterprise.id, Enterprise.name).where(Enterprise.credit_code == probe, enterprise_search.LIVE)
        ).first()
        if hit is not None:
            return hit.id, hit.name
        if not typed or typed.upper() == probe:
            raise ValidationError(_labelled(Msg("没有统一社会信用代码为 %1 的企业，请核对或先在企业库中新建。", probe)), "enterprise")
    if not typed:
        raise ValidationError(_labelled(Msg("请输入企业名称或统一社会信用代码。")), "enterprise")
    exact = session.execute(
        select(Enterprise.id, Enterprise.name).where(Enterprise.name == typed, enterprise_search.LIVE).limit(2)
    ).all()
    if len(exact) == 1:
        return exact[0].id, exact[0].name
    ids = enterprise_search.query_ids(session, EnterpriseFilter(text=typed))
    if len(ids) == 1:
        row = enterprise_search.fetch_rows(session, [ids[0]])[0]
        return row.id, row.name
    if not ids:
        raise ValidationError(_labelled(Msg("找不到“%1”，请核对名称或信用代码，或先在企业库中新建。", typed)), "enterprise")
    names = "、".join(r.name for r in enterprise_search.fetch_rows(session, list(ids[:CANDIDATES_SHOWN])))
    more = "等" if len(ids) > CANDIDATES_SHOWN else ""
    raise ValidationError(
        _labelled(Msg("“%1”对应%2家企业（%3%4），请输入完整名称或统一社会信用代码。", typed, len(ids), names, more)),
        "enterprise",
    )


# --- registering and checking in --------------------------------------------------------


def register(session: Session, event_id: uuid.UUID, enterprise_id: uuid.UUID, attendee_name: str = "",
             *, check_in: bool = False, at: datetime | None = None) -> Outcome:
    """Register the enterprise (and check it in with `check_in`); repeating it is harmless."""
    event = events.load_own(session, event_id)
    name = checked_text(attendee_name, "attendee_name", "联系人", max_len=100)
    enterprise = session.get(Enterprise, enterprise_id) if isinstance(enterprise_id, uuid.UUID) else None
    if enterprise is None or enterprise.deleted:
        raise ValidationError(Msg("%1：找不到这家企业（可能已被删除），请重新输入。", ENTERPRISE_LABEL), "enterprise")
    at = at or utcnow()
    row = _existing(session, event.id, enterprise.id)
    if row is None:
        row = EventAttendance(station_id=event.station_id, event_id=event.id, enterprise_id=enterprise.id,
                              attendee_name=name, registered_at=at, checked_in_at=at if check_in else None)
        session.add(row)
        session.flush()
        verb = "报名并签到" if check_in else "报名"
        return Outcome(_row(row, enterprise), Msg("%1：已%2。", enterprise.name, verb), "registered")
    values: dict[str, object] = {}
    if name and not row.attendee_name:
        values["attendee_name"] = name
    if check_in and row.checked_in_at is None:
        values["checked_in_at"] = at
    if values:
        row = guarded_update(session, EventAttendance, row, values, row.version, _STALE)
    if check_in and "checked_in_at" in values:
        return Outcome(_row(row, enterprise), Msg("%1：已签到。", enterprise.name), "checked_in")
    when = (row.checked_in_at if check_in else row.registered_at) or row.created_at
    shown = when.astimezone(CHINA_TIME).strftime("%m-%d %H:%M")
    done = "签到" if check_in else "报名"
    return Outcome(_row(row, enterprise), Msg("%1：%2 已经%3过了，无需重复。", enterprise.name, shown, done), "none")


def register_typed(session: Session, event_id: uuid.UUID, text: str, *, check_in: bool = False) -> Outcome:
    """Register / check in what the desk typed: a name, part of one, or a credit code."""
    enterprise_id, _name = find_enterprise(session, text)
    return register(session, event_id, enterprise_id, check_in=check_in)


def remove(session: Session, attendance_id: uuid.UUID) -> None:
    """Soft-delete one registration (registered by mistake)."""
    row = session.get(EventAttendance, attendance_id) if isinstance(attendance_id, uuid.UUID) else None
    if row is None or row.deleted:
        raise ValidationError("报名记录：已不存在，请刷新。", "attendance")
    events.load_own(session, row.event_id)
    guarded_update(session, EventAttendance, row, {"deleted": True}, row.version, _STALE)


def set_walk_ins(session: Session, event_id: uuid.UUID, count: object, expected_version: int | None = None) -> int:
    """Set the number of people who came without registering; returns the event's new version."""
    event = events.load_own(session, event_id)
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= events.MAX_WALK_INS:
        raise ValidationError(Msg("%1：请填写0到%2之间的整数。", events.FIELD_LABELS['walk_in_count'], events.MAX_WALK_INS),
                              "walk_in_count")
    fresh = guarded_update(session, Event, event, {"walk_in_count": count}, expected_version, _STALE)
    return fresh.version


def list_attendance(session: Session, event_id: uuid.UUID) -> list[AttendanceRow]:
    """Registrations of the event, the latest check-ins first, then by registration time."""
    rows = session.execute(
        select(EventAttendance, Enterprise)
        .outerjoin(Enterprise, Enterprise.id == EventAttendance.enterprise_id)
        .where(EventAttendance.event_id == event_id, EventAttendance.deleted.is_(False))
        .order_by(EventAttendance.registered_at.desc(), EventAttendance.id)
    ).all()
    return [_row(a, e) for a, e in rows]


# --- the attendee list ---------------------------------------------------------------


def read_list(path: Path | str) -> SheetData:
    """The attendee sheet (columns 企业名称 / 统一社会信用代码 / 联系人); WorkbookError if unreadable."""
    sheet = read_sheet(path, "enterprises")
    fields = {field_for("enterprises", h): i for i, h in reversed(list(enumerate(sheet.headers)))}
    if "name" not in fields and "credit_code" not in fields:
        raise WorkbookError("报名表需要“企业名称”或“统一社会信用代码”一列，请检查表头。")
    return sheet


def import_list(session: Session, event_id: uuid.UUID, sheet: SheetData, *, check_in: bool = False) -> ImportReport:
    """Register every enterprise of the sheet, in the caller's one transaction.
    Rows repeating an earlier row, enterprises already registered and unknown ones are
    reported per row and skipped; nothing else stops the import."""
    events.load_own(session, event_id)
    columns = {field_for("enterprises", h): i for i, h in reversed(list(enumerate(sheet.headers)))}
    report = ImportReport()
    seen: dict[uuid.UUID, int] = {}
    added = checked = 0
    for number, cells in sheet.rows:
        name = _cell(cells, columns.get("name"))
        code = _cell(cells, columns.get("credit_code"))
        contact = _cell(cells, columns.get("contact_name"))[:100]
        shown = name or code
        if not (name or code or contact):
            continue  # a numbered but empty line of a template
        try:
            enterprise_id, found_name = find_enterprise(session, name, code=code)
        except ValidationError as exc:
            report.unknown.append(RowProblem(number, shown, _unlabelled(exc.message)))
            continue
        if enterprise_id in seen:
            report.duplicates.append(RowProblem(number, shown, Msg("与第%1行是同一家企业（%2）", seen[enterprise_id], found_name)))
            continue
        seen[enterprise_id] = number
        outcome = register(session, event_id, enterprise_id, contact, check_in=check_in)
        if outcome.change == "none":
            done = Msg("%1已签到", found_name) if check_in else Msg("%1已报名", found_name)
            report.already_registered.append(RowProblem(number, shown, done))
            continue
        added += outcome.change == "registered"
        checked += check_in
    return ImportReport(added, checked, report.duplicates, report.already_registered, report.unknown)


# --- internals ---------------------------------------------------------------------------

_STALE = "报名信息刚被其他人修改过，请刷新后再操作。"


def _cell(cells: tuple[object, ...], index: int | None) -> str:
    """The cell as text, spaces collapsed; full-width brackets kept (names are compared as stored)."""
    if index is None or index >= len(cells) or cells[index] is None:
        return ""
    value = cells[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _existing(session: Session, event_id: uuid.UUID, enterprise_id: uuid.UUID) -> EventAttendance | None:
    return session.scalars(
        select(EventAttendance).where(
            EventAttendance.event_id == event_id,
            EventAttendance.enterprise_id == enterprise_id,
            EventAttendance.deleted.is_(False),
        )
    ).first()


def _row(row: EventAttendance, enterprise: Enterprise | None) -> AttendanceRow:
    return AttendanceRow(
        row.id, row.enterprise_id, enterprise.name if enterprise else row.attendee_name,
        (enterprise.credit_code or "") if enterprise else "", row.attendee_name, row.registered_at, row.checked_in_at,
    )
