"""Paragraph styles and page sizes shared by every report (one font: the shipped CJK one)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.reports.fonts import register_cjk_font

PAGE_SIZES = {"A4": A4, "A3": A3}
MARGIN = 18 * mm
INK = colors.HexColor("#1f2328")
GREY = colors.HexColor("#6e7781")
RULE = colors.HexColor("#afb8c1")
HEAD_FILL = colors.HexColor("#e8eef5")
ACCENT = colors.HexColor("#b3261e")  # the signage red
CHART_COLOURS = [colors.HexColor(c) for c in ("#2f6fb0", "#e0823a", "#4f9d69", "#c44e52", "#8172b2", "#937860",
                                               "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd")]


def portrait(size: str = "A4") -> tuple[float, float]:
    return PAGE_SIZES[size]


def landscape_size(size: str = "A4") -> tuple[float, float]:
    return landscape(PAGE_SIZES[size])


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_num: ParagraphStyle
    meta: ParagraphStyle


@cache
def styles() -> Styles:
    font = register_cjk_font()

    def style(name: str, size: float, **kw: object) -> ParagraphStyle:
        # CJK wrapping breaks between any two characters, so long Latin runs (URLs,
        # codes) wrap too instead of running off the page.
        base: dict[str, object] = {"fontName": font, "fontSize": size, "leading": size * 1.45,
                                   "textColor": INK, "wordWrap": "CJK", "alignment": TA_LEFT}
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    return Styles(
        font=font,
        title=style("title", 20, alignment=TA_CENTER, leading=30, spaceAfter=4),
        subtitle=style("subtitle", 11, alignment=TA_CENTER, textColor=GREY, spaceAfter=2),
        h1=style("h1", 14, leading=20, spaceBefore=12, spaceAfter=6),
        h2=style("h2", 11.5, leading=17, spaceBefore=8, spaceAfter=4),
        body=style("body", 10.5, firstLineIndent=21, spaceAfter=4),
        note=style("note", 9.5, textColor=GREY, spaceAfter=4),
        cell=style("cell", 9, leading=12),
        cell_head=style("cell_head", 9, leading=12),
        cell_num=style("cell_num", 9, leading=12, alignment=2),  # right-aligned figures
        meta=style("meta", 9.5, alignment=TA_CENTER, textColor=GREY),
    )
