"""Import service records from .xlsx (same shape as excel_import: check all, write once).

Decisions:
- The enterprise is found by credit code, else by exact (cleaned) name among live
  enterprises; unknown or ambiguous → rejected.  Records never create enterprises.
- 服务人员 is matched by name among the station's staff; an empty cell takes
  ``default_staff_id`` (the GUI's current user), else the row is rejected.
- 转介机构 / 转介专家 (also 服务机构, 专家) are matched by exact cleaned name among
  live institutions and experts (an expert also as "姓名（单位）", as the form shows
  them); an empty cell means no referral, an unknown or ambiguous name rejects the row.
- Each row goes through the form's own validation (records.validation: dates in the future or in
  a locked month, fee rules, satisfaction 1–5 …).
- A record equal to a stored one (enterprise, date, category, channel, staff, minutes,
  summary) is ``unchanged``: re-running a file adds nothing.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import credit_code
from app.domain.catalogue import CHANNELS, FEE_TYPES
from app.domain.errors import FieldError, UserError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.text_normalise import parse_date, parse_decimal, parse_int, tidy_text
from app.models import Enterprise, Expert, ServiceInstitution, ServiceRecord, StaffMember
from app.models.database import Database
from app.models.types import uuid7
from app.services.actor import Actor
from app.services.enterprises.search import LIVE
from app.services.excel.columns import (
    RECORD_FIELDS,
    Mapping,
    missing_required,
    suggest_mapping,
)
from app.services.excel.reader import SheetData, WorkbookError, read_sheet
from app.services.excel.rows import (
    Cancelled,
    ImportReport,
    Progress,
    bulk_insert,
    cell,
    check_cancel,
    row_key,
)
from app.services.records import period_locks
from app.services.records import validation as record_validation
from app.services.records.validation import FIELD_LABELS, RecordInput
from app.services.references import categories
from app.services.station.identity import require_station

_CHANNEL_WORDS = {"到访": "walk_in", "现场": "walk_in", "来电": "phone", "网上": "online", "微信": "online",
                  "走访": "on_site", "上门服务": "on_site"}
_KEY = ("enterprise_id", "service_date", "category", "channel", "staff_id", "prep_minutes", "contact_minutes", "summary")


def _choice(value: object, label: str, choices: dict[str, str], extra: dict[str, str] | None = None) -> str | None:
    text = tidy_text(value)
    if not text:
        return None
    by_label = {v: k for k, v in choices.items()} | (extra or {})
    found = text if text in choices else by_label.get(text)
    if found is None:
        raise FieldError(label, Msg("无法识别“%1”，请填写%2之一。", text[:20], '、'.join(choices.values())))
    return found


def _free_text(value: object) -> str:
    """Service content keeps its line breaks (clean_text would fold them)."""
    return "" if value is None else str(value).strip()


def _minutes(value: object, label: str) -> int:
    text = tidy_text(value).removesuffix("分钟").removesuffix("分") if isinstance(value, str) else value
    return parse_int(text, label) or 0


class _Lookups:
    def __init__(self, session: Session) -> None:
        self.by_code: dict[str, uuid.UUID] = {}
        self.by_name: dict[str, list[uuid.UUID]] = {}
        for eid, code, name in session.execute(select(Enterprise.id, Enterprise.credit_code, Enterprise.name).where(LIVE)):
            if code:
                self.by_code.setdefault(code, eid)
            self.by_name.setdefault(tidy_text(name), []).append(eid)
        self.staff: dict[str, uuid.UUID] = {
            tidy_text(n): i for i, n in session.execute(select(StaffMember.id, StaffMember.name).where(StaffMember.deleted.is_(False)))
        }
        self.categories = categories(session)
        self.institutions: dict[str, list[uuid.UUID]] = {}
        for iid, name in session.execute(
            select(ServiceInstitution.id, ServiceInstitution.name).where(ServiceInstitution.deleted.is_(False))
        ):
            self.institutions.setdefault(tidy_text(name), []).append(iid)
        self.experts: dict[str, list[uuid.UUID]] = {}
        for xid, name, organisation in session.execute(
            select(Expert.id, Expert.name, Expert.organisation).where(Expert.deleted.is_(False))
        ):
            self.experts.setdefault(tidy_text(name), []).append(xid)
            if tidy_text(organisation):
                self.experts.setdefault(tidy_text(f"{name}（{organisation}）"), []).append(xid)

    def referral(self, value: object, label: str, kind: str) -> uuid.UUID | None:
        """The institution (kind "机构") or expert ("专家") named in a cell; None when empty."""
        name = tidy_text(value)
        if not name:
            return None
        found = (self.institutions if kind == "机构" else self.experts).get(name, [])
        if len(found) == 1:
            return found[0]
        page = "服务机构" if kind == "机构" else "专家库"
        if found:
            fix = "请填写“姓名（单位）”区分。" if kind == "专家" else Msg("请先在“%1”中把重名的机构改成可区分的全称。", page)
            raise FieldError(label, Msg("%1里有%2个名为“%3”的%4，%5", page, len(found), name[:30], kind, fix))
        raise FieldError(
            label, Msg("在“%1”中找不到名为“%2”的%3。请按“%4”中的名称填写全称，或先添加该%5；没有转介请留空。", page, name[:30], kind, page, kind)
        )

    def enterprise(self, code: object, name: object) -> uuid.UUID:
        code_text = credit_code.normalise(code) if tidy_text(code) else ""
        if code_text and code_text in self.by_code:
            return self.by_code[code_text]
        found = self.by_name.get(tidy_text(name), []) if tidy_text(name) else []
        if len(found) == 1:
            return found[0]
        shown = tidy_text(name) or code_text
        if len(found) > 1:
            raise FieldError("企业", Msg("企业库里有%1家名为“%2”的企业，请填写统一社会信用代码区分。", len(found), shown))
        raise FieldError("企业", Msg("在企业库中找不到“%1”（按统一社会信用代码或企业全称查找），请先登记或导入该企业。", shown[:40]))


def _record(row: tuple[object, ...], m: Mapping, look: _Lookups, default_staff: uuid.UUID | None) -> RecordInput:
    labels = {f: RECORD_FIELDS[f][0] for f in RECORD_FIELDS}
    enterprise_id = look.enterprise(cell(row, m, "enterprise_code"), cell(row, m, "enterprise_name"))
    day = parse_date(cell(row, m, "service_date"), labels["service_date"], required=True)
    staff_name = tidy_text(cell(row, m, "staff"))
    staff_id = look.staff.get(staff_name) if staff_name else default_staff
    if staff_id is None:
        detail = Msg("本站没有名为“%1”的人员，请核对姓名。", staff_name[:20]) if staff_name else "不能为空，请填写接待的工作人员姓名。"
        raise FieldError(labels["staff"], detail)
    fee = parse_decimal(cell(row, m, "fee"), labels["fee"])
    return RecordInput(
        enterprise_id=enterprise_id, service_date=day,  # type: ignore[arg-type]
        category=_choice(cell(row, m, "category"), labels["category"], look.categories) or "",
        channel=_choice(cell(row, m, "channel"), labels["channel"], CHANNELS, _CHANNEL_WORDS) or "walk_in",
        prep_minutes=_minutes(cell(row, m, "prep_minutes"), labels["prep_minutes"]),
        contact_minutes=_minutes(cell(row, m, "contact_minutes"), labels["contact_minutes"]),
        fee_type=_choice(cell(row, m, "fee_type"), labels["fee_type"], FEE_TYPES) or ("paid" if fee else "free"),
        fee=fee, staff_id=staff_id,
        summary=_free_text(cell(row, m, "summary")), outcome=_free_text(cell(row, m, "outcome")),
        satisfaction=parse_int(cell(row, m, "satisfaction"), labels["satisfaction"]),
        follow_up_on=parse_date(cell(row, m, "follow_up_on"), labels["follow_up_on"]),
        institution_id=look.referral(cell(row, m, "institution"), labels["institution"], "机构"),
        expert_id=look.referral(cell(row, m, "expert"), labels["expert"], "专家"),
    )


def _stored_keys(session: Session, days: list[date]) -> set[tuple[Any, ...]]:
    if not days:
        return set()
    query = select(*(getattr(ServiceRecord, k) for k in _KEY)).where(
        ServiceRecord.deleted.is_(False), ServiceRecord.service_date.between(min(days), max(days))
    )
    return {tuple(r) for r in session.execute(query)}


def plan(session: Session, sheet: SheetData, mapping: Mapping, *, today: date, lock_days: int,
         default_staff_id: uuid.UUID | None = None, progress: Progress | None = None,
         cancelled: Cancelled | None = None) -> tuple[ImportReport, list[dict[str, Any]]]:
    """Check every row; the report and the rows to insert (nothing is written)."""
    if missing := missing_required("records", mapping):
        raise WorkbookError(Msg("没有对应“%1”的列，请在列对应表中选择。", '、'.join(missing)))
    report = ImportReport(headers=sheet.headers, header_row=sheet.header_row)
    look, actor = _Lookups(session), Actor("导入", default_staff_id)
    columns, seen = sorted(set(mapping.values())), set()
    checked: list[tuple[int, tuple[object, ...], dict[str, Any]]] = []
    for i, (number, cells) in enumerate(sheet.rows):
        if i % 500 == 0:
            check_cancel(cancelled)
            if progress is not None:
                progress(i, len(sheet.rows), "正在检查…")
        key = row_key(cells, columns)
        if key in seen:
            report.duplicates_in_file += 1
            continue
        seen.add(key)
        try:
            data = _record(cells, mapping, look, default_staff_id)
            values = record_validation.validate_record(session, data, actor, today, lock_days)  # the form's own rules
        except FieldError as exc:
            report.reject(number, cells, exc.field, exc.message)
            continue
        except UserError as exc:
            label = FIELD_LABELS.get(exc.field or "", "数据")
            report.reject(number, cells, label, exc.message)
            continue
        checked.append((number, cells, values))
    stored = _stored_keys(session, [v["service_date"] for _, _, v in checked])
    rows = []
    for _, _, values in checked:
        if tuple(values[k] for k in _KEY) in stored:
            report.unchanged += 1
        else:
            rows.append(values)
    report.errors.sort(key=lambda e: e.row_number)
    return report, rows


def import_records(db: Database, path: Any, mapping: Mapping | None = None, *, confirm_warnings: bool = True,
                   progress: Progress | None = None, cancelled: Cancelled | None = None,
                   sheet: SheetData | None = None, today: date | None = None,
                   default_staff_id: uuid.UUID | None = None) -> ImportReport:
    """Read, check and write service records in one transaction (see module docstring).
    `confirm_warnings` is accepted for symmetry: records have no warning rows."""
    del confirm_warnings
    if sheet is None:
        sheet = read_sheet(path, "records", lambda d, t: progress and progress(d, t, "正在读取…"), cancelled)
    mapping = mapping if mapping is not None else suggest_mapping("records", sheet.headers)
    with db.begin() as session:
        station = require_station(session)
        report, rows = plan(session, sheet, mapping, today=today or china_today(),
                            lock_days=period_locks.resolve_lock_days(None), default_staff_id=default_staff_id,
                            progress=progress, cancelled=cancelled)
        for values in rows:
            values.update(id=uuid7(), station_id=station.id)
        bulk_insert(session, ServiceRecord, rows, progress, cancelled)
        report.imported = len(rows)
    return report
