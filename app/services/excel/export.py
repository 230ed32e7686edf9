"""Write .xlsx files: the enterprise list (same columns and cells as HQ's export,
app.hq.export) and the error workbook of an import.

Decisions:
- Row 1 is the header row (no title row), sheet "企业库", as HQ writes it, so the
  two files compare cell by cell; we add only column widths and a frozen header.
- openpyxl write-only mode; the file is written beside the target and renamed at the
  end, so a cancel or a failure never leaves a half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.export_columns import (
    ENTERPRISE_COLUMNS,
    ENTERPRISE_HEADERS,
    enterprise_cells,
)
from app.domain.sheet_text import text_cells
from app.models import Enterprise
from app.services.enterprises.search import EnterpriseFilter, query_ids
from app.services.excel.rows import Cancelled, ImportReport, check_cancel

Progress = Callable[[int, int, str], None]
SHEET_TITLE = "企业库"
_WIDTHS = {"统一社会信用代码": 22, "企业名称": 36, "地址": 36, "联系电话": 16, "营业收入（万元）": 16, "资产总额（万元）": 16}
_FIELDS = [getattr(Enterprise, name) for _, name in ENTERPRISE_COLUMNS]
_PAGE = 2000


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(index + 1)  # openpyxl ships no types
    return letter


def _save_atomically(book, path: Path) -> None:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        book.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def export_enterprises(session: Session, filt: EnterpriseFilter | None, path: Path | str,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Write the enterprises matching `filt`, in the list's order; returns how many.
    Raises ImportCancelled (nothing written) when `cancelled()` turns true."""
    from openpyxl import Workbook

    ids = list(query_ids(session, filt or EnterpriseFilter()))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    for i, header in enumerate(ENTERPRISE_HEADERS):
        sheet.column_dimensions[_letter(i)].width = _WIDTHS.get(header, 12)
    sheet.append(list(ENTERPRISE_HEADERS))
    for start in range(0, len(ids), _PAGE):
        check_cancel(cancelled)
        chunk = ids[start : start + _PAGE]
        found = {r.id: r for r in session.execute(select(Enterprise.id, *_FIELDS).where(Enterprise.id.in_(chunk)))}
        for eid in chunk:
            if (row := found.get(eid)) is not None:
                sheet.append(text_cells(sheet, enterprise_cells(row._asdict())))
        if progress is not None:
            progress(min(start + _PAGE, len(ids)), len(ids), "正在导出…")
    check_cancel(cancelled)
    _save_atomically(book, Path(path))
    return len(ids)


def default_errors_path(source: Path | str) -> Path:
    """Beside the imported file: 企业名单.xlsx → 企业名单-错误.xlsx."""
    source = Path(source)
    return source.with_name(f"{source.stem}-错误.xlsx")


def write_error_workbook(report: ImportReport, path: Path | str) -> int:
    """Every rejected row (and every unconfirmed warning row) with its original row
    number, its original cells and the reason; returns how many rows were written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("未导入的行")
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 50
    bold = Font(bold=True)
    header = ["原行号", "原因", *report.headers]
    sheet.append([_bold(sheet, h, bold) for h in header])
    problems = [(e.row_number, e.message) for e in report.errors]
    problems += [(w.row_number, w.message + "（未确认，未导入）") for w in report.warning_rows]
    for number, reason in sorted(problems):
        cells = report.cells.get(number, ())
        sheet.append(text_cells(sheet, [number, reason, *("" if c is None else c for c in cells)]))
    _save_atomically(book, Path(path))
    return len(problems)


def _bold(sheet, value: str, font):  # type: ignore[no-untyped-def]
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell
