"""Demo events: two to four a month over the past year (and a few coming up), attended by served enterprises."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.demo.context import Ctx
from app.demo.names import Pick, between, person, uniform
from app.demo.texts import EVENT_TITLES, EVENT_TYPE_WEIGHTS, VENUES
from app.domain.catalogue import THEME_MONTHS

EVENT_COLUMNS = ("id", "title", "event_type", "theme", "starts_at", "ends_at", "venue", "organiser", "partners",
                 "speakers", "walk_in_count", "satisfaction", "description")
ATTENDANCE_COLUMNS = ("id", "event_id", "enterprise_id", "attendee_name", "registered_at", "checked_in_at")

# The theme months HQ's plan puts on the calendar (IP day falls in April, tax filing in May).
THEMES_BY_MONTH = {3: "policy", 4: "ip", 5: "finance_tax", 9: "policy", 11: "finance_tax"}
EVENT_TYPES = Pick(EVENT_TYPE_WEIGHTS)
THEME_TYPES = uniform(["policy_briefing", "lecture", "training"])
START_MINUTES = Pick([(570, 3), (870, 4), (900, 2), (1140, 1)])  # 9:30, 14:30, 15:00, 19:00


@dataclass(frozen=True)
class EventPlan:
    starts_at: datetime
    minutes: int
    event_type: str
    theme: str | None
    attendees: int


def plan_events(ctx: Ctx, served: int) -> list[EventPlan]:
    rng = ctx.rng("event")
    plans = []
    month = (ctx.today - timedelta(days=364)).replace(day=1)
    last = _next_month(ctx.today.replace(day=1))
    while month <= last:
        theme = THEMES_BY_MONTH.get(month.month)
        length = (_next_month(month) - month).days
        for _ in range(between(rng, 2, 4)):
            day = month + timedelta(days=between(rng, 0, length - 1))
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            offset = (day - ctx.today).days
            kind = THEME_TYPES(rng) if theme and rng.random() < 0.6 else EVENT_TYPES(rng)
            start = ctx.local(offset, START_MINUTES(rng))
            minutes = 30 * between(rng, 3, 6)
            attendees = min(served, between(rng, 12, 60))
            if -364 <= offset <= 40:
                plans.append(EventPlan(start, minutes, kind, theme, attendees))
        month = _next_month(month)
    return sorted(plans, key=lambda p: p.starts_at)


def _next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def event_rows(ctx: Ctx, plans: list[EventPlan], served: list[int]) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """(event row, its attendance rows), bound."""
    rng = ctx.rng("event-detail")
    for plan in plans:
        past = plan.starts_at <= ctx.now
        titles = EVENT_TITLES[plan.event_type]
        title = titles[int(rng.random() * len(titles))]
        if plan.theme:
            title = f"{THEME_MONTHS[plan.theme]}：{title}"
        partners = "、".join(rng.sample(ctx.institution_names, min(len(ctx.institution_names), between(rng, 0, 2))))
        speakers = "、".join(rng.sample(ctx.expert_names, min(len(ctx.expert_names), between(rng, 0, 2))))
        event_id = ctx.new_id()
        event = (event_id, title, plan.event_type, plan.theme, ctx.time(plan.starts_at),
                 ctx.time(plan.starts_at + timedelta(minutes=plan.minutes)), VENUES[int(rng.random() * len(VENUES))],
                 ctx.station_name, partners, speakers, between(rng, 0, 12) if past else 0,
                 round(4.0 + rng.random() * 0.95, 1) if past else None,
                 f"{title}，面向{ctx.station_district}及周边中小企业，欢迎报名参加。")
        yield event, list(_attendances(ctx, rng, plan, event_id, served, past))


def _attendances(ctx: Ctx, rng: random.Random, plan: EventPlan, event_id: str, served: list[int],
                 past: bool) -> Iterator[tuple[Any, ...]]:
    for index in rng.sample(served, plan.attendees):
        registered = min(plan.starts_at - timedelta(minutes=between(rng, 60, 20160)), ctx.now)
        checked_in = None
        if past and rng.random() < 0.85:
            checked_in = min(plan.starts_at + timedelta(minutes=between(rng, -20, 15)), ctx.now)
        yield (ctx.new_id(), event_id, ctx.enterprise_ids[index], person(rng), ctx.time(registered),
               ctx.time(checked_in))
