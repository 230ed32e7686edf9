"""Station-owned rows: only their station writes them (docs/sync-protocol.md, "Ownership").

Applied as a set: one locking read of the rows already stored, one upsert for all
accepted rows (row-by-row statements are ~30x slower for a 2,000-row batch).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import text

from app.domain import row_rules
from app.domain.messages import Msg
from app.hq import dedupe, fast_sql, json_text, merge
from app.hq.apply_context import ApplyContext
from app.hq.driver_sql import driver
from app.hq.wire import WireRow, clean_data
from app.sync.protocol import ANNUAL_REPORT_STATION_MOVES, STATION_PROFILE_COLUMNS

REPORT_STATUSES = {"draft": "草稿", "submitted": "已提交", "accepted": "已通过", "returned": "已退回"}
# Fields HQ writes on station-owned rows; a station's copy never overwrites them.
HQ_FIELDS: dict[str, frozenset[str]] = {"annual_report": frozenset({"review_comment"}),
                                        "info_report": frozenset({"review_comment"})}
# Reports HQ reviews: draft → submitted → accepted | returned (app.sync.protocol ANNUAL_REPORT_*).
REVIEWED_REPORTS = ("annual_report", "info_report")

# Whole batches travel as one JSON parameter: psycopg quotes Python lists element by
# element (measured ~60 ms per 2,000 rows), PostgreSQL parses one JSON text in ~5 ms.
# One query per table, ids as one array literal.  One primary-key probe and lock per id, in the order of the ids (sorted by the caller): a
# subquery with FOR UPDATE is never flattened, so no statistics can turn it into a scan.
# `tbl = … AND id = ANY(…)` let the planner AND the key with a whole partial index the table
# implies (ix_replica_row_enterprise_ref: every service record), and a plain join a hash of
# every service record, with the statistics a busy HQ has between two analyses: ~1 ms a push,
# growing with the records held (benchmarks/README.md, "Session 7").
_LOCK = ("SELECT r.tbl, r.id, r.station_id, r.deleted, r.data, r.version FROM unnest(CAST(:ids AS uuid[])) AS u(id) "
         "CROSS JOIN LATERAL (SELECT * FROM replica_row x WHERE x.tbl = :tbl AND x.id = u.id FOR UPDATE) r")
_LOCK_EXISTING = driver(_LOCK)
# The first table's read also brings the aliases of the enterprises the rows name (one round
# trip): rows with a NULL tbl are (merged id, survivor id) in (id, station_id).
_LOCK_EXISTING_AND_ALIASES = driver(
    f"WITH locked AS ({_LOCK}) SELECT * FROM locked UNION ALL SELECT NULL, a.merged_id, a.survivor_id, "
    "NULL, NULL, NULL FROM enterprise_alias a WHERE a.merged_id = ANY(CAST(:refs AS uuid[]))"
)
_INSERT = (
    "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, echo_to, echo_version) "
    "SELECT u.t, u.i, CAST(:station AS uuid), 1, u.d, u.j, CASE WHEN u.e THEN CAST(:station AS uuid) END, "
    "CASE WHEN u.e THEN 1 END "
    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS u(t text, i uuid, d boolean, j jsonb, e boolean) "
)
# A batch whose rows the lock read found absent (a station's new records, most pushes): a plain
# insert.  An upsert's statement also fires replica_row's UPDATE statement triggers (the check's
# hash deltas, the read-model capture), each over an empty transition table: ~0.1 ms of
# PostgreSQL's CPU for 18 rows (benchmarks/README.md, "Session 8").  A row another push inserted
# since the read is skipped here and goes through `_UPSERT` (RETURNING names only rows inserted).
_INSERT_NEW = driver(_INSERT + "ON CONFLICT (tbl, id) DO NOTHING RETURNING tbl, id, version")
_UPSERT = driver(
    _INSERT + "ON CONFLICT (tbl, id) DO UPDATE SET version = replica_row.version + 1, deleted = EXCLUDED.deleted, "
    "data = EXCLUDED.data, updated_at = now(), echo_to = EXCLUDED.echo_to, "
    "echo_version = CASE WHEN EXCLUDED.echo_to IS NULL THEN NULL ELSE replica_row.version + 1 END "
    # the ownership rule again, in SQL: holds even if a row appeared after our read
    "WHERE replica_row.station_id = EXCLUDED.station_id "
    "RETURNING tbl, id, version"
)


# The station's new rows and the push's plainly new enterprises (app.hq.merge.plan_new_batch) in one
# statement: each INSERT on replica_row also runs the hash and read-model statement triggers and is
# a round trip of its own.  Two statements were 2.3 ms of PostgreSQL's CPU for a push of 2 + 18
# rows, one is 1.9 ms (benchmarks/README.md, "Session 9").
_INSERT_WITH_ENTERPRISES = driver(
    "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc, field_station, echo_to, echo_version) "
    "(SELECT 'enterprise', u.i, CAST(:station AS uuid), 1, u.d, u.j, u.h, u.src, u.e, "
    "CASE WHEN u.e IS NULL THEN NULL ELSE 1 END FROM jsonb_to_recordset(CAST(:ents AS jsonb)) "
    "AS u(i uuid, d boolean, j jsonb, h jsonb, src jsonb, e uuid) ORDER BY u.i) UNION ALL "
    "(SELECT u.t, u.i, CAST(:station AS uuid), 1, u.d, u.j, NULL, NULL, CASE WHEN u.e THEN CAST(:station AS uuid) END, "
    "CASE WHEN u.e THEN 1 END FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS u(t text, i uuid, d boolean, j jsonb, e boolean)) "
    "ON CONFLICT (tbl, id) DO NOTHING RETURNING tbl, id, version"
)


def apply_station_rows(ctx: ApplyContext, rows: list[WireRow],
                       enterprises: list[dict[str, Any]] | None = None) -> dict[uuid.UUID, int]:
    """Apply the batch's station-owned rows.  `enterprises`: the push's plainly new enterprises
    (app.hq.merge.plan_new_batch), inserted here, with the station's new rows when it can; returns
    id → version of those inserted (one a concurrent push inserted meanwhile is not)."""
    enterprises = enterprises or []
    latest: dict[tuple[str, uuid.UUID], WireRow] = {}
    for row in rows:  # a key repeated in one batch: the last copy is the current row
        latest.pop((row.tbl, row.id), None)
        latest[(row.tbl, row.id)] = row
    candidates = []
    for row in latest.values():
        if row.station_id != ctx.station:
            ctx.reject(row, "wrong_station")
        else:
            candidates.append(row)
    if not candidates:
        return merge.insert_planned(ctx, enterprises)
    # only text can be an id: a list or object here must never reach a set (finding 4: a 500)
    refs = [r.data.get("enterprise_id") for r in candidates if r.tbl in merge.ENTERPRISE_REF_TABLES]
    ref_ids = dedupe.alias_ids({ref for ref in refs if isinstance(ref, str)})
    aliases: dict[str, str] = {}
    existing = {}
    for tbl in sorted({r.tbl for r in candidates}):  # fixed lock order: concurrent pushes cannot deadlock
        params = {"tbl": tbl, "ids": "{" + ",".join(sorted(str(r.id) for r in candidates if r.tbl == tbl)) + "}"}
        statement = _LOCK_EXISTING
        if ref_ids is not None:  # the aliases with the first table's rows
            statement, params["refs"], ref_ids = _LOCK_EXISTING_AND_ALIASES, ref_ids, None
        for r in fast_sql.rows(ctx.conn, statement, params, named=True):
            if r.tbl is None:
                aliases[str(r.id)] = str(r.station_id)
            else:
                existing[(r.tbl, r.id)] = r
    writes: list[tuple[WireRow, dict[str, Any]]] = []
    # no row of the batch stored when the lock read ran: insert rather than upsert
    new = not existing
    for row in candidates:
        data = clean_data(row.tbl, row.data)
        ref = data.get("enterprise_id")
        if row.tbl in merge.ENTERPRISE_REF_TABLES and isinstance(ref, str) and ref in aliases:
            data["enterprise_id"] = aliases[ref]
        old = existing.get((row.tbl, row.id))
        if old is not None:
            if old.station_id != ctx.station:
                ctx.reject(row, "owned_by_other_station")
                continue
            for name in HQ_FIELDS.get(row.tbl, ()):
                if name in old.data:
                    data[name] = old.data[name]
            if old.deleted == row.deleted and old.data == data:
                ctx.accepted(row.tbl, row.id, old.version)  # nothing new: no version bump, no echo
                continue
        if row.tbl in REVIEWED_REPORTS and not _report_move_allowed(ctx, row, old, data):
            continue
        writes.append((row, data))
    inserted = _upsert(ctx, writes, new, enterprises)
    # the merged id each re-pointed row named, so that unmerge can point it back
    named = ((r, r.data.get("enterprise_id")) for r, _ in writes if r.tbl in merge.ENTERPRISE_REF_TABLES)
    redirected = [(r.tbl, r.id, ref) for r, ref in named if isinstance(ref, str) and ref in aliases]
    merge.note_redirected(ctx, redirected)
    return inserted


# The columns of the station row that stay HQ's: a pushed copy never changes them.
STATION_HQ_COLUMNS = ("code", "name", "district", "status")
_LOCK_STATION = text("SELECT version, deleted, data FROM replica_row WHERE tbl = 'station' AND id = :i FOR UPDATE")
_BUMP_STATION = text(
    "UPDATE replica_row SET data = CAST(:d AS jsonb), version = version + 1, updated_at = now() "
    "WHERE tbl = 'station' AND id = :i RETURNING version"
)


def apply_station_profile(ctx: ApplyContext, row: WireRow) -> None:
    """A push of the station's OWN `station` row: HQ takes the profile facts the station
    reports (STATION_PROFILE_COLUMNS) and keeps its own columns (code, name, district,
    status), silently: a station's copy of them may simply be older than HQ's.  When that
    copy differs, the version still moves, so the pull brings HQ's values back (the
    station may have skipped HQ's change while its own edit was queued).  Another
    station's row: `owned_by_other_station`.  `deleted` is ignored (HQ retires stations)."""
    if ctx.station is None or row.id != ctx.station:
        ctx.reject(row, "owned_by_other_station")
        return
    old = ctx.conn.execute(_LOCK_STATION, {"i": row.id}).first()
    if old is None or old.deleted:
        ctx.reject(row, "hq_reference")
        return
    incoming = clean_data(row.tbl, row.data)
    profile = {k: incoming[k] for k in sorted(STATION_PROFILE_COLUMNS) if k in incoming}
    problem = row_rules.row_problem("station", profile, only=profile)  # the shared rules, profile columns only
    if problem is not None:
        ctx.reject(row, "bad_row", detail=Msg("本站信息%1", problem.message))
        return
    data = dict(old.data, **profile)
    stale_copy = any(k in incoming and incoming[k] != old.data.get(k) for k in STATION_HQ_COLUMNS)
    if data == old.data and not stale_copy:
        ctx.accepted(row.tbl, row.id, old.version)
        return
    version = ctx.conn.execute(_BUMP_STATION, {"i": row.id, "d": json.dumps(data, ensure_ascii=False)}).scalar_one()
    ctx.accepted(row.tbl, row.id, version)


