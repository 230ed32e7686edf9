"""Acceptance: every figure of both city-wide reports equals an independent SQL recount over
the replicated rows, with deleted rows and Guangzhou-time period edges (issue 12)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import ValidationError
from app.hq import admin_views
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from tests.hqdesk.cityreport_data import StationData, app_client, enrol_in, hq_engine, hq_url, push  # noqa: F401
from tests.hqdesk.cityreport_oracle import annual_oracle, annual_shape, key_info_oracle, key_info_shape

AFTER_DEADLINE = datetime(2027, 1, 20, 9, 0, tzinfo=UTC)
NEW_YEARS_EVE = datetime.fromisoformat("2026-12-31T23:00:00+08:00")


@pytest.fixture(scope="module")
def network(hq_engine, app_client):  # noqa: F811
    """Three stations in two districts, with rows on both sides of every edge."""
    a = StationData(enrol_in(hq_engine, app_client, "CR-A", "天河区"))
    b = StationData(enrol_in(hq_engine, app_client, "CR-B", "天河区"))
    c = StationData(enrol_in(hq_engine, app_client, "CR-C", "越秀区"))
    e_tech = a.add_enterprise("广州甲科技有限公司", "I", "天河区", "small")
    e_make = a.add_enterprise("广州乙制造有限公司", "C", "黄埔区", "medium")
    e_gone = a.add_enterprise("广州丙贸易有限公司", "F", "越秀区", "micro")
    e_shop = c.add_enterprise("广州丁商店", None, None, None)
    # service records: local dates at the year's edges; deleted ones
    a.record(e_tech, "2026-01-01", satisfaction=5)
    a.record(e_tech, "2026-12-31", satisfaction=3)
    a.record(e_tech, "2025-12-31", satisfaction=5)  # last year
    a.record(e_make, "2027-01-01", satisfaction=4)  # next year
    a.record(e_make, "2026-06-15", deleted=True, satisfaction=5)  # its only 2026 record is deleted: not served
    a.record(e_gone, "2026-03-02", deleted=True)
    a.record(e_gone, "2026-11-30", satisfaction=4)  # a deleted one and a live one: served
    b.record(e_tech, "2026-12-15", satisfaction=4)  # served by two stations: once city-wide and in 天河区
    b.record(e_make, "2026-10-01")
    c.record(e_shop, "2026-12-31", satisfaction=2, category="finance")
    c.record(e_tech, "2026-07-07")
    # events: 23:30 on 31 December in Guangzhou is 2026; 00:10 on 1 January is 2027
    eve = a.event("2026-12-31T23:30:00+08:00", walk_in=3, title="跨年政策宣讲")
    a.event("2027-01-01T00:10:00+08:00", walk_in=50)
    a.event("2026-12-31T16:10:00Z", walk_in=40)  # = 2027-01-01 00:10 in Guangzhou
    first = a.event("2025-12-31T16:30:00+00:00", walk_in=2)  # = 2026-01-01 00:30: 2026
    a.event("2025-12-31T15:59:00+00:00", walk_in=9)  # = 2025-12-31 23:59: last year
    naive = b.event("2026-06-01T02:00:00", walk_in=1)  # naive wire time is UTC
    dropped = b.event("2026-05-01T02:00:00+00:00", deleted=True, walk_in=100)
    a.attend(eve, e_tech)
    a.attend(eve, e_tech)  # two people of one enterprise: one 家次
    a.attend(eve, e_make)
    a.attend(eve, e_gone, checked_in=False)  # registered, never came
    a.attend(eve, e_gone, deleted=True)
    a.attend(eve, None)  # a person with no enterprise
    a.attend(first, e_make)
    b.attend(naive, e_tech)
    b.attend(dropped, e_tech)  # of a deleted event
    # demands: received and closed at the edges; overdue as of the cut-off
    a.demand(e_tech, "2026-01-01", status="closed", closed_at="2026-12-31T15:59:00+00:00", due_on="2026-02-01")
    a.demand(e_tech, "2026-12-31", status="followed_up", closed_at="2026-12-31T16:00:00+00:00")  # closed 2027
    a.demand(e_make, "2025-12-31", status="closed", closed_at="2026-01-01T00:30:00+08:00")  # received 2025, closed 2026
    a.demand(e_make, "2026-10-01", status="handling", due_on="2026-12-31", category="tech")  # overdue
    a.demand(e_gone, "2026-10-02", status="accepted", due_on="2027-02-01", category="tech")  # not yet due
    a.demand(e_gone, "2026-10-03", status="closed", closed_at="2026-10-05T02:00:00Z", deleted=True)
    b.demand(e_tech, "2026-11-11", status="replied", due_on="2026-11-30")
    c.demand(e_shop, "2026-12-01", status="closed", closed_at="2026-12-02T10:00:00")
    # staff: the two-full-time rule on the year's last day
    a.staff("甲一")
    a.staff("甲二", start="2026-03-01")
    b.staff("乙一")
    b.staff("乙二", deleted=True)
    b.staff("乙三", full_time=False)
    c.staff("丙一")
    c.staff("丙二", end="2026-11-30")
    c.staff("丙三", start="2027-01-05")
    a.profile(signage_hung_on="2026-02-01", work_rules_filed_on="2026-02-10")
    b.profile(signage_hung_on="2027-01-02")  # after the year: not yet
    # reports: on time is by the Guangzhou date of submission
    a.annual(2026, "summary", "submitted", "2027-01-15T15:59:00+00:00",
             narrative={"highlights": "首创“政策直通车”。", "work_done": "全年走访企业。"})
    a.annual(2027, "plan", "submitted", "2027-01-15T16:01:00+00:00",  # 16 January in Guangzhou: late
             targets={"enterprises_served": 120, "events": 10, "satisfied_share": 90},
             planned_events=[{"month": 3, "event_type": "training", "title": "春季培训", "theme": ""},
                             {"month": 9, "event_type": "salon", "title": "金秋沙龙", "theme": ""}],
             narrative={"goals": "服务企业120家。"})
    b.annual(2026, "summary", "draft", None, narrative={"highlights": "草稿不应出现"})
    b.annual(2027, "plan", "submitted", "2027-01-10T01:00:00+00:00",
             targets={"enterprises_served": 80, "satisfied_share": 80},
             planned_events=[{"month": 3, "event_type": "lecture", "title": "讲座", "theme": ""}])
    c.annual(2026, "summary", "submitted", "2027-01-05T01:00:00+00:00", narrative={"highlights": "越秀亮点"})
    a.info("2026-Q1", "submitted", "2026-04-10T15:59:00+00:00", key_industries="新一代信息技术")
    a.info("2026-Q2", "submitted", "2026-07-10T16:00:00+00:00")  # 11 July: late
    for month, at in (("2026-07", "2026-08-01T01:00:00Z"), ("2026-08", "2026-09-01T01:00:00Z"),
                      ("2026-09", "2026-10-10T15:00:00Z")):
        a.info(month, "submitted", at)
    b.info("2026-Q4", "submitted", "2027-01-08T01:00:00Z", demands="融资需求集中")
    b.info("2026-12", "draft", None)
    c.info("2026-12", "submitted", "2027-01-09T01:00:00Z", key_enterprises="丁商店扩张")
    for s in (a, b, c):
        push(app_client, s.who, s.enterprises + s.rows)
    with hq_engine.begin() as conn:  # HQ accepts one summary
        admin_views.review_report(conn, "CR-C", 2026, "summary", accept=True, comment="")
    return a, b, c


@pytest.mark.parametrize("cutoff", [AFTER_DEADLINE, NEW_YEARS_EVE], ids=["after-deadline", "new-years-eve"])
def test_annual_report_equals_independent_recount(hq_engine, network, cutoff) -> None:  # noqa: F811
    with hq_engine.begin() as conn:
        report = annual_report(conn, 2026, now=cutoff)
    with hq_engine.begin() as conn:
        expected = annual_oracle(conn, 2026, cutoff)
    assert annual_shape(report) == expected
    assert {s.code for s in report.stations} == {"CR-A", "CR-B", "CR-C"}


def test_annual_report_known_values(hq_engine, network) -> None:  # noqa: F811
    """The oracle and the code agree; these few figures say that both are what a reader expects."""
    with hq_engine.begin() as conn:
        r = annual_report(conn, 2026, now=AFTER_DEADLINE)
    a = next(s for s in r.stations if s.code == "CR-A")
    assert a.figures.enterprises_served == 2  # 甲 and 丙 (乙's only 2026 record is deleted)
    assert a.figures.service_records == 3
    assert a.figures.events_held == 2  # 23:30 on new year's eve and 00:30 on 1 January
    assert a.figures.attendees_people == 4 + 3 + 1 + 2  # eve: 4 checked in + 3 walk-ins; first: 1 + 2
    assert a.figures.attendee_enterprises == 2 + 1
    assert a.figures.demands_received == 4 and a.figures.demands_closed == 2
    assert (a.figures.rated, a.figures.satisfied, a.figures.score_total) == (3, 2, 12)
    assert r.total.enterprises_served == 4
    tianhe = next(d for d in r.districts if d.district == "天河区")
    assert tianhe.figures.enterprises_served == 3 and tianhe.stations == 2
    c = a.compliance
    assert (c.full_time_staff, c.summary_on_time, c.plan_on_time, c.info_due, c.info_on_time) == (2, True, False, 4, 2)
    assert c.signage_hung_on == date(2026, 2, 1)
    assert [h.code for h in r.highlights] == ["CR-A", "CR-C"] and r.summaries_submitted == 2
    assert r.plan.targets == {"enterprises_served": 200, "events": 10, "satisfied_share": 85}
    assert r.plan.events_by_month[2] == 2 and r.plan.submitted == 2
    with hq_engine.begin() as conn:
        eve = annual_report(conn, 2026, now=NEW_YEARS_EVE)
    assert next(s for s in eve.stations if s.code == "CR-A").figures.events_held == 1  # 23:30 had not started


@pytest.mark.parametrize("period", ["2026-12", "2026-Q4", "2026-01", "2027-01", "2026-Q1"])
@pytest.mark.parametrize("cutoff", [AFTER_DEADLINE, NEW_YEARS_EVE], ids=["after-deadline", "new-years-eve"])
def test_key_info_report_equals_independent_recount(hq_engine, network, period, cutoff) -> None:  # noqa: F811
    from app.domain.periods import parse_period

    p = parse_period(period)
    with hq_engine.begin() as conn:
        report = key_info_report(conn, period, now=cutoff)
    with hq_engine.begin() as conn:
        expected = key_info_oracle(conn, p.start, p.last_day, cutoff)
    assert key_info_shape(report) == expected
    assert report.stations_total == 3


def test_key_info_known_values(hq_engine, network) -> None:  # noqa: F811
    with hq_engine.begin() as conn:
        r = key_info_report(conn, "2026-Q4", now=AFTER_DEADLINE)
    assert r.total.enterprises_served == 4 and r.total.service_records == 5
    assert r.key_enterprises[0].name == "广州甲科技有限公司" and r.key_enterprises[0].stations == 2
    assert r.stations_reporting == 2  # B's quarter and C's December; B's December draft is not handed in
    assert {e.code for e in r.notes} == {"CR-B", "CR-C"}
    unknown = next(b for b in r.by_industry if b.key == "")
    assert unknown.enterprises_served == 1  # 丁商店 has no industry
    overdue = {c.category: c.overdue for c in r.demand_categories}
    assert overdue == {"tech": 1, "finance": 1}


@pytest.mark.parametrize("bad", ["2026", "2026-13", "", "26-Q1", "2026-Q5"])
def test_key_info_refuses_a_bad_period(hq_engine, bad) -> None:  # noqa: F811
    with hq_engine.begin() as conn, pytest.raises(ValidationError) as caught:
        key_info_report(conn, bad)
    assert caught.value.field == "period" and "2026-Q3" in str(caught.value)


@pytest.mark.parametrize("bad", [None, 1800, 2101])
def test_annual_refuses_a_bad_year(hq_engine, bad) -> None:  # noqa: F811
    with hq_engine.begin() as conn, pytest.raises(ValidationError) as caught:
        annual_report(conn, bad)
    assert caught.value.field == "year"
