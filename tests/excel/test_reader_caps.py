"""What one import reads is capped: a hostile or broken workbook is refused with a Chinese
message naming where and what to do, before it can take the PC's memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.services.excel import reader
from app.services.excel.reader import WorkbookError, read_sheet

HEADER = ["企业名称", "统一社会信用代码", "所在区"]


def _book(path: Path, extra: dict[tuple[int, int], object] | None = None, merges: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["广州甲公司", "", "天河区"])
    sheet.append(["广州乙公司", "", "海珠区"])
    for (row, column), value in (extra or {}).items():
        sheet.cell(row=row, column=column, value=value)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def test_content_right_of_the_column_cap_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = _book(tmp_path / "wide.xlsx", {(3, 16384): "备注"})
    with pytest.raises(WorkbookError) as caught:
        read_sheet(path, "enterprises")
    assert str(caught.value) == "第3行第XFD列有内容，超出了可导入的前 200 列。请删除表格右侧多余的内容后再导入。"


def test_an_empty_cell_far_right_is_ignored(tmp_path: Path) -> None:
    data = read_sheet(_book(tmp_path / "blank.xlsx", {(2, 16384): "  "}), "enterprises")
    assert [cells[0] for _, cells in data.rows] == ["广州甲公司", "广州乙公司"]
    assert max(len(cells) for _, cells in data.rows) <= reader.MAX_COLUMNS


def test_content_below_the_row_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ROWS", 40)
    path = _book(tmp_path / "long.xlsx", {(41, 1): "广州丙公司"})
    with pytest.raises(WorkbookError) as caught:
        read_sheet(path, "enterprises")
    assert str(caught.value) == "表格超过 40 行（第41行仍有内容），请拆分成几个文件分批导入。"
    assert read_sheet(_book(tmp_path / "ok.xlsx", {(40, 1): "广州丙公司"}), "enterprises").rows[-1][0] == 40


def test_a_stray_blank_row_far_below_costs_no_grid(tmp_path: Path) -> None:
    plain = _book(tmp_path / "plain.xlsx")
    stray = _book(tmp_path / "stray.xlsx", {(20_000, 200): " "})

    def peak(path: Path) -> int:
        tracemalloc.start()
        try:
            data = read_sheet(path, "enterprises")
            return tracemalloc.get_traced_memory()[1], data  # type: ignore[return-value]
        finally:
            tracemalloc.stop()

    base, _ = peak(plain)  # type: ignore[misc]
    high, data = peak(stray)  # type: ignore[misc]
    assert [n for n, _ in data.rows] == [2, 3]
    assert high - base < 4 * 1024 * 1024, (base, high)  # a 20,000 × 200 grid would be ≥ 32 MB


def test_a_merged_cell_below_the_last_filled_row_still_fills_its_rows(tmp_path: Path) -> None:
    path = _book(tmp_path / "merged.xlsx", merges=("C3:C5",))
    assert [(n, cells[2]) for n, cells in read_sheet(path, "enterprises").rows] == [
        (2, "天河区"), (3, "海珠区"), (4, "海珠区"), (5, "海珠区")]


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "big.xlsx")
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(reader, "_load_read_only", lambda _p: pytest.fail("opened"))
    with pytest.raises(WorkbookError) as caught:
        read_sheet(path, "enterprises")
    assert str(caught.value).startswith("文件太大（0 MB），一次最多导入 0 MB 的文件。")


def test_an_archive_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "bomb.xlsx")
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    big = Workbook()
    big.active.append(HEADER)
    for i in range(40_000):
        big.active.append([f"广州{i}公司", "", "天河区"])
    big.save(path)
    monkeypatch.setattr(reader, "_load_read_only", lambda _p: pytest.fail("opened"))
    with pytest.raises(WorkbookError) as caught:
        read_sheet(path, "enterprises")
    assert "解压后超过 2 MB" in str(caught.value)


@pytest.mark.parametrize("name", ["old.xls", "OLD.XLS"])
def test_an_old_xls_file_is_told_to_save_as_xlsx(tmp_path: Path, name: str) -> None:
    """A BIFF .xls (an OLE compound file, not a zip) gets the fix, not openpyxl's 'cannot read'."""
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(WorkbookError) as caught:
        read_sheet(path, "enterprises")
    assert str(caught.value) == "这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。"
