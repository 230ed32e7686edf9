"""Push: idempotent batches from the outbox (docs/sync-protocol.md, "Push").

The batch (id, max_seq) is committed before anything is sent and reused until HQ
answers, so a lost reply is resent under the same id and HQ says "already applied".
Only outbox entries up to max_seq are deleted on the answer: an edit made while the
push was in flight has a higher seq and stays queued.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from app.models.types import uuid7
from app.sync.capture import ALL_FIELDS, live_columns, merged_fields
from app.sync.codec import codec, dt_in, uuid_in
from app.sync.protocol import MAX_PUSH_ROWS, PUSH_BATCH_BYTES, SHARED, SYNCED_TABLES, dumps

# sync_field_clock row holding the highest HQ stamp of an enterprise as last pulled
BASE_FIELD = "*"


@dataclass(frozen=True)
class Batch:
    batch_id: str
    max_seq: int


@dataclass
class PushOutcome:
    rows: int = 0
    rejected: int = 0
    conflicts: int = 0
    already_applied: bool = False
    rejections: list[dict[str, Any]] = field(default_factory=list)


def pending_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one())


def open_batch(engine: Engine, max_rows: int = MAX_PUSH_ROWS) -> Batch | None:
    """The unanswered batch, or a new one over the oldest outbox entries (committed now)."""
    with engine.begin() as conn:
        row = conn.exec_driver_sql("SELECT batch_id, max_seq FROM sync_push_batch").first()
        if row is not None:
            return Batch(row[0], row[1])
        max_seq = conn.exec_driver_sql(
            "SELECT max(seq) FROM (SELECT seq FROM sync_outbox ORDER BY seq LIMIT ?)", (max_rows,)
        ).scalar()
        if max_seq is None:
            return None
        batch = Batch(str(uuid7()), int(max_seq))
        conn.exec_driver_sql(
            "INSERT INTO sync_push_batch(batch_id, max_seq, created_at) VALUES (?, ?, strftime('%Y-%m-%d %H:%M:%f000', 'now'))",
            (batch.batch_id, batch.max_seq),
        )
        return batch


def batch_rows(engine: Engine, batch: Batch) -> list[dict[str, Any]]:
    """The current row of every (tbl, row_id) queued up to max_seq, parents first."""
    rows: list[dict[str, Any]] = []
    with engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT DISTINCT tbl FROM sync_outbox WHERE seq <= ?", (batch.max_seq,))}
        for tbl in (t for t in SYNCED_TABLES if t in tables):
            c = codec(tbl)
            queued = "SELECT row_id FROM sync_outbox WHERE tbl = ? AND seq <= ?"
            result = conn.exec_driver_sql(
                f"SELECT {', '.join(c.columns)} FROM {tbl} WHERE id IN ({queued})", (tbl, batch.max_seq)
            )
            wire = [c.to_wire(tuple(r)) for r in result]
            if tbl in SHARED:
                clocks: dict[str, dict[str, int]] = defaultdict(dict)
                for row_id, fld, hlc in conn.exec_driver_sql(
                    f"SELECT row_id, field, hlc FROM sync_field_clock WHERE tbl = ? AND row_id IN ({queued})",
                    (tbl, tbl, batch.max_seq),
                ):
                    clocks[row_id][fld] = hlc
                fields = merged_fields(tbl, live_columns(conn, [tbl])[tbl])  # what the insert trigger stamps
                for w in wire:
                    stamps = _with_inserted(clocks.get(uuid_in(w["id"]) or "", {}), fields)
                    base = stamps.pop(BASE_FIELD, None)
                    w["field_hlc"] = stamps
                    if base is not None:  # we had seen HQ's values up to this stamp: not a conflict
                        w["field_base_hlc"] = dict.fromkeys(stamps, base)
            rows.extend(wire)
    return rows


def _with_inserted(stamps: dict[str, int], fields: list[str]) -> dict[str, int]:
    """A row's field stamps with its ALL_FIELDS stamp (a local insert) spelled out: every
    merged field at the later of the insert's hlc and its own (an edit after the insert),
    in field order as the per-field rows of sync_field_clock's key gave them."""
    inserted = stamps.pop(ALL_FIELDS, None)
    if inserted is None:
        return stamps
    spelled = dict.fromkeys(fields, inserted)
    for name, hlc in stamps.items():
        spelled[name] = max(hlc, spelled.get(name, hlc))
    return dict(sorted(spelled.items()))


