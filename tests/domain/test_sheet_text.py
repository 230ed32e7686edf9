"""app.domain.sheet_text: a text beginning with "=" is written as text, in write-only sheets
(the enterprise exports) and normal ones (HQ's read-model, city-report and 督促 workbooks)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.messages import Msg
from app.domain.sheet_text import text_cells

VALUES = ['=HYPERLINK("http://example.invalid","点我")', "=1+1", Msg("=%1", "SUM(A1:A9)"), "a=b", "", None, 3,
          Decimal("1.50"), "+1", "@A1"]


@pytest.mark.parametrize("write_only", [True, False])
def test_a_formula_looking_text_is_written_as_text(tmp_path: Path, write_only: bool) -> None:
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("s") if write_only else book.active
    sheet.append(text_cells(sheet, VALUES))
    book.save(tmp_path / "t.xlsx")
    row = list(load_workbook(tmp_path / "t.xlsx").worksheets[-1].iter_rows())[0]
    assert [c.data_type for c in row[:3]] == ["s", "s", "s"]
    assert [c.value for c in row] == ['=HYPERLINK("http://example.invalid","点我")', "=1+1", "=SUM(A1:A9)", "a=b", None, None,
                                      3, 1.5, "+1", "@A1"]
    assert "f" not in {c.data_type for c in row}


def test_other_values_pass_unchanged() -> None:
    assert text_cells(None, ["a=b", 3, None]) == ["a=b", 3, None]
