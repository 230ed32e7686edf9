"""Text cells read without openpyxl's object model: the same values, in half the time.

openpyxl turns every inline string (``<c t="inlineStr"><is>…</is></c>``, what openpyxl
itself and many exporters write) and every shared string (``<si>`` of sharedStrings.xml,
what Excel and WPS write) into a `Text` object through its descriptor machinery, only to
take ``.content``: ~40 % of reading a 10,000-row sheet of text.  `plain_text` gives that
content straight from the element: the ``<t>`` child's text (the last one, as openpyxl
keeps), then each run's ``<t>``; phonetic runs (``<rPh>``) left out, as openpyxl does.
Run properties (``<rPr>``) are not parsed, so a malformed font in a run no longer
stops the read.  Tested against openpyxl on each kind of cell (tests/excel/test_fast_cells.py).

Used only by the import's reader (app.services.excel.reader), for its own open: other
callers keep openpyxl as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import IO, Any


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]  # as openpyxl's from_tree compares children: namespace dropped


def plain_text(node: Any) -> str:
    """``Text.from_tree(node).content`` for an ``<is>`` or ``<si>`` element."""
    plain = None
    runs = []
    for child in node:
        tag = _local(child.tag)
        if tag == "t":
            plain = child.text
        elif tag == "r":
            text = None
            for part in child:
                if _local(part.tag) == "t":
                    text = part.text
            if text is not None:
                runs.append(text)
    if plain is not None:
        runs.insert(0, plain)
    return "".join(runs)


def string_table(xml_source: IO[bytes]) -> list[str]:
    """openpyxl.reader.strings.read_string_table, through `plain_text`."""
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    strings = []
    string_tag = "{%s}si" % SHEET_MAIN_NS  # noqa: UP031 - as openpyxl spells it
    for _, node in iterparse(xml_source):
        if node.tag == string_tag:
            strings.append(plain_text(node).replace("x005F_", ""))
            node.clear()
    return strings


@cache
def parser_class() -> type:
    """openpyxl's WorkSheetParser, inline strings through `plain_text`."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            if element.get("t") != "inlineStr" or self.rich_text or not self.data_only:
                return super().parse_cell(element)  # type: ignore[no-any-return]
            # openpyxl's parse_cell for an inline string, formulas not asked for (data_only)
            coordinate = element.get("r")
            style_id = element.get("s", 0)
            if style_id:
                style_id = int(style_id)
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                self.col_counter = column
            else:
                self.col_counter += 1
                row, column = self.row_counter, self.col_counter
            child = element.find(INLINE_STRING)
            if child is None:
                return {"row": row, "column": column, "value": None, "data_type": "inlineStr", "style_id": style_id}
            return {"row": row, "column": column, "value": plain_text(child), "data_type": "s", "style_id": style_id}

    return _Parser


def cells_by_row(self: Any, min_col: int, min_row: int, max_col: int | None, max_row: int | None,
                 values_only: bool = False) -> Iterator[Any]:
    """openpyxl's ReadOnlyWorksheet._cells_by_row (3.1) with `parser_class`'s parser; a
    method of the reader's sheet class."""
    from openpyxl.cell.read_only import EMPTY_CELL

    filler = None if values_only else EMPTY_CELL
    max_col = max_col or self.max_column
    max_row = max_row or self.max_row
    empty_row: tuple[Any, ...] | list[Any] = []
    if max_col is not None:
        empty_row = (filler,) * (max_col + 1 - min_col)
    counter = min_row
    idx = 1
    with self._get_source() as src:
        parser = parser_class()(src, self._shared_strings, data_only=self.parent.data_only, epoch=self.parent.epoch,
                                date_formats=self.parent._date_formats, timedelta_formats=self.parent._timedelta_formats)
        for idx, row in parser.parse():  # noqa: B007 - idx is read after the loop, as openpyxl does
            if max_row is not None and idx > max_row:
                break
            for _ in range(counter, idx):  # rows missing from the file
                counter += 1
                yield empty_row
            if counter <= idx:
                counter += 1
                yield self._get_row(row, min_col, max_col, values_only)
    if max_row is not None and max_row < idx:
        for _ in range(counter, max_row + 1):
            yield empty_row
