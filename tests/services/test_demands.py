"""Demand pool: the closed loop, its log, due dates and the board's list."""

from __future__ import annotations

import uuid
from collections import deque
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.catalogue import DEMAND_STATUSES
from app.domain.demand_loop import ALL_TRANSITIONS, TRANSITIONS, UNSATISFIED_AT_MOST, is_overdue
from app.domain.errors import UserError, ValidationError
from app.models import Demand, DemandTransition
from app.services.demands import edits as demand_edits
from app.services.demands import listing as demand_listing
from app.services.demands import loop as demand_loop
from app.services.demands.listing import DemandFilter, DemandSort
from app.services.demands.shapes import DEFAULT_DUE_DAYS, FIELD_LABELS, Assignee, DemandInput, DemandSummary

from . import TODAY, World, count, make_world


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return make_world(db)


def _new(db, world: World, **changes: Any) -> DemandSummary:  # type: ignore[no-untyped-def]
    data = DemandInput(**{"title": "申请高新技术企业认定", "category": "policy", "enterprise_id": world.enterprise_id, **changes})
    with db.begin() as s:
        return demand_edits.create(s, data, world.clerk, today=TODAY)


def _move(db, world: World, demand_id: uuid.UUID, to: str, **kwargs: Any) -> DemandSummary:  # type: ignore[no-untyped-def]
    if to == "dispatched" and "assignee" not in kwargs:
        kwargs["assignee"] = Assignee.staff(world.clerk_id)
    if to == "followed_up" and "satisfaction" not in kwargs:
        kwargs["satisfaction"] = 5
    with db.begin() as s:
        return demand_loop.transition(s, demand_id, to, world.manager, kwargs.pop("note", f"转为{to}"), **kwargs)


def _path_to(status: str) -> list[str]:
    """Shortest sequence of user moves from 受理 to `status`."""
    queue: deque[list[str]] = deque([["accepted"]])
    while queue:
        path = queue.popleft()
        if path[-1] == status:
            return path[1:]
        queue.extend(path + [b] for a, b in TRANSITIONS if a == path[-1] and b not in path)
    raise AssertionError(status)


