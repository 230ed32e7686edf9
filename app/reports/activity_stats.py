"""Demands, events, resident institutions and staffing for a period (small tables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.domain.periods import Period
from app.models import Demand, Event, ServiceInstitution, ServiceRecord, StaffMember
from app.services.reporting import figures as F
from app.services.staff import rules as staff_rules


@dataclass(frozen=True)
class DemandLine:
    category: str
    received: int
    finished: int
    overdue: int


@dataclass(frozen=True)
class DemandFigures:
    """Demands received in the period; their state as of the cut-off."""

    received: int = 0
    finished: int = 0  # 办结 or 回访 now
    overdue: int = 0  # still open and past due at the cut-off
    rated: int = 0
    satisfied: int = 0
    lines: list[DemandLine] = field(default_factory=list)


def demand_figures(session: Session, period: Period, today: date) -> DemandFigures:
    """Demands received in the period, by category: how many are 办结 and 超期 as of `today`."""
    d = Demand
    rows = session.execute(
        select(
            d.category, func.count(), func.count(case((F.demand_finished(), 1))),
            func.count(case((F.demand_overdue(today), 1))),
            func.count(d.satisfaction), func.count(case((F.is_satisfied(d.satisfaction), 1))),
        )
        .where(F.demand_received_in(period))
        .group_by(d.category)
    ).all()
    lines = sorted((DemandLine(c, n, int(f or 0), int(o or 0)) for c, n, f, o, _, _ in rows), key=lambda x: -x.received)
    return DemandFigures(
        received=sum(x.received for x in lines),
        finished=sum(x.finished for x in lines),
        overdue=sum(x.overdue for x in lines),
        rated=sum(int(row[4] or 0) for row in rows),
        satisfied=sum(int(row[5] or 0) for row in rows),
        lines=lines,
    )


@dataclass(frozen=True)
class EventLine:
    title: str
    starts_at: datetime
    event_type: str
    theme: str | None
    turnout: F.Turnout

    @property
    def registered(self) -> int:
        return self.turnout.registered

    @property
    def checked_in(self) -> int:
        return self.turnout.checked_in

    @property
    def walk_in(self) -> int:
        return self.turnout.walk_in

    @property
    def attendees(self) -> int:
        """参与人次: checked-in registrations plus walk-ins."""
        return self.turnout.people

    @property
    def enterprises(self) -> int:
        """参与企业（家次）: distinct checked-in enterprises."""
        return self.turnout.enterprises


def event_lines(session: Session, period: Period, cutoff: datetime) -> tuple[list[EventLine], list[EventLine]]:
    """Live events starting in the period (Guangzhou days), with their attendance: those held
    by the cut-off, and those still planned (F.is_held)."""
    e = Event
    rows = F.events_held(session, period, e.title, e.starts_at, e.event_type, e.theme)
    lines = [EventLine(title, starts_at, kind, theme, turnout) for (title, starts_at, kind, theme), turnout in rows]
    return [x for x in lines if F.is_held(x.starts_at, cutoff)], [x for x in lines if not F.is_held(x.starts_at, cutoff)]


@dataclass(frozen=True)
class InstitutionUse:
    name: str
    category: str
    status: str
    entered_on: date | None
    records: int  # service records referring to it in the period
    demands: int  # demands received in the period and assigned to it


def institution_use(session: Session, period: Period) -> list[InstitutionUse]:
    """Every live resident institution (also those that left during the period), with its use."""
    i, r, d = ServiceInstitution, ServiceRecord, Demand
    records = dict(session.execute(
        select(r.institution_id, func.count())
        .where(r.institution_id.is_not(None), r.service_date >= period.start, r.service_date < period.end,
               r.deleted.is_(False))
        .group_by(r.institution_id)
    ).all())
    demands = dict(session.execute(
        select(d.assignee_institution_id, func.count())
        .where(d.assignee_institution_id.is_not(None), d.received_on >= period.start, d.received_on < period.end,
               d.deleted.is_(False))
        .group_by(d.assignee_institution_id)
    ).all())
    rows = session.execute(
        select(i.id, i.name, i.category, i.status, i.entered_on)
        .where(i.deleted.is_(False), or_(i.exited_on.is_(None), i.exited_on >= period.start))
        .order_by(i.entered_on, i.name)
    ).all()
    return [InstitutionUse(n, c, s, on, int(records.get(k, 0)), int(demands.get(k, 0))) for k, n, c, s, on in rows]


@dataclass(frozen=True)
class StaffLine:
    name: str
    role: str
    full_time: bool
    start_date: date | None
    trainings: str


@dataclass(frozen=True)
class Staffing:
    on: date
    members: list[StaffLine]
    full_time: int
    shortfall: int


def staffing(session: Session, on: date) -> Staffing:
    """Who was on staff on `on`, and the convention's two-full-time rule."""
    s = StaffMember
    rows = session.execute(
        select(s.name, s.role, s.full_time, s.start_date, s.trainings)
        .where(staff_rules.on_staff(on))
        .order_by(s.role != "manager", s.start_date, s.name)
    ).all()
    members = [StaffLine(n, r, bool(f), d, t or "") for n, r, f, d, t in rows]
    return Staffing(on, members, staff_rules.full_time_count(session, on), staff_rules.staffing_shortfall(session, on))
