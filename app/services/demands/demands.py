"""Demand pool (服务需求池) as a closed loop:
受理 accepted → 分派 dispatched → 处理 handling → 反馈 replied → 办结 closed → 回访 followed_up.

The allowed moves are data (`TRANSITIONS`).  Besides the straight loop a demand may be
re-dispatched (改派) while dispatched or in handling, and sent back to handling after a
reply the enterprise did not accept.  A follow-up with satisfaction at most
`UNSATISFIED_AT_MOST` reopens the demand: the service logs closed → followed_up and then
followed_up → handling, so the log always replays to the current status.

Period locks guard the demand's own data (title, dates, deletion) by the month it was
received; moving it along the loop is never locked, or a demand received in one month
and closed in the next could never finish.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.domain.catalogue import DEMAND_STATUSES
from app.domain.errors import UserError, ValidationError
from app.domain.periods import CHINA_TIME
from app.domain.text_normalise import checked_text
from app.models import (
    Demand,
    DemandTransition,
    Enterprise,
    Expert,
    ServiceInstitution,
    StaffMember,
)
from app.models.types import utcnow
from app.services.actor import Actor
from app.services.records import period_locks
from app.services.references import (
    categories,
    category_labels,
    require_enterprise,
    require_expert,
    require_institution,
    require_staff,
)
from app.services.row_access import ensure_own, guarded_update, load_live
from app.services.station.identity import require_station

DEFAULT_DUE_DAYS = 10
# 1–5 scale; 1 or 2 counts as unsatisfied and sends the demand back to handling
UNSATISFIED_AT_MOST = 2

OPEN_STATUSES = ("accepted", "dispatched", "handling", "replied")
TRANSITIONS: frozenset[tuple[str, str]] = frozenset(
    {
        ("accepted", "dispatched"),
        ("dispatched", "dispatched"),  # 改派
        ("dispatched", "handling"),
        ("handling", "dispatched"),  # 改派
        ("handling", "replied"),
        ("replied", "handling"),  # the enterprise did not accept the reply
        ("replied", "closed"),
        ("closed", "followed_up"),
    }
)
# Taken by the service itself after an unsatisfied follow-up, never chosen by a user.
REOPEN = ("followed_up", "handling")
ALL_TRANSITIONS = TRANSITIONS | {REOPEN}

ASSIGNEE_KINDS: dict[str, str] = {"staff": "工作人员", "institution": "服务机构", "expert": "专家"}
FIELD_LABELS: dict[str, str] = {
    "title": "需求标题",
    "category": "服务类别",
    "enterprise_id": "企业",
    "description": "需求描述",
    "received_on": "受理日期",
    "due_on": "办结期限",
    "status": "状态",
    "assignee": "承办方",
    "satisfaction": "回访满意度",
    "note": "备注",
}


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses a user may move a demand to from `status`, in loop order."""
    return tuple(s for s in DEMAND_STATUSES if (status, s) in TRANSITIONS)


def is_overdue(status: str, due_on: date | None, today: date) -> bool:
    """Past its due date and not yet closed (a reply alone does not stop the clock)."""
    return status in OPEN_STATUSES and due_on is not None and due_on < today


@dataclass(frozen=True)
class Assignee:
    """Who a demand is dispatched to: exactly one staff member, institution or expert."""

    kind: str  # a key of ASSIGNEE_KINDS
    id: uuid.UUID

    @classmethod
    def staff(cls, staff_id: uuid.UUID) -> Assignee:
        return cls("staff", staff_id)

    @classmethod
    def institution(cls, institution_id: uuid.UUID) -> Assignee:
        return cls("institution", institution_id)

    @classmethod
    def expert(cls, expert_id: uuid.UUID) -> Assignee:
        return cls("expert", expert_id)


@dataclass(frozen=True)
class DemandInput:
    """A new or edited demand.  Created from a service record, empty enterprise, category
    and received date are taken from the record."""

    title: str
    category: str = ""
    enterprise_id: uuid.UUID | None = None
    description: str = ""
    received_on: date | None = None  # None: today (or the record's service date)
    due_on: date | None = None  # None: received_on + DEFAULT_DUE_DAYS