def test_create_logs_acceptance_and_defaults_due_date(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world, received_on=date(2026, 11, 2))
    assert d.status == "accepted" and d.status_label == "受理"
    assert d.due_on == date(2026, 11, 2) + timedelta(days=DEFAULT_DUE_DAYS)
    assert d.assignee is None and d.next_statuses == ("dispatched",)
    with db.begin() as s:
        entries = demand_loop.log(s, d.id)
        row = s.get(Demand, d.id)
        assert row is not None and row.station_id == world.station_id
    assert [(e.from_status, e.to_status, e.actor) for e in entries] == [(None, "accepted", "李专员")]
    assert entries[0].at.tzinfo is not None and entries[0].at.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("title", {"title": ""}),
        ("title", {"title": "长" * 201}),
        ("category", {"category": "astrology"}),
        ("enterprise_id", {"enterprise_id": None}),
        ("enterprise_id", {"enterprise_id": uuid.uuid4()}),
        ("received_on", {"received_on": TODAY + timedelta(days=1)}),
        ("received_on", {"received_on": date(2026, 9, 15)}),  # locked month
        ("due_on", {"received_on": date(2026, 11, 3), "due_on": date(2026, 11, 2)}),
        ("description", {"description": "x" * 4001}),
    ],
)
def test_invalid_demand_names_field_and_writes_nothing(db, world: World, field: str, changes: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(ValidationError) as info:
        data = DemandInput(**{"title": "t", "category": "policy", "enterprise_id": world.enterprise_id, **changes})
        demand_edits.create(s, data, world.clerk, today=TODAY)
    assert info.value.field == field
    assert info.value.message.startswith(FIELD_LABELS[field] + "：")
    assert count(db, Demand) == 0 and count(db, DemandTransition) == 0


def test_full_loop_and_its_log(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    _move(db, world, d.id, "dispatched", assignee=Assignee.institution(world.institution_id), note="转介代理机构")
    _move(db, world, d.id, "handling")
    _move(db, world, d.id, "replied", note="已电话告知申报条件")
    closed = _move(db, world, d.id, "closed")
    assert closed.closed_at is not None
    done = _move(db, world, d.id, "followed_up", satisfaction=4, note="企业表示满意")
    assert (done.status, done.satisfaction, done.next_statuses) == ("followed_up", 4, ())
    assert done.assignee == Assignee.institution(world.institution_id)
    with db.begin() as s:
        entries = demand_loop.log(s, d.id)
    assert [(e.from_status, e.to_status) for e in entries] == [
        (None, "accepted"),
        ("accepted", "dispatched"),
        ("dispatched", "handling"),
        ("handling", "replied"),
        ("replied", "closed"),
        ("closed", "followed_up"),
    ]
    assert [e.actor for e in entries] == ["李专员"] + ["王站长"] * 5
    assert entries[1].note == "转介代理机构" and entries[-1].note == "企业表示满意"
    assert [e.at for e in entries] == sorted({e.at for e in entries})  # strictly increasing
    assert (entries[-1].from_label, entries[-1].to_label) == ("办结", "回访")


@pytest.mark.parametrize(("source", "target"), sorted(TRANSITIONS))
def test_every_legal_transition(db, world: World, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    for step in _path_to(source):
        _move(db, world, d.id, step)
    moved = _move(db, world, d.id, target)
    assert moved.status == target
    with db.begin() as s:
        assert demand_loop.log(s, d.id)[-1].to_status == target


@pytest.mark.parametrize(
    ("source", "target", "hint"),
    [
        ("accepted", "handling", "当前可以转为：分派"),
        ("accepted", "closed", "当前可以转为：分派"),
        ("accepted", "accepted", "当前可以转为：分派"),
        ("dispatched", "replied", "当前可以转为：分派、处理"),
        ("handling", "closed", "当前可以转为：分派、反馈"),
        ("replied", "followed_up", "当前可以转为：处理、办结"),
        ("closed", "handling", "当前可以转为：回访"),
        ("followed_up", "handling", "流程已结束"),
        ("followed_up", "accepted", "流程已结束"),
        ("handling", "bogus", "当前可以转为：分派、反馈"),
    ],
)
def test_illegal_transitions_list_allowed_steps(db, world: World, source: str, target: str, hint: str) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    for step in _path_to(source):
        _move(db, world, d.id, step)
    logged = count(db, DemandTransition)
    with db.begin() as s, pytest.raises(ValidationError) as info:
        demand_loop.transition(s, d.id, target, world.manager, assignee=None, satisfaction=None)
    assert info.value.field == "status" and hint in info.value.message
    assert info.value.message.startswith("状态：不能从")
    with db.begin() as s:
        assert demand_edits.get(s, d.id).status == source
    assert count(db, DemandTransition) == logged


def test_dispatch_needs_exactly_one_valid_assignee(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    for bad in (None, Assignee("nobody", world.clerk_id), Assignee.staff(uuid.uuid4()),
                Assignee.institution(world.exited_institution_id), Assignee.expert(uuid.uuid4())):
        with db.begin() as s, pytest.raises(ValidationError) as info:
            demand_loop.transition(s, d.id, "dispatched", world.manager, assignee=bad)
        assert info.value.field == "assignee" and info.value.message.startswith("承办方：")
    _move(db, world, d.id, "dispatched", assignee=Assignee.staff(world.clerk_id))
    moved = _move(db, world, d.id, "dispatched", assignee=Assignee.expert(world.expert_id), note="改派专家")
    assert moved.assignee == Assignee.expert(world.expert_id)
    with db.begin() as s:
        row = s.get(Demand, d.id)
        assert row is not None
        assert (row.assignee_staff_id, row.assignee_institution_id, row.assignee_expert_id) == (None, None, world.expert_id)
        with pytest.raises(ValidationError, match="只有“分派”时"):
            demand_loop.transition(s, d.id, "handling", world.manager, assignee=Assignee.staff(world.clerk_id))


def test_satisfaction_only_and_always_on_follow_up(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    for step in _path_to("closed"):
        _move(db, world, d.id, step)
    for bad in (None, 0, 6, True, "5"):
        with db.begin() as s, pytest.raises(ValidationError) as info:
            demand_loop.transition(s, d.id, "followed_up", world.manager, satisfaction=bad)  # type: ignore[arg-type]
        assert info.value.field == "satisfaction"
    e = _new(db, world)
    with db.begin() as s, pytest.raises(ValidationError, match="只有“回访”时"):
        demand_loop.transition(s, e.id, "dispatched", world.manager, assignee=Assignee.staff(world.clerk_id), satisfaction=5)


@pytest.mark.parametrize("score", range(1, 6))
def test_unsatisfied_follow_up_reopens(db, world: World, score: int) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    for step in _path_to("closed"):
        _move(db, world, d.id, step)
    after = _move(db, world, d.id, "followed_up", satisfaction=score)
    with db.begin() as s:
        tail = [(e.from_status, e.to_status) for e in demand_loop.log(s, d.id)][-2:]
    if score <= UNSATISFIED_AT_MOST:
        assert after.status == "handling" and after.closed_at is None and after.satisfaction == score
        assert tail == [("closed", "followed_up"), ("followed_up", "handling")]
        for step in ("replied", "closed"):  # the loop runs again
            _move(db, world, d.id, step)
        assert _move(db, world, d.id, "followed_up", satisfaction=5).status == "followed_up"
    else:
        assert after.status == "followed_up" and after.closed_at is not None
        assert tail == [("replied", "closed"), ("closed", "followed_up")]


def test_overdue(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world, received_on=date(2026, 11, 1), due_on=date(2026, 11, 4))
    assert not d.is_overdue(date(2026, 11, 4)) and d.is_overdue(date(2026, 11, 5))
    fresh = _new(db, world, received_on=TODAY)
    with db.begin() as s:
        assert demand_listing.list_ids(s, DemandFilter(overdue_only=True, today=TODAY)) == [d.id]
        assert demand_listing.list_ids(s, DemandFilter(overdue_only=True, today=date(2026, 11, 16))) == [d.id, fresh.id]
    for step in _path_to("replied"):
        _move(db, world, d.id, step)
    with db.begin() as s:  # a reply does not stop the clock; closing does
        assert demand_edits.get(s, d.id).is_overdue(TODAY)
    closed = _move(db, world, d.id, "closed")
    assert not closed.is_overdue(TODAY)
    with db.begin() as s:
        assert demand_listing.list_ids(s, DemandFilter(overdue_only=True, today=TODAY)) == []
    assert not is_overdue("accepted", None, TODAY)


def test_board_filters_and_rows(db, world: World) -> None:  # type: ignore[no-untyped-def]
    a = _new(db, world, title="融资对接", category="financing")
    b = _new(db, world, title="商标注册", category="ip", enterprise_id=world.other_enterprise_id)
    c = _new(db, world, title="劳动合同审查", description="需要律师", category="legal", due_on=date(2026, 12, 31))
    _move(db, world, b.id, "dispatched", assignee=Assignee.institution(world.institution_id))
    _move(db, world, c.id, "dispatched", assignee=Assignee.expert(world.expert_id))
    with db.begin() as s:
        assert demand_listing.list_ids(s, DemandFilter(statuses=("dispatched",)), DemandSort("title")) == sorted(
            [b.id, c.id], key=lambda i: {b.id: "商标注册", c.id: "劳动合同审查"}[i]
        )
        assert demand_listing.list_ids(s, DemandFilter(assignee=Assignee.expert(world.expert_id))) == [c.id]
        assert demand_listing.list_ids(s, DemandFilter(enterprise_id=world.other_enterprise_id)) == [b.id]
        assert demand_listing.list_ids(s, DemandFilter(text="律师")) == [c.id]
        assert demand_listing.list_ids(s)[-1] == c.id  # latest due date last
        assert demand_listing.list_ids(s, sort=DemandSort("status"))[0] == a.id
        assert demand_listing.list_ids(s, sort=DemandSort("enterprise"))[0] == b.id
        rows = demand_listing.fetch_rows(s, [c.id, b.id, a.id])
    assert list(rows) == [c.id, b.id, a.id]
    assert (rows[b.id].assignee_name, rows[b.id].status_label) == ("广州某知识产权代理事务所", "分派")
    assert (rows[c.id].assignee_name, rows[a.id].assignee_name, rows[a.id].category_label) == ("陈律师", "", "投融资")


def test_closed_range_cuts_at_china_midnight(db, world: World) -> None:  # type: ignore[no-untyped-def]
    """办结 in a period: closed (or followed up) with the closing time on those China-time days."""
    early, late, reopened, still_open = (_new(db, world, title=t) for t in ("一", "二", "三", "四"))
    for d in (early, late, reopened):
        for step in _path_to("closed"):
            _move(db, world, d.id, step)
    _move(db, world, reopened.id, "followed_up", satisfaction=1)  # back to 处理: no longer closed
    with db.begin() as s:
        # 2026-06-30 23:30 China time is still June; 2026-06-30 16:30 UTC is 2026-07-01 00:30 there.
        s.get(Demand, early.id).closed_at = datetime(2026, 6, 30, 15, 30, tzinfo=UTC)  # type: ignore[union-attr]
        s.get(Demand, late.id).closed_at = datetime(2026, 6, 30, 16, 30, tzinfo=UTC)  # type: ignore[union-attr]
    with db.begin() as s:
        june = DemandFilter(closed_from=date(2026, 6, 1), closed_to=date(2026, 6, 30))
        july = DemandFilter(closed_from=date(2026, 7, 1), closed_to=date(2026, 7, 31))
        assert demand_listing.list_ids(s, june) == [early.id]
        assert demand_listing.list_ids(s, july) == [late.id]
        assert set(demand_listing.list_ids(s, DemandFilter(closed_from=date(2026, 6, 1)))) == {early.id, late.id}
        assert set(demand_listing.list_ids(s, DemandFilter(closed_to=date(2026, 7, 1)))) == {early.id, late.id}
        assert still_open.id in demand_listing.list_ids(s) and not DemandFilter().closed_range


def test_update_delete_restore(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    with db.begin() as s:
        edited = demand_edits.update(s, d.id, DemandInput("申请专精特新认定", "policy", world.enterprise_id), d.version, today=TODAY)
    assert edited.title == "申请专精特新认定" and edited.version == d.version + 1
    with db.begin() as s, pytest.raises(UserError, match="刚被其他人修改过"):
        demand_edits.update(s, d.id, DemandInput("旧标题", "policy", world.enterprise_id), d.version, today=TODAY)
    with db.begin() as s:
        demand_edits.delete(s, d.id, edited.version, today=TODAY)
    with db.begin() as s:
        assert demand_listing.list_ids(s) == [] and demand_listing.fetch_rows(s, [d.id]) == {}
        with pytest.raises(UserError):
            demand_loop.transition(s, d.id, "dispatched", world.manager, assignee=Assignee.staff(world.clerk_id))
    with db.begin() as s:
        assert demand_edits.restore(s, d.id, today=TODAY).status == "accepted"
        assert demand_listing.list_ids(s) == [d.id]


def test_concurrent_transition_is_refused(db, world: World) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    first = db.sessions()
    try:
        assert demand_edits.get(first, d.id).status == "accepted"  # the board showed 受理
        _move(db, world, d.id, "dispatched")  # someone else dispatches meanwhile
        with pytest.raises(UserError, match="刚被其他人处理过，现在是“分派”"):
            demand_loop.transition(
                first, d.id, "dispatched", world.manager, assignee=Assignee.staff(world.manager_id), seen_status="accepted"
            )
        first.rollback()
    finally:
        first.close()
    with db.begin() as s:
        assert [e.to_status for e in demand_loop.log(s, d.id)] == ["accepted", "dispatched"]


def test_log_order_survives_a_clock_set_back(db, world: World, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    monkeypatch.setattr(demand_loop, "utcnow", lambda: datetime(2000, 1, 1, tzinfo=UTC))
    _move(db, world, d.id, "dispatched")
    _move(db, world, d.id, "handling")
    with db.begin() as s:
        assert [e.to_status for e in demand_loop.log(s, d.id)] == ["accepted", "dispatched", "handling"]


# --- hypothesis: random walks stay inside the machine, and the log replays ----------

_steps = st.lists(
    st.tuples(
        st.sampled_from([*DEMAND_STATUSES, "bogus"]),
        st.sampled_from([None, "staff", "institution", "expert"]),
        st.one_of(st.none(), st.integers(0, 6)),
    ),
    max_size=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_steps)
def test_random_walks_stay_in_the_machine(db, world: World, steps: list[tuple[str, str | None, int | None]]) -> None:  # type: ignore[no-untyped-def]
    d = _new(db, world)
    ids = {"staff": world.clerk_id, "institution": world.institution_id, "expert": world.expert_id}
    for target, kind, score in steps:
        assignee = Assignee(kind, ids[kind]) if kind else None
        with db.begin() as s:
            before = demand_edits.get(s, d.id).status
            try:
                after = demand_loop.transition(s, d.id, target, world.clerk, assignee=assignee, satisfaction=score).status
            except ValidationError:
                after = demand_edits.get(s, d.id).status
                assert after == before
            else:
                assert (before, target) in TRANSITIONS
        assert after in DEMAND_STATUSES
    with db.begin() as s:
        entries = demand_loop.log(s, d.id)
        current = demand_edits.get(s, d.id).status
    assert (entries[0].from_status, entries[0].to_status) == (None, "accepted")
    for previous, entry in zip(entries, entries[1:], strict=False):
        assert entry.from_status == previous.to_status
        assert (entry.from_status, entry.to_status) in ALL_TRANSITIONS
        assert entry.at > previous.at
    assert entries[-1].to_status == current
