"""Write a city-wide report to .pdf or .xlsx (by the file's extension), atomically.

Bad output paths raise ValidationError with a Chinese message naming the fix; the file is
then left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.hq.cityreport.model import AnnualCityReport, KeyInfoReport
from app.hqdesk.cityreports import annual_pdf, excel, key_info_pdf
from app.hqdesk.cityreports.context import hq_context
from app.reports.blocks import decor, finish, submission_block, title_block, warnings
from app.reports.document import text_width, write_pdf
from app.reports.story import Story
from app.reports.styles import portrait

SUFFIXES = (".pdf", ".xlsx")
Report = AnnualCityReport | KeyInfoReport


@dataclass(frozen=True)
class Rendered:
    path: Path
    pages: int  # 0 for a workbook
    title: str
    warnings: tuple[str, ...] = ()


def check_out(out: Path, suffixes: tuple[str, ...] = SUFFIXES) -> Path:
    out = Path(out)
    if out.suffix.lower() not in suffixes:
        raise ValidationError(Msg("输出文件：“%1”应以 %2 结尾。", out.name, ' 或 '.join(suffixes)), "out")
    if not out.parent.is_dir():
        raise ValidationError(Msg("输出文件：文件夹“%1”不存在，请先创建或另选位置。", out.parent), "out")
    return out


def title_of(report: Report) -> str:
    return annual_pdf.title(report) if isinstance(report, AnnualCityReport) else key_info_pdf.title(report)


def render(report: Report, out: Path) -> Rendered:
    """`out` ending .pdf: the print-ready report; .xlsx: the workbook of its tables."""
    out = check_out(out)
    title = title_of(report)
    if out.suffix.lower() == ".xlsx":
        if isinstance(report, AnnualCityReport):
            excel.annual_workbook(report, out, title)
        else:
            excel.key_info_workbook(report, out, title)
        return Rendered(out, 0, title)
    return _pdf(report, out, title)


def _pdf(report: Report, out: Path, title: str) -> Rendered:
    ctx = hq_context(report.cutoff)
    size = portrait("A4")
    story = Story(text_width(size))
    note_at = title_block(story, ctx, title, report.span, None)
    if isinstance(report, AnnualCityReport):
        annual_pdf.annual_story(story, report)
    else:
        key_info_pdf.key_info_story(story, report)
    submission_block(story, ctx)
    finish(story, note_at)
    pages = write_pdf(out, story.items, pagesize=size, title=title, decor=decor(story, ctx, title, report.span))
    return Rendered(out, pages, title, tuple(warnings(story)))
