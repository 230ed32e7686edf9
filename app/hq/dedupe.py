"""One enterprise per credit code: detection, merge, aliases, reference rewriting.

The enterprise already live at HQ with the code survives (HQ saw it first); the
newcomer is kept as a deleted row with `data.merged_into`, its non-empty fields the
survivor lacks are merged in, differing ones go to conflict_log, and every row that
references it, now or in any later push, points at the survivor.  The merge record
keeps both rows' full data so HQ can undo it (app.hq.unmerge).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Row, text

from app.hq import fast_sql
from app.hq.apply_context import MISSING, ApplyContext
from app.hq.driver_sql import driver

ENTERPRISE_REF_TABLES = ("service_record", "demand", "event_attendance")
SKIP_ON_MERGE = frozenset({"credit_code", "created_at", "updated_at", "deleted"})


def code_of(data: dict[str, Any]) -> str | None:
    code = data.get("credit_code")
    return code if isinstance(code, str) and code else None


def lock_codes(conn: Connection, codes: Iterable[str | None]) -> None:
    for code in sorted({c for c in codes if c}):
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": f"credit_code:{code}"})


def lock_row(conn: Connection, row_id: uuid.UUID) -> Row[Any] | None:
    return conn.execute(
        text(
            "SELECT id, station_id, version, deleted, data, field_hlc, field_station FROM replica_row "
            "WHERE tbl = 'enterprise' AND id = :i FOR UPDATE"
        ),
        {"i": row_id},
    ).first()


def take_or_lock(ctx: ApplyContext, row_id: uuid.UUID) -> Row[Any] | None:
    """The row locked for update: the batch's prefetched image the first time, else read now."""
    if ctx.prefetch is not None:
        found = ctx.prefetch.take_row(row_id)
        if found is not MISSING:
            return found  # type: ignore[no-any-return]
        ctx.prefetch.flush(ctx.conn)
    return lock_row(ctx.conn, row_id)


def live_by_code(ctx: ApplyContext, code: str | None, exclude: uuid.UUID) -> uuid.UUID | None:
    """find_live_by_code, answered from the batch's prefetch when it safely can."""
    if ctx.prefetch is not None and code:
        found = ctx.prefetch.live_by_code(code, exclude)
        if found is not MISSING:
            return found  # type: ignore[no-any-return]
    if ctx.prefetch is not None:
        ctx.prefetch.flush(ctx.conn)
    return find_live_by_code(ctx.conn, code, exclude)


def find_live_by_code(conn: Connection, code: str | None, exclude: uuid.UUID) -> uuid.UUID | None:
    """The live enterprise holding `code`, other than `exclude`.  A pair HQ has unmerged
    (`station-desk-hq unmerge`) is two enterprises by HQ's decision: never merged again
    automatically."""
    return conn.execute(
        text(
            "SELECT r.id FROM replica_row r WHERE r.tbl = 'enterprise' AND NOT r.deleted "
            "AND r.data->>'credit_code' = :c AND r.id <> :x AND NOT EXISTS (SELECT 1 FROM merge_record m "
            "WHERE m.undone_at IS NOT NULL AND ((m.survivor_id = r.id AND m.merged_id = :x) "
            "OR (m.merged_id = r.id AND m.survivor_id = :x))) ORDER BY r.id LIMIT 1"
        ),
        {"c": code, "x": exclude},
    ).scalar()


_ALIASES = driver("SELECT merged_id, survivor_id FROM enterprise_alias WHERE merged_id = ANY(CAST(:ids AS uuid[]))")


def alias_ids(ids: Iterable[Any]) -> str | None:
    """Those of `ids` that are uuid text, as one array literal (fast to send), or None for none."""
    wanted = []
    for value in ids:
        try:
            wanted.append(uuid.UUID(value) if isinstance(value, str) else None)
        except ValueError:
            continue
    wanted = [w for w in wanted if w is not None]
    return "{" + ",".join(map(str, wanted)) + "}" if wanted else None


