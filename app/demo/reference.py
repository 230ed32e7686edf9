"""Demo staff, resident institutions with their catalogue, experts and policies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.demo.context import Ctx, Staff
from app.demo.names import Pick, between, brand, landline, mobile, person
from app.demo.texts import (
    EXPERT_TITLES,
    INSTITUTIONS,
    POLICIES,
    STAFF_TRAININGS,
)
from app.domain import districts

Row = tuple[Any, ...]
Binder = Callable[[str], Callable[[Any], Any]]

STAFF_COLUMNS = ("id", "name", "phone", "role", "full_time", "start_date", "end_date", "trainings")
INSTITUTION_COLUMNS = ("id", "name", "category", "contact_name", "phone", "entered_on", "exited_on", "status",
                       "exit_reason")
CATALOGUE_COLUMNS = ("id", "institution_id", "title", "stage", "category", "fee_type", "description")
EXPERT_COLUMNS = ("id", "name", "organisation", "title", "fields", "phone")
POLICY_COLUMNS = ("id", "title", "category", "issuer", "issued_on", "expires_on", "industries", "sizes", "districts",
                  "summary", "attachment", "local_note")

STAGES = Pick([("startup", 3), ("growth", 4), ("mature", 2)])
CATALOGUE_FEES = Pick([("free", 40), ("low_fee", 35), ("paid", 25)])
SECTIONS = ("A", "C", "E", "F", "G", "H", "I", "K", "L", "M")
SIZES = Pick([("", 40), ("small,micro", 30), ("medium,small,micro", 20), ("micro", 10)])
EXPERT_ORGANISATIONS = {"legal": "广东{b}律师事务所", "finance_tax": "广东{b}会计师事务所（普通合伙）",
                        "ip": "广州{b}知识产权代理有限公司", "financing": "广州{b}投资管理有限公司"}
EXIT_REASON = "服务满意度连续两个季度低于80%，经服务总站审定退出"


def staff_rows(ctx: Ctx, bind: Binder) -> list[Row]:
    """Bring the team to 4–8 people (the existing manager counts); the first newcomer is full-time,
    so the convention's two full-time staff are always there."""
    rng = ctx.rng("staff")
    target = between(rng, 4, 8)
    taken = {s.name for s in ctx.staff}
    rows = []
    for k in range(max(0, target - len(ctx.staff))):
        name = person(rng)
        while name in taken:
            name = person(rng)
        taken.add(name)
        full_time = k == 0 or rng.random() < 0.75
        trainings = "；".join(rng.sample(STAFF_TRAININGS, between(rng, 1, 3)))
        staff_id = ctx.new_id()
        rows.append((staff_id, name, mobile(rng), "staff", bind("full_time")(full_time),
                     ctx.day(-between(rng, 30, 1500)), None, trainings))
        ctx.staff.append(Staff(staff_id, name, 1.0 if full_time else 0.5))
    return rows


def institution_rows(ctx: Ctx) -> tuple[list[Row], list[Row]]:
    rng = ctx.rng("institution")
    count = between(rng, 5, 10)
    categories = list(INSTITUTIONS)
    rng.shuffle(categories)
    rows, entries, taken = [], [], set()
    for k, category in enumerate((categories * 2)[:count]):
        pattern, titles = INSTITUTIONS[category]
        name = pattern.format(b=brand(rng))
        while name in taken:
            name = pattern.format(b=brand(rng))
        taken.add(name)
        exited = count >= 7 and k == count - 1
        entered = -between(rng, 180, 1000)
        institution_id = ctx.new_id()
        rows.append((institution_id, name, category, person(rng), landline(rng), ctx.day(entered),
                     ctx.day(entered + between(rng, 90, 170)) if exited else None,
                     "exited" if exited else "active", EXIT_REASON if exited else ""))
        if not exited:
            ctx.institutions.setdefault(category, []).append(institution_id)
            ctx.institution_names.append(name)
            ctx.institution_names_by_category.setdefault(category, []).append(name)
        options = titles.split("|")
        for title in rng.sample(options, between(rng, 2, min(4, len(options)))):
            entries.append((ctx.new_id(), institution_id, title, STAGES(rng), category, CATALOGUE_FEES(rng),
                            f"{name}提供的{title}服务，入驻服务站期间按服务清单收费标准执行。"))
    return rows, entries


def expert_rows(ctx: Ctx) -> list[Row]:
    rng = ctx.rng("expert")
    rows = []
    fields_pool = list(EXPERT_TITLES)
    for _ in range(between(rng, 10, 20)):
        fields = rng.sample(fields_pool, 1 if rng.random() < 0.6 else 2)
        titles = EXPERT_TITLES[fields[0]]
        name = person(rng)
        resident = ctx.institution_names_by_category.get(fields[0])
        if resident and rng.random() < 0.5:
            organisation = resident[int(rng.random() * len(resident))]
        else:
            organisation = EXPERT_ORGANISATIONS.get(fields[0], "广州{b}管理咨询有限公司").format(b=brand(rng))
        expert_id = ctx.new_id()
        rows.append((expert_id, name, organisation, titles[int(rng.random() * len(titles))], ",".join(fields),
                     mobile(rng)))
        ctx.expert_names.append(name)
        for field in fields:
            ctx.experts.setdefault(field, []).append(expert_id)
    return rows


def policy_rows(ctx: Ctx) -> list[Row]:
    rng = ctx.rng("policy")
    rows = []
    for title, category, issuer in rng.sample(POLICIES, between(rng, 15, 30)):
        issued = -between(rng, 10, 700)
        expires = issued + 365 * between(rng, 2, 5) if rng.random() < 0.7 else None
        industries = "" if rng.random() < 0.6 else ",".join(sorted(rng.sample(SECTIONS, between(rng, 1, 4))))
        district = next((name for name in districts.NAMES if title.startswith(name)), "")
        policy_id = ctx.new_id()
        rows.append((policy_id, title, category, issuer, ctx.day(issued),
                     None if expires is None else ctx.day(expires), industries, SIZES(rng), district,
                     f"【演示数据】{title}：适用对象、申报条件、支持标准与办理流程摘要。", None, ""))
        ctx.policies.setdefault(category, []).append(policy_id)
    return rows
