"""Random cells in every column: never a crash; each row imported or rejected with a
Chinese reason naming the field."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from app.services.excel.columns import ENTERPRISE_FIELDS
from app.services.excel.import_enterprises import import_enterprises
from app.services.excel.reader import SheetData

HEADERS = [label for label, _ in ENTERPRISE_FIELDS.values()]
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
CELL = st.one_of(
    st.none(), _text, st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime(1800, 1, 1)), st.sampled_from(["制造业", "52", "C", "天河", "１２０", "-5", "3,500"]),
)
ROWS = st.lists(st.lists(CELL, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS)
def test_random_cells_never_crash(db, world, rows: list[list[object]], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = SheetData(tmp_path / "x.xlsx", "s", 1, HEADERS, [(n, tuple(r)) for n, r in enumerate(rows, start=2)])
    mapping = {field: i for i, field in enumerate(ENTERPRISE_FIELDS)}
    report = import_enterprises(db, sheet.path, mapping, confirm_warnings=True, sheet=sheet)
    handled = report.imported + report.rejected + report.duplicates_in_file + report.unchanged
    assert handled == len(rows)
    labels = {label for label, _ in ENTERPRISE_FIELDS.values()} | {"从业人员（人）", "规模数据年份", "经营状态"}
    for error in report.errors:
        assert error.message.startswith(error.field) and any("\u4e00" <= ch <= "\u9fff" for ch in error.field)
        assert error.field in labels | {"行业门类", "行业代码", "数据"}, error


def test_random_cells_survive_a_real_workbook(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    book.active.append(HEADERS)
    book.active.append(["x" * 500, "\t", 1e300, -1, None, "=1+1", "²", "Ⅻ", 13800138000.5, "0", "1e5", "", "", "?", "  "])
    book.save(tmp_path / "odd.xlsx")
    report = import_enterprises(db, tmp_path / "odd.xlsx", confirm_warnings=True)
    assert report.imported + report.rejected == 1


@given(st.lists(st.lists(st.none() | st.integers() | st.floats() | st.booleans()
                         | st.text(alphabet=" \t\u3000\u200b广州ａA1-", max_size=6), max_size=5), max_size=8))
def test_clean_cells_with_a_memo_cleans_as_without(rows: list[list[object]]) -> None:
    from app.services.excel.rows import clean_cells

    memo: dict[str, str] = {}
    for cells in rows + rows:  # the second pass reads the memo
        assert clean_cells(cells, range(6), memo) == clean_cells(cells, range(6))
