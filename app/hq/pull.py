"""Pull pages and the sanity check (docs/sync-protocol.md, "Pull", "Sanity check").

The cursor is (txid, tbl, id) of the last row sent.  A page only holds rows whose
txid is below the watermark (`pg_snapshot_xmin(pg_current_snapshot())`, counting only
this database's transactions): every such transaction has finished, so no row can
later appear behind the cursor.  A plain "txid > cursor" (or
a sequence) loses rows committed out of order; tests/hq/test_pull_watermark.py shows it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from app.hq import fast_sql, table_hashes, token_sql, tombstones
from app.hq.driver_sql import driver
from app.hq.shared_bound import SharedBound
from app.hq.token_sql import StationInfo
from app.hq.watermark import BOUND_SQL, watermark
from app.hq.wire import Cursor
from app.sync.protocol import HQ_REFERENCE, SHARED, STATION_OWNED

PUBLIC_TABLES = list(HQ_REFERENCE + SHARED)
NIL = "00000000-0000-0000-0000-000000000000"
# Rows a station may see: reference and shared tables, and its own station-owned rows.
VISIBLE = "(tbl = ANY(CAST(:public AS text[])) OR (station_id = :me AND tbl = ANY(CAST(:owned AS text[]))))"
ROW_JSON_BUILD = (
    "json_build_object('tbl', tbl, 'id', id, 'station_id', station_id, 'version', version, "
    "'deleted', deleted, 'data', data, 'field_hlc', field_hlc)"
)
# A row's JSON as its trigger stored it when it was written (HQ migration 0010: made once, not
# once per station pulling it), or built now for a row written before that migration.
ROW_JSON = f"coalesce(page_json, {ROW_JSON_BUILD}::text)"


@lru_cache(maxsize=32)
def array_row_sql(columns: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The row expression of a protocol 2 page: per named table a JSON array
    (protocol.ROW_ARRAY_HEAD, then `data->'column'` in the order asked for); rows of
    other tables stay objects.  Names are checked by wire.PullRequest (lowercase
    letters, digits, `_`), so they are safe as literals.  A key the row's data lacks
    is listed in `absent` (the client then takes the column default, as for v1)."""
    head = "r.tbl, r.id, r.station_id, r.version, r.deleted, r.field_hlc"
    branches = []
    for tbl, names in columns:
        keys = "ARRAY[" + ",".join(f"'{n}'" for n in names) + "]::text[]"
        absent = f"CASE WHEN r.data ?& {keys} THEN NULL ELSE ARRAY(SELECT k FROM unnest({keys}) AS k WHERE NOT r.data ? k) END"
        values = "".join(f", r.data->'{n}'" for n in names)
        branches.append(f"WHEN '{tbl}' THEN json_build_array({head}, {absent}{values})")
    if not branches:
        return ROW_JSON
    return f"(CASE r.tbl {' '.join(branches)} ELSE {ROW_JSON_BUILD} END)::text"


# The page query below forbids the sort: with stale statistics (a fresh HQ after a big import,
# before autoanalyze) the planner chose "scan everything, sort, take 5,000" for every page: 5x
# slower and growing.  Losing the acknowledgement in a crash only makes the tombstone purge more
# careful: no WAL flush for it (~4 ms per pull page here).
_SETTINGS = "set_config('enable_sort', 'off', true) IS NOT NULL AND set_config('synchronous_commit', 'off', true) IS NOT NULL"
# The snapshot's xmax, the first txid not yet given out: a cursor beyond it is from the future.
_XMAX = "pg_snapshot_xmax(s)::text"
# One round trip for the settings, the purge mark, the watermark and xmax (a pull is mostly round
# trips when 200 stations sync at once).
_PREAMBLE = (f"SELECT (SELECT value FROM hq_meta WHERE key = %(k)s), {BOUND_SQL.format(s='s')}, {_XMAX} "
             f"FROM pg_current_snapshot() s WHERE {_SETTINGS}")


