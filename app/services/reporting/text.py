"""The written content of a report (section texts, a plan's targets and events) and the
checks it must pass before it is stored: each refusal is a ValidationError naming the field
(narrative.work_done, targets.events, planned_events.2.month …) in Chinese."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from app.domain.catalogue import EVENT_TYPES, THEME_MONTHS
from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.domain.report_sections import (
    INFO_SECTIONS,
    OPTIONAL_INDICATORS,
    PLAN_INDICATORS,
    PLAN_SECTIONS,
    SUMMARY_SECTIONS,
)
from app.domain.text_normalise import checked_text

ANNUAL_KINDS: dict[str, dict[str, str]] = {"summary": SUMMARY_SECTIONS, "plan": PLAN_SECTIONS}
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_SECTION_CHARS = 10_000
MAX_PLANNED_EVENTS = 120
MAX_TARGET = 10_000_000
SHARE_KEY = "satisfied_share"
_PERIOD = re.compile(r"^(\d{4})-(?:(\d{2})|Q([1-4]))$")


@dataclass(frozen=True)
class PlannedEvent:
    month: int  # 1–12
    event_type: str  # a code of EVENT_TYPES
    title: str
    theme: str = ""  # a THEME_MONTHS code, or HQ's theme as free text

    def as_json(self) -> dict[str, object]:
        return {"month": self.month, "event_type": self.event_type, "title": self.title, "theme": self.theme}


@dataclass(frozen=True)
class ReportText:
    """What the editor sends: section texts, and for a plan its targets and events.
    Values are taken as typed (`object`) and checked here, so bad input names its field."""

    narrative: dict[str, Any] = field(default_factory=dict)
    targets: dict[str, Any] = field(default_factory=dict)
    planned_events: tuple[Any, ...] = ()


def sections_of(kind: str) -> dict[str, str]:
    return INFO_SECTIONS if kind == "info" else ANNUAL_KINDS[kind]


def check_year(year: object) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(Msg("年度：请选择%1–%2之间的年份。", MIN_YEAR, MAX_YEAR), "year")
    return year


def check_period(period: object) -> str:
    """'2026-09' (a month) or '2026-Q3' (a quarter); anything else names the field."""
    match = _PERIOD.match(period) if isinstance(period, str) else None
    month = int(match.group(2)) if match and match.group(2) else None
    if match is None or not MIN_YEAR <= int(match.group(1)) <= MAX_YEAR or (month is not None and not 1 <= month <= 12):
        raise ValidationError("报送期间：请选择月份（如2026-09）或季度（如2026-Q3）。", "period")
    return str(period)


def period_label(period: str) -> str:
    year, rest = period.split("-")
    return Msg("%1年第%2季度", year, rest[1]) if rest.startswith("Q") else Msg("%1年%2月", year, int(rest))


def check_narrative(kind: str, narrative: dict[str, Any]) -> dict[str, str]:
    sections = sections_of(kind)
    unknown = set(narrative) - set(sections)
    if unknown:
        raise ValidationError(Msg("报告内容：未知的栏目“%1”。", min(map(str, unknown))[:20]), "narrative")
    return {key: checked_text(narrative.get(key, ""), f"narrative.{key}", title, max_len=MAX_SECTION_CHARS)
            for key, title in sections.items()}


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            return None
    return None


def check_targets(targets: dict[str, Any]) -> dict[str, float]:
    unknown = set(targets) - set(PLAN_INDICATORS)
    if unknown:
        raise ValidationError(Msg("工作目标：未知的指标“%1”。", min(map(str, unknown))[:20]), "targets")
    out: dict[str, float] = {}
    for key, label in PLAN_INDICATORS.items():
        raw = targets.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # not filled in yet
        value = _number(raw)
        fld = f"targets.{key}"
        if value is None or not math.isfinite(value):
            raise ValidationError(Msg("%1：请填写数字。", label), fld)
        if value < 0:
            raise ValidationError(Msg("%1：不能是负数，请改正。", label), fld)
        if key == SHARE_KEY:
            if value > 100:
                raise ValidationError(Msg("%1：是百分比，不能超过100。", label), fld)
            out[key] = round(value, 1)
        else:
            if value != int(value) or value > MAX_TARGET:
                raise ValidationError(Msg("%1：请填写不超过%2的整数。", label, f'{MAX_TARGET:,}'), fld)
            out[key] = int(value)
    return out


def _event(number: int, raw: object) -> PlannedEvent:
    prefix, where = f"planned_events.{number}", Msg("计划活动第%1行", number + 1)
    if isinstance(raw, PlannedEvent):
        raw = raw.as_json()
    if not isinstance(raw, dict):
        raise ValidationError(Msg("%1：内容无效，请删除该行后重新添加。", where), prefix)
    month = raw.get("month")
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise ValidationError(Msg("%1的月份：请选择1–12月。", where), f"{prefix}.month")
    event_type = raw.get("event_type")
    if event_type not in EVENT_TYPES:
        raise ValidationError(Msg("%1的活动形式：请从列表中选择（%2）。", where, '、'.join(EVENT_TYPES.values())), f"{prefix}.event_type")
    title = checked_text(raw.get("title"), f"{prefix}.title", Msg("%1的活动名称", where), max_len=200, required=True)
    theme = checked_text(raw.get("theme"), f"{prefix}.theme", Msg("%1的主题", where), max_len=40)
    return PlannedEvent(month, str(event_type), title, theme)


def check_planned_events(events: tuple[Any, ...]) -> tuple[PlannedEvent, ...]:
    if len(events) > MAX_PLANNED_EVENTS:
        raise ValidationError(Msg("计划活动：最多%1项，请合并或删除部分活动。", MAX_PLANNED_EVENTS), "planned_events")
    cleaned = [_event(number, raw) for number, raw in enumerate(events)]
    return tuple(sorted(cleaned, key=lambda e: e.month))


def check_ready_to_submit(kind: str, narrative: dict[str, str], targets: dict[str, float]) -> None:
    for key, title in sections_of(kind).items():
        if not narrative.get(key):
            raise ValidationError(Msg("%1：提交前请填写这一栏（确实没有可写“无”）。", title), f"narrative.{key}")
    if kind == "plan":
        for key, label in PLAN_INDICATORS.items():
            if key not in targets and key not in OPTIONAL_INDICATORS:
                raise ValidationError(Msg("%1：提交前请填写目标值。", label), f"targets.{key}")


def theme_label(theme: str) -> str:
    """A planned event's theme as shown: a theme-month code's label, else the text itself."""
    return THEME_MONTHS.get(theme, theme)
