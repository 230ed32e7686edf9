"""Each figure the periodic information report prints, recomputed with plain SQL over the raw tables.

Some rows are soft-deleted first (a served enterprise's every record in the quarter, scattered
records, demands, registrations and one event) so tombstones are exercised.  The figures come
from the printed PDF (pdftotext), not from the report's own data functions.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.domain.periods import parse_period
from app.models.database import Database
from app.reports import labels as L
from app.reports.api import build_report
from app.services import pick_lists
from tests.reports.conftest import pdf_text
from tests.reports.test_build_kinds import YEAR

CHINA = timezone(timedelta(hours=8))
QUARTER, MONTH = f"{YEAR}-Q2", f"{YEAR}-05"
FINISHED = ("closed", "followed_up")


@pytest.fixture(scope="module")
def raw(demo_db: Database) -> Iterator[sqlite3.Connection]:
    start, end = f"{YEAR}-04-01", f"{YEAR}-07-01"
    connection = sqlite3.connect(demo_db.path)
    with connection:
        gone = connection.execute("SELECT enterprise_id FROM service_record WHERE service_date >= ? AND "
                                  "service_date < ? ORDER BY service_date LIMIT 1", (start, end)).fetchone()[0]
        connection.execute("UPDATE service_record SET deleted = 1 WHERE enterprise_id = ?", (gone,))
        connection.execute("UPDATE service_record SET deleted = 1 WHERE rowid % 11 = 0")
        connection.execute("UPDATE demand SET deleted = 1 WHERE rowid % 7 = 0")
        connection.execute("UPDATE event_attendance SET deleted = 1 WHERE rowid % 5 = 0")
        connection.execute("UPDATE event SET deleted = 1 WHERE id = (SELECT id FROM event WHERE starts_at >= ? "
                           "ORDER BY starts_at LIMIT 1)", (_utc(date(YEAR, 5, 1)),))
    yield connection
    connection.close()


def _utc(day: date) -> str:
    return datetime(day.year, day.month, day.day, tzinfo=CHINA).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _rows(raw: sqlite3.Connection, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    return raw.execute(sql, args).fetchall()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(demo_db: Database, raw: sqlite3.Connection, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("info")
    texts = {}
    for key in (QUARTER, MONTH):
        out = folder / f"{key}.pdf"
        info = build_report(demo_db, "info", out, period=key)
        texts[key] = pdf_text(out)
        texts["cutoff"] = info.cutoff.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return texts


@pytest.mark.parametrize("key", [QUARTER, MONTH])
def test_overview_figures(raw: sqlite3.Connection, printed: dict[str, str], key: str) -> None:
    period = parse_period(key)
    start, end = period.start.isoformat(), period.end.isoformat()
    live = "FROM service_record WHERE deleted = 0 AND service_date >= ? AND service_date < ?"
    records = _rows(raw, f"SELECT count(*) {live}", start, end)[0][0]
    served = _rows(raw, f"SELECT count(DISTINCT enterprise_id) {live}", start, end)[0][0]
    demands = _rows(raw, "SELECT status FROM demand WHERE deleted = 0 AND received_on >= ? AND received_on < ?",
                    start, end)
    finished = sum(s in FINISHED for (s,) in demands)
    held_by = printed["cutoff"]  # events after the report's cut-off are planned, not held
    events = _rows(raw, "SELECT id, walk_in_count FROM event WHERE deleted = 0 AND starts_at >= ? AND starts_at < ? "
                        "AND starts_at <= ?", _utc(period.start), _utc(period.end), held_by)
    ids = [e[0] for e in events] or [b""]
    checked = _rows(raw, f"SELECT count(checked_in_at) FROM event_attendance WHERE deleted = 0 AND event_id IN "
                         f"({','.join('?' * len(ids))})", *ids)[0][0]
    attendees = checked + sum(w or 0 for _, w in events)
    assert records > 0 and served > 0 and demands
    text = _flat(printed[key])
    assert f"{period.label}定期信息报送" in text.replace(" ", "")
    for label, value in (("服务企业（家）", served), ("服务记录（次）", records), ("受理需求（项）", len(demands)),
                         ("已办结（项）", finished), ("举办活动（场）", len(events)), ("活动参与（人次）", attendees)):
        assert f"{label} {value:,}" in text, (label, value)


@pytest.mark.parametrize("key", [QUARTER, MONTH])
def test_category_industry_and_demand_tables(raw: sqlite3.Connection, printed: dict[str, str], key: str) -> None:
    period = parse_period(key)
    start, end = period.start.isoformat(), period.end.isoformat()
    labels = {**pick_lists.DEFAULTS[pick_lists.SERVICE_CATEGORY],
              **dict(_rows(raw, "SELECT code, label FROM pick_list_item WHERE list_name = ? AND deleted = 0",
                           pick_lists.SERVICE_CATEGORY))}
    text = _flat(printed[key])
    by_category = _rows(raw, "SELECT category, count(*) FROM service_record WHERE deleted = 0 AND service_date >= ? "
                             "AND service_date < ? GROUP BY 1", start, end)
    total = sum(n for _, n in by_category)
    for code, n in by_category:
        assert f"{labels.get(code, code)} {n:,} {100 * n / total:.1f}%" in text, code
    sections = Counter(s or "" for (s,) in _rows(
        raw, "SELECT industry_section FROM enterprise WHERE id IN (SELECT enterprise_id FROM service_record "
             "WHERE deleted = 0 AND service_date >= ? AND service_date < ?)", start, end))
    served = sum(sections.values())
    for section, n in sections.items():
        assert f"{L.section_label(section)} {n:,} {100 * n / served:.1f}%" in text, section
    today = datetime.now(CHINA).date().isoformat()
    demand_rows = _rows(raw, "SELECT category, count(*), sum(status IN ('closed', 'followed_up')), "
                             "sum(status NOT IN ('closed', 'followed_up') AND due_on < ?) FROM demand "
                             "WHERE deleted = 0 AND received_on >= ? AND received_on < ? GROUP BY 1",
                        today, start, end)
    for code, n, done, late in demand_rows:
        assert f"{labels.get(code, code)} {n:,} {done:,} {late or 0:,}" in text, code
    totals = [sum(int(r[i] or 0) for r in demand_rows) for i in (1, 2, 3)]
    assert "合计 " + " ".join(f"{v:,}" for v in totals) in text


@pytest.mark.parametrize("key", [QUARTER, MONTH])
def test_top_enterprises_and_events(raw: sqlite3.Connection, printed: dict[str, str], key: str) -> None:
    period = parse_period(key)
    text = _flat(printed[key]).replace(" ", "")
    top = _rows(raw, "SELECT e.name, count(*) FROM service_record r JOIN enterprise e ON e.id = r.enterprise_id "
                     "WHERE r.deleted = 0 AND r.service_date >= ? AND r.service_date < ? GROUP BY r.enterprise_id "
                     "ORDER BY count(*) DESC, e.name LIMIT 10",
                period.start.isoformat(), period.end.isoformat())
    assert top
    most = top[0][1]
    assert f"{top[0][0].replace(' ', '')}" in text and str(most) in text
    for name, n in top:
        if n > top[-1][1]:  # above the cut-off every one is printed (ties at the cut-off may go either way)
            assert name.replace(" ", "") in text, name
    events = _rows(raw, "SELECT e.title, e.starts_at, e.walk_in_count, count(a.id), count(a.checked_in_at) "
                        "FROM event e LEFT JOIN event_attendance a ON a.event_id = e.id AND a.deleted = 0 "
                        "WHERE e.deleted = 0 AND e.starts_at >= ? AND e.starts_at < ? GROUP BY e.id",
                   _utc(period.start), _utc(period.end))
    for title, starts, walk_in, registered, checked in events:
        day = datetime.fromisoformat(starts).replace(tzinfo=UTC).astimezone(CHINA)
        assert f"{day:%m-%d}" in text and title.replace(" ", "") in text, title
        assert f"{registered}{checked + (walk_in or 0)}" in text, title
    deleted = _rows(raw, "SELECT title FROM event WHERE deleted = 1 AND starts_at >= ? AND starts_at < ?",
                    _utc(period.start), _utc(period.end))
    assert key == QUARTER or deleted, "the month has a deleted event"
    for (title,) in deleted:
        if not _rows(raw, "SELECT 1 FROM event WHERE deleted = 0 AND title = ?", title):
            assert title.replace(" ", "") not in text, title


def test_staffing_line_at_the_period_end(raw: sqlite3.Connection, printed: dict[str, str]) -> None:
    on = date(YEAR, 6, 30).isoformat()
    full_time = _rows(raw, "SELECT count(*) FROM staff_member WHERE deleted = 0 AND full_time = 1 AND (start_date "
                           "IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?)", on, on)[0][0]
    assert full_time >= 2
    text = _flat(printed[QUARTER]).replace(" ", "")
    assert f"截至{on}" in text and f"其中专职{full_time}名" in text
    assert "符合服务公约" in text and "尚缺" not in text


def test_too_few_full_time_staff_is_said(empty_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "info.pdf"
    build_report(empty_db, "info", out, period="2025-09")
    text = "".join(pdf_text(out, layout=False).split())
    assert "截至2025-09-30" in text and "其中专职0名" in text
    assert "未达到服务公约不少于2名专职人员的要求，尚缺2名" in text
