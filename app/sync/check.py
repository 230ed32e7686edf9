"""The sanity check (trap 11): per-table count and order-independent hash of (id, version).

Both sides count live rows only (`deleted = false`): a bootstrapped station never
receives tombstones, an old one keeps them, and both must agree.  The hash is
protocol.table_hash over canonical uuid text (an unsigned 64-bit JSON integer).

The station keeps its figures current (`sync_table_hash`, fed by the triggers of
app/sync/capture.py through `sync_hash_delta`), so `maintained()` costs O(changes since
the last check); `local_summary()` is the O(rows) full computation, used once per table
after a bootstrap and by `station-desk sync --check` to audit the kept figures.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from app.sync.codec import uuid_out
from app.sync.own_rows import own_live_rows
from app.sync.protocol import SYNCED_TABLES

log = logging.getLogger(__name__)
_MASK = (1 << 64) - 1
_SIGN = 1 << 63


def to_signed(h: int) -> int:
    """The unsigned 64-bit hash as SQLite stores it (two's complement)."""
    h &= _MASK
    return h - (1 << 64) if h >= _SIGN else h


def row_hash(row_id: str, version: int) -> int:
    """One live row's contribution; `row_id` as stored (32 hex), hashed as canonical uuid text."""
    return int(hashlib.md5(f"{uuid_out(row_id)}:{version}".encode()).hexdigest()[:16], 16)


def local_summary(conn: Connection, tables: tuple[str, ...] = SYNCED_TABLES) -> dict[str, dict[str, Any]]:
    """{tbl: {"count": n, "hash": h}} of this station's live rows."""
    summary: dict[str, dict[str, Any]] = {}
    md5 = hashlib.md5
    for tbl in tables:
        total = count = 0
        for row_id, version in conn.exec_driver_sql(f"SELECT id, version FROM {tbl} WHERE deleted = 0"):
            total += int(md5(f"{uuid_out(row_id)}:{version}".encode()).hexdigest()[:16], 16)
            count += 1
        summary[tbl] = {"count": count, "hash": total & _MASK}
    return summary


def _store(conn: Connection, figures: dict[str, dict[str, Any]]) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_table_hash(tbl, count, hash) VALUES (?, ?, ?) "
        "ON CONFLICT(tbl) DO UPDATE SET count = excluded.count, hash = excluded.hash",
        [(t, f["count"], to_signed(f["hash"])) for t, f in figures.items()],
    )


def maintained(conn: Connection, *, audit: bool = False) -> dict[str, dict[str, Any]]:
    """Every synced table's figures from the kept state: logged deltas are folded in, a
    table without state is computed in full and stored.  `audit` computes every table in
    full, logs and repairs kept figures that drifted.  Runs in its own write transaction
    (taken first, so no local edit slips between reading and storing); `conn` must have
    none open."""
    with conn.begin():
        conn.exec_driver_sql("DELETE FROM sync_table_hash WHERE tbl = ''")  # takes the write lock now
        kept = {
            t: {"count": int(c), "hash": int(h) & _MASK}
            for t, c, h in conn.exec_driver_sql("SELECT tbl, count, hash FROM sync_table_hash")
        }
        top = 0
        for seq, tbl, row_id, version, sign in conn.exec_driver_sql(
            "SELECT seq, tbl, row_id, version, sign FROM sync_hash_delta ORDER BY seq"
        ):
            top = seq
            figures = kept.get(tbl)
            if figures is None:  # logged before the table's state was dropped: it is recomputed below
                continue
            figures["count"] += sign
            figures["hash"] = (figures["hash"] + sign * row_hash(row_id, version)) & _MASK
        if top:
            conn.exec_driver_sql("DELETE FROM sync_hash_delta WHERE seq <= ?", (top,))
        known = {t: kept[t] for t in SYNCED_TABLES if t in kept}
        missing = tuple(t for t in SYNCED_TABLES if t not in kept)
        summary = {**known, **local_summary(conn, missing)} if missing else known
        if audit:
            full = local_summary(conn, tuple(known))
            drifted = [t for t in known if full[t] != known[t]]
            if drifted:
                log.warning("kept sanity-check figures drifted in %s (kept %s, actual %s): repaired",
                            drifted, {t: known[t] for t in drifted}, {t: full[t] for t in drifted})
            summary.update(full)
        _store(conn, {t: summary[t] for t in SYNCED_TABLES})
        return {t: summary[t] for t in SYNCED_TABLES}


