"""Pick-lists the forms offer: HQ's published list when the station has one, else the
defaults in app.domain.catalogue.  Codes of inactive items keep their label, so old
records still read well after HQ retires a category.

A station not enrolled with HQ may edit its own copy (save_local_list); once enrolled it
is read-only, and once HQ's list has arrived HQ's is the one offered.  The station's own
items are never deleted by a sync (app/sync/own_rows.py): those its records use keep
labelling them."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import SERVICE_CATEGORIES, THEME_MONTHS
from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.models import Demand, PickListItem, ServiceRecord
from app.services.station.enrolment_state import is_enrolled
from app.services.station.identity import current_station

if TYPE_CHECKING:
    from app.services.actor import Actor

log = logging.getLogger(__name__)

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
        select(PickListItem.code, PickListItem.label, PickListItem.active, PickListItem.station_id)
        .where(PickListItem.list_name == list_name, PickListItem.deleted.is_(False))
        .order_by(PickListItem.sort_order, PickListItem.code)
    ).all()
    if not rows:
        return [PickItem(code, label) for code, label in DEFAULTS.get(list_name, {}).items()]
    found = [PickItem(r.code, r.label, r.active) for r in rows if r.station_id is None]
    if found and len(found) < len(rows):
        # HQ's list (no station id) has arrived: the station's own pre-enrolment list (app/sync/own_rows.py)
        # gives way; its items that records still use stay as retired labels, so those records read well.
        hq_codes = {item.code for item in found}
        used = used_codes(session, list_name) if include_inactive else set()
        found += [PickItem(r.code, r.label, False) for r in rows if r.station_id is not None and r.code in used - hq_codes]
    else:
        found = [PickItem(r.code, r.label, r.active) for r in rows]
    return [item for item in found if include_inactive or item.active]


def labels(session: Session, list_name: str) -> dict[str, str]:
    """code → label for display, inactive items and the defaults included (old rows)."""
    result = dict(DEFAULTS.get(list_name, {}))
    result.update({item.code: item.label for item in items(session, list_name, include_inactive=True)})
    return result


def active_codes(session: Session, list_name: str) -> dict[str, str]:
    """code → label of what a new record may choose, in display order."""
    return {item.code: item.label for item in items(session, list_name)}


# --- the station's own list (only while it is not enrolled with HQ) ------------------

MAX_LABEL = 20
# Which columns record a list's codes: an item they use is retired, never removed.
USED_BY = {SERVICE_CATEGORY: (ServiceRecord.category, Demand.category), EVENT_THEME: ()}
_LIST_LABELS = {SERVICE_CATEGORY: "服务类别", EVENT_THEME: "活动主题"}


@dataclass(frozen=True)
class EditItem:
    """One line of the edited list: `code` None for a new item."""

    code: str | None
    label: str
    active: bool = True


def editable(session: Session) -> bool:
    """Not linked to HQ: once enrolled, HQ's published lists are authoritative and read-only here."""
    return not is_enrolled(session)


def used_codes(session: Session, list_name: str) -> set[str]:
    """Codes that live records or demands hold (they must keep a label)."""
    used: set[str] = set()
    for column in USED_BY.get(list_name, ()):
        table = column.class_
        used.update(session.scalars(select(column).where(table.deleted.is_(False)).distinct()))
    return used


def save_local_list(session: Session, list_name: str, items: Sequence[EditItem], actor: Actor) -> list[PickItem]:
    """Replace the station's own list by `items` (display order), in the caller's transaction.

    Known codes keep their code (renamed labels, order, active flag change); items with
    no code get a new one; codes left out are retired (inactive) if records use them and
    soft-deleted otherwise — nothing is ever removed, so old records keep their label.
    Refused while the station is enrolled with HQ (HQ publishes the list).
    """
    what = _LIST_LABELS.get(list_name, list_name)
    if list_name not in DEFAULTS:
        raise ValidationError(Msg("没有名为“%1”的选项列表。", list_name), "list_name")
    if is_enrolled(session):
        raise ValidationError(
            Msg("本站已登记到服务总站同步，%1列表由服务总站统一发布，不能在本站修改。如需增加或调整，请联系服务总站。", what), "list_name"
        )
    rows = {
        r.code: r
        for r in session.scalars(select(PickListItem).where(PickListItem.list_name == list_name, PickListItem.deleted.is_(False)))
    }
    first_save = not rows
    known = set(rows) | (set(DEFAULTS[list_name]) if first_save else set())
    cleaned = _clean(items, known, what)
    station = current_station(session)
    station_id = station.id if station else None
    taken = set(rows) | set(DEFAULTS[list_name]) | set(
        session.scalars(select(PickListItem.code).where(PickListItem.list_name == list_name))
    )
    used = used_codes(session, list_name)
    for order, (code, label, active) in enumerate(cleaned, start=1):
        if code is None:
            code = _new_code(taken)
        row = rows.pop(code, None)
        if row is None:
            row = PickListItem(list_name=list_name, code=code, station_id=station_id)
            session.add(row)
        if (row.label, row.sort_order, row.active) != (label, order * 10, active):
            row.label, row.sort_order, row.active = label, order * 10, active
    for code, row in rows.items():  # left out of the list
        if code in used:
            row.active = False
        else:
            row.deleted = True
    if first_save:
        # first save: a default left out that records use is stored retired, so it stays labelled
        kept = {code for code, _, _ in cleaned}
        for order, (code, label) in enumerate(DEFAULTS[list_name].items(), start=len(cleaned) + 1):
            if code not in kept and code in used:
                session.add(PickListItem(list_name=list_name, code=code, label=label, sort_order=order * 10,
                                         active=False, station_id=station_id))
    session.flush()
    log.info("%s saved the %s list (%d items)", actor.name, list_name, len(cleaned))
    return _all_items(session, list_name)


def _all_items(session: Session, list_name: str) -> list[PickItem]:
    # save_local_list's `items` argument hides the module's items() there
    return items(session, list_name, include_inactive=True)


def _clean(items: Sequence[EditItem], known: set[str], what: str) -> list[tuple[str | None, str, bool]]:
    from app.domain.text_normalise import checked_text

    out: list[tuple[str | None, str, bool]] = []
    seen_labels: dict[str, int] = {}
    seen_codes: set[str] = set()
    for n, item in enumerate(items, start=1):
        field = f"items[{n - 1}]"
        label = checked_text(item.label, field, Msg("%1第%2项", what, n), max_len=MAX_LABEL, required=True)
        if label in seen_labels:
            raise ValidationError(Msg("%1第%2项：“%3”与第%4项重名，请改一个名称。", what, n, label, seen_labels[label]), field)
        seen_labels[label] = n
        code = item.code or None
        if code is not None and (code not in known or code in seen_codes):
            raise ValidationError(Msg("%1第%2项：列表已被修改，请关闭后重新打开再编辑。", what, n), field)
        if code is not None:
            seen_codes.add(code)
        out.append((code, label, bool(item.active)))
    if not any(active for _, _, active in out):
        raise ValidationError(Msg("%1：至少要保留一个启用的项目，否则无法登记。", what), "items")
    return out


def _new_code(taken: set[str]) -> str:
    """custom_1, custom_2 …: short, stable, never reused (retired rows keep theirs)."""
    n = 1
    while f"custom_{n}" in taken:
        n += 1
    taken.add(f"custom_{n}")
    return f"custom_{n}"
