"""The fault schedule: one honest station's sync with a fault planned at a random step.

Transport faults are injected by FaultTransport (tests/sync/sim/transport.py) at a planned
request; crashes between steps by the engine's hooks (`cancelled`/`progress` raise, and
`Faults.between_page_and_cursor` inside a page's transaction); clock skew by shifting a
station's `sync_clock.offset_ms` by an hour."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from app.sync.engine import Faults, sync
from app.sync.enrolment import open_client

from ..test_sync_faults import Crash
from .stats import STATS, TRANSPORT_KINDS

if TYPE_CHECKING:
    from .world import SimStation, Simulation


def skew_clock(sim: Simulation, st: SimStation) -> None:
    STATS["clock_skew"] += 1
    with st.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_clock SET offset_ms = offset_ms + ? WHERE id = 1", (sim.rng.choice([-1, 1]) * 3_600_000,))


def sync_station(sim: Simulation, st: SimStation, faulty: bool) -> Any:
    if st.revoked:
        sim.reenroll(st)
    rng = sim.rng
    plan: dict[int, str] = {}
    step_crash = page_crash = after_crash = -1
    if faulty:
        what = rng.choice(["transport", "transport", "transport", "step", "page", "after", "none"])
        if sim.broken is not None and sim.broken.cursor_apart and rng.random() < 0.6:
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

    broken = sim.broken or Faults()
    faults = Faults(clear_all_on_ack=broken.clear_all_on_ack, cursor_apart=broken.cursor_apart, between_page_and_cursor=between)
    page_size = rng.choice([None, None, None, 2, 5]) if faulty else None
    try:
        result = sync(st.db, open_client(st.db, http=st.http), cancelled=cancelled, progress=progress, page_size=page_size, faults=faults)
        if result.repaired:  # the count-and-hash check had to repair: a divergence the pull missed
            STATS["repaired"] += 1
            sim.repairs.append((st.code, list(result.repaired)))
        return result
    except Crash:
        sim.reopen(st)
        return None
    finally:
        st.transport.plan = {}
