"""Issue 13 item 9: a form opens with the cursor in its first field, and a dialog holding typed
input asks before Esc (or 取消) throws it away."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.periods import CHINA_TIME
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import EnterpriseInput
from app.services.station.identity import NewStation, create_station
from app.ui import theme
from app.ui.demands.dialogs import NewDemandDialog
from app.ui.demands.page import DemandsPage
from app.ui.enterprises.form import EnterpriseForm
from app.ui.events.form import EventForm
from app.ui.events.page import EventsPage
from app.ui.records.page import RecordsPage
from app.ui.widgets.prompts import answer_prompts

pytestmark = pytest.mark.usefixtures("presented")
TODAY = date(2026, 6, 15)


@pytest.fixture
def firm(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        return enterprise_service.create(session, EnterpriseInput(name="广州云帆科技有限公司", district="天河区")).id


def commit_text(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def new_demand(qtbot, db) -> NewDemandDialog:  # type: ignore[no-untyped-def]
    page = DemandsPage(db, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.ids_loaded, timeout=10_000):
        page.show()
    qtbot.waitUntil(lambda: bool(page.pick_lists.staff), timeout=5000)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewDemandDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_new_demand_opens_on_its_first_field_and_typing_lands_there(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    dialog = new_demand(qtbot, db)
    assert QApplication.focusWidget() is dialog.picker
    qtbot.keyClicks(QApplication.focusWidget(), "yunfan")
    assert dialog.picker.text() == "yunfan"
    with answer_prompts(True):  # the popup list closes first; then the dialog is let go
        dialog.reject()


def test_esc_on_typed_input_asks_and_keeps_it_unless_told(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    dialog = new_demand(qtbot, db)
    dialog.title_edit.setFocus()
    commit_text(dialog.title_edit, "招聘高校毕业生")
    with answer_prompts(False) as asked:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert len(asked) == 1 and asked[0].destructive and "新建服务需求" in asked[0].text
    assert dialog.isVisible() and dialog.title_edit.text() == "招聘高校毕业生"
    with answer_prompts(True) as asked:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert len(asked) == 1 and not dialog.isVisible()


def test_esc_on_an_untouched_dialog_closes_without_asking(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    dialog = new_demand(qtbot, db)
    dialog.category.setCurrentIndex(1)  # a choice, not typed text
    with answer_prompts(False) as asked:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()


def test_new_event_opens_on_its_title(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    page = EventsPage(db, now=lambda: datetime(2026, 6, 15, 10, 0, tzinfo=CHINA_TIME))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    page.new_event()
    qtbot.waitUntil(lambda: isinstance(page.dialog, EventForm) and page.dialog.isVisible(), timeout=5000)
    form = page.dialog
    assert isinstance(form, EventForm)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert QApplication.focusWidget() is form.title_edit
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Down)  # ↓ stays in the form: never onto 取消
    assert QApplication.focusWidget() is form.title_edit
    with answer_prompts(False) as asked:
        form.reject()
    assert asked == [] and not form.isVisible()


def test_the_enterprise_form_asks_before_dropping_a_typed_name(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    form = EnterpriseForm(db)
    qtbot.addWidget(form)
    form.show()
    commit_text(form.name, "广州新开张贸易有限公司")
    with answer_prompts(False) as asked:
        form.reject()
    assert len(asked) == 1 and form.isVisible()
    with answer_prompts(True):
        form.reject()
    assert not form.isVisible()


def test_after_a_pick_the_focused_field_has_a_visible_frame(qtbot, db, firm) -> None:  # type: ignore[no-untyped-def]
    page = RecordsPage(db, today=lambda: TODAY, lock_days=10)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.form.pick_lists_loaded, timeout=10_000):
        page.resize(1000, 760)
        page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    form = page.form
    form.picker.set_enterprise(firm, "广州云帆科技有限公司")
    form.picker.enterprise_picked.emit(firm, "广州云帆科技有限公司")
    assert QApplication.focusWidget() is form.category
    frame = QColor(theme.FOCUS_FRAME)

    def framed() -> bool:
        image = form.category.grab().toImage()
        return any(image.pixelColor(x, image.height() // 2) == frame for x in range(3))

    assert framed()
    form.channel.setFocus()
    assert not framed()
