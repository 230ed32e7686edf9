"""A fresh PostgreSQL database per test module, on STATION_DESK_TEST_PG.

Default postgresql://postgres@127.0.0.1:5432/test (installer/test.sh makes sure it
answers).  The database is created, migrated by the caller's `init`, and dropped.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def admin_conninfo() -> str:
    return make_conninfo(os.environ.get("STATION_DESK_TEST_PG", DEFAULT_PG), dbname="postgres")


@contextmanager
def fresh_database(prefix: str, init: Callable[[str], None]) -> Iterator[str]:
    name = f"{prefix}_{secrets.token_hex(6)}"
    admin = admin_conninfo()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = conninfo_to_dict(admin)
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if parts.get("password") else "")
    url = f"postgresql://{auth}@{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{name}"
    try:
        init(url)
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
