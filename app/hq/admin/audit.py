"""The audit trail: every HQ action, who, when, what, before and after (table audit_log).

`record_action` is called in the same transaction as the change it records, so an action
and its entry are committed or lost together.  The command line records as
`命令行:<login name>` with role `cli`.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

if TYPE_CHECKING:
    from app.hq.admin.access import HqUser

MAX_LIMIT = 1000
_INSERT = text(
    "INSERT INTO audit_log (actor, role, action, target, before, after) "
    "VALUES (:actor, :role, :action, :target, CAST(:before AS jsonb), CAST(:after AS jsonb))"
)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    role: str
    action: str
    target: str
    before: Any
    after: Any

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "actor": self.actor, "role": self.role, "action": self.action,
                "target": self.target, "before": self.before, "after": self.after}


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def record(conn: Connection, actor: str, role: str, action: str, target: str, before: Any = None, after: Any = None) -> None:
    conn.execute(_INSERT, {"actor": actor, "role": role, "action": action, "target": target,
                           "before": _json(before), "after": _json(after)})


def record_action(conn: Connection, user: HqUser, action: str, target: str, before: Any = None, after: Any = None) -> None:
    """An HQ desk user's action (an admin endpoint)."""
    record(conn, user.name, user.role, action, target, before, after)


def cli_actor() -> str:
    try:
        login = getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        login = "?"
    return f"命令行:{login}"


def record_cli(conn: Connection, action: str, target: str, before: Any = None, after: Any = None) -> None:
    """An action taken with `station-desk-hq` on the HQ server itself."""
    record(conn, cli_actor(), "cli", action, target, before, after)


def list_audit(conn: Connection, *, limit: int = 100, action: str | None = None, actor: str | None = None,
               before_id: int | None = None) -> list[AuditEntry]:
    """Newest first; `action` matches a prefix ("report." for every report action);
    `before_id` pages on (entries older than that id)."""
    limit = max(1, min(limit, MAX_LIMIT))
    rows = conn.execute(
        text("SELECT id, at, actor, role, action, target, before, after FROM audit_log "
             "WHERE (CAST(:action AS text) IS NULL OR left(action, length(:action)) = :action) "
             "AND (CAST(:actor AS text) IS NULL OR actor = :actor) "
             "AND (CAST(:before_id AS bigint) IS NULL OR id < :before_id) "
             "ORDER BY id DESC LIMIT :n"),
        {"action": action, "actor": actor, "before_id": before_id, "n": limit},
    )
    return [AuditEntry(*row) for row in rows]
