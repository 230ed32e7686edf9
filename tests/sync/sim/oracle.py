"""The oracle's write log: every enterprise write HQ *applied*, recorded from the push
batches as they pass the wire (value, hlc as HQ clamped it, writer, base), plus HQ's own
edits.  A deletion HQ held back as a request (another station registered or served the
enterprise: app.hq.enterprise_requests) is not a write, and the enterprise stays live;
`check_holds` confirms, with its own query, that each hold HQ announced was due.
Rows HQ rejected (the hostile station's) are never recorded: they change nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from app.hq.merge import clamp_hlc

from .stats import STATS

if TYPE_CHECKING:
    from .world import Simulation

CHECKED = ("name", "contact_name", "notes", "address", "employees", "deleted")
REF_TABLES = ("service_record", "demand", "event_attendance")


@dataclass
class Write:
    group: str  # enterprise id as written (resolved to its survivor at check time)
    field: str
    value: Any
    hlc: int
    writer: str  # station id text, "" for HQ
    base: int | None


def record_push(
    sim: Simulation, code: str, station_id: uuid.UUID, rows: list[dict[str, Any]], hq_ms: int, held: set[str],
    rejected: frozenset[str] = frozenset(),
) -> None:
    """The enterprise writes of one applied push by station `code`; `rejected`: row ids HQ refused."""
    prefix = "hostile:" if code == "HX" else ""  # the honest stations' figures stay comparable with older runs
    with sim.lock:
        for row in rows:
            if row.get("tbl") != "enterprise" or row["id"] in rejected:
                continue
            if row["id"] in held:  # its deletion waits for HQ: the enterprise stays live
                STATS[prefix + "held_for_hq"] += 1
                key = ("enterprise", uuid.UUID(row["id"]).hex)
                sim.deleted_by[key].discard(code)
                if not sim.deleted_by[key]:
                    sim.deleted.discard(key)
            base = row.get("field_base_hlc") or {}
            for name, stamp in (row.get("field_hlc") or {}).items():
                hlc = clamp_hlc(hq_ms, stamp)
                STATS[prefix + "clamped"] += hlc != stamp
                if name not in CHECKED or (name in base and hlc <= base[name]):
                    continue
                if name == "deleted" and row["id"] in held:
                    continue
                value = row["deleted"] if name == "deleted" else row["data"].get(name)
                sim.writes.append(Write(row["id"], name, value, hlc, str(station_id), base.get(name)))


def check_holds(sim: Simulation, station_id: uuid.UUID, held: set[str]) -> None:
    """Each enterprise HQ held a change to was not `station_id`'s alone: another station (or
    HQ) registered it, or another station has a live row naming it."""
    if not held:
        return
    with sim.hq.connect() as conn:
        for rid in held:
            target = conn.execute(text("SELECT survivor_id FROM enterprise_alias WHERE merged_id = :i"), {"i": rid}).scalar()
            target = target or uuid.UUID(rid)
            registrant = conn.execute(
                text("SELECT station_id FROM replica_row WHERE tbl = 'enterprise' AND id = :i"), {"i": target}
            ).scalar()
            served = conn.execute(
                text(
                    "SELECT count(*) FROM replica_row WHERE tbl = ANY(:t) AND NOT deleted "
                    "AND data->>'enterprise_id' = :e AND station_id <> :s"
                ),
                {"t": list(REF_TABLES), "e": str(target), "s": station_id},
            ).scalar_one()
            assert registrant != station_id or served, f"HQ held a change to enterprise {target}, which is the pusher's alone"
