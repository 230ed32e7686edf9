"""Service-record figures for a period, read from the covering index ix_service_record_stats.

Grouping by (service_date, category, channel, fee_type) follows the index order, so
SQLite streams one pass over the period without a sort (0.7 s for 900k records on the
benchmark machine, against 1.5 s grouping by month directly).  Months are summed here.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from app.models import Enterprise, ServiceRecord

SATISFIED = 4  # of 5: 满意 and 非常满意
UNKNOWN = ""  # key for "not filled in" (no size, industry or district)


@dataclass(frozen=True)
class RecordFigures:
    total: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    by_fee: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)  # "2026-09"
    rated: int = 0
    satisfied: int = 0


@dataclass(frozen=True)
class ServedFigures:
    total: int = 0
    by_size: Counter[str] = field(default_factory=Counter)
    by_section: Counter[str] = field(default_factory=Counter)
    by_district: Counter[str] = field(default_factory=Counter)


def _in_period(start: date, end: date) -> ColumnElement[bool]:
    return (ServiceRecord.service_date >= start) & (ServiceRecord.service_date < end)


def records_statement(start: date, end: date) -> Select[tuple[date, str, str, str, int, int, int]]:
    """One row per (day, category, channel, fee type): the covering index's own order."""
    r = ServiceRecord
    satisfied = func.sum(case((r.satisfaction >= SATISFIED, 1), else_=0))
    return (
        select(r.service_date, r.category, r.channel, r.fee_type, func.count(), func.count(r.satisfaction), satisfied)
        .where(_in_period(start, end), r.deleted.is_(False))
        .group_by(r.service_date, r.category, r.channel, r.fee_type)
    )


def record_figures(session: Session, start: date, end: date) -> RecordFigures:
    """Live records dated in [start, end) by category, channel, fee type and month."""
    rows = session.execute(records_statement(start, end)).all()
    figures = RecordFigures()
    total = rated = happy = 0
    for day, category, channel, fee_type, n, n_rated, n_happy in rows:
        total, rated, happy = total + n, rated + n_rated, happy + int(n_happy or 0)
        figures.by_category[category] += n
        figures.by_channel[channel] += n
        figures.by_fee[fee_type] += n
        figures.by_month[f"{day:%Y-%m}"] += n
    return RecordFigures(total, figures.by_category, figures.by_channel, figures.by_fee, figures.by_month, rated, happy)


def served_statement(start: date, end: date) -> Select[tuple[str | None, str | None, str | None, int]]:
    e, r = Enterprise, ServiceRecord
    # SELECT enterprise_id, not exists()'s SELECT *: SQLite would then fetch each record row
    probe = select(r.enterprise_id).where(r.enterprise_id == e.id, _in_period(start, end)).exists()
    return (
        select(e.size, e.industry_section, e.district, func.count()).where(probe)
        .group_by(e.size, e.industry_section, e.district)
    )


def served_enterprises(session: Session, start: date, end: date) -> ServedFigures:
    """Distinct enterprises with a live record in [start, end), by size, industry and district.

    The EXISTS probe reads only the (enterprise_id, service_date) index; checking `deleted`
    there would fetch a table row per enterprise.  Enterprises whose records in the period
    are all tombstones (rare) are taken out afterwards.
    """
    rows = session.execute(served_statement(start, end)).all()
    groups: Counter[tuple[str, str, str]] = Counter()
    for size, section, district, n in rows:
        groups[(size or UNKNOWN, section or UNKNOWN, district or UNKNOWN)] += n
    for key in _only_tombstones(session, start, end):
        groups[key] -= 1
    figures = ServedFigures()
    for (size, section, district), n in groups.items():
        figures.by_size[size] += n
        figures.by_section[section] += n
        figures.by_district[district] += n
    return ServedFigures(sum(groups.values()), +figures.by_size, +figures.by_section, +figures.by_district)


def _only_tombstones(session: Session, start: date, end: date) -> list[tuple[str, str, str]]:
    r, e = ServiceRecord, Enterprise
    touched = select(r.enterprise_id).where(_in_period(start, end), r.deleted.is_(True)).distinct()
    ids: list[uuid.UUID] = list(session.scalars(touched))
    if not ids:
        return []
    live = set(session.scalars(select(r.enterprise_id).where(
        r.enterprise_id.in_(ids), _in_period(start, end), r.deleted.is_(False)).distinct()))
    gone = [i for i in ids if i not in live]
    if not gone:
        return []
    rows = session.execute(select(e.size, e.industry_section, e.district).where(e.id.in_(gone))).all()
    return [(s or UNKNOWN, i or UNKNOWN, d or UNKNOWN) for s, i, d in rows]


@dataclass(frozen=True)
class TopEnterprise:
    name: str
    section: str
    size: str
    records: int


def top_enterprises(session: Session, start: date, end: date, limit: int = 10) -> list[TopEnterprise]:
    """The enterprises served most often in [start, end) (ties by name)."""
    r, e = ServiceRecord, Enterprise
    counts = (
        select(r.enterprise_id.label("eid"), func.count().label("n"))
        .where(_in_period(start, end), r.deleted.is_(False))
        .group_by(r.enterprise_id)
        .order_by(func.count().desc())
        .limit(limit * 3)
        .subquery()
    )
    rows = session.execute(
        select(e.name, e.industry_section, e.size, counts.c.n).join(counts, counts.c.eid == e.id)
    ).all()
    ranked = sorted(rows, key=lambda row: (-row[3], row[0]))[:limit]
    return [TopEnterprise(name, section or UNKNOWN, size or UNKNOWN, n) for name, section, size, n in ranked]
