"""Enterprises: field merge by HLC with a conflict log, one enterprise per credit code."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from sqlalchemy import text

from app.hq import push as hq_push
from app.hq.hq_edits import hq_edit
from app.sync.protocol import MAX_FUTURE_SKEW_MS
from tests.hq.factories import T0, edit, enterprise, hlc, service_record


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]]) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows, at_ms=T0)


def stored(engine: Any, row_id: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(text("SELECT data, deleted, version, field_hlc FROM replica_row WHERE id = :i"), {"i": row_id}).one()


def conflicts(engine: Any, row_id: str) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT field, winning_value, losing_value FROM conflict_log WHERE row_id = :i ORDER BY id"), {"i": row_id}
        )
        return [tuple(r) for r in rows]


def test_fields_merge_by_hlc_and_every_loser_is_logged(hq_engine, enrol) -> None:
    a, b = enrol("M-A1"), enrol("M-B1")
    base = enterprise(a.station_id, hlc(0))
    push(hq_engine, a.station_id, [base])
    # B edits phone later than A edits phone; A also edits the address nobody else touched.
    push(hq_engine, b.station_id, [edit(base, hlc(20), contact_phone="B-phone")])
    result = push(hq_engine, a.station_id, [edit(base, hlc(10), contact_phone="A-phone", address="A-address")])
    assert result.conflicts == 1
    data = stored(hq_engine, base["id"]).data
    assert data["contact_phone"] == "B-phone" and data["address"] == "A-address"
    # B's edit came without field_base_hlc, so the value it replaced is logged too (conservative)
    assert conflicts(hq_engine, base["id"]) == [
        ("contact_phone", "B-phone", "020-1234567"),
        ("contact_phone", "B-phone", "A-phone"),
    ]
    # HQ edits the name after both: HQ wins and the station value it replaced is logged.
    with hq_engine.begin() as conn:
        hq_edit(conn, "enterprise", uuid.UUID(base["id"]), {"name": "总部核定名称"}, at_ms=T0 + 30)
    late = push(hq_engine, b.station_id, [edit(base, hlc(25), name="B 的名称")])
    assert late.conflicts == 1 and stored(hq_engine, base["id"]).data["name"] == "总部核定名称"
    assert ("name", "总部核定名称", "B 的名称") in conflicts(hq_engine, base["id"])
    assert ("name", "总部核定名称", "广州示例科技有限公司") in conflicts(hq_engine, base["id"])


def test_overwritten_value_logged_unless_station_saw_it(hq_engine, enrol) -> None:
    a, b = enrol("M-A2"), enrol("M-B2")
    base = enterprise(a.station_id, hlc(0))
    push(hq_engine, a.station_id, [base])
    push(hq_engine, a.station_id, [edit(base, hlc(10), contact_phone="A2")])
    concurrent = push(hq_engine, b.station_id, [edit(base, hlc(20), contact_phone="B2")])  # B never saw A2
    assert concurrent.conflicts == 1
    seen = dict(edit(base, hlc(30), contact_phone="B3"), field_base_hlc={"contact_phone": hlc(20)})
    assert push(hq_engine, b.station_id, [seen]).conflicts == 0  # sequential edit: no conflict
    assert stored(hq_engine, base["id"]).data["contact_phone"] == "B3"


def test_tie_goes_to_higher_station_id_and_future_stamps_are_clamped(hq_engine, enrol) -> None:
    a, b = enrol("M-A3"), enrol("M-B3")
    high, low = (a, b) if str(a.station_id) > str(b.station_id) else (b, a)
    base = enterprise(low.station_id, hlc(0))
    push(hq_engine, low.station_id, [base])
    push(hq_engine, high.station_id, [edit(base, hlc(10), address="high")])
    push(hq_engine, low.station_id, [edit(base, hlc(10), address="low")])
    assert stored(hq_engine, base["id"]).data["address"] == "high"
    future = hlc(MAX_FUTURE_SKEW_MS + 3_600_000)  # a station clock an hour past the allowed skew
    push(hq_engine, low.station_id, [edit(base, future, contact_name="未来")])
    row = stored(hq_engine, base["id"])
    assert row.field_hlc["contact_name"] == hlc(0, future & 0xFFFF)  # clamped to server time
    push(hq_engine, high.station_id, [edit(base, hlc(60_000), contact_name="一分钟后")])
    assert stored(hq_engine, base["id"]).data["contact_name"] == "一分钟后"


def test_pin_attack_a_stamp_hours_ahead_loses_to_the_owners_later_edit(hq_engine, enrol) -> None:
    """Finding 7: a station stamps a field 23 hours ahead so the owner's later edits lose."""
    owner, attacker = enrol("M-PIN-A"), enrol("M-PIN-X")
    assert MAX_FUTURE_SKEW_MS <= 15 * 60_000  # minutes, not a day
    base = enterprise(owner.station_id, hlc(0))
    push(hq_engine, owner.station_id, [base])
    pin = hlc(23 * 3_600_000, 7)
    push(hq_engine, attacker.station_id, [edit(base, pin, name="钉住的名称")])
    assert stored(hq_engine, base["id"]).field_hlc["name"] == hlc(0, 7)  # server time, counter kept
    later = edit(base, hlc(60_000), name="业主改的名称")
    with hq_engine.begin() as conn:  # the owner edits a minute later with an honest clock
        hq_push.apply_push(conn, owner.station_id, uuid.uuid4(), [later], at_ms=T0 + 60_000)
    assert stored(hq_engine, base["id"]).data["name"] == "业主改的名称"


