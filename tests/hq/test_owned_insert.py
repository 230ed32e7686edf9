"""A push of station-owned rows none of which HQ holds is a plain insert (app.hq.owned `_INSERT_NEW`),
not an upsert (whose statement also fires replica_row's UPDATE statement triggers); a row another
push stored between the lock read and the insert still goes through the upsert's rules: the
station's own row updated, another station's refused."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.hq import fast_sql, merge, owned
from app.hq import push as hq_push
from app.models.types import uuid7
from tests.hq.factories import service_record


def push(engine: Engine, station: uuid.UUID, rows: list[dict[str, Any]]) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows)


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements app.hq.owned sends through fast_sql.rows, in order."""
    sent: list[str] = []
    real = fast_sql.rows

    def rows(conn: Any, sql: str, params: Any, **kw: Any) -> Any:
        sent.append(sql)
        return real(conn, sql, params, **kw)

    monkeypatch.setattr(owned.fast_sql, "rows", rows)
    return sent


def stored(engine: Engine, row_id: str) -> tuple[int, str, str | None]:
    with engine.connect() as conn:
        version, summary, station = conn.execute(text(
            "SELECT version, data->>'summary', station_id::text FROM replica_row WHERE tbl = 'service_record' AND id = :i"),
            {"i": row_id}).one()
    return version, summary, station


def test_new_rows_are_inserted_and_known_ones_upserted(hq_engine: Engine, enrol: Any, statements: list[str]) -> None:
    me = enrol("OI-A1").station_id
    rows = [service_record(me, uuid7(), summary=f"new {i}") for i in range(3)]
    result = push(hq_engine, me, rows)
    assert result.accepted == 3 and not result.rejected
    assert statements[-1] == owned._INSERT_NEW and "DO UPDATE" not in statements[-1]
    rows[0]["data"]["summary"] = "edited"
    more = service_record(me, uuid7(), summary="new with an edit")
    result = push(hq_engine, me, [rows[0], more])  # one row known: the upsert, as before
    assert statements[-1] == owned._UPSERT
    assert {v["id"]: v["version"] for v in result.versions} == {rows[0]["id"]: 2, more["id"]: 1}
    assert stored(hq_engine, rows[0]["id"])[:2] == (2, "edited")


