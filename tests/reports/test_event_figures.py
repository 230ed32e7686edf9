"""The event summary and the sign-in sheet, checked against plain SQL over the raw tables.

Some registrations are soft-deleted first: they must leave both documents and every count.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models.database import Database
from app.reports import labels as L
from app.reports.api import build_report
from app.reports.event_pdf import BLANK_ROWS
from tests.reports.conftest import pdf_text


@pytest.fixture(scope="module")
def event(demo_db: Database) -> Iterator[tuple[str, sqlite3.Connection]]:
    """The past event with the most registrations (hex id), a few of them soft-deleted."""
    raw = sqlite3.connect(demo_db.path)
    with raw:
        event_id = raw.execute(
            "SELECT e.id FROM event e JOIN event_attendance a ON a.event_id = e.id WHERE e.deleted = 0 "
            "AND a.checked_in_at IS NOT NULL GROUP BY e.id ORDER BY count(*) DESC, e.starts_at LIMIT 1").fetchone()[0]
        raw.execute("UPDATE event_attendance SET deleted = 1 WHERE event_id = ? AND rowid % 4 = 0", (event_id,))
    yield event_id, raw
    raw.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _attendees(raw: sqlite3.Connection, event_id: str, *, deleted: int = 0) -> list[tuple]:  # type: ignore[type-arg]
    return raw.execute(
        "SELECT e.name, a.attendee_name, e.size, e.industry_section, a.checked_in_at FROM event_attendance a "
        "LEFT JOIN enterprise e ON e.id = a.enterprise_id WHERE a.event_id = ? AND a.deleted = ?", (event_id, deleted)
    ).fetchall()


def test_the_summary_counts(event: tuple[str, sqlite3.Connection], demo_db: Database, tmp_path: Path) -> None:
    event_id, raw = event
    title, walk_in, satisfaction = raw.execute("SELECT title, walk_in_count, satisfaction FROM event WHERE id = ?",
                                               (event_id,)).fetchone()
    rows = _attendees(raw, event_id)
    gone = _attendees(raw, event_id, deleted=1)
    assert rows and gone, "some registrations live, some deleted"
    registered, came = len(rows), sum(r[4] is not None for r in rows)
    assert came > 0
    out = tmp_path / "summary.pdf"
    build_report(demo_db, "event_summary", out, event_id=uuid.UUID(hex=event_id))
    text = _flat(pdf_text(out))
    assert title.replace(" ", "") in text.replace(" ", "")
    for label, value in (("报名（人）", f"{registered:,}"), ("签到（人）", f"{came:,}"),
                         ("签到率", f"{100 * came / registered:.1f}%"), ("现场登记（人）", f"{walk_in or 0:,}"),
                         ("参与合计（人）", f"{came + (walk_in or 0):,}"),
                         ("满意度（5分制）", "—" if satisfaction is None else f"{satisfaction:,.1f}")):
        assert f"{label} {value}" in text, label
    sizes = Counter(r[2] or "" for r in rows if r[4] is not None)
    for size, n in sizes.items():
        assert f"{L.size_label(size)} {n:,}" in text, size
    sections = Counter(r[3] or "" for r in rows if r[4] is not None)
    for section, n in sections.items():
        assert f"{L.section_label(section)} {n:,}" in text, section
    flat = "".join(pdf_text(out, layout=False).split())
    present = {r[0] for r in rows if r[4] is not None}
    assert all(name.replace(" ", "") in flat for name in present)
    live_names = {r[0] for r in rows}
    for name, *_ in gone:
        if name not in live_names:
            assert name.replace(" ", "") not in flat, f"deleted registration {name} printed"


def test_the_sign_in_sheet(event: tuple[str, sqlite3.Connection], demo_db: Database, tmp_path: Path) -> None:
    event_id, raw = event
    rows = _attendees(raw, event_id)
    gone = _attendees(raw, event_id, deleted=1)
    out = tmp_path / "sheet.pdf"
    build_report(demo_db, "attendance", out, event_id=uuid.UUID(hex=event_id))
    text = "".join(pdf_text(out, layout=False).split())
    assert f"签到（已报名{len(rows)}人，另留{BLANK_ROWS}行供现场登记）" in text
    assert all(name.replace(" ", "") in text and person.replace(" ", "") in text for name, person, *_ in rows)
    live = {r[0] for r in rows}
    for name, *_ in gone:
        if name not in live:
            assert name.replace(" ", "") not in text, f"deleted registration {name} printed"
    last = len(rows) + BLANK_ROWS
    layout = pdf_text(out)
    assert any(line.split()[:1] == [str(last)] for line in layout.splitlines())
    assert not any(line.split()[:1] == [str(last + 1)] for line in layout.splitlines())
