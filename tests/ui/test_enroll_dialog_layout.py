"""Issue 13 item 11: an enrolment error grows the dialog; it never squeezes the input boxes."""

from __future__ import annotations

import pytest

from app.ui.sync.enroll_dialog import EnrollDialog

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")


@pytest.mark.parametrize("server", ["", "ftp://hq.example.gov.cn", "https://hq.example.gov.cn"])
def test_an_error_leaves_both_boxes_their_full_height(qtbot, db, server: str) -> None:  # type: ignore[no-untyped-def]
    dialog = EnrollDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    full = dialog.server.sizeHint().height()
    dialog.server.setText(server)
    dialog.form.submit()  # no code (or no usable address): refused before any network work
    qtbot.waitUntil(dialog.error_label.isVisible)
    qtbot.wait(50)  # the layout settles on the next event-loop turn
    assert dialog.server.height() >= full and dialog.code.height() >= full
    assert dialog.error_label.height() >= dialog.error_label.heightForWidth(dialog.error_label.width())


def test_a_long_refusal_from_the_server_still_leaves_the_boxes_whole(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = EnrollDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    full = dialog.server.sizeHint().height()
    dialog.form.fail("登记码无效或已过期：请向服务总站索取新的一次性登记码（7 天内有效，只能使用一次），"
                 "并确认服务器网址与服务总站提供的一致；如果仍然失败，请把本窗口的截图发给服务总站的技术人员。" * 2)
    qtbot.wait(50)
    assert dialog.server.height() >= full and dialog.code.height() >= full
    assert dialog.error_label.height() >= dialog.error_label.heightForWidth(dialog.error_label.width())
