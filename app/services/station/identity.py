"""The profile's own station identity and its first manager."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import districts
from app.domain.errors import NoStationError, ValidationError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.models import ProfileMeta, StaffMember, Station
from app.services.station.station_info import StationInfo as StationInfo  # defined apart: the first paint needs no ORM

STATION_KEY = "station_id"
DEMO_KEY = "is_demo"
_CODE = re.compile(r"^[A-Za-z0-9-]{2,32}$")


@dataclass(frozen=True)
class NewStation:
    code: str
    name: str
    district: str
    host_organisation: str = ""
    manager_name: str = ""
    manager_phone: str = ""
    address: str = ""
    phone: str = ""


def _meta(session: Session, key: str) -> str | None:
    row = session.get(ProfileMeta, key)
    return row.value if row else None


def _set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(ProfileMeta, key)
    if row is None:
        session.add(ProfileMeta(key=key, value=value))
    else:
        row.value = value


def current_station(session: Session) -> StationInfo | None:
    """The station this profile belongs to, or None before first-run setup."""
    raw = _meta(session, STATION_KEY)
    if raw is None:
        return None
    station = session.get(Station, uuid.UUID(raw))
    if station is None:
        return None
    return StationInfo(
        station.id,
        station.code,
        station.name,
        station.district,
        station.host_organisation,
        station.address,
        station.phone,
        _meta(session, DEMO_KEY) == "1",
    )


def require_station(session: Session) -> StationInfo:
    info = current_station(session)
    if info is None:
        raise NoStationError()
    return info


def validate(new: NewStation) -> None:
    """The first problem of `new` as a ValidationError (its field named), or nothing."""
    problems = problems_of(new)
    if problems:
        raise problems[0]


def problems_of(new: NewStation) -> list[ValidationError]:
    """Every problem of `new`, in form order: a form shows them all at once."""
    problems = []
    if not _CODE.match(new.code.strip()):
        problems.append(ValidationError("服务站代码：请填写2–32位字母、数字或短横线，例如“GZ-TH-001”。", "code"))
    if not new.name.strip():
        problems.append(ValidationError("服务站名称：不能为空，请填写授牌名称。", "name"))
    elif len(new.name.strip()) > 200:
        problems.append(ValidationError("服务站名称：不能超过200个字。", "name"))
    if not districts.is_district(new.district):
        problems.append(
            ValidationError(Msg("所在区：请从广州市十一个区中选择（%1）。", '、'.join(districts.NAMES)), "district")
        )
    try:
        validate_manager_name(new.manager_name)
    except ValidationError as problem:
        problems.append(problem)
    return problems


def validate_manager_name(name: str) -> None:
    """The first manager's one rule, for manual setup and for a station enrolled from HQ alike."""
    if not name.strip():
        raise ValidationError("站长/负责人姓名：不能为空，首次设置需要一位负责人。", "manager_name")


def create_station(session: Session, new: NewStation, *, demo: bool = False) -> StationInfo:
    """Set this profile's identity.  Refuses when one is already set."""
    validate(new)
    if _meta(session, STATION_KEY) is not None:
        raise ValidationError("本档案已经设置过服务站信息，不能重复设置。")
    station = Station(
        code=new.code.strip(),
        name=new.name.strip(),
        district=new.district,
        host_organisation=new.host_organisation.strip(),
        address=new.address.strip(),
        phone=new.phone.strip(),
    )
    session.add(station)
    session.flush()
    station.station_id = station.id
    _add_manager(session, station.id, new.manager_name, new.manager_phone)
    _set_meta(session, STATION_KEY, str(station.id))
    _set_meta(session, DEMO_KEY, "1" if demo else "0")
    session.flush()
    info = current_station(session)
    assert info is not None
    return info


def _add_manager(session: Session, station_id: uuid.UUID, name: str, phone: str) -> None:
    session.add(
        StaffMember(station_id=station_id, name=name.strip(), phone=phone.strip(), role="manager", full_time=True,
                    start_date=china_today())
    )


def needs_first_manager(session: Session) -> bool:
    """True when this profile's station has nobody on its roster: a station enrolled from HQ
    before HQ knew its staff (or whose first sync has not run yet)."""
    station = require_station(session)
    staff = select(StaffMember.id).where(StaffMember.station_id == station.id, StaffMember.deleted.is_(False))
    return session.scalars(staff.limit(1)).first() is None


def add_first_manager(session: Session, name: str, phone: str = "") -> None:
    """Give a station set up from HQ's identity its first manager (manual setup's rule:
    validate_manager_name).  Refuses when the roster already has someone."""
    validate_manager_name(name)
    if not needs_first_manager(session):
        raise ValidationError("本站已有人员，请到“人员”页面添加或修改。")
    _add_manager(session, require_station(session).id, name, phone)
    session.flush()


def station_count(session: Session) -> int:
    return len(session.scalars(select(Station.id)).all())
