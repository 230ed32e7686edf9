"""A fresh PostgreSQL database per test module, on STATION_DESK_TEST_PG.

Default postgresql://postgres@127.0.0.1:5432/test (installer/test.sh makes sure it
answers).  The database is created, migrated by the caller's `init`, and dropped.

`init` runs once per test session for each function: on a template database that every
later `fresh_database(…, init)` is a copy of (`CREATE DATABASE … TEMPLATE`, ~0.1 s instead
of ~1.8 s of Alembic).  The copy is the database `init` made, catalogue and rows, made by
the same Alembic run (tests/hq/test_tombstone_index.py also runs migrations down and up).
"""

from __future__ import annotations

import atexit
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
_templates: dict[Callable[[str], None], str] = {}


def admin_conninfo() -> str:
    return make_conninfo(os.environ.get("STATION_DESK_TEST_PG", DEFAULT_PG), dbname="postgres")


def _url(name: str) -> str:
    parts = conninfo_to_dict(admin_conninfo())
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if parts.get("password") else "")
    return f"postgresql://{auth}@{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{name}"


def _drop(name: str, *, template: bool = False) -> None:
    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        if template:
            conn.execute(sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE false").format(sql.Identifier(name)))
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _template(init: Callable[[str], None]) -> str:
    """The database `init` made, once per session; closed to connections so it can be copied."""
    if init not in _templates:
        name = f"sd_tpl_{secrets.token_hex(6)}"
        with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            init(_url(name))
            with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
                conn.execute(sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false")
                             .format(sql.Identifier(name)))
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        except BaseException:
            _drop(name, template=True)
            raise
        atexit.register(_drop, name, template=True)
        _templates[init] = name
    return _templates[init]


@contextmanager
def fresh_database(prefix: str, init: Callable[[str], None]) -> Iterator[str]:
    template = _template(init)
    name = f"{prefix}_{secrets.token_hex(6)}"
    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template)))
    try:
        yield _url(name)
    finally:
        _drop(name)
