"""The station's content-addressed file store and its outbox to HQ.

A file the station sends HQ (a submitted report's PDF, the signage photo, the work-rules
document) is kept in the profile folder under its sha256 (app.sync.file_types.stored_name)
and queued in outbound_file; the next sync uploads it (app/sync/files.py).  The stored
bytes are never rewritten, so what HQ opens is byte-identical to what the station sent.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import UserError, ValidationError
from app.domain.messages import Msg
from app.models import OutboundFile
from app.sync import file_types


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str
    relative: str  # "files/<sha256><suffix>", relative to the profile folder


@dataclass(frozen=True)
class UploadState:
    """What became of the newest file queued for one use (shown beside the file)."""

    state: str  # pending / sent / refused / none
    name: str  # the file's name as the user picked it
    sent_bytes: int
    size: int
    version: int | None
    message: str

    @property
    def label(self) -> str:
        if self.state == "sent":
            return Msg("已交服务总站（第 %1 版）", self.version) if self.version else "已交服务总站"
        if self.state == "refused":
            return Msg("服务总站未接收：%1", self.message)
        if self.state == "pending":
            done = Msg("，已传 %1%", self.sent_bytes * 100 // max(self.size, 1)) if self.sent_bytes else ""
            return Msg("等待同步上传%1", done)
        return "未上传"


def checked_type(data: bytes, purpose: str, label: str, field: str) -> str:
    """The media type the bytes show, if `purpose` takes it; else a ValidationError naming `label`."""
    media_type = file_types.sniff(data[:64])
    if media_type == file_types.DOCX and not file_types.is_docx(data):
        media_type = None
    allowed = file_types.PURPOSES[purpose]
    if media_type is None or media_type not in allowed:
        kinds = "、".join(sorted(file_types.TYPE_LABELS[t] for t in allowed))
        raise ValidationError(Msg("%1：文件内容不是 %2，请另存为这些格式后重新选择。", label, kinds), field)
    if len(data) > file_types.MAX_FILE_BYTES:
        raise ValidationError(Msg("%1：文件超过 %2 MB 的上限，请压缩后再选择。", label, file_types.MAX_FILE_BYTES // file_types.MIB), field)
    return media_type


def store_bytes(profile_dir: Path, data: bytes, media_type: str) -> StoredFile:
    """Keep `data` at `<profile>/files/<sha256><suffix>` (written once, atomically)."""
    sha = file_types.sha256_hex(data)
    relative = file_types.stored_name(sha, media_type)
    target = profile_dir / relative
    if not (target.is_file() and target.stat().st_size == len(data)):
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise UserError(Msg("无法在本机保存文件（%1），请检查磁盘空间后重试。", exc.strerror or exc)) from exc
    return StoredFile(sha, len(data), media_type, relative)


def queue_upload(session: Session, stored: StoredFile, purpose: str, name: str = "", *, report_tbl: str | None = None,
                 report_id: uuid.UUID | None = None, submitted_at: datetime | None = None) -> OutboundFile:
    """Queue `stored` for HQ (once: the same file for the same use is queued once)."""
    same = session.scalars(select(OutboundFile).where(
        OutboundFile.sha256 == stored.sha256, OutboundFile.purpose == purpose, OutboundFile.report_id == report_id,
        OutboundFile.submitted_at == submitted_at, OutboundFile.state != "refused")).first()
    if same is not None:
        return same
    row = OutboundFile(sha256=stored.sha256, size=stored.size, media_type=stored.media_type, purpose=purpose,
                       name=name[:200], report_tbl=report_tbl, report_id=report_id, submitted_at=submitted_at,
                       state="pending", sent_bytes=0, message="")
    session.add(row)
    session.flush()
    return row


def upload_state(session: Session, purpose: str, report_id: uuid.UUID | None = None) -> UploadState:
    """The newest queued file for `purpose` (and report)."""
    row = session.scalars(select(OutboundFile).where(OutboundFile.purpose == purpose, OutboundFile.report_id == report_id)
                          .order_by(OutboundFile.id.desc()).limit(1)).first()
    if row is None:
        return UploadState("none", "", 0, 0, None, "")
    return UploadState(row.state, row.name, row.sent_bytes, row.size, row.version, row.message)


def pending_count(session: Session) -> int:
    return len(session.scalars(select(OutboundFile.id).where(OutboundFile.state == "pending")).all())
