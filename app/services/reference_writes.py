"""Writes to the HQ reference tables a station keeps itself until it is enrolled:
resident institutions, their 服务清单 and the experts (app.sync.protocol.HQ_REFERENCE).

Once enrolled, HQ maintains them and they arrive by sync, so local writes are refused;
before that a manager (or a desk with no staff member set) may edit them.
`reference_access` tells the page which case applies; `ReferenceTable` is the add /
change / remove the three tables share, each refused first when the desk may not write.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.domain.messages import Msg
from app.models import StaffMember, Synced
from app.services.row_access import guarded_update, load_live
from app.services.station.enrolment_state import is_enrolled
from app.services.station.identity import require_station

HQ_MAINTAINED = "由服务总站统一维护"
R = TypeVar("R", bound=Synced)
D = TypeVar("D")


@dataclass(frozen=True)
class ReferenceAccess:
    editable: bool
    reason: str  # why not, for the page's note; "" when editable


def reference_access(session: Session, editor_id: uuid.UUID | None = None) -> ReferenceAccess:
    """Whether institutions, catalogue and experts may be edited here by `editor_id`
    (the desk's staff member; None when the desk has none set)."""
    if is_enrolled(session):
        return ReferenceAccess(False, Msg("入驻服务机构、服务清单和专家库%1，本站已接入服务总站，同步后自动更新，不能在本地修改。", HQ_MAINTAINED))
    if editor_id is not None:
        staff = session.get(StaffMember, editor_id)
        if staff is not None and not staff.deleted and staff.role != "manager":
            return ReferenceAccess(False, "只有站长/负责人可以维护入驻机构和专家库，请由站长操作。")
    return ReferenceAccess(True, "")


def require_editable(session: Session, editor_id: uuid.UUID | None) -> None:
    access = reference_access(session, editor_id)
    if not access.editable:
        raise UserError(access.reason)


@dataclass(frozen=True)
class ReferenceTable(Generic[R, D]):
    """One reference table's writes: `validate` turns the form's input into column values
    (raising ValidationError); `missing` and `stale` are the messages for a row that is
    gone and for one changed since it was read."""

    model: type[R]
    validate: Callable[[Session, D], dict[str, object]]
    missing: str
    stale: str

    def add(self, session: Session, data: D, editor_id: uuid.UUID | None) -> R:
        require_editable(session, editor_id)
        # Every mapped model takes SQLAlchemy's keyword constructor; the Synced mixin R is
        # bound to declares none, so say so to the type checker.
        construct = cast(Callable[..., R], self.model)
        row = construct(station_id=require_station(session).id, **self.validate(session, data))
        session.add(row)
        session.flush()
        return row

    def change(self, session: Session, row_id: uuid.UUID, data: D, expected_version: int | None,
               editor_id: uuid.UUID | None) -> R:
        require_editable(session, editor_id)
        values = self.validate(session, data)
        row = load_live(session, self.model, row_id, self.missing)
        return guarded_update(session, self.model, row, values, expected_version, self.stale)

    def remove(self, session: Session, row_id: uuid.UUID, expected_version: int | None,
               editor_id: uuid.UUID | None) -> R:
        """Soft-delete; returns the row as stored."""
        require_editable(session, editor_id)
        row = load_live(session, self.model, row_id, self.missing)
        return guarded_update(session, self.model, row, {"deleted": True}, expected_version, self.stale)
