"""The reader's read-only open: the sheet size from <dimension> as openpyxl reads it, without
openpyxl's whole-sheet pass when <dimension> is missing, and openpyxl left as it was."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.reader import excel

from app.services.excel import reader


def _size(book) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    sheet = book.active
    return sheet.min_row, sheet.min_column, sheet.max_row, sheet.max_column


def _books(tmp_path: Path) -> list[Path]:
    sized = Workbook()  # normal mode writes <dimension ref="A1:F8">
    sized.active.append(["企业名称", "统一社会信用代码"])
    sized.active["F8"] = 1
    unsized = Workbook(write_only=True)  # no <dimension>
    sheet = unsized.create_sheet("企业")
    sheet.append(["企业名称", "统一社会信用代码"])
    paths = [tmp_path / "sized.xlsx", tmp_path / "unsized.xlsx"]
    sized.save(paths[0])
    unsized.save(paths[1])
    return paths


def test_open_sizes_sheets_as_openpyxl_does(tmp_path: Path) -> None:
    for path in _books(tmp_path):
        plain, ours = load_workbook(path, read_only=True), reader._load_read_only(path)
        try:
            assert _size(ours) == _size(plain)
        finally:
            plain.close()
            ours.close()
    sized = reader._load_read_only(tmp_path / "sized.xlsx")
    assert _size(sized) == (1, 1, 8, 6)
    sized.close()


def test_open_leaves_openpyxl_as_it_was(tmp_path: Path) -> None:
    before = excel.ReadOnlyWorksheet
    reader.read_sheet(_books(tmp_path)[0], "enterprises")
    assert excel.ReadOnlyWorksheet is before
    assert type(reader._load_read_only(tmp_path / "sized.xlsx").active) is not before
