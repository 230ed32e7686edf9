"""Issue 13 item 13: the panels that show one row (an event's details) speak English too: its type,
theme month and field labels, with English punctuation; the event's own title and venue stay as typed."""

from __future__ import annotations

import re

import pytest

from app.settings import Settings
from app.ui.shell.main_window import MainWindow

from .test_english_pages import CJK

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")


@pytest.mark.usefixtures("english")
def test_the_event_details_name_type_and_labels_in_english(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from app.demo import data as demo_data
    from app.services.station.identity import current_station

    demo_data.generate(db, enterprises=30, records=60)
    with db.sessions() as session:
        station = current_station(session)
    window = MainWindow(db, "default", station, Settings(), remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("events")
    page = window.pages["events"]
    qtbot.waitUntil(lambda: page.selected is not None, timeout=10_000)
    lines = page.detail_panel.text.text().split("<br>")
    kind_and_time = lines[1]  # 对接会 · 2026-12-22 15:00–17:30 in Chinese
    assert not CJK.search(kind_and_time), kind_and_time
    labels = re.findall(r"<span style='color:[^']*'>([^<]*: )</span>", "<br>".join(lines[2:]))
    assert len(labels) >= 3 and not [label for label in labels if CJK.search(label)], labels
    number = re.sub(r"<[^>]+>", "", lines[-1])
    assert number == f"ID: {page.selected.detail.id.hex}", number
