"""Realistic, reproducible demo data for a profile (`station-desk demo-data`, the `--demo` profile).

Everything one call writes goes into ONE transaction, the demo station included: a
cancelled or failed generation leaves the database exactly as it was.  Same seed,
same names, codes and figures (ids are fresh UUIDv7s: two demo profiles must never
share a key if they ever meet at HQ).  Dates run over the 365 days ending today.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.demo import activity as demo_activity
from app.demo import enterprises as demo_enterprises
from app.demo import events as demo_events
from app.demo import reference as demo_reference
from app.demo.context import Ctx, Staff
from app.demo.writer import TableWriter
from app.domain.periods import china_today
from app.models import StaffMember
from app.models.database import Database
from app.models.types import utcnow
from app.services.enterprises import search as enterprise_search
from app.services.station import identity as stations
from app.sync import capture

SEED = 20261127
BATCH = 5000
# Index pages of 1M random-keyed rows do not fit SQLite's default 2 MiB cache; 256 MiB
# doubled the insert rate on service_record.  Restored when the generation ends.
CACHE_KIB = 262_144
NOTE_LIMIT = 20_000

DEMO_STATION = stations.NewStation(
    code="GZ-TH-DEMO",
    name="天河智慧城民营和中小企业服务站",
    district="天河区",
    host_organisation="广州天河智慧城产业园运营管理有限公司",
    manager_name="陈晓敏",
    manager_phone="13802461357",
    address="广州市天河区高普路1023号智慧城服务中心2楼",
    phone="020-38291746",
)

Row = tuple[Any, ...]


@dataclass(frozen=True)
class DemoSummary:
    enterprises: int
    records: int
    demands: int
    events: int
    attendances: int
    staff: int
    institutions: int
    experts: int
    policies: int


class DemoCancelled(Exception):
    """`cancelled()` returned True; everything this generation wrote has been rolled back."""


def generate(
    db: Database,
    *,
    enterprises: int,
    records: int,
    seed: int = SEED,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Add demo data to the profile's station (creating a demo station first if there is none).

    `progress(done, total)` counts rows over all tables; `cancelled()` is asked between
    batches and, when True, raises DemoCancelled after rolling everything back.
    """
    if enterprises < 0 or records < 0:
        raise ValueError("enterprises and records must not be negative")
    if records and not enterprises:
        raise ValueError("service records need at least one enterprise")
    with db.begin() as session:
        conn = session.connection()
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
        try:
            # Demo data is not the station's work and must never reach HQ, so sync capture is
            # off.  Silencing the triggers (sync_control.applying) still cost 2-3x the insert
            # time (measured 26 vs 57 us a service record): they are dropped and re-created
            # from the live schema inside this transaction, so a rollback keeps them.
            # Trap: pysqlite BEGINs only before INSERT/UPDATE/DELETE; DDL sent first would
            # commit on its own and survive a rollback.  Open the transaction explicitly.
            if not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
                conn.exec_driver_sql("BEGIN")
            capture.drop(conn)
            run = _Run(conn, progress, cancelled)
            summary = run.run(session, seed, enterprises, records)
            capture.install(conn)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(previous or -2000)}")
        # Core inserts bypass the ORM: tell the search index, as every enterprise writer must.
        # Re-reading 100k rows before COMMIT costs seconds; past NOTE_LIMIT the index is
        # dropped instead (after COMMIT) and searches use SQL until the next warm_up.
        if len(run.enterprise_ids) <= NOTE_LIMIT:
            enterprise_search.note_changed(session, (uuid.UUID(hex=h) for h in run.enterprise_ids))
    if len(run.enterprise_ids) > NOTE_LIMIT:
        with db.sessions() as session:
            enterprise_search.invalidate(session)
    return summary


