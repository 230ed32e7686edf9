"""Enterprises at HQ: field-by-field merge by hybrid logical clock.

Per field the higher (hlc, writer) wins, writer = station id text ("" for HQ, so
a station wins a tie against HQ; between stations the higher id wins).  Stamps more
than MAX_FUTURE_SKEW_MS ahead of server time are clamped.  Every value that loses
and differs goes to conflict_log:
- an incoming value that loses;
- a stored value overwritten by another writer, unless the row carries
  `field_base_hlc` proving the station had seen that value (sequential edit).
`field_hlc` names the fields the station asserts; fields it leaves out keep HQ's value.

Trust boundary: a station may not delete, or merge away, an enterprise another station
registered or has served (app.hq.enterprise_requests).  That part of its change is held
back as a request for HQ; the rest of the row merges as usual, and the row's version
moves so the station's next pull brings HQ's row back.
"""

from __future__ import annotations

import functools
import uuid
from collections import Counter
from typing import Any

from sqlalchemy import text

from app.hq import dedupe, enterprise_requests, fast_sql, json_text
from app.hq.apply_context import MISSING, ApplyContext
from app.hq.dedupe import ENTERPRISE_REF_TABLES, code_of, note_redirected, resolve_aliases
from app.hq.driver_sql import driver
from app.hq.wire import WireRow, clean_data
from app.sync.protocol import MAX_FUTURE_SKEW_MS, hlc_from_ms, hlc_ms

__all__ = ["ENTERPRISE_REF_TABLES", "apply_enterprise", "note_redirected", "resolve_aliases"]
DELETED = "deleted"  # pseudo-field: the tombstone merges like any other field
UNMERGED = frozenset({"created_at", "updated_at"})


def clamp_hlc(now_ms: int, hlc: int) -> int:
    """A stamp more than MAX_FUTURE_SKEW_MS ahead of server time becomes server time
    (its counter kept): a station cannot pin a field against later edits."""
    if hlc_ms(hlc) > now_ms + MAX_FUTURE_SKEW_MS:
        return hlc_from_ms(now_ms, hlc & 0xFFFF)
    return hlc


def clamp(ctx: ApplyContext, hlc: int) -> int:
    return clamp_hlc(ctx.now_ms, hlc)


def writer(ctx: ApplyContext) -> str:
    return "" if ctx.station is None else str(ctx.station)


def apply_enterprise(ctx: ApplyContext, row: WireRow) -> None:
    """Insert or merge one pushed enterprise (or an HQ edit shaped as one)."""
    conn, pre = ctx.conn, ctx.prefetch
    data = clean_data("enterprise", row.data)
    if pre is not None and (old := pre.take_row(target := pre.target(row.id))) is not MISSING:
        # read and locked with the whole batch (app.hq.merge_prefetch); a code it did not lock
        # (a row changed by another push in between) is locked now
        dedupe.lock_codes(conn, {c for c in (code_of(data), old and code_of(old.data)) if c and c not in pre.locked_codes})
    else:
        if pre is not None:
            pre.flush(conn)  # read again below: what the batch wrote must be there
        target = uuid.UUID(resolve_aliases(conn, [str(row.id)]).get(str(row.id), str(row.id)))
        stored_code = conn.execute(
            text("SELECT data->>'credit_code' FROM replica_row WHERE tbl = 'enterprise' AND id = :i"), {"i": target}
        ).scalar()
        # Code locks before row locks, always in that order: two stations creating the
        # same credit code serialise here, and cannot deadlock on the row locks below.
        dedupe.lock_codes(conn, {code_of(data), stored_code})
        old = dedupe.lock_row(conn, target)
    if old is None and _insert_new(ctx, row, data):
        return
    _merge_existing(ctx, row, target, old or dedupe.take_or_lock(ctx, target), data, redirected=target != row.id)


_INSERT = driver(  # every new enterprise a station pushes: driver SQL (app/hq/driver_sql.py)
    "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc, field_station, "
    "echo_to, echo_version) VALUES ('enterprise', :i, :s, 1, :d, CAST(:data AS jsonb), CAST(:h AS jsonb), "
    "CAST(:src AS jsonb), :e, CASE WHEN CAST(:e AS uuid) IS NULL THEN NULL ELSE 1 END) "
    "ON CONFLICT DO NOTHING RETURNING version"
)


