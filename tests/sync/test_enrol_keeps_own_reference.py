"""Issue 10, finding 8: a station that entered its own institutions, experts, policies and
pick-list items before enrolling keeps them through its first sync, and its records keep
their links (docs/sync-protocol.md, "A station's own reference rows")."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, update

from app.hq.hq_edits import publish_reference
from app.models import (
    Demand,
    Enterprise,
    Expert,
    ServiceInstitution,
    ServiceRecord,
    StaffMember,
)
from app.models.database import Database, open_database
from app.reports.annual_data import annual_figures
from app.reports.context import report_context
from app.services import pick_lists
from app.services.actor import Actor
from app.services.institutions import experts, usage
from app.services.institutions import resident as institutions
from app.services.pick_lists import SERVICE_CATEGORY, EditItem
from app.services.policies import library as policies
from app.services.station import identity as station_service
from app.sync.engine import sync
from app.sync.enrolment import enroll, open_client

from .conftest import new_enrol_code

YEAR = 2026
NOW = datetime(2026, 12, 20, 8, tzinfo=UTC)
HQ_INSTITUTION = "0192f3c0-0000-7000-8000-00000000a001"
HQ_EXPERT = "0192f3c0-0000-7000-8000-00000000a002"


def _own_station(tmp_path: Path, code: str) -> tuple[Database, dict[str, list[uuid.UUID]]]:
    """A station set up offline with its own reference data and 30 records pointing at it."""
    db = open_database(tmp_path / f"{code}.db")
    ids: dict[str, list[uuid.UUID]] = {"institution": [], "expert": [], "policy": []}
    with db.begin() as s:
        me = station_service.create_station(
            s, station_service.NewStation(code=code, name="本地服务站", district="海珠区", manager_name="陈晓明")
        )
        own = [EditItem(i.code, i.label) for i in pick_lists.items(s, SERVICE_CATEGORY)] + [EditItem(None, "跨境电商")]
        pick_lists.save_local_list(s, SERVICE_CATEGORY, own, Actor("陈晓明"))
    with db.begin() as s:
        manager = Actor("陈晓明", s.scalars(select(StaffMember.id)).one())
        own_code = next(i.code for i in pick_lists.items(s, SERVICE_CATEGORY) if i.label == "跨境电商")
        for n in range(3):
            row = institutions.create_institution(
                s, institutions.InstitutionInput(f"本站机构{n}", "financing", entered_on=date(2025, 3, 1 + n))
            )
            ids["institution"].append(row.id)
        institutions.add_entry(s, institutions.CatalogueInput(ids["institution"][0], "融资对接", "growth", "financing"))
        for n in range(4):
            ids["expert"].append(experts.create(s, experts.ExpertInput(f"专家{n}", ("financing", own_code))).id)
        for n in range(2):
            policy = policies.create(s, policies.PolicyInput(f"本站政策{n}", "financing"), manager, today=NOW.date())
            ids["policy"].append(policy.id)
        staff = s.scalars(select(StaffMember)).one()
        for n in range(30):
            firm = Enterprise(name=f"企业{n}", station_id=me.id, district="海珠区")
            s.add(firm)
            s.flush()
            s.add(ServiceRecord(enterprise_id=firm.id, service_date=date(YEAR, 1 + n % 12, 5), category=own_code if n % 5 == 0 else "financing",
                                station_id=me.id, staff_id=staff.id, institution_id=ids["institution"][n % 3],
                                expert_id=ids["expert"][n % 4], policy_id=ids["policy"][n % 2], summary=f"服务{n}"))
            if n % 6 == 0:
                s.add(Demand(enterprise_id=firm.id, title=f"需求{n}", category="financing", received_on=date(YEAR, 2, 1),
                             station_id=me.id, assignee_institution_id=ids["institution"][0]))
    return db, ids


def _sections(db: Database) -> dict[str, Any]:
    """What the annual report's 入驻服务机构 section and the expert page show, plus the links."""
    with db.begin() as s:
        ctx = report_context(s, NOW)
        figures = annual_figures(s, ctx, YEAR)
        return {
            "institutions": figures.institutions,
            "institution_usage": usage.institution_usage(s),
            "experts": [(e.name, e.fields) for e in experts.list_experts(s)],
            "expert_usage": usage.expert_usage(s),
            "catalogue": [(c.title, c.category) for c in institutions.catalogue(s)],
            "policies": sorted(p.title for p in policies.list_policies(s)),
            "category_labels": figures.category_labels,
            "links": sorted(
                (str(r.institution_id), str(r.expert_id), str(r.policy_id))
                for r in s.scalars(select(ServiceRecord).where(ServiceRecord.deleted.is_(False)))
            ),
        }