def resolve_aliases(conn: Connection, ids: Iterable[Any]) -> dict[str, str]:
    """merged id → survivor id (text), for those of `ids` that were merged."""
    literal = alias_ids(ids)
    if literal is None:
        return {}
    return {str(m): str(s) for m, s in fast_sql.rows(conn, _ALIASES, {"ids": literal})}


def log_conflict(ctx: ApplyContext, row_id: uuid.UUID, name: str, winner: tuple[Any, int, str], loser: tuple[Any, int, str]) -> None:
    ctx.result.conflicts += 1
    ctx.note_conflict("enterprise", row_id, name, winner, loser)
    if ctx.prefetch is not None:  # sent with the batch's other entries (app.hq.merge_prefetch.flush)
        ctx.prefetch.conflicts.append({
            "r": str(row_id), "f": name, "wv": json.dumps(winner[0], ensure_ascii=False),
            "lv": json.dumps(loser[0], ensure_ascii=False), "wh": winner[1], "lh": loser[1],
            "ws": winner[2] or None, "ls": loser[2] or None})
        return
    ctx.conn.execute(
        text(
            "INSERT INTO conflict_log (tbl, row_id, field, winning_value, losing_value, winning_hlc, losing_hlc, "
            "winning_station_id, losing_station_id) VALUES ('enterprise', :r, :f, CAST(:wv AS jsonb), "
            "CAST(:lv AS jsonb), :wh, :lh, :ws, :ls)"
        ),
        {
            "r": row_id, "f": name, "wv": json.dumps(winner[0], ensure_ascii=False),
            "lv": json.dumps(loser[0], ensure_ascii=False), "wh": winner[1], "lh": loser[1],
            "ws": uuid.UUID(winner[2]) if winner[2] else None, "ls": uuid.UUID(loser[2]) if loser[2] else None,
        },
    )


def row_image(row: Row[Any]) -> dict[str, Any]:
    """A stored enterprise row as a merge record keeps it (its full data, for unmerge)."""
    return {
        "data": row.data,
        "field_hlc": row.field_hlc or {},
        "field_station": row.field_station or {},
        "deleted": row.deleted,
        "station_id": str(row.station_id) if row.station_id else None,
        "version": row.version,
    }


