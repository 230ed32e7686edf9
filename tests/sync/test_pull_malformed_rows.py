"""Pulled rows malformed beyond their values (a short array row, an id that is no uuid, field
stamps that are no stamps, a row that is not a row) are quarantined or skipped like any
row that cannot be stored: the rest of the page applies and the cursor moves on.  They
used to raise out of `pull.prepare` (IndexError, ValueError, AttributeError, TypeError),
stopping every sync of the station at that page, each time it was tried."""

from __future__ import annotations

from typing import Any

import pytest

from app.models.database import Database
from app.models.types import uuid7
from app.sync import pull, quarantine
from app.sync.client import ServerError
from app.sync.codec import codec


def _row(tbl: str = "enterprise", **more: Any) -> dict[str, Any]:
    return {"tbl": tbl, "id": str(uuid7()), "station_id": None, "version": 1, "deleted": False,
            "data": {"name": "正常企业"}, **more}


def _array(tbl: str = "enterprise") -> list[Any]:
    row = _row(tbl)
    names = codec(tbl).data_columns
    return [tbl, row["id"], None, 1, False, None, [n for n in names if n != "name"],
            *("正常企业" if n == "name" else None for n in names)]


def _apply(db: Database, rows: list[Any]) -> int:
    with db.engine.connect() as conn:
        return pull.apply_page(conn, pull.MAIN_SCOPE, rows, {"after": 7}, True)


def _state(db: Database) -> tuple[int, Any, list[str]]:
    with db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT count(*) FROM enterprise").scalar_one()
        cursor = pull.read_cursor(conn, pull.MAIN_SCOPE)
        errors = [q.error for q in quarantine.listed(conn)]
    return stored, cursor, errors


KEPT = {
    "array row cut short": _array()[:5],
    "array row of the table name alone": ["enterprise"],
    "id that is no uuid": _row(id="x"),
    "id that is a number": _row(id=5),
    "id missing": {k: v for k, v in _row().items() if k != "id"},
    "field stamps not an object": _row(field_hlc=5),
    "field stamp not an integer": _row(field_hlc={"name": "x"}),
    "field stamp a list": _row(field_hlc={"name": [1]}),
    "field stamp past bigint": _row(field_hlc={"name": 2**64}),
    "field stamp negative": _row(field_hlc={"name": -1}),
    "array row's absent not a list": [*_array()[:6], 5, *_array()[7:]],
}


@pytest.mark.parametrize("bad", KEPT.values(), ids=list(KEPT))
def test_a_malformed_row_is_quarantined_and_the_page_applies(db: Database, bad: Any) -> None:
    good = _row(field_hlc={"name": 5})
    assert _apply(db, [bad, good]) == 1
    stored, cursor, errors = _state(db)
    assert stored == 1 and cursor == ({"after": 7}, True)
    assert len(errors) == 1 and "联系服务总站" in errors[0]


SKIPPED = {
    "no table": {"id": str(uuid7()), "version": 1, "deleted": False, "data": {"name": "某企业"}},
    "table name a list": _row(tbl=["enterprise"]),  # type: ignore[arg-type]
    "a text": "enterprise",
    "a number": 5,
    "null": None,
    "an empty array": [],
}


@pytest.mark.parametrize("bad", SKIPPED.values(), ids=list(SKIPPED))
def test_a_row_of_no_table_is_skipped_as_an_unknown_table_is(db: Database, bad: Any) -> None:
    assert _apply(db, [bad, _row()]) == 1
    assert _state(db) == (1, ({"after": 7}, True), [])


def test_stamps_of_a_good_shared_row_still_count() -> None:
    page = pull.prepare([_row(field_hlc={"name": 5, "district": 9})])
    assert page.max_hlc == 9 and [b[3] for b in page.bases] == [9]


@pytest.mark.parametrize("rows", [{"enterprise": []}, "rows", 5])
def test_rows_that_are_not_a_list_are_a_server_error(rows: Any) -> None:
    with pytest.raises(ServerError) as caught:
        pull.rows_of({"rows": rows, "cursor": None, "done": True})
    assert "回复无法识别" in caught.value.message
    assert pull.rows_of({"cursor": None, "done": True}) == []
