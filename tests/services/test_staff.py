"""人员配备: the roster service, its validation (Hypothesis) and the two-full-time-staff check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.errors import UserError, ValidationError
from app.domain.periods import china_today
from app.models import StaffMember
from app.services.staff import roster as staff
from app.services.staff import rules as staff_rules
from app.services.staff.roster import StaffInput

TODAY = date(2026, 6, 15)


def test_create_edit_and_soft_delete(db, station) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        row = staff.create(s, StaffInput("  李文 ", "138 0013 8000", "staff", True, date(2025, 3, 1),
                                         trainings="2025/4/8 服务总站服务人员岗前培训\n\n政策解读专题培训；2026年1月5日 财税培训"))
    assert (row.name, row.phone, row.role_label) == ("李文", "13800138000", "服务专员")
    assert row.training_lines == ["2025-04-08 服务总站服务人员岗前培训", "政策解读专题培训", "2026-01-05 财税培训"]
    with db.begin() as s:
        edited = staff.update(s, row.id, StaffInput("李文", "020-38881380", "staff", False, date(2025, 3, 1),
                                                     date(2026, 5, 31)), row.version)
    assert (edited.full_time, edited.end_date, edited.version) == (False, date(2026, 5, 31), row.version + 1)
    with db.begin() as s, pytest.raises(UserError, match="刚被修改过"):
        staff.update(s, row.id, StaffInput("李文"), row.version)  # the version the user saw is gone
    with db.begin() as s:
        staff.delete(s, row.id, edited.version)
    with db.sessions() as s:
        assert [r.name for r in staff.list_staff(s)] == ["陈晓明"]
        assert s.scalar(select(func.count()).select_from(StaffMember).where(StaffMember.deleted.is_(True))) == 1
    with db.begin() as s, pytest.raises(UserError, match="找不到"):
        staff.delete(s, row.id, None)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (StaffInput("   "), "name", "姓名：不能为空"),
        (StaffInput("李文", phone="12345"), "phone", "联系电话"),
        (StaffInput("李文", start_date=date(2026, 3, 1), end_date=date(2026, 2, 28)), "end_date", "离岗日期：不能早于到岗日期"),
        (StaffInput("李文", role="boss"), "role", "岗位"),
        (StaffInput("李文", trainings="2026-02-30 岗前培训"), "trainings", "日期不存在"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(db, station, data, field, words) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(ValidationError) as caught:
        staff.create(s, data)
    assert caught.value.field == field and words in caught.value.message
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(StaffMember)) == 1  # the manager only


def test_staffing_uses_the_rule_and_counts_only_current_full_time(db, station) -> None:  # type: ignore[no-untyped-def]
    # the first-run manager started today (real date); look at a day after that
    on = china_today() + timedelta(days=30)
    with db.sessions() as s:
        check = staff.staffing(s, on)
    assert (check.full_time, check.minimum, check.shortfall, check.compliant) == (1, staff_rules.MINIMUM_FULL_TIME, 1, False)
    with db.begin() as s:
        staff.create(s, StaffInput("兼职者", full_time=False))
        staff.create(s, StaffInput("已离职", end_date=on - timedelta(days=1)))
        staff.create(s, StaffInput("未到岗", start_date=on + timedelta(days=1)))
    with db.sessions() as s:
        assert staff.staffing(s, on).full_time == 1
    with db.begin() as s:
        staff.create(s, StaffInput("王芳", start_date=on - timedelta(days=10)))
    with db.sessions() as s:
        check = staff.staffing(s, on)
        assert check.compliant and check.full_time == 2 == staff_rules.full_time_count(s, on)
        rows = staff.list_staff(s)
    assert rows[0].role == "manager"  # managers first
    assert sorted(r.name for r in rows if r.on_staff(on) and r.full_time) == ["王芳", "陈晓明"]


dates = st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))
inputs = st.builds(
    StaffInput,
    name=st.one_of(st.sampled_from(["", " ", "李文", "欧阳晓明"]), st.text(max_size=120)),
    phone=st.one_of(st.sampled_from(["", "13800138000", "020-38881380", "38881380", "123", "电话"]), st.text(max_size=20)),
    role=st.sampled_from(["manager", "staff", "", "主任"]),
    full_time=st.booleans(),
    start_date=dates,
    end_date=dates,
    trainings=st.one_of(st.just(""), st.text(max_size=200)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=inputs)
def test_any_input_saves_one_row_or_names_a_field(db, station, data: StaffInput) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        before = s.scalar(select(func.count()).select_from(StaffMember))
    try:
        with db.begin() as s:
            row = staff.create(s, data)
    except ValidationError as exc:
        assert exc.field in staff.FIELD_LABELS and exc.message.startswith(staff.FIELD_LABELS[exc.field])
        if data.start_date and data.end_date and data.end_date < data.start_date and exc.field != "end_date":
            assert exc.field in ("name", "phone", "role")  # checked before the dates
        saved = 0
    else:
        assert row.name == data.name.strip() and row.name
        assert not (row.start_date and row.end_date and row.end_date < row.start_date)
        assert "\n\n" not in row.trainings and row.trainings == row.trainings.strip()
        saved = 1
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(StaffMember)) == before + saved


def test_name_and_trainings_are_capped_at_the_column_sizes(db, station) -> None:  # type: ignore[no-untyped-def]
    """姓名 is String(100) and 培训 is capped at MAX_TRAININGS_CHARS: one character more names the field."""
    cap = staff.MAX_TRAININGS_CHARS
    for data, field in ((StaffInput("李" * 101), "name"), (StaffInput("李文", trainings="培" * (cap + 1)), "trainings")):
        with db.begin() as s, pytest.raises(ValidationError) as caught:
            staff.create(s, data)
        assert caught.value.field == field and "不能超过" in caught.value.message
    with db.begin() as s:
        row = staff.create(s, StaffInput("李" * 100, trainings="培" * cap))  # exactly at the caps: saved
    assert len(row.name) == 100 and len(row.trainings) == cap
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(StaffMember)) == 2  # the manager and that one


@pytest.mark.parametrize("field", ["start_date", "end_date"])
@pytest.mark.parametrize("value", ["2026-07-01", 20260701])
def test_a_date_that_is_not_a_date_names_the_field(db, station, field, value) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(ValidationError) as caught:
        staff.create(s, StaffInput("李文", **{field: value}))
    assert caught.value.field == field and "2026-07-01" in caught.value.message
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(StaffMember)) == 1  # the manager only


def test_the_first_and_last_days_count_and_the_shortfall_is_never_negative(db, station) -> None:  # type: ignore[no-untyped-def]
    on = china_today() + timedelta(days=30)  # after the first-run manager's start
    with db.begin() as s:
        staff.create(s, StaffInput("末日者", start_date=on - timedelta(days=5), end_date=on))  # leaves on `on`
        staff.create(s, StaffInput("首日者", start_date=on))  # joins on `on`
    with db.sessions() as s:
        check = staff.staffing(s, on)
        rows = staff.list_staff(s)
        assert staff_rules.full_time_count(s, on + timedelta(days=1)) == 2  # the day after: the leaver is gone
    assert (check.full_time, check.shortfall, check.compliant) == (3, 0, True)  # three against a minimum of two
    assert {r.name for r in rows if r.on_staff(on)} == {"末日者", "首日者", "陈晓明"}
    assert {r.name for r in rows if r.on_staff(on + timedelta(days=1))} == {"首日者", "陈晓明"}


def test_another_stations_staff_cannot_be_edited_or_deleted(db, station) -> None:  # type: ignore[no-untyped-def]
    import uuid

    with db.begin() as s:
        other = StaffMember(station_id=uuid.uuid4(), name="外站人员")
        s.add(other)
        s.flush()
        other_id, version = other.id, other.version
    with db.begin() as s, pytest.raises(UserError, match="不属于本站"):
        staff.update(s, other_id, StaffInput("改名"), version)
    with db.begin() as s, pytest.raises(UserError, match="不属于本站"):
        staff.delete(s, other_id, version)
    with db.sessions() as s:
        kept = s.get(StaffMember, other_id)
        assert kept is not None and (kept.name, kept.deleted, kept.version) == ("外站人员", False, version)
