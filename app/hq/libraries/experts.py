"""服务专家库: HQ's experts, published to every station."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.hq.libraries import store
from app.hq.libraries.store import Audit

TBL = "expert"
EDITABLE = ("name", "organisation", "title", "fields", "phone")


def list_experts(conn: Connection, *, text: object = None, limit: object = 50, offset: object = 0) -> dict[str, Any]:
    """A page of live experts by name; `text` in the name, organisation or fields."""
    lim, off = store.page_args(limit, offset)
    where = "(data->>'name' ILIKE :q OR coalesce(data->>'organisation', '') ILIKE :q OR coalesce(data->>'fields', '') ILIKE :q)"
    found, total = store.rows(conn, TBL, where, {"q": store.like(text)}, "data->>'name'", lim, off)
    return {"rows": [r.to_json() for r in found], "total": total, "limit": lim, "offset": off}


def get_expert(conn: Connection, expert_id: object) -> dict[str, Any]:
    return store.require(conn, TBL, expert_id, "专家").to_json()


def create_expert(conn: Connection, audit: Audit, body: object, now: datetime) -> dict[str, Any]:
    fields = store.fields_of(TBL, body, EDITABLE)
    data = {"organisation": "", "title": "", "fields": "", "phone": "", **fields}
    return store.save(conn, audit, TBL, "expert.create", str(data.get("name", "")), data, before=None, now=now).to_json()


def update_expert(conn: Connection, audit: Audit, expert_id: object, body: object, now: datetime) -> dict[str, Any]:
    before = store.require(conn, TBL, expert_id, "专家", lock=True)
    data = {**before.data, **store.fields_of(TBL, body, EDITABLE)}
    return store.save(conn, audit, TBL, "expert.update", str(data.get("name", "")), data, before=before, now=now).to_json()


def remove_expert(conn: Connection, audit: Audit, expert_id: object, now: datetime) -> dict[str, Any]:
    """Withdrawn from every station's list; records that named the expert keep the name."""
    before = store.require(conn, TBL, expert_id, "专家", lock=True)
    return store.save(conn, audit, TBL, "expert.delete", str(before.data.get("name", "")), before.data,
                      before=before, now=now, deleted=True).to_json()
