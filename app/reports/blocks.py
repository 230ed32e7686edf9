"""Pieces several reports share: the title block, the submission block, the replaced-characters
note, the running header and footer."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Table, TableStyle

from app.domain.messages import Msg, joined
from app.domain.report_sections import REPORT_STATUSES
from app.reports.context import ReportContext
from app.reports.document import FooterSwitch, PageDecor
from app.reports.kinsoku import KinsokuParagraph
from app.reports.story import Story


def title_block(story: Story, ctx: ReportContext, title: str, period_text: str | None, status: str | None,
                period_label: str = "统计期间") -> int:
    """Station, title, period, cut-off; returns where the glyph note goes (see `finish`)."""
    story.subtitle(ctx.station.name)
    story.title(title)
    lines = [f"{period_label}：{period_text}"] if period_text else []
    lines.append(f"数据截至：{ctx.cutoff_text}")
    if status is not None:
        lines.append(f"状态：{REPORT_STATUSES.get(status, status)}")
    if ctx.station.is_demo:
        lines.append("（演示数据）")
    story.add(story.para("　　".join(lines), story.s.meta))
    story.spacer(5)
    return len(story.items)


def finish(story: Story, note_at: int) -> None:
    """Put the note about replaced characters under the title, once all text is in."""
    note = story.glyphs.note()
    if note:
        story.items.insert(note_at, story.para(note, story.s.note))


SIGN_ROW_MM = 11  # room to sign by hand
NBSP = "\u00a0"  # a paragraph collapses runs of ordinary (and ideographic) spaces; this one it keeps
BLANK_DATE = f"{NBSP * 10}年{NBSP * 6}月{NBSP * 6}日"  # filled in by hand


def submission_block(story: Story, ctx: ReportContext) -> None:
    """报送单位（盖章）, 负责人（签字）, 填报人, 联系电话, 报送日期, as a submitted report ends.

    As on a 公文, the unit and the date stand at the right (4 characters in from the margin),
    with room above and around them for the seal, which lands on the unit's name and the date;
    the people sign at the left.  Kept on one page, with the last lines of the body before it.
    """
    s = story.s
    label = ParagraphStyle("sign_label", parent=s.body, firstLineIndent=0, spaceAfter=0)
    centred = ParagraphStyle("sign_unit", parent=label, alignment=TA_CENTER)
    phone = story.glyphs.clean(ctx.station.phone).strip()

    def p(text: str, style: ParagraphStyle = label) -> KinsokuParagraph:
        return story.para(text, style)

    rows = [
        [p("负责人（签字）："), "", "", p("报送单位（盖章）", centred)],
        [p("填报人："), "", "", p(ctx.station.name, centred)],
        [p("联系电话："), p(phone) if phone else "", "", p(f"报送日期：{BLANK_DATE}", centred)],
    ]
    indent = 4 * s.body.fontSize  # the date's 4-character right indent
    widths = [30 * mm, 38 * mm, 0.0, 68 * mm]
    widths[2] = max(0.0, story.width - indent - sum(widths))
    table = Table(rows, colWidths=widths, rowHeights=[SIGN_ROW_MM * mm] * len(rows), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), s.font, s.body.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, 1 if phone else 2), 0.5, s.body.textColor),  # blanks to fill in by hand
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.add(KeepTogether([story.spacer_flowable(12), table]))


def footer_from_here(story: Story, ctx: ReportContext, period_label: str, period_text: str) -> None:
    """From the next page on, the footer names `period_label` (e.g. 计划年度) instead."""
    story.add(FooterSwitch(footer_text(ctx, period_label, period_text)))


def footer_text(ctx: ReportContext, period_label: str, period_text: str | None) -> str:
    period = f"{period_label} {period_text}　" if period_text else ""
    return f"{period}数据截至 {ctx.cutoff_text}"


def warnings(story: Story) -> list[str]:
    """What whoever prints the report should hear first: sections still unwritten, then the rest."""
    found = list(story.warnings)
    if story.unwritten:
        found.insert(0, Msg("以下部分尚未填写，打印件中将显示为“无”：%1。", joined(story.unwritten, "；")))
    return found


def decor(story: Story, ctx: ReportContext, title: str, period_text: str | None) -> PageDecor:
    station = story.glyphs.clean(ctx.station.name)
    return PageDecor(header=f"{station}　{title}", footer=footer_text(ctx, "统计期间", period_text))


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
