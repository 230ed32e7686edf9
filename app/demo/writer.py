"""Bulk inserts for demo data that still store every value the way the models do.

Decision: `conn.execute(insert(table), list_of_dicts)` measured 15–18k rows/s on the
23-column service_record table here: each row pays for a parameter dict and ~25 bind
processors (UUID → hex, UTCDateTime → naive UTC text, ScaledDecimal → integer, ISODate).
This writer takes each column's bind processor from SQLAlchemy itself
(`type.dialect_impl(dialect).bind_processor(dialect)`, TypeDecorators included) and
the caller applies it once per *distinct* value (constants, FK pools, the 365 dates),
then hands plain tuples to the driver's executemany.  Output is byte-identical to a
Core insert (tests/test_demo_data.py checks that).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Dialect, Table

Processor = Callable[[Any], Any]


def processor_for(dialect: Dialect, column: Column[Any]) -> Processor:
    """The column's bind processor (identity when the driver takes the value as is)."""
    proc = column.type.dialect_impl(dialect).bind_processor(dialect)
    return proc if proc is not None else _identity


class TableWriter:
    def __init__(self, conn: Connection, table: Table, columns: Sequence[str], constants: Mapping[str, Any]) -> None:
        dialect = conn.dialect
        if dialect.paramstyle != "qmark":
            raise RuntimeError("TableWriter is for SQLite (qmark paramstyle)")
        self.conn = conn
        self.table = table
        self._processors = {col.name: processor_for(dialect, col) for col in table.columns}
        fixed = dict(constants)
        for col in table.columns:
            if col.name in fixed or col.name in columns:
                continue
            # Columns left out get their scalar default, as a Core insert would give them;
            # a callable default (ids, timestamps) must be produced per row by the caller.
            if col.default is not None:
                if not col.default.is_scalar:
                    raise ValueError(f"{table.name}.{col.name} has a callable default: pass it explicitly")
                fixed[col.name] = col.default.arg  # type: ignore[attr-defined]
        unknown = [name for name in (*columns, *fixed) if name not in self._processors]
        if unknown:
            raise ValueError(f"{table.name} has no column(s) {unknown}")
        self.columns = tuple(columns)
        self._tail = tuple(self.bind(name, value) for name, value in fixed.items())
        quote = dialect.identifier_preparer
        names = ", ".join(quote.format_column(table.c[name]) for name in (*columns, *fixed))
        marks = ", ".join("?" * (len(columns) + len(fixed)))
        self.sql = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})"

    def processor(self, name: str) -> Processor:
        return self._processors[name]

    def bind(self, name: str, value: Any) -> Any:
        return self._processors[name](value)

    def write(self, rows: Sequence[tuple[Any, ...]]) -> int:
        """Insert rows whose values are already bound, in `columns` order."""
        if rows:
            tail = self._tail
            self.conn.exec_driver_sql(self.sql, [row + tail for row in rows])
        return len(rows)


def _identity(value: Any) -> Any:
    return value
