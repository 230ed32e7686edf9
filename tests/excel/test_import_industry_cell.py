"""Finding 11 (issue 10) through the Excel import: an industry cell "C13 制造业" (a code
followed by its section's name) crashed the import with UnboundLocalError."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from app.domain.credit_code import make_code
from app.models import Enterprise
from app.services.excel.import_enterprises import import_enterprises
from tests.excel.messy_workbook import HEADERS


def test_code_and_section_name_in_one_industry_cell(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    book.active.append(HEADERS)
    book.active.append([1, "广州纺织有限公司", make_code("91440100MA0000013"), "C13 制造业", "天河", 20, 100, 80, "张三", "", "李四"])
    path = tmp_path / "industry.xlsx"
    book.save(path)
    report = import_enterprises(db, path, confirm_warnings=False)
    assert report.imported == 1 and report.rejected == 0
    with db.begin() as s:
        stored = s.scalars(select(Enterprise).where(Enterprise.name == "广州纺织有限公司")).one()
        assert (stored.industry_section, stored.industry_code) == ("C", "13")
