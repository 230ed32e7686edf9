"""ORM models.  Importing this package registers every table on `Base.metadata`."""

from app.models.annual_report import AnnualReport
from app.models.base import Base, Synced
from app.models.demand import Demand, DemandTransition
from app.models.enterprise import Enterprise
from app.models.event import Event, EventAttendance, EventMaterial
from app.models.info_report import InfoReport
from app.models.institution import CatalogueEntry, Expert, ServiceInstitution
from app.models.outbound_file import OutboundFile
from app.models.period_unlock import PeriodUnlock
from app.models.pick_list import PickListItem
from app.models.policy import Policy
from app.models.service_record import ServiceRecord
from app.models.staff import StaffMember
from app.models.station import ProfileMeta, Station
from app.models.sync_state import (
    SyncClock,
    SyncControl,
    SyncCursor,
    SyncFieldClock,
    SyncLog,
    SyncOutbox,
    SyncPushBatch,
    SyncRejection,
)

__all__ = [
    "AnnualReport",
    "Base",
    "CatalogueEntry",
    "Demand",
    "DemandTransition",
    "Enterprise",
    "Event",
    "EventAttendance",
    "EventMaterial",
    "Expert",
    "InfoReport",
    "OutboundFile",
    "PeriodUnlock",
    "PickListItem",
    "Policy",
    "ProfileMeta",
    "ServiceInstitution",
    "ServiceRecord",
    "StaffMember",
    "Station",
    "SyncClock",
    "SyncControl",
    "SyncCursor",
    "SyncFieldClock",
    "SyncLog",
    "SyncOutbox",
    "SyncPushBatch",
    "SyncRejection",
    "Synced",
]
