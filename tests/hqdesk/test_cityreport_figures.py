"""Acceptance: every figure of both city-wide reports equals an independent SQL recount over
the replicated rows, with deleted rows and Guangzhou-time period edges (issue 12)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import ValidationError
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from app.hq.readmodel import pending
from tests.hqdesk.cityreport_data import app_client, hq_engine, hq_url, sample_network  # noqa: F401
from tests.hqdesk.cityreport_oracle import annual_oracle, annual_shape, key_info_oracle, key_info_shape

AFTER_DEADLINE = datetime(2027, 2, 5, 9, 0, tzinfo=UTC)
NEW_YEARS_EVE = datetime.fromisoformat("2026-12-31T23:00:00+08:00")


@pytest.fixture(scope="module")
def network(hq_engine, app_client):  # noqa: F811
    return sample_network(hq_engine, app_client)


@pytest.mark.parametrize("cutoff", [AFTER_DEADLINE, NEW_YEARS_EVE], ids=["after-deadline", "new-years-eve"])
def test_annual_report_equals_independent_recount(hq_engine, network, cutoff) -> None:  # noqa: F811
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        report = annual_report(conn, 2026, now=cutoff)
    with hq_engine.begin() as conn:
        expected = annual_oracle(conn, 2026, cutoff)
    assert annual_shape(report) == expected
    assert {s.code for s in report.stations} == {"CR-A", "CR-B", "CR-C"}


def test_annual_report_known_values(hq_engine, network) -> None:  # noqa: F811
    """The oracle and the code agree; these few figures say that both are what a reader expects."""
    pending.catch_up(hq_engine)  # as every reader of the read models does
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
    assert (c.full_time_staff, c.summary_on_time, c.plan_on_time, c.info_due, c.info_on_time) == (2, True, False, 4, 1)
    assert c.signage_hung_on == date(2026, 2, 1)
    assert [h.code for h in r.highlights] == ["CR-A", "CR-C"] and r.summaries_submitted == 2
    assert r.plan.targets == {"enterprises_served": 200, "events": 10, "satisfied_share": 85}
    assert r.plan.events_by_month[2] == 2 and r.plan.submitted == 2
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        eve = annual_report(conn, 2026, now=NEW_YEARS_EVE)
    assert next(s for s in eve.stations if s.code == "CR-A").figures.events_held == 1  # 23:30 had not started


@pytest.mark.parametrize("period", ["2026-12", "2026-Q4", "2026-01", "2027-01", "2026-Q1"])
@pytest.mark.parametrize("cutoff", [AFTER_DEADLINE, NEW_YEARS_EVE], ids=["after-deadline", "new-years-eve"])
def test_key_info_report_equals_independent_recount(hq_engine, network, period, cutoff) -> None:  # noqa: F811
    from app.domain.periods import parse_period

    p = parse_period(period)
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        report = key_info_report(conn, period, now=cutoff)
    with hq_engine.begin() as conn:
        expected = key_info_oracle(conn, p.start, p.last_day, cutoff)
    assert key_info_shape(report) == expected
    assert report.stations_total == 3


def test_key_info_known_values(hq_engine, network) -> None:  # noqa: F811
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        r = key_info_report(conn, "2026-Q4", now=AFTER_DEADLINE)
    assert r.total.enterprises_served == 4 and r.total.service_records == 5
    assert r.key_enterprises[0].name == "广州甲科技有限公司" and r.key_enterprises[0].stations == 2
    assert r.stations_reporting == 2  # B's quarter and C's December; B's December draft is not handed in
    assert {e.code for e in r.notes} == {"CR-B", "CR-C"}
    assert r.category_labels["digital"] == "数字化转型诊断" and r.category_labels["financing"] == "投融资"
    unknown = next(b for b in r.by_industry if b.key == "")
    assert unknown.enterprises_served == 1  # 丁商店 has no industry
    overdue = {c.category: c.overdue for c in r.demand_categories}
    assert overdue == {"digital": 2, "financing": 1}  # as of 5 February, the one due on 1 February too


@pytest.mark.parametrize("bad", ["2026", "2026-13", "", "26-Q1", "2026-Q5"])
def test_key_info_refuses_a_bad_period(hq_engine, bad) -> None:  # noqa: F811
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn, pytest.raises(ValidationError) as caught:
        key_info_report(conn, bad)
    assert caught.value.field == "period" and "2026-Q3" in str(caught.value)


@pytest.mark.parametrize("bad", [None, 1800, 2101])
def test_annual_refuses_a_bad_year(hq_engine, bad) -> None:  # noqa: F811
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn, pytest.raises(ValidationError) as caught:
        annual_report(conn, bad)
    assert caught.value.field == "year"
