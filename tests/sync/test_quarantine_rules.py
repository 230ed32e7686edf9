"""A row that breaks the shared row rules, written straight into HQ's store (past HQ's
push validation), is quarantined at the station, though SQLite would store it: the
station's pull checks the same rules HQ does (app/domain/row_rules, issue 10)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from app.domain.row_rules import row_problem
from app.sync.engine import sync

from .helpers import local_rows
from .test_quarantine_poison import _kept, _poison, _rewrite

BAD = {
    # storable (a short text in a VARCHAR), refused by the rules: values outside an enumeration, a malformed code
    "status": {"name": "状态不在可选值里", "status": "bogus"},
    "credit_code": {"name": "信用代码格式错误", "credit_code": "123"},
    "district": {"name": "区名不在广州", "district": "火星区"},
}


def test_rows_the_rules_refuse_are_quarantined_at_the_station(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-RULES-A"), make_station("GZ-RULES-B")
    for data in BAD.values():
        assert row_problem("enterprise", data) is not None  # HQ's push would refuse each of them
    poisoned = {field: _poison(hq_engine, a.station_id, data) for field, data in BAD.items()}
    good = _poison(hq_engine, a.station_id, {"name": "规则之内的企业", "status": "active", "district": "天河区"})

    result = sync(b.db, b.client())
    assert result.completed, result.message
    kept = _kept(b.db)
    assert set(kept) == {str(i) for i in poisoned.values()}
    for field, row_id in poisoned.items():
        assert f"enterprise 表的 {field} 字段：" in kept[str(row_id)].error, kept[str(row_id)].error
    assert "不是可选的值" in kept[str(poisoned["status"])].error
    mine = local_rows(b.db, ("enterprise",))
    assert ("enterprise", good.hex) in mine
    assert not any(("enterprise", i.hex) in mine for i in poisoned.values())

    # HQ corrects one: it passes the rules, applies and leaves quarantine
    fixed: dict[str, Any] = {"status": "active"}
    _rewrite(hq_engine, poisoned["status"], fixed)
    assert sync(b.db, b.client()).completed
    assert str(poisoned["status"]) not in _kept(b.db)
    assert ("enterprise", poisoned["status"].hex) in local_rows(b.db, ("enterprise",))
