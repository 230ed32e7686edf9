"""Enterprise registry: every field's check, the check-character warning, duplicates,
optimistic edits, soft delete and undo, the detail page's history."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.credit_code import ALPHABET, make_code
from app.domain.enterprise_size import Size
from app.domain.errors import UserError, ValidationError
from app.domain.periods import china_today
from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord, StaffMember
from app.models.database import Database
from app.services.enterprises import registry as svc
from app.services.enterprises.names import name_initials, name_key, within_one_edit
from app.services.enterprises.registry import (
    FIELD_LABELS,
    CheckCharacterWarning,
    DuplicateEnterpriseError,
    EnterpriseInput,
)
from app.services.station.identity import NewStation, create_station

CODE = make_code("91440106MA5YF0001")
OTHER_CODE = make_code("91440104MA5XX0002")


def bad_check(code: str) -> str:
    """The same code with a wrong (but well-shaped) check character."""
    return code[:17] + next(ch for ch in ALPHABET if ch != code[17])


@pytest.fixture
def station(db: Database) -> uuid.UUID:
    with db.begin() as s:
        return create_station(s, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="王站长")).id


def form(**changes: Any) -> EnterpriseInput:
    base = EnterpriseInput(
        credit_code=CODE, name="广州云帆科技有限公司", industry_code="6510", district="天河区",
        contact_name="张三", contact_phone="13800138000", employees="50", revenue="1200", assets="300",
        size_year="2025",
    )
    return replace(base, **changes)


def rows(db: Database) -> int:
    """Enterprise rows, tombstones included."""
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Enterprise)) or 0)


def create(db: Database, data: EnterpriseInput | None = None, **kw: Any) -> svc.EnterpriseDetail:
    with db.begin() as s:
        return svc.create(s, data or form(), **kw)


def test_create_stores_clean_values_and_computes_size(db: Database, station: uuid.UUID) -> None:
    saved = create(db, form(credit_code=" 9144 0106-ma5yf0001" + CODE[-1].lower(), district="天河", revenue="1,200万元"))
    assert saved.credit_code == CODE and not saved.credit_code_warning
    assert (saved.industry_section, saved.industry_code, saved.industry_label) == ("I", "6510", "软件和信息技术服务业")
    assert (saved.district, saved.size, saved.size_label, saved.size_missing) == ("天河区", "small", "小型", ())
    assert (saved.employees, saved.revenue, saved.size_year) == (50, Decimal("1200.00"), 2025)
    assert saved.name_initials == "gzyfkjyxgs" and saved.version == 1 and saved.editable
    with db.begin() as s:
        row = s.get(Enterprise, saved.id)
        assert row is not None and row.station_id == station


def test_optional_fields_may_stay_empty(db: Database, station: uuid.UUID) -> None:
    saved = create(db, EnterpriseInput(name="广州某某餐饮店", district="越秀区"))
    assert saved.credit_code is None and saved.size is None and saved.status == "active"
    assert saved.size_missing == ("所属行业（需细到大类）",)


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("credit_code", {"credit_code": "9144010612345"}),  # too short
        ("credit_code", {"credit_code": "91440106MA5YF000IO"}),  # I and O are not used
        ("credit_code", {"credit_code": 914401}),
        ("name", {"name": "   "}),
        ("name", {"name": "企" * 201}),
        ("name", {"name": "广州\n云帆"}),
        ("name", {"name": None}),
        ("industry_code", {"industry_code": "天文学"}),
        ("industry_code", {"industry_code": "9999"}),
        ("industry_section", {"industry_section": "Z", "industry_code": ""}),
        ("industry_code", {"industry_section": "C", "industry_code": "6510"}),  # 65 is in I, not C
        ("district", {"district": ""}),
        ("district", {"district": "深圳市南山区"}),
        ("address", {"address": "路" * 301}),
        ("legal_representative", {"legal_representative": "x\x00y"}),
        ("contact_name", {"contact_name": 12}),
        ("contact_phone", {"contact_phone": "12345"}),
        ("contact_phone", {"contact_phone": "13800138000/abc"}),
        ("contact_phone", {"contact_phone": "/".join(["13800138000"] * 5)}),  # 59 characters, each number fine
        ("employees", {"employees": "-3"}),
        ("employees", {"employees": "12.5"}),
        ("employees", {"employees": "很多"}),
        ("employees", {"employees": True}),
        ("revenue", {"revenue": "-1"}),
        ("revenue", {"revenue": Decimal("NaN")}),
        ("revenue", {"revenue": float("inf")}),
        ("assets", {"assets": "1e30"}),
        ("assets", {"assets": "三百"}),
        ("size_year", {"size_year": "1800"}),
        ("size_year", {"size_year": str(china_today().year + 2)}),  # next year is the latest
        ("size_year", {"size_year": "明年"}),
        ("status", {"status": "破产"}),
        ("notes", {"notes": "注" * 2001}),
    ],
)
def test_each_error_names_the_field_and_saves_nothing(
    db: Database, station: uuid.UUID, field: str, changes: dict[str, Any]
) -> None:
    before = rows(db)
    with pytest.raises(ValidationError) as info:
        create(db, form(**changes))
    assert info.value.field == field
    assert info.value.message.startswith(FIELD_LABELS[field].split("（")[0]) or FIELD_LABELS[field] in info.value.message
    assert rows(db) == before


def test_size_preview_follows_the_standard_and_lists_what_is_missing() -> None:
    assert svc.size_preview("C", "", "350", "2500", None).label == "中型"
    assert svc.size_preview("", "13", "350", "250", "").size is Size.MICRO
    assert svc.size_preview("", "5212", "60", "300", None).label == "小型"  # retail
    assert svc.size_preview("E", "", None, "7000", "4000").label == "小型"
    partial = svc.size_preview("", "6510", "50", "", "abc")
    assert (partial.size, partial.label, partial.missing) == (None, "", ("营业收入",))
    assert svc.size_preview("", "", "50", "100", "100").missing == ("所属行业（需细到大类）",)
    assert svc.size_preview("F", "", "5", "5", "5").size is None  # wholesale or retail? needs the division


def test_bad_check_character_needs_confirmation_then_is_flagged(db: Database, station: uuid.UUID) -> None:
    odd = bad_check(CODE)
    with pytest.raises(CheckCharacterWarning) as info:
        create(db, form(credit_code=odd))
    assert info.value.field == "credit_code" and info.value.expected_check == CODE[-1]
    assert "校验位" in info.value.message and rows(db) == 0
    saved = create(db, form(credit_code=odd), confirm_check_warning=True)
    assert saved.credit_code == odd and saved.credit_code_warning
    with db.begin() as s:  # editing other fields later does not ask again
        again = svc.update(s, saved.id, form(credit_code=odd, notes="复核中"), saved.version)
    assert again.credit_code_warning and again.notes == "复核中"
    with db.begin() as s:  # a corrected code clears the flag
        fixed = svc.update(s, saved.id, form(credit_code=CODE), again.version)
    assert not fixed.credit_code_warning


def test_other_errors_come_before_the_warning(db: Database, station: uuid.UUID) -> None:
    with pytest.raises(ValidationError) as info:
        create(db, form(credit_code=bad_check(CODE), district="火星区"), confirm_check_warning=False)
    assert info.value.field == "district"


def test_same_code_is_refused_with_the_existing_enterprise(db: Database, station: uuid.UUID) -> None:
    first = create(db)
    with pytest.raises(DuplicateEnterpriseError) as info:
        create(db, form(name="完全不同的名字有限公司", credit_code=CODE.lower()))
    assert info.value.existing_id == first.id and first.name in info.value.message
    assert info.value.field == "credit_code" and rows(db) == 1
    with db.begin() as s:
        check = svc.find_duplicates(s, CODE, "别的名字")
        assert check.same_code is not None and check.same_code.id == first.id
        assert svc.find_duplicates(s, CODE, "别的名字", exclude_id=first.id).same_code is None


@pytest.mark.parametrize("use_index", [False, True])
def test_similar_names_are_suggested(db: Database, station: uuid.UUID, use_index: bool) -> None:
    from app.services.enterprises import search as enterprise_search

    a = create(db, form(name="广州市云帆科技有限公司", credit_code=""))
    b = create(db, form(name="云帆科枝（广州）有限责任公司", credit_code=""))
    create(db, form(name="广州云帆网络科技有限公司", credit_code=""))  # two characters more: not similar
    if use_index:
        with db.begin() as s:
            enterprise_search.warm_up(s)
    with db.begin() as s:
        check = svc.find_duplicates(s, "", "广州 云帆科技 股份有限公司")
        assert check.same_code is None
        assert [x.id for x in check.similar_names] == [a.id, b.id]  # exact key first
        assert [x.id for x in svc.find_duplicates(s, "", "云帆科技", exclude_id=a.id).similar_names] == [b.id]
        assert svc.find_duplicates(s, "", "").similar_names == []


def test_name_helpers() -> None:
    assert name_initials("广州云帆科技有限公司") == "gzyfkjyxgs"
    assert name_initials("重庆银行（广州）ABC分行") == "cqyhgzabcfh"
    assert name_key("广州市云帆科技有限公司") == name_key("云帆科技（广州）有限公司") == "云帆科技"
    assert name_key("ＡＢＣ 贸易股份有限公司") == "abc贸易"
    assert within_one_edit("云帆科技", "云帆科枝") and within_one_edit("云帆科技", "云帆技")
    assert not within_one_edit("云帆科技", "云帆网络科技")


def test_stale_version_is_refused(db: Database, station: uuid.UUID) -> None:
    saved = create(db)
    with db.begin() as s:
        first = svc.update(s, saved.id, form(contact_name="李四"), saved.version)
    assert first.version == saved.version + 1
    with db.begin() as s, pytest.raises(UserError) as info:
        svc.update(s, saved.id, form(contact_name="王五"), saved.version)
    assert "已被其他操作修改" in info.value.message
    with db.begin() as s:
        assert svc.get(s, saved.id).contact_name == "李四"


def test_update_checks_fields_and_duplicates_like_create(db: Database, station: uuid.UUID) -> None:
    saved = create(db)
    other = create(db, form(name="广州丙丁贸易有限公司", credit_code=OTHER_CODE, industry_code="5191"))
    with db.begin() as s, pytest.raises(DuplicateEnterpriseError):
        svc.update(s, other.id, form(name="广州丙丁贸易有限公司", credit_code=CODE), other.version)
    with db.begin() as s, pytest.raises(ValidationError):
        svc.update(s, saved.id, form(name=""), saved.version)
    with db.begin() as s:
        assert svc.get(s, saved.id).version == saved.version


def test_soft_delete_and_restore(db: Database, station: uuid.UUID) -> None:
    saved = create(db)
    with db.begin() as s:
        svc.delete(s, saved.id)
    with db.begin() as s:
        row = s.get(Enterprise, saved.id)
        assert row is not None and row.deleted
        with pytest.raises(UserError):
            svc.get(s, saved.id)
        assert svc.find_duplicates(s, CODE, saved.name).same_code is None
    replacement = create(db)  # the code is free while the first one is deleted
    with db.begin() as s, pytest.raises(DuplicateEnterpriseError):
        svc.restore(s, saved.id)
    with db.begin() as s:
        svc.delete(s, replacement.id, replacement.version)
    with db.begin() as s:
        back = svc.restore(s, saved.id)
    assert back.id == saved.id and rows(db) == 2
    with db.begin() as s, pytest.raises(UserError):
        svc.restore(s, saved.id)  # not in the recycle bin any more


def test_shared_enterprises_can_be_corrected_but_not_deleted_by_others(db: Database, station: uuid.UUID) -> None:
    with db.begin() as s:
        hq_row = Enterprise(station_id=None, name="总部维护企业", name_initials="zbwhqy", district="天河区")
        s.add(hq_row)
        s.flush()
        hq_id = hq_row.id
    with db.begin() as s:
        detail = svc.get(s, hq_id)
        assert detail.editable and not detail.deletable
        with pytest.raises(UserError, match="不能删除"):
            svc.delete(s, hq_id)
    with db.begin() as s:
        saved = svc.update(s, hq_id, form(name="总部维护企业（更正）"), 1)
    assert saved.name == "总部维护企业（更正）"
    with db.begin() as s:
        assert s.get(Enterprise, hq_id).station_id is None  # ownership never moves with an edit


def test_to_input_round_trips(db: Database, station: uuid.UUID) -> None:
    saved = create(db, form(address="天河路1号", notes="备注"))
    with db.begin() as s:
        again = svc.update(s, saved.id, saved.to_input(), saved.version)
    assert (again.name, again.credit_code, again.address) == (saved.name, saved.credit_code, "天河路1号")
    assert again.size == "small"


def test_history_lists_records_demands_and_events_newest_first(db: Database, station: uuid.UUID) -> None:
    saved = create(db)
    with db.begin() as s:
        staff = s.scalars(select(StaffMember)).one()
        for day, minutes in ((date(2026, 3, 1), 30), (date(2026, 5, 1), 45)):
            s.add(ServiceRecord(station_id=station, enterprise_id=saved.id, service_date=day, category="policy",
                                staff_id=staff.id, prep_minutes=5, contact_minutes=minutes))
        s.add(ServiceRecord(station_id=station, enterprise_id=saved.id, service_date=date(2026, 6, 1),
                            category="legal", deleted=True))
        s.add(Demand(station_id=station, enterprise_id=saved.id, title="融资对接", category="financing",
                     received_on=date(2026, 4, 1), due_on=date(2026, 4, 10)))
        s.add(Demand(station_id=station, enterprise_id=saved.id, title="商标注册", category="ip",
                     received_on=date(2026, 5, 2), status="closed"))
        event = Event(station_id=station, title="财税沙龙", event_type="salon",
                      starts_at=datetime(2026, 4, 20, 6, tzinfo=UTC),
                      ends_at=datetime(2026, 4, 20, 8, tzinfo=UTC))
        s.add(event)
        s.flush()
        s.add(EventAttendance(station_id=station, event_id=event.id, enterprise_id=saved.id, attendee_name="张三",
                              checked_in_at=datetime(2026, 4, 20, 6, tzinfo=UTC)))
    with db.begin() as s:
        story = svc.history(s, saved.id, today=date(2026, 5, 10))
    assert story.name == saved.name
    records = [(r.service_date.month, r.minutes, r.staff_name) for r in story.service_records]
    assert records == [(5, 50, "王站长"), (3, 35, "王站长")]
    assert story.service_records[0].category_label == "政策咨询"
    demands = [(d.title, d.overdue, d.status_label) for d in story.demands]
    assert demands == [("商标注册", False, "办结"), ("融资对接", True, "受理")]
    assert [(e.title, e.event_type_label, e.checked_in) for e in story.events] == [("财税沙龙", "沙龙", True)]


def test_no_station_means_no_writes(db: Database) -> None:
    with pytest.raises(UserError):
        create(db)
    assert rows(db) == 0

