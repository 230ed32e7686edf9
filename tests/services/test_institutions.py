"""入驻服务机构, 服务清单, 专家库: validation, the HQ-maintained rule, and usage figures."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select, text

from app.demo import data as demo_data
from app.domain.errors import UserError, ValidationError
from app.models import CatalogueEntry, Demand, Enterprise, ServiceInstitution, ServiceRecord, StaffMember
from app.services.institutions import experts, usage
from app.services.institutions import resident as institutions
from app.services.institutions.experts import ExpertInput
from app.services.institutions.resident import CatalogueInput, InstitutionInput

IP_FIRM = InstitutionInput("广州知识产权代理有限公司", "ip", "周敏", "020-38881380", date(2025, 3, 1))


def test_institution_with_its_catalogue(db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        firm = institutions.create_institution(s, IP_FIRM)
        institutions.add_entry(s, CatalogueInput(firm.id, "商标注册代理", "startup", "ip", "low_fee"))
        institutions.add_entry(s, CatalogueInput(firm.id, "专利布局咨询", "growth", "ip", "paid"))
        institutions.add_entry(s, CatalogueInput(firm.id, "知识产权政策解读", "startup", "policy"))
    with db.sessions() as s:
        rows = institutions.catalogue(s, firm.id)
        listed = institutions.list_institutions(s)
    assert [(r.stage_label, r.category_label, r.title, r.fee_label) for r in rows] == [
        ("初创期", "政策咨询", "知识产权政策解读", "免费"),  # categories in the pick-list's order
        ("初创期", "知识产权", "商标注册代理", "低收费"),
        ("成长期", "知识产权", "专利布局咨询", "有偿"),
    ]
    assert [(r.name, r.category_label, r.status_label, r.phone) for r in listed] == [
        ("广州知识产权代理有限公司", "知识产权", "在驻", "020-38881380")
    ]
    exit_data = InstitutionInput(IP_FIRM.name, "ip", entered_on=IP_FIRM.entered_on, exited_on=date(2026, 5, 31),
                                 status="exited", exit_reason="满意度连续两个季度低于80%")
    with db.begin() as s:
        exited = institutions.update_institution(s, firm.id, exit_data, firm.version)
    assert (exited.status_label, exited.exited_on) == ("已退出", date(2026, 5, 31))
    with db.begin() as s:
        institutions.delete_institution(s, firm.id, exited.version)
    with db.sessions() as s:
        assert institutions.list_institutions(s) == [] and institutions.catalogue(s) == []
        assert all(e.deleted for e in s.scalars(select(CatalogueEntry)))


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": ""}, "name", "机构名称：不能为空"),
        ({"category": "astrology"}, "category", "服务类别：请从"),
        ({"phone": "abc"}, "phone", "联系电话"),
        ({"status": "exited", "exited_on": date(2026, 1, 1)}, "exit_reason", "退出原因"),
        ({"status": "exited", "exit_reason": "合同到期"}, "exited_on", "请填写退出日期"),
        ({"status": "exited", "exit_reason": "合同到期", "exited_on": date(2025, 2, 1)}, "exited_on", "不能早于入驻日期"),
        ({"exited_on": date(2026, 1, 1)}, "exited_on", "只有状态为“已退出”"),
        ({"status": "closed"}, "status", "状态"),
    ],
)
def test_bad_institution_names_the_field(db, station, changes, field, words) -> None:  # type: ignore[no-untyped-def]
    data = InstitutionInput(**{**IP_FIRM.__dict__, **changes})
    with db.begin() as s, pytest.raises(ValidationError) as caught:
        institutions.create_institution(s, data)
    assert caught.value.field == field and words in caught.value.message
    with db.sessions() as s:
        assert s.scalars(select(ServiceInstitution)).all() == []


def test_bad_catalogue_entry_and_expert(db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        firm = institutions.create_institution(s, IP_FIRM)
    for data, field in [(CatalogueInput(firm.id, "商标注册", "baby", "ip"), "stage"),
                        (CatalogueInput(firm.id, "商标注册", "startup", "ip", "cheap"), "fee_type"),
                        (CatalogueInput(firm.id, " ", "startup", "ip"), "title")]:
        with db.begin() as s, pytest.raises(ValidationError) as caught:
            institutions.add_entry(s, data)
        assert caught.value.field == field
    with db.begin() as s, pytest.raises(UserError, match="找不到这家服务机构"):
        institutions.add_entry(s, CatalogueInput(uuid.uuid4(), "商标注册", "startup", "ip"))
    with db.begin() as s, pytest.raises(ValidationError) as caught:
        experts.create(s, ExpertInput("陈律师", ()))
    assert caught.value.field == "fields" and "擅长领域" in caught.value.message
    with db.begin() as s:
        lawyer = experts.create(s, ExpertInput(" 陈律师 ", ("legal", "ip", "legal"), "广东某律师事务所", "律师", "13800138000"))
    assert (lawyer.name, lawyer.fields, lawyer.fields_label) == ("陈律师", ("legal", "ip"), "法律服务、知识产权")
    with db.begin() as s:
        edited = experts.update(s, lawyer.id, ExpertInput("陈律师", ("finance_tax",)), lawyer.version)
        assert [e.fields_label for e in experts.list_experts(s)] == ["财税服务"]
        experts.delete(s, lawyer.id, edited.version)
        assert experts.list_experts(s) == []


def test_enrolled_station_cannot_edit_hq_reference_tables(db, station, mark_enrolled) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        firm = institutions.create_institution(s, IP_FIRM)
        clerk = StaffMember(station_id=station.id, name="李专员", role="staff")
        s.add(clerk)
        s.flush()
        clerk_id = clerk.id
        manager_id = s.scalars(select(StaffMember.id).where(StaffMember.role == "manager")).one()
    with db.sessions() as s:
        assert institutions.reference_access(s).editable
        assert institutions.reference_access(s, manager_id).editable
        refused = institutions.reference_access(s, clerk_id)
    assert not refused.editable and "站长" in refused.reason
    with db.begin() as s, pytest.raises(UserError, match="站长"):
        experts.create(s, ExpertInput("陈律师", ("legal",)), editor_id=clerk_id)
    mark_enrolled()
    with db.sessions() as s:
        access = institutions.reference_access(s, manager_id)
    assert not access.editable and "由服务总站统一维护" in access.reason
    writes = [
        lambda s: institutions.create_institution(s, IP_FIRM),
        lambda s: institutions.update_institution(s, firm.id, IP_FIRM, None),
        lambda s: institutions.delete_institution(s, firm.id, None),
        lambda s: institutions.add_entry(s, CatalogueInput(firm.id, "商标注册", "startup", "ip")),
        lambda s: experts.create(s, ExpertInput("陈律师", ("legal",))),
    ]
    for write in writes:
        with db.begin() as s, pytest.raises(UserError, match="由服务总站统一维护"):
            write(s)
    with db.sessions() as s:  # reading still works
        assert [r.name for r in institutions.list_institutions(s)] == [IP_FIRM.name]


def _hand_counted(db, record_column: str, demand_column: str) -> dict[uuid.UUID, tuple]:  # type: ignore[no-untyped-def]
    """The usage figures, counted with plain SQL straight over the tables."""
    with db.engine.connect() as conn:
        records = conn.execute(text(
            f"SELECT {record_column}, count(*), count(DISTINCT enterprise_id), avg(satisfaction), count(satisfaction) "
            f"FROM service_record WHERE deleted = 0 AND {record_column} IS NOT NULL GROUP BY {record_column}"
        )).all()
        demands = conn.execute(text(
            f"SELECT {demand_column}, count(*), sum(status IN ('closed', 'followed_up')), avg(satisfaction) "
            f"FROM demand WHERE deleted = 0 AND {demand_column} IS NOT NULL GROUP BY {demand_column}"
        )).all()
    found: dict[uuid.UUID, tuple] = {}
    for key, n, firms, average, rated in records:
        found[uuid.UUID(hex=key)] = (n, firms, average, rated, 0, 0, None)
    for key, n, finished, average in demands:
        before = found.get(uuid.UUID(hex=key), (0, 0, None, 0))[:4]
        found[uuid.UUID(hex=key)] = (*before, n, finished, average)
    return found


def _as_tuple(u: usage.Usage) -> tuple:
    return (u.records, u.enterprises, u.record_satisfaction, u.rated_records, u.demands, u.demands_finished,
            u.demand_satisfaction)


def test_usage_equals_hand_counted_sql_over_generated_rows(db) -> None:  # type: ignore[no-untyped-def]
    demo_data.generate(db, enterprises=120, records=2500, seed=11)
    with db.begin() as s:  # deleted rows must not count
        for record in s.scalars(select(ServiceRecord).where(ServiceRecord.institution_id.is_not(None)).limit(7)):
            record.deleted = True
        for demand in s.scalars(select(Demand).where(Demand.assignee_expert_id.is_not(None)).limit(3)):
            demand.deleted = True
    with db.sessions() as s:
        by_institution = usage.institution_usage(s)
        by_expert = usage.expert_usage(s)
    for computed, expected in [(by_institution, _hand_counted(db, "institution_id", "assignee_institution_id")),
                               (by_expert, _hand_counted(db, "expert_id", "assignee_expert_id"))]:
        assert expected, "the demo generated no usage: the comparison would be empty"
        assert computed.keys() == expected.keys()
        for key, figures in expected.items():
            assert _as_tuple(computed[key]) == pytest.approx(figures), key
    assert any(u.records for u in by_institution.values()) and any(u.demands for u in by_expert.values())


def test_usage_by_hand_on_a_small_example(db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        firm = institutions.create_institution(s, IP_FIRM)
        a, b = Enterprise(station_id=station.id, name="甲公司"), Enterprise(station_id=station.id, name="乙公司")
        s.add_all([a, b])
        s.flush()
        day = date(2026, 5, 1)
        s.add_all([ServiceRecord(enterprise_id=a.id, service_date=day, category="ip", institution_id=firm.id, satisfaction=5),
                   ServiceRecord(enterprise_id=a.id, service_date=day, category="ip", institution_id=firm.id, satisfaction=4),
                   ServiceRecord(enterprise_id=b.id, service_date=day, category="ip", institution_id=firm.id),
                   Demand(enterprise_id=b.id, title="商标", category="ip", received_on=day, status="followed_up",
                          assignee_institution_id=firm.id, satisfaction=2)])
    with db.sessions() as s:
        got = usage.institution_usage(s)[firm.id]
        assert usage.institution_usage(s, since=date(2026, 6, 1)) == {}
    assert (got.records, got.enterprises, got.record_satisfaction, got.demands, got.demands_finished) == (3, 2, 4.5, 1, 1)
    assert got.satisfaction == pytest.approx((5 + 4 + 2) / 3)
