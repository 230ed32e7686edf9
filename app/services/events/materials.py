"""Files attached to an event (签到表扫描件, 课件, 照片 …).

The file is copied into the profile's `materials/` folder under a new name (the row's
`stored_name`), hashed while it is copied, and never read from where the user picked
it again.  The row syncs; the copy stays on this machine.  Removing a material
soft-deletes its row; the copy is deleted by `discard_file` once that has committed.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.domain.errors import UserError
from app.domain.messages import Msg
from app.models import EventMaterial
from app.models.types import uuid7
from app.services.events import edits as events
from app.services.row_access import guarded_update
from app.services.station import profile_files

MAX_BYTES = profile_files.MAX_BYTES
_CHUNK = 1024 * 1024
_SUFFIX_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True)
class MaterialRow:
    id: uuid.UUID
    event_id: uuid.UUID
    file_name: str
    stored_name: str
    size_bytes: int
    sha256: str
    created_at: datetime
    version: int

    @property
    def size_label(self) -> str:
        if self.size_bytes >= 1024 * 1024:
            return f"{self.size_bytes / 1024 / 1024:.1f} MB"
        return f"{max(1, round(self.size_bytes / 1024))} KB"


def materials_dir(profile: str) -> Path:
    """The profile's `materials/` folder (created on first use)."""
    return profile_files.folder(paths.profile_dir(profile), "materials")


def materials_dir_for(database_path: Path) -> Path:
    """The materials folder beside a profile's database (`Database.path`)."""
    profile = database_path.parent
    if profile.parent.resolve() == paths.profiles_dir().resolve():
        return materials_dir(profile.name)
    return profile_files.folder(profile, "materials")  # a database opened outside the profiles folder


def attach(session: Session, folder: Path, event_id: uuid.UUID, source: Path | str) -> MaterialRow:
    """Copy `source` into `folder` and record it; UserError (nothing kept) when the file
    is missing, unreadable or larger than 20 MB."""
    event = events.load_own(session, event_id)
    source = Path(source)
    name = source.name[:255]
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise UserError(Msg("“%1”不是文件，请选择一个文件。", name))
    except OSError as exc:
        raise UserError(Msg("无法读取“%1”（%2），请确认文件存在且没有被其他程序占用。", name, exc.strerror or type(exc).__name__)) from exc
    if size > MAX_BYTES:
        raise UserError(_too_big(name, size))
    stored_name = uuid7().hex + _suffix(source)
    target = folder / stored_name
    try:
        digest, size = _copy(source, target, name)
        row = EventMaterial(station_id=event.station_id, event_id=event.id, file_name=name,
                            stored_name=stored_name, size_bytes=size, sha256=digest)
        session.add(row)
        session.flush()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return _row(row)


def list_materials(session: Session, event_id: uuid.UUID) -> list[MaterialRow]:
    rows = session.scalars(
        select(EventMaterial)
        .where(EventMaterial.event_id == event_id, EventMaterial.deleted.is_(False))
        .order_by(EventMaterial.created_at, EventMaterial.id)
    )
    return [_row(r) for r in rows]


def file_path(session: Session, folder: Path, material_id: uuid.UUID) -> Path:
    """Where the material's copy is, after checking it is there and unchanged."""
    row = _load(session, material_id)
    path = folder / row.stored_name
    if not path.is_file():
        raise UserError(Msg("“%1”的文件已不在本机（可能是从其他电脑同步来的，或已被删除），请重新添加。", row.file_name))
    try:
        digest = _hash(path)
    except OSError as exc:
        raise UserError(Msg("无法读取“%1”（%2），请稍后重试。", row.file_name, exc.strerror or type(exc).__name__)) from exc
    if row.sha256 and digest != row.sha256:
        raise UserError(Msg("“%1”的文件内容已被改动（校验值不符），请删除后重新添加原文件。", row.file_name))
    return path


def remove(session: Session, material_id: uuid.UUID, folder: Path) -> Path:
    """Soft-delete the material; returns its copy, for `discard_file` after the commit."""
    row = _load(session, material_id)
    events.load_own(session, row.event_id)
    guarded_update(session, EventMaterial, row, {"deleted": True}, row.version, "这份材料刚被其他人修改过，请刷新。")
    return folder / row.stored_name


def discard_file(path: Path) -> None:
    path.unlink(missing_ok=True)


# --- internals ---------------------------------------------------------------------


def _too_big(name: str, size: int) -> str:
    return (Msg("“%1”有%2 MB，超过了单个材料20 MB的上限。请压缩图片或把 PDF 另存为较小的文件后再添加。", name, f'{size / 1024 / 1024:.1f}'))


def _suffix(source: Path) -> str:
    suffix = source.suffix.lower()
    return suffix if 1 < len(suffix) <= 10 and set(suffix[1:]) <= _SUFFIX_CHARS else ""


def _copy(source: Path, target: Path, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    try:
        with source.open("rb") as src, target.open("xb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:  # grew while we copied
                    raise UserError(_too_big(name, size))
                digest.update(chunk)
                dst.write(chunk)
    except OSError as exc:
        raise UserError(Msg("无法读取或复制“%1”（%2），请确认文件没有被其他程序占用、磁盘未满。", name, exc.strerror or type(exc).__name__)) from exc
    return digest.hexdigest(), size


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _load(session: Session, material_id: uuid.UUID) -> EventMaterial:
    row = session.get(EventMaterial, material_id) if isinstance(material_id, uuid.UUID) else None
    if row is None or row.deleted:
        raise UserError("找不到这份材料（可能已被删除），请刷新。")
    return row


def _row(row: EventMaterial) -> MaterialRow:
    return MaterialRow(row.id, row.event_id, row.file_name, row.stored_name, row.size_bytes, row.sha256,
                       row.created_at, row.version)
