"""Every credit-code merge keeps both rows' full data; `station-desk-hq unmerge` undoes it."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import text

from app.hq import push as hq_push
from app.hq.hq_edits import hq_edit
from app.hq.unmerge import UnmergeError, find_merge, unmerge
from tests.hq.factories import T0, edit, enterprise, hlc, service_record


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]], at: int = 0) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows, at_ms=T0 + at)


def stored(engine: Any, row_id: str) -> Any:
    with engine.connect() as conn:
        sql = "SELECT data, deleted, version, station_id FROM replica_row WHERE id = :i"
        return conn.execute(text(sql), {"i": row_id}).one()


def scalar(engine: Any, sql: str, **params: Any) -> Any:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def merged_pair(engine: Any, a: Any, b: Any, code: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """A registers the code; B registers the same enterprise with a record: HQ merges B's into A's."""
    first = enterprise(a.station_id, hlc(0), credit_code=code, address="", contact_name="A 联系人")
    second = enterprise(b.station_id, hlc(5), credit_code=code, name="同一家（B 录入）", address="B 地址", notes="B 备注")
    record = service_record(b.station_id, second["id"])
    push(engine, a.station_id, [first])
    result = push(engine, b.station_id, [second, record], at=5)
    assert result.merged and stored(engine, record["id"]).data["enterprise_id"] == first["id"]
    return first, second, record


def test_a_merge_keeps_both_rows_full_data(hq_engine, enrol) -> None:
    a, b = enrol("UM-A1"), enrol("UM-B1")
    first, second, record = merged_pair(hq_engine, a, b, "91440101MA5C0B0001")
    with hq_engine.connect() as conn:
        rec = conn.execute(text("SELECT * FROM merge_record WHERE merged_id = :m"), {"m": second["id"]}).one()
    assert rec.survivor_before["data"]["address"] == "" and rec.survivor_before["deleted"] is False
    assert rec.merged_data["data"]["name"] == "同一家（B 录入）" and rec.merged_data["station_id"] == str(b.station_id)
    assert rec.merged_before is None  # a new row: nothing stored before it
    assert rec.filled == {"address": "B 地址", "notes": "B 备注"}
    with hq_engine.connect() as conn:  # the record arrived with it and was re-pointed on arrival
        sql = "SELECT tbl, row_id::text, named_id::text FROM enterprise_ref_origin WHERE row_id = :r"
        origin = conn.execute(text(sql), {"r": record["id"]}).all()
    assert origin == [("service_record", record["id"], second["id"])]


def test_unmerge_brings_both_back_with_their_own_data_and_references(hq_engine, enrol) -> None:
    a, b = enrol("UM-A2"), enrol("UM-B2")
    code = "91440101MA5C0B0002"
    first, second, record = merged_pair(hq_engine, a, b, code)
    # after the merge, HQ edits a filled-in field of the survivor: that later value stays
    with hq_engine.begin() as conn:
        hq_edit(conn, "enterprise", uuid.UUID(first["id"]), {"notes": "总部备注"}, at_ms=T0 + 8)
        merge_id = find_merge(conn, second["id"])
        before = {i: stored(hq_engine, i).version for i in (first["id"], second["id"], record["id"])}
        result = unmerge(conn, merge_id, undone_by="王审核", at_ms=T0 + 10)
    assert result.restored_fields == ["address"] and result.references == 1
    survivor, revived = stored(hq_engine, first["id"]), stored(hq_engine, second["id"])
    assert not survivor.deleted and survivor.data["address"] == "" and survivor.data["notes"] == "总部备注"
    assert not revived.deleted and "merged_into" not in revived.data and revived.station_id == b.station_id
    assert revived.data["name"] == "同一家（B 录入）" and revived.data["address"] == "B 地址"
    assert stored(hq_engine, record["id"]).data["enterprise_id"] == second["id"]
    after = {i: stored(hq_engine, i).version for i in before}
    assert all(after[i] > before[i] for i in before)  # every station pulls the undo
    assert scalar(hq_engine, "SELECT count(*) FROM enterprise_alias WHERE merged_id = :m", m=second["id"]) == 0
    # B keeps editing its own enterprise: it stays B's and, by HQ's decision, is not merged again
    push(hq_engine, b.station_id, [edit(second, hlc(20), contact_name="B 联系人")], at=20)
    again = stored(hq_engine, second["id"])
    assert not again.deleted and again.data["contact_name"] == "B 联系人"
    assert stored(hq_engine, first["id"]).data["contact_name"] == "A 联系人"
    with hq_engine.begin() as conn, pytest.raises(UnmergeError, match="已于"):
        unmerge(conn, merge_id, undone_by="王审核")


def test_unmerge_of_an_existing_row_points_back_earlier_aliases(hq_engine, enrol) -> None:
    a, b, c = enrol("UM-A3"), enrol("UM-B3"), enrol("UM-C3")
    code, other = "91440101MA5C0B0003", "91440101MA5C0B0004"
    holder = enterprise(a.station_id, hlc(0), credit_code=code)
    middle = enterprise(b.station_id, hlc(0), credit_code=other)
    late = enterprise(c.station_id, hlc(1), credit_code=other)  # merged into B's first
    middle_rec, late_rec = service_record(b.station_id, middle["id"]), service_record(c.station_id, late["id"])
    push(hq_engine, a.station_id, [holder])
    push(hq_engine, b.station_id, [middle, middle_rec])
    push(hq_engine, c.station_id, [late, late_rec], at=1)  # C's record re-pointed at B's enterprise on arrival
    # C has served B's enterprise now, so B's code change would wait for HQ: HQ makes it
    held = push(hq_engine, b.station_id, [edit(middle, hlc(10), credit_code=code)], at=10)
    assert not held.merged and held.rejected
    with hq_engine.begin() as conn:
        hq_edit(conn, "enterprise", uuid.UUID(middle["id"]), {"credit_code": code}, at_ms=T0 + 12)
    assert stored(hq_engine, middle["id"]).deleted
    alias = "SELECT survivor_id::text FROM enterprise_alias WHERE merged_id = :m"
    assert scalar(hq_engine, alias, m=late["id"]) == holder["id"]
    with hq_engine.begin() as conn:
        sql = "SELECT merged_before, merged_data FROM merge_record WHERE merged_id = :m"
        rec = conn.execute(text(sql), {"m": middle["id"]}).one()
        assert rec.merged_before["data"]["credit_code"] == other  # as stored before the edit
        assert rec.merged_data["data"]["credit_code"] == code  # as merged
        done = unmerge(conn, find_merge(conn, middle["id"]), undone_by="王审核", at_ms=T0 + 20)
    assert done.aliases == 1 and scalar(hq_engine, alias, m=late["id"]) == middle["id"]
    assert not stored(hq_engine, middle["id"]).deleted
    # both records were at A's enterprise; both go back to B's (C's named an id merged into it)
    assert done.references == 2
    assert stored(hq_engine, middle_rec["id"]).data["enterprise_id"] == middle["id"]
    assert stored(hq_engine, late_rec["id"]).data["enterprise_id"] == middle["id"]


def test_unmerge_refuses_while_the_survivor_is_itself_merged(hq_engine, enrol) -> None:
    a, b = enrol("UM-A4"), enrol("UM-B4")
    first, second, _ = merged_pair(hq_engine, a, b, "91440101MA5C0B0005")
    with hq_engine.begin() as conn:  # HQ then moves the survivor onto another live code: a second merge
        other = enterprise(a.station_id, hlc(0), credit_code="91440101MA5C0B0006")
        hq_push.apply_push(conn, a.station_id, uuid.uuid4(), [other], at_ms=T0)
        hq_edit(conn, "enterprise", uuid.UUID(first["id"]), {"credit_code": "91440101MA5C0B0006"}, at_ms=T0 + 30)
    with hq_engine.begin() as conn, pytest.raises(UnmergeError, match="请先撤销那次合并"):
        unmerge(conn, find_merge(conn, second["id"]), undone_by="王审核")


def test_unmerge_revives_a_purged_tombstone(hq_engine, enrol) -> None:
    a, b = enrol("UM-A5"), enrol("UM-B5")
    first, second, _ = merged_pair(hq_engine, a, b, "91440101MA5C0B0007")
    with hq_engine.begin() as conn:
        conn.execute(text("DELETE FROM replica_row WHERE id = :m"), {"m": second["id"]})  # as purge-tombstones would
        unmerge(conn, find_merge(conn, second["id"]), undone_by="王审核", at_ms=T0 + 10)
    revived = stored(hq_engine, second["id"])
    assert not revived.deleted and revived.data["name"] == "同一家（B 录入）"


def test_find_merge_explains_bad_references(hq_engine) -> None:
    with hq_engine.begin() as conn:
        with pytest.raises(UnmergeError, match="既不是合并编号"):
            find_merge(conn, "abc")
        with pytest.raises(UnmergeError, match="没有可撤销的合并"):
            find_merge(conn, str(uuid.uuid4()))
        with pytest.raises(UnmergeError, match="找不到编号"):
            unmerge(conn, 999_999, undone_by="王审核")
