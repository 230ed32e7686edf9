"""Shared by the read-model tests: the station's own figures, computed by the station's
code (app.services.reporting.figures) on its SQLite profile, shaped as HQ's StationFigures."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session

from app.domain.periods import Period
from app.hq.readmodel import pending
from app.hq.readmodel.query import StationFigures
from app.models import Demand
from app.services.reporting import figures as F


def station_side(session: Session, station_id: uuid.UUID, period: Period, cutoff: datetime) -> StationFigures:
    scan = F.scan_records(session, period)
    tally = scan.total()
    served = F.enterprises_served(session, scan, [period])[0].get((), 0)
    events = F.events_held(session, period, until=cutoff)
    received = session.scalar(select(func.count()).select_from(Demand).where(F.demand_received_in(period))) or 0
    closed = session.scalar(select(func.count()).select_from(Demand).where(F.demand_closed_in(period))) or 0
    return StationFigures(
        station_id, served, tally.records, len(events), sum(t.people for _, t in events),
        sum(t.enterprises for _, t in events), received, closed, tally.rated, tally.satisfied, tally.score_total,
    )


def caught_up(engine: Engine) -> Connection:
    """A connection to read the read models with, once the noted writes are applied, as every
    reader of them does (app.hq.readmodel.pending; the push route drains only after answering)."""
    pending.catch_up(engine)
    return engine.connect()
