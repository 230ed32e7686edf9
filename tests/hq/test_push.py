"""Push: idempotent batches, ownership, rejections that never block the batch."""

from __future__ import annotations

import threading
import uuid

from sqlalchemy import text

from app.hq import push as hq_push
from app.models.types import uuid7
from tests.hq.conftest import call, count_rows
from tests.hq.factories import enterprise, hlc, report, service_record


def test_same_batch_twice_applies_once(app_client, hq_engine, enrol) -> None:
    a = enrol("P-A1")
    ent = enterprise(a.station_id, hlc(0))
    rows = [ent, service_record(a.station_id, ent["id"])]
    batch = {"batch_id": str(uuid7()), "rows": rows}
    first = call(app_client, a, "/v1/push", batch).json()
    before = count_rows(hq_engine)
    second = call(app_client, a, "/v1/push", batch).json()
    assert first["status"] == "applied" and second["status"] == "already_applied"
    assert {k: v for k, v in first.items() if k not in ("status", "server_time_ms")} == {
        k: v for k, v in second.items() if k not in ("status", "server_time_ms")
    }
    assert count_rows(hq_engine) == before
    with hq_engine.connect() as conn:
        versions = conn.execute(text("SELECT version FROM replica_row WHERE id = :i"), {"i": ent["id"]}).scalars().all()
    assert versions == [1]


def test_two_threads_sending_the_same_batch_apply_it_once(hq_engine, enrol) -> None:
    a = enrol("P-A2")
    batch_id = uuid7()
    rows = [service_record(a.station_id, uuid7(), summary=f"记录{i}") for i in range(300)]
    results: list[hq_push.PushResult] = []
    start = threading.Barrier(4)

    def send() -> None:
        start.wait()
        with hq_engine.begin() as conn:
            results.append(hq_push.apply_push(conn, a.station_id, batch_id, rows))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status for r in results) == ["already_applied"] * 3 + ["applied"]
    assert all(r.accepted == 300 for r in results)
    with hq_engine.connect() as conn:
        stored = conn.execute(
            text("SELECT count(*), max(version) FROM replica_row WHERE station_id = :s"), {"s": a.station_id}
        ).one()
    assert tuple(stored) == (300, 1)


def test_station_cannot_write_or_overwrite_another_stations_rows(app_client, hq_engine, enrol) -> None:
    a, b = enrol("P-A3"), enrol("P-B3")
    mine = service_record(a.station_id, uuid7())
    assert call(app_client, a, "/v1/push", {"batch_id": str(uuid7()), "rows": [mine]}).json()["accepted"] == 1
    forged = service_record(a.station_id, uuid7())  # B claims to be A in the payload
    takeover = dict(mine, station_id=str(b.station_id), data={**mine["data"], "summary": "被改写"})
    own = service_record(b.station_id, uuid7())
    answer = call(app_client, b, "/v1/push", {"batch_id": str(uuid7()), "rows": [forged, takeover, own]}).json()
    reasons = {r["id"]: r["reason"] for r in answer["rejected"]}
    assert reasons == {forged["id"]: "wrong_station", mine["id"]: "owned_by_other_station"}
    assert answer["accepted"] == 1
    with hq_engine.connect() as conn:
        summary = conn.execute(text("SELECT data->>'summary' FROM replica_row WHERE id = :i"), {"i": mine["id"]}).scalar()
        kept = conn.execute(text("SELECT count(*) FROM rejected_write WHERE station_id = :s"), {"s": b.station_id}).scalar()
        assert conn.execute(text("SELECT count(*) FROM replica_row WHERE id = :i"), {"i": forged["id"]}).scalar() == 0
    assert summary == "政策咨询" and kept == 2
    # and B reads none of A's rows through pull or check
    pulled = call(app_client, b, "/v1/pull", {"cursor": None, "limit": 5000}).json()["rows"]
    assert mine["id"] not in {r["id"] for r in pulled}
    assert all(r["station_id"] in (None, str(b.station_id)) or r["tbl"] == "enterprise" for r in pulled)
    checked = call(app_client, b, "/v1/check", {"tables": {"service_record": {"count": 1, "hash": 0}}}).json()
    assert checked["tables"]["service_record"]["count"] == 1  # only B's own record


