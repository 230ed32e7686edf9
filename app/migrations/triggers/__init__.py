"""Frozen change-capture trigger SQL, one module per migration that installs triggers.

`reinstall` drops every sync_* trigger and creates the given ones, then seeds the
one-row tables the triggers read.  It is deliberately small and generic: what a
migration installs lives in its frozen module, not in live code.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection


def reinstall(bind: Connection, triggers: Iterable[str]) -> None:
    if bind.dialect.name != "sqlite":
        return
    names = [r[0] for r in bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
    )]
    for name in names:
        bind.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    for statement in triggers:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql("INSERT OR IGNORE INTO sync_control(id, applying) VALUES (1, 0)")
    bind.exec_driver_sql("INSERT OR IGNORE INTO sync_clock(id, hlc, offset_ms) VALUES (1, 0, 0)")