@pytest.mark.parametrize("owner", ["same station", "another station"])
def test_a_row_stored_after_the_lock_read_goes_through_the_upsert(hq_engine: Engine, enrol: Any, owner: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Another push commits the same id between our lock read and our insert: ours is then an
    update of our own row (version 2, our data), or refused if the row is another station's."""
    me = enrol(f"OI-B{len(owner)}").station_id
    other = enrol(f"OI-C{len(owner)}").station_id
    row, plain = service_record(me, uuid7(), summary="ours"), service_record(me, uuid7(), summary="plain")
    first_owner = me if owner == "same station" else other
    real, raced = fast_sql.rows, []

    def rows(conn: Any, sql: str, params: Any, **kw: Any) -> Any:
        if sql == owned._INSERT_NEW and not raced:  # after the lock read found nothing: the other push commits
            raced.append(True)
            push(hq_engine, first_owner, [dict(row, station_id=str(first_owner), data=dict(row["data"], summary="theirs"))])
        return real(conn, sql, params, **kw)

    monkeypatch.setattr(owned.fast_sql, "rows", rows)
    result = push(hq_engine, me, [row, plain])
    accepted = {v["id"]: v["version"] for v in result.versions}
    assert accepted[plain["id"]] == 1
    if owner == "same station":
        assert accepted[row["id"]] == 2 and not result.rejected
        assert stored(hq_engine, row["id"]) == (2, "ours", str(me))
    else:
        assert row["id"] not in accepted
        assert [(r["id"], r["reason"]) for r in result.rejected] == [(row["id"], "owned_by_other_station")]
        assert stored(hq_engine, row["id"]) == (1, "theirs", str(other))


def test_new_enterprises_go_in_with_the_new_rows_in_one_statement(hq_engine: Engine, enrol: Any,
                                                                   statements: list[str]) -> None:
    """A push's plainly new enterprises (no code, nothing stored) and the station's new rows are one
    INSERT on replica_row (each runs the hash and read-model statement triggers), stored and answered
    exactly as two were: enterprises first in id order, each as sent (echo marks, stamps)."""
    from app.hq.apply_context import now_ms
    from app.sync.protocol import hlc_from_ms
    from tests.hq.factories import enterprise

    me = enrol("OI-E1").station_id
    ents = [enterprise(me, hlc_from_ms(now_ms() - 1000, i), name=f"新企业{i}") for i in range(2)]
    rows = [service_record(me, ents[0]["id"], summary=f"new {i}") for i in range(18)]
    result = push(hq_engine, me, [*rows, *ents])
    assert [s for s in statements if s.startswith("INSERT INTO replica_row")] == [owned._INSERT_WITH_ENTERPRISES]
    assert result.accepted == 20 and not result.rejected
    assert result.versions == [{"tbl": "enterprise", "id": e["id"], "version": 1} for e in sorted(ents, key=lambda e: e["id"])] \
        + [{"tbl": "service_record", "id": r["id"], "version": 1} for r in rows]
    with hq_engine.connect() as conn:
        got = conn.execute(text("SELECT tbl, id::text, station_id, data, field_hlc, field_station, echo_to, echo_version "
                                "FROM replica_row WHERE id = ANY(CAST(:ids AS uuid[]))"),
                           {"ids": [r["id"] for r in [*ents, *rows]]}).all()
    assert len(got) == 20
    for tbl, row_id, station, data, stamps, writers, echo_to, echo_version in got:
        sent = next(r for r in [*ents, *rows] if r["id"] == row_id)
        assert (station, data, echo_to, echo_version) == (me, sent["data"], me, 1)
        if tbl == "enterprise":
            assert stamps == {**sent["field_hlc"], "deleted": 0} and writers == dict.fromkeys(stamps, str(me))
        else:
            assert stamps is None and writers is None


def test_an_enterprise_stored_after_the_prefetch_is_merged_into(hq_engine: Engine, enrol: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Another push commits the same new enterprise between our prefetch and our insert: ours is
    not inserted but merged into it field by field (our later name wins), and our rows still go in."""
    from app.hq.apply_context import now_ms
    from app.sync.protocol import hlc_from_ms
    from tests.hq.factories import enterprise

    me = enrol("OI-E2").station_id
    ours = enterprise(me, hlc_from_ms(now_ms() - 1000), name="我们的名字")  # stamps in the past: none clamped
    theirs = dict(ours, data=dict(ours["data"], name="先到的名字"),
                  field_hlc=dict.fromkeys(ours["data"], hlc_from_ms(now_ms() - 5000)))
    rows = [service_record(me, ours["id"], summary=f"new {i}") for i in range(3)]
    real, raced = fast_sql.rows, []

    def racing(conn: Any, sql: str, params: Any, **kw: Any) -> Any:
        if sql == owned._INSERT_WITH_ENTERPRISES and not raced:
            raced.append(True)
            push(hq_engine, me, [theirs])
        return real(conn, sql, params, **kw)

    monkeypatch.setattr(owned.fast_sql, "rows", racing)
    result = push(hq_engine, me, [ours, *rows])
    assert raced and not result.rejected and result.accepted == 4
    assert {v["id"]: v["version"] for v in result.versions} == {ours["id"]: 2, **{r["id"]: 1 for r in rows}}
    with hq_engine.connect() as conn:
        name, version = conn.execute(text("SELECT data->>'name', version FROM replica_row WHERE tbl = 'enterprise' "
                                          "AND id = :i"), {"i": ours["id"]}).one()
    assert (name, version) == ("我们的名字", 2)


def test_new_enterprises_beside_a_known_row_go_in_before_the_upsert(hq_engine: Engine, enrol: Any,
                                                                    statements: list[str]) -> None:
    """When a station-owned row of the push is already stored (the upsert's case), the plainly new
    enterprises are inserted on their own first, as before; every row answered as before."""
    from app.hq.apply_context import now_ms
    from app.sync.protocol import hlc_from_ms
    from tests.hq.factories import enterprise

    me = enrol("OI-E3").station_id
    known = service_record(me, uuid7(), summary="first")
    push(hq_engine, me, [known])
    ent = enterprise(me, hlc_from_ms(now_ms() - 1000), name="新企业")
    edited = dict(known, data=dict(known["data"], summary="edited"))
    fresh = service_record(me, ent["id"], summary="new")
    result = push(hq_engine, me, [edited, fresh, ent])
    inserts = [s for s in statements if s.startswith("INSERT INTO replica_row")]
    assert inserts[-2:] == [merge._INSERT_MANY, owned._UPSERT]
    assert result.versions == [{"tbl": "enterprise", "id": ent["id"], "version": 1},
                               {"tbl": "service_record", "id": known["id"], "version": 2},
                               {"tbl": "service_record", "id": fresh["id"], "version": 1}]
    assert stored(hq_engine, known["id"])[:2] == (2, "edited") and stored(hq_engine, fresh["id"])[:2] == (1, "new")
