"""Data-quality list: each kind of problem is found, points to its record and says why."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from app.domain.credit_code import ALPHABET, make_code
from app.models import Demand, Enterprise, ServiceRecord
from app.models.database import Database
from app.services.enterprises import quality
from app.services.station.identity import NewStation, create_station

TODAY = date(2026, 11, 5)
GOOD = make_code("91440106MA5QC0001")
_RIGHT = make_code("91440106MA5QC0002")
ODD = _RIGHT[:17] + next(ch for ch in ALPHABET if ch != _RIGHT[17])  # well shaped, wrong check character


def _company(station: uuid.UUID, name: str, **values: object) -> Enterprise:
    base: dict[str, object] = {
        "credit_code": None, "district": "天河区", "industry_section": "I", "industry_code": "6510",
        "employees": 20, "revenue": 500, "size": "small",
    }
    return Enterprise(station_id=station, name=name, name_initials="", **(base | values))


def test_every_kind_is_listed_with_its_reason(db: Database) -> None:
    with db.begin() as s:
        station = create_station(s, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="王站长")).id
        fine = _company(station, "广州完好科技有限公司", credit_code=GOOD)
        no_code = _company(station, "广州无码贸易有限公司")
        no_size = _company(station, "广州缺数科技有限公司", credit_code=make_code("91440106MA5QC0003"), revenue=None, size=None)
        odd = _company(station, "广州存疑科技有限公司", credit_code=ODD, credit_code_warning=True)
        twin_a = _company(station, "广州市双生科技有限公司", credit_code=make_code("91440106MA5QC0004"))
        twin_b = _company(station, "双生科技（广州）有限责任公司", credit_code=make_code("91440106MA5QC0005"))
        copy_a = _company(station, "广州复制甲有限公司", credit_code=make_code("91440106MA5QC0006"))
        copy_b = _company(station, "广州复制乙有限公司", credit_code=make_code("91440106MA5QC0006"))
        gone = _company(station, "广州已删除有限公司", deleted=True)  # no code, but deleted: not listed
        s.add_all([fine, no_code, no_size, odd, twin_a, twin_b, copy_a, copy_b, gone])
        s.flush()

        def record(minutes: tuple[int, int], deleted: bool = False) -> ServiceRecord:
            return ServiceRecord(station_id=station, enterprise_id=fine.id, service_date=TODAY, category="policy",
                                 prep_minutes=minutes[0], contact_minutes=minutes[1], deleted=deleted)

        zero = record((0, 0))
        s.add_all([zero, record((0, 15)), record((0, 0), deleted=True)])

        def demand(title: str, status: str, due: date | None) -> Demand:
            return Demand(station_id=station, enterprise_id=no_code.id, title=title, category="financing",
                          status=status, received_on=TODAY - timedelta(days=30), due_on=due)

        late = demand("贷款对接", "handling", TODAY - timedelta(days=3))
        s.add_all([
            late, demand("已办结", "closed", TODAY - timedelta(days=9)), demand("今天到期", "dispatched", TODAY),
            demand("已回访", "followed_up", TODAY - timedelta(days=9)), demand("无期限", "accepted", None),
        ])
        s.flush()
        ids = {
            "fine": fine.id, "no_code": no_code.id, "no_size": no_size.id, "odd": odd.id, "twin_a": twin_a.id,
            "twin_b": twin_b.id, "copy_a": copy_a.id, "copy_b": copy_b.id, "zero": zero.id, "late": late.id,
        }

    with db.begin() as s:
        issues = quality.quality_issues(s, today=TODAY)
        counts = quality.quality_counts(s, today=TODAY)
        only_records = quality.quality_issues(s, today=TODAY, kinds=["zero_minutes"])
    found = {(i.kind, i.record_id) for i in issues}
    assert found == {
        ("missing_code", ids["no_code"]),
        ("missing_size_inputs", ids["no_size"]),
        ("code_warning", ids["odd"]),
        ("duplicate_name", ids["twin_a"]), ("duplicate_name", ids["twin_b"]),
        ("duplicate_code", ids["copy_a"]), ("duplicate_code", ids["copy_b"]),
        ("zero_minutes", ids["zero"]),
        ("overdue_demand", ids["late"]),
    }
    assert counts == {"missing_code": 1, "missing_size_inputs": 1, "code_warning": 1, "duplicate_code": 2,
                      "duplicate_name": 2, "zero_minutes": 1, "overdue_demand": 1}
    assert [i.record_id for i in only_records] == [ids["zero"]]
    by_kind = {i.kind: i for i in issues}
    assert "营业收入" in by_kind["missing_size_inputs"].reason
    assert ODD[:17] in by_kind["code_warning"].reason and "校验位" in by_kind["code_warning"].reason
    assert "双生科技（广州）有限责任公司" in next(i.reason for i in issues if i.record_id == ids["twin_a"])
    zero_issue = by_kind["zero_minutes"]
    assert (zero_issue.record_type, zero_issue.enterprise_id) == ("service_record", ids["fine"])
    assert zero_issue.enterprise_name == "广州完好科技有限公司"  # the record form shows it while editing
    late_issue = by_kind["overdue_demand"]
    assert (late_issue.record_type, late_issue.enterprise_id) == ("demand", ids["no_code"])
    assert late_issue.enterprise_name == "广州无码贸易有限公司"
    assert "3 天" in late_issue.reason and "处理" in late_issue.reason and "贷款对接" in late_issue.title
    assert all(i.kind_label == quality.KINDS[i.kind] and i.reason for i in issues)


def test_empty_registry_has_no_issues(db: Database) -> None:
    with db.begin() as s:
        assert quality.quality_issues(s, today=TODAY) == []
        assert set(quality.quality_counts(s, today=TODAY).values()) == {0}