@lru_cache(maxsize=8)
def _preamble_as(ack: bool, figures: bool, watermark: bool = True) -> str:
    """`_PREAMBLE` for the holder of a token (%(t)s), and in the same round trip: the token
    check, the acknowledgement of the cursor (`ack`: %(ack)s) and, when asked, the check's
    figures of the tables %(ftbls)s (app.hq.table_hashes), read with this snapshot.  No row: a token HQ does not
    accept (nothing acknowledged).  Not `watermark`: NULL in its place, for a pull that has one
    lent by its worker (app.hq.shared_bound): the rest of the preamble is cheap."""
    ctes = [f"me AS ({token_sql.AUTHENTICATE})"]
    if ack:
        ctes.append(
            "ack AS (UPDATE station_account a SET cursor_txid = %(ack)s, cursor_at = now(), last_seen_at = now() "
            "FROM me WHERE a.station_id = me.station_id AND a.cursor_txid IS DISTINCT FROM %(ack)s RETURNING 1)"
        )
    kept = ("(SELECT json_agg(json_build_array(f.tbl, f.scope, f.n, f.h, f.d)) FROM ("
            f"{table_hashes.figures_sql('me.station_id')}) f(tbl, scope, n, h, d))") if figures else "NULL"
    return (f"WITH {', '.join(ctes)} SELECT me.*, (SELECT value FROM hq_meta WHERE key = %(k)s), "
            f"{BOUND_SQL.format(s='s') if watermark else 'NULL'}, {_XMAX}, {kept} "
            f"FROM me, pg_current_snapshot() s WHERE {_SETTINGS}")


class ResyncRequired(Exception):
    """The station's cursor is behind purged tombstones: it must bootstrap again."""


@dataclass
class PullPage:
    rows_json: list[bytes]  # each row serialised by PostgreSQL, UTF-8 as it came (no decoding, no re-encoding)
    cursor: dict[str, str] | None
    done: bool

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [json.loads(r) for r in self.rows_json]


def _params(station: uuid.UUID) -> dict[str, Any]:
    return {"public": PUBLIC_TABLES, "owned": list(STATION_OWNED), "me": station}


def pull(
    conn: Connection,
    station: uuid.UUID,
    cursor: Cursor | dict[str, Any] | None,
    limit: int,
    table: str | None = None,
    columns: dict[str, list[str]] | None = None,
    *,
    acknowledged: int | None = None,
    echoes: bool = False,
) -> PullPage:
    """One page of rows visible to `station` after `cursor` (None: bootstrap, no tombstones).
    `columns` (protocol 2): rows of those tables as arrays, see array_row_sql.
    `acknowledged`: the station's stored cursor_txid, when the caller has just read it.
    `echoes`: also the station's own rows HQ stored exactly as pushed (skipped otherwise).
    (The sync endpoint's way is `pull_as`, the same page with fewer round trips.)"""
    cursor = _as_cursor(cursor)
    purged, bound, xmax = fast_sql.first(conn, _PREAMBLE, {"k": tombstones.PURGED_KEY})
    page = _page(conn, station, cursor, limit, table, columns, purged, int(bound), int(xmax), echoes)
    if cursor is not None and table is None and acknowledged != int(cursor.txid):
        _acknowledge(conn, station, int(cursor.txid))
    elif page.done:
        _seen(conn, station)  # a bootstrap or a pull with nothing new ends a sync too ("最近同步")
    return page


Kept = tuple[dict[str, tuple[int, int]], list[tuple[str, uuid.UUID]]]  # app.hq.table_hashes.read_figures


def pull_as(
    conn: Connection,
    token: str,
    cursor: Cursor | dict[str, Any] | None,
    limit: int,
    table: str | None = None,
    columns: dict[str, list[str]] | None = None,
    figures: list[str] | None = None,
    bounds: SharedBound | None = None,
) -> tuple[StationInfo, PullPage, Kept | None] | None:
    """`pull` for the station holding `token`, as the sync endpoint asks it: the token check,
    the cursor's acknowledgement, the watermark and (`figures`) the check's kept figures of those
    tables come with the preamble, in one round trip (`_preamble_as`): a pull is three statements
    and its transaction.  The figures are read with the page's snapshot, whether or not the page
    is the last (the caller keeps them for the last).  `bounds`: the worker's lent watermark
    (app.hq.shared_bound), used while fresh instead of reading one.  None: a token HQ does not accept."""
    cursor = _as_cursor(cursor)
    ack = cursor is not None and table is None
    params: dict[str, Any] = {"t": token_sql.digest(token), "k": tombstones.PURGED_KEY}
    if cursor is not None and ack:
        params["ack"] = int(cursor.txid)
    if figures:
        params["ftbls"] = sorted(set(figures))
    lent = bounds.fresh() if bounds is not None else None
    asked_at = bounds.now() if bounds is not None and lent is None else 0.0
    row = fast_sql.first(conn, _preamble_as(ack, bool(figures), lent is None), params)
    if row is None:
        return None
    n = token_sql.STATION_COLUMNS
    me, (purged, read, xmax, kept) = StationInfo(*row[:n]), row[n:]
    if read is not None:
        bound = int(read)
        if bounds is not None:
            bounds.offer(bound, asked_at)
    elif lent is not None and lent <= int(xmax):
        bound = lent
    else:  # lent a bound above this snapshot's xmax: the database is not the one it was read in
        assert bounds is not None
        bounds.forget()
        bound = watermark(conn)
    page = _page(conn, me.station_id, cursor, limit, table, columns, purged, bound, int(xmax), echoes=False)
    acknowledged = cursor is not None and ack and me.cursor_txid != int(cursor.txid)
    if page.done and not acknowledged:
        _seen(conn, me.station_id)  # a bootstrap or a pull with nothing new ends a sync too ("最近同步")
    return me, page, None if kept is None else table_hashes.read_figures(kept)