def _report_move_allowed(ctx: ApplyContext, row: WireRow, old: Any, data: dict[str, Any]) -> bool:
    new_status = data.get("status")
    if not isinstance(new_status, str) or new_status not in REPORT_STATUSES:  # a list is unhashable: finding 4
        ctx.reject(row, "bad_row", detail=Msg("报告状态“%1”无效", str(new_status)[:20]))
        return False
    old_status = "draft" if old is None or old.deleted else old.data.get("status", "draft")
    if row.deleted:
        if old_status != "draft":
            ctx.reject(row, "report_delete")
            return False
        return True
    if (old_status, new_status) not in ANNUAL_REPORT_STATION_MOVES:
        label = REPORT_STATUSES.get
        ctx.reject(row, "report_transition", old=label(old_status, old_status), new=label(new_status, new_status))
        return False
    return True


def _upsert(ctx: ApplyContext, writes: list[tuple[WireRow, dict[str, Any]]], new: bool = False,
            enterprises: list[dict[str, Any]] | None = None) -> dict[uuid.UUID, int]:
    """Store `writes` (`new`: none of them was stored at the lock read) and note each one's outcome;
    insert `enterprises` (app.hq.merge.plan_new_batch) too, in the same statement when `writes` are
    plainly new, and return id → version of those inserted."""
    if new and writes and enterprises:
        stored, inserted = {}, {}
        params = dict(_batch(ctx, writes), ents=json_text.text(enterprises))
        for tbl, row_id, version in fast_sql.rows(ctx.conn, _INSERT_WITH_ENTERPRISES, params):
            if tbl == "enterprise":
                inserted[row_id] = version
            else:
                stored[(tbl, row_id)] = version
    else:
        inserted = merge.insert_planned(ctx, enterprises or [])
        if not writes:
            return inserted
        stored = _stored(ctx, writes, _INSERT_NEW if new else _UPSERT)
    late = [(row, data) for row, data in writes if (row.tbl, row.id) not in stored] if new else []
    if late:  # stored by another push since the read: the upsert's ownership rule decides
        stored.update(_stored(ctx, late, _UPSERT))
    for row, _ in writes:
        version = stored.get((row.tbl, row.id))
        if version is None:
            ctx.reject(row, "owned_by_other_station")
        else:
            ctx.accepted(row.tbl, row.id, version)
    return inserted


def _stored(ctx: ApplyContext, writes: list[tuple[WireRow, dict[str, Any]]], statement: str) -> dict[tuple[str, uuid.UUID], int]:
    """`writes` through `statement` (_INSERT_NEW or _UPSERT): the version of each row it stored
    (none for a row of another station, or, inserting, one already there)."""
    return {(tbl, row_id): version for tbl, row_id, version in fast_sql.rows(ctx.conn, statement, _batch(ctx, writes))}


def _batch(ctx: ApplyContext, writes: list[tuple[WireRow, dict[str, Any]]]) -> dict[str, Any]:
    # `e`: HQ stores exactly what the station sent, so its pull need not bring the row back
    # (echo_to/echo_version, migration 0007); a row HQ changed (its own fields kept, a merged
    # enterprise re-pointed) goes back to the station as usual
    batch = [{"t": row.tbl, "i": str(row.id), "d": row.deleted, "j": data, "e": data == clean_data(row.tbl, row.data)}
             for row, data in writes]
    return {"station": ctx.station, "rows": json_text.text(batch)}
