"""Randomized simulation of 3 stations + HQ with faults at every protocol step.

The model/oracle/fault injector used by tests/sync/test_simulation.py and
benchmarks/sync_soak.py.  Everything real: HQ code on PostgreSQL behind starlette's
TestClient, stations on SQLite files, the real sync engine.  Faults are injected by an
httpx transport wrapped around the TestClient's (request lost, reply lost after HQ
committed, duplicate delivery, crash before/after a request), by the engine's hooks
(`cancelled`/`progress` raise a crash between steps, `Faults.between_page_and_cursor`
inside a page's transaction), by shifting a station's `sync_clock.offset_ms` ±1 h, by
revoking a station's token mid-sync (then re-enrolling), and by local edits made while a
push is in flight.

Oracle: every enterprise write HQ *applied* is recorded from the push batches as they
pass the transport (value, hlc as HQ clamped it, writer, base), plus HQ's own edits.  A
deletion HQ held back as a request (another station registered or served the
enterprise: app.hq.enterprise_requests) is not a write, and the enterprise stays live.  After healing:
the final value of a field is one that was written; for rows untouched by a credit-code
merge it is the value of the highest (hlc, writer); every other written value is in
conflict_log or was superseded by a writer that had seen it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import tempfile
import threading
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, text

from app.hq import accounts
from app.hq import push as hq_push
from app.hq.enterprise_requests import REASON as HELD
from app.hq.hq_edits import hq_edit, publish_reference
from app.hq.merge import clamp_hlc
from app.hq.push import now_ms
from app.models import Demand, Enterprise, ServiceRecord, StaffMember
from app.models.database import Database, open_database
from app.services.station import identity as station_service
from app.sync import protocol
from app.sync.engine import Faults, sync
from app.sync.enrolment import enroll, open_client

from .conftest import new_enrol_code
from .helpers import assert_station_equals_hq
from .test_sync_faults import Crash

SERVER = "http://testserver"
HQ_TABLES = (
    "replica_row", "applied_batch", "conflict_log", "merge_record", "enterprise_alias", "rejected_write",
    "station_account", "enterprise_request", "enterprise_ref_origin",
)
CHECKED = ("name", "contact_name", "notes", "address", "employees", "deleted")
EDITABLE = ("name", "contact_name", "notes", "address", "employees")
# Every kind must fire in a test run (asserted there).
KINDS = (
    "lose_request", "lose_reply", "duplicate", "crash_before_request", "crash_after_commit",
    "crash_at_step", "crash_after_step", "crash_page_cursor", "revoke", "edit_in_flight", "clock_skew",
)
TRANSPORT_KINDS = ("lose_request", "lose_reply", "duplicate", "crash_before_request", "crash_after_commit", "revoke", "edit_in_flight")
STATS: Counter[str] = Counter()  # fault kind → times injected (and "seeds")


@dataclass
class Write:
    group: str  # enterprise id as written (resolved to its survivor at check time)
    field: str
    value: Any
    hlc: int
    writer: str  # station id text, "" for HQ
    base: int | None


@dataclass
class SimStation:
    code: str
    path: Path
    db: Database
    station_id: uuid.UUID
    http: httpx.Client
    transport: FaultTransport
    staff_id: uuid.UUID | None = None
    revoked: bool = False


class HqClock:
    """Stands in for app.hq.push.now_ms and remembers what HQ read, so the oracle clamps
    future stamps exactly as HQ did (a station's clock skewed by an hour is past
    MAX_FUTURE_SKEW_MS).  Returns the real time: HQ behaves as it would anyway."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.reads: deque[int] = deque(maxlen=8)

    def __call__(self) -> int:
        value = int(self.inner())
        self.reads.append(value)
        return value


def hq_clock() -> HqClock:
    if not isinstance(hq_push.now_ms, HqClock):
        hq_push.now_ms = HqClock(hq_push.now_ms)  # type: ignore[assignment]
    return hq_push.now_ms  # type: ignore[return-value]


