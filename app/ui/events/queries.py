"""What the 活动 page reads, each a function of one session run by app.ui.db_operations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.periods import CHINA_TIME
from app.services.events import choices as event_choices
from app.services.events import edits as events
from app.services.events import listing as event_listing
from app.services.events import materials as event_materials
from app.services.events.choices import PolicyChoice, ThemeChoices
from app.services.events.edits import EventDetail
from app.services.events.listing import EventFilter, EventRow
from app.services.reporting.figures import is_held
from app.ui.events.detail import Selected


@dataclass(frozen=True)
class Loaded:
    rows: list[EventRow]
    days: dict[date, int]
    themes: ThemeChoices


FormChoices = tuple[EventDetail | None, ThemeChoices, list[PolicyChoice]]


def read_list(session: Any, filt: EventFilter, span: tuple[date, date] | None, year: int, month: int,
              held_by: datetime | None = None) -> Loaded:
    """The filtered list (only events starting on `span`'s China-time days, if given, and by
    `held_by` if given: 首页 counts those as held), the shown month's days with events, and
    the theme choices."""
    rows = event_listing.list_events(session, filt)
    if span is not None:
        rows = [r for r in rows if span[0] <= r.starts_at.astimezone(CHINA_TIME).date() <= span[1]]
    if held_by is not None:
        rows = [r for r in rows if is_held(r.starts_at, held_by)]
    return Loaded(rows, event_listing.month_days(session, year, month), event_choices.theme_choices(session))


def read_selected(session: Any, event_id: uuid.UUID) -> Selected:
    """One event's details, its materials and its briefing's policies in their order."""
    detail = events.get(session, event_id)
    chosen = detail.policy_ids
    policies = [p for p in event_choices.policy_choices(session, include=chosen) if p.id in chosen]
    policies.sort(key=lambda p: chosen.index(p.id))
    return Selected(detail, event_materials.list_materials(session, event_id), policies)


def read_form_choices(session: Any, event_id: uuid.UUID | None) -> FormChoices:
    """What the event form needs: the event (None for a new one), themes and policies."""
    detail = events.get(session, event_id) if event_id else None
    chosen = detail.policy_ids if detail else ()
    return detail, event_choices.theme_choices(session), event_choices.policy_choices(session, include=chosen)