def merge_into(
    ctx: ApplyContext,
    survivor_id: uuid.UUID,
    merged_id: uuid.UUID,
    data: dict[str, Any],
    hlc: dict[str, int],
    src: dict[str, str],
    owner: uuid.UUID | None,
    merged_before: dict[str, Any] | None = None,
) -> None:
    """Merge `merged_id` (its state as merged: data, hlc, src) into the live survivor.
    The merge record keeps both rows' full data, the fields filled in, and every
    reference and alias re-pointed, so `app.hq.unmerge` can undo it."""
    conn = ctx.conn
    if ctx.prefetch is not None:
        ctx.prefetch.flush(conn)  # the merge below writes and reads rows the batch may have updated
    survivor = take_or_lock(ctx, survivor_id)
    assert survivor is not None
    s_data, s_hlc, s_src = dict(survivor.data), dict(survivor.field_hlc or {}), dict(survivor.field_station or {})
    filled: dict[str, Any] = {}
    for name, value in data.items():
        if name in SKIP_ON_MERGE or value in (None, ""):
            continue
        if s_data.get(name) in (None, ""):
            s_data[name], s_hlc[name], s_src[name] = value, hlc.get(name, 0), src.get(name, "")
            filled[name] = value
        elif s_data[name] != value:
            log_conflict(ctx, survivor_id, name, (s_data[name], s_hlc.get(name, 0), s_src.get(name, "")),
                         (value, hlc.get(name, 0), src.get(name, "")))
    if filled:
        conn.execute(
            text(
                "UPDATE replica_row SET data = CAST(:d AS jsonb), field_hlc = CAST(:h AS jsonb), "
                "field_station = CAST(:s AS jsonb), version = version + 1, updated_at = now() "
                "WHERE tbl = 'enterprise' AND id = :i"
            ),
            {"i": survivor_id, "d": _j(s_data), "h": _j(s_hlc), "s": _j(s_src)},
        )
    tomb = dict(data, merged_into=str(survivor_id))
    version = conn.execute(
        text(
            "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc, field_station) "
            "VALUES ('enterprise', :i, :o, 1, true, CAST(:d AS jsonb), CAST(:h AS jsonb), CAST(:s AS jsonb)) "
            "ON CONFLICT (tbl, id) DO UPDATE SET version = replica_row.version + 1, deleted = true, "
            "data = EXCLUDED.data, field_hlc = EXCLUDED.field_hlc, field_station = EXCLUDED.field_station, "
            "updated_at = now() RETURNING version"
        ),
        {"i": merged_id, "o": owner, "d": _j(tomb), "h": _j(hlc), "s": _j(src)},
    ).scalar_one()
    conn.execute(
        text(
            "INSERT INTO enterprise_alias (merged_id, survivor_id) VALUES (:m, :s) "
            "ON CONFLICT (merged_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id"
        ),
        {"m": merged_id, "s": survivor_id},
    )
    aliases = conn.execute(
        text("UPDATE enterprise_alias SET survivor_id = :s WHERE survivor_id = :m RETURNING merged_id::text"),
        {"m": merged_id, "s": survivor_id},
    ).scalars().all()
    rewrite_references(conn, merged_id, survivor_id)
    code = data["credit_code"]
    merged_data = {"data": data, "field_hlc": hlc, "field_station": src, "station_id": str(owner) if owner else None}
    conn.execute(
        text(
            "INSERT INTO merge_record (survivor_id, merged_id, credit_code, station_id, survivor_before, "
            "merged_before, merged_data, filled, aliases) VALUES (:s, :m, :c, :st, CAST(:sb AS jsonb), "
            "CAST(:mb AS jsonb), CAST(:md AS jsonb), CAST(:f AS jsonb), CAST(:al AS jsonb))"
        ),
        {
            "s": survivor_id,
            "m": merged_id,
            "c": code,
            "st": ctx.station,
            "sb": _j(row_image(survivor)),
            "mb": _j(merged_before),
            "md": _j(merged_data),
            "f": _j(filled),
            "al": _j(sorted(aliases)),
        },
    )
    ctx.result.merged.append({"merged_id": str(merged_id), "survivor_id": str(survivor_id), "credit_code": code})
    ctx.accepted("enterprise", merged_id, version)


def rewrite_references(conn: Connection, merged_id: uuid.UUID, survivor_id: uuid.UUID) -> int:
    """Point every stored row that references the merged enterprise at the survivor
    (a new version, so the owning station pulls the rewritten row), remembering the id
    each named (enterprise_ref_origin) for unmerge."""
    return conn.execute(
        text(
            "WITH moved AS (UPDATE replica_row "
            "SET data = jsonb_set(data, '{enterprise_id}', to_jsonb(CAST(:s AS text))), "
            "version = version + 1, updated_at = now() "
            "WHERE tbl = ANY(CAST(:tbls AS text[])) AND data->>'enterprise_id' = :m RETURNING tbl, id) "
            "INSERT INTO enterprise_ref_origin (tbl, row_id, named_id) SELECT tbl, id, CAST(:m AS uuid) FROM moved "
            "ON CONFLICT DO NOTHING"
        ),
        {"s": str(survivor_id), "m": str(merged_id), "tbls": list(ENTERPRISE_REF_TABLES)},
    ).rowcount


def note_redirected(ctx: ApplyContext, rows: Iterable[tuple[str, uuid.UUID, str]]) -> None:
    """Remember the merged id a pushed row named before it was re-pointed at the survivor
    on arrival ((tbl, id, named id) of each); only rows the station owns are noted."""
    items = [{"t": tbl, "i": str(row_id), "n": named} for tbl, row_id, named in rows]
    if not items:
        return
    ctx.conn.execute(
        text(
            "INSERT INTO enterprise_ref_origin (tbl, row_id, named_id) SELECT u.t, u.i, u.n "
            "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS u(t text, i uuid, n uuid) "
            "JOIN replica_row r ON r.tbl = u.t AND r.id = u.i AND r.station_id = :s ON CONFLICT DO NOTHING"
        ),
        {"rows": _j(items), "s": ctx.station},
    )


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
