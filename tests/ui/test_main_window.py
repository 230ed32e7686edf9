"""The main window: navigation, shortcuts, remembered geometry, status bar, demo banner, home figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QSize, Qt

from app.models import Demand, Enterprise, Event, ServiceRecord
from app.models.database import Database
from app.services.dashboard.overview import station_overview
from app.services.station.identity import NewStation, StationInfo, create_station
from app.settings import LANGUAGE, LAST_PAGE, MAIN_WINDOW_GEOMETRY, Settings
from app.ui import operations
from app.ui.shell.main_window import MainWindow
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts

SECTIONS = ["首页", "企业", "服务记录", "服务需求", "活动", "人员", "机构与专家", "政策", "报表", "同步"]
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[object, str, str]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[object, str, str]] = []
    previous = error_dialog.set_presenter(lambda parent, message, detail: calls.append((parent, message, detail)))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(5000), "an operation was still running after the test"


@pytest.fixture
def station(db: Database) -> StationInfo:
    with db.begin() as session:
        return create_station(
            session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "天河区工商业联合会", "陈晓明")
        )


def make_window(qtbot, db: Database, station: StationInfo | None, profile: str = "default") -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, profile, station, Settings())
    qtbot.addWidget(window)
    return window


def test_navigation_lists_all_ten_sections(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == SECTIONS
    assert window.stack.count() == 10
    enterprises = window.pages["enterprises"]
    assert "拼音首字母" in enterprises.search.placeholderText()  # type: ignore[attr-defined]


def test_ctrl_3_switches_to_service_records(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "service_records"
    assert window.stack.currentWidget() is window.pages["service_records"]
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "sync"


def test_geometry_and_last_page_survive_a_restart(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    first = make_window(qtbot, db, station)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 520)  # inside the offscreen screen (800x600)
    first.move(QPoint(40, 30))
    first.show_page("demands")
    first.close()
    stored = Settings().get_raw("persist", MAIN_WINDOW_GEOMETRY.key)
    assert isinstance(stored, dict) and len(stored) == 1  # keyed by the Qt version
    assert Settings().get(LAST_PAGE) == "demands"

    second = make_window(qtbot, db, station)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(700, 520)
    assert second.current_page_key() == "demands"


def test_status_bar_names_station_profile_and_sync(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    assert window.station_label.text() == "天河区中小企业服务站（GZ-TH-001）"
    assert "default" in window.profile_label.text() and "演示" not in window.profile_label.text()
    assert window.sync_label.text() == "上次同步：尚未同步"
    assert window.banner.isHidden()


def test_demo_profile_shows_banner_that_leads_to_real_setup(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, None, profile="demo")
    window.show()
    assert window.banner.isVisible()
    assert "这是演示数据，不会同步。" in window.banner.message.text()
    assert "演示" in window.profile_label.text()
    with qtbot.waitSignal(window.profile_switch_requested) as switched:
        qtbot.mouseClick(window.banner.setup_button, Qt.MouseButton.LeftButton)
    assert switched.args == ["default"]


def test_language_choice_is_stored_and_says_restart(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    with answer_prompts(True) as asked:
        window.language_actions["en"].trigger()
    assert Settings().get(LANGUAGE) == "en"
    assert "重新启动" in asked[0].text


# --- home page and its service ----------------------------------------------------------
def fill(db: Database, station: StationInfo) -> None:
    """This year: 2 live records (+1 deleted), 1 last year; 2 open demands, 1 closed; 1 event."""
    with db.begin() as session:
        firm = Enterprise(name="广州市天河区示例科技有限公司", station_id=station.id)
        gone = Enterprise(name="已删除企业", deleted=True)
        session.add_all([firm, gone])
        session.flush()
        for day, deleted in [(TODAY, False), (TODAY - timedelta(days=30), False), (TODAY, True), (date(2025, 12, 31), False)]:
            session.add(ServiceRecord(enterprise_id=firm.id, service_date=day, category="policy", deleted=deleted))
        for status in ["accepted", "handling", "closed"]:
            session.add(Demand(enterprise_id=firm.id, title="融资", category="finance", status=status, received_on=TODAY))
        starts = datetime(2026, 3, 1, 2, tzinfo=UTC)
        session.add(Event(title="政策宣讲", event_type="lecture", starts_at=starts, ends_at=starts + timedelta(hours=2)))
        # 2025-12-31 17:00 UTC is already 2026 in Guangzhou.
        new_year = datetime(2025, 12, 31, 17, tzinfo=UTC)
        session.add(Event(title="元旦沙龙", event_type="salon", starts_at=new_year, ends_at=new_year + timedelta(hours=1)))


def test_overview_counts_this_year_and_skips_deleted(db, station) -> None:  # type: ignore[no-untyped-def]
    fill(db, station)
    with db.begin() as session:
        overview = station_overview(session, TODAY)
    assert (overview.enterprises, overview.service_records, overview.open_demands, overview.events) == (1, 2, 2, 2)
    assert not overview.is_empty


def test_home_page_shows_loading_then_numbers(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    fill(db, station)
    window = make_window(qtbot, db, station)
    home = window.home_page
    home._today = lambda: TODAY
    assert home.status_label.text() == "加载中…"
    with qtbot.waitSignal(home.overview_loaded, timeout=10_000):
        home.reload()
    assert home.service_records.value_label.text() == "2"
    assert home.open_demands.value_label.text() == "2"
    assert home.empty_state.isHidden()


def test_empty_station_home_page_explains_what_to_do(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db, station)
    window.show()
    with qtbot.waitSignal(window.home_page.overview_loaded, timeout=10_000):
        window.home_page.reload()
    assert window.home_page.empty_state.isVisible()
    assert "导入企业库" in window.home_page.empty_state.text()
