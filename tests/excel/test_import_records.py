"""Service records from a messy sheet: date forms, enterprise matching, repeats, re-runs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.models import ServiceRecord
from app.services.import_records import import_records
from tests.excel.messy_workbook import RECORDS_EXPECTED, build_records
from tests.services import TODAY, World


def test_messy_records(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = build_records(tmp_path / "台账.xlsx", "广州市甲乙科技有限公司", "王站长")
    report = import_records(db, path, today=TODAY)
    assert {k: getattr(report, k) for k in RECORDS_EXPECTED} == RECORDS_EXPECTED
    assert [(e.row_number, e.field) for e in report.errors] == [(8, "企业"), (9, "服务日期")]
    with db.begin() as s:
        rows = s.scalars(select(ServiceRecord).order_by(ServiceRecord.service_date)).all()
        got = [(r.service_date, r.category, r.channel, r.contact_minutes, r.fee_type, r.fee, r.satisfaction,
                r.enterprise_id == world.enterprise_id, r.staff_id == world.manager_id) for r in rows]  # fmt: skip
    assert got == [
        (date(2026, 10, 20), "ip", "on_site", 45, "free", None, 5, True, True),
        (date(2026, 11, 2), "legal", "online", 20, "paid", Decimal("200.00"), None, True, True),
        (date(2026, 11, 3), "policy", "walk_in", 30, "free", None, 5, True, True),
        (date(2026, 11, 4), "finance_tax", "phone", 15, "free", None, 4, True, True),
    ]
    again = import_records(db, path, today=TODAY)
    assert (again.imported, again.unchanged, again.rejected) == (0, 4, 2)


def test_locked_month_and_unknown_staff_are_rejected(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = build_records(tmp_path / "台账.xlsx", "广州市甲乙科技有限公司", "不在本站的人")
    report = import_records(db, path, today=TODAY)
    assert report.imported == 0 and {e.field for e in report.errors} == {"企业", "服务人员", "服务日期"}
    late = import_records(db, build_records(tmp_path / "b.xlsx", "广州市甲乙科技有限公司", "王站长"),
                          today=date(2026, 12, 20))  # fmt: skip
    assert late.imported == 0 and any("锁定" in e.message for e in late.errors)
