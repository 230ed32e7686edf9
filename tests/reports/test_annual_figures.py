"""Each figure of the annual report, recomputed from the database with independent SQL.

The report's data layer takes shortcuts for speed (index-order grouping, a tombstone
correction after an index-only EXISTS); here the same figures come from plain SQL over
the raw tables, after soft-deleting some rows so the shortcuts are exercised.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.models.database import Database
from app.reports.annual_data import AnnualFigures, annual_figures
from app.reports.api import build_report
from app.reports.context import report_context
from tests.reports.conftest import pdf_text
from tests.reports.test_build_kinds import YEAR

CHINA = timezone(timedelta(hours=8))
START, END = f"{YEAR}-01-01", f"{YEAR + 1}-01-01"


@pytest.fixture(scope="module")
def figures(demo_db: Database) -> Iterator[tuple[AnnualFigures, sqlite3.Connection, datetime]]:
    raw = sqlite3.connect(demo_db.path)
    with raw:
        # every record of one served enterprise this year becomes a tombstone: it is no longer served
        gone = raw.execute("SELECT enterprise_id FROM service_record WHERE service_date >= ? AND service_date < ? "
                           "ORDER BY service_date LIMIT 1", (START, END)).fetchone()[0]
        raw.execute("UPDATE service_record SET deleted = 1 WHERE enterprise_id = ?", (gone,))
        # and some others, scattered
        raw.execute("UPDATE service_record SET deleted = 1 WHERE rowid % 17 = 0")
        raw.execute("UPDATE demand SET deleted = 1 WHERE rowid % 13 = 0")
    with demo_db.begin() as session:
        ctx = report_context(session)
        result = annual_figures(session, ctx, YEAR)
    yield result, raw, ctx.cutoff
    raw.close()


def _rows(raw: sqlite3.Connection, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    return raw.execute(sql, args).fetchall()


LIVE_RECORDS = "FROM service_record WHERE deleted = 0 AND service_date >= ? AND service_date < ?"


def test_service_records(figures) -> None:  # type: ignore[no-untyped-def]
    f, raw, _ = figures
    r = f.records
    assert r.total == _rows(raw, f"SELECT count(*) {LIVE_RECORDS}", START, END)[0][0] > 0
    for column, counts in (("category", r.by_category), ("channel", r.by_channel), ("fee_type", r.by_fee),
                           ("substr(service_date, 1, 7)", r.by_month)):
        expected = dict(_rows(raw, f"SELECT {column}, count(*) {LIVE_RECORDS} GROUP BY 1", START, END))
        assert dict(counts) == expected, column
    rated, happy = _rows(raw, f"SELECT count(satisfaction), count(CASE WHEN satisfaction >= 4 THEN 1 END) {LIVE_RECORDS}",
                         START, END)[0]
    assert (r.rated, r.satisfied) == (rated, happy)


def test_enterprises_served(figures) -> None:  # type: ignore[no-untyped-def]
    f, raw, _ = figures
    served = _rows(raw, f"SELECT e.size, e.industry_section, e.district FROM enterprise e WHERE e.id IN "
                        f"(SELECT enterprise_id {LIVE_RECORDS})", START, END)
    assert f.served.total == len(served) > 0
    assert dict(f.served.by_size) == Counter(s or "" for s, _, _ in served)
    assert dict(f.served.by_section) == Counter(s or "" for _, s, _ in served)
    assert dict(f.served.by_district) == Counter(d or "" for _, _, d in served)


def test_demands(figures) -> None:  # type: ignore[no-untyped-def]
    f, raw, cutoff = figures
    rows = _rows(raw, "SELECT category, status, due_on, satisfaction FROM demand "
                      "WHERE deleted = 0 AND received_on >= ? AND received_on < ?", START, END)
    finished = [r for r in rows if r[1] in ("closed", "followed_up")]
    overdue = [r for r in rows if r[1] not in ("closed", "followed_up") and r[2] and r[2] < cutoff.date().isoformat()]
    d = f.demands
    assert (d.received, d.finished, d.overdue) == (len(rows), len(finished), len(overdue))
    assert d.received > 0 and d.finished > 0
    assert d.rated == sum(r[3] is not None for r in rows)
    assert d.satisfied == sum(r[3] is not None and r[3] >= 4 for r in rows)
    assert {x.category: x.received for x in d.lines} == Counter(r[0] for r in rows)


def test_events_and_attendance(figures) -> None:  # type: ignore[no-untyped-def]
    f, raw, cutoff = figures
    start = datetime(YEAR, 1, 1, tzinfo=CHINA).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    end = datetime(YEAR + 1, 1, 1, tzinfo=CHINA).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    held_by = cutoff.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    events = _rows(raw, "SELECT id, walk_in_count FROM event WHERE deleted = 0 AND starts_at >= ? AND starts_at < ? "
                        "AND starts_at <= ?", start, end, held_by)
    later = _rows(raw, "SELECT count(*) FROM event WHERE deleted = 0 AND starts_at > ? AND starts_at < ?", held_by, end)
    assert len(f.events) == len(events) > 0
    assert len(f.planned) == later[0][0], "events after the cut-off are planned, not held"
    for column, mine in (("event_type", Counter(e.event_type for e in f.events)),
                         ("theme", Counter(e.theme for e in f.events if e.theme))):
        expected = dict(_rows(raw, f"SELECT {column}, count(*) FROM event WHERE deleted = 0 AND starts_at >= ? "
                                   f"AND starts_at < ? AND starts_at <= ? AND {column} IS NOT NULL GROUP BY 1",
                              start, end, held_by))
        assert dict(mine) == expected, column
    ids = tuple(e[0] for e in events)
    marks = ",".join("?" * len(ids))
    registered, checked = _rows(raw, f"SELECT count(*), count(checked_in_at) FROM event_attendance "
                                     f"WHERE deleted = 0 AND event_id IN ({marks})", *ids)[0]
    assert sum(e.registered for e in f.events) == registered
    assert f.attendees == checked + sum(e[1] for e in events)


def test_institutions_and_staffing(figures) -> None:  # type: ignore[no-untyped-def]
    f, raw, cutoff = figures
    records = dict(_rows(raw, f"SELECT i.name, (SELECT count(*) {LIVE_RECORDS} AND institution_id = i.id) "
                              "FROM service_institution i WHERE i.deleted = 0", START, END))
    demands = dict(_rows(raw, "SELECT i.name, (SELECT count(*) FROM demand d WHERE d.deleted = 0 AND "
                              "d.assignee_institution_id = i.id AND d.received_on >= ? AND d.received_on < ?) "
                              "FROM service_institution i WHERE i.deleted = 0", START, END))
    assert {i.name: i.records for i in f.institutions} == records
    assert {i.name: i.demands for i in f.institutions} == demands
    assert sum(records.values()) > 0
    on = min(cutoff.date(), date(YEAR, 12, 31)).isoformat()
    full_time = _rows(raw, "SELECT count(*) FROM staff_member WHERE deleted = 0 AND full_time = 1 AND "
                           "(start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?)", on, on)
    assert f.staffing.full_time == full_time[0][0] >= 2


def test_the_printed_report_shows_the_same_figures(figures, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f, _, _ = figures
    out = tmp_path / "annual.pdf"
    build_report(demo_db, "annual", out, year=YEAR)
    text = " ".join(pdf_text(out).split())
    for label, value in (("服务企业（家）", f.served.total), ("服务记录（次）", f.records.total),
                         ("受理需求（项）", f.demands.received), ("已办结需求（项）", f.demands.finished),
                         ("举办活动（场）", len(f.events)), ("活动参与（人次）", f.attendees)):
        assert f"{label} {value:,}" in text, label
    assert f"本年度共服务企业 {f.served.total:,} 家" in text
    for name in (i.name for i in f.institutions):
        assert name in text.replace(" ", "")
