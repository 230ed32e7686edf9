"""Service records from a messy sheet: date forms, enterprise matching, repeats, re-runs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.models import ServiceRecord
from app.services.excel.import_records import import_records
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
                r.enterprise_id == world.enterprise_id, r.staff_id == world.manager_id) for r in rows]
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
                          today=date(2026, 12, 20))
    assert late.imported == 0 and any("锁定" in e.message for e in late.errors)


def _referral_book(path: Path, headers: tuple[str, str], rows: list[tuple[object, object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "服务日期", "服务类别", "服务人员", *headers])
    for institution, expert in rows:
        sheet.append(["广州市甲乙科技有限公司", "2026-11-03", "知识产权", "王站长", institution, expert])
    book.save(path)
    return path


def test_referral_columns_map_to_institution_and_expert(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.excel.columns import field_for

    assert [field_for("records", h) for h in ("转介机构", "服务机构", "转介专家", "专家")] == [
        "institution", "institution", "expert", "expert"]
    rows: list[tuple[object, object]] = [
        ("广州某知识产权代理事务所", "陈律师"),
        (" 广州某知识产权代理事务所 ", "陈律师（某律师事务所）"),  # spaces, and the expert as the form shows it
        ("", None),  # no referral
        ("广州某某不存在事务所", "陈律师"),
        ("广州某知识产权代理事务所", "王专家"),
    ]
    path = _referral_book(tmp_path / "转介.xlsx", ("服务机构", "专家"), rows)
    report = import_records(db, path, today=TODAY)
    assert (report.imported, report.rejected) == (3, 2), report.errors
    assert [(e.row_number, e.field) for e in report.errors] == [(5, "转介机构"), (6, "转介专家")]
    assert "找不到名为“广州某某不存在事务所”的机构" in report.errors[0].message and "服务机构" in report.errors[0].message
    assert "没有转介请留空" in report.errors[1].message and "专家库" in report.errors[1].message
    with db.begin() as s:
        got = sorted(((r.institution_id, r.expert_id) for r in s.scalars(select(ServiceRecord))), key=str)
    assert got == sorted([(world.institution_id, world.expert_id)] * 2 + [(None, None)], key=str)


def test_ambiguous_expert_name_is_rejected_with_the_fix(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.models import Expert

    with db.begin() as s:
        s.add(Expert(station_id=world.station_id, name="陈律师", organisation="另一家律师事务所"))
    path = _referral_book(tmp_path / "转介.xlsx", ("转介机构", "转介专家"),
                          [(None, "陈律师"), (None, "陈律师（另一家律师事务所）")])
    report = import_records(db, path, today=TODAY)
    assert report.imported == 1 and [e.field for e in report.errors] == ["转介专家"]
    assert "2个名为“陈律师”" in report.errors[0].message and "姓名（单位）" in report.errors[0].message


def test_an_unknown_category_or_channel_is_rejected_not_guessed(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An unrecognised choice is refused naming the text and the choices; without the check it became
    the default (an unknown 服务方式 was stored as 到访)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "服务日期", "服务类别", "服务人员", "服务方式"])
    sheet.append(["广州市甲乙科技有限公司", "2026-11-03", "知识产权", "王站长", "飞鸽传书"])
    sheet.append(["广州市甲乙科技有限公司", "2026-11-04", "占星", "王站长", "来电"])
    sheet.append(["广州市甲乙科技有限公司", "2026-11-05", "知识产权", "王站长", "来电"])
    book.save(tmp_path / "choices.xlsx")
    report = import_records(db, tmp_path / "choices.xlsx", today=TODAY)
    assert (report.imported, report.rejected) == (1, 2), report.errors
    assert [(e.row_number, e.field) for e in report.errors] == [(2, "服务方式"), (3, "服务类别")]
    assert "无法识别“飞鸽传书”" in report.errors[0].message and "无法识别“占星”" in report.errors[1].message
    with db.begin() as s:
        assert [r.channel for r in s.scalars(select(ServiceRecord))] == ["phone"]
