"""One function per report kind: read the figures, compose the story, write the PDF."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.reports import annual_data, event_data, info_data, station_data
from app.reports.annual_pdf import summary_story
from app.reports.blocks import decor, finish, footer_from_here, submission_block, title_block, warnings
from app.reports.context import ReportContext, report_context
from app.reports.document import Cancelled, Progress, ReportCancelled, text_width, write_pdf
from app.reports.event_pdf import attendance_story, event_summary_story
from app.reports.info_pdf import info_story
from app.reports.plan_pdf import plan_story
from app.reports.signage_pdf import signage_warnings, write_signage
from app.reports.story import Story
from app.reports.styles import portrait
from app.services.reporting.figures import is_held

SCALE = 100  # progress is reported as (done, 100): reading the data, then the layout
DATA_SHARE = 40


@dataclass(frozen=True)
class Job:
    out: Path
    size: str
    progress: Progress | None
    cancelled: Cancelled | None
    now: datetime | None = None  # the cut-off; None: the clock

    def report(self, done: float) -> None:
        if self.progress is not None:
            self.progress(round(done), SCALE)

    def stepper(self, steps: int) -> Callable[[], None]:
        """A callback for the data steps: reports progress, raises when cancelled."""
        done = [0]

        def step() -> None:
            done[0] += 1
            if self.cancelled is not None and self.cancelled():
                raise ReportCancelled()
            self.report(DATA_SHARE * min(done[0], steps) / steps)

        return step


@dataclass(frozen=True)
class Result:
    pages: int
    cutoff: datetime
    title: str
    warnings: tuple[str, ...] = ()  # for whoever prints it: sections still empty, what is missing


def _write(job: Job, ctx: ReportContext, story: Story, title: str, period_text: str | None) -> Result:
    job.report(DATA_SHARE)
    pages = write_pdf(
        job.out, story.items, pagesize=portrait(job.size), title=story.glyphs.clean(f"{ctx.station.name} {title}"),
        decor=decor(story, ctx, title, period_text), cancelled=job.cancelled,
        progress=lambda fraction: job.report(DATA_SHARE + (SCALE - DATA_SHARE) * fraction),
    )
    job.report(SCALE)
    return Result(pages, ctx.cutoff, title, tuple(warnings(story)))


def annual(session: Session, job: Job, year: int | None) -> Result:
    ctx = report_context(session, job.now)
    figures = annual_data.annual_figures(session, ctx, year, job.stepper(annual_data.STEPS))
    y = figures.period.start.year
    story = Story(text_width(portrait(job.size)))
    note_at = title_block(story, ctx, f"{y}年度服务工作总结", figures.period.span, figures.summary.status)
    story.part = f"{y}年度总结 "
    summary_story(story, figures)
    submission_block(story, ctx)
    story.page_break()
    plan_year = f"{y + 1}年"
    footer_from_here(story, ctx, "计划年度", plan_year)  # a plan names its own year, not the summary's period
    title_block(story, ctx, f"{y + 1}年度服务工作计划", plan_year, figures.plan.status, period_label="计划年度")
    story.part = f"{y + 1}年度计划 "
    plan_story(story, figures)
    submission_block(story, ctx)
    finish(story, note_at)
    return _write(job, ctx, story, f"{y}年度服务工作总结和{y + 1}年度服务工作计划", figures.period.span)


def _one_part(job: Job, ctx: ReportContext, title: str, period_text: str | None, status: str | None,
              compose: Callable[[Story], None], *, submitted: bool = True) -> Result:
    """A report of one titled part: the title block, `compose`'s body, the submission block
    (when it is handed in), the closing notes."""
    story = Story(text_width(portrait(job.size)))
    note_at = title_block(story, ctx, title, period_text, status)
    compose(story)
    if submitted:
        submission_block(story, ctx)
    finish(story, note_at)
    return _write(job, ctx, story, title, period_text)


def info(session: Session, job: Job, period: str | None) -> Result:
    ctx = report_context(session, job.now)
    figures = info_data.info_figures(session, ctx, period, job.stepper(info_data.STEPS))
    title, span = f"{figures.period.label}定期信息报送", figures.period.span
    return _one_part(job, ctx, title, span, figures.narrative.status, lambda story: info_story(story, figures))


def attendance(session: Session, job: Job, event_id: uuid.UUID) -> Result:
    ctx = report_context(session, job.now)
    sheet = event_data.event_sheet(session, event_id)
    return _one_part(job, ctx, "活动签到表", None, None, lambda story: attendance_story(story, sheet), submitted=False)


def event_summary(session: Session, job: Job, event_id: uuid.UUID) -> Result:
    ctx = report_context(session, job.now)
    sheet = event_data.event_sheet(session, event_id)
    held = is_held(sheet.starts_at, ctx.cutoff)
    return _one_part(job, ctx, "活动总结", None, None, lambda story: event_summary_story(story, sheet, held=held))


def signage(session: Session, job: Job, *, qr: bool) -> Result:
    ctx = report_context(session, job.now)
    contact = station_data.station_contact(session, ctx)
    write_signage(job.out, contact, job.size, qr=qr)
    job.report(SCALE)
    return Result(1, ctx.cutoff, f"服务站标识牌（{job.size}）", tuple(signage_warnings(contact, qr=qr)))
