"""The audit trail as the HQ desk reads it (GET /v1/admin/audit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.periods import CHINA_TIME
from app.hqdesk.client import HqDeskClient, HqDeskError


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

    @property
    def at_text(self) -> str:
        return self.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S")


def audit_entries(client: HqDeskClient, *, limit: int = 200, action: str | None = None, actor: str | None = None,
                  before_id: int | None = None) -> list[AuditEntry]:
    rows = client.get_json("/audit", limit=limit, action=action or None, actor=actor or None, before_id=before_id)
    try:
        return [AuditEntry(int(r["id"]), datetime.fromisoformat(str(r["at"])), str(r["actor"]), str(r["role"]),
                           str(r["action"]), str(r["target"]), r.get("before"), r.get("after")) for r in rows]
    except (KeyError, TypeError, ValueError) as exc:
        raise HqDeskError("服务总站返回的操作日志格式不对，请联系服务总站。", detail=repr(exc)) from exc
