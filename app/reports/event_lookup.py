"""Finding the event a report is for: by its id, or by its day plus (part of) its title.

The command line takes `--event 2026-11-30` (the only event that day) or
`--event "2026-11-30 知识产权"`; `station-desk report events` lists the ids.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.periods import CHINA_TIME, Period
from app.models import Event

_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+(.*))?$", re.DOTALL)
HINT = "请填写活动编号（32 位十六进制，可带短横线），或日期加标题，例如 2026-11-30 或 “2026-11-30 知识产权”"


@dataclass(frozen=True)
class EventChoice:
    id: uuid.UUID
    starts_at: datetime  # China time
    title: str

    def line(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}  {self.title}  编号：{self.id.hex}"


def list_events(session: Session, period: Period | None = None) -> list[EventChoice]:
    """Live events (in `period`, Guangzhou days, when given), earliest first."""
    statement = select(Event.id, Event.starts_at, Event.title).where(Event.deleted.is_(False))
    if period is not None:
        start, end = period.utc_range()
        statement = statement.where(Event.starts_at >= start, Event.starts_at < end)
    rows = session.execute(statement.order_by(Event.starts_at, Event.title)).all()
    return [EventChoice(i, s.astimezone(CHINA_TIME), t) for i, s, t in rows]


def _day_range(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), CHINA_TIME).astimezone(UTC)
    return start, start + timedelta(days=1)


def resolve_event(session: Session, text: str | None) -> uuid.UUID:
    """The id `text` names; ValidationError (field "event_id") listing the candidates when
    it names none or several."""
    raw = (text or "").strip()
    try:
        return uuid.UUID(raw)
    except ValueError:
        pass
    match = _DAY.match(raw)
    if match is None:
        raise ValidationError(f"活动编号：“{raw or '（空）'}”不是有效的编号。{HINT}。", "event_id")
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValidationError(f"活动：“{raw}”中的日期无效。{HINT}。", "event_id") from None
    part = (match[4] or "").strip()
    start, end = _day_range(day)
    rows = session.execute(
        select(Event.id, Event.starts_at, Event.title)
        .where(Event.deleted.is_(False), Event.starts_at >= start, Event.starts_at < end)
        .order_by(Event.starts_at, Event.title)
    ).all()
    that_day = [EventChoice(i, s.astimezone(CHINA_TIME), t) for i, s, t in rows]
    found = [e for e in that_day if part.casefold() in e.title.casefold()]
    if len(found) == 1:
        return found[0].id
    if not found:
        what = f"标题含“{part}”的活动" if part else "活动"
        others = ("当天的活动有：\n" + "\n".join("  " + e.line() for e in that_day)) if that_day else \
            "可用 station-desk report events 查看全部活动及编号。"
        raise ValidationError(f"活动：{day.isoformat()} 没有{what}。{others}", "event_id")
    listed = "\n".join("  " + e.line() for e in found)
    raise ValidationError(
        f"活动：{day.isoformat()} 有 {len(found)} 场{'标题含“' + part + '”的' if part else ''}活动，"
        f"请在日期后写明标题中的词语，或直接使用编号：\n{listed}", "event_id")
