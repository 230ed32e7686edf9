"""What a push's enterprises need from the database, read and locked for the whole batch at once.

Merging one enterprise asked PostgreSQL six or seven questions (its alias, its stored credit
code, the code locks, the row lock, who else holds the code, twice), one round trip each: a
1,000-row push spent ~1.5 s waiting on them (benchmarks/README.md, "Issue 14").  `prefetch`
asks each question once for the batch, in the same order of locks as row by row (codes, sorted,
before rows, sorted by id), and app.hq.merge takes the answers from here.  The rows' updates and
conflict entries are held back and sent as one statement each (`flush`), before anything reads
an enterprise row from the database again and at the end of the batch:

- a locked row image is handed out once (`take_row`): whatever is written afterwards is read
  again from the database, so a row the batch touches twice (a duplicate, an alias, a merge
  survivor) is never seen stale;
- "who else holds this code" is answered from here only for a code that appears in exactly one
  row of the batch (incoming or stored): then no other row of the batch can change its holders,
  and every lookup of it happens before that row's own write.  Any other code asks the database.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row

from app.hq import fast_sql, json_text
from app.hq.apply_context import MISSING
from app.hq.dedupe import code_of
from app.hq.driver_sql import driver
from app.hq.wire import WireRow


@dataclass
class Prefetched:
    aliases: dict[str, str]
    stored_codes: dict[uuid.UUID, str | None]  # targets looked for and absent (new rows)
    rows: dict[uuid.UUID, Row[Any]]
    holders: dict[str, list[uuid.UUID]]
    unmerged: set[frozenset[uuid.UUID]]
    single: set[str] = field(default_factory=set)
    locked_codes: set[str] = field(default_factory=set)
    # writes held back and sent together (`flush`): before anything reads enterprise rows again
    updates: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def target(self, row_id: uuid.UUID) -> uuid.UUID:
        return uuid.UUID(self.aliases.get(str(row_id), str(row_id)))

    def take_row(self, target: uuid.UUID) -> Any:
        """The row as locked by the prefetch, the first time only (None: it did not exist)."""
        if target in self.rows:
            return self.rows.pop(target)
        if target in self.stored_codes:  # looked for and absent: a new row (it stays unknown afterwards)
            del self.stored_codes[target]
            return None
        return MISSING

    def flush(self, conn: Connection) -> None:
        flush(conn, self)

    def live_by_code(self, code: str, exclude: uuid.UUID) -> Any:
        if code not in self.single:
            return MISSING
        found = [h for h in self.holders.get(code, ()) if h != exclude and frozenset((h, exclude)) not in self.unmerged]
        return min(found) if found else None


_UPDATE = driver(
    "UPDATE replica_row r SET data = u.d, field_hlc = u.h, field_station = u.s, deleted = u.x, "
    "version = r.version + 1, updated_at = now(), echo_to = u.e, "
    "echo_version = CASE WHEN u.e IS NULL THEN NULL ELSE r.version + 1 END "
    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS u(i uuid, d jsonb, h jsonb, s jsonb, x boolean, e uuid) "
    "WHERE r.tbl = 'enterprise' AND r.id = u.i"
)
_CONFLICTS = driver(
    "INSERT INTO conflict_log (tbl, row_id, field, winning_value, losing_value, winning_hlc, losing_hlc, "
    "winning_station_id, losing_station_id) SELECT 'enterprise', u.r, u.f, CAST(u.wv AS jsonb), CAST(u.lv AS jsonb), "
    "u.wh, u.lh, u.ws, u.ls FROM ROWS FROM (jsonb_to_recordset(CAST(:rows AS jsonb)) "
    "AS (r uuid, f text, wv text, lv text, wh bigint, lh bigint, ws uuid, ls uuid)) WITH ORDINALITY "
    "AS u(r, f, wv, lv, wh, lh, ws, ls, n) ORDER BY n"
)


# Each pushed id, its survivor when it was merged (enterprise_alias), and the stored credit code
# of that target (NULL: none, or no such row): the aliases and the codes in one round trip.
# Scalar subqueries: one index probe each per id, whatever the statistics or the plan cache
# (a join planned for "10 ids" read the whole alias table).
_TARGETS = driver("SELECT i.id, a.s, (SELECT r.data->>'credit_code' FROM replica_row r WHERE r.tbl = 'enterprise' "
                  "AND r.id = coalesce(a.s, i.id)) FROM unnest(CAST(:ids AS uuid[])) AS i(id), "
                  "LATERAL (SELECT (SELECT survivor_id FROM enterprise_alias WHERE merged_id = i.id) AS s) a")


_LOCK_CODES = driver("SELECT pg_advisory_xact_lock(hashtextextended('credit_code:' || k, 0)) "
                     "FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS u(k, n)")
# one primary-key probe and lock per id, in the order of `ids` (sorted), whatever the statistics
# (as app.hq.owned's _LOCK).  A station's push turned generic plans on with its claim
# (app.hq.push.GENERIC_PLANS_ON) for this statement and _TARGETS; this one turns them off for the
# rest of the transaction (an uncorrelated one-time filter: evaluated once, even when no row is
# locked; NULL: back to the session's setting).
GENERIC_PLANS_OFF = "(SELECT set_config('plan_cache_mode', NULL, true)) IS NOT NULL"
_LOCK_ROWS = driver("SELECT r.id, r.station_id, r.version, r.deleted, r.data, r.field_hlc, r.field_station "
                    "FROM unnest(CAST(:ids AS uuid[])) AS u(id) CROSS JOIN LATERAL (SELECT * FROM replica_row x "
                    f"WHERE x.tbl = 'enterprise' AND x.id = u.id FOR UPDATE) r WHERE {GENERIC_PLANS_OFF}")
_HOLDERS = driver("SELECT data->>'credit_code', id FROM replica_row WHERE tbl = 'enterprise' AND NOT deleted "
                  "AND data->>'credit_code' = ANY(CAST(:codes AS text[]))")
_UNMERGED = driver("SELECT survivor_id, merged_id FROM merge_record WHERE undone_at IS NOT NULL "
                   "AND (survivor_id = ANY(CAST(:ids AS uuid[])) OR merged_id = ANY(CAST(:ids AS uuid[])))")


def flush(conn: Connection, pre: Prefetched | None) -> None:
    """Send the held-back enterprise updates and conflict entries (one statement each)."""
    if pre is None:
        return
    if pre.updates:
        fast_sql.execute(conn, _UPDATE, {"rows": json_text.text(pre.updates)})
        pre.updates.clear()
    if pre.conflicts:
        fast_sql.execute(conn, _CONFLICTS, {"rows": json_text.text(pre.conflicts)})
        pre.conflicts.clear()


def prefetch(conn: Connection, rows: Sequence[WireRow]) -> Prefetched | None:
    """Resolve, read and lock what merging `rows` (pushed enterprises) needs; None for none."""
    if not rows:
        return None
    aliases: dict[str, str] = {}
    stored: dict[uuid.UUID, str | None] = {}
    for row_id, survivor, code in fast_sql.rows(conn, _TARGETS, {"ids": "{" + ",".join(str(r.id) for r in rows) + "}"}):
        if survivor is not None:
            aliases[str(row_id)] = str(survivor)
        stored[survivor or row_id] = code
    targets = sorted({uuid.UUID(aliases.get(str(r.id), str(r.id))) for r in rows})
    ids = "{" + ",".join(map(str, targets)) + "}"
    per_row: list[set[str]] = []
    for row in rows:
        target = uuid.UUID(aliases.get(str(row.id), str(row.id)))
        per_row.append({c for c in (code_of(row.data), stored.get(target)) if c})
    counts = Counter(code for codes in per_row for code in codes)
    codes = sorted(counts)
    if codes:  # code locks before row locks, sorted: the order app.hq.merge keeps row by row
        fast_sql.rows(conn, _LOCK_CODES, {"keys": codes})
    locked = {r.id: r for r in fast_sql.rows(conn, _LOCK_ROWS, {"ids": ids}, named=True)}
    holders: dict[str, list[uuid.UUID]] = {}
    unmerged: set[frozenset[uuid.UUID]] = set()
    if codes:  # no code anywhere in the batch: no merge to decide, no holders or unmerged pairs to know
        for code, holder in fast_sql.rows(conn, _HOLDERS, {"codes": codes}):
            holders.setdefault(code, []).append(holder)
        everyone = "{" + ",".join(sorted({*map(str, targets), *(str(r.id) for r in rows)})) + "}"
        unmerged = {frozenset((s, m)) for s, m in fast_sql.rows(conn, _UNMERGED, {"ids": everyone})}
    absent: dict[uuid.UUID, str | None] = {t: None for t in targets if t not in locked}
    return Prefetched(aliases, absent, dict(locked), holders, unmerged, {code for code, n in counts.items() if n == 1},
                      set(codes))