class FaultTransport(httpx.BaseTransport):
    """Wraps the TestClient transport: injects the planned fault at the planned request,
    and records every push batch HQ applied (the oracle's write log)."""

    def __init__(self, inner: httpx.BaseTransport, sim: Simulation) -> None:
        self.inner, self.sim = inner, sim
        self.station: SimStation | None = None
        self.plan: dict[int, str] = {}
        self.count = 0
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Accept-Encoding"] = "identity"  # plain answers: easy to record
        with self.lock:
            kind = self.plan.pop(self.count, None)
            self.count += 1
            if kind is None and request.url.path.endswith("/v1/push"):
                kind = self.plan.pop(-1, None)  # -1: at the first push (an edit while it is in flight)
        if kind:
            STATS[kind] += 1
            STATS[f"{kind}@{request.url.path}"] += 1
        if kind == "lose_request":
            raise httpx.ConnectError("请求丢失（模拟）", request=request)
        if kind == "crash_before_request":
            raise Crash
        if kind == "revoke":
            assert self.station is not None
            self.sim.revoke(self.station)
        if kind == "edit_in_flight":
            assert self.station is not None
            self.sim.random_local_op(self.station, in_flight=True)
        response = self._send(request)
        if kind == "duplicate":
            response = self._send(request)
        if kind == "lose_reply":
            raise httpx.ReadError("回复丢失（模拟）", request=request)
        if kind == "crash_after_commit":
            raise Crash
        return response

    def _send(self, request: httpx.Request) -> httpx.Response:
        clock = hq_clock()
        clock.reads.clear()
        response = self.inner.handle_request(request)
        body = response.read()
        if request.url.path.endswith("/v1/push") and response.status_code == 200:
            answer = json.loads(body)
            if answer.get("status") == "applied":
                assert self.station is not None
                sent = protocol.decode(request.content, request.headers.get("Content-Encoding"))
                held = {r["id"] for r in answer.get("rejected", []) if r.get("reason") == HELD}
                # the first time HQ read its clock in this request is the push's own time
                self.sim.record_push(self.station, sent["rows"], clock.reads[0], held)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")]
        return httpx.Response(response.status_code, headers=headers, content=body, request=request)


