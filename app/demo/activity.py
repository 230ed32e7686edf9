"""A year of demo service records and the demands (closed loop) some of them raised."""

from __future__ import annotations

import random
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from app.demo.context import Ctx
from app.demo.names import Pick, between, uniform
from app.demo.texts import (
    DEMAND_TITLES,
    OUTCOMES,
    REOPEN_NOTE,
    SUMMARIES,
    TRANSITION_NOTES,
)

# follow_up_on sits next to service_date: the rest of a row comes whole from a template.
RECORD_COLUMNS = ("id", "enterprise_id", "service_date", "follow_up_on", "category", "channel", "prep_minutes",
                  "contact_minutes", "fee_type", "fee", "staff_id", "institution_id", "expert_id", "policy_id", "summary",
                  "outcome", "satisfaction", "reportable")
TEMPLATES = 2048  # per category
DEMAND_COLUMNS = ("id", "enterprise_id", "service_record_id", "title", "description", "category", "status",
                  "received_on", "due_on", "assignee_staff_id", "assignee_institution_id", "assignee_expert_id",
                  "closed_at", "satisfaction")
TRANSITION_COLUMNS = ("id", "demand_id", "from_status", "to_status", "actor", "at", "note")

CATEGORY_CODES = ("policy", "finance_tax", "ip", "financing", "legal", "hr_talent", "digital", "market", "startup", "other")
CATEGORIES = Pick(zip(range(10), (22, 16, 9, 9, 7, 9, 10, 7, 6, 5), strict=True))
CHANNELS = Pick([("walk_in", 35), ("phone", 30), ("online", 25), ("on_site", 10)])
CONTACT_MINUTES = {"walk_in": (4, 18), "phone": (1, 6), "online": (2, 12), "on_site": (12, 36)}  # in 5-minute steps
FEE_TYPES = Pick([("free", 80), ("low_fee", 12), ("paid", 8)])
FEES = {"low_fee": uniform([100, 200, 300, 500, 800]), "paid": uniform([1000, 1500, 2000, 3000, 5000, 8000, 12000])}
SATISFACTION = Pick([(5, 55), (4, 33), (3, 7), (2, 2), (1, 1), (None, 2)])
FOLLOW_UP_SATISFACTION = Pick([(5, 55), (4, 35), (3, 6), (2, 2.5), (1, 1.5)])
OUTCOME = Pick(OUTCOMES)
NEXT = {"accepted": "dispatched", "dispatched": "handling", "handling": "replied", "replied": "closed",
        "closed": "followed_up", "followed_up": None}
GAP_MINUTES = {"dispatched": (30, 480), "handling": (60, 2880), "replied": (1440, 10080), "closed": (0, 4320),
               "followed_up": (4320, 20160)}


@dataclass
class Plan:
    """Who was served on which day, drawn before anything is written (demands and events need it)."""

    enterprise: array[int]
    day: array[int]  # offset from today, -364..0
    category: array[int]
    sources: dict[int, str]  # record index -> id prepared for the records that raised a demand

    @property
    def served(self) -> list[int]:
        return sorted(set(self.enterprise)) if len(self.enterprise) else []


