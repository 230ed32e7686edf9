"""Enterprises at HQ: field-by-field merge by hybrid logical clock.

Per field the higher (hlc, writer) wins, writer = station id text ("" for HQ, so
a station wins a tie against HQ; between stations the higher id wins).  Stamps more
than MAX_FUTURE_SKEW_MS ahead of server time are clamped.  Every value that loses
and differs goes to conflict_log:
- an incoming value that loses;
- a stored value overwritten by another writer, unless the row carries
  `field_base_hlc` proving the station had seen that value (sequential edit).
`field_hlc` names the fields the station asserts; fields it leaves out keep HQ's value.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import text

from app.hq import dedupe
from app.hq.apply_context import ApplyContext
from app.hq.dedupe import ENTERPRISE_REF_TABLES, code_of, resolve_aliases
from app.hq.wire import WireRow, clean_data
from app.sync.protocol import MAX_FUTURE_SKEW_MS, hlc_from_ms, hlc_ms

__all__ = ["ENTERPRISE_REF_TABLES", "apply_enterprise", "resolve_aliases"]
DELETED = "deleted"  # pseudo-field: the tombstone merges like any other field
UNMERGED = frozenset({"created_at", "updated_at"})


def clamp(ctx: ApplyContext, hlc: int) -> int:
    if hlc_ms(hlc) > ctx.now_ms + MAX_FUTURE_SKEW_MS:
        return hlc_from_ms(ctx.now_ms, hlc & 0xFFFF)
    return hlc


def writer(ctx: ApplyContext) -> str:
    return "" if ctx.station is None else str(ctx.station)


def apply_enterprise(ctx: ApplyContext, row: WireRow) -> None:
    """Insert or merge one pushed enterprise (or an HQ edit shaped as one)."""
    conn = ctx.conn
    target = uuid.UUID(resolve_aliases(conn, [str(row.id)]).get(str(row.id), str(row.id)))
    data = clean_data("enterprise", row.data)
    stored_code = conn.execute(
        text("SELECT data->>'credit_code' FROM replica_row WHERE tbl = 'enterprise' AND id = :i"), {"i": target}
    ).scalar()
    # Code locks before row locks, always in that order: two stations creating the
    # same credit code serialise here, and cannot deadlock on the row locks below.
    dedupe.lock_codes(conn, {code_of(data), stored_code})
    old = dedupe.lock_row(conn, target)
    if old is None and _insert_new(ctx, row, data):
        return
    _merge_existing(ctx, row, target, old or dedupe.lock_row(conn, target), data, redirected=target != row.id)


def _insert_new(ctx: ApplyContext, row: WireRow, data: dict[str, Any]) -> bool:
    stamps = row.field_hlc or {}
    hlc = {f: clamp(ctx, stamps.get(f, 0)) for f in [*data, DELETED]}
    src = dict.fromkeys(hlc, writer(ctx))
    code = code_of(data)
    survivor = dedupe.find_live_by_code(ctx.conn, code, row.id) if code and not row.deleted else None
    if survivor is not None:
        dedupe.merge_into(ctx, survivor, row.id, data, hlc, src, ctx.station)
        return True
    version = ctx.conn.execute(
        text(
            "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc, field_station) "
            "VALUES ('enterprise', :i, :s, 1, :d, CAST(:data AS jsonb), CAST(:h AS jsonb), CAST(:src AS jsonb)) "
            "ON CONFLICT DO NOTHING RETURNING version"
        ),
        {"i": row.id, "s": ctx.station, "d": row.deleted, "data": _j(data), "h": _j(hlc), "src": _j(src)},
    ).scalar()
    if version is None:
        return False  # inserted meanwhile by a concurrent push: merge into it instead
    ctx.accepted("enterprise", row.id, version)
    return True


def _merge_existing(ctx: ApplyContext, row: WireRow, target: uuid.UUID, old: Any, data: dict[str, Any], redirected: bool) -> None:
    cur = dict(old.data, **{DELETED: old.deleted})
    cur_hlc, cur_src = dict(old.field_hlc or {}), dict(old.field_station or {})
    incoming = dict(data, **{DELETED: row.deleted})
    stamps = row.field_hlc if row.field_hlc is not None else dict.fromkeys(incoming, 0)
    base = row.field_base_hlc or {}
    me, changed = writer(ctx), False
    for name in sorted(stamps):
        if name not in incoming or name in UNMERGED or (redirected and name == DELETED):
            continue
        inc_h, inc_v = clamp(ctx, stamps[name]), incoming[name]
        if name in base and inc_h <= base[name]:
            continue  # the station did not change this field
        cur_h, cur_s, cur_v = cur_hlc.get(name, 0), cur_src.get(name, ""), cur.get(name)
        if (inc_h, me) > (cur_h, cur_s):
            overwrites_other = name in cur_hlc and cur_s != me and (name not in base or cur_h > base[name])
            if inc_v != cur_v and overwrites_other:
                dedupe.log_conflict(ctx, target, name, (inc_v, inc_h, me), (cur_v, cur_h, cur_s))
            cur[name], cur_hlc[name], cur_src[name] = inc_v, inc_h, me
            changed = True
        elif (inc_h, me) < (cur_h, cur_s) and inc_v != cur_v:
            dedupe.log_conflict(ctx, target, name, (cur_v, cur_h, cur_s), (inc_v, inc_h, me))
    deleted = bool(cur.pop(DELETED))
    if changed and "updated_at" in data:
        cur["updated_at"] = data["updated_at"]
    code = code_of(cur)
    survivor = dedupe.find_live_by_code(ctx.conn, code, target) if code and not deleted else None
    if survivor is not None:
        dedupe.merge_into(ctx, survivor, target, cur, cur_hlc, cur_src, old.station_id)
        return
    if not changed:
        ctx.accepted("enterprise", row.id, old.version)
        return
    version = ctx.conn.execute(
        text(
            "UPDATE replica_row SET data = CAST(:data AS jsonb), field_hlc = CAST(:h AS jsonb), "
            "field_station = CAST(:src AS jsonb), deleted = :d, version = version + 1, updated_at = now() "
            "WHERE tbl = 'enterprise' AND id = :i RETURNING version"
        ),
        {"i": target, "d": deleted, "data": _j(cur), "h": _j(cur_hlc), "src": _j(cur_src)},
    ).scalar_one()
    ctx.accepted("enterprise", row.id, version)


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
