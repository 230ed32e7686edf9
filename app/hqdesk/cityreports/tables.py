"""A long table of figures, laid out fast: a 300-station network prints three tables of 300
rows, and a paragraph per cell (app.reports.story.Story.table) costs ~10 s there.  Here only
the first `wrapped` columns (names) are paragraphs; figures and short words are plain strings,
right-aligned when numeric, in the same look as Story.table (header repeated on every page)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import LongTable, TableStyle

from app.reports.story import Cell, Story
from app.reports.styles import GREY, HEAD_FILL, RULE

FONT_SIZE = 9


def _text(story: Story, value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return story.glyphs.clean(value).replace("\n", " ")


def figure_table(story: Story, headers: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float], *,
                 wrapped: int = 1, total: Sequence[Cell] | None = None) -> None:
    """Like Story.table, for many rows: columns before `wrapped` wrap as paragraphs, the rest are
    one-line strings (numbers right-aligned)."""
    if not rows:
        story.no_data()
        return
    scale = story.width / sum(widths)
    body = [*rows, *([total] if total is not None else [])]
    numeric = [all(r[i] is None or isinstance(r[i], int | float) or str(r[i]).endswith("%") for r in rows)
               for i in range(len(headers))]
    data: list[list[object]] = [[story.para(h, story.s.cell_head) for h in headers]]
    for row in body:
        data.append([story.cell(v) if i < wrapped else _text(story, v) for i, v in enumerate(row)])
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), story.s.font, FONT_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, n in enumerate(numeric) if n and i >= wrapped]
    if total is not None:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1, GREY))
    table = LongTable(data, colWidths=[w * scale for w in widths], repeatRows=1)
    table.setStyle(TableStyle(commands))
    story.add(table)
    story.spacer(2)
