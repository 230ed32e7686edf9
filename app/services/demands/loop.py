"""Moving a demand along its loop (the allowed moves are `app.domain.demand_loop.TRANSITIONS`)
and the log of every step.

A follow-up with satisfaction at most `UNSATISFIED_AT_MOST` reopens the demand: the
service logs closed → followed_up and then followed_up → handling, so the log always
replays to the current status.  Moving a demand along the loop is never period-locked,
or a demand received in one month and closed in the next could never finish.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.catalogue import DEMAND_STATUSES
from app.domain.demand_loop import TRANSITIONS, UNSATISFIED_AT_MOST, next_statuses
from app.domain.errors import UserError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.text_normalise import checked_text
from app.models import DemandTransition
from app.models.types import utcnow
from app.services.actor import Actor
from app.services.demands.shapes import ASSIGNEE_KINDS, FIELD_LABELS, Assignee, DemandSummary, field_error
from app.services.demands.stored import conditional_update, load_own, summary_of
from app.services.references import require_expert, require_institution, require_staff


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
    row = load_own(session, demand_id)
    current = row.status
    if seen_status is not None and seen_status != current:
        raise UserError(
            Msg("这条服务需求刚被其他人处理过，现在是“%1”。请刷新后查看最新状态，再重新操作。", DEMAND_STATUSES[current]),
            "status",
        )
    if not isinstance(to_status, str) or (current, to_status) not in TRANSITIONS:
        allowed = "、".join(DEMAND_STATUSES[s] for s in next_statuses(current))
        target = DEMAND_STATUSES.get(to_status, str(to_status)) if isinstance(to_status, str) else str(to_status)
        hint = Msg("当前可以转为：%1。", allowed) if allowed else "流程已结束，不能再变更。"
        raise field_error("status", Msg("不能从“%1”转为“%2”。%3", DEMAND_STATUSES[current], target, hint))
    note = checked_text(note, "note", FIELD_LABELS["note"], max_len=2000)
    values: dict[str, Any] = {"status": to_status}
    steps: list[tuple[str | None, str, str]] = [(current, to_status, note)]
    if to_status == "dispatched":
        values.update(_assignee_values(session, assignee))
    elif assignee is not None:
        raise field_error("assignee", "只有“分派”时才能指定承办方。")
    if to_status == "followed_up":
        if isinstance(satisfaction, bool) or not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
            raise field_error("satisfaction", "回访时请填写1–5分的满意度（5分最满意）。")
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
        raise field_error("satisfaction", "只有“回访”时才能填写满意度。")
    if to_status == "closed":
        values["closed_at"] = utcnow()
    updated = conditional_update(session, row, values, row.version, expected_status=current)
    write_log(session, row.id, row.station_id, steps, actor)
    return summary_of(updated)


def log(session: Session, demand_id: uuid.UUID) -> list[TransitionEntry]:
    """Every step of the demand, oldest first."""
    rows = session.scalars(
        select(DemandTransition)
        .where(DemandTransition.demand_id == demand_id, DemandTransition.deleted.is_(False))
        .order_by(DemandTransition.at, DemandTransition.id)
    )
    return [TransitionEntry(r.at, r.from_status, r.to_status, r.actor, r.note) for r in rows]


def write_log(
    session: Session,
    demand_id: uuid.UUID,
    station_id: uuid.UUID | None,
    steps: list[tuple[str | None, str, str]],
    actor: Actor,
) -> None:
    """Append `steps` (from status, to status, note) to the demand's log."""
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


def _assignee_values(session: Session, assignee: Assignee | None) -> dict[str, Any]:
    if not isinstance(assignee, Assignee) or assignee.kind not in ASSIGNEE_KINDS:
        raise field_error("assignee", "分派时请选择一个承办方：工作人员、入驻服务机构或专家（只能选一个）。")
    label = FIELD_LABELS["assignee"]
    if assignee.kind == "staff":
        require_staff(session, assignee.id, "assignee", label, china_today())
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
