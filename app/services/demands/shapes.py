"""What a demand looks like to its callers: the input a form submits, the summary a
write returns, who it is assigned to, and the field labels every message names."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.catalogue import DEMAND_STATUSES
from app.domain.demand_loop import is_overdue, next_statuses
from app.domain.errors import ValidationError
from app.domain.messages import Msg

DEFAULT_DUE_DAYS = 10

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


def field_error(fld: str, text: str, prefix: str = "") -> ValidationError:
    """A ValidationError for field `prefix + fld`, its message led by the field's label."""
    return ValidationError(Msg("%1：%2", FIELD_LABELS[fld], text), prefix + fld)


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
