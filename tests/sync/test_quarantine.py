"""Quarantine on one station, without HQ: a pulled page with rows that cannot be stored
applies the rest and moves its cursor; a refused row is kept with its error; it is
retried after an upgrade and on request, and leaves quarantine once it applies."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.models.database import Database
from app.models.types import uuid7
from app.sync import check, pull, quarantine


def _row(tbl: str, data: dict[str, Any], *, version: int = 1, deleted: bool = False, row_id: str | None = None) -> dict[str, Any]:
    return {"tbl": tbl, "id": row_id or str(uuid7()), "station_id": None, "version": version, "deleted": deleted, "data": data}


def _enterprise(name: Any = "正常企业", **more: Any) -> dict[str, Any]:
    return _row("enterprise", {"name": name, **more})


def _apply(db: Database, rows: list[dict[str, Any]], cursor: Any = {"c": 1}) -> int:  # noqa: B006
    with db.engine.connect() as conn:
        return pull.apply_page(conn, pull.MAIN_SCOPE, rows, cursor, True)


def _kept(db: Database) -> dict[str, quarantine.QuarantinedRow]:
    with db.engine.connect() as conn:
        return {q.row_id: q for q in quarantine.listed(conn)}


def _names(db: Database) -> dict[str, tuple[str, int, int]]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, name, version, deleted FROM enterprise").all()
    return {f"{i[:8]}-{i[8:12]}-{i[12:16]}-{i[16:20]}-{i[20:]}": (n, v, d) for i, n, v, d in rows}


def test_bad_rows_are_kept_apart_and_the_rest_of_the_page_applies(db: Database) -> None:
    good, abc, nameless, typed, long = (_enterprise(), _enterprise(revenue="abc"), _row("enterprise", {"district": "天河区"}),
                                        _enterprise(employees="很多"), _enterprise("长" * 100_000))
    assert _apply(db, [abc, good, nameless, typed, long], cursor={"after": 42}) == 1
    assert set(_names(db)) == {good["id"]}
    with db.engine.connect() as conn:
        assert pull.read_cursor(conn, pull.MAIN_SCOPE) == ({"after": 42}, True)  # the cursor moved on
    kept = _kept(db)
    assert set(kept) == {abc["id"], nameless["id"], typed["id"], long["id"]}
    assert "revenue 字段：应为数字，收到 'abc'" in kept[abc["id"]].error
    assert "name 字段：缺少必填值" in kept[nameless["id"]].error
    assert "employees 字段：应为整数" in kept[typed["id"]].error
    assert "超过上限 200" in kept[long["id"]].error
    with db.engine.connect() as conn:
        raw = json.loads(conn.exec_driver_sql("SELECT raw FROM sync_quarantine WHERE error LIKE '%revenue%'").scalar_one())
        version = conn.exec_driver_sql("SELECT app_version FROM sync_quarantine LIMIT 1").scalar_one()
    assert raw["data"] == {"name": "正常企业", "revenue": "abc"} and version == quarantine.APP_VERSION

    _apply(db, [abc])  # seen again (a re-pull): one entry, counted
    assert _kept(db)[abc["id"]].attempts == 2


def test_a_row_the_database_refuses_is_found_by_savepoints(db: Database) -> None:
    """Two station rows with one code (UNIQUE): the table's batch fails, its rows are
    written one savepoint each, and only the refused one is kept."""
    first = _row("station", {"code": "GZ-DUP", "name": "甲站", "district": "天河区"})
    second = _row("station", {"code": "GZ-DUP", "name": "乙站", "district": "越秀区"})
    other = _enterprise("同一页的企业")
    assert _apply(db, [first, second, other]) == 2
    with db.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM station")}
    assert "甲站" in names and "乙站" not in names
    assert set(_names(db)) == {other["id"]}
    kept = _kept(db)
    assert set(kept) == {second["id"]} and "UNIQUE constraint failed: station.code" in kept[second["id"]].error


def test_a_later_version_that_applies_leaves_quarantine(db: Database) -> None:
    bad = _enterprise(revenue="abc")
    _apply(db, [bad])
    fixed = _row("enterprise", {"name": "更正后的企业", "revenue": "1.50"}, version=2, row_id=bad["id"])
    _apply(db, [fixed])
    assert _kept(db) == {} and _names(db)[bad["id"]] == ("更正后的企业", 2, 0)


def test_a_bad_tombstone_still_deletes(db: Database) -> None:
    good = _enterprise("将被删除的企业")
    _apply(db, [good])
    tombstone = _row("enterprise", {"name": None}, version=3, deleted=True, row_id=good["id"])
    _apply(db, [tombstone])
    assert _names(db)[good["id"]] == ("将被删除的企业", 3, 1) and _kept(db) == {}


def test_quarantined_rows_are_retried_after_an_upgrade_and_on_request(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    bad, refused = _enterprise(revenue="abc"), _enterprise("旧版本拒绝的企业")
    _apply(db, [bad])
    with db.engine.begin() as conn:  # as an older version would have kept it (say its length rule was stricter)
        quarantine.keep(conn, [quarantine.failed("enterprise", refused, "旧版本的错误")])
        conn.exec_driver_sql("UPDATE sync_quarantine SET app_version = '0.0.1'")
    with db.engine.connect() as conn:
        assert pull.retry_quarantined(conn, stale_only=False) == (1, 1)  # on request: all of them
    assert set(_kept(db)) == {bad["id"]} and _kept(db)[bad["id"]].attempts == 2
    assert _names(db)[refused["id"]][0] == "旧版本拒绝的企业"

    with db.engine.connect() as conn:  # failed under this version: not retried automatically
        assert pull.retry_quarantined(conn, stale_only=True) == (0, 1)
    assert _kept(db)[bad["id"]].attempts == 2
    monkeypatch.setattr(quarantine, "APP_VERSION", "9.9.9")  # an upgrade
    with db.engine.connect() as conn:
        assert pull.retry_quarantined(conn, stale_only=True) == (0, 1)
    assert _kept(db)[bad["id"]].attempts == 3


def test_the_check_counts_a_quarantined_row_as_hq_holds_it(db: Database) -> None:
    """Why the check does not re-pull a quarantined row forever: our figures are read as if
    it had applied, so they equal HQ's (which counts it) and differ only on a real gap."""
    kept_good = _enterprise("本机的旧版本")
    _apply(db, [kept_good, _enterprise("另一家")])
    new_bad = _enterprise(revenue="abc")
    newer_bad = _row("enterprise", {"name": "新版本", "revenue": "abc"}, version=5, row_id=kept_good["id"])
    _apply(db, [new_bad, newer_bad])
    with db.engine.connect() as conn:
        plain = check.maintained(conn)
        seen = check.with_quarantine(conn, plain)["enterprise"]
        conn.rollback()
    hq_ids = [(kept_good["id"], 5), (new_bad["id"], 1)]
    with db.engine.connect() as conn:
        other = conn.exec_driver_sql("SELECT id, version FROM enterprise WHERE name = '另一家'").one()
    expected = sum(check.row_hash(i.replace("-", ""), v) for i, v in hq_ids) + check.row_hash(other[0], other[1])
    assert seen == {"count": 3, "hash": expected & ((1 << 64) - 1)}
    assert plain["enterprise"]["count"] == 2


def test_a_full_re_pull_that_no_longer_sends_a_quarantined_row_drops_it(db: Database) -> None:
    """HQ deleted the bad row while this station bootstrapped (no tombstone came): the
    repair's full re-pull of the table does not send it, so its entry goes too."""
    gone, still = _enterprise(revenue="abc"), _enterprise(revenue="xyz")
    _apply(db, [gone, still])
    with db.engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS sync_seen(id TEXT PRIMARY KEY)")
        pull.apply_page(conn, pull.table_scope("enterprise"), [still], None, True, seen=True)
        pull.retire_unseen(conn, "enterprise")
    assert set(_kept(db)) == {still["id"]}
