"""Hot statements straight on psycopg, inside the caller's SQLAlchemy transaction.

`conn.exec_driver_sql` still builds an execution context, a cursor result and its metadata
for every statement: 89 µs of HQ's CPU for a one-row statement against 45 µs on psycopg
alone, 409 against 187 µs for a 400-row pull page (benchmarks/README.md, "Issue 14: 200
stations at once").  These helpers run the statement on the connection SQLAlchemy checked
out, in its transaction (psycopg opens it as SQLAlchemy would: BEGIN before the first
statement; SQLAlchemy commits or rolls back), and hand any driver error to SQLAlchemy's own
handler.  So the caller sees exactly what `exec_driver_sql` raised: a DBAPIError (DataError,
OperationalError, …) carrying the driver's sqlstate, with `connection_invalidated` set when the
connection died, after SQLAlchemy invalidated it and the pool (`ServiceContext.in_transaction`
retries on both; tests/hq/test_fast_sql.py kills a backend to prove it).

`text_as_bytes=True`: text columns come as the UTF-8 bytes PostgreSQL sent (binary format), not
decoded to str (for a pull page's row JSON, written into the answer as it came: fetching a
400-row page, decoding it and encoding it back took 360-470 us in process, as bytes 250 us;
benchmarks/README.md, "Session 8").

Rows are plain tuples (`named=True`: named tuples, for `row.data` style access), with the
same Python values as `exec_driver_sql` gives (SQLAlchemy processes no types of a driver
statement).  Statements use psycopg's `%(name)s` parameters (app/hq/driver_sql.py).
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.abc import Buffer
from psycopg.adapt import Loader
from psycopg.pq import Format
from psycopg.rows import namedtuple_row
from psycopg.types.string import ByteaBinaryLoader
from sqlalchemy import Connection

UTF8 = "utf-8"  # psycopg's name for a connection's client encoding UTF8


class _TextAsUtf8(Loader):
    """A text value (binary format: the text in the client encoding) as UTF-8 bytes, for a
    connection whose client encoding is not UTF8."""

    format = Format.BINARY

    def load(self, data: Buffer) -> bytes:
        return bytes(data).decode(self.connection.info.encoding if self.connection else UTF8).encode()


def _cursor(conn: Connection, sql: str, params: Any, named: bool, text_as_bytes: bool = False) -> Any:
    raw: Any = conn.connection.driver_connection  # psycopg's Connection (None only for a closed one)
    cursor = raw.cursor(row_factory=namedtuple_row) if named else raw.cursor()
    if text_as_bytes:
        # A text value in binary format is its bytes in the client encoding; psycopg's C loader
        # for bytea in binary format hands them over as they are (a Python loader in text format
        # cost more than the decoding it saved: four text columns a row on a pull page).
        cursor.adapters.register_loader("text", ByteaBinaryLoader if raw.info.encoding == UTF8 else _TextAsUtf8)
    try:
        cursor.execute(sql, params, binary=text_as_bytes or None)
    except BaseException as exc:
        if isinstance(exc, psycopg.Error) or not isinstance(exc, Exception):  # a driver error, or an interrupt
            conn._handle_dbapi_exception(exc, sql, params, cursor, None)  # raises as exec_driver_sql would
        raise
    return cursor


def rows(conn: Connection, sql: str, params: Any = None, *, named: bool = False, text_as_bytes: bool = False) -> list[Any]:
    """Every row of the statement's answer (`text_as_bytes`: text columns as UTF-8 bytes)."""
    return _cursor(conn, sql, params, named, text_as_bytes).fetchall()  # type: ignore[no-any-return]


def first(conn: Connection, sql: str, params: Any = None, *, named: bool = False) -> Any:
    """The first row, or None."""
    return _cursor(conn, sql, params, named).fetchone()


def scalar(conn: Connection, sql: str, params: Any = None) -> Any:
    """The first column of the first row, or None."""
    row = _cursor(conn, sql, params, False).fetchone()
    return None if row is None else row[0]


def execute(conn: Connection, sql: str, params: Any = None) -> int:
    """Run a statement whose rows are not wanted; the number of rows it touched."""
    return int(_cursor(conn, sql, params, False).rowcount)