def test_first_sync_keeps_the_station_own_reference_rows_and_their_links(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    with hq_engine.begin() as conn:  # HQ has reference data of its own, which the station must get as well
        publish_reference(conn, "service_institution", [{"id": HQ_INSTITUTION, "name": "总部机构", "category": "financing"}])
        publish_reference(conn, "expert", [{"id": HQ_EXPERT, "name": "总部专家", "fields": "financing"}])
    db, _ids = _own_station(tmp_path, "GZ-OWN-01")
    try:
        before = _sections(db)
        assert len(before["institutions"]) == 3 and before["institutions"][0].records > 0
        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-OWN-01"), http=hq_http)
        first = sync(db, open_client(db, http=hq_http))
        assert first.completed and first.rejected == 0, first
        assert first.repaired == [], "the check must not see the station's own rows as differences"
        after = _sections(db)
        hq_names = {"总部机构", "总部专家"}
        assert [i for i in after["institutions"] if i.name not in hq_names] == before["institutions"]
        assert {i.name for i in after["institutions"]} >= {"总部机构"}  # HQ's arrived too
        assert after["institution_usage"] == before["institution_usage"]
        assert [e for e in after["experts"] if e[0] not in hq_names] == before["experts"]
        assert after["expert_usage"] == before["expert_usage"]
        assert after["catalogue"] == before["catalogue"]
        assert after["policies"] == before["policies"]
        assert after["links"] == before["links"]
        assert after["category_labels"] == before["category_labels"]
        again = sync(db, open_client(db, http=hq_http), verify=True)  # a full check: still nothing to repair
        assert again.completed and again.repaired == [] and again.pulled == 0, again
        assert _sections(db) == after
    finally:
        db.dispose()


def test_own_rows_without_a_station_id_are_kept_and_hq_can_adopt_one(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    """A reference row with no station id (written before the station existed, or by an
    older version) is the station's own too; HQ adopts one by publishing its id."""
    db, ids = _own_station(tmp_path, "GZ-OWN-02")
    try:
        with db.begin() as s:  # as an older version left them: no station id
            for model in (ServiceInstitution, Expert):
                s.execute(update(model).values(station_id=None))
        before = _sections(db)
        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-OWN-02"), http=hq_http)
        first = sync(db, open_client(db, http=hq_http))
        assert first.completed and first.rejected == 0 and first.repaired == [], first
        after = _sections(db)
        assert [i for i in after["institutions"] if i.name != "总部机构"] == before["institutions"]
        assert [e for e in after["experts"] if e[0] != "总部专家"] == before["experts"]
        assert after["links"] == before["links"]

        adopted = ids["institution"][1]
        with hq_engine.begin() as conn:
            publish_reference(conn, "service_institution", [{"id": str(adopted), "name": "总部认定的机构", "category": "financing"}])
        adoption = sync(db, open_client(db, http=hq_http))
        assert adoption.completed and adoption.repaired == [], adoption  # HQ's now: counted by the check again
        with db.sessions() as s:
            row = s.get(ServiceInstitution, adopted)
            assert row is not None and (row.name, row.station_id) == ("总部认定的机构", None)
            assert s.scalar(select(func.count()).where(ServiceRecord.institution_id == adopted)) == 10
        assert _sections(db)["links"] == before["links"]
    finally:
        db.dispose()


def test_hq_category_list_replaces_the_own_list_but_used_own_codes_keep_their_label(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    with hq_engine.begin() as conn:
        publish_reference(conn, "pick_list_item", [
            {"id": "0192f3c0-0000-7000-8000-00000000b001", "list_name": "service_category", "code": "policy", "label": "政策咨询"},
            {"id": "0192f3c0-0000-7000-8000-00000000b002", "list_name": "service_category", "code": "financing", "label": "投融资服务"},
        ])
    db, _ids = _own_station(tmp_path, "GZ-OWN-03")
    try:
        with db.sessions() as s:
            own_code = next(i.code for i in pick_lists.items(s, SERVICE_CATEGORY) if i.label == "跨境电商")
        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-OWN-03"), http=hq_http)
        assert sync(db, open_client(db, http=hq_http)).completed
        with db.sessions() as s:
            assert pick_lists.active_codes(s, SERVICE_CATEGORY) == {"policy": "政策咨询", "financing": "投融资服务"}
            labels = pick_lists.labels(s, SERVICE_CATEGORY)
            assert labels[own_code] == "跨境电商"  # records use it: still labelled
            assert labels["financing"] == "投融资服务"  # HQ's label wins for a code both have
    finally:
        db.dispose()


def test_a_repair_of_a_reference_table_keeps_the_own_rows(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    """The check repairs a table that differs from HQ by re-pulling it and retiring what HQ
    did not send: the station's own rows in it are not HQ's to send and stay."""
    db, ids = _own_station(tmp_path, "GZ-OWN-04")
    try:
        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-OWN-04"), http=hq_http)
        assert sync(db, open_client(db, http=hq_http)).completed
        before = _sections(db)
        with db.engine.begin() as conn:  # HQ's copy drifts here (a support tool, a bug): the check must repair it
            conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
            conn.exec_driver_sql("UPDATE service_institution SET version = version + 5 WHERE station_id IS NULL")
            conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        repaired = sync(db, open_client(db, http=hq_http), verify=True)
        assert repaired.completed and repaired.repaired == ["service_institution"], repaired
        assert _sections(db) == before
        with db.sessions() as s:
            assert all(not s.get(ServiceInstitution, i).deleted for i in ids["institution"])  # type: ignore[union-attr]
    finally:
        db.dispose()


def test_reference_rows_pulled_from_hq_never_become_the_station_own(
    hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object
) -> None:
    """Only a profile that never pulled stamps its reference rows as its own: one enrolled
    as another station before (holding no work yet) keeps HQ's rows HQ's, so a row HQ
    deleted meanwhile is still retired."""
    gone = "0192f3c0-0000-7000-8000-00000000a003"
    with hq_engine.begin() as conn:
        publish_reference(conn, "service_institution", [{"id": gone, "name": "将撤销的机构", "category": "financing"}])
    db = open_database(tmp_path / "no-station.db")
    try:
        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-OWN-05"), http=hq_http)
        assert sync(db, open_client(db, http=hq_http)).completed
        with hq_engine.begin() as conn:
            publish_reference(conn, "service_institution", [{"id": gone, "name": "将撤销的机构", "category": "financing", "deleted": True}])
        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-OWN-06"), http=hq_http)  # the code was for another station
        second = sync(db, open_client(db, http=hq_http))  # a bootstrap: it carries no tombstones, the check retires the row
        assert second.completed, second
        with db.sessions() as s:
            row = s.get(ServiceInstitution, uuid.UUID(gone))
            assert row is not None and row.station_id is None and row.deleted
    finally:
        db.dispose()