def test_honest_skew_within_the_limit_keeps_its_stamp(hq_engine, enrol) -> None:
    a = enrol("M-SKEW")
    base = enterprise(a.station_id, hlc(0))
    push(hq_engine, a.station_id, [base])
    ahead = hlc(MAX_FUTURE_SKEW_MS - 1_000)  # a clock a little fast, within the allowed skew
    push(hq_engine, a.station_id, [edit(base, ahead, address="快一点的时钟")])
    assert stored(hq_engine, base["id"]).field_hlc["address"] == ahead


def test_same_credit_code_from_two_stations_merges_and_rewrites_references(hq_engine, enrol) -> None:
    a, b = enrol("M-A4"), enrol("M-B4")
    code = "91440101MA5C000001"
    first = enterprise(a.station_id, hlc(0), credit_code=code, address="")
    second = enterprise(b.station_id, hlc(5), credit_code=code, name="同一家（B 录入）", address="B 地址")
    b_record = service_record(b.station_id, second["id"])
    push(hq_engine, a.station_id, [first])
    result = push(hq_engine, b.station_id, [second, b_record])
    assert result.merged == [{"merged_id": second["id"], "survivor_id": first["id"], "credit_code": code}]
    survivor, merged = stored(hq_engine, first["id"]), stored(hq_engine, second["id"])
    assert not survivor.deleted and survivor.data["address"] == "B 地址"  # filled from the newcomer
    assert merged.deleted and merged.data["merged_into"] == first["id"]
    assert ("name", first["data"]["name"], "同一家（B 录入）") in conflicts(hq_engine, first["id"])
    assert stored(hq_engine, b_record["id"]).data["enterprise_id"] == first["id"]
    # B, offline, keeps using its own id: later pushes are rewritten / redirected too.
    later = service_record(b.station_id, second["id"])
    push(hq_engine, b.station_id, [later, edit(second, hlc(50), contact_phone="B 新电话")])
    assert stored(hq_engine, later["id"]).data["enterprise_id"] == first["id"]
    assert stored(hq_engine, first["id"]).data["contact_phone"] == "B 新电话"
    assert not stored(hq_engine, first["id"]).deleted
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT survivor_id::text FROM enterprise_alias WHERE merged_id = :m"), {"m": second["id"]}).scalar() == first["id"]
        assert conn.execute(text("SELECT count(*) FROM merge_record WHERE merged_id = :m"), {"m": second["id"]}).scalar() == 1


