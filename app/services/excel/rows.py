"""What every import shares: the report, row errors, cancelling, repeated rows and the
one-transaction bulk write.

Counting (both imports):
- ``imported``: rows written (warning rows included when confirmed);
- ``warnings``: rows whose only problem is a credit code's check character — written
  flagged for review when ``confirm_warnings``, else held back in ``warning_rows``;
- ``rejected``: rows in ``errors`` (each with the first problem found);
- ``duplicates_in_file``: exact repeats of an earlier row of the file, imported once;
- ``unchanged``: rows already in the database with the same values (a re-run of the
  same file imports nothing and rejects nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.domain.messages import Msg
from app.domain.text_normalise import tidy_text
from app.sync import bulk_capture

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
CHUNK = 1000  # rows per INSERT … VALUES batch (tests lower it to fail half-way)


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class RowError:
    row_number: int  # as Excel shows it (1-based, title rows counted)
    field: str  # Chinese label of the offending field
    message: str  # Chinese, starts with the field's label


@dataclass
class ImportReport:
    imported: int = 0
    warnings: int = 0
    rejected: int = 0
    duplicates_in_file: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warning_rows: list[RowError] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    header_row: int = 1
    cells: dict[int, tuple[object, ...]] = field(default_factory=dict)  # original cells of reported rows

    def reject(self, row_number: int, cells: tuple[object, ...], label: str, message: str) -> None:
        if not message.startswith(label):
            message = Msg("%1：%2", label, message)
        self.errors.append(RowError(row_number, label, message))
        self.cells[row_number] = cells
        self.rejected += 1

    def summary_line(self) -> str:
        return f"imported={self.imported} warnings={self.warnings} rejected={self.rejected}"


def check_cancel(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def row_key(cells: Sequence[object], columns: Iterable[int]) -> tuple[str, ...]:
    """The mapped cells as compared for exact repeats (stray spaces and full-width ignored)."""
    return tuple(tidy_text(cells[c]) if c < len(cells) else "" for c in columns)


def clean_cells(cells: Sequence[object], columns: Iterable[int], memo: dict[str, str] | None = None) -> dict[int, str]:
    """clean_text of each of ``columns`` (in order; "" past the row's end): the values of
    row_key, by column, so that the row's checks need not clean the same cells again.
    ``memo``: text cells cleaned so far in this import (a sheet repeats its districts,
    industries and contacts thousands of times)."""
    width = len(cells)
    if memo is None:
        return {c: tidy_text(cells[c]) if c < width else "" for c in columns}
    cleaned = {}
    for c in columns:
        raw = cells[c] if c < width else None
        if isinstance(raw, str):
            text = memo.get(raw)
            if text is None:
                text = memo[raw] = tidy_text(raw)
        else:
            text = tidy_text(raw)
        cleaned[c] = text
    return cleaned


def cell(cells: Sequence[object], mapping: dict[str, int], name: str) -> object:
    column = mapping.get(name)
    return cells[column] if column is not None and column < len(cells) else None


def text_cell(value: object) -> str:
    """A cell as the form would have it typed (dates as 2024-03-05, 52.0 as 52)."""
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):  # a datetime, or a cell that acts like one
        day: date = value.date()
        return day.isoformat()
    return tidy_text(value)


def insert_chunk(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """One executemany of `rows` (dicts with the same keys) into the model's table.

    The statement is built once per column set from the model's Table (its quoted names);
    each value goes through its column's own bind processor (the model's types stay the
    one definition) and each omitted column with a Python default gets it, evaluated once
    per chunk.  SQLAlchemy's per-row parameter handling, ~40 % of a 10,000-row insert, is
    skipped.  (Core on the Table, not the ORM entity: ORM bulk INSERT splits the batch
    wherever a row's None pattern changes: 6,000 statements for 10,000 rows instead of 10.)
    Other paramstyles than SQLite's ``?`` take the plain Core executemany."""
    if not rows:
        return
    table = model.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        session.execute(insert(table), rows)
        return
    given = tuple(rows[0])
    prepared = _prepared(table, dialect, given)
    if prepared is None:
        session.execute(insert(table), rows)
        return
    sql, columns, defaults = prepared
    processors = [_processor(column, dialect) for column in columns]
    filled = [default.arg(None) if default.is_callable else default.arg for default in defaults]
    filled = [v if p is None else p(v) for p, v in zip(processors[len(given) :], filled, strict=True)]  # once a chunk
    per_row = [(i, p) for i, p in enumerate(processors[: len(given)]) if p is not None]
    params = []
    for row in rows:
        if len(row) != len(given):
            raise ValueError("insert_chunk: every row needs the same keys")
        values = list(map(row.__getitem__, given))
        for i, process in per_row:
            values[i] = process(values[i])
        values += filled
        params.append(tuple(values))
    connection.exec_driver_sql(sql, params)


def _processor(column: Any, dialect: Any) -> Callable[[Any], Any] | None:
    return column.type._cached_bind_processor(dialect)  # type: ignore[no-any-return]  # what Core would apply


_PREPARED: dict[tuple[object, str, tuple[str, ...]], tuple[str, list[Any], list[Any]] | None] = {}


def _prepared(table: Any, dialect: Any, given: tuple[str, ...]) -> tuple[str, list[Any], list[Any]] | None:
    """The INSERT for these keys plus every other column with a Python-side default;
    None when an omitted column's default is SQL (Core renders it: use Core)."""
    key = (table, dialect.name, given)
    if key not in _PREPARED:
        by_key = {column.key: column for column in table.columns}
        unknown = set(given) - set(by_key)
        if unknown:
            raise KeyError(f"not columns of {table.name}: {sorted(unknown)}")
        rest = [c for c in table.columns if c.key not in given and c.default is not None]
        if any(not (c.default.is_scalar or c.default.is_callable) for c in rest):
            _PREPARED[key] = None
            return None
        columns = [by_key[k] for k in given] + rest
        quote = dialect.identifier_preparer
        sql = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.format_column(c) for c in columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        _PREPARED[key] = (sql, columns, [c.default for c in rest])
    return _PREPARED[key]


def bulk_insert(session: Session, model: type, rows: list[dict[str, Any]],
                progress: Progress | None, cancelled: Cancelled | None) -> None:
    """Core executemany in chunks, inside the caller's transaction; cancel raises (→ rollback).
    The sync capture of a synced table's rows is written set-based after the last chunk
    (app/sync/bulk_capture.py: the same outbox, stamps and hash rows as its triggers)."""
    with bulk_capture.inserts(session.connection(), model.__tablename__, len(rows)):  # type: ignore[attr-defined]
        for start in range(0, len(rows), CHUNK):
            check_cancel(cancelled)
            insert_chunk(session, model, rows[start : start + CHUNK])
            if progress is not None:
                progress(min(start + CHUNK, len(rows)), len(rows), "正在写入…")
        check_cancel(cancelled)
