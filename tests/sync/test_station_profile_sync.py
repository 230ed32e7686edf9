"""The station's own profile facts travel to HQ; HQ keeps code, name, district and status
(docs/sync-protocol.md, "Ownership"), through real syncs against the real HQ."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import Engine, text

from app.hq.hq_edits import HqEditError, hq_edit, publish_reference
from app.models import Station
from app.services.station import profile as station_profile
from app.services.station.profile import ProfileInput
from app.sync.engine import sync

from .helpers import assert_station_equals_hq, outbox_size

PROFILE = "default"


def hq_station(hq: Engine, station_id: uuid.UUID) -> tuple[int, dict[str, object]]:
    with hq.connect() as conn:
        row = conn.execute(text("SELECT version, data FROM replica_row WHERE tbl = 'station' AND id = :i"), {"i": station_id}).one()
    return row.version, row.data


def save_profile(db, tmp_path, **changes: object) -> station_profile.StationProfile:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        current = station_profile.read(s)
    values: dict[str, object] = dict(
        name=current.name, host_organisation=current.host_organisation, address=current.address, phone=current.phone,
        contact_person=current.contact_person, premises=current.premises, equipment=current.equipment,
        signage_hung_on=current.signage_hung_on, work_rules_filed_on=current.work_rules_filed_on,
    )
    values.update(changes)
    with db.begin() as s:
        return station_profile.update(s, PROFILE, ProfileInput(**values), current.version)  # type: ignore[arg-type]


def push_raw(station, rows: list[dict[str, object]]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    client = station.client()
    return client.push(str(uuid.uuid4()), rows)


def test_signage_date_reaches_hq_and_no_other_station_can_change_it(make_station, hq_engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-PROF-A"), make_station("GZ-PROF-B")
    assert sync(a.db, a.client()).completed and sync(b.db, b.client()).completed
    photo = tmp_path / "signage.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n a photo")
    saved = save_profile(a.db, tmp_path, signage_hung_on=date(2025, 9, 1), premises="独立办公场地 120 平方米",
                         name="本站想改的名称", signage_file=photo)
    assert saved.name == "GZ-PROF-A 服务站"  # the name is HQ's once enrolled: the input is ignored
    assert saved.signage_photo and outbox_size(a.db) == 1
    result = sync(a.db, a.client(), verify=True)
    assert result.completed and result.rejected == 0, result
    version, data = hq_station(hq_engine, a.station_id)
    assert data["signage_hung_on"] == "2025-09-01" and data["premises"] == "独立办公场地 120 平方米"
    assert "signage_photo" not in data  # a path on A's machine: local only
    with a.db.sessions() as s:
        assert s.get(Station, a.station_id).signage_photo == saved.signage_photo
    # B sees A's reported facts (station rows are reference data for everyone) ...
    assert sync(b.db, b.client()).completed
    with b.db.sessions() as s:
        seen = s.get(Station, a.station_id)
        assert seen.signage_hung_on == date(2025, 9, 1) and seen.signage_photo is None
    # ... but B's token cannot change them
    from app.sync.codec import codec

    with b.db.engine.connect() as conn:
        c = codec("station")
        stored = conn.exec_driver_sql(f"SELECT {', '.join(c.columns)} FROM station WHERE id = ?", (a.station_id.hex,)).one()
    forged = c.to_wire(tuple(stored))
    forged["data"]["signage_hung_on"] = "2020-01-01"
    answer = push_raw(b, [forged])
    assert [r["reason"] for r in answer["rejected"]] == ["owned_by_other_station"]
    assert hq_station(hq_engine, a.station_id) == (version, data)
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def test_hq_rename_arrives_and_the_station_profile_edits_survive(make_station, hq_engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-PROF-C")
    assert sync(a.db, a.client()).completed
    save_profile(a.db, tmp_path, contact_person="李娜", phone="020 3888 1380", work_rules_filed_on=date(2025, 10, 8))
    with hq_engine.begin() as conn:  # HQ renames while A's edit is still queued
        hq_edit(conn, "station", a.station_id, {"name": "天河区中小企业服务站（新）"})
        with pytest.raises(HqEditError, match="由服务站自己填报"):
            hq_edit(conn, "station", a.station_id, {"phone": "110"})
    assert sync(a.db, a.client(), verify=True).completed
    _, data = hq_station(hq_engine, a.station_id)
    assert data["name"] == "天河区中小企业服务站（新）" and data["contact_person"] == "李娜"
    assert data["work_rules_filed_on"] == "2025-10-08" and data["phone"] == "020-38881380"
    with a.db.sessions() as s:
        profile = station_profile.read(s)
    assert profile.name == "天河区中小企业服务站（新）" and profile.contact_person == "李娜"
    assert profile.hq_fields_locked and profile.editable
    # HQ publishing the station again (a re-enrolment, a revocation) keeps the reported facts
    with hq_engine.begin() as conn:
        publish_reference(conn, "station", [{"id": str(a.station_id), "code": "GZ-PROF-C", "name": "再次发布的名称",
                                             "district": "天河区", "status": "approved"}])
    _, data = hq_station(hq_engine, a.station_id)
    assert data["name"] == "再次发布的名称" and data["contact_person"] == "李娜"
    assert sync(a.db, a.client(), verify=True).completed
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def test_a_file_only_edit_is_not_queued_and_a_pull_keeps_the_file(make_station, hq_engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-PROF-D")
    assert sync(a.db, a.client()).completed
    rules = tmp_path / "rules.pdf"
    rules.write_bytes(b"%PDF-1.4 rules")
    before = hq_station(hq_engine, a.station_id)
    saved = save_profile(a.db, tmp_path, work_rules_file=rules)
    assert saved.work_rules_document and outbox_size(a.db) == 0  # only a local-only column changed
    with hq_engine.begin() as conn:
        hq_edit(conn, "station", a.station_id, {"district": "天河区（调整）"})
    assert sync(a.db, a.client(), verify=True).completed
    with a.db.sessions() as s:
        row = s.get(Station, a.station_id)
        assert row.district == "天河区（调整）" and row.work_rules_document == saved.work_rules_document
    assert hq_station(hq_engine, a.station_id)[0] == before[0] + 1
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def test_profile_entered_before_enrolment_reaches_hq(hq_engine, hq_http, tmp_path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from app.models.database import open_database
    from app.services.station import identity as station_service
    from app.sync.enrolment import enroll, open_client

    from .conftest import new_enrol_code

    db = open_database(tmp_path / "offline.db")
    try:
        with db.begin() as s:
            station_service.create_station(s, station_service.NewStation("GZ-PROF-E", "本地起的名字", "天河区", "", "陈晓明"))
        save_profile(db, tmp_path, address="天河区天河北路 233 号", signage_hung_on=date(2025, 9, 1))
        enrolled = enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-PROF-E"), http=hq_http)
        assert sync(db, open_client(db, http=hq_http), verify=True).completed
        _, data = hq_station(hq_engine, enrolled.station_id)
        assert data["address"] == "天河区天河北路 233 号" and data["signage_hung_on"] == "2025-09-01"
        assert data["name"] == "GZ-PROF-E 服务站"
        with db.sessions() as s:
            assert station_profile.read(s).name == "GZ-PROF-E 服务站"
        assert_station_equals_hq(db, hq_engine, enrolled.station_id)
    finally:
        db.dispose()


def test_bad_profile_values_are_rejected_whole(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-PROF-F")
    assert sync(a.db, a.client()).completed
    before = hq_station(hq_engine, a.station_id)
    row = {"tbl": "station", "id": str(a.station_id), "station_id": None, "version": 0, "deleted": True,
           "data": {"premises": 12, "code": "GZ-HIJACK"}}
    answer = push_raw(a, [row])
    assert [r["reason"] for r in answer["rejected"]] == ["bad_row"]
    ok = dict(row, data={"premises": "两间办公室", "code": "GZ-HIJACK", "status": "approved"})
    assert push_raw(a, [ok])["rejected"] == []
    version, data = hq_station(hq_engine, a.station_id)
    assert data["premises"] == "两间办公室" and data["code"] == "GZ-PROF-F" and version == before[0] + 1
    with hq_engine.connect() as conn:  # `deleted` of a pushed station row is ignored
        assert conn.execute(text("SELECT deleted FROM replica_row WHERE id = :i"), {"i": a.station_id}).scalar_one() is False
