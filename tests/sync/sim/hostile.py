"""A hostile station: enrolled like any other, it pushes random invalid, oversized, forged and
replayed data straight onto the wire (tests/sync/sim/hostile_rows.py builds the rows).

Each push is checked at once against the answer HQ must give, row by row (a rejection
reason, a request held for HQ, or taken); the rows HQ takes go to the oracle's write log
with their stamps clamped as HQ clamps them, so the honest stations' convergence is
checked with the hostile writes included.  What it leaves for the final checks
(tests/sync/sim/invariants.py): the ids that must never exist, the rejections HQ must
have logged, the requests it must have recorded, the enterprises it registered.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import text

from app.sync import protocol
from app.sync.protocol import STATION_OWNED

from ..conftest import new_enrol_code
from . import hostile_rows as rows
from . import oracle
from .env import SERVER
from .hostile_rows import HELD, Sent, Snapshot
from .stats import STATS
from .transport import send_plain

if TYPE_CHECKING:
    from .world import Simulation

CODE = "HX"
BAD = ("bad_type", "missing_required", "bad_enum", "bad_credit_code", "long_name", "oversized_row",
       "forged_row_station", "forged_other_row", "forged_profile", "hq_reference", "unknown_table")
STATEFUL = ("far_future", "far_future", "delete_foreign", "merge_foreign", "create_own", "create_own", None)


@dataclass
class HostileStation:
    sim: Simulation
    rng: random.Random
    token: str
    station_id: uuid.UUID
    n: int = 0
    batches: list[dict[str, Any]] = field(default_factory=list)  # applied payloads (replayed verbatim)
    sent: list[Sent] = field(default_factory=list)  # rows of applied batches that a replay answers the same
    poison: set[tuple[str, str]] = field(default_factory=set)  # (tbl, id hex) that must never exist
    registered: set[str] = field(default_factory=set)  # enterprise ids (hex) it created: its registrant
    rejections: int = 0  # rejected_write rows HQ must have logged for it
    requests: set[tuple[str, str]] = field(default_factory=set)  # (kind, enterprise id hex) HQ must hold

    @classmethod
    def enrol(cls, sim: Simulation, rng: random.Random) -> HostileStation:
        code = new_enrol_code(sim.hq, CODE)
        status, answer, _ = _post(sim, None, "/v1/enroll", {"code": code})
        assert status == 200, answer
        return cls(sim, rng, answer["token"], uuid.UUID(answer["station"]["station_id"]))

    def fresh(self, rng: random.Random) -> HostileStation:
        """The same enrolled station for a new seed, with nothing sent yet."""
        return HostileStation(self.sim, rng, self.token, self.station_id)

    # --- one push ---------------------------------------------------------------------
    def act(self, last: bool = False) -> None:
        """One push: a replay now and then, else a fresh batch of refused rows and (`last`: always)
        one change HQ takes or holds."""
        roll = self.rng.random()
        if last:
            self._fresh(last)
            return
        if roll < 0.08 and self.batches:
            self._replay_batch()
        elif roll < 0.14 and self.batches:
            self._replay_batch_new_rows()
        elif roll < 0.26 and (self.sent or self.sim.captured):
            self._replay_rows()
        else:
            self._fresh()

    def _tag(self) -> str:
        self.n += 1
        return f"H{self.n}"

    def snapshot(self) -> Snapshot:
        me = self.station_id
        with self.sim.hq.connect() as conn:
            live = [(i, s, d) for i, s, d in conn.execute(text(
                "SELECT id::text, station_id::text, data FROM replica_row WHERE tbl = 'enterprise' AND NOT deleted ORDER BY id"))]
            owned = [tuple(r) for r in conn.execute(text(
                "SELECT tbl, id::text, station_id::text, data FROM replica_row "
                "WHERE tbl IN ('service_record', 'demand', 'staff_member') "
                "AND station_id <> :me ORDER BY id LIMIT 40"), {"me": me})]
        others = [st.station_id for st in self.sim.stations]
        return Snapshot(me, others, live, owned, list(self.sim.policies), protocol_now())

    def _fresh(self, last: bool = False) -> None:
        rng, snap = self.rng, self.snapshot()
        batch: list[Sent] = []
        for kind in rng.sample(BAD, rng.randint(1, 3)):
            if kind in ("forged_row_station", "forged_other_row", "forged_profile", "hq_reference", "unknown_table"):
                batch.append(rows.forged(rng, snap, kind, self._tag()))
            elif rng.random() < 0.6:
                batch.append(rows.broken_enterprise(rng, snap, kind, self._tag()))
            else:
                batch.append(rows.broken_record(rng, snap, kind, self._tag()))
            if (batch[-1].row["tbl"], batch[-1].row["id"]) in {(s.row["tbl"], s.row["id"]) for s in batch[:-1]}:
                batch.pop()  # one row per id in a batch: the answer names each once
        stateful = rng.choice(STATEFUL[:-1] if last else STATEFUL)
        made = None
        if stateful == "far_future":
            made = rows.far_future(rng, snap, self._tag())
        elif stateful == "delete_foreign":
            made = rows.delete_foreign(rng, snap)
        elif stateful == "merge_foreign":
            made = rows.merge_foreign(rng, snap) or rows.delete_foreign(rng, snap)
        elif stateful == "create_own":
            made = rows.create_own(rng, snap, self._tag())
        taken = {(s.row["tbl"], s.row["id"]) for s in batch}
        if made is not None and (made.row["tbl"], made.row["id"]) not in taken:
            batch.append(made)
        rng.shuffle(batch)
        body: dict[str, Any] = {"batch_id": str(uuid.uuid4()), "rows": [s.row for s in batch]}
        if rng.random() < 0.3:  # the body names another station: HQ goes by the token
            body["station_id"] = str(rng.choice(snap.others))
            STATS["hostile:forged_body_station"] += 1
        if rng.random() < 0.1:
            self._refused_whole(body, snap)
            return
        self._push(body, batch)

    def _refused_whole(self, body: dict[str, Any], snap: Snapshot) -> None:
        """One row off the message schema: 4xx, nothing of the batch written, the batch id not
        taken (the rows' ids must never exist)."""
        STATS["hostile:bad_shape"] += 1
        body["rows"].insert(self.rng.randrange(len(body["rows"]) + 1), rows.bad_shape(self.rng, snap, self._tag()))
        status, answer, _ = _post(self.sim, self.token, "/v1/push", body)
        assert 400 <= status < 500, f"hostile push with a row off the schema: HQ answered {status} {answer}"
        with self.sim.hq.connect() as conn:
            for row in body["rows"]:
                try:
                    rid = uuid.UUID(row["id"])
                except ValueError:
                    continue
                if not conn.execute(text("SELECT count(*) FROM replica_row WHERE id = :i"), {"i": rid}).scalar():
                    self.poison.add((str(row["tbl"])[:20], rid.hex))

    def _replay_batch(self) -> None:
        """An applied batch again, byte for byte: answered "already applied", nothing new."""
        STATS["hostile:replay_batch"] += 1
        status, answer, _ = _post(self.sim, self.token, "/v1/push", self.rng.choice(self.batches))
        assert status == 200 and answer["status"] == "already_applied", f"replayed batch: HQ answered {status} {answer}"

    def _replay_batch_new_rows(self) -> None:
        """An applied batch's id with other rows (valid ones among them): none is applied."""
        STATS["hostile:replay_batch_new_rows"] += 1
        snap = self.snapshot()
        old = self.rng.choice(self.batches)
        fresh = rows.enterprise(self.rng, self._tag()) | {"notes": rows.MARK}
        new_id = str(uuid.uuid4())
        extra = [rows.wire("enterprise", new_id, self.station_id, fresh, hlc={k: rows.stamp(snap.now_ms) for k in fresh})]
        self.poison.add(("enterprise", uuid.UUID(new_id).hex))
        if snap.live:
            rid, _, stored = self.rng.choice(snap.live)
            data = dict(stored, notes=f"{rows.MARK}{self._tag()}")
            extra.append(rows.wire("enterprise", rid, self.station_id, data, hlc={"notes": rows.stamp(snap.now_ms + 240_000)}))
        status, answer, _ = _post(self.sim, self.token, "/v1/push", {"batch_id": old["batch_id"], "rows": extra})
        assert status == 200 and answer["status"] == "already_applied", f"batch id reused with new rows: HQ answered {status} {answer}"

    def _replay_rows(self) -> None:
        """Old rows in a new batch: its own earlier rows (same answers as then) and honest
        stations' rows seen on the wire (enterprise rows without their deletion or credit-code
        stamps are taken as this station's writes; other stations' own rows are refused)."""
        STATS["hostile:replay_rows"] += 1
        rng, picked, seen = self.rng, [], set()
        pool: list[Sent] = rng.sample(self.sent, min(len(self.sent), 3))
        for row in rng.sample(list(self.sim.captured), min(len(self.sim.captured), 3)):
            if row["tbl"] == "enterprise":
                stamps = {k: v for k, v in (row.get("field_hlc") or {}).items() if k not in ("deleted", "credit_code")}
                pool.append(Sent(dict(row, field_hlc=stamps), "replay_rows", None))
            elif row["tbl"] == "station":
                pool.append(Sent(row, "replay_rows", "owned_by_other_station"))
            elif row["tbl"] in STATION_OWNED:
                pool.append(Sent(row, "replay_rows", "wrong_station"))
        for s in pool:
            if (s.row["tbl"], s.row["id"]) not in seen:
                seen.add((s.row["tbl"], s.row["id"]))
                picked.append(Sent(s.row, s.kind, s.expect))
        if picked:
            self._push({"batch_id": str(uuid.uuid4()), "rows": [s.row for s in picked]}, picked, replay=True)

    def _push(self, body: dict[str, Any], batch: list[Sent], replay: bool = False) -> None:
        status, answer, at = _post(self.sim, self.token, "/v1/push", body)
        assert status == 200 and answer.get("status") == "applied", f"hostile push: HQ answered {status} {str(answer)[:300]}"
        assert at is not None
        reasons = {r["id"]: r.get("reason") for r in answer["rejected"]}
        for s in batch:
            got = reasons.pop(s.row["id"], None)
            if not replay:
                STATS[f"hostile:{s.kind}"] += 1
            assert got == s.expect or not self.sim.check_answers, (
                f"hostile {s.kind} row {s.row['tbl']} {s.row['id']}: HQ answered {got!r}, expected {s.expect!r}"
                f" ({_brief(s.row)})"
            )
        assert not reasons or not self.sim.check_answers, f"HQ refused rows the hostile station never sent: {reasons}"
        self.batches.append(body)
        held = {s.row["id"] for s in batch if s.expect == HELD}
        refused = frozenset(s.row["id"] for s in batch if s.expect not in (None, HELD))
        self.rejections += len(refused)
        STATS["hostile:rejected"] += len(refused)
        for s in batch:
            if s.poison:
                self.poison.add((s.row["tbl"], uuid.UUID(s.row["id"]).hex))
            if s.expect == HELD:
                kind = "delete" if s.kind == "delete_foreign" else "merge"
                self.requests.add((kind, uuid.UUID(s.row["id"]).hex))
            if s.kind == "create_own":
                key = (s.row["tbl"], uuid.UUID(s.row["id"]).hex)
                self.sim.created[key] = CODE
                if s.row["tbl"] == "enterprise":
                    self.registered.add(key[1])
                    if code := s.row["data"].get("credit_code"):
                        self.sim.codes[code].append(key[1])
            if not replay and s.replayable and (s.expect != HELD):
                self.sent.append(s)
        oracle.record_push(self.sim, CODE, self.station_id, body["rows"], at, held, refused)
        oracle.check_holds(self.sim, self.station_id, held)


def protocol_now() -> int:
    from app.hq.apply_context import now_ms

    return now_ms()


def _brief(row: dict[str, Any]) -> str:
    return json.dumps({k: (v[:60] + "…" if isinstance(v, str) and len(v) > 60 else v) for k, v in row.get("data", {}).items()},
                      ensure_ascii=False, default=str)[:400]


def _post(sim: Simulation, token: str | None, path: str, payload: Any) -> tuple[int, Any, int | None]:
    headers = {protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION), "Accept": "application/json",
               "Accept-Encoding": "identity", "Content-Type": "application/json", "Content-Encoding": protocol.CONTENT_ENCODING}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = httpx.Request("POST", SERVER + path, content=protocol.encode(payload), headers=headers)
    response, body, at = send_plain(sim.hq_http._transport, request)
    try:
        answer = json.loads(body)
    except ValueError:
        answer = body[:200]
    return response.status_code, answer, at
