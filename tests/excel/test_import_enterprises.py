"""The messy workbook: exact counts, stored values, all-or-nothing, re-runs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.models import Enterprise
from app.services.enterprises import search as enterprise_search
from app.services.excel import rows as excel_rows
from app.services.excel.export import write_error_workbook
from app.services.excel.import_enterprises import import_enterprises
from app.services.excel.reader import WorkbookError, read_sheet
from app.services.excel.rows import ImportCancelled
from tests.excel.messy_workbook import BAD_CHECK, CODES, EXPECTED, build_enterprises
from tests.services import count


def _stored(db) -> dict[str, Enterprise]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        rows = s.scalars(select(Enterprise).where(Enterprise.credit_code.is_not(None))).all()
        s.expunge_all()
    return {r.credit_code: r for r in rows}


def test_reader_finds_header_below_titles_and_fills_merged_cells(messy: Path) -> None:
    sheet = read_sheet(messy, "enterprises")
    assert sheet.header_row == 4
    assert sheet.headers[1] == "单位名称"
    assert sheet.rows[0][0] == 5
    assert sheet.rows[-1][1][4] == "白云区"  # merged down from the row above


def test_messy_workbook_exact_counts_and_values(db, world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_enterprises(db, messy, confirm_warnings=False)
    got = {k: getattr(report, k) for k in EXPECTED}
    assert got == EXPECTED
    assert [(e.row_number, e.field) for e in report.errors] == [
        (12, "统一社会信用代码"), (13, "企业名称"), (14, "从业人员（人）")]
    assert [w.row_number for w in report.warning_rows] == [11]
    stored = _stored(db)
    assert BAD_CHECK not in stored
    first = stored[CODES[0]]
    assert (first.name, first.industry_section, first.district, first.employees) == ("广州甲科技有限公司", "C", "天河区", 120)
    assert (first.revenue, first.assets, first.contact_phone) == (Decimal("3500.00"), Decimal("2000.00"), "13800138000")
    assert stored[CODES[1]].name == "广州乙商贸有限公司" and stored[CODES[1]].industry_code == "52"
    assert stored[CODES[1]].contact_phone == "13800138001" and stored[CODES[1]].revenue == Decimal("450.50")
    assert (stored[CODES[2]].industry_code, stored[CODES[2]].district) == ("65", "越秀区")
    assert (stored[CODES[3]].industry_section, stored[CODES[3]].industry_code) == ("C", None)
    assert (stored[CODES[4]].industry_section, stored[CODES[4]].industry_code) == ("F", "52")
    assert CODES[10] in stored  # written in full-width characters
    assert sorted(r.district for r in stored.values() if r.industry_section == "G") == ["白云区", "白云区"]
    assert count(db, Enterprise) == 2 + 8


def test_confirmed_warning_rows_are_imported_flagged(db, world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_enterprises(db, messy, confirm_warnings=True)
    assert (report.imported, report.warnings, report.rejected) == (9, 1, 3)
    assert _stored(db)[BAD_CHECK].credit_code_warning is True


def test_rerun_imports_nothing_twice(db, world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    import_enterprises(db, messy, confirm_warnings=True)
    again = import_enterprises(db, messy, confirm_warnings=True)
    assert (again.imported, again.unchanged, again.rejected) == (0, 9, 3)
    assert count(db, Enterprise) == 2 + 9


def test_existing_code_with_other_values_is_rejected(db, world, messy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_enterprises(db, messy, confirm_warnings=True)
    sheet = load_workbook(messy)
    sheet.active["B5"] = "广州甲科技集团有限公司"
    changed = tmp_path / "changed.xlsx"
    sheet.save(changed)
    report = import_enterprises(db, changed, confirm_warnings=True)
    assert report.errors[0].row_number == 5 and "已存在，未导入" in report.errors[0].message
    assert _stored(db)[CODES[0]].name == "广州甲科技有限公司"


def test_failure_half_way_writes_nothing(db, world, messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real, calls = excel_rows.insert_chunk, []

    def failing(session, model, rows):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        if len(calls) > 2:
            raise OSError("disk full")
        real(session, model, rows)

    monkeypatch.setattr(excel_rows, "CHUNK", 2)
    monkeypatch.setattr(excel_rows, "insert_chunk", failing)
    with pytest.raises(OSError):
        import_enterprises(db, messy, confirm_warnings=True)
    assert len(calls) == 3 and count(db, Enterprise) == 2


def test_cancel_writes_nothing(db, world, messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(excel_rows, "CHUNK", 2)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # after the first chunks went in

    with pytest.raises(ImportCancelled):
        import_enterprises(db, messy, confirm_warnings=True, cancelled=cancelled)
    assert count(db, Enterprise) == 2


def test_search_index_sees_imported_rows(db, world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        enterprise_search.warm_up(s)
    import_enterprises(db, messy, confirm_warnings=True)
    with db.begin() as s:
        ids = enterprise_search.query_ids(s, enterprise_search.EnterpriseFilter(text="广州丙软件"))
        assert len(ids) == 1


def test_error_workbook_has_row_numbers_cells_and_reasons(db, world, messy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = import_enterprises(db, messy, confirm_warnings=False)
    out = tmp_path / "errors.xlsx"
    assert write_error_workbook(report, out) == 4
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("原行号", "原因", "序号")
    assert [r[0] for r in rows[1:]] == [11, 12, 13, 14]
    assert rows[2][2] == 8 and rows[2][3] == "广州庚贸易有限公司" and "18位" in rows[2][1]
    assert "未确认" in rows[1][1]


def test_unusable_files(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WorkbookError, match="找不到文件"):
        import_enterprises(db, tmp_path / "missing.xlsx", confirm_warnings=True)
    (tmp_path / "junk.xlsx").write_bytes(b"not a zip")
    with pytest.raises(WorkbookError, match="无法读取"):
        import_enterprises(db, tmp_path / "junk.xlsx", confirm_warnings=True)
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["甲", "乙"])
    book.save(tmp_path / "nohead.xlsx")
    with pytest.raises(WorkbookError, match="表头"):
        import_enterprises(db, tmp_path / "nohead.xlsx", confirm_warnings=True)


def test_remembered_mapping_wins(world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.excel import columns as excel_columns

    sheet = read_sheet(messy, "enterprises")
    suggested = excel_columns.suggest_mapping("enterprises", sheet.headers)
    assert suggested["name"] == 1 and suggested["credit_code"] == 2 and suggested["industry_code"] == 3
    assert suggested["employees"] == 5 and suggested["revenue"] == 6 and suggested["legal_representative"] == 10
    excel_columns.remember("enterprises", sheet.headers, {"name": 1, "notes": 8})
    assert excel_columns.suggest_mapping("enterprises", sheet.headers) == {"name": 1, "notes": 8}
    assert excel_columns.suggest_mapping("enterprises", [*sheet.headers, "x"])["credit_code"] == 2
    build_enterprises  # noqa: B018 - the fixture builder is the module under test's input


def test_a_credit_code_excel_stored_as_a_number_is_rejected(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An 18-digit code typed into a number cell keeps 15 significant digits: refused with the fix,
    never stored as a well-shaped but wrong code."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "统一社会信用代码", "所在区"])
    sheet.append(["广州数字代码有限公司", 914401011234567890, "天河区"])
    sheet.append(["广州数字代码二有限公司", float(914401011234567890), "天河区"])
    book.save(tmp_path / "numbers.xlsx")
    report = import_enterprises(db, tmp_path / "numbers.xlsx", confirm_warnings=True)
    assert (report.imported, report.rejected) == (0, 2), report.errors
    assert all(e.field == "统一社会信用代码" and "存成了数字" in e.message for e in report.errors), report.errors
    assert not any(name.startswith("广州数字代码") for name in (e.name for e in _stored(db).values()))
