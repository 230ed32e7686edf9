"""本站信息: the station's own profile (host, address, premises, signage, work rules).

HQ owns the station's code, name, district and status; the station reports the rest
about itself.  Once enrolled, the sync protocol (docs/sync-protocol.md, "Ownership")
takes exactly those facts (app.sync.protocol.STATION_PROFILE_COLUMNS) from a push of the
station's own row and keeps HQ's columns, so here the name stays HQ's (read-only) and
everything else stays editable.  The two files are local-only columns: they never leave
this machine as columns, only their dates do; the files themselves travel to HQ through
the file channel (app/services/station/file_store.py, app/sync/files.py).
The signage photo and the filed work-rules document are copied into the profile's
content-addressed store (`<profile>/files/<sha256><suffix>`), so the profile stays whole
when the original is moved and HQ receives exactly these bytes, and stored as a path
relative to the profile folder ("files/…"): a profile copied to another machine keeps
working.  Choosing a file queues its upload; the next sync sends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app import paths
from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.text_normalise import checked_text
from app.models import Station
from app.services.institutions.resident import clean_phone
from app.services.row_access import guarded_update, load_live
from app.services.station import file_store, profile_files
from app.services.station.enrolment_state import is_enrolled
from app.services.station.identity import require_station
from app.sync import file_types

FILES_FOLDER = file_types.STORE_FOLDER  # the content-addressed store (app/services/station/file_store.py)
MAX_FILE_BYTES = profile_files.MAX_BYTES
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".heic"})
# the types HQ takes for these files (app.sync.file_types.PURPOSES), told apart by their bytes too
DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".docx", ".wps", ".jpg", ".jpeg", ".png"})
FIELD_LABELS: dict[str, str] = {
    "name": "服务站名称",
    "host_organisation": "依托单位",
    "address": "地址",
    "phone": "联系电话",
    "contact_person": "联系人",
    "premises": "场地情况",
    "equipment": "设施设备",
    "signage_hung_on": "挂牌日期",
    "signage_photo": "挂牌照片",
    "work_rules_filed_on": "工作制度备案日期",
    "work_rules_document": "工作制度文件",
}
_STALE = "本站信息刚被修改过（可能是同步更新），请关闭后重新打开再改。"


@dataclass(frozen=True)
class StationProfile:
    code: str
    district: str
    status: str
    name: str
    host_organisation: str
    address: str
    phone: str
    contact_person: str
    premises: str
    equipment: str
    signage_hung_on: date | None
    signage_photo: str | None  # relative to the profile folder
    work_rules_filed_on: date | None
    work_rules_document: str | None
    version: int
    editable: bool = True  # the station's own facts can always be saved
    hq_fields_locked: bool = False  # enrolled: name (with code, district, status) is HQ's
    signage_upload: file_store.UploadState | None = None  # how the photo's trip to HQ goes
    rules_upload: file_store.UploadState | None = None


@dataclass(frozen=True)
class ProfileInput:
    """The editable part.  `*_file` is a file the user picked (copied in on save); None keeps
    the stored file."""

    name: str
    host_organisation: str = ""
    address: str = ""
    phone: str = ""
    contact_person: str = ""
    premises: str = ""
    equipment: str = ""
    signage_hung_on: date | None = None
    work_rules_filed_on: date | None = None
    signage_file: Path | None = None
    work_rules_file: Path | None = None


def files_dir(profile: str) -> Path:
    return profile_files.folder(paths.profile_dir(profile), FILES_FOLDER)


def stored_path(profile: str, relative: str | None) -> Path | None:
    """The absolute path of a stored file, or None when none is stored."""
    return paths.profile_dir(profile) / relative if relative else None


def read(session: Session) -> StationProfile:
    station = load_live(session, Station, require_station(session).id, "找不到本站信息，请重新设置服务站。")
    return StationProfile(station.code, station.district, station.status, station.name, station.host_organisation,
                          station.address, station.phone, station.contact_person, station.premises, station.equipment,
                          station.signage_hung_on, station.signage_photo, station.work_rules_filed_on,
                          station.work_rules_document, station.version, True, is_enrolled(session),
                          file_store.upload_state(session, "signage_photo"),
                          file_store.upload_state(session, "work_rules_document"))


def check_file(source: Path, field: str, suffixes: frozenset[str]) -> None:
    """Refuse a file that is missing, unreadable, of the wrong type (by its name and by its
    bytes: HQ takes only what app.sync.file_types allows) or over the size limit."""
    profile_files.check_file(source, field, FIELD_LABELS[field], suffixes)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError(Msg("%1：无法读取文件“%2”（%3），请重新选择。", FIELD_LABELS[field], source.name, exc.strerror or exc),
                              field) from exc
    file_store.checked_type(data, field, FIELD_LABELS[field], field)


def validate(data: ProfileInput, *, hq_fields_locked: bool = False) -> dict[str, object]:
    """The columns to write; with `hq_fields_locked` the name is not one of them (HQ's)."""

    def text(field: str, max_len: int, *, required: bool = False) -> str:
        return checked_text(getattr(data, field), field, FIELD_LABELS[field], max_len=max_len, required=required)

    values: dict[str, object] = {} if hq_fields_locked else {"name": text("name", 200, required=True)}
    values |= {
        "host_organisation": text("host_organisation", 200),
        "address": text("address", 300),
        "phone": clean_phone(data.phone, "phone", FIELD_LABELS["phone"]),
        "contact_person": text("contact_person", 100),
        "premises": text("premises", 2000),
        "equipment": text("equipment", 2000),
    }
    today = china_today()
    for field in ("signage_hung_on", "work_rules_filed_on"):
        day = getattr(data, field)
        if day is not None and day > today:
            raise ValidationError(Msg("%1：不能晚于今天，请填写实际日期。", FIELD_LABELS[field]), field)
        values[field] = day
    if data.signage_file is not None:
        check_file(data.signage_file, "signage_photo", PHOTO_SUFFIXES)
    if data.work_rules_file is not None:
        check_file(data.work_rules_file, "work_rules_document", DOCUMENT_SUFFIXES)
    return values


def _store(session: Session, profile: str, source: Path, field: str) -> tuple[str, Path | None]:
    """Copy a picked file into the content-addressed store and queue its upload to HQ.
    Returns its relative path, and the stored file when this save created it (removed again
    if the save then fails; a file already stored may be in use and stays)."""
    label = FIELD_LABELS[field]
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError(Msg("%1：无法读取文件“%2”（%3），请重新选择。", label, source.name, exc.strerror or exc), field) from exc
    media_type = file_store.checked_type(data, field, label, field)
    target = paths.profile_dir(profile) / file_types.stored_name(file_types.sha256_hex(data), media_type)
    existed = target.exists()
    stored = file_store.store_bytes(paths.profile_dir(profile), data, media_type)
    file_store.queue_upload(session, stored, field, source.name)
    return stored.relative, None if existed else target


def update(session: Session, profile: str, data: ProfileInput, expected_version: int | None) -> StationProfile:
    """Save the profile; picked files are copied into `<profile>/files/` first and queued for HQ.

    A file copied for a save that then fails is removed again, so nothing is left half-way.
    Once enrolled, `data.name` is ignored: the name is HQ's (see the module docstring).
    """
    values = validate(data, hq_fields_locked=is_enrolled(session))
    station = load_live(session, Station, require_station(session).id, "找不到本站信息，请重新设置服务站。")
    copied: list[Path] = []
    try:
        for field, source in (("signage_photo", data.signage_file), ("work_rules_document", data.work_rules_file)):
            if source is not None:
                values[field], created = _store(session, profile, source, field)
                if created is not None:
                    copied.append(created)
        guarded_update(session, Station, station, values, expected_version, _STALE)
        session.flush()
    except BaseException:
        for path in copied:
            path.unlink(missing_ok=True)
        raise
    return read(session)
