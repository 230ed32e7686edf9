"""The simulated world: 3 honest stations (real SQLite profiles, the real sync engine), HQ
(real code on PostgreSQL behind starlette's TestClient) and, unless switched off, a hostile
station (tests/sync/sim/hostile.py).  `run(seed)` plays one random schedule with faults,
heals, and checks every invariant (tests/sync/sim/invariants.py)."""

from __future__ import annotations

import random
import shutil
import threading
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, text

from app.hq import accounts
from app.models import StaffMember
from app.models.database import Database, open_database
from app.services.station import identity as station_service
from app.sync.engine import Faults
from app.sync.enrolment import enroll

from ..conftest import new_enrol_code
from . import faults, ops
from .env import HQ_TABLES, SERVER
from .hostile import CODE as HOSTILE_CODE
from .hostile import HostileStation
from .invariants import check_invariants
from .oracle import Write
from .stats import STATS
from .transport import FaultTransport


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


@dataclass
class Simulation:
    hq: Engine
    hq_http: Any  # the TestClient
    workdir: Path
    broken: Faults | None = None  # a broken variant applied to every sync
    n_ops: int = 8
    hostile_rate: float = 0.35  # chance, after each operation, that the hostile station pushes (0: no hostile station)
    check_answers: bool = True  # False: only the final invariants judge HQ (shows they catch a broken HQ alone)
    templates: dict[str, tuple[Path, uuid.UUID]] = field(default_factory=dict)
    stations: list[SimStation] = field(default_factory=list)
    hostile: HostileStation | None = None
    writes: list[Write] = field(default_factory=list)
    created: dict[tuple[str, str], str] = field(default_factory=dict)  # (tbl, id hex) → station code
    deleted: set[tuple[str, str]] = field(default_factory=set)
    deleted_by: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))  # → station codes
    owned_last: dict[tuple[str, str], str] = field(default_factory=dict)  # station-owned row → last summary/title
    codes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    policies: list[str] = field(default_factory=list)
    captured: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=60))  # honest rows HQ applied
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
                station = station_service.current_station(s)
                assert station is not None
                staff = StaffMember(name=f"{code}员工", station_id=station.id)
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
        kept = self.hostile  # its account survives the wipe: enrolling costs a token hash per seed
        self.stations, self.writes, self.hostile = [], [], None
        self.created, self.deleted, self.owned_last, self.deleted_by = {}, set(), {}, defaultdict(set)
        self.codes, self.policies, self.seq, self.repairs = defaultdict(list), [], 0, []
        self.captured.clear()
        self.rng = random.Random(seed)
        with self.hq.begin() as conn:  # DELETE, not TRUNCATE: 2 ms against 116 ms for these few rows
            for tbl in HQ_TABLES:
                conn.execute(text(f"DELETE FROM {tbl}" + (" WHERE code <> :h" if tbl == "station_account" else "")),
                             {"h": HOSTILE_CODE})
        for i in range(3):
            self.stations.append(self._new_station(f"S{i + 1}", self.workdir / f"seed{seed}-S{i + 1}.db"))
        if self.hostile_rate > 0:
            # its own random stream: the honest schedule of a seed is the same with or without it
            hostile_rng = random.Random(seed * 7919 + 17)
            self.hostile = kept.fresh(hostile_rng) if kept else HostileStation.enrol(self, hostile_rng)

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

    def reenroll(self, st: SimStation) -> None:
        enroll(st.db, SERVER, new_enrol_code(self.hq, st.code), http=self.hq_http)
        st.revoked = False

    # --- operations (tests/sync/sim/ops.py, faults.py) ---------------------------------
    def value(self) -> str:
        self.seq += 1
        return f"v{self.seq}"

    def random_local_op(self, st: SimStation, in_flight: bool = False) -> None:
        ops.random_local_op(self, st, in_flight)

    def hq_op(self) -> None:
        ops.hq_op(self)

    def sync_station(self, st: SimStation, faulty: bool) -> Any:
        return faults.sync_station(self, st, faulty)

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
                faults.skew_clock(self, st)
            else:
                self.sync_station(st, faulty=True)
            if self.hostile is not None and self.hostile.rng.random() < self.hostile_rate:
                self.hostile.act()
        if self.hostile is not None:
            self.hostile.act(last=True)  # once more when HQ holds the most to attack
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
