"""Poisoned rows written straight into HQ's PostgreSQL store (past HQ's validation) never
stop a station: every other station keeps syncing and converging on the good rows, the bad
ones sit in quarantine with their error, and the count-and-hash check does not re-pull
them forever (issue 10, finding 1)."""

from __future__ import annotations

import contextlib
import json
import uuid
from typing import Any

from sqlalchemy import Engine, text

from app.models.types import uuid7
from app.sync import quarantine
from app.sync.engine import LAST_CHECK_KEY, sync

from .helpers import add_work, hq_visible_rows, local_rows, outbox_size


def _poison(hq: Engine, station_id: uuid.UUID, data: dict[str, Any], tbl: str = "enterprise") -> uuid.UUID:
    row_id = uuid7()
    with hq.begin() as conn:
        conn.execute(
            text("INSERT INTO replica_row(tbl, id, station_id, version, deleted, data) VALUES (:t, :i, :s, 1, false, :d)"),
            {"t": tbl, "i": row_id, "s": station_id, "d": json.dumps(data, ensure_ascii=False)},
        )
    return row_id


def _rewrite(hq: Engine, row_id: uuid.UUID, change: dict[str, Any]) -> None:
    """HQ's row gets new data and version, as a new commit the pull cursor will see."""
    with hq.begin() as conn:
        conn.execute(
            text("UPDATE replica_row SET data = data || CAST(:d AS jsonb), version = version + 1, "
                 "txid = pg_current_xact_id() WHERE id = :i"),
            {"d": json.dumps(change, ensure_ascii=False), "i": row_id},
        )


def _kept(db: Any) -> dict[str, quarantine.QuarantinedRow]:
    with db.engine.connect() as conn:
        return {q.row_id: q for q in quarantine.listed(conn)}


def _assert_equal_but(db: Any, hq: Engine, station_id: uuid.UUID, bad: dict[tuple[str, str], Any]) -> None:
    """The station equals HQ on every row, except that each poisoned row holds `bad[key]`
    (its last good copy, or None: absent)."""
    mine, theirs = local_rows(db, live_only=True), hq_visible_rows_safe(hq, station_id, set(bad))
    for key, expected in bad.items():
        assert mine.pop(key, None) == expected, key
    assert mine == theirs
    assert outbox_size(db) == 0


