"""Issue 10, finding 9, the window's entry points: the enrol dialog and (automatic) sync
refuse a demo profile with app.sync.enrolment's one check (the CLI's are in
tests/sync/test_enrol_demo_refused.py)."""

from __future__ import annotations

import pytest

from app.models import ProfileMeta
from app.models.database import Database
from app.services.station.identity import NewStation, create_station
from app.sync import enrolment
from app.sync.enrolment import DEMO_REFUSED
from app.ui.sync.auto_sync import AutoSyncController
from app.ui.sync.enroll_dialog import EnrollDialog

pytestmark = pytest.mark.usefixtures("presented", "memory_keyring")


@pytest.fixture
def demo_db(db: Database) -> Database:
    with db.begin() as s:
        create_station(s, NewStation("DEMO-01", "演示服务站", "越秀区", manager_name="演示"), demo=True)
    return db


def test_the_enrol_dialog_refuses_a_demo_profile(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = EnrollDialog(demo_db, http_factory=lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText("http://127.0.0.1:9")  # refused before any request
    dialog.code.setText("ABCD-EFGH")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert dialog.error_label.text() == DEMO_REFUSED
    assert dialog.result_enrolment is None and dialog.ok_button.isEnabled()
    with demo_db.sessions() as s:
        assert s.get(ProfileMeta, enrolment.SERVER_KEY) is None


@pytest.mark.parametrize("automatic", [False, True], ids=["sync-now", "automatic"])
def test_sync_refuses_a_demo_profile_linked_by_an_older_version(qtbot, demo_db: Database, automatic: bool) -> None:  # type: ignore[no-untyped-def]
    with demo_db.begin() as s:  # what enrolling a demo profile with an older version left behind
        s.add_all([ProfileMeta(key=enrolment.SERVER_KEY, value="http://127.0.0.1:9"),
                   ProfileMeta(key=enrolment.CODE_KEY, value="DEMO-01")])
    controller = AutoSyncController(demo_db, enabled=True, interval_ms=3_600_000)
    with qtbot.waitSignal(controller.problem, timeout=10_000) as problem, \
            qtbot.waitSignal(controller.sync_finished, timeout=10_000) as finished:
        assert controller.sync_now(automatic=automatic)
    assert problem.args == [DEMO_REFUSED]
    result = finished.args[0]
    assert result is not None and not result.completed and result.message == DEMO_REFUSED
    controller.stop()