def _as_cursor(cursor: Cursor | dict[str, Any] | None) -> Cursor | None:
    return Cursor.model_validate(cursor) if isinstance(cursor, dict) else cursor


def _page(
    conn: Connection,
    station: uuid.UUID,
    cursor: Cursor | None,
    limit: int,
    table: str | None,
    columns: dict[str, list[str]] | None,
    purged: Any,
    watermark: int,
    xmax: int,
    echoes: bool,
) -> PullPage:
    """The page after `cursor` below `watermark`, once the cursor is known to be neither behind
    the purge mark `purged` nor from the future (beyond `xmax`, the first txid not yet given
    out when the watermark's snapshot was taken)."""
    if cursor is not None and int(cursor.txid) <= (int(purged) if purged is not None else -1):
        raise ResyncRequired
    bound = str(watermark)
    if cursor is not None and int(cursor.txid) > xmax:
        # a cursor from the future: HQ was restored from a backup.  Every cursor HQ gave out is at
        # most a watermark or a row's txid, both below the xmax of any later snapshot.
        raise ResyncRequired
    if cursor is not None and int(cursor.txid) >= watermark:
        # Nothing below the watermark follows the cursor.  A watermark lent by the worker
        # (app.hq.shared_bound) may be below the one this station's last page was cut at, by
        # another worker or a fresher read: the cursor stays where it is, never moves back
        # (continuing "from the bound" would send again every row between the two).
        return PullPage([], cursor.as_json(), True)
    where, params = ["txid < CAST(:bound AS xid8)"], {"me": station, "bound": bound, "limit": limit}
    since = bound if cursor is None else cursor.since
    if cursor is None:
        where.append("NOT deleted")
    else:
        where.append("(txid, tbl, id) > (CAST(:ctxid AS xid8), :ctbl, CAST(:cid AS uuid))")
        params.update(ctxid=cursor.txid, ctbl=cursor.tbl, cid=cursor.id)
        if since is not None:
            # a bootstrap in progress: rows deleted before it began were never sent live
            where.append("NOT (deleted AND txid < CAST(:since AS xid8))")
            params["since"] = since
    arms: tuple[str, ...] = (PUBLIC_ARM, OWN_ARM)
    if table is not None:
        where.append("tbl = :table")
        params["table"] = table
        arms = (OWN_ARM,) if table in STATION_OWNED else (PUBLIC_ARM,)
    elif cursor is not None and since is None and not echoes:
        # not the station's own rows as it pushed them (HQ stored them unchanged: migration 0007);
        # a bootstrap (every page of it) and a table repair still send everything
        where.append("NOT coalesce(echo_to = :me AND echo_version = version, false)")
    row_sql = array_row_sql(tuple((t, tuple(c)) for t, c in sorted(columns.items()))) if columns else ROW_JSON
    result = fast_sql.rows(conn, _page_sql(" AND ".join(where), row_sql, arms), params, text_as_bytes=True)
    done = len(result) < limit
    if done:
        # Everything visible below `bound` has been sent: continue from the bound itself.
        new_cursor = {"txid": bound, "tbl": "", "id": NIL}
    else:
        txid, tbl, row_id, _ = (v.decode() for v in result[-1])  # all text, as bytes
        new_cursor = {"txid": txid, "tbl": tbl, "id": row_id}
        if since is not None:
            new_cursor["since"] = since
    return PullPage([r[3] for r in result], new_cursor, done)


# What a station may see (VISIBLE), as the two partial indexes of HQ migration 0009 define it:
# the tables every station sees, and the station's own rows.  Literals (our own table names),
# so PostgreSQL can match each arm to its index.
PUBLIC_ARM = "r.tbl IN (" + ", ".join(f"'{t}'" for t in PUBLIC_TABLES) + ")"
OWN_ARM = "r.station_id = :me AND r.tbl IN (" + ", ".join(f"'{t}'" for t in STATION_OWNED) + ")"


