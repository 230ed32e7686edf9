"""The building blocks of a report body: headings, narrative, notes, tables that break cleanly.

Every piece of user text passes through `Glyphs.clean` and is escaped for ReportLab's
paragraph markup here, so builders never hand raw text to a Paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Spacer,
    TableStyle,
)

from app.reports.glyphs import Glyphs
from app.reports.kinsoku import KinsokuParagraph
from app.reports.styles import GREY, HEAD_FILL, RULE, Styles, styles

# What a final document says where there is nothing (the official style, never the app's wording):
NOT_WRITTEN = "无"  # a written section left empty (listed in `Story.unwritten` for a warning)
NO_DATA = "无"  # a table with no rows
CELL_LIMIT = 300  # characters; a longer cell would make a row taller than a page
CHUNK = 1500  # a very long paragraph is set in pieces: splitting one re-wraps all the rest

KEEP_WHOLE = 25  # rows
HEADING_ROOM = 40 * mm  # a heading starts a new page when less than this is left

Cell = str | int | float | None


class Story:
    """An ordered list of flowables for one report, with the text rules applied."""

    def __init__(self, width: float, glyphs: Glyphs | None = None) -> None:
        self.width = width
        self.glyphs = glyphs or Glyphs()
        self.s: Styles = styles()
        self.items: list[Flowable] = []
        self.heading = ""  # the last heading, naming what an empty section is
        self.part = ""  # the part of a two-part report the headings belong to ("2027年度计划")
        self.unwritten: list[str] = []  # headings of sections still to be written, for the warning
        self.warnings: list[str] = []  # other things to tell whoever prints the report

    # --- text ---------------------------------------------------------------------
    @staticmethod
    def escape(text: str) -> str:
        """Already-cleaned text made safe for ReportLab's paragraph markup."""
        return escape(text)

    def markup(self, text: str | None) -> str:
        return escape(self.glyphs.clean(text))

    def para(self, text: str | None, style: ParagraphStyle) -> KinsokuParagraph:
        """A paragraph of user or report text: cleaned, escaped, broken by the 禁则 rules."""
        return KinsokuParagraph.of(self.glyphs.clean(text), style)

    def add(self, flowable: Flowable) -> None:
        self.items.append(flowable)

    def title(self, text: str) -> None:
        self.add(self.para(text, self.s.title))

    def subtitle(self, text: str) -> None:
        self.add(self.para(text, self.s.subtitle))

    def h1(self, text: str) -> None:
        # Not keepWithNext: that wraps heading and a long table in one KeepTogether, which
        # jumps to a fresh page.  A heading just needs some room under it.
        self.add(CondPageBreak(HEADING_ROOM))
        self.add(self.para(text, self.s.h1))
        self.heading = text

    def h2(self, text: str) -> None:
        self.add(CondPageBreak(HEADING_ROOM))
        self.add(self.para(text, self.s.h2))
        self.heading = text

    def para_note(self, text: str) -> None:
        """A sentence of the report's own in body type (not the grey note)."""
        self.add(self.para(text, self.s.body))

    def note(self, text: str) -> None:
        self.add(self.para(text, self.s.note))

    def no_data(self) -> None:
        self.add(self.para(NO_DATA, self.s.body))

    def paragraphs(self, text: str) -> None:
        """Body text: one paragraph per line, very long lines set in pieces."""
        for line in self.glyphs.clean(text).splitlines():
            line = line.strip()
            for start in range(0, len(line), CHUNK):
                self.add(KinsokuParagraph.of(line[start : start + CHUNK], self.s.body))

    def narrative(self, text: str | None) -> None:
        """A written section; an empty one says 无 and is listed in `unwritten`."""
        if text and text.strip():
            self.paragraphs(text)
            return
        self.unwritten_here()
        last = self.items[-1] if self.items else None
        if not (isinstance(last, KinsokuParagraph) and last.plain == NOT_WRITTEN):  # once, after an empty table
            self.add(self.para(NOT_WRITTEN, self.s.body))

    def unwritten_here(self, what: str = "") -> None:
        """Note that the section under the last heading (or `what`) still has to be written."""
        self.unwritten.append(f"{self.part}{what or self.heading}")

    def spacer(self, height_mm: float = 4) -> None:
        self.add(self.spacer_flowable(height_mm))

    @staticmethod
    def spacer_flowable(height_mm: float) -> Spacer:
        return Spacer(1, height_mm * mm)

    def page_break(self) -> None:
        self.add(PageBreak())

    def drawing(self, drawing: Drawing) -> None:
        self.add(drawing)

    # --- tables -------------------------------------------------------------------
    def cell(self, value: Cell, numeric: bool = False) -> KinsokuParagraph:
        if value is None:
            text = "—"
        elif isinstance(value, float):
            text = f"{value:,.1f}"
        elif isinstance(value, int):
            text = f"{value:,}"
        else:
            text = self.glyphs.clean(value).replace("\n", " ")
            if len(text) > CELL_LIMIT:
                text = text[: CELL_LIMIT - 1] + "…"
        return KinsokuParagraph.of(text, self.s.cell_num if numeric else self.s.cell)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        total: Sequence[Cell] | None = None,
        min_height_mm: float | None = None,
    ) -> None:
        """A table whose header repeats on every page; `widths` are shares of the text width.

        Numeric cells are right-aligned.  An empty `rows` prints the no-data note instead.
        """
        if not rows:
            self.no_data()
            return
        scale = self.width / sum(widths)
        numeric = [all(_is_figure(r[i]) for r in rows) for i in range(len(headers))]
        data = [[self.para(h, self.s.cell_head) for h in headers]]
        data += [[self.cell(v, numeric[i]) for i, v in enumerate(row)] for row in rows]
        if total is not None:
            data.append([self.cell(v, numeric[i]) for i, v in enumerate(total)])
        heights = None if min_height_mm is None else [0] + [min_height_mm * mm] * (len(data) - 1)
        # minimum heights: a fixed rowHeight would clip a wrapped long name
        table = LongTable(data, colWidths=[w * scale for w in widths], minRowHeights=heights, repeatRows=1)
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.s.font, 9),  # the cell default is Helvetica, even under Paragraphs
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if total is not None:
            commands.append(("LINEABOVE", (0, -1), (-1, -1), 1, GREY))
        table.setStyle(TableStyle(commands))
        if len(data) > KEEP_WHOLE:
            self.add(table)
        else:
            # A short table moves whole rather than leave its total row alone on the next page,
            # and takes its heading along rather than leave it at the bottom of a page.
            heads: list[Flowable] = []
            while self.items and getattr(self.items[-1], "style", None) in (self.s.h1, self.s.h2):
                heads.insert(0, self.items.pop())
            self.add(KeepTogether([*heads, table]))
        self.spacer(2)


def _is_figure(value: Cell) -> bool:
    """Numbers, percentages and the dash line up on the right."""
    if value is None or isinstance(value, int | float):
        return True
    return value == "—" or (value.endswith("%") and value[:-1].replace(",", "").replace(".", "").isdigit())
