"""GET /v1/admin/cityreports/annual and /key-info through HqDeskClient: every HQ role reads the
same data the command line renders; bad input is a 400 with a Chinese message naming the field."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.hq.cityreport import routes
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from app.hq.readmodel import pending
from app.hq.routes.context import ServiceContext
from app.hqdesk.cityreports import client as reports_client
from app.hqdesk.client import HqDeskError
from tests.hq.fake_clock import FakeClock
from tests.hqdesk.cityreport_data import sample_network


@pytest.fixture(scope="module")
def network(hq_engine, app_client):
    return sample_network(hq_engine, app_client)


@pytest.mark.parametrize("role", ["admin", "staff", "bureau"])
def test_every_role_reads_the_annual_report(desk, hq_engine, network, role) -> None:
    got = reports_client.annual(desk[role], 2026)
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        direct = annual_report(conn, 2026, now=got.cutoff)
    assert got == direct
    assert {s.code for s in got.stations} == {"CR-A", "CR-B", "CR-C"}


@pytest.mark.parametrize("period", ["2026-Q4", "2026-12"])
def test_key_info_over_the_api(desk, hq_engine, network, period) -> None:
    got = reports_client.key_info(desk["bureau"], period)
    pending.catch_up(hq_engine)  # as every reader of the read models does
    with hq_engine.begin() as conn:
        direct = key_info_report(conn, period, now=got.cutoff)
    assert got == direct and got.period_key == period


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/cityreports/annual", {"year": "abc"}, "年度"),
    ("/cityreports/annual", {"year": "²"}, "年度"),  # a digit to str.isdigit(), not to int()
    ("/cityreports/annual", {"year": "２０２６"}, "年度"),
    ("/cityreports/annual", {}, "年度"),
    ("/cityreports/annual", {"year": "1800"}, "年度"),
    ("/cityreports/annual", {"year": "9" * 11}, "year"),
    ("/cityreports/key-info", {"period": "2026"}, "报送期间"),
    ("/cityreports/key-info", {"period": "x" * 21}, "period"),
    ("/cityreports/key-info", {}, "报送期间"),
])
def test_bad_input_is_a_chinese_4xx(desk, network, path, params, field) -> None:
    with pytest.raises(HqDeskError) as caught:
        desk["staff"].get_json(path, **params)
    assert caught.value.status in (400, 422)
    assert field in str(caught.value)


def test_no_token_no_report(app_client) -> None:
    answer = app_client.get("/v1/admin/cityreports/annual", params={"year": 2026}, headers={"X-Station-Desk-Protocol": "2"})
    assert answer.status_code in (401, 403)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(year=st.text(max_size=12), period=st.text(max_size=24))
def test_any_text_is_a_report_or_a_chinese_4xx(desk, year, period) -> None:
    """Hostile query text never makes a 500: a report, or a refusal that says what to fix."""
    for path, params in (("/cityreports/annual", {"year": year}), ("/cityreports/key-info", {"period": period})):
        try:
            desk["bureau"].get_json(path, **params)
        except HqDeskError as exc:
            assert exc.status in (400, 422), (path, params, exc.status, str(exc))
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))


def test_the_reports_snapshot_is_read_only(hq_engine) -> None:  # type: ignore[no-untyped-def]
    """A report read that tried to write (a bug in a query) fails instead of changing HQ's data."""
    hq = ServiceContext.build(hq_engine, FakeClock().clock())
    with pytest.raises(DBAPIError, match="read-only"):
        routes._snapshot(hq, lambda conn: conn.execute(text("CREATE TEMP TABLE report_write (x int)")))