def test_reference_and_unknown_tables_rejected_rest_applied(app_client, hq_engine, enrol) -> None:
    a = enrol("P-A4")
    policy = {"tbl": "policy", "id": str(uuid7()), "station_id": None, "version": 1, "deleted": False, "data": {"title": "改"}}
    alien = {"tbl": "future_table", "id": str(uuid7()), "station_id": str(a.station_id), "data": {}}
    good = service_record(a.station_id, uuid7())
    answer = call(app_client, a, "/v1/push", {"batch_id": str(uuid7()), "rows": [policy, good, alien]}).json()
    assert [r["reason"] for r in answer["rejected"]] == ["hq_reference", "unknown_table"]
    assert all("服务总站" in r["message"] for r in answer["rejected"])
    assert answer["accepted"] == 1
    with hq_engine.connect() as conn:
        kept = conn.execute(text("SELECT tbl, reason FROM rejected_write WHERE station_id = :s ORDER BY id"), {"s": a.station_id}).all()
        assert conn.execute(text("SELECT count(*) FROM replica_row WHERE tbl = 'policy'")).scalar() == 0
    assert [tuple(k) for k in kept] == [("policy", "hq_reference"), ("future_table", "unknown_table")]


def test_versions_count_accepted_changes_only(hq_engine, enrol) -> None:
    a = enrol("P-A5")
    row = service_record(a.station_id, uuid7())
    for summary in ("一", "一", "二"):  # the repeat is no change: no new version
        with hq_engine.begin() as conn:
            result = hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [dict(row, data={**row["data"], "summary": summary})])
    assert result.versions == [{"tbl": "service_record", "id": row["id"], "version": 2}]


def test_annual_report_state_machine(hq_engine, enrol) -> None:
    from app.hq.hq_edits import HqEditError, hq_edit

    a = enrol("P-A6")
    rid = str(uuid7())

    def push(status: str, **kw: object) -> hq_push.PushResult:
        with hq_engine.begin() as conn:
            return hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [report(a.station_id, status, rid, **kw)])

    assert push("accepted").rejected[0]["reason"] == "report_transition"  # a station never accepts
    assert not push("draft").rejected
    assert not push("submitted").rejected
    blocked = push("submitted", narrative={"x": "改了"})  # submitted is frozen for the station
    assert blocked.rejected[0]["reason"] == "report_transition" and "已提交" in blocked.rejected[0]["message"]
    with hq_engine.begin() as conn:
        hq_edit(conn, "annual_report", uuid.UUID(rid), {"status": "returned", "review_comment": "请补充数据"})
    try:
        with hq_engine.begin() as conn:
            hq_edit(conn, "annual_report", uuid.UUID(rid), {"status": "accepted"})
        raise AssertionError("returned → accepted must be refused")
    except HqEditError as exc:
        assert "已退回" in str(exc)
    assert push("accepted").rejected[0]["reason"] == "report_transition"  # returned → accepted: never
    # re-opened (returned → draft) and submitted again before a sync: HQ sees returned → submitted
    again = push("submitted", narrative={"x": "补充了数据"})
    assert not again.rejected
    with hq_engine.connect() as conn:
        data = conn.execute(text("SELECT data FROM replica_row WHERE id = :i"), {"i": rid}).scalar_one()
    assert data["status"] == "submitted" and data["review_comment"] == "请补充数据"
    with hq_engine.begin() as conn:
        hq_edit(conn, "annual_report", uuid.UUID(rid), {"status": "returned"})
    back = push("draft", review_comment="站点改写")
    assert not back.rejected
    with hq_engine.connect() as conn:
        data = conn.execute(text("SELECT data FROM replica_row WHERE id = :i"), {"i": rid}).scalar_one()
    assert data["status"] == "draft" and data["review_comment"] == "请补充数据"  # HQ's comment is HQ's
    assert not push("submitted").rejected
    with hq_engine.begin() as conn:
        hq_edit(conn, "annual_report", uuid.UUID(rid), {"status": "accepted"})
    assert push("draft").rejected[0]["reason"] == "report_transition"
    deleted = report(a.station_id, "accepted", rid)
    with hq_engine.begin() as conn:
        result = hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [dict(deleted, deleted=True)])
    assert result.rejected[0]["reason"] == "report_delete"