@dataclass
class Simulation:
    hq: Engine
    hq_http: Any  # the TestClient
    workdir: Path
    broken: Faults | None = None  # a broken variant applied to every sync
    n_ops: int = 8
    templates: dict[str, tuple[Path, uuid.UUID]] = field(default_factory=dict)
    stations: list[SimStation] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    created: dict[tuple[str, str], str] = field(default_factory=dict)  # (tbl, id hex) → station code
    deleted: set[tuple[str, str]] = field(default_factory=set)
    deleted_by: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))  # → station codes
    owned_last: dict[tuple[str, str], str] = field(default_factory=dict)  # station-owned row → last summary/title
    codes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    policies: list[str] = field(default_factory=list)
    rng: random.Random = field(default_factory=random.Random)
    seq: int = 0
    repairs: list[Any] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # --- setup -------------------------------------------------------------------
    def _template(self, code: str) -> tuple[Path, uuid.UUID]:
        """A migrated profile set up offline as `code`, with one staff member (made once;
        opening a new profile runs every migration, ~0.6 s)."""
        if code not in self.templates:
            path = self.workdir / f"template-{code}.db"
            db = open_database(path)
            with db.begin() as s:
                station_service.create_station(
                    s, station_service.NewStation(code=code, name=f"{code} 服务站", district="天河区", manager_name="陈晓明")
                )
            with db.begin() as s:
                staff = StaffMember(name=f"{code}员工", station_id=station_service.current_station(s).id)
                s.add(staff)
                s.flush()
                staff_id = staff.id
            db.dispose()
            self.templates[code] = (path, staff_id)
        return self.templates[code]

    def reset(self, seed: int) -> None:
        for st in self.stations:
            st.db.dispose()
            st.http.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{st.path}{suffix}").unlink(missing_ok=True)
        self.stations, self.writes = [], []
        self.created, self.deleted, self.owned_last, self.deleted_by = {}, set(), {}, defaultdict(set)
        self.codes, self.policies, self.seq, self.repairs = defaultdict(list), [], 0, []
        self.rng = random.Random(seed)
        with self.hq.begin() as conn:  # DELETE, not TRUNCATE: 2 ms against 116 ms for these few rows
            for tbl in HQ_TABLES:
                conn.execute(text(f"DELETE FROM {tbl}"))
        for i in range(3):
            self.stations.append(self._new_station(f"S{i + 1}", self.workdir / f"seed{seed}-S{i + 1}.db"))

    def _new_station(self, code: str, path: Path) -> SimStation:
        template, staff_id = self._template(code)
        shutil.copy(template, path)
        db = open_database(path)
        transport = FaultTransport(self.hq_http._transport, self)
        http = httpx.Client(base_url=SERVER, transport=transport)
        result = enroll(db, SERVER, new_enrol_code(self.hq, code), http=self.hq_http)
        st = SimStation(code, path, db, result.station_id, http, transport, staff_id)
        transport.station = st
        self.created[("staff_member", staff_id.hex)] = code
        return st

    def reopen(self, st: SimStation) -> None:
        """After a crash: a fresh engine on the same SQLite file."""
        st.db.dispose()
        st.db = open_database(st.path)

    def revoke(self, st: SimStation) -> None:
        with self.hq.begin() as conn:
            accounts.revoke_station(conn, st.code)
        st.revoked = True

    def _reenroll(self, st: SimStation) -> None:
        enroll(st.db, SERVER, new_enrol_code(self.hq, st.code), http=self.hq_http)
        st.revoked = False

    # --- the oracle's write log ------------------------------------------------------
    def record_push(self, st: SimStation, rows: list[dict[str, Any]], hq_ms: int, held: set[str]) -> None:
        with self.lock:
            for row in rows:
                if row["tbl"] != "enterprise":
                    continue
                if row["id"] in held:  # its deletion waits for HQ: the enterprise stays live
                    STATS["held_for_hq"] += 1
                    key = ("enterprise", uuid.UUID(row["id"]).hex)
                    self.deleted_by[key].discard(st.code)
                    if not self.deleted_by[key]:
                        self.deleted.discard(key)
                base = row.get("field_base_hlc") or {}
                for name, stamp in (row.get("field_hlc") or {}).items():
                    hlc = clamp_hlc(hq_ms, stamp)
                    STATS["clamped"] += hlc != stamp
                    if name not in CHECKED or (name in base and hlc <= base[name]):
                        continue
                    if name == "deleted" and row["id"] in held:
                        continue
                    value = row["deleted"] if name == "deleted" else row["data"].get(name)
                    self.writes.append(Write(row["id"], name, value, hlc, str(st.station_id), base.get(name)))

    # --- operations --------------------------------------------------------------
    def _value(self) -> str:
        self.seq += 1
        return f"v{self.seq}"

    def random_local_op(self, st: SimStation, in_flight: bool = False) -> None:
        rng = self.rng
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
                e = Enterprise(name=self._value(), station_id=st.station_id, credit_code=code, district="天河区",
                               contact_name=rng.choice(["", self._value()]), employees=rng.randint(1, 50))
                s.add(e)
                s.flush()
                self.created[("enterprise", e.id.hex)] = st.code
                if code:
                    self.codes[code].append(e.id.hex)
            elif choice == "edit_ent":
                e = rng.choice(ents)
                name = rng.choice(EDITABLE)
                setattr(e, name, rng.randint(1, 500) if name == "employees" else self._value())
            elif choice == "del_ent":
                e = rng.choice(ents)
                e.deleted = True
                self.deleted.add(("enterprise", e.id.hex))
                self.deleted_by[("enterprise", e.id.hex)].add(st.code)
            elif choice == "edit_record" and mine:
                r = rng.choice(mine)
                if rng.random() < 0.3:
                    r.deleted = True
                    self.deleted.add(("service_record", r.id.hex))
                else:
                    r.summary = self._value()
                    self.owned_last[("service_record", r.id.hex)] = r.summary
            elif choice == "demand":
                d = Demand(enterprise_id=rng.choice(ents).id, title=self._value(), category="finance",
                           received_on=date(2026, 2, 1), station_id=st.station_id)
                s.add(d)
                s.flush()
                self.created[("demand", d.id.hex)] = st.code
                self.owned_last[("demand", d.id.hex)] = d.title
            else:
                r = ServiceRecord(enterprise_id=rng.choice(ents).id, service_date=date(2026, 3, 1), category="finance",
                                  station_id=st.station_id, staff_id=st.staff_id, summary=self._value())
                s.add(r)
                s.flush()
                self.created[("service_record", r.id.hex)] = st.code
                self.owned_last[("service_record", r.id.hex)] = r.summary

    def hq_op(self) -> None:
        rng = self.rng
        with self.hq.begin() as conn:
            if rng.random() < 0.6:
                rows = conn.execute(text("SELECT id, field_hlc FROM replica_row WHERE tbl = 'enterprise' AND NOT deleted ORDER BY id")).all()
                if not rows:
                    return
                row_id, old = rng.choice(rows)
                name = rng.choice(EDITABLE)
                value = rng.randint(1, 500) if name == "employees" else self._value()
                at = now_ms()
                stamp = max([protocol.hlc_from_ms(at), *(h + 1 for h in (old or {}).values())])
                hq_edit(conn, "enterprise", row_id, {name: value}, at_ms=at)
                self.writes.append(Write(str(row_id), name, value, stamp, "", None))
            elif self.policies and rng.random() < 0.5:
                publish_reference(conn, "policy", [{"id": rng.choice(self.policies), "title": self._value(), "category": "tax",
                                                    "issued_on": "2026-03-01"}])
            else:
                made = publish_reference(conn, "policy", [{"title": self._value(), "category": "tax", "issued_on": "2026-03-01"}])
                self.policies.append(str(made[0].id))

    def skew_clock(self, st: SimStation) -> None:
        STATS["clock_skew"] += 1
        with st.db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sync_clock SET offset_ms = offset_ms + ? WHERE id = 1", (self.rng.choice([-1, 1]) * 3_600_000,))

    def sync_station(self, st: SimStation, faulty: bool) -> Any:
        if st.revoked:
            self._reenroll(st)
        rng = self.rng
        plan: dict[int, str] = {}
        step_crash = page_crash = after_crash = -1
        if faulty:
            what = rng.choice(["transport", "transport", "transport", "step", "page", "after", "none"])
            if self.broken is not None and self.broken.cursor_apart and rng.random() < 0.6:
                what = "page"
            if what == "transport":
                kind = rng.choice(TRANSPORT_KINDS)
                plan[-1 if kind == "edit_in_flight" else rng.randint(0, 4)] = kind
            elif what == "step":
                step_crash = rng.randint(1, 4)
            elif what == "page":
                page_crash = rng.randint(1, 3)
            elif what == "after":
                after_crash = rng.randint(1, 3)
        st.transport.plan, st.transport.count = plan, 0
        ticks = Counter[str]()

        def cancelled() -> bool:
            ticks["step"] += 1
            if ticks["step"] == step_crash:
                STATS["crash_at_step"] += 1
                raise Crash
            return False

        def progress(phase: str, *_: Any) -> None:
            ticks["progress"] += 1
            if ticks["progress"] == after_crash:
                STATS["crash_after_step"] += 1
                raise Crash

        def between() -> None:
            ticks["page"] += 1
            if ticks["page"] == page_crash:
                STATS["crash_page_cursor"] += 1
                raise Crash

        broken = self.broken or Faults()
        faults = Faults(clear_all_on_ack=broken.clear_all_on_ack, cursor_apart=broken.cursor_apart, between_page_and_cursor=between)
        page_size = rng.choice([None, None, None, 2, 5]) if faulty else None
        try:
            result = sync(st.db, open_client(st.db, http=st.http), cancelled=cancelled, progress=progress, page_size=page_size, faults=faults)
            if result.repaired:  # the count-and-hash check had to repair: a divergence the pull missed
                STATS["repaired"] += 1
                self.repairs.append((st.code, list(result.repaired)))
            return result
        except Crash:
            self.reopen(st)
            return None
        finally:
            st.transport.plan = {}

    # --- a whole seed ------------------------------------------------------------------
    def run(self, seed: int) -> None:
        """One seed: random schedule with faults, heal, check.  AssertionError on a violation."""
        self.reset(seed)
        rng = self.rng
        if self.broken is not None:
            # a first clean sync each, so the sanity check has passed once (it still runs after
            # every sync that moves data: a broken variant must be caught despite it)
            for st in self.stations:
                self.sync_station(st, faulty=False)
        for _ in range(self.n_ops):
            roll = rng.random()
            st = rng.choice(self.stations)
            if roll < 0.45:
                self.random_local_op(st)
            elif roll < 0.55:
                self.hq_op()
            elif roll < 0.6:
                self.skew_clock(st)
            else:
                self.sync_station(st, faulty=True)
        self.heal()
        STATS["seeds"] += 1
        check_invariants(self)

    def heal(self) -> None:
        """Two full rounds without faults: every station pushes in the first and hears
        every other station's push (and HQ's merges) by the second; the checks then prove
        it is quiet (outboxes empty, every station equal to HQ)."""
        for _ in range(2):
            for st in self.stations:
                result = self.sync_station(st, faulty=False)
                assert result is not None and result.completed, f"{st.code}: healing sync failed: {result and result.message}"
                if result.repaired:
                    STATS["repaired_while_healing"] += 1


