"""Upload the station's pending files to HQ, after the push (docs/sync-protocol.md, "Files").

Each file in outbound_file (queued by app/services/station/file_store.py) is read from the
profile's content-addressed store, checked against its sha256, and sent in chunks.  HQ
says where its stored bytes end (`offset`), so an upload cut off by a crash, a cancel or a
lost connection resumes there on the next sync and never sends a byte twice into the file.
A file HQ refuses (4xx: its type, its hash, a submission already holding another file) is
marked refused with HQ's Chinese message and not retried; offline and server errors stop
the sync as any other step does, and the file stays pending.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.domain.messages import Msg
from app.sync import file_types
from app.sync.client import RequestRefused, SyncClient

_PENDING = ("SELECT id, sha256, size, media_type, purpose, name, report_tbl, report_id, submitted_at "
            "FROM outbound_file WHERE state = 'pending' ORDER BY id")
MAX_RESTARTS = 3  # a chunk answered 409 (HQ's bytes end elsewhere): ask HQ where, at most this often


@dataclass
class FileUploads:
    sent: int = 0
    refused: int = 0
    bytes_sent: int = 0


def pending_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM outbound_file WHERE state = 'pending'").scalar_one())


def upload_pending(engine: Engine, profile_dir: Path, client: SyncClient, step: Callable[[], None] = lambda: None,
                   chunk_bytes: int = file_types.CHUNK_BYTES) -> FileUploads:
    """Send every pending file; `step()` is called before each request (it raises to cancel)."""
    result = FileUploads()
    with engine.connect() as conn:
        pending = conn.exec_driver_sql(_PENDING).all()
    for row in pending:
        step()
        data = _stored_bytes(profile_dir, row)
        if isinstance(data, str):
            _finish(engine, row.id, "refused", message=data)
            result.refused += 1
            continue
        try:
            answer = _send(engine, client, row, data, step, min(chunk_bytes, file_types.CHUNK_BYTES), result)
        except RequestRefused as exc:
            if exc.status == 429:  # HQ holds too many of our unfinished uploads: the next sync goes on
                raise
            _finish(engine, row.id, "refused", message=exc.message)
            result.refused += 1
            continue
        _finish(engine, row.id, "sent", version=answer.get("version"), sent=row.size)
        result.sent += 1
    return result


def _send(engine: Engine, client: SyncClient, row: Any, data: bytes, step: Callable[[], None], chunk_bytes: int,
          result: FileUploads) -> dict[str, Any]:
    meta: dict[str, Any] = {"sha256": row.sha256, "size": row.size, "media_type": row.media_type, "purpose": row.purpose,
                            "name": row.name or ""}
    if row.report_id is not None:
        meta |= {"report_tbl": row.report_tbl, "report_id": _uuid_text(row.report_id),
                 "submitted_at": _aware(row.submitted_at)}
    answer = client.file_start(meta)
    restarts = 0
    while not answer.get("complete"):
        offset = int(answer["offset"])
        step()
        try:
            answer = client.file_chunk(str(answer["upload_id"]), offset, data[offset : offset + chunk_bytes])
        except RequestRefused as exc:
            if exc.error != "wrong_offset" or restarts >= MAX_RESTARTS:
                raise
            restarts += 1
            answer = client.file_start(meta)  # HQ's bytes end elsewhere (an answer was lost): ask where
            continue
        result.bytes_sent += min(chunk_bytes, row.size - offset)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE outbound_file SET sent_bytes = ? WHERE id = ?", (int(answer["offset"]), row.id))
    return answer


def _stored_bytes(profile_dir: Path, row: Any) -> bytes | str:
    """The file's bytes, or why they cannot be sent (Chinese)."""
    path = profile_dir / file_types.stored_name(row.sha256, row.media_type)
    try:
        data = path.read_bytes()
    except OSError:
        return Msg("本机找不到要上传的文件（%1），它可能被删除了；请重新选择文件或重新提交。", path.name)
    if len(data) != row.size or hashlib.sha256(data).hexdigest() != row.sha256:
        return Msg("本机保存的文件（%1）已被改动，与提交时不一致，没有上传；请重新选择文件或重新提交。", path.name)
    return data


def _finish(engine: Engine, row_id: int, state: str, *, message: str = "", version: Any = None, sent: int = 0) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE outbound_file SET state = ?, message = ?, version = ?, sent_bytes = ?, "
            "sent_at = CASE WHEN ? = 'sent' THEN strftime('%Y-%m-%d %H:%M:%f000', 'now') END WHERE id = ?",
            (state, message[:500], version if isinstance(version, int) else None, sent, state, row_id))


def _uuid_text(stored: Any) -> str:
    import uuid

    return str(uuid.UUID(str(stored)))


def _aware(stored: Any) -> str:
    """outbound_file.submitted_at as stored (UTC, SQLite keeps no zone) in ISO form with its zone."""
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(str(stored))
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()
