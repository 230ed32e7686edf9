"""Service-layer tests.  `make_world` seeds a station with staff, enterprises, an
institution and an expert; each test module wraps it in a `world` fixture."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.models import Enterprise, Expert, ServiceInstitution, StaffMember
from app.models.database import Database
from app.services.actor import Actor
from app.services.station.identity import NewStation, create_station

TODAY = date(2026, 11, 5)  # October 2026 is still open (locks 2026-11-10); September is locked


@dataclass(frozen=True)
class World:
    station_id: uuid.UUID
    manager: Actor
    clerk: Actor
    enterprise_id: uuid.UUID
    other_enterprise_id: uuid.UUID
    institution_id: uuid.UUID
    exited_institution_id: uuid.UUID
    expert_id: uuid.UUID

    @property
    def manager_id(self) -> uuid.UUID:
        assert self.manager.staff_id is not None
        return self.manager.staff_id

    @property
    def clerk_id(self) -> uuid.UUID:
        assert self.clerk.staff_id is not None
        return self.clerk.staff_id


def make_world(db: Database) -> World:
    with db.begin() as s:
        station = create_station(
            s, NewStation(code="GZ-TH-001", name="天河区中小企业服务站", district="天河区", manager_name="王站长")
        )
        manager = s.scalars(select(StaffMember)).one()
        clerk = StaffMember(station_id=station.id, name="李专员", role="staff")
        first = Enterprise(station_id=station.id, name="广州市甲乙科技有限公司")
        second = Enterprise(station_id=station.id, name="广州丙丁贸易有限公司")
        institution = ServiceInstitution(station_id=station.id, name="广州某知识产权代理事务所")
        exited = ServiceInstitution(station_id=station.id, name="已退出的会计师事务所", status="exited")
        expert = Expert(station_id=station.id, name="陈律师", organisation="某律师事务所")
        s.add_all([clerk, first, second, institution, exited, expert])
        s.flush()
        return World(
            station.id,
            Actor(manager.name, manager.id),
            Actor(clerk.name, clerk.id),
            first.id,
            second.id,
            institution.id,
            exited.id,
            expert.id,
        )


def count(db: Database, model: type) -> int:
    """All rows, tombstones included."""
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)
