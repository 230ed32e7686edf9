"""Read the data rows of an .xlsx as real offices fill them: title rows above the
header, merged cells, empty rows, several sheets.

Decisions:
- openpyxl read-only mode (3–5× faster, a fraction of the memory), which does not
  expose merged ranges; we read ``<mergeCell ref=…>`` from the sheet's XML ourselves
  and copy the top-left value over each range (a district merged down ten rows
  applies to all ten).
- The header row is the row, among the first 30 of any sheet, whose cells name the
  most known fields (excel_columns.header_score); at least two, else no header.
- ``reset_dimensions``: some generators write a wrong ``<dimension>``, which would
  make openpyxl cut columns off.
- openpyxl's read-only open looks for ``<dimension>`` with end events, so on a sheet
  without one (openpyxl's own write-only output, many exporters) it parses the whole
  sheet before the first row is read: ~0.25 s of ~1.1 s for 10,000 rows × 11 columns.
  `_HeadSizedSheet` looks with start events and stops at ``<sheetData>``: the same size
  (or the same None) without the extra pass.
- Text cells (inline and shared strings) are read by app.services.excel.fast_cells,
  without openpyxl's rich-text objects: the same values, ~half of openpyxl's read time
  on a sheet of text.
"""

from __future__ import annotations

import re
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.domain.errors import UserError
from app.domain.messages import Msg
from app.services.excel import fast_cells
from app.services.excel.columns import column_letters, header_score

HEADER_SCAN_ROWS = 30
# Caps on what one import reads (a hostile or broken workbook must not take the PC's memory):
MAX_FILE_BYTES = 100 * 1024 * 1024  # the .xlsx as stored
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # its members as their headers say they unpack
MAX_ROWS = 100_000 + HEADER_SCAN_ROWS  # sheet rows read; a row beyond with content is refused
MAX_COLUMNS = 200  # sheet columns read; a cell beyond with content is refused
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')

Progress = Callable[[int, int], None]


class WorkbookError(UserError):
    """The file cannot be read at all (missing, not .xlsx, no recognisable header)."""


