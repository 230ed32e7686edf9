"""Applying a station's push batch at HQ (docs/sync-protocol.md, "Push").

`apply_push` runs inside the caller's transaction; the caller commits.  The batch is
claimed first with `INSERT … ON CONFLICT DO NOTHING` on applied_batch: a duplicate
delivered at the same moment waits on that row and then answers "already applied",
so a batch is applied exactly once however often it arrives.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, text

from app.domain import row_rules
from app.hq import fast_sql, json_text, merge, merge_prefetch, owned, token_sql
from app.hq.apply_context import ApplyContext, PushResult, now_ms
from app.hq.driver_sql import driver
from app.hq.token_sql import StationInfo
from app.hq.wire import WireRow, clean_data
from app.sync.protocol import HQ_REFERENCE, SHARED, STATION_OWNED, STATION_PROFILE_TABLE

__all__ = ["ApplyContext", "PushResult", "apply_push", "authenticate_and_claim", "now_ms"]


_CLAIM = driver("INSERT INTO applied_batch (station_id, batch_id) VALUES (:s, :b) ON CONFLICT DO NOTHING RETURNING 1")
_RESULT = driver("UPDATE applied_batch SET result = CAST(:r AS jsonb) WHERE station_id = :s AND batch_id = :b")
# The token check (FOR SHARE: a revocation waits for this push or refuses it) and the claim in
# one round trip: the batch is claimed as the token's station, and only if the token is good.
# It also turns on generic plans for the statements that follow, until the prefetch's row lock
# turns them off again (merge_prefetch.GENERIC_PLANS_OFF): the prefetch's two reads take their ids
# as an array, which a generic plan counts as 10, so for a push of a few enterprises PostgreSQL
# judged its generic plan dearer than planning afresh and planned both on every push (0.6 ms of
# its 3.6 ms a push, benchmarks/README.md "Session 9").  In a push with enterprises only those two
# and the code locks between them run with it; the statements of the merge proper (whose partial
# indexes a generic plan cannot prove, e.g. enterprise_requests.others_stake) run as before.  A push
# without any (no prefetch) keeps it to its end: then only the station-owned rows' statements follow
# (their lock read, insert or upsert, the origin notes, rejections, the result), which PostgreSQL
# planned generically anyway (pg_prepared_statements) or whose estimates no parameter changes.
GENERIC_PLANS_ON = "(SELECT set_config('plan_cache_mode', 'force_generic_plan', true)) IS NOT NULL"
_CLAIM_AS = (
    f"WITH me AS ({token_sql.AUTHENTICATE_LOCKED}), claim AS (INSERT INTO applied_batch (station_id, batch_id) "
    "SELECT station_id, %(b)s FROM me ON CONFLICT DO NOTHING RETURNING 1) "
    f"SELECT me.*, EXISTS (SELECT 1 FROM claim) FROM me WHERE {GENERIC_PLANS_ON}"
)


def authenticate_and_claim(conn: Connection, token: str, batch_id: uuid.UUID) -> tuple[StationInfo, bool] | None:
    """The active station holding `token`, its account row held FOR SHARE, and whether this
    call claimed `batch_id` for it (False: claimed before, `apply_push` answers "already
    applied"); None for a token HQ does not accept (nothing claimed)."""
    row = fast_sql.first(conn, _CLAIM_AS, {"t": token_sql.digest(token), "b": batch_id})
    if row is None:
        return None
    return StationInfo(*row[: token_sql.STATION_COLUMNS]), bool(row[token_sql.STATION_COLUMNS])


def apply_push(
    conn: Connection, station: uuid.UUID, batch_id: uuid.UUID, rows: Iterable[WireRow | Mapping[str, Any]], at_ms: int | None = None,
    *, claimed: bool | None = None,
) -> PushResult:
    """Apply one batch for `station` (from the token) exactly once; return its result.
    `claimed`: the caller has already tried to claim the batch in this transaction
    (`authenticate_and_claim`), and this says whether it got it."""
    if claimed is None:
        claimed = fast_sql.first(conn, _CLAIM, {"s": station, "b": batch_id}) is not None
    if not claimed:
        stored = conn.execute(
            text("SELECT result FROM applied_batch WHERE station_id = :s AND batch_id = :b"), {"s": station, "b": batch_id}
        ).scalar_one()
        return PushResult.from_json(stored, "already_applied")

    parsed = [row if isinstance(row, WireRow) else WireRow.model_validate(row) for row in rows]
    ctx = ApplyContext(conn, station, batch_id, at_ms or now_ms(), PushResult(str(batch_id), "applied"))
    enterprises, station_rows = [], []
    for row in parsed:
        if (row.tbl in SHARED or row.tbl in STATION_OWNED) and not _valid(ctx, row):
            continue
        if row.tbl in SHARED:
            enterprises.append(row)
        elif row.tbl in STATION_OWNED:
            station_rows.append(row)
        elif row.tbl == STATION_PROFILE_TABLE:
            owned.apply_station_profile(ctx, row)
        elif row.tbl in HQ_REFERENCE:
            ctx.reject(row, "hq_reference")
        else:
            ctx.reject(row, "unknown_table")
    # Parents first: a merge decided here rewrites references in the rows below.  Sorted
    # by id so two batches touching the same enterprises lock them in the same order.
    ctx.prefetch = merge_prefetch.prefetch(conn, enterprises)  # one read and one lock for the batch
    # The plainly new ones (no code, no row, no alias: nothing to decide) go in with the station's own
    # rows, in one statement (app.hq.owned); each keeps its place in the answer meanwhile.
    planned = merge.plan_new_batch(ctx, enterprises)
    places: dict[uuid.UUID, int] = {}
    for row in sorted(enterprises, key=lambda r: r.id):
        if row.id in planned:
            places[row.id] = len(ctx.result.versions)
            ctx.result.versions.append({})
        else:
            merge.apply_enterprise(ctx, row)
    merge_prefetch.flush(conn, ctx.prefetch)
    ctx.prefetch = None
    inserted = owned.apply_station_rows(ctx, station_rows, list(planned.values()))
    for row_id, place in places.items():
        if row_id in inserted:
            ctx.result.versions[place] = {"tbl": "enterprise", "id": str(row_id), "version": inserted[row_id]}
            ctx.result.accepted += 1
    ctx.result.versions = [v for v in ctx.result.versions if v]
    for row in sorted(enterprises, key=lambda r: r.id):
        if row.id in places and row.id not in inserted:  # inserted meanwhile by a concurrent push: merge into it
            merge.apply_enterprise(ctx, row)
    _store_rejections(ctx)
    _name_writers(ctx)
    fast_sql.execute(conn, _RESULT, {"r": json_text.text(ctx.result.to_json()), "s": station, "b": batch_id})
    return ctx.result


def _valid(ctx: ApplyContext, row: WireRow) -> bool:
    """The shared row rules (app.domain.row_rules), before anything is stored: a row that
    breaks one is logged as `invalid_row` and skipped, the rest of the batch applies.
    (The station's own `station` row is checked column by column in app.hq.owned.)"""
    problem = row_rules.row_problem(row.tbl, clean_data(row.tbl, row.data))
    if problem is None:
        return True
    ctx.reject(_for_log(row), "invalid_row", detail=problem.message)
    return False


_LOG_TEXT_CHARS = 2000


def _for_log(row: WireRow) -> WireRow:
    """The row as rejected_write keeps it: long texts cut, a huge row reduced to its keys,
    so a 100 MB name is refused without being stored anywhere."""
    cut = _LOG_TEXT_CHARS
    data = {k: v[:cut] + "…" if isinstance(v, str) and len(v) > cut else v for k, v in row.data.items()}
    if row_rules.json_chars(data) > row_rules.MAX_ROW_JSON_CHARS:
        data = {"_keys": sorted(k[:64] for k in row.data)[:200], "_cut": True}
    return row.model_copy(update={"data": data, "field_hlc": None, "field_base_hlc": None})


def _name_writers(ctx: ApplyContext) -> None:
    """Writers in conflict details as parties the station can show: "station" (the pushing
    station), "hq", or another station's code (never its id; the values are enterprise
    fields, which every station sees anyway)."""
    details = ctx.result.conflict_details
    others = {d[k] for d in details for k in ("winner", "loser")} - {"", str(ctx.station)}
    codes: dict[str, str] = {}
    if others:
        rows = ctx.conn.execute(
            text("SELECT CAST(station_id AS text), code FROM station_account WHERE station_id = ANY(CAST(:ids AS uuid[]))"),
            {"ids": "{" + ",".join(sorted(others)) + "}"},
        )
        codes = {sid: code for sid, code in rows}

    def party(writer: str) -> str:
        if writer == str(ctx.station):
            return "station"
        return "hq" if writer == "" else codes.get(writer, "?")

    for d in details:
        d["winner"], d["loser"] = party(d["winner"]), party(d["loser"])


def _store_rejections(ctx: ApplyContext) -> None:
    if not ctx.pending_rejections:
        return
    ctx.conn.execute(
        text(
            "INSERT INTO rejected_write (station_id, batch_id, tbl, row_id, reason, message, data) "
            "VALUES (:s, :b, :tbl, :row_id, :reason, :message, CAST(:data AS jsonb))"
        ),
        [{"s": ctx.station, "b": ctx.batch_id, **item} for item in ctx.pending_rejections],
    )
