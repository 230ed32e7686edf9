"""The sanity check's figures as HQ keeps them (migration 0007): per (table, scope) the count and
hash of live rows, base plus the deltas the replica_row triggers append.  Reading them costs
O(deltas since the last fold), not O(rows the station can see); `app.hq.pull.table_figures`
is the full recount the kept figures must always equal (tests/hq/test_table_hashes.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, text

from app.hq import fast_sql
from app.sync.protocol import STATION_OWNED

NIL = uuid.UUID(int=0)
FOLD_AT = 200  # deltas of one (table, scope) past which a check folds them into the base
_MOD = 1 << 64


def figures_sql(station: str) -> str:
    """The kept figures of the tables in `%(ftbls)s` as the station `station` (an SQL uuid
    expression) sees them: tbl, scope, count, hash (text), deltas.  Scopes come from
    hq_hash_scope, the function migration 0007's triggers file the deltas under.  One
    definition for `kept_figures` and the pull's preamble (app.hq.pull), which reads them
    with the page's snapshot."""
    return (
        "SELECT w.tbl, w.scope, coalesce(b.count, 0) + coalesce(d.count, 0), "
        "mod(mod(coalesce(b.hash, 0) + coalesce(d.hash, 0), 18446744073709551616) + 18446744073709551616, "
        "18446744073709551616)::text, coalesce(d.n, 0) "
        f"FROM (SELECT t AS tbl, hq_hash_scope(t, {station}) AS scope FROM unnest(CAST(%(ftbls)s AS text[])) t) w "
        "LEFT JOIN hq_table_hash b ON b.tbl = w.tbl AND b.scope = w.scope "
        "LEFT JOIN LATERAL (SELECT sum(x.count) AS count, sum(x.hash) AS hash, count(*) AS n FROM hq_table_hash_delta x "
        "WHERE x.tbl = w.tbl AND x.scope = w.scope) d ON true"
    )


_READ = figures_sql("CAST(%(station)s AS uuid)")
_FOLD = text(
    "WITH d AS (DELETE FROM hq_table_hash_delta WHERE tbl = :t AND scope = :s RETURNING count, hash) "
    "INSERT INTO hq_table_hash (tbl, scope, count, hash) "
    "SELECT :t, :s, coalesce(sum(count), 0), coalesce(sum(hash), 0) FROM d "
    "ON CONFLICT (tbl, scope) DO UPDATE SET count = hq_table_hash.count + EXCLUDED.count, "
    "hash = mod(mod(hq_table_hash.hash + EXCLUDED.hash, 18446744073709551616) + 18446744073709551616, "
    "18446744073709551616)"
)


def scope_of(tbl: str, station: uuid.UUID) -> uuid.UUID:
    return station if tbl in STATION_OWNED else NIL


def kept_figures(conn: Connection, station: uuid.UUID,
                 tables: Iterable[str]) -> tuple[dict[str, tuple[int, int]], list[tuple[str, uuid.UUID]]]:
    """(count, hash) per table as `station` sees it, and the (table, scope) pairs due a fold."""
    rows = fast_sql.rows(conn, _READ, {"ftbls": sorted(set(tables)), "station": station})
    return read_figures(rows)


def read_figures(rows: Iterable[Sequence[Any]]) -> tuple[dict[str, tuple[int, int]], list[tuple[str, uuid.UUID]]]:
    """`figures_sql`'s rows as (count, hash) per table, and the (table, scope) pairs due a fold."""
    figures, due = {}, []
    for tbl, scope, count, digest, deltas in rows:
        figures[tbl] = (int(count), int(digest) % _MOD)
        if deltas > FOLD_AT:
            due.append((tbl, scope if isinstance(scope, uuid.UUID) else uuid.UUID(scope)))
    return figures, due


def fold(conn: Connection, pairs: Iterable[tuple[str, uuid.UUID]]) -> None:
    """Move the deltas of each (table, scope) into its base row (a write transaction).  Safe
    beside pushes (they only insert deltas) and beside another fold (a delta is deleted once)."""
    for tbl, scope in sorted(pairs):
        conn.execute(_FOLD, {"t": tbl, "s": scope})