@dataclass(frozen=True)
class SheetData:
    path: Path
    sheet: str
    header_row: int  # 1-based row number of the header
    headers: list[str]
    rows: list[tuple[int, tuple[object, ...]]]  # (1-based row number, cells), empty rows left out


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col), rows 1-based, columns 0-based."""
    with archive.open(member) as handle:
        data = handle.read()
    start = data.find(b"mergeCell")  # one C-level scan: most sheets have none (the regex tries every "<")
    if start < 0:
        return []
    return [(int(r1), _col(c1), int(r2), _col(c2)) for c1, r1, c2, r2 in _MERGE.findall(data, max(start - 40, 0))]


@cache
def _head_sized_sheet() -> type:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse

    class _HeadSizedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
        _cells_by_row = fast_cells.cells_by_row  # text cells without openpyxl's Text objects

        def _get_size(self) -> None:
            with self._get_source() as source:
                for _event, element in iterparse(source, events=("start",)):
                    if element.tag == DIMENSION_TAG:
                        bounds = SheetDimension.from_tree(element).boundaries
                        if bounds is not None:
                            self._min_column, self._min_row, self._max_column, self._max_row = bounds
                        return
                    if element.tag == DATA_TAG:
                        return

    return _HeadSizedSheet


_OPENING = threading.Lock()


def _load_read_only(path: Path):  # type: ignore[no-untyped-def]
    """load_workbook(read_only=True) with `_HeadSizedSheet` as its sheet class and
    fast_cells' shared-string table.  openpyxl's reader finds both by their module-level
    names, swapped here only while we open (other callers, the benchmark's baseline among
    them, keep openpyxl as it is)."""
    from openpyxl import load_workbook
    from openpyxl.reader import excel

    with _OPENING:
        plain, excel.ReadOnlyWorksheet = excel.ReadOnlyWorksheet, _head_sized_sheet()
        strings, excel.read_string_table = excel.read_string_table, fast_cells.string_table
        try:
            return load_workbook(path, read_only=True, data_only=True)
        finally:
            excel.ReadOnlyWorksheet, excel.read_string_table = plain, strings


def _check_size(path: Path) -> None:
    """Refuse, before openpyxl reads anything, a file or an archive too large to import."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookError(Msg("文件太大（%1 MB），一次最多导入 %2 MB 的文件。请删除不需要的工作表和图片，或拆分成几个文件分批导入。",
                                size // (1024 * 1024), MAX_FILE_BYTES // (1024 * 1024)))
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: openpyxl's open below says the file is unreadable
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookError(Msg("文件解压后超过 %1 MB，可能已损坏或不是普通的表格。请在 Excel 或 WPS 中打开后另存为 .xlsx，或拆分成几个文件分批导入。",
                                MAX_UNPACKED_BYTES // (1024 * 1024)))


def _filled(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _capped(number: int, row: tuple[object, ...]) -> tuple[object, ...] | None:
    """The row as the import keeps it: at most MAX_COLUMNS cells; None for an empty row past
    MAX_ROWS; WorkbookError for content past either cap."""
    if len(row) > MAX_COLUMNS:
        beyond = next((i for i in range(len(row) - 1, MAX_COLUMNS - 1, -1) if _filled(row[i])), None)
        if beyond is not None:
            raise WorkbookError(Msg("第%1行第%2列有内容，超出了可导入的前 %3 列。请删除表格右侧多余的内容后再导入。",
                                    number, column_letters(beyond), MAX_COLUMNS))
        row = row[:MAX_COLUMNS]
    if number > MAX_ROWS:
        if any(_filled(c) for c in row):
            raise WorkbookError(Msg("表格超过 %1 行（第%2行仍有内容），请拆分成几个文件分批导入。", MAX_ROWS, number))
        return None
    return row


def _open(path: Path):  # type: ignore[no-untyped-def]
    if not path.is_file():
        raise WorkbookError(Msg("找不到文件：%1", path))
    if path.suffix.lower() == ".xls":
        raise WorkbookError("这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。")
    _check_size(path)
    try:
        return _load_read_only(path)
    except Exception as exc:  # zipfile.BadZipFile, InvalidFileException, KeyError, XML errors …
        raise WorkbookError(Msg("无法读取这个 Excel 文件（%1），请确认是 .xlsx 格式且未损坏。", type(exc).__name__)) from exc


def _best_header(kind: str, rows: list[tuple[object, ...]]) -> tuple[int, int]:
    best, best_index = 0, -1
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = header_score(kind, cells)
        if score > best:
            best, best_index = score, index
    return best, best_index


def read_sheet(path: Path | str, kind: str, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> SheetData:
    """The data rows below the best header row of the best sheet; WorkbookError when unreadable."""
    path = Path(path)
    book = _open(path)
    try:
        chosen: tuple[int, int, object] | None = None
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):  # chart sheets
                continue
            sheet.reset_dimensions()
            head = [tuple(r) for _, r in zip(range(HEADER_SCAN_ROWS), sheet.iter_rows(values_only=True), strict=False)]
            score, index = _best_header(kind, head)
            if score >= 2 and (chosen is None or score > chosen[0]):
                chosen = (score, index, sheet)
        if chosen is None:
            raise WorkbookError("在文件前30行中没有找到表头（如“企业名称”“统一社会信用代码”），请检查是否选错了文件或工作表。")
        _, header_index, sheet = chosen
        all_rows: list[tuple[object, ...]] = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):  # type: ignore[attr-defined]
            kept = _capped(number, tuple(row))
            if kept is not None:
                all_rows.append(kept)
            if number % 2000 == 0:
                if cancelled is not None and cancelled():
                    from app.services.excel.rows import ImportCancelled

                    raise ImportCancelled()
                if progress is not None:
                    progress(number, 0)
        merges = _merged_ranges(book._archive, sheet._worksheet_path)  # type: ignore[attr-defined]
        title = sheet.title  # type: ignore[attr-defined]
    finally:
        book.close()
    end = len(all_rows)  # trailing empty rows (a stray row far below the table): no grid for them
    while end > header_index + 1 and not any(_filled(c) for c in all_rows[end - 1]):
        end -= 1
    for r1, _c1, r2, _c2 in merges:  # a merged cell reaching below the last filled row fills those rows
        if r1 <= end:
            end = max(end, min(r2, len(all_rows)))
    del all_rows[end:]
    width = max((len(r) for r in all_rows), default=0)
    grid = [list(r) + [None] * (width - len(r)) for r in all_rows]
    for r1, c1, r2, c2 in merges:
        if r1 - 1 >= len(grid):
            continue
        value = grid[r1 - 1][c1] if c1 < width else None
        for r in range(r1 - 1, min(r2, len(grid))):
            for c in range(c1, min(c2 + 1, width)):
                grid[r][c] = value
    headers = ["" if v is None else str(v).strip() for v in grid[header_index]]
    rows = [
        (number, tuple(cells))
        for number, cells in enumerate(grid[header_index + 1 :], start=header_index + 2)
        if any(c is not None and str(c).strip() != "" for c in cells)
    ]
    return SheetData(path, str(title), header_index + 1, headers, rows)
