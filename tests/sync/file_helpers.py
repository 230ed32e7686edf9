"""Makers shared by the file-channel tests: a submitted report with its PDF, what HQ holds."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Engine, text

from app.domain.report_sections import INFO_SECTIONS
from app.models.database import Database
from app.reports import submission
from app.services.reporting.drafts import ReportText

INFO_TEXT = ReportText({key: f"{title}：本期走访重点企业 12 家，收集诉求 5 条。" for key, title in INFO_SECTIONS.items()})


def submit_info(db: Database, period: str = "2026-Q3", version: int | None = None) -> tuple[uuid.UUID, bytes]:
    """Submit an information report as the editor does; its id and the PDF bytes kept locally."""
    with db.begin() as s:
        done = submission.submit(s, db.path.parent, "info", period, INFO_TEXT, version)
    with db.engine.connect() as conn:
        rid = conn.exec_driver_sql("SELECT id FROM info_report WHERE period = ?", (period,)).scalar_one()
    return uuid.UUID(rid), (db.path.parent / done.pdf.relative).read_bytes()


def hq_files(hq: Engine, station: uuid.UUID | None = None) -> dict[str, Any]:
    """Counts of everything the file channel stores at HQ (for one station's uploads/links)."""
    where = "" if station is None else " WHERE station_id = :s"
    with hq.connect() as conn:
        def count(sql: str) -> int:
            return int(conn.execute(text(sql), {"s": station}).scalar_one())

        return {
            "blobs": count("SELECT count(*) FROM file_blob"),
            "blob_bytes": count("SELECT coalesce(sum(octet_length(data)), 0) FROM file_blob"),
            "uploads": count(f"SELECT count(*) FROM file_upload{where}"),
            "chunks": count("SELECT count(*) FROM file_upload_chunk"),
            "links": count(f"SELECT count(*) FROM station_file{where}"),
        }


def hq_blob(hq: Engine, sha256: str) -> bytes | None:
    with hq.connect() as conn:
        data = conn.execute(text("SELECT data FROM file_blob WHERE sha256 = :h"), {"h": sha256}).scalar()
    return None if data is None else bytes(data)


def outbound(db: Database) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT purpose, state, sent_bytes, version, message FROM outbound_file ORDER BY id")]
