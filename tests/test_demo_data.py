"""Demo data: counts, validity, reproducibility, all-or-nothing, and storage identical to the ORM's."""

from __future__ import annotations

import itertools
import uuid
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from app.demo import data as demo_data
from app.demo.data import DemoCancelled, DemoSummary, generate
from app.demo.writer import TableWriter
from app.domain import districts
from app.domain.credit_code import CodeCheck, check
from app.domain.enterprise_size import classify, standard_row
from app.domain.periods import china_today
from app.models import (
    Base,
    CatalogueEntry,
    Demand,
    DemandTransition,
    Enterprise,
    Event,
    EventAttendance,
    Expert,
    Policy,
    ServiceInstitution,
    ServiceRecord,
    StaffMember,
    Station,
)
from app.models.database import Database, open_database
from app.models.types import utcnow
from app.services.enterprises.names import name_initials
from app.services.station import identity as station_service

ENTERPRISES, RECORDS = 300, 3000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path_factory.mktemp("demo") / "station.db")
    steps: list[tuple[int, int]] = []
    summary = generate(db, enterprises=ENTERPRISES, records=RECORDS, progress=lambda d, t: steps.append((d, t)))
    yield db, summary, steps
    db.dispose()


def _count(db: Database, model: type[Base]) -> int:
    with db.begin() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_summary_matches_database(generated) -> None:  # type: ignore[no-untyped-def]
    db, summary, _ = generated
    assert (summary.enterprises, summary.records, summary.demands) == (ENTERPRISES, RECORDS, RECORDS // 10)
    counts = {
        "enterprises": Enterprise, "records": ServiceRecord, "demands": Demand, "events": Event,
        "attendances": EventAttendance, "staff": StaffMember, "institutions": ServiceInstitution,
        "experts": Expert, "policies": Policy,
    }
    assert {field: _count(db, model) for field, model in counts.items()} == vars(summary)
    assert 4 <= summary.staff <= 8 and 5 <= summary.institutions <= 10
    assert 10 <= summary.experts <= 20 and 15 <= summary.policies <= 30
    assert 24 <= summary.events <= 56 and summary.attendances > 0
    assert _count(db, CatalogueEntry) >= 2 * summary.institutions


def test_demo_station_and_ownership(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = generated
    with db.begin() as session:
        info = station_service.current_station(session)
        assert info is not None and info.is_demo and info.code == "GZ-TH-DEMO" and info.district == "天河区"
        for model in (Enterprise, ServiceRecord, Demand, DemandTransition, Event, EventAttendance, StaffMember,
                      ServiceInstitution, CatalogueEntry, Expert, Policy):
            owners = set(session.scalars(select(model.station_id).distinct()))
            assert owners == {info.id}, model.__tablename__
        staff = session.scalars(select(StaffMember)).all()
        assert sum(s.full_time for s in staff) >= 2
        assert [s.role for s in staff].count("manager") == 1


def test_credit_codes_unique_and_valid_unless_flagged(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = generated
    with db.begin() as session:
        rows = session.execute(select(Enterprise.credit_code, Enterprise.credit_code_warning, Enterprise.district)).all()
    codes = [code for code, _, _ in rows if code]
    assert len(codes) == len(set(codes)) and len(codes) >= 0.95 * len(rows)
    for code, warning, district in rows:
        if code is None:
            assert not warning
            continue
        assert code.startswith("914401") and check(code).status is (CodeCheck.BAD_CHECK if warning else CodeCheck.VALID)
        assert code[2:8] == districts.DISTRICTS[district]
    assert any(warning for _, warning, _ in rows)


def test_sizes_follow_the_standard_and_initials_match_search(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = generated
    with db.begin() as session:
        enterprises = session.scalars(select(Enterprise)).all()
    sizes = Counter(e.size for e in enterprises)
    assert sizes["micro"] > sizes["small"] > sizes["medium"]
    for e in enterprises:
        expected = classify(standard_row(e.industry_section, e.industry_code), e.employees, e.revenue, e.assets)
        assert e.size == (expected.value if expected else None), e.name
        assert e.name_initials == name_initials(e.name), e.name
        assert e.name.startswith("广州") and e.name.endswith("公司")
        assert e.contact_phone == "" or (len(e.contact_phone) == 11 and e.contact_phone[0] == "1")
        assert isinstance(e.id, uuid.UUID) and e.id.version == 7
        assert e.revenue is None or isinstance(e.revenue, Decimal)
    assert len({e.industry_section for e in enterprises}) >= 8


def test_every_foreign_key_resolves(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = generated
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_service_records_look_like_a_year_of_work(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = generated
    today = china_today()
    with db.begin() as session:
        records = session.scalars(select(ServiceRecord)).all()
        served = set(session.scalars(select(ServiceRecord.enterprise_id)))
        attendees = set(session.scalars(select(EventAttendance.enterprise_id)))
    assert all(today - timedelta(days=364) <= r.service_date <= today for r in records)
    assert sum(r.service_date.weekday() < 5 for r in records) > 0.9 * len(records)
    assert sum(r.satisfaction in (4, 5) for r in records) > 0.8 * len(records)
    assert all(r.follow_up_on is None or r.follow_up_on > r.service_date for r in records)
    assert len({r.category for r in records}) == 10 and len({r.channel for r in records}) == 4
    assert any(r.institution_id for r in records) and any(r.expert_id for r in records)
    assert attendees <= served


def test_demand_transitions_tell_each_demands_story(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, _ = generated
    with db.begin() as session:
        demands = {d.id: d for d in session.scalars(select(Demand))}
        steps: dict[uuid.UUID, list[DemandTransition]] = {}
        for t in session.scalars(select(DemandTransition).order_by(DemandTransition.at)):
            steps.setdefault(t.demand_id, []).append(t)
    assert set(steps) == set(demands)
    assert {d.status for d in demands.values()} == {"accepted", "dispatched", "handling", "replied", "closed", "followed_up"}
    now = utcnow()
    for demand_id, chain in steps.items():
        demand = demands[demand_id]
        assert chain[0].from_status is None and chain[0].to_status == "accepted"
        assert all(a.to_status == b.from_status for a, b in itertools.pairwise(chain))
        assert chain[-1].to_status == demand.status and chain[-1].at <= now
        assert (demand.closed_at is not None) == (demand.status in ("closed", "followed_up"))
        assert (demand.satisfaction is not None) == (demand.status == "followed_up")
        assert demand.received_on <= demand.due_on


def test_progress_counts_every_row_once(generated) -> None:  # type: ignore[no-untyped-def]
    db, _, steps = generated
    total = steps[0][1]
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    assert all(a[0] < b[0] for a, b in itertools.pairwise(steps))
    with db.engine.connect() as conn:
        rows = sum(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in (
            "enterprise", "service_record", "demand", "demand_transition", "event", "event_attendance",
            "staff_member", "service_institution", "catalogue_entry", "expert", "policy"))
    assert total == rows - 1  # the manager comes with the station, outside the progress count


def _fingerprint(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with db.begin() as session:
        firms = session.execute(
            select(Enterprise.name, Enterprise.credit_code, Enterprise.name_initials, Enterprise.district,
                   Enterprise.employees, Enterprise.revenue, Enterprise.size).order_by(Enterprise.name)
        ).all()
        records = session.execute(
            select(Enterprise.name, ServiceRecord.service_date, ServiceRecord.category, ServiceRecord.summary)
            .join(Enterprise, ServiceRecord.enterprise_id == Enterprise.id)
            .order_by(Enterprise.name, ServiceRecord.service_date, ServiceRecord.category, ServiceRecord.summary)
        ).all()
    return [tuple(r) for r in firms], [tuple(r) for r in records]


def test_same_seed_same_data_in_two_fresh_profiles(tmp_path: Path) -> None:
    prints, ids = [], []
    for name in ("a", "b"):
        db = open_database(tmp_path / f"{name}.db")
        generate(db, enterprises=80, records=400, seed=7)
        prints.append(_fingerprint(db))
        with db.begin() as session:
            ids.append(set(session.scalars(select(Enterprise.id))))
        db.dispose()
    assert prints[0] == prints[1]
    assert not ids[0] & ids[1]  # fresh UUIDv7s: two demo profiles never share a key
    other = open_database(tmp_path / "c.db")
    generate(other, enterprises=80, records=400, seed=8)
    assert _fingerprint(other)[0] != prints[0][0]
    other.dispose()


def _snapshot(db: Database) -> dict[str, object]:
    with db.engine.connect() as conn:
        tables = [row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").all() for t in tables} | {
            "schema": conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").all(),
            "cache_size": conn.exec_driver_sql("PRAGMA cache_size").scalar(),  # restored on the pooled connection
        }


@pytest.mark.parametrize("batches_before_cancel", [1, 5])
def test_cancelled_generation_leaves_nothing(db: Database, monkeypatch: pytest.MonkeyPatch,
                                             batches_before_cancel: int) -> None:
    monkeypatch.setattr(demo_data, "BATCH", 100)
    before = _snapshot(db)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= batches_before_cancel

    with pytest.raises(DemoCancelled):
        generate(db, enterprises=300, records=1000, cancelled=cancelled)
    assert len(calls) == batches_before_cancel
    assert _snapshot(db) == before
    assert _count(db, Enterprise) == _count(db, Station) == _count(db, StaffMember) == 0
    with db.begin() as session:
        assert station_service.current_station(session) is None


def test_existing_station_gets_the_data(db: Database) -> None:
    with db.begin() as session:
        info = station_service.create_station(session, station_service.NewStation(
            code="GZ-HP-007", name="黄埔科学城服务站", district="黄埔区", manager_name="林志强"))
    summary = generate(db, enterprises=20, records=100)
    with db.begin() as session:
        assert session.scalar(select(func.count()).select_from(Station)) == 1
        assert station_service.current_station(session) == info  # not turned into a demo
        assert set(session.scalars(select(ServiceRecord.station_id))) == {info.id}
        staff = session.scalars(select(StaffMember)).all()
        assert len(staff) == summary.staff + 1 and 4 <= len(staff) <= 8
        dispatchers = set(session.scalars(select(DemandTransition.actor).where(DemandTransition.to_status == "dispatched")))
        assert dispatchers <= {"林志强"}
    assert isinstance(summary, DemoSummary)


def test_second_run_adds_without_colliding(db: Database) -> None:
    generate(db, enterprises=50, records=50)
    generate(db, enterprises=50, records=50)
    with db.begin() as session:
        names = session.scalars(select(Enterprise.name)).all()
        codes = [c for c in session.scalars(select(Enterprise.credit_code)) if c]
    assert len(names) == 100 == len(set(names)) and len(codes) == len(set(codes))


def test_records_need_enterprises(db: Database) -> None:
    with pytest.raises(ValueError):
        generate(db, enterprises=0, records=10)


def test_writer_stores_exactly_what_a_core_insert_stores(db: Database) -> None:
    table = ServiceRecord.__table__
    with db.begin() as session:
        station = station_service.create_station(session, demo_data.DEMO_STATION, demo=True)
        firm = Enterprise(station_id=station.id, name="广州云帆科技有限公司", revenue=Decimal("12.3"))
        session.add(firm)
        session.flush()
    now = utcnow()
    values = {
        "enterprise_id": firm.id, "service_date": date(2026, 3, 2), "follow_up_on": None, "category": "ip",
        "channel": "phone", "fee_type": "paid", "fee": Decimal("1500.5"), "satisfaction": 5, "reportable": False,
        "station_id": station.id, "created_at": now, "updated_at": now,
    }
    with db.engine.begin() as conn:
        core_id, fast_id = uuid.uuid4(), uuid.uuid4()
        conn.execute(insert(table), [{"id": core_id, **values}])
        writer = TableWriter(conn, table, ["id", *values], {})
        writer.write([tuple(writer.bind(name, value) for name, value in {"id": fast_id, **values}.items())])
        stored = conn.execute(text("SELECT * FROM service_record ORDER BY id = :core"), {"core": core_id.hex}).all()
    assert len(stored) == 2
    row_a, row_b = (dict(r._mapping) for r in stored)
    row_a.pop("id"), row_b.pop("id")
    assert row_a == row_b


def _triggers(db: Database) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()


def test_demo_data_is_never_queued_for_hq_and_capture_survives(db: Database) -> None:
    before = _triggers(db)
    assert before  # migration 0003 installed change capture
    with pytest.raises(DemoCancelled):
        generate(db, enterprises=20, records=100, cancelled=lambda: True)
    assert _triggers(db) == before
    generate(db, enterprises=20, records=100)
    assert _triggers(db) == before
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() == 0
        assert conn.exec_driver_sql("SELECT applying FROM sync_control").scalar() == 0
    with db.begin() as session:
        station = station_service.require_station(session)
        session.add(Enterprise(station_id=station.id, name="广州市真实客户有限公司"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT tbl FROM sync_outbox").scalars().all() == ["enterprise"]


def test_a_warm_search_index_sees_the_new_enterprises(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.enterprises import search

    with db.begin() as session:
        search.warm_up(session)
        assert search.ready_index(session) is not None
    generate(db, enterprises=30, records=60)  # below NOTE_LIMIT: the index is kept current
    with db.begin() as session:
        name, initials = session.execute(select(Enterprise.name, Enterprise.name_initials).limit(1)).one()
        assert search.ready_index(session) is not None
        assert len(search.query_ids(session)) == 30
        assert search.query_ids(session, search.EnterpriseFilter(text=name)) == search.sql_query_ids(
            session, search.EnterpriseFilter(text=name), search.SortKey.NAME, False)
        assert search.query_ids(session, search.EnterpriseFilter(text=initials))
    monkeypatch.setattr(demo_data, "NOTE_LIMIT", 10)
    generate(db, enterprises=30, records=0)  # above it: dropped, searches fall back to SQL
    with db.begin() as session:
        assert search.ready_index(session) is None
        assert search.count(session) == 60
