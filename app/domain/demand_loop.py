"""The demand loop's rules as data (服务需求闭环):
受理 accepted → 分派 dispatched → 处理 handling → 反馈 replied → 办结 closed → 回访 followed_up.

Besides the straight loop a demand may be re-dispatched (改派) while dispatched or in
handling, and sent back to handling after a reply the enterprise did not accept.  A
follow-up with satisfaction at most `UNSATISFIED_AT_MOST` reopens the demand (`REOPEN`).

Plain data with no database, so the station's services, the dashboard's figures and
HQ's read models all count "open" and "overdue" by the same definition.
"""

from __future__ import annotations

from datetime import date

from app.domain.catalogue import DEMAND_STATUSES

# 1–5 scale; 1 or 2 counts as unsatisfied and sends the demand back to handling
UNSATISFIED_AT_MOST = 2

OPEN_STATUSES = ("accepted", "dispatched", "handling", "replied")
# 已办结 and 已回访: the loop is closed (the dashboard's "closed", the report's "已办结")
FINISHED_STATUSES = ("closed", "followed_up")
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


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses a user may move a demand to from `status`, in loop order."""
    return tuple(s for s in DEMAND_STATUSES if (status, s) in TRANSITIONS)


def is_overdue(status: str, due_on: date | None, today: date) -> bool:
    """Past its due date and not yet closed (a reply alone does not stop the clock)."""
    return status in OPEN_STATUSES and due_on is not None and due_on < today