class _Run:
    def __init__(self, conn: Connection, progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.conn = conn
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0
        self.total = 0
        self.enterprise_ids: list[str] = []

    def run(self, session: Session, seed: int, enterprises: int, records: int) -> DemoSummary:
        info = stations.current_station(session)
        created = info is None
        if info is None:
            info = stations.create_station(session, DEMO_STATION, demo=True)
        ctx = Ctx(self.conn, seed, info.id, info.name, info.district, china_today(), utcnow())
        self.enterprise_ids = ctx.enterprise_ids
        ctx.staff = self._existing_staff(ctx)

        staff_writer = ctx.writer("staff_member", demo_reference.STAFF_COLUMNS)
        staff = demo_reference.staff_rows(ctx, staff_writer.processor)
        institutions, catalogue = demo_reference.institution_rows(ctx)
        experts = demo_reference.expert_rows(ctx)
        policies = demo_reference.policy_rows(ctx)
        plan = demo_activity.plan(ctx, records, enterprises)
        served = plan.served or list(range(enterprises))
        events = demo_events.plan_events(ctx, len(served))
        transitions = demo_activity.count_transitions(ctx, plan)
        attendances = sum(e.attendees for e in events)
        self.total = (len(staff) + len(institutions) + len(catalogue) + len(experts) + len(policies) + enterprises
                      + records + len(plan.sources) + transitions + len(events) + attendances)
        self._advance(0)

        self._write(staff_writer, staff)
        self._write(ctx.writer("service_institution", demo_reference.INSTITUTION_COLUMNS), institutions)
        self._write(ctx.writer("catalogue_entry", demo_reference.CATALOGUE_COLUMNS), catalogue)
        self._write(ctx.writer("expert", demo_reference.EXPERT_COLUMNS), experts)
        self._write(ctx.writer("policy", demo_reference.POLICY_COLUMNS), policies)
        writer = ctx.writer("enterprise", demo_enterprises.COLUMNS)
        self._write(writer, demo_enterprises.enterprise_rows(ctx, enterprises, writer.processor))
        writer = ctx.writer("service_record", demo_activity.RECORD_COLUMNS)
        self._write(writer, demo_activity.record_rows(ctx, plan, writer.processor))
        self._write_pairs(ctx.writer("demand", demo_activity.DEMAND_COLUMNS),
                          ctx.writer("demand_transition", demo_activity.TRANSITION_COLUMNS),
                          demo_activity.demand_rows(ctx, plan))
        self._write_pairs(ctx.writer("event", demo_events.EVENT_COLUMNS),
                          ctx.writer("event_attendance", demo_events.ATTENDANCE_COLUMNS),
                          demo_events.event_rows(ctx, events, served))
        assert self.done == self.total, (self.done, self.total)
        return DemoSummary(enterprises, records, len(plan.sources), len(events), attendances,
                           len(staff) + created, len(institutions), len(experts), len(policies))

    def _existing_staff(self, ctx: Ctx) -> list[Staff]:
        """The station's current staff, manager first (he dispatches demands)."""
        table = StaffMember.__table__
        rows = self.conn.execute(
            select(table.c.id, table.c.name, table.c.role)
            .where(table.c.station_id == ctx.station_id, table.c.deleted.is_(False), table.c.end_date.is_(None))
            .order_by((table.c.role == "manager").desc(), table.c.created_at)
        ).all()
        return [Staff(ctx.bind_uuid(id_), name, 0.5 if role == "manager" else 1.0) for id_, name, role in rows]

    def _advance(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(self.done, self.total)
        if rows and self.cancelled is not None and self.cancelled():
            raise DemoCancelled()

    def _write(self, writer: TableWriter, rows: Iterable[Row]) -> None:
        it = iter(rows)
        while batch := list(islice(it, BATCH)):
            self._advance(writer.write(batch))

    def _write_pairs(self, parents: TableWriter, children: TableWriter, pairs: Iterable[tuple[Row, list[Row]]]) -> None:
        """Parent rows and their children batch by batch (children reference parents: FK order)."""
        it = iter(pairs)
        while chunk := list(islice(it, BATCH)):
            kids = [kid for _, group in chunk for kid in group]
            written = parents.write([parent for parent, _ in chunk])
            for start in range(0, len(kids), BATCH * 4):
                written += children.write(kids[start : start + BATCH * 4])
            self._advance(written)