def hq_visible_rows_safe(hq: Engine, station_id: uuid.UUID, skip: set[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    """helpers.hq_visible_rows without the poisoned rows (they cannot even be converted)."""
    with hq.begin() as conn:
        conn.execute(text("UPDATE replica_row SET deleted = true WHERE id = ANY(:ids)"),
                     {"ids": [uuid.UUID(k[1]) for k in skip]})
        try:
            return hq_visible_rows(_Within(conn), station_id)  # type: ignore[arg-type]
        finally:
            conn.rollback()


class _Within:
    """An Engine stand-in whose connect() is the open transaction (rolled back after)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def connect(self) -> Any:
        return contextlib.nullcontext(self.conn)


def test_poisoned_rows_at_hq_never_stop_other_stations(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, b, c = make_station("GZ-POISON-A"), make_station("GZ-POISON-B"), make_station("GZ-POISON-C")
    shared = add_work(a.db, a.station_id, 6, seed=7)
    for st in (a, b, c):
        assert sync(st.db, st.client()).completed

    good_before = local_rows(b.db, ("enterprise",))[("enterprise", shared[0].hex)]
    poisoned = {
        "revenue": _poison(hq_engine, a.station_id, {"name": "营收不是数字", "revenue": "abc"}),
        "name": _poison(hq_engine, a.station_id, {"district": "天河区"}),
        "employees": _poison(hq_engine, a.station_id, {"name": "人数是文本", "employees": "很多"}),
        "long": _poison(hq_engine, a.station_id, {"name": "长" * 100_000}),
        "date": _poison(hq_engine, a.station_id, {"title": "日期无效", "category": "finance", "issued_on": "2026-13-45"},
                        tbl="policy"),
    }
    _rewrite(hq_engine, shared[0], {"revenue": "Infinity"})  # an enterprise every station already holds
    later = _poison(hq_engine, a.station_id, {"name": "毒行之后的正常企业"})  # after the bad rows: must arrive

    for st in (b, c):
        result = sync(st.db, st.client())
        assert result.completed, result.message
        assert result.repaired == []  # the check passed first time: no table re-pulled
        kept = _kept(st.db)
        assert set(kept) == {str(i) for i in [*poisoned.values(), shared[0]]}, ({k: str(v) for k, v in poisoned.items()}, str(shared[0]), list(kept))
        assert "revenue 字段" in kept[str(poisoned["revenue"])].error and "'abc'" in kept[str(poisoned["revenue"])].error
        assert "name 字段：缺少必填值" in kept[str(poisoned["name"])].error
        assert "employees 字段：应为整数" in kept[str(poisoned["employees"])].error
        assert "超过上限 200" in kept[str(poisoned["long"])].error
        assert "issued_on 字段" in kept[str(poisoned["date"])].error
        assert "联系服务总站" in kept[str(poisoned["revenue"])].error
        assert all(q.attempts == 1 for q in kept.values())
        mine = local_rows(st.db, ("enterprise",))
        assert ("enterprise", later.hex) in mine  # the cursor moved past the poison
        bad = {("enterprise", i.hex): None for k, i in poisoned.items() if k != "date"}
        bad |= {("policy", poisoned["date"].hex): None, ("enterprise", shared[0].hex): good_before}
        _assert_equal_but(st.db, hq_engine, st.station_id, bad)

        # again, with the full check: nothing to pull, nothing re-pulled, nothing re-counted
        again = sync(st.db, st.client(), verify=True)
        assert again.completed and again.pulled == 0 and again.repaired == [], again
        with st.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = ?", (LAST_CHECK_KEY,)).scalar()
        assert all(q.attempts == 1 for q in _kept(st.db).values())

    # the station that wrote them keeps working too, and its own new work still reaches HQ
    add_work(a.db, a.station_id, 2, seed=8)
    assert sync(a.db, a.client()).completed

    # HQ corrects two rows: they apply and leave quarantine
    _rewrite(hq_engine, poisoned["revenue"], {"revenue": "12.50"})
    _rewrite(hq_engine, shared[0], {"revenue": "99.00"})
    result = sync(b.db, b.client())
    assert result.completed and result.repaired == []
    kept = _kept(b.db)
    assert str(poisoned["revenue"]) not in kept and str(shared[0]) not in kept and len(kept) == 4
    mine = local_rows(b.db, ("enterprise",))
    assert ("enterprise", poisoned["revenue"].hex) in mine


def test_a_repair_keeps_the_good_copy_of_a_quarantined_row(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    """A full re-pull of a table (the check found a real difference) meets the poisoned row
    again: it stays quarantined, and our older good copy is not retired as "unseen"."""
    a, b = make_station("GZ-POISON-RA"), make_station("GZ-POISON-RB")
    shared = add_work(a.db, a.station_id, 3, seed=9)
    assert sync(a.db, a.client()).completed and sync(b.db, b.client()).completed
    _rewrite(hq_engine, shared[1], {"employees": "很多"})
    assert sync(b.db, b.client()).completed
    with b.db.engine.begin() as conn:  # a real difference: a row lost behind capture's back
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1")
        conn.exec_driver_sql("DELETE FROM enterprise WHERE id = ?", (shared[2].hex,))
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0")
    result = sync(b.db, b.client(), verify=True)
    assert result.completed and result.repaired == ["enterprise"], result
    mine = local_rows(b.db, ("enterprise",), live_only=True)
    assert ("enterprise", shared[2].hex) in mine and ("enterprise", shared[1].hex) in mine
    kept = _kept(b.db)
    assert kept[str(shared[1])].attempts == 2  # (the module's HQ also holds the first test's poison)
    assert sync(b.db, b.client(), verify=True).repaired == []  # and the next check passes


def test_a_sync_after_an_upgrade_retries_quarantined_rows(make_station, hq_engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-POISON-UP")
    assert sync(a.db, a.client()).completed
    row = {"tbl": "enterprise", "id": str(uuid7()), "station_id": str(a.station_id), "version": 1, "deleted": False,
           "data": {"name": "旧版本存不下的企业"}}
    with a.db.engine.begin() as conn:  # kept by an older version of the app, whose rules were stricter
        quarantine.keep(conn, [quarantine.failed("enterprise", row, "旧版本的错误")])
        conn.exec_driver_sql("UPDATE sync_quarantine SET app_version = '0.0.1' WHERE row_id = ?", (uuid.UUID(row["id"]).hex,))
    result = sync(a.db, a.client())
    assert result.completed and str(row["id"]) not in _kept(a.db)
    assert ("enterprise", uuid.UUID(row["id"]).hex) in local_rows(a.db, ("enterprise",))
