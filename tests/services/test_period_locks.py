"""Period locks: the lock date, refusals in a locked month, and the manager's unlock.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app import settings
from app.domain.errors import UserError, ValidationError
from app.models import Demand, PeriodUnlock, ServiceRecord, StaffMember
from app.services.demands import edits as demand_edits
from app.services.demands import loop as demand_loop
from app.services.demands.shapes import Assignee, DemandInput, DemandSummary
from app.services.records import entry as record_entry
from app.services.records import period_locks, recycle_bin
from app.services.records.period_locks import (
    PeriodLockedError,
    ensure_editable,
    is_locked,
    lock_date,
)
from app.services.records.stored import RecordSummary
from app.services.records.validation import RecordInput

from . import TODAY, World, count


@pytest.fixture
def unlock_model() -> Any:
    return PeriodUnlock


OCTOBER = date(2026, 10, 15)
LOCKS_ON = date(2026, 11, 10)  # 2026-10-31 + 10 days


def test_lock_dates() -> None:
    assert period_locks.period_of(OCTOBER) == "2026-10"
    assert lock_date("2026-10", 10) == LOCKS_ON
    assert lock_date("2028-02", 10) == date(2028, 3, 10)  # leap February
    assert lock_date("2026-12", 5) == date(2027, 1, 5)
    assert period_locks.period_label("2026-03") == "2026年3月"
    for bad in ("2026-13", "2026/10", "26-10", ""):
        with pytest.raises(ValidationError) as info:
            lock_date(bad, 10)
        assert info.value.field == "period"


def test_boundary_day(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert not is_locked(s, OCTOBER, date(2026, 11, 9), 10)
        assert is_locked(s, OCTOBER, LOCKS_ON, 10)  # locked on exactly lock_days after month end
        assert is_locked(s, date(2026, 10, 31), LOCKS_ON, 10) and is_locked(s, date(2026, 10, 1), LOCKS_ON, 10)
        assert not is_locked(s, date(2026, 11, 1), LOCKS_ON, 10)  # the current month stays open
        assert not is_locked(s, date(2026, 12, 1), LOCKS_ON, 10)  # a future day is never locked
        assert is_locked(s, OCTOBER, date(2026, 11, 3), 3) and not is_locked(s, OCTOBER, date(2026, 11, 2), 3)


def test_lock_days_come_from_settings(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert not is_locked(s, OCTOBER, date(2026, 11, 9))  # default 10
    settings.Settings().set(settings.LOCK_DAYS_AFTER_MONTH_END, 3)
    with db.begin() as s:
        assert is_locked(s, OCTOBER, date(2026, 11, 3))


@pytest.mark.parametrize("bad", [0, -1, 400, True, "10"])
def test_bad_lock_days_setting_is_explained(db, world: World, bad: object) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(UserError, match="月末后锁定天数"):
        is_locked(s, OCTOBER, LOCKS_ON, bad)  # type: ignore[arg-type]


def test_bad_setting_message_names_the_menu(db, world: World) -> None:  # type: ignore[no-untyped-def]
    settings.Settings().set(settings.LOCK_DAYS_AFTER_MONTH_END, 90)
    with db.begin() as s, pytest.raises(UserError) as info:
        is_locked(s, OCTOBER, LOCKS_ON)
    assert "请在“设置 → 锁定期限…”中改为1–60之间的整数" in info.value.message


def test_only_a_manager_sets_the_lock_days(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert [c.id for c in period_locks.manager_choices(s, TODAY)] == [world.manager_id]
        with pytest.raises(ValidationError) as info:
            period_locks.set_lock_days(s, 3, world.clerk_id, today=TODAY)
        assert info.value.field == "manager_staff_id" and "站长" in info.value.message
        for bad in (0, 61, True):
            with pytest.raises(ValidationError) as info:
                period_locks.set_lock_days(s, bad, world.manager_id, today=TODAY)  # type: ignore[arg-type]
            assert info.value.field == "lock_days_after_month_end" and "1–60" in info.value.message
    assert settings.Settings().get(settings.LOCK_DAYS_AFTER_MONTH_END) == 10
    with db.begin() as s:
        assert period_locks.set_lock_days(s, 3, world.manager_id, today=TODAY) == 3
        assert is_locked(s, OCTOBER, date(2026, 11, 3))
    assert settings.Settings().get(settings.LOCK_DAYS_AFTER_MONTH_END) == 3


def test_message_names_month_date_and_fix(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(PeriodLockedError) as info:
        ensure_editable(s, OCTOBER, LOCKS_ON, 10)
    assert info.value.message.startswith("2026年10月的记录已于2026-11-10锁定")
    assert "请由站长解锁并说明原因" in info.value.message
    assert (info.value.period, info.value.locked_on) == ("2026-10", LOCKS_ON)
    assert isinstance(info.value, UserError)


def _october_record_and_demand(db, world: World) -> tuple[RecordSummary, DemandSummary]:  # type: ignore[no-untyped-def]
    with db.begin() as s:  # entered while October was open
        record = record_entry.create(
            s, RecordInput(world.enterprise_id, OCTOBER, "policy"), world.clerk, today=TODAY, lock_days=10
        )
        demand = demand_edits.create(
            s, DemandInput("政策申报", "policy", world.enterprise_id, received_on=OCTOBER), world.clerk, today=TODAY
        )
    return record, demand


def test_locked_month_refuses_every_edit(db, world: World) -> None:  # type: ignore[no-untyped-def]
    record, demand = _october_record_and_demand(db, world)
    before = (count(db, ServiceRecord), count(db, Demand))
    later = date(2026, 11, 20)
    with db.begin() as s:
        nov = record_entry.create(s, RecordInput(world.enterprise_id, date(2026, 11, 2), "ip"), world.clerk, today=later)
    attempts = [
        lambda s: record_entry.create(s, RecordInput(world.enterprise_id, OCTOBER, "ip"), world.clerk, today=later),
        lambda s: record_entry.update(s, record.id, replace(record.to_input(), summary="补录"), world.clerk, 1, today=later),
        # moving a November record back into locked October: the new date counts too
        lambda s: record_entry.update(s, nov.id, replace(nov.to_input(), service_date=OCTOBER), world.clerk, 1, today=later),
        lambda s: recycle_bin.delete(s, record.id, today=later),
        lambda s: demand_edits.create(s, DemandInput("x", "policy", world.enterprise_id, received_on=OCTOBER), world.clerk, today=later),
        lambda s: demand_edits.update(s, demand.id, DemandInput("改标题", "policy", world.enterprise_id, received_on=OCTOBER), 1, today=later),
        lambda s: demand_edits.delete(s, demand.id, today=later),
    ]
    for attempt in attempts:
        with db.begin() as s, pytest.raises(PeriodLockedError) as info:
            attempt(s)
        assert "2026年10月的记录已于2026-11-10锁定" in info.value.message
    assert (count(db, ServiceRecord), count(db, Demand)) == (before[0] + 1, before[1])
    with db.begin() as s:
        assert record_entry.get(s, record.id).version == 1
        # the loop itself goes on in a locked month, or October's demands could never close
        moved = demand_loop.transition(s, demand.id, "dispatched", world.manager, assignee=Assignee.staff(world.clerk_id))
        assert moved.status == "dispatched"


def test_unlock_refuses_non_manager_and_empty_reason(db, world: World, unlock_model: Any) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        for reason in ("", "   ", None):
            with pytest.raises(ValidationError) as info:
                period_locks.unlock(s, "2026-10", world.manager_id, reason, today=LOCKS_ON, lock_days=10)  # type: ignore[arg-type]
            assert info.value.field == "reason" and info.value.message.startswith("解锁原因：")
        with pytest.raises(ValidationError) as info:
            period_locks.unlock(s, "2026-10", world.clerk_id, "更正服务类别", today=LOCKS_ON, lock_days=10)
        assert info.value.field == "manager_staff_id" and "站长" in info.value.message
        manager = s.get(StaffMember, world.manager_id)
        assert manager is not None
        manager.end_date = date(2026, 11, 1)  # a manager who has left cannot unlock either
        with pytest.raises(ValidationError):
            period_locks.unlock(s, "2026-10", world.manager_id, "更正服务类别", today=LOCKS_ON, lock_days=10)
        manager.end_date = None
        with pytest.raises(UserError, match="尚未锁定"):
            period_locks.unlock(s, "2026-11", world.manager_id, "更正", today=LOCKS_ON, lock_days=10)
        with pytest.raises(ValidationError):
            period_locks.unlock(s, "2026-1", world.manager_id, "更正", today=LOCKS_ON, lock_days=10)
        assert period_locks.unlocks(s) == []


def test_manager_unlock_allows_edit_until_relock(db, world: World, unlock_model: Any) -> None:  # type: ignore[no-untyped-def]
    record, demand = _october_record_and_demand(db, world)
    later = date(2026, 11, 20)
    with db.begin() as s:
        entry = period_locks.unlock(s, "2026-10", world.manager_id, "  企业名称录错，需更正  ", today=later, lock_days=10)
    assert (entry.period, entry.reason, entry.unlocked_by_name, entry.active) == ("2026-10", "企业名称录错，需更正", "王站长", True)
    assert entry.at.utcoffset() is not None
    with db.begin() as s:
        assert not is_locked(s, OCTOBER, later, 10)
        with pytest.raises(UserError, match="无需再次解锁"):
            period_locks.unlock(s, "2026-10", world.manager_id, "再解一次", today=later, lock_days=10)
        edited = record_entry.update(
            s, record.id, replace(record.to_input(), summary="更正后的内容"), world.clerk, 1, today=later, lock_days=10
        )
        assert edited.summary == "更正后的内容"
        demand_edits.update(s, demand.id, DemandInput("更正标题", "policy", world.enterprise_id, received_on=OCTOBER), 1, today=later)
        assert is_locked(s, date(2026, 9, 1), later, 10)  # only the unlocked month opens
    with db.begin() as s:
        relocked = period_locks.relock(s, "2026-10", world.clerk_id)
    assert relocked.relock_at is not None and relocked.relocked_by == world.clerk_id and not relocked.active
    with db.begin() as s:
        assert is_locked(s, OCTOBER, later, 10)
        with pytest.raises(PeriodLockedError):
            recycle_bin.delete(s, record.id, today=later, lock_days=10)
        with pytest.raises(UserError, match="当前没有解锁"):
            period_locks.relock(s, "2026-10", world.clerk_id)
        log = period_locks.unlocks(s, "2026-10")
    assert [(e.reason, e.active) for e in log] == [("企业名称录错，需更正", False)]


def test_unlock_rows_belong_to_the_station(db, world: World, unlock_model: Any) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        entry = period_locks.unlock(s, "2026-10", world.manager_id, "更正", today=LOCKS_ON, lock_days=10)
        row = s.get(unlock_model, entry.id)
        assert row is not None and row.station_id == world.station_id and row.unlocked_by == world.manager_id
