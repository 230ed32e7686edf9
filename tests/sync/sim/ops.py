"""The honest actors' random operations: a station's local edits, HQ's edits and publications."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import text

from app.hq.hq_edits import hq_edit, publish_reference
from app.hq.push import now_ms
from app.models import Demand, Enterprise, ServiceRecord
from app.sync import protocol

from .oracle import Write

if TYPE_CHECKING:
    from .world import SimStation, Simulation

EDITABLE = ("name", "contact_name", "notes", "address", "employees")


def random_local_op(sim: Simulation, st: SimStation, in_flight: bool = False) -> None:
    rng = sim.rng
    with st.db.begin() as s:
        ents = [e for e in s.query(Enterprise).filter(Enterprise.deleted.is_(False))]
        mine = [r for r in s.query(ServiceRecord).filter(ServiceRecord.deleted.is_(False), ServiceRecord.station_id == st.station_id)]
        choice = rng.choice(["create_ent", "edit_ent", "edit_ent", "del_ent", "record", "edit_record", "demand"])
        if in_flight:
            choice = rng.choice(["edit_ent", "edit_record", "create_ent"])
        if choice == "create_ent" or not ents:
            code = None
            if rng.random() < 0.5:
                code = f"914401010000{rng.randint(0, 2):06d}"
            e = Enterprise(name=sim.value(), station_id=st.station_id, credit_code=code, district="天河区",
                           contact_name=rng.choice(["", sim.value()]), employees=rng.randint(1, 50))
            s.add(e)
            s.flush()
            sim.created[("enterprise", e.id.hex)] = st.code
            if code:
                sim.codes[code].append(e.id.hex)
        elif choice == "edit_ent":
            e = rng.choice(ents)
            name = rng.choice(EDITABLE)
            setattr(e, name, rng.randint(1, 500) if name == "employees" else sim.value())
        elif choice == "del_ent":
            e = rng.choice(ents)
            e.deleted = True
            sim.deleted.add(("enterprise", e.id.hex))
            sim.deleted_by[("enterprise", e.id.hex)].add(st.code)
        elif choice == "edit_record" and mine:
            r = rng.choice(mine)
            if rng.random() < 0.3:
                r.deleted = True
                sim.deleted.add(("service_record", r.id.hex))
            else:
                r.summary = sim.value()
                sim.owned_last[("service_record", r.id.hex)] = r.summary
        elif choice == "demand":
            d = Demand(enterprise_id=rng.choice(ents).id, title=sim.value(), category="finance",
                       received_on=date(2026, 2, 1), station_id=st.station_id)
            s.add(d)
            s.flush()
            sim.created[("demand", d.id.hex)] = st.code
            sim.owned_last[("demand", d.id.hex)] = d.title
        else:
            r = ServiceRecord(enterprise_id=rng.choice(ents).id, service_date=date(2026, 3, 1), category="finance",
                              station_id=st.station_id, staff_id=st.staff_id, summary=sim.value())
            s.add(r)
            s.flush()
            sim.created[("service_record", r.id.hex)] = st.code
            sim.owned_last[("service_record", r.id.hex)] = r.summary


def hq_op(sim: Simulation) -> None:
    rng = sim.rng
    with sim.hq.begin() as conn:
        if rng.random() < 0.6:
            rows = conn.execute(text("SELECT id, field_hlc FROM replica_row WHERE tbl = 'enterprise' AND NOT deleted ORDER BY id")).all()
            if not rows:
                return
            row_id, old = rng.choice(rows)
            name = rng.choice(EDITABLE)
            value = rng.randint(1, 500) if name == "employees" else sim.value()
            at = now_ms()
            stamp = max([protocol.hlc_from_ms(at), *(h + 1 for h in (old or {}).values())])
            hq_edit(conn, "enterprise", row_id, {name: value}, at_ms=at)
            sim.writes.append(Write(str(row_id), name, value, stamp, "", None))
        elif sim.policies and rng.random() < 0.5:
            publish_reference(conn, "policy", [{"id": rng.choice(sim.policies), "title": sim.value(), "category": "tax",
                                                "issued_on": "2026-03-01"}])
        else:
            made = publish_reference(conn, "policy", [{"title": sim.value(), "category": "tax", "issued_on": "2026-03-01"}])
            sim.policies.append(str(made[0].id))
