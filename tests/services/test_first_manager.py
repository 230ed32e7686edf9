"""A station whose identity came from HQ gets its first manager by manual setup's rule, once."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.domain.errors import ValidationError
from app.models import ProfileMeta, StaffMember, Station
from app.models.database import Database
from app.services.station.identity import STATION_KEY, add_first_manager, needs_first_manager


@pytest.fixture
def adopted(db: Database) -> uuid.UUID:
    """What enrolment leaves in a profile without a station: HQ's station row, no staff."""
    station_id = uuid.uuid4()
    with db.begin() as s:
        s.add(Station(id=station_id, station_id=station_id, code="GZ-HQ-001", name="总部登记的站", district="天河区"))
        s.add(ProfileMeta(key=STATION_KEY, value=str(station_id)))
    return station_id


def test_the_first_manager_is_added_once(db: Database, adopted: uuid.UUID) -> None:
    with db.begin() as s:
        assert needs_first_manager(s)
        add_first_manager(s, "  陈晓明 ", "020-38880000")
    with db.begin() as s:
        manager = s.scalars(select(StaffMember)).one()
        assert (manager.station_id, manager.name, manager.role, manager.full_time) == (
            adopted,
            "陈晓明",
            "manager",
            True,
        )
        assert not needs_first_manager(s)
        with pytest.raises(ValidationError, match="本站已有人员"):
            add_first_manager(s, "李四")


def test_an_empty_name_is_refused_by_manual_setups_rule(db: Database, adopted: uuid.UUID) -> None:
    with db.begin() as s, pytest.raises(ValidationError, match="站长/负责人姓名") as refused:
        add_first_manager(s, "   ")
    assert refused.value.field == "manager_name"
    with db.sessions() as s:
        assert s.scalars(select(StaffMember)).all() == []


def test_a_deleted_staff_member_does_not_count(db: Database, adopted: uuid.UUID) -> None:
    with db.begin() as s:
        s.add(StaffMember(station_id=adopted, name="已删除", deleted=True))
    with db.sessions() as s:
        assert needs_first_manager(s)
