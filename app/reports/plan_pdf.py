"""下一年度服务工作计划: goals, indicators against this year's figures, events by month, measures."""

from __future__ import annotations

from app.domain.catalogue import EVENT_TYPES
from app.domain.report_sections import OPTIONAL_INDICATORS, PLAN_INDICATORS, PLAN_SECTIONS
from app.reports import labels as L
from app.reports.annual_data import AnnualFigures
from app.reports.story import Story


def plan_story(story: Story, f: AnnualFigures) -> None:
    plan, year = f.plan, f.period.start.year
    story.h1(f"一、{PLAN_SECTIONS['goals']}")
    story.narrative(plan.text("goals"))
    story.h1("二、主要指标")
    rows = []
    for key, title in PLAN_INDICATORS.items():
        target = plan.targets.get(key)
        if target is None and key in OPTIONAL_INDICATORS:
            continue  # an optional indicator without a target is left out, not printed blank
        rows.append([title, _num(f.actual(key)), _num(target)])
    if not plan.targets:
        story.unwritten_here(f"二、主要指标（{year + 1}年目标）")
    story.table(["指标", f"{year}年实际", f"{year + 1}年目标"], rows, [5, 2.5, 2.5])
    story.h1("三、活动计划")
    if plan.planned_events:
        events = [
            [f"{e.month}月" if e.month else "待定", EVENT_TYPES.get(e.event_type, e.event_type or None),
             L.pick(f.theme_labels, e.theme) if e.theme else None, e.title or None]
            for e in plan.planned_events
        ]
        story.table(["月份", "活动类型", "主题月", "活动名称"], events, [1.3, 2, 2.2, 6])
    else:
        story.narrative("")
    story.h1(f"四、{PLAN_SECTIONS['measures']}")
    story.narrative(plan.text("measures"))
    story.h1(f"五、{PLAN_SECTIONS['support_needed']}")
    story.narrative(plan.text("support_needed"))


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 1)
