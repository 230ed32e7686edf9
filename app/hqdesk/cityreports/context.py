"""HQ as the reporting unit: the submission block and the running header name 服务总站."""

from __future__ import annotations

import uuid
from datetime import datetime

from app.domain.periods import CHINA_TIME
from app.hq.cityreport.model import BUREAU, HQ_NAME
from app.reports.context import ReportContext
from app.reports.story import Story
from app.services.station.identity import StationInfo

HQ_ID = uuid.UUID(int=0)


def hq_context(cutoff: datetime, phone: str = "") -> ReportContext:
    """The report's unit (服务总站) and its cut-off, in China time."""
    hq = StationInfo(HQ_ID, "HQ", HQ_NAME, "", "", "", phone, is_demo=False)
    return ReportContext(hq, cutoff.astimezone(CHINA_TIME))


def addressee(story: Story) -> None:
    """主送机关, flush left above the body (GB/T 9704)."""
    style = story.s.body.clone("addressee", firstLineIndent=0, spaceBefore=6)
    story.add(story.para(f"{BUREAU}：", style))


def closing(story: Story, text: str = "特此报告。") -> None:
    story.add(story.para(text, story.s.body))
