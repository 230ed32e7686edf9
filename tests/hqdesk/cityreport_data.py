"""Station data for the city-wide report tests, pushed through the real /v1/push.

Fixtures come from tests/hq/conftest.py (a fresh PostgreSQL database per test module); the
stations enrol through /v1/enroll with the district the test names.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text

from app.models.types import uuid7
from app.sync import protocol
from tests.hq.conftest import Enrolled, app_client, call, hq_engine, hq_url  # noqa: F401 (fixtures)
from tests.hq.factories import hlc

PUSH_CHUNK = 500


def enrol_in(engine: Engine, client: Any, code: str, district: str) -> Enrolled:
    from starlette.testclient import TestClient

    from app.hq import accounts

    with engine.begin() as conn:
        _, enrol_code = accounts.add_station(conn, code, f"{code}服务站", district)
    side = TestClient(client.app, client=(f"station-{code}", 50000))
    headers = {protocol.PROTOCOL_HEADER: "1", "Content-Encoding": "zstd"}
    answer = side.post("/v1/enroll", content=protocol.encode({"code": enrol_code}), headers=headers)
    side.close()
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return Enrolled(code, uuid.UUID(body["station"]["id"]), body["token"])


def row(tbl: str, station: uuid.UUID, data: dict[str, Any], *, deleted: bool = False,
        row_id: uuid.UUID | None = None) -> dict[str, Any]:
    return {"tbl": tbl, "id": str(row_id or uuid7()), "station_id": str(station), "version": 1,
            "deleted": deleted, "data": data}


def enterprise(station: uuid.UUID, name: str, section: str | None, district: str | None, size: str | None,
               stamp: int = 0) -> dict[str, Any]:
    fields = {"credit_code": None, "name": name, "industry_section": section, "district": district, "size": size,
              "contact_phone": "020-1234567"}
    return {"tbl": "enterprise", "id": str(uuid7()), "station_id": str(station), "version": 1, "deleted": False,
            "data": fields, "field_hlc": dict.fromkeys(fields, hlc(stamp))}


@dataclass
class StationData:
    """What one station pushes."""

    who: Enrolled
    rows: list[dict[str, Any]] = field(default_factory=list)
    enterprises: list[dict[str, Any]] = field(default_factory=list)

    def add_enterprise(self, name: str, section: str | None, district: str | None, size: str | None) -> str:
        """A library enterprise registered by this station; returns its id."""
        e = enterprise(self.who.station_id, name, section, district, size)
        self.enterprises.append(e)
        return str(e["id"])

    def add(self, tbl: str, data: dict[str, Any], *, deleted: bool = False) -> dict[str, Any]:
        r = row(tbl, self.who.station_id, data, deleted=deleted)
        self.rows.append(r)
        return r

    def record(self, enterprise_id: str, day: str, *, deleted: bool = False, satisfaction: int | None = None,
               category: str = "policy") -> dict[str, Any]:
        return self.add("service_record", {"enterprise_id": enterprise_id, "service_date": day, "category": category,
                                           "summary": "政策咨询", "satisfaction": satisfaction}, deleted=deleted)

    def event(self, starts_at: str, *, deleted: bool = False, walk_in: int = 0, title: str = "政策宣讲会",
              event_type: str = "training") -> dict[str, Any]:
        return self.add("event", {"title": title, "event_type": event_type, "starts_at": starts_at,
                                  "ends_at": starts_at, "walk_in_count": walk_in}, deleted=deleted)

    def attend(self, event: dict[str, Any], enterprise_id: str | None, *, checked_in: bool = True,
               deleted: bool = False) -> dict[str, Any]:
        return self.add("event_attendance", {"event_id": event["id"], "enterprise_id": enterprise_id,
                                             "attendee_name": "张三",
                                             "checked_in_at": "2026-06-01T02:00:00+00:00" if checked_in else None},
                        deleted=deleted)

    def demand(self, enterprise_id: str, received_on: str, *, status: str = "accepted", closed_at: str | None = None,
               due_on: str | None = None, deleted: bool = False, category: str = "finance") -> dict[str, Any]:
        return self.add("demand", {"enterprise_id": enterprise_id, "title": "融资需求", "category": category,
                                   "status": status, "received_on": received_on, "closed_at": closed_at,
                                   "due_on": due_on}, deleted=deleted)

    def staff(self, name: str, *, full_time: bool = True, start: str | None = None, end: str | None = None,
              deleted: bool = False) -> dict[str, Any]:
        return self.add("staff_member", {"name": name, "role": "staff", "full_time": full_time, "start_date": start,
                                         "end_date": end}, deleted=deleted)

    def annual(self, year: int, kind: str, status: str, submitted_at: str | None = None, **data: Any) -> dict[str, Any]:
        return self.add("annual_report", {"year": year, "kind": kind, "status": status, "submitted_at": submitted_at,
                                          "narrative": {}, **data})

    def info(self, period: str, status: str, submitted_at: str | None = None, **narrative: str) -> dict[str, Any]:
        return self.add("info_report", {"period": period, "status": status, "submitted_at": submitted_at,
                                        "narrative": narrative})

    def profile(self, **data: Any) -> dict[str, Any]:
        r = {"tbl": "station", "id": str(self.who.station_id), "station_id": str(self.who.station_id),
             "version": 1, "deleted": False, "data": data}
        self.rows.append(r)
        return r



def push(client: Any, who: Enrolled, rows: list[dict[str, Any]]) -> None:
    """Push `rows` as the station would; every row must be accepted."""
    for start in range(0, len(rows), PUSH_CHUNK):
        chunk = rows[start : start + PUSH_CHUNK]
        answer = call(client, who, "/v1/push", {"batch_id": str(uuid7()), "rows": chunk})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["rejected"] == [], body["rejected"]


def stored(engine: Engine, tbl: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM replica_row WHERE tbl = :t"), {"t": tbl}).scalar_one())