@dataclass(frozen=True)
class DemandSummary:
    id: uuid.UUID
    enterprise_id: uuid.UUID
    service_record_id: uuid.UUID | None
    title: str
    description: str
    category: str
    status: str
    received_on: date
    due_on: date | None
    assignee: Assignee | None
    closed_at: datetime | None
    satisfaction: int | None  # of the latest follow-up (kept when it reopened the demand)
    version: int

    @property
    def status_label(self) -> str:
        return DEMAND_STATUSES[self.status]

    @property
    def next_statuses(self) -> tuple[str, ...]:
        return next_statuses(self.status)

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due_on, today)


@dataclass(frozen=True)
class DemandRow:
    """One line of the demand board."""

    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    title: str
    category: str
    category_label: str
    status: str
    status_label: str
    received_on: date
    due_on: date | None
    assignee: Assignee | None
    assignee_name: str
    satisfaction: int | None
    version: int

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due_on, today)


@dataclass(frozen=True)
class TransitionEntry:
    at: datetime  # UTC
    from_status: str | None
    to_status: str
    actor: str
    note: str

    @property
    def from_label(self) -> str:
        return DEMAND_STATUSES.get(self.from_status or "", "")

    @property
    def to_label(self) -> str:
        return DEMAND_STATUSES[self.to_status]


@dataclass(frozen=True)
class DemandFilter:
    statuses: tuple[str, ...] = ()  # empty: all
    overdue_only: bool = False
    today: date | None = None  # for overdue_only; None: today
    assignee: Assignee | None = None
    enterprise_id: uuid.UUID | None = None
    text: str = ""  # in title or description
    # Closed (办结/回访) on these China-time days, both inclusive; either end may be open.
    closed_from: date | None = None
    closed_to: date | None = None

    @property
    def closed_range(self) -> bool:
        return self.closed_from is not None or self.closed_to is not None


@dataclass(frozen=True)
class DemandSort:
    key: str = "due_on"  # due_on / received_on / status / enterprise / title
    descending: bool = False


def _err(fld: str, text: str, prefix: str = "") -> ValidationError:
    return ValidationError(f"{FIELD_LABELS[fld]}：{text}", prefix + fld)


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def normalise(
    session: Session,
    data: DemandInput,
    *,
    today: date,
    lock_days: int | None = None,
    defaults: DemandInput | None = None,
    field_prefix: str = "",
) -> DemandInput:
    """Validated, defaulted copy of `data`; ValidationError names the field
    (`field_prefix` + name, e.g. "demand.title" in the service-record form)."""
    defaults = defaults or DemandInput(title="")
    p = field_prefix
    title = checked_text(data.title, p + "title", FIELD_LABELS["title"], max_len=200, required=True)
    description = checked_text(data.description, p + "description", FIELD_LABELS["description"], max_len=4000)
    category = data.category or defaults.category
    known = categories(session)
    if not isinstance(category, str) or category not in known:
        raise _err("category", f"请从列表中选择（{'、'.join(known.values())}）。", p)
    enterprise_id = data.enterprise_id or defaults.enterprise_id
    require_enterprise(session, enterprise_id, p + "enterprise_id", FIELD_LABELS["enterprise_id"])
    received_on = data.received_on or defaults.received_on or today
    if not _is_day(received_on):
        raise _err("received_on", "请填写日期。", p)
    if received_on > today:
        raise _err("received_on", f"不能晚于今天（{today.isoformat()}），请改正。", p)
    period_locks.ensure_editable(
        session, received_on, today, lock_days, field=p + "received_on", label=FIELD_LABELS["received_on"]
    )
    due_on = data.due_on or received_on + timedelta(days=DEFAULT_DUE_DAYS)
    if not _is_day(due_on) or due_on < received_on:
        raise _err("due_on", f"不能早于受理日期（{received_on.isoformat()}），请改正。", p)
    return DemandInput(title, category, enterprise_id, description, received_on, due_on)


