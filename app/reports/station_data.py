"""The station's own contact details, as printed on its signage."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Station
from app.reports.context import ReportContext

NETWORK = "广州市民营和中小企业服务站"


@dataclass(frozen=True)
class StationContact:
    name: str
    host_organisation: str
    address: str
    phone: str
    contact_person: str

    def qr_text(self) -> str:
        """What the signage's QR code carries: plain lines any phone scanner shows."""
        lines = [f"{NETWORK}：{self.name}"]
        for label, value in (("依托单位", self.host_organisation), ("地址", self.address), ("电话", self.phone),
                             ("联系人", self.contact_person)):
            if value.strip():
                lines.append(f"{label}：{value.strip()}")
        return "\n".join(lines)


def station_contact(session: Session, ctx: ReportContext) -> StationContact:
    station = session.get(Station, ctx.station.id)
    person = station.contact_person if station is not None else ""
    info = ctx.station
    return StationContact(info.name, info.host_organisation, info.address, info.phone, person or "")
