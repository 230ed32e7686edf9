"""Service records: quick-entry defaults, every validation rule, edits, recycle bin, list."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.errors import UserError, ValidationError
from app.domain.periods import china_today
from app.models import Demand, DemandTransition, Enterprise, ServiceRecord
from app.services.actor import Actor
from app.services.demands import edits as demand_edits
from app.services.demands import loop as demand_loop
from app.services.demands.shapes import DEFAULT_DUE_DAYS, DemandInput
from app.services.demands.shapes import FIELD_LABELS as DEMAND_FIELD_LABELS
from app.services.records import entry as record_entry
from app.services.records import listing as record_listing
from app.services.records import recycle_bin
from app.services.records.listing import RecordFilter, RecordSort
from app.services.records.period_locks import PeriodLockedError
from app.services.records.stored import RecordSummary
from app.services.records.validation import FIELD_LABELS, RecordInput

from . import TODAY, World, count


def _input(world: World, **changes: Any) -> RecordInput:
    base = RecordInput(enterprise_id=world.enterprise_id, service_date=TODAY, category="policy")
    return replace(base, **changes)


def _create(db, world: World, **changes: Any) -> RecordSummary:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return record_entry.create(s, _input(world, **changes), world.clerk, today=TODAY)


def test_quick_entry_defaults(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        saved = record_entry.create(s, RecordInput(world.enterprise_id, category="ip"), world.clerk)
    assert saved.service_date == china_today()
    assert (saved.channel, saved.fee_type, saved.fee) == ("walk_in", "free", None)
    assert saved.staff_id == world.clerk_id
    assert saved.version == 1 and saved.demand_id is None
    with db.begin() as s:
        row = s.get(ServiceRecord, saved.id)
        assert row is not None and row.station_id == world.station_id


def _bad_cases(world: World) -> list[tuple[str, dict[str, Any]]]:
    return [
        ("enterprise_id", {"enterprise_id": uuid.uuid4()}),
        ("service_date", {"service_date": TODAY + timedelta(days=1)}),
        ("service_date", {"service_date": date(2026, 9, 30)}),  # September locked on 2026-10-10
        ("category", {"category": ""}),
        ("category", {"category": "astrology"}),
        ("channel", {"channel": "fax"}),
        ("prep_minutes", {"prep_minutes": -1}),
        ("prep_minutes", {"prep_minutes": 1441}),
        ("prep_minutes", {"prep_minutes": True}),
        ("contact_minutes", {"contact_minutes": 2.5}),
        ("contact_minutes", {"contact_minutes": "30"}),
        ("fee_type", {"fee_type": "gift"}),
        ("fee", {"fee_type": "paid"}),
        ("fee", {"fee_type": "paid", "fee": Decimal(0)}),
        ("fee", {"fee_type": "paid", "fee": Decimal("-5")}),
        ("fee", {"fee_type": "low_fee", "fee": None}),
        ("fee", {"fee_type": "free", "fee": Decimal("10")}),
        ("fee", {"fee_type": "paid", "fee": Decimal("1.234")}),
        ("fee", {"fee_type": "paid", "fee": 10.5}),
        ("fee", {"fee_type": "paid", "fee": Decimal("NaN")}),
        ("fee", {"fee_type": "paid", "fee": Decimal("1e12")}),
        ("staff_id", {"staff_id": uuid.uuid4()}),
        ("institution_id", {"institution_id": uuid.uuid4()}),
        ("expert_id", {"expert_id": uuid.uuid4()}),
        ("summary", {"summary": "字" * 4001}),
        ("outcome", {"outcome": "bad\x00text"}),
        ("satisfaction", {"satisfaction": 0}),
        ("satisfaction", {"satisfaction": 6}),
        ("satisfaction", {"satisfaction": True}),
        ("follow_up_on", {"follow_up_on": TODAY - timedelta(days=1)}),
        ("demand.title", {"create_demand": DemandInput(title="  ")}),
        ("demand.category", {"create_demand": DemandInput(title="融资需求", category="nope")}),
        ("demand.due_on", {"create_demand": DemandInput(title="融资需求", due_on=TODAY - timedelta(days=1))}),
    ]


@pytest.mark.parametrize("index", range(33))
def test_each_rule_names_its_field_and_writes_nothing(db, world: World, index: int) -> None:  # type: ignore[no-untyped-def]
    cases = _bad_cases(world)
    assert len(cases) == 33
    field, changes = cases[index]
    before = (count(db, ServiceRecord), count(db, Demand), count(db, DemandTransition))
    with db.begin() as s:  # the caller commits anyway: validation must precede every write
        with pytest.raises(ValidationError) as info:
            record_entry.create(s, _input(world, **changes), world.clerk, today=TODAY)
    assert info.value.field == field
    label = FIELD_LABELS.get(field) or DEMAND_FIELD_LABELS[field.removeprefix("demand.")]
    assert info.value.message.startswith(label + "：")
    assert (count(db, ServiceRecord), count(db, Demand), count(db, DemandTransition)) == before


def test_locked_date_error_is_a_lock_error(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(PeriodLockedError, match="2026年9月的记录已于2026-10-10锁定"):
        record_entry.create(s, _input(world, service_date=date(2026, 9, 1)), world.clerk, today=TODAY)


def test_missing_staff_is_named(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s, pytest.raises(ValidationError) as info:
        record_entry.create(s, _input(world), Actor("命令行"), today=TODAY)
    assert info.value.field == "staff_id"


def test_deleted_enterprise_is_refused(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        enterprise = s.get(Enterprise, world.other_enterprise_id)
        assert enterprise is not None
        enterprise.deleted = True
    with db.begin() as s, pytest.raises(ValidationError) as info:
        record_entry.create(s, _input(world, enterprise_id=world.other_enterprise_id), world.clerk, today=TODAY)
    assert info.value.field == "enterprise_id"


def test_boundaries_that_are_accepted(db, world: World) -> None:  # type: ignore[no-untyped-def]
    saved = _create(db, world, prep_minutes=0, contact_minutes=1440, satisfaction=5, follow_up_on=TODAY)
    assert (saved.prep_minutes, saved.contact_minutes, saved.follow_up_on) == (0, 1440, TODAY)
    assert _create(db, world, fee_type="free", fee=Decimal("0.00")).fee is None
    assert _create(db, world, fee_type="paid", fee=Decimal("199.50")).fee == Decimal("199.50")
    assert _create(db, world, fee_type="low_fee", fee=50).fee == Decimal("50.00")
    assert _create(db, world, satisfaction=1, service_date=date(2026, 10, 1)).satisfaction == 1
    referred = _create(db, world, institution_id=world.institution_id, expert_id=world.expert_id)
    assert (referred.institution_id, referred.expert_id) == (world.institution_id, world.expert_id)


def test_record_and_demand_created_together(db, world: World) -> None:  # type: ignore[no-untyped-def]
    saved = _create(db, world, category="financing", create_demand=DemandInput(title="需要一笔200万元的流动资金贷款"))
    assert saved.demand_id is not None
    with db.begin() as s:
        demand = demand_edits.get(s, saved.demand_id)
        assert demand.service_record_id == saved.id
        assert (demand.enterprise_id, demand.category, demand.status) == (world.enterprise_id, "financing", "accepted")
        assert demand.received_on == TODAY and demand.due_on == TODAY + timedelta(days=DEFAULT_DUE_DAYS)
        entries = demand_loop.log(s, saved.demand_id)
    assert [(e.from_status, e.to_status, e.actor) for e in entries] == [(None, "accepted", "李专员")]


def test_failure_in_demand_part_leaves_no_record(db, world: World, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full while writing the demand")

    monkeypatch.setattr(demand_edits, "create", broken)
    with pytest.raises(RuntimeError):
        with db.begin() as s:  # one transaction per user action: the record rolls back with it
            record_entry.create(s, _input(world, create_demand=DemandInput(title="x")), world.clerk, today=TODAY)
    assert count(db, ServiceRecord) == 0 and count(db, Demand) == 0


def test_update_checks_version(db, world: World) -> None:  # type: ignore[no-untyped-def]
    saved = _create(db, world, summary="初次咨询")
    with db.begin() as s:
        edited = record_entry.update(
            s, saved.id, replace(saved.to_input(), summary="咨询高企认定"), world.clerk, saved.version, today=TODAY
        )
    assert edited.version == saved.version + 1 and edited.summary == "咨询高企认定"
    with db.begin() as s, pytest.raises(UserError, match="刚被其他人修改过"):
        record_entry.update(s, saved.id, replace(saved.to_input(), summary="旧版本"), world.clerk, saved.version, today=TODAY)
    with db.begin() as s:
        assert record_entry.get(s, saved.id).summary == "咨询高企认定"


def test_update_validates_like_create(db, world: World) -> None:  # type: ignore[no-untyped-def]
    saved = _create(db, world)
    with db.begin() as s, pytest.raises(ValidationError) as info:
        record_entry.update(s, saved.id, replace(saved.to_input(), contact_minutes=-3), world.clerk, 1, today=TODAY)
    assert info.value.field == "contact_minutes"
    with db.begin() as s:
        assert record_entry.get(s, saved.id).version == 1


def test_soft_delete_and_restore(db, world: World) -> None:  # type: ignore[no-untyped-def]
    saved = _create(db, world)
    with db.begin() as s:
        recycle_bin.delete(s, saved.id, saved.version, today=TODAY)
    with db.begin() as s:
        row = s.get(ServiceRecord, saved.id)
        assert row is not None and row.deleted  # a tombstone, never a physical delete
        assert record_listing.list_ids(s) == []
        assert record_listing.fetch_rows(s, [saved.id]) == {}
        assert record_entry.last_record_for(s, world.enterprise_id) is None
        with pytest.raises(UserError):
            record_entry.get(s, saved.id)
        with pytest.raises(UserError):
            record_entry.update(s, saved.id, saved.to_input(), world.clerk, 2, today=TODAY)
    with db.begin() as s:
        restored = recycle_bin.restore(s, saved.id, today=TODAY)
    assert restored.version == 3
    with db.begin() as s:
        assert record_listing.list_ids(s) == [saved.id]


def test_other_stations_record_is_read_only(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        foreign = ServiceRecord(
            station_id=uuid.uuid4(), enterprise_id=world.enterprise_id, service_date=TODAY, category="legal"
        )
        s.add(foreign)
    with db.begin() as s, pytest.raises(UserError, match="其他服务站"):
        recycle_bin.delete(s, foreign.id, today=TODAY)


def test_last_record_prefills_a_returning_enterprise(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert record_entry.last_record_for(s, world.enterprise_id) is None
    _create(db, world, service_date=date(2026, 10, 20), category="legal", summary="旧的")
    _create(
        db, world, service_date=TODAY, category="ip", channel="phone", prep_minutes=10, contact_minutes=25,
        fee_type="low_fee", fee=Decimal("80"), institution_id=world.institution_id, summary="商标注册",
        outcome="已转介", satisfaction=4, follow_up_on=TODAY + timedelta(days=7), staff_id=world.manager_id,
    )
    later = TODAY + timedelta(days=3)
    with db.begin() as s:
        prefill = record_entry.last_record_for(s, world.enterprise_id, today=later)
    assert prefill == RecordInput(
        enterprise_id=world.enterprise_id, service_date=later, category="ip", channel="phone", prep_minutes=10,
        contact_minutes=25, fee_type="low_fee", fee=Decimal("80.00"), institution_id=world.institution_id,
    )
    # the desk types only what happened this time; the staff member defaults to whoever is logged in
    with db.begin() as s:
        saved = record_entry.create(s, replace(prefill, summary="商标续展"), world.clerk, today=later)
    assert saved.staff_id == world.clerk_id and saved.fee == Decimal("80.00")


def test_list_filters_sorts_and_fetches(db, world: World) -> None:  # type: ignore[no-untyped-def]
    a = _create(db, world, service_date=date(2026, 10, 2), category="policy", summary="申报专精特新")
    b = _create(db, world, service_date=date(2026, 11, 1), category="legal", staff_id=world.manager_id)
    c = _create(db, world, enterprise_id=world.other_enterprise_id, category="legal", summary="100%_特殊字符")
    with db.begin() as s:
        assert record_listing.list_ids(s) == [c.id, b.id, a.id]
        assert record_listing.list_ids(s, sort=RecordSort("service_date", descending=False)) == [a.id, b.id, c.id]
        assert record_listing.list_ids(s, RecordFilter(date_from=date(2026, 10, 2), date_to=date(2026, 11, 1))) == [
            b.id,
            a.id,
        ]
        assert set(record_listing.list_ids(s, RecordFilter(category="legal"))) == {b.id, c.id}
        assert record_listing.list_ids(s, RecordFilter(staff_id=world.manager_id)) == [b.id]
        assert record_listing.list_ids(s, RecordFilter(enterprise_id=world.other_enterprise_id)) == [c.id]
        assert record_listing.list_ids(s, RecordFilter(text="专精特新")) == [a.id]
        assert record_listing.list_ids(s, RecordFilter(text="丙丁")) == [c.id]
        assert record_listing.list_ids(s, RecordFilter(text="%_")) == [c.id]  # wildcards are literal
        by_name = record_listing.list_ids(s, sort=RecordSort("enterprise", descending=False))
        assert by_name[0] == c.id  # 广州丙丁… sorts before 广州市…
        assert len(record_listing.list_ids(s, sort=RecordSort("staff"))) == 3
        rows = record_listing.fetch_rows(s, [a.id, c.id, uuid.uuid4()])
    assert list(rows) == [a.id, c.id]
    assert rows[a.id].enterprise_name == "广州市甲乙科技有限公司"
    assert (rows[a.id].category_label, rows[a.id].channel_label, rows[a.id].staff_name) == ("政策咨询", "来访", "李专员")
    with pytest.raises(ValueError):
        with db.begin() as s:
            record_listing.list_ids(s, sort=RecordSort("nonsense"))


# --- hypothesis: the form never crashes, never half-saves, always names the field ----

_maybe_uuid = st.one_of(st.none(), st.just("enterprise"), st.uuids())
_days = st.dates(min_value=date(2026, 8, 1), max_value=date(2026, 11, 20))


@st.composite
def _record_inputs(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "service_date": draw(_days),
        "category": draw(st.sampled_from(["policy", "ip", "", "nope", None])),
        "channel": draw(st.sampled_from(["walk_in", "online", "fax", 3])),
        "prep_minutes": draw(st.one_of(st.integers(-5, 1500), st.floats(allow_nan=True), st.booleans())),
        "contact_minutes": draw(st.integers(-5, 1500)),
        "fee_type": draw(st.sampled_from(["free", "low_fee", "paid", "bogus"])),
        "fee": draw(
            st.one_of(st.none(), st.decimals(allow_nan=True, allow_infinity=True), st.integers(-10, 10**12), st.text())
        ),
        "satisfaction": draw(st.one_of(st.none(), st.integers(-1, 7))),
        "follow_up_on": draw(st.one_of(st.none(), _days)),
        "summary": draw(st.text(max_size=50)),
        "outcome": draw(st.one_of(st.text(max_size=20), st.integers())),
        "expert_id": draw(st.one_of(st.none(), st.uuids())),
        "create_demand": draw(st.one_of(st.none(), st.builds(DemandInput, title=st.text(max_size=10)))),
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=_record_inputs())
def test_random_input_saves_whole_or_names_a_field(db, world: World, fields: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    before = (count(db, ServiceRecord), count(db, Demand))
    try:
        with db.begin() as s:
            saved = record_entry.create(s, _input(world, **fields), world.clerk, today=TODAY)
    except ValidationError as exc:
        assert exc.field is not None
        label = FIELD_LABELS.get(exc.field) or DEMAND_FIELD_LABELS[exc.field.removeprefix("demand.")]
        assert exc.message.startswith(label + "：")
        assert (count(db, ServiceRecord), count(db, Demand)) == before
    else:
        expected = (before[0] + 1, before[1] + (fields["create_demand"] is not None))
        assert (count(db, ServiceRecord), count(db, Demand)) == expected
        assert saved.demand_id is not None or fields["create_demand"] is None