def _insert_new(ctx: ApplyContext, row: WireRow, data: dict[str, Any]) -> bool:
    stamps = row.field_hlc or {}
    hlc = {f: clamp(ctx, stamps.get(f, 0)) for f in [*data, DELETED]}
    src = dict.fromkeys(hlc, writer(ctx))
    code = code_of(data)
    survivor = dedupe.live_by_code(ctx, code, row.id) if code and not row.deleted else None
    if survivor is not None:  # a new row is its station's alone: merging it away takes nothing from others
        dedupe.merge_into(ctx, survivor, row.id, data, hlc, src, ctx.station)
        return True
    # stored as sent (no stamp clamped): the station's pull need not bring it back (migration 0007)
    echo = ctx.station if all(hlc[f] == stamps.get(f, 0) for f in hlc) else None
    version = fast_sql.scalar(
        ctx.conn, _INSERT, {"i": row.id, "s": ctx.station, "d": row.deleted, "data": _j(data), "h": _j(hlc), "src": _j(src), "e": echo}
    )
    if version is None:
        return False  # inserted meanwhile by a concurrent push: merge into it instead
    ctx.accepted("enterprise", row.id, version)
    return True


_INSERT_MANY = driver(  # new enterprises of one push without a credit code: one statement (insert_new_batch)
    "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc, field_station, echo_to, echo_version) "
    "SELECT 'enterprise', u.i, :s, 1, u.d, u.j, u.h, u.src, u.e, CASE WHEN u.e IS NULL THEN NULL ELSE 1 END "
    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS u(i uuid, d boolean, j jsonb, h jsonb, src jsonb, e uuid) "
    "ORDER BY u.i ON CONFLICT DO NOTHING RETURNING id, version"
)


def plan_new_batch(ctx: ApplyContext, rows: list[WireRow]) -> dict[uuid.UUID, dict[str, Any]]:
    """The pushed enterprises that `apply_enterprise` would insert one by one without a question:
    new (the prefetch found no row and no alias), without a credit code (no merge to decide),
    each once in the batch; id → its row for `_INSERT_MANY` (or the owned rows' insert, which
    takes them along: app.hq.owned), in id order.  Every INSERT on replica_row fires the hash and
    read-model statement triggers: two enterprises a push were two statements and four trigger
    runs, then one statement beside the station's own rows, then none of their own."""
    pre = ctx.prefetch
    if pre is None or ctx.station is None:
        return {}
    seen = Counter(r.id for r in rows)
    plain = [r for r in rows if seen[r.id] == 1 and pre.target(r.id) == r.id and r.id in pre.stored_codes
             and code_of(clean_data("enterprise", r.data)) is None]
    batch = {}
    for row in sorted(plain, key=lambda r: r.id):
        data = clean_data("enterprise", row.data)
        stamps = row.field_hlc or {}
        hlc = {f: clamp(ctx, stamps.get(f, 0)) for f in [*data, DELETED]}
        # stored as sent (no stamp clamped): the station's pull need not bring it back (migration 0007)
        echo = str(ctx.station) if all(hlc[f] == stamps.get(f, 0) for f in hlc) else None
        batch[row.id] = {"i": str(row.id), "d": row.deleted, "j": data, "h": hlc, "src": dict.fromkeys(hlc, writer(ctx)),
                         "e": echo}
        pre.take_row(row.id)  # handed out: a later look at this id reads the database
    pre.flush(ctx.conn)
    return batch


def insert_planned(ctx: ApplyContext, batch: list[dict[str, Any]]) -> dict[uuid.UUID, int]:
    """Insert `plan_new_batch`'s rows in one statement: id → version of those inserted (one a
    concurrent push inserted meanwhile is not: the caller merges it with `apply_enterprise`)."""
    if not batch:
        return {}
    return {i: v for i, v in fast_sql.rows(ctx.conn, _INSERT_MANY, {"s": ctx.station, "rows": _j(batch)})}


