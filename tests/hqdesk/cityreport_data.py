"""Station data for the city-wide report tests, pushed through the real /v1/push.

Fixtures come from tests/hq/conftest.py (a fresh PostgreSQL database per test module); the
stations enrol through /v1/enroll with the district the test names.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text

from app.hq import admin_views
from app.hq.hq_edits import publish_reference
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
               due_on: str | None = None, deleted: bool = False, category: str = "financing") -> dict[str, Any]:
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


def sample_network(engine: Engine, client: Any) -> tuple[StationData, StationData, StationData]:
    """Three stations in two districts, with rows on both sides of every edge."""
    a = StationData(enrol_in(engine, client, "CR-A", "天河区"))
    b = StationData(enrol_in(engine, client, "CR-B", "天河区"))
    c = StationData(enrol_in(engine, client, "CR-C", "越秀区"))
    e_tech = a.add_enterprise("广州甲科技有限公司", "I", "天河区", "small")
    e_make = a.add_enterprise("广州乙制造有限公司", "C", "黄埔区", "medium")
    e_gone = a.add_enterprise("广州丙贸易有限公司", "F", "越秀区", "micro")
    e_shop = c.add_enterprise("广州丁商店", None, None, None)
    # service records: local dates at the year's edges; deleted ones
    a.record(e_tech, "2026-01-01", satisfaction=5)
    a.record(e_tech, "2026-12-31", satisfaction=3)
    a.record(e_tech, "2025-12-31", satisfaction=5)  # last year
    a.record(e_make, "2027-01-01", satisfaction=4)  # next year
    a.record(e_make, "2026-06-15", deleted=True, satisfaction=5)  # its only 2026 record is deleted: not served
    a.record(e_gone, "2026-03-02", deleted=True)
    a.record(e_gone, "2026-11-30", satisfaction=4)  # a deleted one and a live one: served
    b.record(e_tech, "2026-12-15", satisfaction=4)  # served by two stations: once city-wide and in 天河区
    b.record(e_make, "2026-10-01")
    c.record(e_shop, "2026-12-31", satisfaction=2, category="financing")
    c.record(e_tech, "2026-07-07")
    # events: 23:30 on 31 December in Guangzhou is 2026; 00:10 on 1 January is 2027
    eve = a.event("2026-12-31T23:30:00+08:00", walk_in=3, title="跨年政策宣讲")
    a.event("2027-01-01T00:10:00+08:00", walk_in=50)
    a.event("2026-12-31T16:10:00Z", walk_in=40)  # = 2027-01-01 00:10 in Guangzhou
    first = a.event("2025-12-31T16:30:00+00:00", walk_in=2)  # = 2026-01-01 00:30: 2026
    a.event("2025-12-31T15:59:00+00:00", walk_in=9)  # = 2025-12-31 23:59: last year
    naive = b.event("2026-06-01T02:00:00", walk_in=1)  # naive wire time is UTC
    dropped = b.event("2026-05-01T02:00:00+00:00", deleted=True, walk_in=100)
    a.attend(eve, e_tech)
    a.attend(eve, e_tech)  # two people of one enterprise: one 家次
    a.attend(eve, e_make)
    a.attend(eve, e_gone, checked_in=False)  # registered, never came
    a.attend(eve, e_gone, deleted=True)
    a.attend(eve, None)  # a person with no enterprise
    a.attend(first, e_make)
    b.attend(naive, e_tech)
    b.attend(dropped, e_tech)  # of a deleted event
    # demands: received and closed at the edges; overdue as of the cut-off
    a.demand(e_tech, "2026-01-01", status="closed", closed_at="2026-12-31T15:59:00+00:00", due_on="2026-02-01")
    a.demand(e_tech, "2026-12-31", status="followed_up", closed_at="2026-12-31T16:00:00+00:00")  # closed 2027
    a.demand(e_make, "2025-12-31", status="closed", closed_at="2026-01-01T00:30:00+08:00")  # received 2025, closed 2026
    a.demand(e_make, "2026-10-01", status="handling", due_on="2026-12-31", category="digital")  # overdue
    a.demand(e_gone, "2026-10-02", status="accepted", due_on="2027-02-01", category="digital")  # not yet due
    a.demand(e_gone, "2026-10-03", status="closed", closed_at="2026-10-05T02:00:00Z", deleted=True)
    b.demand(e_tech, "2026-11-11", status="replied", due_on="2026-11-30")
    c.demand(e_shop, "2026-12-01", status="closed", closed_at="2026-12-02T10:00:00")
    # staff: the two-full-time rule on the year's last day
    a.staff("甲一")
    a.staff("甲二", start="2026-03-01")
    b.staff("乙一")
    b.staff("乙二", deleted=True)
    b.staff("乙三", full_time=False)
    c.staff("丙一")
    c.staff("丙二", end="2026-11-30")
    c.staff("丙三", start="2027-01-05")
    a.profile(signage_hung_on="2026-02-01", work_rules_filed_on="2026-02-10")
    b.profile(signage_hung_on="2027-01-02")  # after the year: not yet
    # reports: on time is by the Guangzhou date of submission
    a.annual(2026, "summary", "submitted", "2027-01-31T15:59:00+00:00",
             narrative={"highlights": "首创“政策直通车”。", "work_done": "全年走访企业。"})
    a.annual(2027, "plan", "submitted", "2027-01-31T16:01:00+00:00",  # 1 February in Guangzhou: late
             targets={"enterprises_served": 120, "events": 10, "satisfied_share": 90},
             planned_events=[{"month": 3, "event_type": "training", "title": "春季培训", "theme": ""},
                             {"month": 9, "event_type": "salon", "title": "金秋沙龙", "theme": ""}],
             narrative={"goals": "服务企业120家。"})
    b.annual(2026, "summary", "draft", None, narrative={"highlights": "草稿不应出现"})
    b.annual(2027, "plan", "submitted", "2027-01-10T01:00:00+00:00",
             targets={"enterprises_served": 80, "satisfied_share": 80},
             planned_events=[{"month": 3, "event_type": "lecture", "title": "讲座", "theme": ""}])
    c.annual(2026, "summary", "submitted", "2027-01-05T01:00:00+00:00", narrative={"highlights": "越秀亮点"})
    a.info("2026-Q1", "submitted", "2026-04-10T15:59:00+00:00", key_industries="新一代信息技术")
    a.info("2026-Q2", "submitted", "2026-07-10T16:00:00+00:00")  # 11 July: late
    for month, at in (("2026-07", "2026-08-01T01:00:00Z"), ("2026-08", "2026-09-01T01:00:00Z"),
                      ("2026-09", "2026-10-10T15:00:00Z")):
        a.info(month, "submitted", at)  # monthly reports do not stand for the quarter's
    b.info("2026-Q4", "submitted", "2027-01-08T01:00:00Z", demands="融资需求集中")
    b.info("2026-12", "draft", None)
    c.info("2026-12", "submitted", "2027-01-09T01:00:00Z", key_enterprises="丁商店扩张")
    for s in (a, b, c):
        push(client, s.who, s.enterprises + s.rows)
    with engine.begin() as conn:  # HQ accepts one summary, and names a category its own way
        admin_views.review_report(conn, "CR-C", 2026, "summary", accept=True, comment="")
        publish_reference(conn, "pick_list_item", [{"list_name": "service_category", "code": "digital",
                                                    "label": "数字化转型诊断", "sort_order": 1, "active": True}])
    return a, b, c