@lru_cache(maxsize=64)
def _page_sql(where: str, row_sql: str, arms: tuple[str, ...]) -> str:
    """The page query for one shape of WHERE (a handful), row expression and arms, translated
    once: each arm an ordered scan of its own index from the cursor, merged in (txid, tbl, id)
    order (Merge Append) and cut at the limit.  A scan of the one (txid, tbl, id) index over
    every row read every other station's own rows too (migration 0009's docstring)."""
    # ORDER BY names the table's columns: a bare `txid` would sort by the text output column
    selects = [
        f"(SELECT r.txid, r.tbl, r.id, r.txid::text AS t, r.id::text AS i, {row_sql} AS j FROM replica_row r "
        f"WHERE {arm} AND {where} ORDER BY r.txid, r.tbl, r.id LIMIT :limit)"
        for arm in arms
    ]
    return driver(
        f"SELECT u.t, u.tbl, u.i, u.j FROM ({' UNION ALL '.join(selects)}) u ORDER BY u.txid, u.tbl, u.id LIMIT :limit"
    )


_NOT_ECHO = "NOT coalesce(r.echo_to = :me AND r.echo_version = r.version, false)"
# Tables with rows this station may see at or above `bound` (its pull's last cursor), leaving out
# its own rows HQ holds as it pushed them (it has those).  Each arm an index scan from the bound.
_MOVING = driver(
    "SELECT DISTINCT m.tbl FROM ("
    + " UNION ALL ".join(f"(SELECT r.tbl FROM replica_row r WHERE {arm} AND r.txid >= CAST(:bound AS xid8) "
                         f"AND {_NOT_ECHO})" for arm in (PUBLIC_ARM, OWN_ARM))
    + ") m"
)


def moving_tables(conn: Connection, station: uuid.UUID, cursor: dict[str, str], tables: list[str]) -> list[str]:
    """Which of `tables` the check's figures count rows of that a station done at `cursor` has not
    been sent: rows other pushes committed at or above the watermark while an older push still ran
    (the figures are read with the page's snapshot, which sees them).  The station does not treat a
    difference in those as a fault (docs/sync-protocol.md, "Sanity check").  Read after the
    figures, so with a snapshot no older than theirs: a row they count is seen here too."""
    moving = {tbl for (tbl,) in fast_sql.rows(conn, _MOVING, {"bound": cursor["txid"], "me": station})}
    return sorted(moving.intersection(tables))


_ACKNOWLEDGE = driver(
    "UPDATE station_account SET cursor_txid = :t, cursor_at = now(), last_seen_at = now() "
    "WHERE station_id = :s AND cursor_txid IS DISTINCT FROM :t"
)


def _acknowledge(conn: Connection, station: uuid.UUID, txid: int) -> None:
    fast_sql.execute(conn, _ACKNOWLEDGE, {"t": txid, "s": station})


SEEN_EVERY_SECONDS = 60
_SEEN = driver(
    "UPDATE station_account SET last_seen_at = now() WHERE station_id = :s "
    "AND (last_seen_at IS NULL OR last_seen_at < now() - make_interval(secs => :every))"
)


def _seen(conn: Connection, station: uuid.UUID) -> None:
    """last_seen_at = now, at most once a minute (a bootstrap pulls many pages)."""
    fast_sql.execute(conn, _SEEN, {"s": station, "every": SEEN_EVERY_SECONDS})


@dataclass(frozen=True)
class TableCheck:
    count: int
    hash: int
    match: bool


def table_figures(conn: Connection, station: uuid.UUID, tables: list[str]) -> dict[str, tuple[int, int]]:
    """Per table: live rows visible to the station, and protocol.table_hash of (id, version)."""
    rows = conn.execute(
        text(
            "SELECT tbl, count(*), coalesce(sum(('x' || substr(md5(id::text || ':' || version::text), 1, 16))"
            f"::bit(64)::bigint::numeric), 0)::text FROM replica_row WHERE NOT deleted AND {VISIBLE} "
            "AND tbl = ANY(CAST(:tables AS text[])) GROUP BY tbl"
        ),
        {**_params(station), "tables": tables},
    )
    figures = {tbl: (0, 0) for tbl in tables}
    for tbl, count, total in rows:
        figures[tbl] = (count, int(total) % (1 << 64))
    return figures


def check(conn: Connection, station: uuid.UUID, counts_hashes: dict[str, tuple[int, int]],
          figures: dict[str, tuple[int, int]] | None = None) -> dict[str, TableCheck]:
    """Compare the station's (count, hash) per table with HQ's (`figures`: HQ's kept ones,
    app.hq.table_hashes; else a full recount); mismatches are re-pulled by table."""
    if figures is None:
        figures = table_figures(conn, station, sorted(counts_hashes))
    return {
        tbl: TableCheck(count, digest, (count, digest) == tuple(counts_hashes[tbl])) for tbl, (count, digest) in figures.items()
    }
