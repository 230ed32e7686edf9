"""The shared strips of the list pages: the 撤销 bar and the debounced search box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.widgets.search_box import SearchBox
from app.ui.widgets.undo_bar import UndoBar


def test_undo_bar_says_what_was_done_and_offers_undo_only_after_a_delete(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = UndoBar()
    qtbot.addWidget(bar)
    assert bar.isHidden()
    bar.say("已删除：广州云帆科技有限公司", undo=True)
    assert bar.isVisible()
    assert bar.label.text() == "已删除：广州云帆科技有限公司" and not bar.undo_button.isHidden()
    with qtbot.waitSignal(bar.undo_requested):
        qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    bar.say("已恢复：广州云帆科技有限公司")
    assert bar.undo_button.isHidden() and bar.label.text().startswith("已恢复")


def test_search_box_settles_once_typing_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SearchBox("搜索", interval=50)
    qtbot.addWidget(box)
    assert box.placeholderText() == "搜索" and box.isClearButtonEnabled()
    settled: list[str] = []
    box.settled.connect(lambda: settled.append(box.text()))
    with qtbot.waitSignal(box.settled, timeout=2000):
        qtbot.keyClicks(box, "abc")
    assert settled == ["abc"]  # one round for three keys
    box.setText("abcd")
    assert box._debounce.isActive()
    box.cancel_pending()  # the list was filtered anyway: no second round
    assert not box._debounce.isActive() and settled == ["abc"]
