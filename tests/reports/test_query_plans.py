"""The big-table queries of the reports read indexes only (the plan, not a timing)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.sql import Select

from app.domain.periods import year_period
from app.models.database import Database
from app.reports.record_stats import records_statement, served_statement


def _plan(db: Database, statement: Select) -> str:  # type: ignore[type-arg]
    with db.begin() as session:
        compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        rows = session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    return "\n".join(str(row[-1]) for row in rows)


def test_records_by_day_category_channel_fee_stream_from_the_covering_index(empty_db: Database) -> None:
    plan = _plan(empty_db, records_statement(year_period(2026)))
    assert "COVERING INDEX ix_service_record_stats" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # grouped in index order, no sort


def test_served_enterprises_probe_only_the_enterprise_date_index(empty_db: Database) -> None:
    plan = _plan(empty_db, served_statement(year_period(2026)))
    assert "COVERING INDEX ix_service_record_enterprise_date" in plan, plan