def plan(ctx: Ctx, records: int, enterprises: int) -> Plan:
    rng = ctx.rng("record-plan")
    rnd = rng.random
    # Weekdays mostly, and a station that gets a little busier through the year.
    days = Pick(((off, (1.0 if (ctx.today + timedelta(days=off)).weekday() < 5 else 0.07) * (1.2 + off / 910))
                 for off in range(-364, 1)), resolution=40_000)
    enterprise = array("i", (int(enterprises * rnd() ** 1.8) for _ in range(records)))
    # Date order, as a station enters them: realistic rowids, and the date index grows at its end.
    day = array("i", sorted(days(rng) for _ in range(records)))
    category = array("b", (CATEGORIES(rng) for _ in range(records)))
    chosen = sorted(rng.sample(range(records), records // 10)) if records else []
    return Plan(enterprise, day, category, {i: ctx.new_id() for i in chosen})


def record_rows(ctx: Ctx, p: Plan, bind: Callable[[str], Callable[[Any], Any]]) -> Iterator[tuple[Any, ...]]:
    """Bound rows in RECORD_COLUMNS order.

    Decision: the hot loop draws one template (channel, minutes, fee, staff, referral,
    summary, outcome, satisfaction…) per record from 2,048 drawn per category, instead of
    ~17 draws per record: 1M records in seconds, and the mix is the same.
    """
    rng = ctx.rng("record")
    rnd = rng.random
    size = min(TEMPLATES, max(64, len(p.day) // 4))  # small runs need not pay for 20k templates
    templates = [_templates(ctx, rng, bind, code, size) for code in CATEGORY_CODES]
    dates = [ctx.day(off) for off in range(-364, 31)]  # dates[off + 364]
    ids, sources, new_id = ctx.enterprise_ids, p.sources, ctx.new_id
    enterprise, day, category = p.enterprise, p.day, p.category
    for i in range(len(day)):
        follow_up, rest = templates[category[i]][int(rnd() * size)]
        off = day[i] + 364
        yield (sources.get(i) or new_id(), ids[enterprise[i]], dates[off],
               dates[off + follow_up] if follow_up else None) + rest


def _templates(ctx: Ctx, rng: random.Random, bind: Callable[[str], Callable[[Any], Any]],
               category: str, size: int) -> list[tuple[int, tuple[Any, ...]]]:
    """(days until the follow-up or 0, the row from `category` on)."""
    rnd = rng.random
    staff = Pick((s.id, s.weight) for s in ctx.staff)
    fees = {kind: [bind("fee")(amount) for amount in pick.table] for kind, pick in FEES.items()}
    true, false = bind("reportable")(True), bind("reportable")(False)
    summaries = SUMMARIES[category]
    institutions, experts = ctx.institutions.get(category), ctx.experts.get(category)
    policies = ctx.policies.get(category)
    policy_chance = 0.5 if category == "policy" else 0.08
    out = []
    for _ in range(size):
        channel = CHANNELS(rng)
        low, high = CONTACT_MINUTES[channel]
        fee_type = FEE_TYPES(rng)
        institution = _maybe(rng, institutions, 0.18)
        expert = _maybe(rng, experts, 0.06)
        policy = _maybe(rng, policies, policy_chance)
        outcome = "已转介入驻服务机构跟进" if institution else "已预约专家一对一辅导" if expert else OUTCOME(rng)
        fee = None if fee_type == "free" else fees[fee_type][int(rnd() * len(fees[fee_type]))]
        out.append((between(rng, 7, 30) if rnd() < 0.12 else 0, (
            category, channel, 0 if channel == "phone" and rnd() < 0.7 else 5 * between(rng, 0, 12),
            5 * between(rng, low, high), fee_type, fee, staff(rng), institution, expert, policy,
            summaries[int(rnd() * len(summaries))], outcome, SATISFACTION(rng), true if rnd() < 0.97 else false,
        )))
    return out


def _maybe(rng: random.Random, pool: list[str] | None, chance: float) -> str | None:
    if not pool or rng.random() >= chance:
        return None
    return pool[int(rng.random() * len(pool))]


Step = tuple[str | None, str, int]  # from, to, minutes after local midnight today (negative: past)


def office_hours(at: int) -> int:
    """The same minute if it falls in office hours (09:00–18:00 local), else the next opening."""
    of_day = at % 1440
    if of_day < 540:
        return at - of_day + 540
    if of_day >= 1080:
        return at - of_day + 1440 + 540
    return at


def timeline(rng: random.Random, start: int, now: int) -> tuple[list[Step], int | None]:
    """Transitions of one demand up to now, and its follow-up satisfaction.  A few stall (overdue
    work), unsatisfied follow-ups reopen once: 回访不满意 → 处理.  Times fall on a 5-minute grid
    in office hours: realistic, and ~40k distinct stamps a year to bind instead of one per row."""
    steps: list[Step] = [(None, "accepted", start)]
    status, at, satisfaction, reopened = "accepted", start, None, False
    while (nxt := NEXT[status]) is not None:
        low, high = GAP_MINUTES[nxt]
        at = office_hours(at + 5 * between(rng, low // 5, high // 5))
        if at > now or rng.random() < 0.03:
            break
        steps.append((status, nxt, at))
        status = nxt
        if status == "followed_up":
            satisfaction = FOLLOW_UP_SATISFACTION(rng)
            if satisfaction <= 2 and not reopened:
                at = office_hours(at + 5 * between(rng, 12, 576))
                if at > now:
                    break
                steps.append((status, "handling", at))
                status, satisfaction, reopened = "handling", None, True
    return steps, satisfaction


def _timelines(ctx: Ctx, p: Plan) -> Iterator[tuple[int, list[Step], int | None]]:
    rng = ctx.rng("demand-shape")
    now = ctx.now_minute
    latest = (now - 10) // 5 * 5
    for i in p.sources:
        start = min(p.day[i] * 1440 + 540 + 5 * between(rng, 0, 102), latest)
        yield (i, *timeline(rng, start, now))


def count_transitions(ctx: Ctx, p: Plan) -> int:
    return sum(len(steps) for _, steps, _ in _timelines(ctx, p))


def demand_rows(ctx: Ctx, p: Plan) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """(demand row, its transition rows), bound; the shape stream replays what count_transitions saw."""
    rng = ctx.rng("demand")
    staff = ctx.staff
    manager = staff[0].name
    minute, new_id = ctx.minute, ctx.new_id
    for i, steps, satisfaction in _timelines(ctx, p):
        category = CATEGORY_CODES[p.category[i]]
        demand_id = new_id()
        handler = staff[int(rng.random() * len(staff))]
        dispatched = len(steps) > 1
        institution = _maybe(rng, ctx.institutions.get(category), 0.3) if dispatched else None
        expert = _maybe(rng, ctx.experts.get(category), 0.15) if dispatched else None
        status = steps[-1][1]
        closed_at = next((at for _, to, at in reversed(steps) if to == "closed"), None)
        moves = [
            (new_id(), demand_id, before, after, manager if after == "dispatched" else handler.name, minute(at),
             REOPEN_NOTE if before == "followed_up" else _one(rng, TRANSITION_NOTES[after]))
            for before, after, at in steps
        ]
        title = _one(rng, DEMAND_TITLES[category])
        yield (
            (demand_id, ctx.enterprise_ids[p.enterprise[i]], p.sources[i], title, f"企业提出：{title}，请协助办理。",
             category, status, ctx.day(p.day[i]), ctx.day(p.day[i] + between(rng, 7, 15)),
             handler.id if dispatched else None, institution, expert,
             minute(closed_at) if closed_at is not None and status in ("closed", "followed_up") else None,
             satisfaction if status == "followed_up" else None),
            moves,
        )


def _one(rng: random.Random, items: tuple[str, ...]) -> str:
    return items[int(rng.random() * len(items))]
