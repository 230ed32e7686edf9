"""政策法规库: the policy list, its filters, and the few edits a station may make.

Policies are HQ reference data (app/sync/protocol.py).  At an enrolled station they are
read-only except the station's own note (`local_note`, never synced); a station not
enrolled keeps its own list, which its manager may add to and edit.

附件 (`attachment`) is either a web address (http/https, kept as typed) or a file the user
picked, which is copied into the profile's `policy_files/` folder (20 MB at most) and
stored as the path relative to the profile folder ("policy_files/…"), so it does not
point at a folder of one machine.  That copy never leaves this machine: policies are HQ
reference data, a station's own policies are rejected by HQ when pushed, and policies
HQ publishes carry web addresses — so a station's local file never needs syncing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.enterprise_size import SIZE_LABELS, Size
from app.domain.errors import UserError, ValidationError
from app.domain.industries import label as industry_label
from app.domain.industry_data import SECTIONS
from app.domain.messages import Msg, joined
from app.domain.periods import china_today
from app.domain.policy_targets import normalise_districts, normalise_industries, normalise_sizes
from app.domain.text_normalise import checked_text
from app.models import Policy, StaffMember
from app.services.actor import Actor
from app.services.references import categories
from app.services.row_access import guarded_update, load_live
from app.services.station import profile_files
from app.services.station.enrolment_state import is_enrolled
from app.services.station.identity import require_station

FIELD_LABELS: dict[str, str] = {
    "title": "政策标题",
    "category": "政策类别",
    "issuer": "发布机关",
    "issued_on": "发布日期",
    "expires_on": "失效日期",
    "industries": "适用行业",
    "sizes": "适用规模",
    "districts": "适用区域",
    "summary": "政策摘要",
    "attachment": "附件",
    "local_note": "本站备注",
}
SIZE_CODES = tuple(size.value for size in Size)
FILES_FOLDER = "policy_files"
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class PolicyInput:
    title: str
    category: str
    issuer: str = ""
    issued_on: date | None = None
    expires_on: date | None = None
    industries: str = ""  # "C,I65": section letters or division codes; empty = all
    sizes: str = ""  # "small,micro" (or 小型、微型); empty = all
    districts: str = ""  # "天河区,黄埔区"; empty = all
    summary: str = ""
    attachment: str = ""  # a web address, the stored "policy_files/…", or a local file to copy in


@dataclass(frozen=True)
class PolicyRow:
    """One line of the policy list (and everything the detail pane shows)."""

    id: uuid.UUID
    version: int
    title: str
    category: str
    category_label: str
    issuer: str
    issued_on: date | None
    expires_on: date | None
    current: bool  # 现行 on the day the list was read
    industries: str
    sizes: str
    districts: str
    scope_text: str  # 适用范围 in words
    summary: str
    attachment: str
    local_note: str


@dataclass(frozen=True)
class PolicyFilter:
    category: str | None = None
    validity: str | None = None  # "current" (现行) / "expired" (已失效) / None
    text: str = ""  # in the title, issuer or summary
    today: date | None = None


@dataclass(frozen=True)
class Permissions:
    can_edit: bool  # add, edit, delete policies (the note is always editable)
    reason: str  # why not, for the UI


# --- who may edit --------------------------------------------------------------


def permissions(session: Session, actor: Actor) -> Permissions:
    if is_enrolled(session):
        return Permissions(False, "本站已登记到服务总站，政策由服务总站统一发布，只能查看和填写本站备注。")
    staff = session.get(StaffMember, actor.staff_id) if actor.staff_id is not None else None
    if staff is None or staff.deleted or staff.role != "manager":
        return Permissions(False, Msg("只有站长/负责人可以新增、修改或删除政策，请由站长操作。"))
    return Permissions(True, "")


def _ensure_can_edit(session: Session, actor: Actor) -> None:
    allowed = permissions(session, actor)
    if not allowed.can_edit:
        raise UserError(allowed.reason)


# --- validation ---------------------------------------------------------------------


def _err(fld: str, text: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", FIELD_LABELS[fld], text), fld)


def _day(value: object, fld: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    raise _err(fld, "请填写日期，例如“2026-11-05”，不知道可留空。")


def validate(session: Session, data: PolicyInput, *, keep_attachment: str | None = None) -> dict[str, Any]:
    """Column values for a valid policy, or a ValidationError naming the first bad field.
    A local file as 附件 is checked here (create/update copy it in); `keep_attachment` is
    the stored value, kept as it is when unchanged."""
    if not isinstance(data, PolicyInput):
        raise TypeError("PolicyInput expected")
    title = checked_text(data.title, "title", FIELD_LABELS["title"], max_len=300, required=True)
    known = categories(session)
    if not isinstance(data.category, str) or data.category not in known:
        raise _err("category", Msg("请从列表中选择（%1）。", '、'.join(known.values())))
    issuer = checked_text(data.issuer, "issuer", FIELD_LABELS["issuer"], max_len=200)
    issued_on, expires_on = _day(data.issued_on, "issued_on"), _day(data.expires_on, "expires_on")
    if issued_on is not None and expires_on is not None and expires_on < issued_on:
        raise _err("expires_on", Msg("不能早于发布日期（%1），请改正；长期有效请留空。", issued_on.isoformat()))
    attachment = checked_text(data.attachment, "attachment", FIELD_LABELS["attachment"], max_len=300)
    local_attachment(attachment, keep_attachment)
    return {
        "title": title,
        "category": data.category,
        "issuer": issuer,
        "issued_on": issued_on,
        "expires_on": expires_on,
        "industries": normalise_industries(data.industries),
        "sizes": normalise_sizes(data.sizes),
        "districts": normalise_districts(data.districts),
        "summary": checked_text(data.summary, "summary", FIELD_LABELS["summary"], max_len=20000),
        "attachment": attachment or None,
    }


def local_attachment(attachment: str, keep: str | None = None) -> Path | None:
    """The local file to copy in when 附件 names one (checked: readable, at most 20 MB); None
    for a web address, an empty field or the stored value unchanged (`keep`)."""
    if not attachment or attachment == (keep or "") or _URL.match(attachment):
        return None
    if profile_files.is_stored(attachment, FILES_FOLDER):
        raise _err("attachment", "请点“选择文件…”重新选择附件文件，或填写以 http:// 或 https:// 开头的网址。")
    source = Path(attachment).expanduser()
    if not source.is_absolute():
        raise _err("attachment", Msg("“%1”不是网址也不是完整的文件路径，请点“选择文件…”选择文件，或填写以 http:// 或 https:// 开头的网址。", attachment))
    profile_files.check_file(source, "attachment", FIELD_LABELS["attachment"])
    return source


# --- reading ----------------------------------------------------------------------


def scope_text(industries: str, sizes: str, districts: str) -> str:
    """适用范围 in words: "行业：制造业；规模：小型、微型；区域：全市" (a Msg: its names are translated apart)."""

    def names(codes: str, name: Any, everyone: str, joiner: str = "、") -> str:
        parts = [name(c) for c in codes.split(",") if c]
        return joined(parts, joiner) if parts else everyone

    def industry_name(code: str) -> str:  # section names contain 、 themselves
        return Msg("%1（%2）", SECTIONS.get(code) or industry_label(None, code) or Msg("行业"), code)

    industry = names(industries, industry_name, Msg("全部行业"), "，")
    size = names(sizes, lambda c: SIZE_LABELS[Size(c)] if c in SIZE_CODES else c, Msg("全部规模"))
    return Msg("行业：%1；规模：%2；区域：%3", industry, size, names(districts, str, Msg("全市")))


def is_current(expires_on: date | None, on: date) -> bool:
    return expires_on is None or expires_on >= on


def _row(p: Policy, labels: dict[str, str], today: date) -> PolicyRow:
    return PolicyRow(
        p.id, p.version, p.title, p.category, labels.get(p.category, p.category), p.issuer, p.issued_on, p.expires_on,
        is_current(p.expires_on, today), p.industries or "", p.sizes or "", p.districts or "",
        scope_text(p.industries or "", p.sizes or "", p.districts or ""), p.summary or "", p.attachment or "",
        p.local_note or "",
    )


def list_policies(session: Session, filt: PolicyFilter | None = None) -> list[PolicyRow]:
    """Live policies, newest first."""
    filt = filt or PolicyFilter()
    today = filt.today or china_today()
    query = select(Policy).where(Policy.deleted.is_(False))
    if filt.category:
        query = query.where(Policy.category == filt.category)
    if filt.validity == "current":
        query = query.where(or_(Policy.expires_on.is_(None), Policy.expires_on >= today))
    elif filt.validity == "expired":
        query = query.where(Policy.expires_on < today)
    text = filt.text.strip()
    if text:
        query = query.where(or_(Policy.title.contains(text, autoescape=True),
                                Policy.issuer.contains(text, autoescape=True),
                                Policy.summary.contains(text, autoescape=True)))
    query = query.order_by(Policy.issued_on.desc(), Policy.title, Policy.id)
    labels = categories(session)
    return [_row(p, labels, today) for p in session.scalars(query)]


def get(session: Session, policy_id: uuid.UUID, *, today: date | None = None) -> PolicyRow:
    return _row(_load(session, policy_id), categories(session), today or china_today())


# --- writing ----------------------------------------------------------------------


def create(session: Session, data: PolicyInput, actor: Actor, *, today: date | None = None,
           profile_dir: Path | None = None) -> PolicyRow:
    """A station's own policy (only before enrolment, only by the manager).  A local file as
    附件 is copied into `<profile_dir>/policy_files/` (see the module docstring)."""
    _ensure_can_edit(session, actor)
    values = validate(session, data)
    station = require_station(session)
    with _copied_in(values, local_attachment(values["attachment"] or ""), profile_dir):
        row = Policy(station_id=station.id, local_note="", **values)
        session.add(row)
        session.flush()
    return _row(row, categories(session), today or china_today())


def update(session: Session, policy_id: uuid.UUID, data: PolicyInput, actor: Actor, expected_version: int,
           *, today: date | None = None, profile_dir: Path | None = None) -> PolicyRow:
    _ensure_can_edit(session, actor)
    row = _load(session, policy_id)
    values = validate(session, data, keep_attachment=row.attachment)
    with _copied_in(values, local_attachment(values["attachment"] or "", row.attachment), profile_dir):
        fresh = guarded_update(session, Policy, row, values, expected_version, _STALE)
    return _row(fresh, categories(session), today or china_today())


def attachment_location(profile_dir: Path, attachment: str) -> str | Path:
    """What 打开附件 opens: the web address, or the file's path on this machine (UserError,
    naming 附件, when the file is not here)."""
    text = attachment.strip()
    if profile_files.is_stored(text, FILES_FOLDER):
        path = profile_files.resolve(profile_dir, text)
    elif Path(text).expanduser().is_absolute():  # saved before files were copied in
        path = Path(text).expanduser()
    else:
        return text  # a web address (or an older entry typed without http://)
    if not path.is_file():
        raise UserError(
            Msg("附件：文件“%1”不在本机（可能是从其他电脑复制来的，或已被删除、移动），请修改这条政策，重新选择附件文件。", path.name),
            "attachment",
        )
    return path


@contextmanager
def _copied_in(values: dict[str, Any], source: Path | None, profile_dir: Path | None) -> Iterator[None]:
    """Copy a picked local file in before the write (storing its relative path); the copy is
    removed again if the write fails, so nothing is left half-way."""
    if source is None:
        yield
        return
    if profile_dir is None:
        raise ValueError("profile_dir is needed to copy a local attachment")
    stem = source.stem.strip()[:100] or "policy"  # the original name, so the list still shows it
    stored = profile_files.copy_in(profile_dir, FILES_FOLDER, source, stem, "attachment", FIELD_LABELS["attachment"])
    values["attachment"] = stored
    try:
        yield
    except BaseException:
        profile_files.resolve(profile_dir, stored).unlink(missing_ok=True)
        raise


def delete(session: Session, policy_id: uuid.UUID, actor: Actor, expected_version: int | None = None) -> None:
    """Soft delete.  Service records that relayed the policy keep pointing at it."""
    _ensure_can_edit(session, actor)
    guarded_update(session, Policy, _load(session, policy_id), {"deleted": True}, expected_version, _STALE)


def set_note(session: Session, policy_id: uuid.UUID, note: str, *, today: date | None = None) -> PolicyRow:
    """The station's own note: always allowed, never synced (and it does not bump the version)."""
    text = checked_text(note, "local_note", FIELD_LABELS["local_note"], max_len=4000)
    fresh = guarded_update(session, Policy, _load(session, policy_id), {"local_note": text}, None, _STALE)
    return _row(fresh, categories(session), today or china_today())


_STALE = "这条政策刚被修改过。请关闭后重新打开，查看最新内容再修改。"


def _load(session: Session, policy_id: uuid.UUID) -> Policy:
    return load_live(session, Policy, policy_id, "找不到这条政策（可能已被删除），请刷新列表。")
