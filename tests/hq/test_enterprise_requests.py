"""Shared enterprises have a trust boundary: a station cannot delete, or merge away, an
enterprise another station registered or has served; HQ decides (issue 10, finding 7)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import text

from app.hq import push as hq_push
from app.hq.enterprise_requests import REASON, RequestError, list_requests
from app.hq.request_decisions import decide
from app.sync import protocol
from tests.hq.conftest import call
from tests.hq.factories import T0, edit, enterprise, hlc, service_record


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]], at: int = 0) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows, at_ms=T0 + at)


def stored(engine: Any, row_id: str) -> Any:
    with engine.connect() as conn:
        sql = "SELECT data, deleted, version, field_hlc, field_station FROM replica_row WHERE id = :i"
        return conn.execute(text(sql), {"i": row_id}).one()


def requests_for(engine: Any, row_id: str) -> list[Any]:
    with engine.connect() as conn:
        sql = "SELECT id, kind, survivor_id, station_id, status, data FROM enterprise_request WHERE enterprise_id = :i"
        sql += " ORDER BY id"
        return conn.execute(text(sql), {"i": row_id}).all()


def deletion(row: dict[str, Any], at: int) -> dict[str, Any]:
    return {**row, "deleted": True, "field_hlc": {"deleted": hlc(at)}}


def test_deleting_an_enterprise_another_station_registered_becomes_a_request(hq_engine, enrol) -> None:
    owner, other = enrol("RQ-A1"), enrol("RQ-B1")
    ent = enterprise(owner.station_id, hlc(0))
    push(hq_engine, owner.station_id, [ent])
    before = stored(hq_engine, ent["id"])
    result = push(hq_engine, other.station_id, [deletion(ent, 10)], at=10)
    after = stored(hq_engine, ent["id"])
    assert not after.deleted and after.data == before.data
    assert after.version == before.version + 1  # moved, so the deleting station pulls HQ's row back
    [req] = requests_for(hq_engine, ent["id"])
    assert (req.kind, req.station_id, req.status) == ("delete", other.station_id, "pending")
    [answer] = result.rejected
    assert answer["reason"] == REASON and answer["request_id"] == req.id and f"申请编号 {req.id}" in answer["message"]
    assert result.accepted == 0 and not result.versions
    with hq_engine.connect() as conn:  # the request is the record, not a rejected write
        logged = conn.execute(text("SELECT count(*) FROM rejected_write WHERE row_id = :i"), {"i": ent["id"]}).scalar()
    assert logged == 0
    # asking again (after the pull brought it back) is the same request
    push(hq_engine, other.station_id, [deletion(ent, 20)], at=20)
    assert len(requests_for(hq_engine, ent["id"])) == 1
    # the registering station, alone with it, deletes it as before
    push(hq_engine, owner.station_id, [deletion(ent, 30)], at=30)
    assert stored(hq_engine, ent["id"]).deleted


def test_deleting_ones_own_enterprise_another_station_served_becomes_a_request(hq_engine, enrol) -> None:
    owner, server = enrol("RQ-A2"), enrol("RQ-B2")
    ent = enterprise(owner.station_id, hlc(0))
    record = service_record(server.station_id, ent["id"])
    push(hq_engine, owner.station_id, [ent])
    push(hq_engine, server.station_id, [record])
    result = push(hq_engine, owner.station_id, [deletion(ent, 10)], at=10)
    assert not stored(hq_engine, ent["id"]).deleted and result.rejected[0]["reason"] == REASON
    # once the other station's record is gone, the enterprise is the owner's alone again
    push(hq_engine, server.station_id, [{**record, "deleted": True}])
    push(hq_engine, owner.station_id, [deletion(ent, 20)], at=20)
    assert stored(hq_engine, ent["id"]).deleted


def test_the_rest_of_a_held_row_still_merges(hq_engine, enrol) -> None:
    owner, other = enrol("RQ-A3"), enrol("RQ-B3")
    ent = enterprise(owner.station_id, hlc(0))
    push(hq_engine, owner.station_id, [ent])
    before = stored(hq_engine, ent["id"])
    row = {**edit(ent, hlc(10), address="B 新地址"), "deleted": True}
    row["field_hlc"]["deleted"] = hlc(10)
    push(hq_engine, other.station_id, [row], at=10)
    after = stored(hq_engine, ent["id"])
    assert after.data["address"] == "B 新地址" and not after.deleted
    # the stored stamp and writer of `deleted`, not the held ones
    assert after.field_hlc["deleted"] == before.field_hlc["deleted"] != hlc(10)
    assert after.field_station["deleted"] == before.field_station["deleted"]


def test_hq_approves_or_rejects_a_deletion(hq_engine, enrol) -> None:
    owner, other = enrol("RQ-A4"), enrol("RQ-B4")
    kept, gone = enterprise(owner.station_id, hlc(0)), enterprise(owner.station_id, hlc(0))
    push(hq_engine, owner.station_id, [kept, gone])
    push(hq_engine, other.station_id, [deletion(kept, 10), deletion(gone, 10)], at=10)
    with hq_engine.begin() as conn:
        pending = {r.enterprise_id: r for r in list_requests(conn) if r.station_code == "RQ-B4"}
        assert pending[uuid.UUID(kept["id"])].kind_label == "删除"
        refused = decide(conn, pending[uuid.UUID(kept["id"])].id, approve=False, decided_by="王审核", comment="仍在服务")
        approved = decide(conn, pending[uuid.UUID(gone["id"])].id, approve=True, decided_by="王审核", at_ms=T0 + 20)
    assert refused.request.status == "rejected" and refused.request.comment == "仍在服务"
    assert approved.request.status == "approved" and approved.request.decided_by == "王审核"
    assert not stored(hq_engine, kept["id"]).deleted
    deleted = stored(hq_engine, gone["id"])
    assert deleted.deleted and deleted.field_station["deleted"] == ""  # HQ's own edit
    with hq_engine.begin() as conn, pytest.raises(RequestError, match="不能再次处理"):
        decide(conn, refused.request.id, approve=True, decided_by="王审核")


def test_copying_a_live_code_onto_another_stations_enterprise_is_held_for_hq(hq_engine, enrol) -> None:
    """The attack: give B's enterprise the credit code of a live one, so HQ merges it away."""
    attacker, victim = enrol("RQ-X5"), enrol("RQ-V5")
    code = "91440101MA5C0A0001"
    holder = enterprise(attacker.station_id, hlc(0), credit_code=code, name="持有代码的企业")
    target = enterprise(victim.station_id, hlc(0), credit_code="91440101MA5C0A0002", name="被攻击的企业")
    push(hq_engine, attacker.station_id, [holder])
    push(hq_engine, victim.station_id, [target, service_record(victim.station_id, target["id"])])
    result = push(hq_engine, attacker.station_id, [edit(target, hlc(10), credit_code=code)], at=10)
    assert not result.merged and result.rejected[0]["reason"] == REASON and "合并" in result.rejected[0]["message"]
    after = stored(hq_engine, target["id"])
    assert not after.deleted and after.data["credit_code"] == "91440101MA5C0A0002"
    with hq_engine.connect() as conn:
        sql = "SELECT count(*) FROM merge_record WHERE merged_id = :i"
        merges = conn.execute(text(sql), {"i": target["id"]}).scalar()
    assert merges == 0
    [req] = requests_for(hq_engine, target["id"])
    assert (req.kind, str(req.survivor_id), req.data["credit_code"]) == ("merge", holder["id"], code)
    # HQ approves: the usual merge, recorded so that unmerge can undo it
    with hq_engine.begin() as conn:
        done = decide(conn, req.id, approve=True, decided_by="王审核", at_ms=T0 + 20)
    assert "合并编号" in done.outcome
    assert stored(hq_engine, target["id"]).deleted
    assert stored(hq_engine, target["id"]).data["merged_into"] == holder["id"]


