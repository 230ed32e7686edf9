"""Import enterprises from .xlsx: every row is parsed and checked first, then all valid
rows are written in one transaction (a failure or a cancel writes nothing).

Decisions:
- A credit code already in the registry: the row is rejected ("已存在，未导入"),
  never merged into the existing enterprise — an import must not silently overwrite
  what the desk maintains.  If the row's values equal the stored ones it is counted
  as ``unchanged`` instead, so re-running a file is harmless.  Rows without a code
  are matched the same way by exact (cleaned) name.
- Rows are checked by enterprise_validation.check_fields, the form's own rules; the
  duplicate checks use codes and names loaded once, not a query per row.
- A credit code Excel stored as a number has lost its last digits: rejected.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.text_normalise import tidy_text
from app.models import Enterprise
from app.models.database import Database
from app.models.types import uuid7
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.search import LIVE
from app.services.enterprises.validation import (
    FIELD_LABELS,
    EnterpriseInput,
    check_fields,
)
from app.services.excel.columns import Mapping, missing_required, suggest_mapping
from app.services.excel.reader import SheetData, WorkbookError, read_sheet
from app.services.excel.rows import (
    Cancelled,
    ImportReport,
    Progress,
    bulk_insert,
    cell,
    check_cancel,
    clean_cells,
    text_cell,
)
from app.services.station.identity import require_station

_TEXT = ("credit_code", "name", "industry_section", "industry_code", "district", "address",
         "legal_representative", "contact_name", "contact_phone", "status", "notes")
_NUMBERS = ("employees", "revenue", "assets", "size_year")
# input field → stored columns it decides (for "the same as stored?")
_COLUMNS = {"industry_section": ("industry_section", "industry_code"), "industry_code": ("industry_section", "industry_code")}


def _layout(mapping: Mapping) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """(text field, column) and (number field, column) pairs the mapping reads, once per import."""
    return (tuple((f, mapping[f]) for f in _TEXT if f in mapping),
            tuple((f, mapping[f]) for f in _NUMBERS if f in mapping))


def _input(cells: tuple[object, ...], mapping: Mapping, cleaned: dict[int, str],
           layout: tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]) -> EnterpriseInput:
    """The row as the form would submit it.  ``cleaned``: clean_text of the mapped cells,
    already computed for the repeated-row check (the text fields reuse it instead of
    cleaning every cell again; dates still go through text_cell)."""
    code = cell(cells, mapping, "credit_code")
    if isinstance(code, float) and code >= 1e15:
        raise UserError(Msg("%1：Excel 把代码存成了数字，末几位已丢失。请把该列设为“文本”后重新填写。", FIELD_LABELS['credit_code']), "credit_code")
    width = len(cells)
    values: dict[str, Any] = {}
    texts, numbers = layout
    for f, column in texts:
        raw = cells[column] if column < width else None
        if raw.__class__ is str or not (hasattr(raw, "date") and hasattr(raw, "hour")):
            values[f] = cleaned[column]  # == text_cell(raw): clean_text for everything but datetimes
        else:
            values[f] = text_cell(raw)
    for f, column in numbers:
        values[f] = cells[column] if column < width else None
    if not values.get("status"):
        values.pop("status", None)
    return EnterpriseInput(**values)


def _same(stored: Enterprise, values: dict[str, Any], mapping: Mapping) -> bool:
    names = {c for f in mapping for c in _COLUMNS.get(f, (f,)) if hasattr(stored, c)}
    return all(getattr(stored, c) == values[c] for c in names if c in values)


def _existing(session: Session, column: Any, keys: set[str]) -> dict[str, Enterprise]:
    found: dict[str, Enterprise] = {}
    listed = list(keys)
    for start in range(0, len(listed), 900):  # SQLite's bound-parameter limit
        for row in session.scalars(select(Enterprise).where(column.in_(listed[start : start + 900]), LIVE)):
            found.setdefault(getattr(row, column.key), row)
    return found


def plan(session: Session, sheet: SheetData, mapping: Mapping, *, confirm_warnings: bool,
         progress: Progress | None = None, cancelled: Cancelled | None = None) -> tuple[ImportReport, list[dict[str, Any]]]:
    """Check every row; returns the report and the rows to insert (nothing is written)."""
    if missing := missing_required("enterprises", mapping):
        raise WorkbookError(Msg("没有对应“%1”的列，请在列对应表中选择。", '、'.join(missing)))
    report = ImportReport(headers=sheet.headers, header_row=sheet.header_row)
    columns = sorted(set(mapping.values()))
    layout = _layout(mapping)
    memo: dict[str, str] = {}
    checked: list[tuple[int, tuple[object, ...], dict[str, Any]]] = []
    seen: dict[tuple[str, ...], int] = {}
    for i, (number, cells) in enumerate(sheet.rows):
        if i % 500 == 0:
            check_cancel(cancelled)
            if progress is not None:
                progress(i, len(sheet.rows), "正在检查…")
        cleaned = clean_cells(cells, columns, memo)
        repeat_key = tuple(cleaned.values())  # == row_key(cells, columns)
        if repeat_key in seen:
            report.duplicates_in_file += 1
            continue
        seen[repeat_key] = number
        try:
            validated, _ = check_fields(_input(cells, mapping, cleaned, layout), clean=True)
        except UserError as exc:
            label = FIELD_LABELS.get(exc.field or "", "数据")
            report.reject(number, cells, label, exc.message)
            continue
        checked.append((number, cells, validated.columns()))
    by_code = _existing(session, Enterprise.credit_code, {v["credit_code"] for _, _, v in checked if v["credit_code"]})
    by_name = _existing(session, Enterprise.name, {v["name"] for _, _, v in checked if not v["credit_code"]})
    names_in_db = {tidy_text(n): e for n, e in by_name.items()}
    first_row: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    for number, cells, values in checked:
        code = values["credit_code"]
        key, label = (code, "统一社会信用代码") if code else (tidy_text(values["name"]), "企业名称")
        stored = by_code.get(code) if code else names_in_db.get(key)
        if stored is not None:
            if _same(stored, values, mapping):
                report.unchanged += 1
            else:
                report.reject(number, cells, label, Msg("企业库里已有“%1”使用这个%2，已存在，未导入。如需修改请在企业页面编辑。", stored.name, '代码' if code else '名称'))
            continue
        if key in first_row:
            report.reject(number, cells, label, Msg("与第%1行重复（同一%2内容不同），未导入。请合并为一行。", first_row[key], '代码' if code else '名称'))
            continue
        first_row[key] = number
        if values["credit_code_warning"]:
            report.warnings += 1
            if not confirm_warnings:
                report.warning_rows.append(_warning(number, code))
                report.cells[number] = cells
                continue
        rows.append(values)
    report.errors.sort(key=lambda e: e.row_number)
    return report, rows


def _warning(number: int, code: str) -> Any:
    from app.domain.credit_code import check
    from app.services.excel.rows import RowError

    return RowError(number, "统一社会信用代码", check(code).message)


def import_enterprises(db: Database, path: Any, mapping: Mapping | None = None, *, confirm_warnings: bool,
                       progress: Progress | None = None, cancelled: Cancelled | None = None,
                       sheet: SheetData | None = None) -> ImportReport:
    """Read, check and write; one transaction.  Raises WorkbookError when the file cannot be
    used at all, NoStationError without a station, ImportCancelled (nothing written)."""
    if sheet is None:
        sheet = read_sheet(path, "enterprises", lambda d, t: progress and progress(d, t, "正在读取…"), cancelled)
    mapping = mapping if mapping is not None else suggest_mapping("enterprises", sheet.headers)
    with db.begin() as session:
        station = require_station(session)
        report, rows = plan(session, sheet, mapping, confirm_warnings=confirm_warnings,
                            progress=progress, cancelled=cancelled)
        insert_rows(session, rows, station.id, progress, cancelled)
        report.imported = len(rows)
    return report


BULK_INDEX = 1000  # from this many rows on, the search index catches up after the commit, off this thread


def insert_rows(session: Session, rows: list[dict[str, Any]], station_id: Any,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    """Write the planned rows and tell the search index.  A large import does not read its
    rows back inside the commit: the index applies them in the background after it (the
    list uses SQL, which already has them, until then; enterprise_search.note_bulk_changed)."""
    for values in rows:
        values.update(id=uuid7(), station_id=station_id)
    bulk_insert(session, Enterprise, rows, progress, cancelled)
    ids = [v["id"] for v in rows]
    if len(ids) >= BULK_INDEX:
        enterprise_search.note_bulk_changed(session, ids)
    else:
        enterprise_search.note_changed(session, ids)



def check_only(db: Database, kind: str, sheet: SheetData, mapping: Mapping, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None, today: Any = None, default_staff_id: Any = None) -> ImportReport:
    """The import dialog's preview: every row checked, nothing written.  `imported` is
    how many rows would be written; warning rows are held back in `warning_rows`."""

    from app.services.excel import import_records
    from app.services.records import period_locks

    with db.begin() as session:
        require_station(session)
        if kind == "enterprises":
            report, rows = plan(session, sheet, mapping, confirm_warnings=False, progress=progress, cancelled=cancelled)
        else:
            report, rows = import_records.plan(
                session, sheet, mapping, today=today or china_today(), lock_days=period_locks.resolve_lock_days(None),
                default_staff_id=default_staff_id, progress=progress, cancelled=cancelled,
            )
    report.imported = len(rows)
    return report