def check_invariants(sim: Simulation) -> None:
    hq = sim.hq
    with hq.connect() as conn:
        rows = {
            (t, uuid.UUID(i).hex): (deleted, data)
            for t, i, deleted, data in conn.execute(text("SELECT tbl, id::text, deleted, data FROM replica_row"))
        }
        dup = conn.execute(text("SELECT id FROM replica_row GROUP BY id HAVING count(*) > 1")).all()
        alias = {uuid.UUID(m).hex: uuid.UUID(s).hex for m, s in conn.execute(text("SELECT merged_id::text, survivor_id::text FROM enterprise_alias"))}
        merged = {uuid.UUID(m).hex: (uuid.UUID(s).hex, c) for m, s, c in conn.execute(
            text("SELECT merged_id::text, survivor_id::text, credit_code FROM merge_record"))}
        losers: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for rid, name, lv in conn.execute(text("SELECT row_id::text, field, losing_value FROM conflict_log")):
            h = uuid.UUID(rid).hex
            losers[(alias.get(h, h), name)].append(lv)
        rejected = conn.execute(text("SELECT tbl, reason, message FROM rejected_write")).all()

    # every row ever created exists at HQ; no duplicate ids; nothing rejected
    missing = [k for k in sim.created if k not in rows]
    assert not missing, f"created rows missing at HQ: {missing[:5]}"
    assert not dup, f"duplicate ids at HQ: {dup[:5]}"
    assert not rejected, f"writes rejected: {rejected[:3]}"
    # nothing deleted comes back
    revived = [k for k in sim.deleted if not rows[k][0]]
    assert not revived, f"deleted rows live again at HQ: {revived[:5]}"
    # station-owned rows: the owner's last value (single writer)
    for key, value in sim.owned_last.items():
        col = "title" if key[0] == "demand" else "summary"
        assert rows[key][1][col] == value, f"{key}: HQ has {rows[key][1][col]!r}, the station last wrote {value!r}"
    # one live enterprise per credit code; every other one merged into it
    for code, ids in sim.codes.items():
        live = [i for i in ids if not rows[("enterprise", i)][0]]
        live_any = [k for k, (d, data) in rows.items() if k[0] == "enterprise" and not d and data.get("credit_code") == code]
        assert len(live_any) <= 1, f"credit code {code}: {len(live_any)} live enterprises"
        for i in ids:
            if i in live or ("enterprise", i) in sim.deleted:
                continue
            if i in merged:
                continue
            # deleted without our op: only a merge may do that
            raise AssertionError(f"credit code {code}: {i} deleted at HQ without a merge record")
        for i in ids:
            if i in merged:
                into = rows[("enterprise", i)][1].get("merged_into")
                assert into and uuid.UUID(into).hex == merged[i][0], f"{i}: merged without merged_into"
    # enterprise fields: the HLC oracle, or the losing value is in conflict_log
    groups: dict[tuple[str, str], list[Write]] = defaultdict(list)
    for w in sim.writes:
        h = uuid.UUID(w.group).hex
        g = alias.get(h, h)
        if w.field == "deleted" and g != h:
            continue  # a merged id's deletion is ignored by design (applied to the survivor)
        groups[(g, w.field)].append(w)
    survivors = {s for s, _ in merged.values()}
    for (g, name), ws in groups.items():
        deleted, data = rows[("enterprise", g)]
        final = deleted if name == "deleted" else data.get(name)
        assert final in [w.value for w in ws], f"enterprise {g}.{name} = {final!r}, never written ({[w.value for w in ws]})"
        if g not in survivors:
            top = max(ws, key=lambda w: (w.hlc, w.writer))
            assert final == top.value, f"enterprise {g}.{name} = {final!r}, the highest HLC wrote {top.value!r}"
        for w in ws:
            if w.value == final or (g in survivors and w.value in (None, "")):
                continue
            if any(o.hlc > w.hlc and (o.writer == w.writer or (o.base is not None and o.base >= w.hlc)) for o in ws):
                continue  # superseded by a writer that had seen it: not a conflict
            assert w.value in losers[(g, name)], f"enterprise {g}.{name}: losing value {w.value!r} not in conflict_log"
    # each station equals HQ restricted to what it may see; outboxes and batches empty
    for st in sim.stations:
        assert_station_equals_hq(st.db, hq, st.station_id)
        with st.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_push_batch").scalar_one() == 0
            live = {(t, i) for t in ("enterprise", "service_record", "demand") for (i,) in conn.exec_driver_sql(f"SELECT id FROM {t} WHERE deleted = 0")}
        back = [k for k in sim.deleted if k in live]
        assert not back, f"{st.code}: deleted rows live again: {back[:5]}"


def fast_engine(url: str) -> Engine:
    """HQ engine for simulations: same code, commits without fsync, no pre-ping."""
    from sqlalchemy import create_engine

    from app.hq.db import normalise_url

    return create_engine(normalise_url(url), pool_size=10, max_overflow=20,
                         connect_args={"options": "-c synchronous_commit=off"})


@contextlib.contextmanager
def scratch_dir(fallback: Path) -> Iterator[Path]:
    """SQLite files on tmpfs when there is one (commits cost no fsync), else `fallback`."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield fallback
        return
    path = Path(tempfile.mkdtemp(prefix="sd-sim-", dir=shm))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