def test_a_station_may_still_merge_its_own_new_or_unshared_enterprise(hq_engine, enrol) -> None:
    a, b = enrol("RQ-A6"), enrol("RQ-B6")
    code = "91440101MA5C0A0003"
    holder = enterprise(a.station_id, hlc(0), credit_code=code)
    mine = enterprise(b.station_id, hlc(0))
    push(hq_engine, a.station_id, [holder])
    push(hq_engine, b.station_id, [mine, service_record(b.station_id, mine["id"])])
    result = push(hq_engine, b.station_id, [edit(mine, hlc(10), credit_code=code)], at=10)
    assert result.merged and not result.rejected  # its own, served only by itself: merged at once


def test_held_delete_over_http_answers_a_rejection_and_the_row_comes_back_on_pull(hq_engine, enrol, app_client) -> None:
    owner, other = enrol("RQ-A7"), enrol("RQ-B7")
    now = hlc_now()
    ent = enterprise(owner.station_id, now)
    assert call(app_client, owner, "/v1/push", {"batch_id": str(uuid.uuid4()), "rows": [ent]}).status_code == 200
    cursor = pull_to_end(app_client, other, None)[1]
    delete = {"batch_id": str(uuid.uuid4()), "rows": [deletion_at(ent, now + (1 << 16))]}
    answer = call(app_client, other, "/v1/push", delete)
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "applied" and [r["reason"] for r in body["rejected"]] == [REASON]
    rows, _ = pull_to_end(app_client, other, cursor)
    back = [r for r in rows if r["id"] == ent["id"]]
    assert back and back[-1]["deleted"] is False and back[-1]["data"]["name"] == ent["data"]["name"]


def hlc_now() -> int:
    return protocol.hlc_from_ms(hq_push.now_ms())


def deletion_at(row: dict[str, Any], stamp: int) -> dict[str, Any]:
    return {**row, "deleted": True, "field_hlc": {"deleted": stamp}}


def pull_to_end(client: Any, who: Any, cursor: Any) -> tuple[list[dict[str, Any]], Any]:
    rows: list[dict[str, Any]] = []
    while True:
        body = call(client, who, "/v1/pull", {"cursor": cursor, "limit": 1000}).json()
        rows.extend(body["rows"])
        cursor = body["cursor"]
        if body["done"]:
            return rows, cursor
