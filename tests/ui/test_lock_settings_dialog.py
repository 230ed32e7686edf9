"""设置 → 锁定期限…: a manager changes the days; Enter saves, Esc cancels; last month locks accordingly."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import settings
from app.models import ServiceRecord
from app.models.database import Database
from app.services.actor import Actor
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import EnterpriseInput
from app.services.records import entry as record_entry
from app.services.records import period_locks
from app.services.records.period_locks import PeriodLockedError
from app.services.records.validation import RecordInput
from app.services.references import staff_choices
from app.ui.records.lock_settings_dialog import LockSettingsDialog

pytestmark = pytest.mark.usefixtures("presented")

TODAY = date(2026, 6, 15)
LAST_MONTH = date(2026, 5, 20)  # May locks on 2026-05-31 + N days


def open_dialog(qtbot, db: Database) -> LockSettingsDialog:  # type: ignore[no-untyped-def]
    dialog = LockSettingsDialog(db, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=5000)  # managers loaded
    return dialog


def set_days(qtbot, dialog: LockSettingsDialog, days: int) -> None:  # type: ignore[no-untyped-def]
    dialog.days.setFocus()
    dialog.days.selectAll()
    qtbot.keyClicks(dialog.days, str(days))
    assert dialog.days.value() == days


def last_month_locked(db: Database) -> bool:
    with db.sessions() as session:
        return period_locks.is_locked(session, LAST_MONTH, TODAY)  # lock_days=None: the setting, as the page uses


def test_a_manager_changes_the_days_and_last_month_follows(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    assert last_month_locked(db)  # default 10: May locked since 2026-06-10
    dialog = open_dialog(qtbot, db)
    assert dialog.manager.currentText() == "陈晓明" and dialog.days.value() == 10
    set_days(qtbot, dialog, 20)
    assert "每月结束后第 20 天起" in dialog.explanation.text()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter saves
    assert settings.Settings().get(settings.LOCK_DAYS_AFTER_MONTH_END) == 20
    assert not last_month_locked(db)  # May now locks on 2026-06-20
    firm = _firm(db)
    staff = _staff(db)
    with db.begin() as session:  # what the records page's save does (lock_days from the setting)
        record_entry.create(session, RecordInput(firm, LAST_MONTH, category="policy", staff_id=staff),
                               Actor("陈晓明"), today=TODAY)

    dialog = open_dialog(qtbot, db)
    assert dialog.days.value() == 20
    set_days(qtbot, dialog, 5)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert last_month_locked(db)
    with db.begin() as session, pytest.raises(PeriodLockedError):
        record_entry.create(session, RecordInput(firm, LAST_MONTH, category="policy", staff_id=staff),
                               Actor("陈晓明"), today=TODAY)
    with db.sessions() as session:
        assert len(session.scalars(select(ServiceRecord)).all()) == 1


def test_esc_cancels_without_saving(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, db)
    set_days(qtbot, dialog, 30)
    with qtbot.assertNotEmitted(dialog.saved, wait=200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert settings.Settings().get(settings.LOCK_DAYS_AFTER_MONTH_END) == 10
    assert last_month_locked(db)


def test_only_managers_are_offered_and_the_range_is_bounded(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    from app.services.staff import roster as staff_service
    from app.services.staff.roster import StaffInput

    with db.begin() as session:
        staff_service.create(session, StaffInput(name="李小红", role="staff"))
    dialog = open_dialog(qtbot, db)
    assert [dialog.manager.itemText(i) for i in range(dialog.manager.count())] == ["陈晓明"]
    assert (dialog.days.minimum(), dialog.days.maximum()) == (1, 60)


def _firm(db: Database) -> uuid.UUID:
    with db.begin() as session:
        return enterprise_service.create(session, EnterpriseInput(name="广州云帆科技有限公司", district="天河区")).id


def _staff(db: Database) -> uuid.UUID:
    with db.sessions() as session:
        return staff_choices(session)[0].id
