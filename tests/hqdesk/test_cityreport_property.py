"""Property: for generated stations (deleted flags, Guangzhou-time edges, odd timestamp forms),
both city-wide reports equal the independent recount (tests/hqdesk/cityreport_oracle.py)."""

from __future__ import annotations

import itertools
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.periods import parse_period
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from app.hq.readmodel import pending
from tests.hqdesk.cityreport_data import StationData, app_client, enrol_in, hq_engine, hq_url, push  # noqa: F401
from tests.hqdesk.cityreport_oracle import annual_oracle, annual_shape, key_info_oracle, key_info_shape

DAYS = ["2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-09-30", "2026-10-01", "2026-12-31", "2027-01-01"]
MOMENTS = [
    "2025-12-31T15:59:59+00:00", "2025-12-31T16:00:00Z", "2026-01-01T00:00:00+08:00", "2026-03-31T23:59:00+08:00",
    "2026-03-31T16:00:00+00:00", "2026-09-30T16:30:00", "2026-12-31T23:30:00+08:00", "2026-12-31T15:30:00",
    "2026-12-31T16:10:00+00:00", "2027-01-01T00:10:00+08:00", "2026-06-15T12:00:00-05:00",
]
CUTOFFS = [datetime.fromisoformat(t) for t in ("2026-12-31T23:00:00+08:00", "2027-01-20T09:00:00+08:00",
                                                "2026-10-10T12:00:00+08:00")]
PERIODS = ["2026-Q1", "2026-Q4", "2026-12", "2026-01", "2026-04", "2027-01"]
STATUSES = ["accepted", "dispatched", "handling", "replied", "closed", "followed_up"]
codes = itertools.count()

enterprise_attrs = st.tuples(st.sampled_from(["C", "I", "F", None]), st.sampled_from(["天河区", "越秀区", None]),
                             st.sampled_from(["micro", "small", None]))
record = st.tuples(st.integers(0, 3), st.sampled_from(DAYS), st.booleans(), st.one_of(st.none(), st.integers(1, 5)))
attendance = st.tuples(st.one_of(st.none(), st.integers(0, 3)), st.booleans(), st.booleans())
event = st.tuples(st.sampled_from(MOMENTS), st.booleans(), st.integers(0, 5), st.lists(attendance, max_size=4))
demand = st.tuples(st.integers(0, 3), st.sampled_from(DAYS), st.sampled_from(STATUSES),
                   st.one_of(st.none(), st.sampled_from(MOMENTS)), st.one_of(st.none(), st.sampled_from(DAYS)),
                   st.booleans())
staff = st.tuples(st.booleans(), st.one_of(st.none(), st.sampled_from(DAYS)), st.one_of(st.none(), st.sampled_from(DAYS)),
                  st.booleans())
station = st.fixed_dictionaries({
    "district": st.sampled_from(["天河区", "越秀区", "海珠区"]),
    "records": st.lists(record, max_size=8), "events": st.lists(event, max_size=3),
    "demands": st.lists(demand, max_size=4), "staff": st.lists(staff, max_size=3),
})


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(firms=st.lists(enterprise_attrs, min_size=4, max_size=4), stations=st.lists(station, min_size=1, max_size=2),
       cutoff=st.sampled_from(CUTOFFS), period=st.sampled_from(PERIODS))
def test_reports_equal_the_recount(hq_engine, app_client, firms, stations, cutoff, period) -> None:  # noqa: F811
    made = []
    for spec in stations:
        s = StationData(enrol_in(hq_engine, app_client, f"PR-{next(codes)}", spec["district"]))
        ids = [s.add_enterprise(f"企业{i}", *attrs) for i, attrs in enumerate(firms)]
        for firm, day, deleted, score in spec["records"]:
            s.record(ids[firm], day, deleted=deleted, satisfaction=score)
        for starts, deleted, walk_in, people in spec["events"]:
            e = s.event(starts, deleted=deleted, walk_in=walk_in)
            for firm, came, gone in people:
                s.attend(e, None if firm is None else ids[firm], checked_in=came, deleted=gone)
        for firm, day, status, closed, due, deleted in spec["demands"]:
            s.demand(ids[firm], day, status=status, closed_at=closed, due_on=due, deleted=deleted)
        for full_time, start, end, deleted in spec["staff"]:
            s.staff("员工", full_time=full_time, start=start, end=end, deleted=deleted)
        made.append(s)
    for s in made:
        push(app_client, s.who, s.enterprises + s.rows)
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        annual = annual_shape(annual_report(conn, 2026, now=cutoff))
        key_info = key_info_shape(key_info_report(conn, period, now=cutoff))
    p = parse_period(period)
    with hq_engine.begin() as conn:
        assert annual == annual_oracle(conn, 2026, cutoff)
    with hq_engine.begin() as conn:
        assert key_info == key_info_oracle(conn, p.start, p.last_day, cutoff)
