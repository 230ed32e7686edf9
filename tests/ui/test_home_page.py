"""首页 dashboard: figures shown for the month and the year, every figure opens the records
behind it (records / demands pages filtered), the compliance list, and a screenshot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.demo import data as demo_data
from app.domain.periods import CHINA_TIME, china_today
from app.models import Demand, Enterprise, Event, ServiceRecord, StaffMember
from app.models.database import Database
from app.services.station.identity import NewStation, StationInfo, create_station
from app.settings import Settings
from app.ui import operations
from app.ui.dashboard.page import HomePage
from app.ui.demands.page import DemandsPage
from app.ui.events.page import EventsPage
from app.ui.fonts import install_cjk_font
from app.ui.records.page import RecordsPage
from app.ui.reporting.page import ReportsPage
from app.ui.shell.main_window import MainWindow
from app.ui.staff.page import StaffPage
from app.ui.widgets import error_dialog

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TODAY = china_today()  # the records and demands pages count "overdue" from the real date
MONTH_START = TODAY.replace(day=1)
LAST_YEAR = date(TODAY.year - 1, 12, 31)


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[object]]:  # type: ignore[no-untyped-def]
    install_cjk_font(qapp)
    calls: list[object] = []
    previous = error_dialog.set_presenter(lambda *args: calls.append(args))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000), "an operation was still running after the test"
    assert calls == [], "an unexpected error dialog was shown"


@pytest.fixture
def station(db: Database) -> StationInfo:
    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))


@pytest.fixture
def filled(db: Database, station: StationInfo) -> None:
    """This month: 3 live records (2 policy, 1 ip; scores 5, 3, none) + 1 deleted; earlier this
    year (if the month is not January) 1 legal; last year 1.  Demands: 2 open (1 overdue), 1 closed
    this month, 1 closed last year.  Events: 2 this month (+1 deleted), 1 at 00:30 on 1 January
    China time (still the last day of last year in UTC), 1 at 23:30 on 31 December last year.
    Staff: besides the manager, 2 full-time on duty, 1 part-time, 1 who has left."""
    with db.begin() as s:
        first = Enterprise(station_id=station.id, name="广州市天河区示例科技有限公司")
        second = Enterprise(station_id=station.id, name="广州丙丁贸易有限公司")
        s.add_all([first, second])
        s.flush()
        rows = [(first, MONTH_START, "policy", 5, False), (second, MONTH_START, "policy", 3, False),
                (first, MONTH_START, "ip", None, False), (second, MONTH_START, "legal", 4, True),
                (first, LAST_YEAR, "policy", 1, False)]
        if TODAY.month > 1:
            rows.append((second, date(TODAY.year, 1, 1), "legal", 4, False))
        for firm, day, category, score, deleted in rows:
            s.add(ServiceRecord(enterprise_id=firm.id, service_date=day, category=category, satisfaction=score,
                                deleted=deleted, station_id=station.id))
        common = dict(enterprise_id=first.id, title="融资对接", category="financing", station_id=station.id)
        s.add_all([
            Demand(**common, status="accepted", received_on=TODAY - timedelta(days=40), due_on=TODAY - timedelta(days=10)),
            Demand(**common, status="handling", received_on=TODAY, due_on=TODAY + timedelta(days=10)),
            Demand(**common, status="closed", received_on=TODAY - timedelta(days=40), closed_at=china(MONTH_START, 9)),
            Demand(**common, status="followed_up", received_on=LAST_YEAR, closed_at=china(LAST_YEAR, 23)),
        ])

        def event(title: str, at: datetime, deleted: bool = False) -> Event:
            return Event(station_id=station.id, title=title, event_type="training", starts_at=at,
                         ends_at=at + timedelta(hours=2), deleted=deleted)

        new_year = datetime(TODAY.year, 1, 1, 0, 30, tzinfo=CHINA_TIME)
        s.add_all([event("本月讲座", china(MONTH_START, 14)), event("本月沙龙", china(MONTH_START, 19)),
                   event("已删除", china(MONTH_START, 10), deleted=True), event("元旦凌晨", new_year),
                   event("去年除夕", china(LAST_YEAR, 23))])
        s.add_all([StaffMember(station_id=station.id, name=name, full_time=full, start_date=date(2024, 1, 1), end_date=end)
                   for name, full, end in (("王芳", True, None), ("李文", True, None), ("周兼职", False, None),
                                           ("赵离职", True, date(2025, 1, 31)))])
        # The manager joined when the station was made (the real date): before TODAY, which was
        # read when this module was imported, even when a run crosses midnight China time.
        manager = s.scalars(select(StaffMember).where(StaffMember.name == "陈晓明")).one()
        manager.start_date = date(2024, 1, 1)


def china(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=CHINA_TIME)


def loaded_home(qtbot, db: Database) -> HomePage:  # type: ignore[no-untyped-def]
    page = HomePage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    with qtbot.waitSignal(page.overview_loaded, timeout=20_000):
        page.reload()
    return page


def test_figures_for_the_year_and_the_month(qtbot, db, filled) -> None:  # type: ignore[no-untyped-def]
    page = loaded_home(qtbot, db)
    earlier = 1 if TODAY.month > 1 else 0
    assert page.year_button.isChecked()
    assert page.service_records.value_label.text() == str(3 + earlier)
    assert page.enterprises_served.value_label.text() == "2"
    assert page.open_demands.value_label.text() == "2"
    assert "超期 1 项" in page.open_demands.detail_label.text()
    assert "企业库共 2 家" in page.enterprises_served.detail_label.text()
    assert page.satisfaction.value_label.text() == "4.00 分"  # 5, 3 (and 4 in January); last year not
    assert page.empty_state.isHidden()
    assert page.category_chart.values[0] == 2  # 政策咨询 first, the most records

    page.month_button.click()
    assert page.period_key == "month" and page.heading.text() == f"{TODAY.year}年{TODAY.month}月概况"
    assert page.service_records.value_label.text() == "3"
    assert page.satisfaction.value_label.text() == "4.00 分"  # (5 + 3) / 2; the unrated one left out
    assert "满意率 50%" in page.satisfaction.detail_label.text()
    assert page.monthly_chart.values[TODAY.month - 1] == 3
    assert [line.check.key for line in page.compliance.lines] == [
        "staffing", "signage", "work_rules", "annual_summary", "annual_plan", "periodic_report"]


def test_empty_station_explains_what_to_do(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = loaded_home(qtbot, db)
    assert page.empty_state.isVisible()
    assert page.satisfaction.value_label.text() == "—"
    assert page.service_records.value_label.text() == "0"


def window_with_home(qtbot, db: Database, station: StationInfo,  # type: ignore[no-untyped-def]
                     cutoff: datetime | None = None) -> MainWindow:
    """The window with its home page counted at TODAY, events held by `cutoff` (default: the
    end of TODAY, so the fixture's events of this month count whatever the hour)."""
    window = MainWindow(db, "default", station, Settings(), remember=False)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    window.home_page._today = lambda: TODAY
    end_of_today = datetime(TODAY.year, TODAY.month, TODAY.day, 23, 59, 59, tzinfo=CHINA_TIME)
    window.home_page._now = lambda: cutoff or end_of_today
    with qtbot.waitSignal(window.home_page.overview_loaded, timeout=20_000):
        window.home_page.reload()
    return window


def test_clicking_a_figure_opens_the_records_behind_it(qtbot, db, station, filled) -> None:  # type: ignore[no-untyped-def]
    window = window_with_home(qtbot, db, station)
    home, records = window.home_page, window.pages["service_records"]
    assert isinstance(records, RecordsPage)
    home.month_button.click()
    with qtbot.waitSignal(records.model.ids_loaded, timeout=20_000) as counted:
        qtbot.mouseClick(home.service_records, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "service_records"
    assert records.period.currentText() == f"{TODAY.year}年{TODAY.month}月"
    assert (records.model.filter.date_from, records.model.filter.date_to) == (MONTH_START, home.figures().period.last_day)
    assert counted.args == [3]  # the card said 3

    window.show_page("home")
    with qtbot.waitSignal(records.model.ids_loaded, timeout=20_000) as counted:
        home.category_chart.click_bar(0)  # 政策咨询, 2 this month
    assert records.model.filter.category == "policy" and counted.args == [2]
    assert records.category.currentData() == "policy"

    window.show_page("home")
    home.year_button.click()
    with qtbot.waitSignal(records.model.ids_loaded, timeout=20_000) as counted:
        home.monthly_chart.click_bar(0)  # January
    assert records.model.filter.date_from == date(TODAY.year, 1, 1)
    assert records.model.filter.date_to == date(TODAY.year, 1, 31)
    assert counted.args == [home.overview.monthly_records[0]]  # type: ignore[union-attr]

    window.show_page("home")
    with qtbot.waitSignal(records.model.ids_loaded, timeout=20_000) as counted:
        qtbot.mouseClick(home.satisfaction, Qt.MouseButton.LeftButton)  # the year's records, best score first
    assert (records.model.sort_key, records.model.descending) == ("satisfaction", True)
    assert records.model.filter.category is None and counted.args == [int(home.service_records.value_label.text())]


def test_demand_figures_open_the_demand_pool_filtered(qtbot, db, station, filled) -> None:  # type: ignore[no-untyped-def]
    window = window_with_home(qtbot, db, station)
    home, pool = window.home_page, window.pages["demands"]
    assert isinstance(pool, DemandsPage)
    with qtbot.waitSignal(pool.model.ids_loaded, timeout=20_000) as counted:
        home.open_demands.detail_label.linkActivated.emit("overdue")
    assert window.current_page_key() == "demands"
    assert pool.overdue.isChecked() and counted.args == [1]

    window.show_page("home")
    with qtbot.waitSignal(pool.model.ids_loaded, timeout=20_000) as counted:
        qtbot.mouseClick(home.open_demands, Qt.MouseButton.LeftButton)
    assert not pool.overdue.isChecked() and pool.status.currentText() == "未办结" and counted.args == [2]

    for key in ("year", "month"):  # 本年/本月办结: closed in that period, whatever the status now
        window.show_page("home")
        home.set_period(key)
        with qtbot.waitSignal(pool.model.ids_loaded, timeout=20_000) as counted:
            home.open_demands.detail_label.linkActivated.emit("closed")
        assert set(pool.model.filter.statuses) == {"closed", "followed_up"}
        assert counted.args == [home.figures().demands_closed] == [1]  # not last year's
        assert pool.closed_label.isVisible() and home.period_label() in pool.closed_label.text()
    with qtbot.waitSignal(pool.model.ids_loaded, timeout=20_000) as counted:
        pool.closed_clear.click()  # the way back: every closed demand
    assert counted.args == [2] and pool.closed_label.isHidden()


def test_event_figure_opens_exactly_the_events_counted(qtbot, db, station, filled) -> None:  # type: ignore[no-untyped-def]
    window = window_with_home(qtbot, db, station)
    home, page = window.home_page, window.pages["events"]
    assert isinstance(page, EventsPage)
    expected = {"month": ["本月沙龙", "本月讲座"], "year": ["本月沙龙", "本月讲座", "元旦凌晨"]}
    if TODAY.month == 1:
        expected["month"].append("元旦凌晨")
    for key in ("month", "year"):
        window.show_page("home")
        home.set_period(key)
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            qtbot.mouseClick(home.events, Qt.MouseButton.LeftButton)
        assert window.current_page_key() == "events"
        titles = [page.model.row_at(r).title for r in range(page.model.rowCount())]  # type: ignore[union-attr]
        assert titles == expected[key] and len(titles) == int(home.events.value_label.text())
        assert page.count_label.text() == f"共 {len(titles)} 场"
        assert page.scope.currentText() == home.period_label() and home.period_label() in page.day_label.text()
    assert page.whole_month.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.whole_month.click()  # the way back to the calendar's month
    assert page.scope.currentData() == "month" and not page.whole_month.isVisible()
    assert page.current_filter().month == (TODAY.year, TODAY.month)


def test_events_after_the_cutoff_are_planned_not_counted_nor_listed(qtbot, db, station, filled) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 item 2 on the home page: the figure counts events started by the time it was read;
    its click-through lists exactly those, and says they are the held ones."""
    window = window_with_home(qtbot, db, station, cutoff=china(MONTH_START, 16))  # after 讲座 14:30, before 沙龙 19:30
    home, page = window.home_page, window.pages["events"]
    assert isinstance(page, EventsPage)
    home.set_period("month")
    expected = ["本月讲座", *(["元旦凌晨"] if TODAY.month == 1 else [])]
    assert home.events.value_label.text() == str(len(expected))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseClick(home.events, Qt.MouseButton.LeftButton)
    assert sorted(page.model.row_at(r).title for r in range(page.model.rowCount())) == sorted(expected)  # type: ignore[union-attr]
    assert "已举办" in page.day_label.text()


def test_compliance_lines_open_the_rows_they_count(qtbot, db, station, filled) -> None:  # type: ignore[no-untyped-def]
    window = window_with_home(qtbot, db, station)
    home, staff, reports = window.home_page, window.pages["staff"], window.pages["reports"]
    assert isinstance(staff, StaffPage) and isinstance(reports, ReportsPage)
    lines = {line.check.key: line for line in home.compliance.lines}
    with qtbot.waitSignal(staff.loaded, timeout=20_000):
        qtbot.mouseClick(lines["staffing"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "staff" and staff.show_which.currentData() == "full_time"
    shown = [staff.proxy.index(r, 0).data() for r in range(staff.proxy.rowCount())]
    assert set(shown) == {"陈晓明", "王芳", "李文"} and len(shown) == lines["staffing"].check.count == 3

    for key in ("annual_summary", "annual_plan"):
        window.show_page("home")
        check = lines[key].check
        qtbot.mouseClick(lines[key], Qt.MouseButton.LeftButton)
        assert window.current_page_key() == "reports" and reports.kind() == "annual"
        request = reports.request()
        if key == "annual_summary":
            assert request.options == {"year": check.year}
            assert reports.annual_tabs.currentWidget() is reports.summary_editor
        else:  # the plan for year Y is written beside the summary of Y - 1
            assert request.options == {"year": check.year - 1}  # type: ignore[operator]
            assert reports.annual_tabs.currentWidget() is reports.plan_editor
    window.show_page("home")
    qtbot.mouseClick(lines["periodic_report"], Qt.MouseButton.LeftButton)
    assert reports.kind() == "info" and reports.request().options == {"period": lines["periodic_report"].check.period}


def test_screenshot_with_demo_data(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    demo_data.generate(db, enterprises=400, records=5000)
    with db.begin() as session:
        from app.services.station.identity import current_station

        station = current_station(session)
    window = window_with_home(qtbot, db, station)  # type: ignore[arg-type]
    qtbot.wait(50)  # let the charts lay out
    home = window.home_page
    # (on 1 January the new year may have no records yet: the demo data stops at today)
    assert home.overview is not None and home.overview.enterprises == 400
    assert len(home.category_chart.values) >= 10 and sum(home.monthly_chart.values) == home.overview.year.service_records
    shot = window.grab()
    assert not shot.isNull()
    if os.environ.get("STATION_DESK_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot.save(str(SHOTS / "dashboard.png"))


def test_coming_back_after_a_while_counts_again(qtbot, db, filled) -> None:  # type: ignore[no-untyped-def]
    page = loaded_home(qtbot, db)
    page.hide()
    with db.begin() as s:
        firm = s.query(Enterprise).first()
        s.add(ServiceRecord(enterprise_id=firm.id, service_date=TODAY, category="digital"))  # type: ignore[union-attr]
    generation = page._generation
    page.show()  # just loaded: nothing to do
    assert page._generation == generation
    page.hide()
    page._loaded_at -= 60  # a minute later
    with qtbot.waitSignal(page.overview_loaded, timeout=20_000):
        page.show()
    assert page.overview is not None and page.overview.month.service_records == 4


def test_compliance_lines_open_their_pages(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    page = loaded_home(qtbot, db)
    lines = {line.check.key: line for line in page.compliance.lines}
    assert "✗" in lines["signage"].mark_label.text() and "尚未登记悬挂日期" in lines["signage"].detail_label.text()
    with qtbot.waitSignal(page.open_records) as opened:
        qtbot.mouseClick(lines["annual_summary"], Qt.MouseButton.LeftButton)
    assert opened.args == ["reports", {"kind": "summary", "year": lines["annual_summary"].check.year}]
    with qtbot.waitSignal(page.open_records) as opened:
        qtbot.mouseClick(lines["periodic_report"], Qt.MouseButton.LeftButton)
    assert opened.args == ["reports", {"period": lines["periodic_report"].check.period}]
    with qtbot.assertNotEmitted(page.open_records):
        qtbot.mouseClick(lines["signage"], Qt.MouseButton.LeftButton)  # nothing behind it to open
