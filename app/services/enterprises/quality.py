"""Data-quality list (数据质量): records a person should look at, each with the reason.

Neoserra's "data maintenance" list, for a station: enterprises without a credit
code or without the inputs the size standard needs, codes accepted with a
check-character warning, possible duplicate enterprises, service records with
zero minutes, and overdue demands.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import credit_code, enterprise_size
from app.domain.catalogue import DEMAND_STATUSES
from app.domain.demand_loop import OPEN_STATUSES
from app.domain.messages import Msg, joined
from app.domain.periods import china_today
from app.models import Demand, Enterprise, ServiceRecord
from app.services.enterprises.names import name_key
from app.services.references import category_labels

KINDS: dict[str, str] = {
    "missing_code": "缺少统一社会信用代码",
    "missing_size_inputs": "缺少划型数据",
    "code_warning": "信用代码校验位存疑",
    "duplicate_code": "信用代码重复",
    "duplicate_name": "疑似重复企业",
    "zero_minutes": "服务时长为0",
    "overdue_demand": "需求超期未办结",
}


@dataclass(frozen=True)
class QualityIssue:
    kind: str  # a key of KINDS
    kind_label: str
    # "enterprise" / "service_record" / "demand": what record_id is, and so what opens it
    # (the enterprise form, the record in the 服务记录 form, the demand in the 服务需求 pool)
    record_type: str
    record_id: uuid.UUID
    enterprise_id: uuid.UUID | None
    title: str  # what the record is (enterprise name; date and enterprise of a record …)
    reason: str  # what is wrong and how to fix it
    enterprise_name: str = ""


def _issue(
    kind: str, record_type: str, record_id: uuid.UUID, enterprise_id: uuid.UUID | None, title: str, reason: str,
    enterprise_name: str = "",
) -> QualityIssue:
    return QualityIssue(kind, KINDS[kind], record_type, record_id, enterprise_id, title, reason, enterprise_name)


def _enterprise_issues(session: Session) -> Iterable[QualityIssue]:
    e = Enterprise
    live = e.deleted.is_not(True)
    for row in session.execute(select(e.id, e.name).where(live, e.credit_code.is_(None)).order_by(e.name)):
        yield _issue("missing_code", "enterprise", row.id, row.id, row.name, Msg("未填写统一社会信用代码，请对照营业执照补填。"))
    cols = (e.id, e.name, e.industry_section, e.industry_code, e.employees, e.revenue, e.assets)
    for unsized in session.execute(select(*cols).where(live, e.size.is_(None)).order_by(e.name)):
        std = enterprise_size.standard_row(unsized.industry_section, unsized.industry_code)
        missing = enterprise_size.missing_inputs(std, unsized.employees, unsized.revenue, unsized.assets)
        reason = (
            Msg("缺少划型所需的%1，无法确定企业规模，请补填。", joined(missing, "、"))
            if missing
            else Msg("企业规模尚未计算，请打开该企业保存一次。")
        )
        yield _issue("missing_size_inputs", "enterprise", unsized.id, unsized.id, unsized.name, reason)
    query = select(e.id, e.name, e.credit_code).where(live, e.credit_code_warning.is_(True)).order_by(e.name)
    for warned in session.execute(query):
        expected = credit_code.check(warned.credit_code or "").expected_check
        hint = Msg("（按规则应为“%1”）", expected) if expected else ""
        yield _issue(
            "code_warning", "enterprise", warned.id, warned.id, warned.name,
            Msg("统一社会信用代码 %1 的校验位不符%2，保存时已确认。请对照营业执照复核。", warned.credit_code, hint),
        )


def _duplicates(session: Session) -> Iterable[QualityIssue]:
    e = Enterprise
    live = e.deleted.is_not(True)
    repeated = select(e.credit_code).where(live, e.credit_code.is_not(None)).group_by(e.credit_code)
    repeated = repeated.having(func.count() > 1)
    groups: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for row in session.execute(select(e.id, e.name, e.credit_code).where(live, e.credit_code.in_(repeated))):
        groups[row.credit_code].append((row.id, row.name))
    for code, members in sorted(groups.items()):
        for member_id, name in members:
            others = "、".join(f"“{n}”" for i, n in members if i != member_id)
            yield _issue("duplicate_code", "enterprise", member_id, member_id, name,
                         Msg("与%1使用同一个统一社会信用代码 %2，请核对后删除多余的一条。", others, code))
    by_key: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for named in session.execute(select(e.id, e.name).where(live)):
        by_key[name_key(named.name)].append((named.id, named.name))
    for members in sorted((m for m in by_key.values() if len(m) > 1), key=lambda m: m[0][1]):
        for member_id, name in members:
            others = "、".join(f"“{n}”" for i, n in members if i != member_id)
            yield _issue("duplicate_name", "enterprise", member_id, member_id, name,
                         Msg("名称与%1实质相同（不计“广州”“有限公司”和标点），可能是同一家企业，请核对。", others))


def _record_issues(session: Session, today: date) -> Iterable[QualityIssue]:
    r = ServiceRecord
    labels = category_labels(session)  # retired categories keep their label
    query = (
        select(r.id, r.enterprise_id, r.service_date, r.category, Enterprise.name)
        .join(Enterprise, Enterprise.id == r.enterprise_id)
        .where(r.deleted.is_not(True), r.prep_minutes + r.contact_minutes == 0)
        .order_by(r.service_date.desc())
    )
    for row in session.execute(query):
        title = f"{row.service_date:%Y-%m-%d} {row.name} {labels.get(row.category, row.category)}"
        yield _issue("zero_minutes", "service_record", row.id, row.enterprise_id, title,
                     "准备时长和服务时长都是0分钟，服务时长要计入工作量统计，请补填实际用时。", row.name)
    d = Demand
    overdue = (
        select(d.id, d.enterprise_id, d.title, d.status, d.due_on, Enterprise.name)
        .join(Enterprise, Enterprise.id == d.enterprise_id)
        .where(d.deleted.is_not(True), d.status.in_(OPEN_STATUSES), d.due_on < today)
        .order_by(d.due_on)
    )
    for late in session.execute(overdue):
        assert late.due_on is not None  # the query keeps only demands with a due date
        days = (today - late.due_on).days
        yield _issue(
            "overdue_demand", "demand", late.id, late.enterprise_id, f"{late.name}：{late.title}",
            Msg("已超过办结期限 %1 天（期限 %2），当前状态为“%3”。请跟进办结，或与企业商定后调整期限。", days, f'{late.due_on:%Y-%m-%d}', DEMAND_STATUSES.get(late.status, late.status)), late.name,
        )


def quality_issues(
    session: Session, *, today: date | None = None, kinds: Iterable[str] | None = None
) -> list[QualityIssue]:
    """The list, grouped by kind in KINDS order.  `kinds` limits it (e.g. to one tab)."""
    wanted = set(KINDS if kinds is None else kinds)
    today = today or china_today()
    found: list[QualityIssue] = []
    sources: list[tuple[set[str], Callable[[], Iterable[QualityIssue]]]] = [
        ({"missing_code", "missing_size_inputs", "code_warning"}, lambda: _enterprise_issues(session)),
        ({"duplicate_code", "duplicate_name"}, lambda: _duplicates(session)),
        ({"zero_minutes", "overdue_demand"}, lambda: _record_issues(session, today)),
    ]
    for produces, issues in sources:
        if produces & wanted:
            found.extend(issue for issue in issues() if issue.kind in wanted)
    return found


def quality_counts(session: Session, *, today: date | None = None) -> dict[str, int]:
    """How many of each kind (the tab captions); every kind present, zero included."""
    counts = dict.fromkeys(KINDS, 0)
    for issue in quality_issues(session, today=today):
        counts[issue.kind] += 1
    return counts
