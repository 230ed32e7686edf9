"""The definitions behind every figure a station reports and HQ reads, in one place.

The station counts them with SQLAlchemy over its SQLite tables (app.services.reporting.figures);
HQ counts them over its typed read models (app.hq.readmodel); both take their constants and
predicates from here, so a definition changes in one place only.  Plain data, no database.

* 服务记录 / 服务企业: live service records dated (a Guangzhou date) in the period; enterprises
  served = distinct enterprises among them (never summed across months: a year's figure is
  its own distinct count).
* 满意度: records scored `SCORES` (unrated ones left out); 满意 = scored `SATISFIED_FROM` or more.
* 活动: live events starting in the period (UTC instants cut at Guangzhou midnight,
  app.domain.periods.Period.utc_range); 举办 (held) = started by the cut-off (`is_held`).
* 参与人次 = checked-in live attendances + walk-ins (`people`); 参与企业（家次）= per event, the
  distinct enterprises among the checked-in live attendances, summed over the events.
* 需求: 未办结 = `OPEN_STATUSES`; 超期 = open and due before today (`is_overdue`); 办结 =
  `FINISHED_STATUSES`, counted in the period its `closed_at` falls in; 受理 = `received_on`.
* Deleted rows never count.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.demand_loop import FINISHED_STATUSES, OPEN_STATUSES, is_overdue

SCORES = (1, 2, 3, 4, 5)  # satisfaction scale
SATISFIED_FROM = 4  # of 5: 满意 and 非常满意
SATISFIED_SCORES = tuple(s for s in SCORES if s >= SATISFIED_FROM)
PEOPLE_UNIT = "人次"
ENTERPRISE_UNIT = "家次"

__all__ = [
    "ENTERPRISE_UNIT",
    "FINISHED_STATUSES",
    "OPEN_STATUSES",
    "PEOPLE_UNIT",
    "SATISFIED_FROM",
    "SATISFIED_SCORES",
    "SCORES",
    "is_held",
    "is_overdue",
    "is_satisfied",
    "people",
]


def is_satisfied(score: int | None) -> bool:
    return score is not None and score >= SATISFIED_FROM


def is_held(starts_at: datetime, cutoff: datetime) -> bool:
    """Held, not planned: the event had started when the data were read (the cut-off)."""
    return starts_at <= cutoff


def people(checked_in: int, walk_in: int) -> int:
    """参与人次 of one event: checked-in registrations plus walk-ins (walk-ins are people)."""
    return checked_in + walk_in