def create(
    session: Session,
    data: DemandInput,
    actor: Actor,
    *,
    today: date | None = None,
    lock_days: int | None = None,
    service_record_id: uuid.UUID | None = None,
    defaults: DemandInput | None = None,
    note: str = "",
) -> DemandSummary:
    """Accept (受理) a demand and log it."""
    today = today or date.today()
    station = require_station(session)
    clean = normalise(session, data, today=today, lock_days=lock_days, defaults=defaults)
    note = checked_text(note, "note", FIELD_LABELS["note"], max_len=2000)
    assert clean.enterprise_id is not None and clean.received_on is not None
    row = Demand(
        station_id=station.id,
        enterprise_id=clean.enterprise_id,
        service_record_id=service_record_id,
        title=clean.title,
        description=clean.description,
        category=clean.category,
        status="accepted",
        received_on=clean.received_on,
        due_on=clean.due_on,
    )
    session.add(row)
    session.flush()
    _log(session, row.id, station.id, [(None, "accepted", note)], actor)
    return _summary(row)


def get(session: Session, demand_id: uuid.UUID) -> DemandSummary:
    return _summary(_load(session, demand_id))


def update(
    session: Session,
    demand_id: uuid.UUID,
    data: DemandInput,
    expected_version: int,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> DemandSummary:
    """Edit a demand's own data (not its status).  Refused when someone else saved it
    since `expected_version`, or when the old or the new received date is locked."""
    today = today or date.today()
    row = _load_own(session, demand_id)
    period_locks.ensure_editable(
        session, row.received_on, today, lock_days, field="received_on", label=FIELD_LABELS["received_on"]
    )
    clean = normalise(session, data, today=today, lock_days=lock_days)
    values = {
        "title": clean.title,
        "description": clean.description,
        "category": clean.category,
        "enterprise_id": clean.enterprise_id,
        "received_on": clean.received_on,
        "due_on": clean.due_on,
    }
    return _summary(_conditional_update(session, row, values, expected_version))


def delete(
    session: Session,
    demand_id: uuid.UUID,
    expected_version: int | None = None,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> None:
    """Soft delete (a tombstone for sync).  Its log stays."""
    row = _load_own(session, demand_id)
    period_locks.ensure_editable(
        session, row.received_on, today, lock_days, field="received_on", label=FIELD_LABELS["received_on"]
    )
    _conditional_update(session, row, {"deleted": True}, expected_version)


def restore(
    session: Session, demand_id: uuid.UUID, *, today: date | None = None, lock_days: int | None = None
) -> DemandSummary:
    row = session.get(Demand, demand_id)
    if row is None or not row.deleted:
        raise UserError("回收站里没有这条服务需求，无法恢复。")
    _ensure_own(session, row)
    period_locks.ensure_editable(
        session, row.received_on, today, lock_days, field="received_on", label=FIELD_LABELS["received_on"]
    )
    return _summary(_conditional_update(session, row, {"deleted": False}, None))


def transition(
    session: Session,
    demand_id: uuid.UUID,
    to_status: str,
    actor: Actor,
    note: str = "",
    *,
    assignee: Assignee | None = None,
    satisfaction: int | None = None,
    seen_status: str | None = None,
) -> DemandSummary:
    """Move a demand one step along the loop and log it.

    Dispatching needs exactly one `assignee`; a follow-up needs `satisfaction` 1–5, and
    at most UNSATISFIED_AT_MOST reopens the demand (logged as a second step).
    `seen_status` is the status the user's screen showed: when someone else has moved
    the demand since, the step is refused instead of being applied to the new state.
    """
    row = _load_own(session, demand_id)
    current = row.status
    if seen_status is not None and seen_status != current:
        raise UserError(
            f"这条服务需求刚被其他人处理过，现在是“{DEMAND_STATUSES[current]}”。请刷新后查看最新状态，再重新操作。",
            "status",
        )
    if not isinstance(to_status, str) or (current, to_status) not in TRANSITIONS:
        allowed = "、".join(DEMAND_STATUSES[s] for s in next_statuses(current))
        target = DEMAND_STATUSES.get(to_status, str(to_status)) if isinstance(to_status, str) else str(to_status)
        hint = f"当前可以转为：{allowed}。" if allowed else "流程已结束，不能再变更。"
        raise _err("status", f"不能从“{DEMAND_STATUSES[current]}”转为“{target}”。{hint}")
    note = checked_text(note, "note", FIELD_LABELS["note"], max_len=2000)
    values: dict[str, Any] = {"status": to_status}
    steps: list[tuple[str | None, str, str]] = [(current, to_status, note)]
    if to_status == "dispatched":
        values.update(_assignee_values(session, assignee))
    elif assignee is not None:
        raise _err("assignee", "只有“分派”时才能指定承办方。")
    if to_status == "followed_up":
        if isinstance(satisfaction, bool) or not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
            raise _err("satisfaction", "回访时请填写1–5分的满意度（5分最满意）。")
        values["satisfaction"] = satisfaction
        if satisfaction <= UNSATISFIED_AT_MOST:
            values.update(status="handling", closed_at=None)
            steps.append(
                (
                    "followed_up",
                    "handling",
                    f"回访满意度{satisfaction}分（{UNSATISFIED_AT_MOST}分及以下为不满意），自动重新进入处理。",
                )
            )
    elif satisfaction is not None:
        raise _err("satisfaction", "只有“回访”时才能填写满意度。")
    if to_status == "closed":
        values["closed_at"] = utcnow()
    updated = _conditional_update(session, row, values, row.version, expected_status=current)
    _log(session, row.id, row.station_id, steps, actor)
    return _summary(updated)


def log(session: Session, demand_id: uuid.UUID) -> list[TransitionEntry]:
    """Every step of the demand, oldest first."""
    rows = session.scalars(
        select(DemandTransition)
        .where(DemandTransition.demand_id == demand_id, DemandTransition.deleted.is_(False))
        .order_by(DemandTransition.at, DemandTransition.id)
    )
    return [TransitionEntry(r.at, r.from_status, r.to_status, r.actor, r.note) for r in rows]


def _china_midnight(day: date) -> datetime:
    """The start of a China-time day (closing times are stored in UTC)."""
    return datetime(day.year, day.month, day.day, tzinfo=CHINA_TIME)


def list_ids(session: Session, filt: DemandFilter | None = None, sort: DemandSort | None = None) -> list[uuid.UUID]:
    """Ids of the matching demands, in display order (for a lazy item model)."""
    filt = filt or DemandFilter()
    sort = sort or DemandSort()
    query = select(Demand.id).where(Demand.deleted.is_(False))
    if filt.statuses:
        query = query.where(Demand.status.in_(filt.statuses))
    if filt.overdue_only:
        query = query.where(
            Demand.status.in_(OPEN_STATUSES), Demand.due_on.is_not(None), Demand.due_on < (filt.today or date.today())
        )
    if filt.closed_range:
        query = query.where(Demand.closed_at.is_not(None))
        if filt.closed_from is not None:
            query = query.where(Demand.closed_at >= _china_midnight(filt.closed_from))
        if filt.closed_to is not None:
            query = query.where(Demand.closed_at < _china_midnight(filt.closed_to + timedelta(days=1)))
    if filt.assignee is not None:
        column = {
            "staff": Demand.assignee_staff_id,
            "institution": Demand.assignee_institution_id,
            "expert": Demand.assignee_expert_id,
        }[filt.assignee.kind]
        query = query.where(column == filt.assignee.id)
    if filt.enterprise_id is not None:
        query = query.where(Demand.enterprise_id == filt.enterprise_id)
    if filt.text.strip():
        text = filt.text.strip()
        query = query.where(
            or_(Demand.title.contains(text, autoescape=True), Demand.description.contains(text, autoescape=True))
        )
    order: list[Any]
    if sort.key == "enterprise":
        query = query.join(Enterprise, Enterprise.id == Demand.enterprise_id)
        order = [Enterprise.name]
    elif sort.key == "status":
        order = [case({s: i for i, s in enumerate(DEMAND_STATUSES)}, value=Demand.status)]
    elif sort.key in ("due_on", "received_on", "title"):
        order = [getattr(Demand, sort.key)]
    else:
        raise ValueError(f"unknown sort key {sort.key!r}")
    order = [c.desc() if sort.descending else c.asc() for c in order]
    if sort.key == "due_on":
        order.insert(0, Demand.due_on.is_(None))  # no due date: last, either way
    return list(session.scalars(query.order_by(*order, Demand.id)))


def fetch_rows(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, DemandRow]:
    """Rows for `ids` (in that order); ids deleted meanwhile are simply absent."""
    labels = category_labels(session)  # retired categories keep their label
    found: dict[uuid.UUID, DemandRow] = {}
    for start in range(0, len(ids), 500):
        query = (
            select(Demand, Enterprise.name, StaffMember.name, ServiceInstitution.name, Expert.name)
            .join(Enterprise, Enterprise.id == Demand.enterprise_id)
            .outerjoin(StaffMember, StaffMember.id == Demand.assignee_staff_id)
            .outerjoin(ServiceInstitution, ServiceInstitution.id == Demand.assignee_institution_id)
            .outerjoin(Expert, Expert.id == Demand.assignee_expert_id)
            .where(Demand.id.in_(ids[start : start + 500]), Demand.deleted.is_(False))
        )
        for d, enterprise, staff, institution, expert in session.execute(query):
            found[d.id] = DemandRow(
                d.id, d.enterprise_id, enterprise, d.title, d.category, labels.get(d.category, d.category),
                d.status, DEMAND_STATUSES[d.status], d.received_on, d.due_on, _assignee(d),
                staff or institution or expert or "", d.satisfaction, d.version,
            )
    return {i: found[i] for i in ids if i in found}


# --- internals ----------------------------------------------------------------


def _assignee_values(session: Session, assignee: Assignee | None) -> dict[str, Any]:
    if not isinstance(assignee, Assignee) or assignee.kind not in ASSIGNEE_KINDS:
        raise _err("assignee", "分派时请选择一个承办方：工作人员、入驻服务机构或专家（只能选一个）。")
    label = FIELD_LABELS["assignee"]
    if assignee.kind == "staff":
        require_staff(session, assignee.id, "assignee", label, date.today())
    elif assignee.kind == "institution":
        require_institution(session, assignee.id, "assignee", label, active=True)
    else:
        require_expert(session, assignee.id, "assignee", label)
    values: dict[str, Any] = {
        "assignee_staff_id": None,
        "assignee_institution_id": None,
        "assignee_expert_id": None,
    }
    values[f"assignee_{assignee.kind}_id"] = assignee.id
    return values


def _assignee(row: Demand) -> Assignee | None:
    if row.assignee_staff_id is not None:
        return Assignee.staff(row.assignee_staff_id)
    if row.assignee_institution_id is not None:
        return Assignee.institution(row.assignee_institution_id)
    if row.assignee_expert_id is not None:
        return Assignee.expert(row.assignee_expert_id)
    return None


def _load(session: Session, demand_id: uuid.UUID) -> Demand:
    return load_live(session, Demand, demand_id, "找不到这条服务需求（可能已被删除），请刷新列表。")


def _ensure_own(session: Session, row: Demand) -> None:
    ensure_own(session, row, "这条服务需求属于其他服务站，只能查看，不能修改。")


def _load_own(session: Session, demand_id: uuid.UUID) -> Demand:
    row = _load(session, demand_id)
    _ensure_own(session, row)
    return row


def _conditional_update(
    session: Session,
    row: Demand,
    values: dict[str, Any],
    expected_version: int | None,
    *,
    expected_status: str | None = None,
) -> Demand:
    stale = "这条服务需求刚被其他人修改过。请刷新后查看最新内容，再重新操作。"
    return guarded_update(session, Demand, row, values, expected_version, stale, status=expected_status)


def _log(
    session: Session,
    demand_id: uuid.UUID,
    station_id: uuid.UUID | None,
    steps: list[tuple[str | None, str, str]],
    actor: Actor,
) -> None:
    # Strictly increasing times per demand, so the log's order is the order of the steps
    # even for two steps in one call or a clock set back.
    last = session.scalar(select(func.max(DemandTransition.at)).where(DemandTransition.demand_id == demand_id))
    at = utcnow()
    for from_status, to_status, note in steps:
        if last is not None and at <= last:
            at = last + timedelta(microseconds=1)
        session.add(
            DemandTransition(
                station_id=station_id,
                demand_id=demand_id,
                from_status=from_status,
                to_status=to_status,
                actor=(actor.name or "")[:100],
                at=at,
                note=note,
            )
        )
        last = at
    session.flush()


def _summary(row: Demand) -> DemandSummary:
    return DemandSummary(
        row.id, row.enterprise_id, row.service_record_id, row.title, row.description, row.category, row.status,
        row.received_on, row.due_on, _assignee(row), row.closed_at, row.satisfaction, row.version,
    )

