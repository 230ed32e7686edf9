"""Files the user picks, copied into a folder of the profile (policy_files/, station_files/,
materials/), so the profile stays whole when the original is moved and a profile copied to
another machine keeps working: what is stored is the path relative to the profile folder.

Shared by app/services/policies/library.py, station_profile.py and event_materials.py.  The copy
stays on this machine; the synced row carries only its relative name.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from app.domain.errors import UserError, ValidationError
from app.domain.messages import Msg
from app.domain.periods import china_today

MAX_BYTES = 20 * 1024 * 1024  # one file


def folder(profile_dir: Path, name: str) -> Path:
    """`<profile>/<name>/`, created on first use."""
    path = profile_dir / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def profile_dir_for(database_path: Path) -> Path:
    """The profile folder of a database (`Database.path`): the folder it sits in."""
    return database_path.parent


def is_stored(relative: str, folder_name: str) -> bool:
    """Whether `relative` names a copy in `folder_name` ("policy_files/…"), not a path elsewhere."""
    parts = PurePosixPath(relative).parts
    return len(parts) == 2 and parts[0] == folder_name and parts[1] not in ("", ".", "..")


def resolve(profile_dir: Path, relative: str) -> Path:
    return profile_dir / relative


def check_file(source: Path, field: str, label: str, suffixes: frozenset[str] | None = None) -> int:
    """The size of `source`; a ValidationError naming `label` when the file is missing,
    unreadable, of the wrong type (when `suffixes` is given), empty or over 20 MB."""
    try:
        if not source.is_file():
            raise ValidationError(Msg("%1：找不到文件“%2”，请重新选择。", label, source.name), field)
        if suffixes is not None and source.suffix.lower() not in suffixes:
            allowed = "、".join(sorted(s.lstrip(".") for s in suffixes))
            raise ValidationError(Msg("%1：不支持“%2”文件，请选择 %3 格式。", label, source.suffix or '无扩展名', allowed), field)
        size = source.stat().st_size
        with source.open("rb"):
            pass
    except OSError as exc:
        raise ValidationError(
            Msg("%1：无法读取文件“%2”（%3），请确认文件存在且没有被其他程序占用后重新选择。", label, source.name, exc.strerror or type(exc).__name__),
            field,
        ) from exc
    if size > MAX_BYTES:
        raise ValidationError(
            Msg("%1：文件有 %2 MB，超过 %3 MB 的上限，请压缩或缩小后再选择。", label, f'{size / 1024 / 1024:.1f}', MAX_BYTES // 1024 // 1024),
            field,
        )
    if size == 0:
        raise ValidationError(Msg("%1：文件是空的，请重新选择。", label), field)
    return size


def copy_in(profile_dir: Path, folder_name: str, source: Path, stem: str, field: str, label: str) -> str:
    """Copy `source` to `<profile>/<folder_name>/<stem>-<date>[-n]<suffix>`; returns the relative
    path ("folder_name/…").  The caller removes the copy again if its save then fails."""
    target_dir = folder(profile_dir, folder_name)
    suffix = source.suffix.lower()
    target = target_dir / f"{stem}-{china_today():%Y%m%d}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{stem}-{china_today():%Y%m%d}-{n}{suffix}"
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise UserError(Msg("%1：无法复制文件（%2），请检查文件是否被占用后重试。", label, exc.strerror or exc), field) from exc
    return f"{folder_name}/{target.name}"