def forget(conn: Connection) -> None:
    """Kept figures are unknown from now on (a bootstrap): triggers go silent until the
    next check computes every table once.  Inside the caller's transaction."""
    conn.exec_driver_sql("DELETE FROM sync_table_hash")
    conn.exec_driver_sql("DELETE FROM sync_hash_delta")


def mismatched(local: dict[str, dict[str, Any]], answer: dict[str, Any]) -> list[str]:
    """Tables whose HQ figures differ from ours.  Accepts HQ's own list (`mismatched`)
    or its figures per table (`tables`)."""
    if isinstance(answer.get("mismatched"), list):
        return [t for t in answer["mismatched"] if t in local]
    theirs = answer.get("tables", {})
    bad = []
    for tbl, mine in local.items():
        hq = theirs.get(tbl)
        if hq is None:
            bad.append(tbl)
            continue
        if int(hq.get("count", -1)) != mine["count"] or int(str(hq.get("hash", "-1"))) != int(mine["hash"]):
            bad.append(tbl)
    return bad


def with_quarantine(conn: Connection, figures: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """`figures` as if every quarantined row (app/sync/quarantine.py) had applied.

    Why: HQ counts a quarantined row at the version that failed here, while this station
    holds an older version of it or nothing.  Compared as they are, the figures differ on
    every sync; the repair re-pulls the whole table, the row fails again, and the check
    stays owed, so every later sync repeats the full re-pull.  Taken as "what we would
    hold had it applied" (our live version out, HQ's version in, nothing in for a
    tombstone), the figures compare like with like: a real difference elsewhere is still
    found, and the bad row is listed on the 同步 page instead of being re-pulled forever."""
    adjusted = {t: dict(f) for t, f in figures.items()}
    for tbl, row_id, raw in conn.exec_driver_sql("SELECT tbl, row_id, raw FROM sync_quarantine").all():
        fig = adjusted.get(tbl)
        if fig is None:
            continue
        local = conn.exec_driver_sql(f"SELECT version FROM {tbl} WHERE id = ? AND deleted = 0", (row_id,)).first()
        if local is not None:
            fig["count"] -= 1
            fig["hash"] = (fig["hash"] - row_hash(row_id, int(local[0]))) & _MASK
        theirs = json.loads(raw)
        if not theirs.get("deleted"):
            fig["count"] += 1
            fig["hash"] = (fig["hash"] + row_hash(row_id, int(theirs["version"]))) & _MASK
    return adjusted


def compare(conn: Connection, ask: Callable[[dict[str, dict[str, Any]]], dict[str, Any]], *, audit: bool = False) -> list[str]:
    """Tables whose figures differ at HQ, ours from the kept state (`maintained`) less the
    station's own reference rows (`without_own`), read as if quarantined rows had applied
    (`with_quarantine`)."""
    figures = with_quarantine(conn, without_own(conn, maintained(conn, audit=audit)))
    return mismatched(figures, ask(figures))


def without_own(conn: Connection, figures: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The figures HQ can match: the station's own reference rows (app/sync/own_rows.py) are
    never at HQ, so they are taken out here; the kept figures still count them, so an edit of
    one cannot make them drift."""
    out = dict(figures)
    for tbl, rows in own_live_rows(conn).items():
        if tbl in out:
            own = sum(row_hash(row_id, version) for row_id, version in rows)
            out[tbl] = {"count": out[tbl]["count"] - len(rows), "hash": (out[tbl]["hash"] - own) & _MASK}
    return out