def fit_batch(engine: Engine, batch: Batch, rows: list[dict[str, Any]], budget: int = PUSH_BATCH_BYTES
              ) -> tuple[Batch, list[dict[str, Any]]]:
    """The batch cut so its request's JSON stays within `budget` bytes (HQ refuses a push
    over protocol.MAX_PUSH_JSON_BYTES with 413, and a station must never wedge on it).

    Rows are taken in the order they were first queued; the first that would overflow and
    every later one wait: `max_seq` drops below its first outbox entry (stored, so a resend
    of this batch id carries the same rows or fewer).  At least one row always goes: a row
    is at most ~400 KB (the row rules' 65,536 characters), far below the budget."""
    sizes = {(r["tbl"], r["id"]): len(dumps(r)) + 1 for r in rows}  # and its comma
    total = len(dumps({"batch_id": batch.batch_id, "rows": []}))
    if total + sum(sizes.values()) <= budget:
        return batch, rows
    with engine.begin() as conn:
        first = {(tbl, row_id): int(seq) for tbl, row_id, seq in conn.exec_driver_sql(
            "SELECT tbl, row_id, min(seq) FROM sync_outbox WHERE seq <= ? GROUP BY tbl, row_id", (batch.max_seq,))}
        queued = sorted((first[(key[0], uuid_in(key[1]) or "")], key) for key in sizes)
        max_seq = batch.max_seq
        for n, (seq, key) in enumerate(queued):
            total += sizes[key]
            if total > budget and n > 0:
                max_seq = seq - 1
                break
        conn.exec_driver_sql("UPDATE sync_push_batch SET max_seq = ? WHERE batch_id = ?", (max_seq, batch.batch_id))
    going = {key for seq, key in queued if seq <= max_seq}
    return Batch(batch.batch_id, max_seq), [r for r in rows if (r["tbl"], r["id"]) in going]


def acknowledge(engine: Engine, batch: Batch, sent: list[dict[str, Any]], answer: dict[str, Any], *, clear_all: bool = False) -> PushOutcome:
    """Apply HQ's answer in one local transaction.  `clear_all` is the broken variant
    (drop the whole outbox, as a dirty flag would) kept only so tests can prove they catch it."""
    rejections = [r for r in answer.get("rejected", []) if isinstance(r, dict)]
    conflicts = answer.get("conflicts", 0)
    outcome = PushOutcome(
        rows=len(sent),
        rejected=len(rejections),
        conflicts=len(conflicts) if isinstance(conflicts, list) else int(conflicts or 0),
        already_applied=answer.get("status") == "already_applied",
        rejections=rejections,
    )
    by_key = {(r["tbl"], r["id"]): r for r in sent}
    with engine.begin() as conn:
        if clear_all:
            conn.exec_driver_sql("DELETE FROM sync_outbox")
        else:
            conn.exec_driver_sql("DELETE FROM sync_outbox WHERE seq <= ?", (batch.max_seq,))
        conn.exec_driver_sql(
            "DELETE FROM sync_field_clock WHERE field != ? AND NOT EXISTS (SELECT 1 FROM sync_outbox o "
            "WHERE o.tbl = sync_field_clock.tbl AND o.row_id = sync_field_clock.row_id)",
            (BASE_FIELD,),
        )
        _take_versions(conn, answer.get("versions", []))
        for r in rejections:
            tbl, row_id = str(r.get("tbl", "")), str(r.get("id") or "")
            data = by_key.get((tbl, row_id))
            conn.exec_driver_sql(
                "INSERT INTO sync_rejection(batch_id, tbl, row_id, reason, data, at) "
                "VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%d %H:%M:%f000', 'now'))",
                (
                    batch.batch_id,
                    tbl,
                    uuid_in(row_id) if row_id else "",
                    str(r.get("message") or r.get("reason") or ""),
                    json.dumps(data, ensure_ascii=False) if data else "",
                ),
            )
        _store_conflicts(conn, batch, answer.get("conflict_details"))
        conn.exec_driver_sql("DELETE FROM sync_push_batch WHERE batch_id = ?", (batch.batch_id,))
    return outcome


def _store_conflicts(conn: Connection, batch: Batch, details: Any) -> None:
    """Keep what HQ says it decided (an additive answer field: an older HQ sends none).
    A malformed entry is skipped, never a reason to fail the acknowledgement."""
    if not isinstance(details, list):
        return
    rows = []
    for d in details:
        if not isinstance(d, dict) or not isinstance(d.get("tbl"), str) or not isinstance(d.get("field"), str):
            continue
        try:
            row_id = uuid_in(str(d.get("id")))
            at = dt_in(d["at"]) if isinstance(d.get("at"), str) else None
        except (ValueError, TypeError):
            continue
        rows.append((
            batch.batch_id, d["tbl"][:40], row_id, d["field"][:64],
            json.dumps(d.get("losing_value"), ensure_ascii=False), json.dumps(d.get("winning_value"), ensure_ascii=False),
            str(d.get("winner") or "")[:64], str(d.get("loser") or "")[:64], at,
        ))
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict(batch_id, tbl, row_id, field, losing_value, winning_value, winner, loser, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%d %H:%M:%f000', 'now')))",
            rows,
        )


def _take_versions(conn: Connection, versions: list[Any]) -> None:
    """HQ numbers versions itself; adopt its number for rows not edited again since, so
    the (id, version) check agrees without waiting for the echo (HQ sends none when a
    push changed nothing)."""
    conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
    for item in versions:
        tbl = item.get("tbl") if isinstance(item, dict) else None
        if tbl not in SYNCED_TABLES or not isinstance(item.get("version"), int):
            continue
        row_id = uuid_in(str(item.get("id")))
        conn.exec_driver_sql(
            f"UPDATE {tbl} SET version = ? WHERE id = ? AND version != ? AND NOT EXISTS "
            "(SELECT 1 FROM sync_outbox WHERE tbl = ? AND row_id = ?)",
            (item["version"], row_id, item["version"], tbl, row_id),
        )
    conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
