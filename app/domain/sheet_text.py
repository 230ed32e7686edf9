"""Text written into an Excel sheet stays text.

openpyxl stores any text beginning with "=" as a formula.  The texts our workbooks hold
come from stations, HQ's users and imported files: a name typed as
=HYPERLINK("http://…","点我查看") would be a live link in every export, =1+1 a sum, and a
rejected row's cells (echoed in the import's error workbook) formulas nobody wrote.
`text_cells` gives such texts as cells marked text; every other value passes unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def text_cells(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """`values` for `sheet.append` (a write-only sheet or a normal one), formulas never made."""
    out = list(values)
    for i, value in enumerate(out):
        if isinstance(value, str) and value.startswith("="):
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # what openpyxl made "f" on seeing the "="
            out[i] = cell
    return out
