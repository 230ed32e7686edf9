"""Issue 13 item 13: in English no Chinese character shows on any page — the app's own words
(labels, buttons, headers, boxes, catalogue names such as statuses and categories) are all
translated, while the stored codes stay as they are.  The station's own data is typed in
ASCII here, so any CJK character found is the app's."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QWidget,
)
from sync.conftest import hq_engine, hq_http, hq_url  # noqa: F401 - fixtures (the sync page's refusals)

from app.domain import catalogue, districts, report_sections
from app.domain.enterprise_size import SIZE_LABELS
from app.domain.industry_data import SECTIONS
from app.services.station.identity import NewStation, create_station
from app.settings import Settings
from app.ui.catalogue_names import NAMES, shown
from app.ui.shell.main_window import MainWindow
from app.ui.shell.navigation import sections

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def catalogue_labels() -> set[str]:
    found = set(SIZE_LABELS.values()) | set(SECTIONS.values()) | set(districts.NAMES)
    for module in (catalogue, report_sections):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, dict):
                found |= {label for label in value.values() if isinstance(label, str)}
    return found


def test_every_catalogue_label_is_listed_for_translation() -> None:
    assert set(NAMES) == catalogue_labels()


def test_catalogue_names_are_shown_in_english_and_codes_stay(english: None) -> None:
    assert shown("受理") == "Accepted" and shown("数字化转型") == "Digital transformation"
    assert catalogue.DEMAND_STATUSES["accepted"] == "受理"  # what is stored and compared is untouched
    assert shown("广州云帆科技有限公司") == "广州云帆科技有限公司"  # data passes through
    assert shown("天河区") == "Tianhe District" and districts.DISTRICTS["天河区"] == "440106"


def test_the_enterprise_form_shows_districts_in_english_and_stores_the_official_name(qtbot, db, english) -> None:  # type: ignore[no-untyped-def]
    from app.ui.enterprises.form import EnterpriseForm

    form = EnterpriseForm(db)
    qtbot.addWidget(form)
    form.credit_code.setText("91440106MA5C123456")
    assert form.district.currentText() == "Tianhe District" and form.district.currentData() == "天河区"
    assert not [form.district.itemText(i) for i in range(form.district.count()) if CJK.search(form.district.itemText(i))]


def visible_texts(page: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]+>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts += [widget.placeholderText()] + ([] if widget.isReadOnly() else [])
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                texts += [str(model.index(row, c).data() or "") for c in range(columns)]
    return [t for t in texts if t and CJK.search(t)]


def test_no_chinese_shows_on_any_page_in_english(qtbot, db, english) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        station = create_station(session, NewStation("GZ-TH-001", "Tianhe SME Station", "天河区", "", "Chen"))
    window = MainWindow(db, "default", station, Settings(), remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.reload_home()  # 首页 counts, as after the launcher's first paint
    found: dict[str, list[str]] = {}
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(400)  # the page's first background read
        page = window.pages[section.key]
        texts = visible_texts(page)
        if texts:
            found[section.key] = sorted(set(texts))
    assert QCoreApplication.translate("Navigation", "首页") == "Home"
    assert not found, "\n".join(f"{key}: {texts}" for key, texts in found.items())


def clipped_headings(page: QWidget) -> list[str]:
    """Column headings narrower than their text ("Satisfactio")."""
    clipped = []
    for view in page.findChildren(QTableView):
        header = view.horizontalHeader()
        if not view.isVisibleTo(page) or view.model() is None:
            continue
        for column in range(header.count()):
            text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
            last = column == header.count() - 1 and header.stretchLastSection()
            if not view.isColumnHidden(column) and not last and header.sectionSize(column) < header.sectionSizeHint(column):
                clipped.append(f"heading clipped: {text}")
    return clipped


def test_with_demo_data_no_catalogue_name_stays_chinese(qtbot, db, english) -> None:  # type: ignore[no-untyped-def]
    """Rows from the services carry Chinese labels (受理, 培训, 政策咨询…); none reaches the screen."""
    from app.demo import data as demo_data
    from app.services.station.identity import current_station

    demo_data.generate(db, enterprises=30, records=120)
    with db.sessions() as session:
        station = current_station(session)
    window = MainWindow(db, "default", station, Settings(), remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.reload_home()
    labels = catalogue_labels()
    found: dict[str, list[str]] = {}
    for section in sections():
        window.show_page(section.key)
        qtbot.wait(600)
        page = window.pages[section.key]
        texts = [t for t in visible_texts(page) if t in labels or t.partition(" ")[0] in labels]
        texts += clipped_headings(page)
        if texts:
            found[section.key] = sorted(set(texts))
    home = window.pages["home"]
    window.reload_home()  # what the launcher does after the first paint
    qtbot.waitUntil(lambda: home.overview is not None and bool(home.category_chart.chart.labels), timeout=10_000)
    drawn = home.category_chart.chart.labels  # painted, not a widget's text
    assert drawn and not [t for t in drawn if CJK.search(t)], drawn
    assert not found, "\n".join(f"{key}: {texts}" for key, texts in found.items())


@pytest.mark.parametrize("width", [1100 - 180, 1024 - 180])
def test_the_home_page_scrolls_rather_than_cuts_off(qtbot, db, english, width: int) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dashboard.page import HomePage

    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "Tianhe SME Station", "天河区", "", "Chen"))
    page = HomePage(db)
    qtbot.addWidget(page)
    page.resize(width, 600)
    page.show()
    with qtbot.waitSignal(page.overview_loaded, timeout=20_000):
        page.reload()
    qtbot.wait(100)
    content, viewport = page.scroll.widget(), page.scroll.viewport()
    wider = content.minimumSizeHint().width() > viewport.width()
    assert not wider or page.scroll.horizontalScrollBar().isVisible()
    taller = content.minimumSizeHint().height() > viewport.height()
    assert not taller or page.scroll.verticalScrollBar().isVisible()


@pytest.mark.usefixtures("memory_keyring")
def test_the_sync_page_shows_hq_refusals_in_english(qtbot, db, english, hq_engine, hq_http) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The 同步 page after HQ refused the sync (a revoked token, its answer as sent) and refused rows
    (their text as HQ wrote it, read back from sync_rejection): English, nothing Chinese."""
    import secrets

    from sync.conftest import new_enrol_code

    from app.hq import accounts
    from app.hq.apply_context import reject_message
    from app.sync.engine import sync
    from app.sync.enrolment import enroll, open_client
    from app.ui.sync.auto_sync import AutoSyncController
    from app.ui.sync.page import SyncPage

    code = f"GZ-EN-{secrets.token_hex(3).upper()}"
    with db.begin() as session:
        create_station(session, NewStation(code, "Tianhe SME Station", "天河区", "", "Chen"))
    enroll(db, "http://testserver", new_enrol_code(hq_engine, code), http=hq_http)
    with hq_engine.begin() as conn:
        accounts.revoke_station(conn, code)
    refused = sync(db, open_client(db, http=hq_http))
    assert not refused.completed and CJK.search(refused.message)  # HQ answers in Chinese
    with db.engine.begin() as conn:
        for reason, fmt in [("hq_reference", {}), ("report_transition", {"old": "已提交", "new": "草稿"}),
                            ("owned_by_other_station", {})]:
            conn.exec_driver_sql(
                "INSERT INTO sync_rejection(batch_id, tbl, row_id, reason, data, at) "
                "VALUES ('b1', 'policy', 'r1', ?, '', strftime('%Y-%m-%d %H:%M:%f000', 'now'))",
                (str(reject_message(reason, "policy", **fmt)),))
    page = SyncPage(db, AutoSyncController(db, enabled=False))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.resize(1366 - 180, 700)
        page.show()
    page.lists.setCurrentIndex(0)  # 被服务总站拒绝的更改
    assert page.message_label.text().startswith("The sync token is invalid"), page.message_label.text()
    assert page.rejections.isVisibleTo(page) and page.rejections.rowCount() == 3
    assert not visible_texts(page), visible_texts(page)
