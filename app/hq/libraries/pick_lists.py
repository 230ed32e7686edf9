"""选项: the pick-lists HQ publishes (服务类别, 活动主题).  An item is retired (active =
false), never removed: records that hold its code keep their label at every station."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.catalogue import SERVICE_CATEGORIES, THEME_MONTHS
from app.domain.messages import Msg
from app.hq.libraries import store
from app.hq.libraries.errors import conflict, invalid
from app.hq.libraries.store import Audit

TBL = "pick_list_item"
# the station's lists (app.services.pick_lists.DEFAULTS): name → (label, the defaults a station starts with)
LISTS: dict[str, tuple[str, dict[str, str]]] = {
    "service_category": ("服务类别", SERVICE_CATEGORIES),
    "event_theme": ("活动主题", THEME_MONTHS),
}
EDITABLE = ("label", "label_en", "sort_order", "active")
MAX_ITEMS = 200


def _list_name(value: object) -> str:
    if not isinstance(value, str) or value not in LISTS:
        names = "、".join(f"{label}（{name}）" for name, (label, _) in LISTS.items())
        raise invalid("list_name", Msg("选项表（list_name）应为%1之一。", names))
    return value


def list_lists() -> list[dict[str, str]]:
    return [{"list_name": name, "label": label} for name, (label, _) in LISTS.items()]


def list_items(conn: Connection, list_name: object) -> dict[str, Any]:
    """HQ's items of one list in display order; `published` false while HQ has none (the
    stations then offer the defaults, listed as `defaults`)."""
    name = _list_name(list_name)
    found, _ = store.rows(conn, TBL, "data->>'list_name' = :n", {"n": name},
                          "coalesce((data->>'sort_order')::bigint, 0), data->>'code'", MAX_ITEMS, 0)
    defaults = [{"code": c, "label": label} for c, label in LISTS[name][1].items()]
    return {"list_name": name, "label": LISTS[name][0], "published": bool(found), "rows": [r.to_json() for r in found],
            "defaults": defaults}


def active_codes(conn: Connection, list_name: str) -> dict[str, str]:
    """code → label a new row may choose: HQ's active items, else the defaults (as the station does)."""
    rows = conn.execute(
        text("SELECT data->>'code' AS code, data->>'label' AS label, coalesce((data->>'active')::boolean, true) AS active "
             "FROM replica_row WHERE tbl = 'pick_list_item' AND NOT deleted AND data->>'list_name' = :n "
             "ORDER BY coalesce((data->>'sort_order')::bigint, 0), data->>'code'"),
        {"n": list_name},
    ).all()
    if not rows:
        return dict(LISTS[list_name][1])
    return {r.code: r.label for r in rows if r.active}


def create_item(conn: Connection, audit: Audit, body: object, now: datetime) -> dict[str, Any]:
    """A new item; its code is unique in its list and never changes."""
    fields = store.fields_of(TBL, body, ("list_name", "code", *EDITABLE))
    name = _list_name(fields.get("list_name"))
    data = {"label_en": "", "sort_order": 0, "active": True, **fields}
    store.check_row(TBL, data)  # the code is a well-formed text before it is looked up
    code = fields.get("code")
    taken = conn.execute(
        text("SELECT 1 FROM replica_row WHERE tbl = 'pick_list_item' AND data->>'list_name' = :n AND data->>'code' = :c "
             "AND NOT deleted"),
        {"n": name, "c": code},
    ).first()
    if taken is not None:
        raise conflict(Msg("%1中已有编码为“%2”的选项，请换一个编码，或修改原有选项。", LISTS[name][0], code))
    count = conn.execute(
        text("SELECT count(*) FROM replica_row WHERE tbl = 'pick_list_item' AND data->>'list_name' = :n AND NOT deleted"),
        {"n": name},
    ).scalar_one()
    if count >= MAX_ITEMS:
        raise invalid("list_name", Msg("%1最多%2项，请停用不再使用的选项。", LISTS[name][0], MAX_ITEMS))
    data = {"label_en": "", "sort_order": (count + 1) * 10, "active": True, **fields}
    label = f"{LISTS[name][0]}：{data.get('label', '')}"
    return store.save(conn, audit, TBL, "pick_list_item.create", label, data, before=None, now=now).to_json()


def update_item(conn: Connection, audit: Audit, item_id: object, body: object, now: datetime) -> dict[str, Any]:
    """Label, English label, order, active (retire / restore); list and code stay."""
    before = store.require(conn, TBL, item_id, "选项", lock=True)
    data = {**before.data, **store.fields_of(TBL, body, EDITABLE)}
    return store.save(conn, audit, TBL, "pick_list_item.update", str(data.get("label", "")), data,
                      before=before, now=now).to_json()


def check_category(conn: Connection, data: dict[str, Any], before: dict[str, Any] | None, label: str,
                   *, optional: bool = False) -> None:
    """`data["category"]` is an active service category (kept as it was, or empty when
    `optional`, also passes): the codes a station's forms offer."""
    category = data.get("category")
    if (optional and category in (None, "")) or (before is not None and before.get("category") == category):
        return
    known = active_codes(conn, "service_category")
    if not isinstance(category, str) or category not in known:
        choices = "、".join(f"{name}（{code}）" for code, name in known.items())
        raise invalid("category", Msg("%1（category）应从服务类别中选择：%2。", label, choices))