def insert_new_batch(ctx: ApplyContext, rows: list[WireRow]) -> dict[uuid.UUID, int]:
    """`plan_new_batch` and `insert_planned` at once."""
    return insert_planned(ctx, list(plan_new_batch(ctx, rows).values()))


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
    held = _hold_foreign(ctx, row, target, old, cur, (cur_hlc, cur_src), redirected)
    deleted = bool(cur.pop(DELETED))
    if changed and "updated_at" in data:
        cur["updated_at"] = data["updated_at"]
    code = code_of(cur)
    survivor = dedupe.live_by_code(ctx, code, target) if code and not deleted else None
    if survivor is not None:
        dedupe.merge_into(ctx, survivor, target, cur, cur_hlc, cur_src, old.station_id, dedupe.row_image(old))
        return
    if not changed and not held:
        ctx.accepted("enterprise", row.id, old.version)
        return
    # a held change moves the version too: the station's pull brings HQ's row back
    # HQ now holds exactly the station's row (every field as sent, no stamp clamped, nothing held):
    # its pull need not bring the row back (echo_to/echo_version, migration 0007)
    echo = None
    if ctx.station is not None and not held and not redirected and deleted == row.deleted and cur == data:
        echo = ctx.station if all(clamp(ctx, h) == h for h in stamps.values()) else None
    if ctx.prefetch is not None:  # sent with the batch's other updates (app.hq.merge_prefetch.flush)
        ctx.prefetch.updates.append({"i": str(target), "d": cur, "h": cur_hlc, "s": cur_src, "x": deleted,
                                     "e": str(echo) if echo else None})
        version = old.version + 1
    else:
        version = ctx.conn.execute(
            text(
                "UPDATE replica_row SET data = CAST(:data AS jsonb), field_hlc = CAST(:h AS jsonb), "
                "field_station = CAST(:src AS jsonb), deleted = :d, version = version + 1, updated_at = now(), "
                "echo_to = :e, echo_version = CASE WHEN CAST(:e AS uuid) IS NULL THEN NULL ELSE version + 1 END "
                "WHERE tbl = 'enterprise' AND id = :i RETURNING version"
            ),
            {"i": target, "d": deleted, "data": _j(cur), "h": _j(cur_hlc), "src": _j(cur_src), "e": echo},
        ).scalar_one()
    if not held:
        ctx.accepted("enterprise", row.id, version)


def _hold_foreign(
    ctx: ApplyContext,
    row: WireRow,
    target: uuid.UUID,
    old: Any,
    cur: dict[str, Any],
    clocks: tuple[dict[str, int], dict[str, str]],
    redirected: bool,
) -> bool:
    """Hold back a station's deletion of, or code change merging away, an enterprise
    that is not its alone: put the old value (and its stamp) back in `cur` and record a
    request for HQ.  True when something was held.  HQ's own edits are never held."""
    if ctx.station is None or redirected:
        return False
    station, held = ctx.station, False
    shared = functools.cache(lambda: enterprise_requests.others_stake(ctx.conn, target, old.station_id, station))
    if cur[DELETED] and not old.deleted:
        if not shared():
            return False  # its own enterprise: deleted as asked
        _put_back(cur, clocks, old, DELETED)
        enterprise_requests.hold(ctx, row, "delete", target)
        held = True
    code = code_of(cur)
    survivor = dedupe.live_by_code(ctx, code, target) if code and not cur[DELETED] else None
    if survivor is not None and shared():
        _put_back(cur, clocks, old, "credit_code")
        _put_back(cur, clocks, old, DELETED)  # an undelete that would merge stays deleted
        enterprise_requests.hold(ctx, row, "merge", target, survivor, credit_code=code)
        held = True
    return held


def _put_back(cur: dict[str, Any], clocks: tuple[dict[str, int], dict[str, str]], old: Any, name: str) -> None:
    """The stored value of `name` and its stamp, instead of the station's."""
    cur[name] = old.deleted if name == DELETED else old.data.get(name)
    hlc, src = clocks
    stored_hlc, stored_src = old.field_hlc or {}, old.field_station or {}
    hlc.pop(name, None)
    src.pop(name, None)
    if name in stored_hlc:
        hlc[name] = stored_hlc[name]
    if name in stored_src:
        src[name] = stored_src[name]


def _j(value: Any) -> str:
    return json_text.text(value)
