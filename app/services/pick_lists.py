"""Pick-lists the forms offer: HQ's published list when the station has one, else the
defaults in app.domain.catalogue.  Codes of inactive items keep their label, so old
records still read well after HQ retires a category."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import SERVICE_CATEGORIES, THEME_MONTHS
from app.models import PickListItem

SERVICE_CATEGORY = "service_category"
EVENT_THEME = "event_theme"
DEFAULTS: dict[str, dict[str, str]] = {SERVICE_CATEGORY: SERVICE_CATEGORIES, EVENT_THEME: THEME_MONTHS}


@dataclass(frozen=True)
class PickItem:
    code: str
    label: str
    active: bool = True


def items(session: Session, list_name: str, *, include_inactive: bool = False) -> list[PickItem]:
    """The list in display order; the catalogue defaults while the database has none."""
    rows = session.execute(
        select(PickListItem.code, PickListItem.label, PickListItem.active)
        .where(PickListItem.list_name == list_name, PickListItem.deleted.is_(False))
        .order_by(PickListItem.sort_order, PickListItem.code)
    ).all()
    if not rows:
        return [PickItem(code, label) for code, label in DEFAULTS.get(list_name, {}).items()]
    return [PickItem(r.code, r.label, r.active) for r in rows if include_inactive or r.active]


def labels(session: Session, list_name: str) -> dict[str, str]:
    """code → label for display, inactive items and the defaults included (old rows)."""
    result = dict(DEFAULTS.get(list_name, {}))
    result.update({item.code: item.label for item in items(session, list_name, include_inactive=True)})
    return result


def active_codes(session: Session, list_name: str) -> dict[str, str]:
    """code → label of what a new record may choose, in display order."""
    return {item.code: item.label for item in items(session, list_name)}
