"""Report drafts: save and load, the status moves a station may make, read-only after
submitting, and validation that names the field and saves nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from app.domain.errors import UserError, ValidationError
from app.domain.report_sections import (
    INFO_SECTIONS,
    PLAN_INDICATORS,
    PLAN_SECTIONS,
    SUMMARY_SECTIONS,
)
from app.models import AnnualReport, Event, InfoReport
from app.models.sync_state import SyncOutbox
from app.services.reporting import drafts as report_drafts
from app.services.reporting.drafts import PlannedEvent, ReportText

from . import World, count

SUMMARY = ReportText({key: f"{title}：全年走访企业120家。" for key, title in SUMMARY_SECTIONS.items()})
TARGETS = {"enterprises_served": 150, "service_records": "600", "events": 12, "attendees": 900,
           "demands_closed": 80, "satisfied_share": "95.5"}
PLAN = ReportText(
    {key: f"{title}：稳步推进。" for key, title in PLAN_SECTIONS.items()},
    TARGETS,
    ({"month": 9, "event_type": "training", "title": "财税政策培训", "theme": "finance_tax"},
     {"month": 3, "event_type": "salon", "title": "知识产权沙龙", "theme": "ip"}),
)


def _hq_sets(db, model: type, **values: Any) -> None:  # type: ignore[no-untyped-def]
    """What a pull from HQ does to the row (status/review_comment), version bumped."""
    with db.begin() as s:
        s.execute(update(model).values(**values))


def test_an_empty_report_loads_as_a_blank_draft(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        draft = report_drafts.load_annual(s, 2026, "summary")
    assert (draft.status, draft.version, draft.editable) == ("draft", None, True)
    assert draft.narrative == dict.fromkeys(SUMMARY_SECTIONS, "")


def test_save_and_load_a_summary_and_a_plan(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        saved = report_drafts.save_annual(s, 2026, "summary", SUMMARY, None)
        plan = report_drafts.save_annual(s, 2027, "plan", PLAN, None)
    with db.begin() as s:
        again = report_drafts.save_annual(s, 2026, "summary", ReportText({"work_done": "  改写后的内容  "}), saved.version)
    with db.begin() as s:
        summary = report_drafts.load_annual(s, 2026, "summary")
        loaded_plan = report_drafts.load_annual(s, 2027, "plan")
        row = s.scalars(select(AnnualReport).where(AnnualReport.kind == "plan")).one()
    assert summary.narrative["work_done"] == "改写后的内容" and summary.narrative["highlights"] == ""
    assert summary.version == again.version and again.version is not None and again.version > saved.version  # type: ignore[operator]
    assert loaded_plan == plan and loaded_plan.targets["service_records"] == 600 and loaded_plan.targets["satisfied_share"] == 95.5
    assert [e.month for e in loaded_plan.planned_events] == [3, 9]  # sorted by month
    assert loaded_plan.planned_events[1] == PlannedEvent(9, "training", "财税政策培训", "finance_tax")
    assert (row.station_id, row.year, row.status) == (world.station_id, 2027, "draft")
    assert count(db, AnnualReport) == 2


def test_a_stale_version_is_refused_and_nothing_changes(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        first = report_drafts.save_annual(s, 2026, "summary", SUMMARY, None)
    with db.begin() as s:
        report_drafts.save_annual(s, 2026, "summary", ReportText({"work_done": "窗口甲"}), first.version)
    for seen in (first.version, None):  # an old version, or "nothing saved yet" from a second window
        with pytest.raises(UserError, match="已在别处修改"), db.begin() as s:
            report_drafts.save_annual(s, 2026, "summary", ReportText({"work_done": "窗口乙"}), seen)
    with db.begin() as s:
        assert report_drafts.load_annual(s, 2026, "summary").narrative["work_done"] == "窗口甲"


def test_submit_makes_the_report_read_only(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        draft = report_drafts.save_annual(s, 2026, "summary", SUMMARY, None)
    with db.begin() as s:
        submitted = report_drafts.submit_annual(s, 2026, "summary", SUMMARY, draft.version)
    assert submitted.status == "submitted" and submitted.submitted_at is not None and not submitted.editable
    for action in (report_drafts.save_annual, report_drafts.submit_annual):
        with pytest.raises(UserError, match="已提交"), db.begin() as s:
            action(s, 2026, "summary", ReportText({"work_done": "提交后偷改"}), submitted.version)
    with pytest.raises(UserError, match="退回"), db.begin() as s:
        report_drafts.reopen_annual(s, 2026, "summary", submitted.version)
    with db.begin() as s:
        assert report_drafts.load_annual(s, 2026, "summary") == submitted


def test_submit_needs_every_section_and_every_plan_target(db, world: World) -> None:  # type: ignore[no-untyped-def]
    partial = ReportText({**SUMMARY.narrative, "problems": "   "})
    with pytest.raises(ValidationError, match="存在的问题与困难") as caught, db.begin() as s:
        report_drafts.submit_annual(s, 2026, "summary", partial, None)
    assert caught.value.field == "narrative.problems"
    no_share = ReportText(PLAN.narrative, {k: v for k, v in TARGETS.items() if k != "satisfied_share"})
    with pytest.raises(ValidationError, match="满意率") as caught, db.begin() as s:
        report_drafts.submit_annual(s, 2027, "plan", no_share, None)
    assert caught.value.field == "targets.satisfied_share"
    assert count(db, AnnualReport) == 0


def test_a_returned_report_shows_hqs_comment_and_can_be_reopened(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        submitted = report_drafts.submit_annual(s, 2027, "plan", PLAN, None)
    _hq_sets(db, AnnualReport, status="returned", review_comment="活动计划过少，请补充。", version=submitted.version + 1)  # type: ignore[operator]
    with db.begin() as s:
        returned = report_drafts.load_annual(s, 2027, "plan")
    assert (returned.status_label, returned.review_comment, returned.can_reopen, returned.editable) == (
        "已退回", "活动计划过少，请补充。", True, False)
    with pytest.raises(UserError, match="重新编辑"), db.begin() as s:
        report_drafts.save_annual(s, 2027, "plan", PLAN, returned.version)
    with db.begin() as s:
        reopened = report_drafts.reopen_annual(s, 2027, "plan", returned.version)
    assert reopened.status == "draft" and reopened.review_comment == "活动计划过少，请补充。"
    more = ReportText(PLAN.narrative, TARGETS, (*PLAN.planned_events, PlannedEvent(11, "forum", "年度论坛")))
    with db.begin() as s:
        again = report_drafts.submit_annual(s, 2027, "plan", more, reopened.version)
    assert again.status == "submitted" and len(again.planned_events) == 3


def test_accepted_is_final(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        submitted = report_drafts.submit_annual(s, 2026, "summary", SUMMARY, None)
    _hq_sets(db, AnnualReport, status="accepted", version=submitted.version + 1)  # type: ignore[operator]
    with db.begin() as s:
        accepted = report_drafts.load_annual(s, 2026, "summary")
    assert (accepted.can_submit, accepted.can_reopen, accepted.editable) == (False, False, False)
    with pytest.raises(UserError, match="已通过"), db.begin() as s:
        report_drafts.save_annual(s, 2026, "summary", SUMMARY, accepted.version)
    with pytest.raises(UserError), db.begin() as s:
        report_drafts.reopen_annual(s, 2026, "summary", accepted.version)


def test_info_reports_by_month_and_quarter(db, world: World) -> None:  # type: ignore[no-untyped-def]
    text = ReportText({key: f"{title}：平稳。" for key, title in INFO_SECTIONS.items()})
    with db.begin() as s:
        month = report_drafts.save_info(s, "2026-09", text, None)
        quarter = report_drafts.submit_info(s, "2026-Q3", text, None)
    assert (month.status, quarter.status, quarter.period) == ("draft", "submitted", "2026-Q3")
    with pytest.raises(UserError, match="已提交"), db.begin() as s:
        report_drafts.save_info(s, "2026-Q3", text, quarter.version)
    with pytest.raises(UserError), db.begin() as s:
        report_drafts.reopen_annual(s, 2026, "summary", quarter.version)  # info reports have no review
    with db.begin() as s:
        assert report_drafts.load_info(s, "2026-09").narrative == text.narrative
    assert count(db, InfoReport) == 2
    assert (report_drafts.period_label("2026-09"), report_drafts.period_label("2026-Q3")) == ("2026年9月", "2026年第3季度")


@pytest.mark.parametrize("period", ["2026-13", "2026-Q5", "2026-9", "26-09", "", "2026-Q0"])
def test_bad_periods_name_the_field(db, world: World, period: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="报送期间") as caught, db.begin() as s:
        report_drafts.save_info(s, period, ReportText(), None)
    assert caught.value.field == "period"


_EVENT = {"month": 5, "event_type": "training", "title": "培训"}
BAD_PLANS = [  # (what, targets, planned events, the field named, a word of the message)
    ("share over 100", {"satisfied_share": "100.1"}, (), "targets.satisfied_share", "不能超过100"),
    ("negative count", {"events": -1}, (), "targets.events", "负数"),
    ("count past the cap", {"service_records": 10_000_001}, (), "targets.service_records", "10,000,000"),
    ("month 13", {}, ({**_EVENT, "month": 13},), "planned_events.0.month", "1–12"),
    ("month 0", {}, ({**_EVENT, "month": 0},), "planned_events.0.month", "1–12"),
    ("too many events", {}, (_EVENT,) * 121, "planned_events", "最多120"),
]


@pytest.mark.parametrize("case", BAD_PLANS, ids=[c[0] for c in BAD_PLANS])
def test_a_bad_plan_figure_is_refused_naming_the_field(db, world: World, case) -> None:  # type: ignore[no-untyped-def]
    _, targets, events, field, word = case
    with pytest.raises(ValidationError) as caught, db.begin() as s:
        report_drafts.save_annual(s, 2027, "plan", ReportText(PLAN.narrative, targets, events), None)
    assert caught.value.field == field and word in caught.value.message, caught.value.message
    assert count(db, AnnualReport) == 0


def test_plan_figures_at_their_limits_are_kept(db, world: World) -> None:  # type: ignore[no-untyped-def]
    edge = {"satisfied_share": 100, "events": 0, "service_records": 10_000_000}
    with db.begin() as s:
        saved = report_drafts.save_annual(s, 2027, "plan", ReportText(PLAN.narrative, edge, (_EVENT,) * 120), None)
    assert (saved.targets, len(saved.planned_events)) == (edge, 120)


# --- validation, by property ----------------------------------------------------------
_LABELS = {**{f"narrative.{k}": t for k, t in SUMMARY_SECTIONS.items()},
           **{f"narrative.{k}": t for k, t in PLAN_SECTIONS.items()},
           **{f"targets.{k}": t for k, t in PLAN_INDICATORS.items()}}
_values = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["", "12", "-1", "101", "1e999", "3.5", "１２"]))
_events = st.lists(
    st.one_of(
        st.fixed_dictionaries({"month": st.one_of(st.integers(-2, 14), st.text(max_size=2)),
                               "event_type": st.sampled_from(["training", "salon", "party", ""]),
                               "title": st.one_of(st.text(max_size=5), st.just("活" * 201)),
                               "theme": st.one_of(st.text(max_size=3), st.just("题" * 41))}),
        st.integers(), st.none()),
    max_size=4,
)
_texts = st.dictionaries(st.sampled_from([*PLAN_SECTIONS] * 3 + ["bogus"]),
                         st.one_of(st.text(min_size=1, max_size=20), st.text(max_size=20), st.just("字" * 10_001),
                                   st.integers(), st.none()), max_size=4)
_full_texts = st.fixed_dictionaries({k: st.text(min_size=1, max_size=20).filter(str.strip) for k in PLAN_SECTIONS})
_full_targets = st.fixed_dictionaries({k: st.integers(0, 1000) for k in PLAN_INDICATORS if k != "satisfied_share"}
                                      | {"satisfied_share": st.floats(0, 100)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(narrative=st.one_of(_full_texts, _texts), targets=st.one_of(_full_targets, st.dictionaries(st.sampled_from([*PLAN_INDICATORS, "x"]), _values, max_size=4)),
       events=st.one_of(st.just([]), _events), submit=st.booleans())
def test_any_input_is_saved_whole_or_refused_naming_the_field(db, world: World, narrative, targets, events, submit) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        before = report_drafts.load_annual(s, 2030, "plan")
    action = report_drafts.submit_annual if submit else report_drafts.save_annual
    try:
        with db.begin() as s:
            saved = action(s, 2030, "plan", ReportText(narrative, targets, tuple(events)), before.version)
    except ValidationError as exc:
        event(f"refused: {(exc.field or '').split('.')[0]}")
        assert exc.field, exc.message
        label = _LABELS.get(exc.field)
        assert label is None or label in exc.message
        if exc.field.startswith("planned_events."):
            assert f"第{int(exc.field.split('.')[1]) + 1}行" in exc.message
        with db.begin() as s:
            assert report_drafts.load_annual(s, 2030, "plan") == before  # nothing saved half-way
        return
    except UserError as exc:  # a submitted plan cannot be saved again: the move is refused
        event("refused: already submitted")
        assert before.status == "submitted" and "已提交" in exc.message
        return
    event(f"stored as {saved.status}")
    assert all(v >= 0 for v in saved.targets.values()) and saved.targets.get("satisfied_share", 0) <= 100
    assert all(1 <= e.month <= 12 for e in saved.planned_events)
    with db.begin() as s:
        assert report_drafts.load_annual(s, 2030, "plan") == saved
    if saved.status == "submitted":  # start the next example from an editable plan
        with db.begin() as s:
            s.execute(update(AnnualReport).values(deleted=True, status="draft"))


def test_events_for_the_picker(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        for day, title, deleted in ((3, "早的活动", False), (9, "晚的活动", False), (5, "删掉的活动", True)):
            start = datetime(2026, 9, day, 9, tzinfo=UTC)
            s.add(Event(id=uuid.uuid4(), station_id=world.station_id, title=title, event_type="salon", starts_at=start,
                        ends_at=start, deleted=deleted))
    with db.begin() as s:
        assert [c.title for c in report_drafts.event_choices(s)] == ["晚的活动", "早的活动"]


def test_saved_and_submitted_reports_are_queued_for_hq(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        s.execute(delete(SyncOutbox))
    with db.begin() as s:
        submitted = report_drafts.submit_annual(s, 2026, "summary", SUMMARY, None)
        info = report_drafts.save_info(s, "2026-10", ReportText({"problems": "无"}), None)
    with db.begin() as s:
        queued = {(row.tbl, row.row_id) for row in s.scalars(select(SyncOutbox))}
        annual_id = s.scalars(select(AnnualReport.id)).one()
        info_id = s.scalars(select(InfoReport.id)).one()
    assert submitted.status == "submitted" and info.status == "draft"
    assert {("annual_report", annual_id.hex), ("info_report", info_id.hex)} <= queued
