"""服务机构库: resident institutions, their 服务清单 by stage, and their lifecycle
(入驻 admit, 暂停 suspend, 退出 exit with a reason) in the station model's own fields
(status, entered_on, exited_on, exit_reason; app.domain.catalogue.INSTITUTION_STATUSES)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql

from app.domain.catalogue import ENTERPRISE_STAGES, FEE_TYPES, INSTITUTION_STATUSES
from app.domain.messages import Msg
from app.domain.periods import CHINA_TIME
from app.hq.libraries import pick_lists, store
from app.hq.libraries.errors import conflict, invalid
from app.hq.libraries.store import Audit, Stored

TBL = "service_institution"
ENTRY = "catalogue_entry"
EDITABLE = ("name", "category", "contact_name", "phone")
ENTRY_FIELDS = ("title", "stage", "category", "fee_type", "description")
MAX_ENTRIES = 500  # one institution's 服务清单: add_entry refuses more, get_institution shows them all


def _today(now: datetime) -> date:
    return now.astimezone(CHINA_TIME).date()


def _json(row: Stored) -> dict[str, Any]:
    out = row.to_json()
    status = str(out.get("status") or "active")
    out["status"] = status
    out["status_label"] = INSTITUTION_STATUSES.get(status, status)
    return out


def list_institutions(conn: Connection, *, status: object = None, text: object = None, limit: object = 50,
                      offset: object = 0) -> dict[str, Any]:
    """A page of live institutions by name; `status` one of INSTITUTION_STATUSES."""
    lim, off = store.page_args(limit, offset)
    if status is not None and status not in INSTITUTION_STATUSES:
        raise invalid("status", Msg("入驻状态（status）应为%1之一。", '、'.join(INSTITUTION_STATUSES)))
    where = "coalesce(data->>'status', 'active') = coalesce(CAST(:st AS text), coalesce(data->>'status', 'active')) " \
            "AND (data->>'name' ILIKE :q OR coalesce(data->>'category', '') ILIKE :q)"
    found, total = store.rows(conn, TBL, where, {"st": status, "q": store.like(text)}, "data->>'name'", lim, off)
    counts = _entry_counts(conn, [r.id for r in found])
    return {"rows": [dict(_json(r), entries=counts.get(str(r.id), 0)) for r in found], "total": total,
            "limit": lim, "offset": off}


def _entry_counts(conn: Connection, ids: list[Any]) -> dict[str, int]:
    if not ids:
        return {}
    rows = conn.execute(
        sql("SELECT data->>'institution_id' AS i, count(*) AS n FROM replica_row WHERE tbl = 'catalogue_entry' "
             "AND NOT deleted AND data->>'institution_id' = ANY(:ids) GROUP BY 1"),
        {"ids": [str(i) for i in ids]},
    )
    return {r.i: int(r.n) for r in rows}


def get_institution(conn: Connection, institution_id: object) -> dict[str, Any]:
    """The institution and its 服务清单 grouped by stage (初创期, 成长期, 成熟期)."""
    row = store.require(conn, TBL, institution_id, "服务机构")
    entries, _ = store.rows(conn, ENTRY, "data->>'institution_id' = :i", {"i": str(row.id)},
                            "data->>'stage', data->>'title'", MAX_ENTRIES, 0)
    by_stage: dict[str, list[dict[str, Any]]] = {stage: [] for stage in ENTERPRISE_STAGES}
    for entry in entries:
        item = entry.to_json()
        item["fee_type_label"] = FEE_TYPES.get(str(item.get("fee_type") or "free"), "")
        by_stage.setdefault(str(item.get("stage")), []).append(item)
    stages = [{"stage": s, "label": ENTERPRISE_STAGES.get(s, s), "entries": items} for s, items in by_stage.items()]
    return {**_json(row), "stages": stages}


def create_institution(conn: Connection, audit: Audit, body: object, now: datetime) -> dict[str, Any]:
    """入驻: a new institution, active from `entered_on` (today unless given)."""
    fields = store.fields_of(TBL, body, (*EDITABLE, "entered_on"))
    data = {"category": "", "contact_name": "", "phone": "", **fields, "status": "active", "exited_on": None, "exit_reason": ""}
    data.setdefault("entered_on", _today(now).isoformat())
    store.check_row(TBL, data)  # the row rules first: a missing name before an unknown category
    pick_lists.check_category(conn, data, None, "服务类别", optional=True)
    saved = store.save(conn, audit, TBL, "institution.admit", str(data.get("name", "")), data, before=None, now=now)
    return _json(saved)


def update_institution(conn: Connection, audit: Audit, institution_id: object, body: object, now: datetime) -> dict[str, Any]:
    """Name, category and contacts; the status moves only by admit / suspend / exit."""
    before = store.require(conn, TBL, institution_id, "服务机构", lock=True)
    fields = store.fields_of(TBL, body, (*EDITABLE, "entered_on"))
    data = {**before.data, **fields}
    store.check_row(TBL, data)
    pick_lists.check_category(conn, data, before.data, "服务类别", optional=True)
    return _json(store.save(conn, audit, TBL, "institution.update", str(data.get("name", "")), data, before=before, now=now))


def admit(conn: Connection, audit: Audit, institution_id: object, body: object, now: datetime) -> dict[str, Any]:
    """入驻 again: a suspended institution resumes (its entry date kept); an exited one
    re-enters on `entered_on` (today unless given), its exit cleared."""
    fields = store.fields_of(TBL, {} if body is None else body, ("entered_on",))
    before = store.require(conn, TBL, institution_id, "服务机构", lock=True)
    status = before.data.get("status") or "active"
    if status == "active":
        raise conflict(Msg("“%1”已在驻，无需再次入驻。", before.data.get('name', '')))
    data = {**before.data, "status": "active"}
    if status == "exited":
        data.update(entered_on=_day(fields.get("entered_on"), "entered_on", now), exited_on=None, exit_reason="")
    return _json(store.save(conn, audit, TBL, "institution.admit", str(data.get("name", "")), data, before=before, now=now))


def suspend(conn: Connection, audit: Audit, institution_id: object, now: datetime) -> dict[str, Any]:
    """暂停: stations stop dispatching to it; its 服务清单 stays."""
    before = store.require(conn, TBL, institution_id, "服务机构", lock=True)
    status = before.data.get("status") or "active"
    if status != "active":
        raise conflict(Msg("“%1”现在是“%2”，只有在驻的机构可以暂停。", before.data.get('name', ''), INSTITUTION_STATUSES.get(status, status)))
    data = {**before.data, "status": "suspended"}
    return _json(store.save(conn, audit, TBL, "institution.suspend", str(data.get("name", "")), data, before=before, now=now))


def exit_institution(conn: Connection, audit: Audit, institution_id: object, body: object, now: datetime) -> dict[str, Any]:
    """退出 with a required reason (`exit_reason`), on `exited_on` (today unless given)."""
    fields = store.fields_of(TBL, body, ("exit_reason", "exited_on"))
    reason = fields.get("exit_reason")
    if not isinstance(reason, str) or not reason.strip():
        raise invalid("exit_reason", "退出原因（exit_reason）不能为空，请写明机构退出的原因。")
    before = store.require(conn, TBL, institution_id, "服务机构", lock=True)
    if (before.data.get("status") or "active") == "exited":
        raise conflict(Msg("“%1”已于%2退出。", before.data.get('name', ''), before.data.get('exited_on') or '此前'))
    exited_on = _day(fields.get("exited_on"), "exited_on", now)
    entered = before.data.get("entered_on")
    if isinstance(entered, str) and exited_on < entered:
        raise invalid("exited_on", Msg("退出日期（exited_on）不能早于入驻日期（%1），请改正。", entered))
    data = {**before.data, "status": "exited", "exited_on": exited_on, "exit_reason": reason.strip()}
    return _json(store.save(conn, audit, TBL, "institution.exit", str(data.get("name", "")), data, before=before, now=now))


def _day(value: object, field: str, now: datetime) -> str:
    if value is None or value == "":
        return _today(now).isoformat()
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    label = "退出日期" if field == "exited_on" else "入驻日期"
    raise invalid(field, Msg("%1（%2）“%3”应写成 2026-03-02 这样的格式，留空表示今天。", label, field, str(value)[:20]))


# --- 服务清单 ----------------------------------------------------------------------


def add_entry(conn: Connection, audit: Audit, institution_id: object, body: object, now: datetime) -> dict[str, Any]:
    """One service of the institution's 服务清单, for one stage."""
    owner = store.require(conn, TBL, institution_id, "服务机构", lock=True)
    fields = store.fields_of(ENTRY, body, ENTRY_FIELDS)
    if _entry_counts(conn, [owner.id]).get(str(owner.id), 0) >= MAX_ENTRIES:  # the owner's lock serialises adds
        raise conflict(Msg("“%1”的服务清单已有%2项，已达上限；请先删除不再提供的服务，再添加新的。",
                           owner.data.get('name', ''), MAX_ENTRIES))
    data = {"fee_type": "free", "description": "", **fields, "institution_id": str(owner.id)}
    store.check_row(ENTRY, data)
    pick_lists.check_category(conn, data, None, "服务类别")
    label = f"{owner.data.get('name', '')}：{data.get('title', '')}"
    return store.save(conn, audit, ENTRY, "catalogue_entry.create", label, data, before=None, now=now).to_json()


def update_entry(conn: Connection, audit: Audit, entry_id: object, body: object, now: datetime) -> dict[str, Any]:
    before = store.require(conn, ENTRY, entry_id, "服务清单项目", lock=True)
    data = {**before.data, **store.fields_of(ENTRY, body, ENTRY_FIELDS)}
    store.check_row(ENTRY, data)
    pick_lists.check_category(conn, data, before.data, "服务类别")
    return store.save(conn, audit, ENTRY, "catalogue_entry.update", str(data.get("title", "")), data,
                      before=before, now=now).to_json()


def remove_entry(conn: Connection, audit: Audit, entry_id: object, now: datetime) -> dict[str, Any]:
    before = store.require(conn, ENTRY, entry_id, "服务清单项目", lock=True)
    return store.save(conn, audit, ENTRY, "catalogue_entry.delete", str(before.data.get("title", "")), before.data,
                      before=before, now=now, deleted=True).to_json()