def test_existing_reference_rewritten_when_code_filled_in_later(hq_engine, enrol) -> None:
    a, b = enrol("M-A5"), enrol("M-B5")
    code = "91440101MA5C000002"
    holder = enterprise(a.station_id, hlc(0), credit_code=code)
    nameless = enterprise(b.station_id, hlc(0))
    record = service_record(b.station_id, nameless["id"])
    push(hq_engine, a.station_id, [holder])
    push(hq_engine, b.station_id, [nameless, record])
    before = stored(hq_engine, record["id"]).version
    result = push(hq_engine, b.station_id, [edit(nameless, hlc(10), credit_code=code)])
    assert result.merged and result.merged[0]["survivor_id"] == holder["id"]
    rewritten = stored(hq_engine, record["id"])
    assert rewritten.data["enterprise_id"] == holder["id"] and rewritten.version == before + 1


def test_concurrent_creation_of_one_code_leaves_one_survivor(hq_engine, enrol) -> None:
    stations = [enrol(f"M-C{i}") for i in range(6)]
    code = "91440101MA5C000003"
    start = threading.Barrier(len(stations))
    rows = [enterprise(s.station_id, hlc(i), credit_code=code) for i, s in enumerate(stations)]

    def send(i: int) -> None:
        start.wait()
        push(hq_engine, stations[i].station_id, [rows[i]])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(stations))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with hq_engine.connect() as conn:
        live = conn.execute(
            text("SELECT count(*) FROM replica_row WHERE tbl = 'enterprise' AND NOT deleted AND data->>'credit_code' = :c"), {"c": code}
        ).scalar()
        merges = conn.execute(text("SELECT count(*) FROM merge_record WHERE credit_code = :c"), {"c": code}).scalar()
    assert live == 1 and merges == len(stations) - 1


def test_push_answer_lists_each_conflict_with_the_parties_by_code(hq_engine, enrol) -> None:
    a, b = enrol("M-CD-A"), enrol("M-CD-B")
    base = enterprise(a.station_id, hlc(0))
    push(hq_engine, a.station_id, [base])
    push(hq_engine, b.station_id, [edit(base, hlc(20), contact_phone="B-phone")])
    batch = uuid.uuid4()
    with hq_engine.begin() as conn:
        lost = hq_push.apply_push(conn, a.station_id, batch, [edit(base, hlc(10), contact_phone="A-phone")], at_ms=T0 + 50)
    assert lost.conflicts == len(lost.conflict_details) == 1
    detail = lost.conflict_details[0]
    assert detail == {
        "tbl": "enterprise", "id": base["id"], "field": "contact_phone", "losing_value": "A-phone",
        "winning_value": "B-phone", "winner": "M-CD-B", "loser": "station", "at": detail["at"],
    }
    assert detail["at"].startswith("2027-01-15T08:00:00.050")  # T0 + 50 ms, UTC
    assert str(b.station_id) not in str(lost.to_json())  # other stations by code, never by id
    with hq_engine.begin() as conn:  # a resent batch answers the same details
        again = hq_push.apply_push(conn, a.station_id, batch, [])
    assert again.status == "already_applied" and again.conflict_details == lost.conflict_details
    # the station overwrites HQ's value: it wins, HQ's value is the loser
    with hq_engine.begin() as conn:
        hq_edit(conn, "enterprise", uuid.UUID(base["id"]), {"address": "总部地址"}, at_ms=T0 + 60)
    won = push(hq_engine, b.station_id, [edit(base, hlc(70), address="B 地址")])
    assert [(d["field"], d["winner"], d["loser"], d["winning_value"], d["losing_value"]) for d in won.conflict_details] == [
        ("address", "station", "hq", "B 地址", "总部地址")
    ]


def test_stored_answers_without_conflict_details_still_replay() -> None:
    old = {"batch_id": "b", "accepted": 1, "rejected": [], "conflicts": 2, "merged": [], "versions": []}
    result = hq_push.PushResult.from_json(old, "already_applied")
    assert result.conflicts == 2 and result.conflict_details == []
