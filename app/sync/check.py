"""The sanity check (trap 11): per-table count and order-independent hash of (id, version).

Both sides count live rows only (`deleted = false`): a bootstrapped station never
receives tombstones, an old one keeps them, and both must agree.  The hash is
protocol.table_hash over canonical uuid text (an unsigned 64-bit JSON integer).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy import Connection

from app.sync.codec import uuid_out
from app.sync.protocol import SYNCED_TABLES

_MASK = (1 << 64) - 1


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


BIG_TABLE = 20_000


def compare(conn: Connection, ask: Callable[[dict[str, dict[str, Any]]], dict[str, Any]]) -> list[str]:
    """Tables whose figures differ at HQ.  Hashing is the slow part (~5 µs a row in Python),
    so tables go biggest first and HQ is asked about each big one while the next is hashed:
    HQ's own hashing then overlaps ours.  One read transaction: a consistent snapshot."""
    counts = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t} WHERE deleted = 0").scalar_one() for t in SYNCED_TABLES}
    asked: list[tuple[dict[str, dict[str, Any]], Future[dict[str, Any]]]] = []
    small: dict[str, dict[str, Any]] = {}
    with ThreadPoolExecutor(max_workers=1) as pool:
        for tbl in sorted(SYNCED_TABLES, key=lambda t: -counts[t]):
            figures = local_summary(conn, (tbl,))
            if counts[tbl] >= BIG_TABLE:
                asked.append((figures, pool.submit(ask, figures)))
            else:
                small.update(figures)
        if small:
            asked.append((small, pool.submit(ask, small)))
        return [tbl for figures, answer in asked for tbl in mismatched(figures, answer.result())]
