"""Pieces several reports share: the title block, the replaced-characters note, a period line."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from app.domain.report_sections import REPORT_STATUSES
from app.reports.context import ReportContext
from app.reports.document import PageDecor
from app.reports.story import Story


def title_block(story: Story, ctx: ReportContext, title: str, period_text: str | None, status: str | None) -> int:
    """Station, title, period, cut-off; returns where the glyph note goes (see `finish`)."""
    story.subtitle(ctx.station.name)
    story.title(title)
    lines = [f"统计期间：{period_text}"] if period_text else []
    lines.append(f"数据截至：{ctx.cutoff_text}")
    if status is not None:
        lines.append(f"状态：{REPORT_STATUSES.get(status, status)}")
    if ctx.station.is_demo:
        lines.append("（演示数据）")
    story.add(Paragraph(story.markup("　　".join(lines)), story.s.meta))
    story.spacer(5)
    return len(story.items)


def finish(story: Story, note_at: int) -> None:
    """Put the note about replaced characters under the title, once all text is in."""
    note = story.glyphs.note()
    if note:
        story.items.insert(note_at, Paragraph(story.markup(note), story.s.note))


def decor(story: Story, ctx: ReportContext, title: str, period_text: str | None) -> PageDecor:
    station = story.glyphs.clean(ctx.station.name)
    period = f"统计期间 {period_text}　" if period_text else ""
    return PageDecor(header=f"{station}　{title}", footer=f"{period}数据截至 {ctx.cutoff_text}")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"
