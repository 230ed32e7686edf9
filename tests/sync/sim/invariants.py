"""After healing: the invariants of ../shared/sync-notes.md, and what a hostile station must
never achieve.

Honest stations: every row ever created exists at HQ; no duplicate ids; nothing deleted comes
back; station-owned rows hold their owner's last value; one live enterprise per credit code;
every enterprise field is the value of the highest (hlc, writer) among the writes HQ applied
(rows untouched by a credit-code merge), every other written value is in conflict_log or was
superseded by a writer that had seen it; each station equals HQ restricted to what it may
see, with its outbox, batches and quarantine empty.

The hostile station: nothing it sent that HQ had to refuse is stored (replica, conflict log,
merge records, requests) or served (any honest station); HQ logged each refusal and nothing
else; its held deletions and merges are requests and nothing more; the enterprises it
registered are its own whatever station its rows named; no enterprise was deleted by anyone
but its registrant (or HQ).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from app.hq.apply_context import now_ms
from app.sync.protocol import MAX_FUTURE_SKEW_MS, hlc_from_ms

from ..helpers import assert_station_equals_hq
from .hostile_rows import MARK
from .oracle import Write

if TYPE_CHECKING:
    from .world import Simulation

# the tables a station stores that the hostile station's rows name (hostile_rows.py)
SERVED = ("enterprise", "service_record", "demand", "staff_member", "station", "policy")


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
        hostile_id = sim.hostile.station_id if sim.hostile else None
        rejected = conn.execute(
            text("SELECT tbl, reason, message FROM rejected_write WHERE station_id IS DISTINCT FROM :h"), {"h": hostile_id}
        ).all()

    # every row ever created exists at HQ; no duplicate ids; nothing an honest station sent rejected
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
    _check_codes(sim, rows, merged)
    _check_fields(sim, rows, alias, merged, losers)
    # each station equals HQ restricted to what it may see; outboxes and batches empty
    for st in sim.stations:
        assert_station_equals_hq(st.db, hq, st.station_id)
        with st.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_push_batch").scalar_one() == 0
            live = {(t, i) for t in ("enterprise", "service_record", "demand") for (i,) in conn.exec_driver_sql(f"SELECT id FROM {t} WHERE deleted = 0")}
        back = [k for k in sim.deleted if k in live]
        assert not back, f"{st.code}: deleted rows live again: {back[:5]}"
    _check_deleters(sim, merged)
    _check_stamps(sim)
    if sim.hostile is not None:
        check_hostile(sim)


def _check_codes(sim: Simulation, rows: dict[tuple[str, str], Any], merged: dict[str, tuple[str, str]]) -> None:
    """One live enterprise per credit code; every other one merged into it."""
    for code, ids in sim.codes.items():
        live = [i for i in ids if not rows[("enterprise", i)][0]]
        live_any = [k for k, (d, data) in rows.items() if k[0] == "enterprise" and not d and data.get("credit_code") == code]
        assert len(live_any) <= 1, f"credit code {code}: {len(live_any)} live enterprises"
        for i in ids:
            if i in live or ("enterprise", i) in sim.deleted or i in merged:
                continue
            raise AssertionError(f"credit code {code}: {i} deleted at HQ without a merge record")
        for i in ids:
            if i in merged:
                into = rows[("enterprise", i)][1].get("merged_into")
                assert into and uuid.UUID(into).hex == merged[i][0], f"{i}: merged without merged_into"


def _check_fields(
    sim: Simulation, rows: dict[tuple[str, str], Any], alias: dict[str, str], merged: dict[str, tuple[str, str]],
    losers: dict[tuple[str, str], list[Any]],
) -> None:
    """Enterprise fields: the HLC oracle, or the losing value is in conflict_log."""
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
        # an absent key and an empty text are the same blank (a station may send a row without
        # the optional keys; a merge fills blanks only)
        final = _blank(deleted if name == "deleted" else data.get(name))
        assert final in [_blank(w.value) for w in ws], f"enterprise {g}.{name} = {final!r}, never written ({[w.value for w in ws]})"
        if g not in survivors:
            top = max(ws, key=lambda w: (w.hlc, w.writer))
            assert final == _blank(top.value), f"enterprise {g}.{name} = {final!r}, the highest HLC wrote {top.value!r}"
        for w in ws:
            if _blank(w.value) == final or (g in survivors and w.value in (None, "")):
                continue
            if any(o.hlc > w.hlc and (o.writer == w.writer or (o.base is not None and o.base >= w.hlc)) for o in ws):
                continue  # superseded by a writer that had seen it: not a conflict
            if any(o is not w and o.value == w.value and o.hlc >= w.hlc for o in ws):
                continue  # the same value already stood, stamped later (a replayed row): nothing was lost
            assert w.value in losers[(g, name)], f"enterprise {g}.{name}: losing value {w.value!r} not in conflict_log"


def _blank(value: Any) -> Any:
    return None if value == "" else value


def _check_stamps(sim: Simulation) -> None:
    """No stored stamp is further ahead of HQ's clock than MAX_FUTURE_SKEW_MS: a station cannot
    pin a field against later edits (issue 10, finding 7)."""
    limit = hlc_from_ms(now_ms() + MAX_FUTURE_SKEW_MS, 0xFFFF)
    with sim.hq.connect() as conn:
        ahead = conn.execute(text(
            "SELECT r.id::text, f.key, f.value::text FROM replica_row r, jsonb_each(r.field_hlc) f "
            "WHERE r.tbl = 'enterprise' AND CAST(f.value AS text)::numeric > :limit LIMIT 3"
        ), {"limit": limit}).all()
    assert not ahead, f"stamps stored past HQ's time + {MAX_FUTURE_SKEW_MS} ms: {ahead}"


def _check_deleters(sim: Simulation, merged: dict[str, tuple[str, str]]) -> None:
    """An enterprise is deleted only by the station that registered it (or by HQ): any other
    station's deletion is held as a request (issue 10, finding 7).  The last stamp on
    `deleted` may be another station's (deleting what was already deleted); the registrant's
    own deletion must then be among the writes HQ applied."""
    by_registrant = {(uuid.UUID(w.group).hex, w.writer) for w in sim.writes if w.field == "deleted" and w.value is True}
    with sim.hq.connect() as conn:
        for rid, registrant, src in conn.execute(text(
            "SELECT id::text, station_id::text, field_station->>'deleted' FROM replica_row WHERE tbl = 'enterprise' AND deleted"
        )):
            h = uuid.UUID(rid).hex
            if h in merged or src in (registrant, "") or (h, registrant) in by_registrant:
                continue
            raise AssertionError(f"enterprise {rid} (registered by {registrant}) deleted by {src}")


def check_hostile(sim: Simulation) -> None:
    hs = sim.hostile
    assert hs is not None
    poison = {h for _, h in hs.poison}
    with sim.hq.connect() as conn:
        for table, column in (("replica_row", "data"), ("conflict_log", "losing_value"), ("conflict_log", "winning_value"),
                              ("merge_record", "merged_data"), ("merge_record", "survivor_before"), ("enterprise_request", "data")):
            hits = conn.execute(text(f"SELECT count(*) FROM {table} WHERE CAST({column} AS text) LIKE :m"), {"m": f"%{MARK}%"}).scalar()
            assert not hits, f"{hits} rows of {table}.{column} hold data HQ had to refuse"
        stored = [i for (i,) in conn.execute(text("SELECT id::text FROM replica_row")) if uuid.UUID(i).hex in poison]
        assert not stored, f"refused rows stored at HQ: {stored[:5]}"
        logged = conn.execute(text("SELECT count(*) FROM rejected_write WHERE station_id = :h"), {"h": hs.station_id}).scalar()
        assert logged == hs.rejections, f"HQ logged {logged} refused writes of the hostile station, expected {hs.rejections}"
        requests = {(k, uuid.UUID(e).hex) for k, e in conn.execute(
            text("SELECT kind, enterprise_id::text FROM enterprise_request WHERE station_id = :h"), {"h": hs.station_id})}
        assert requests == hs.requests, f"requests for HQ {sorted(requests)[:4]}, expected {sorted(hs.requests)[:4]}"
        registrants: dict[str, str] = dict(conn.execute(text(
            "SELECT id::text, station_id::text FROM replica_row WHERE tbl = 'enterprise' AND id = ANY(CAST(:ids AS uuid[]))"
        ), {"ids": [str(uuid.UUID(h)) for h in hs.registered]}).all())
        wrong = {i: s for i, s in registrants.items() if s != str(hs.station_id)}
        assert not wrong, f"enterprises the hostile station registered stored as another's: {list(wrong.items())[:3]}"
    for st in sim.stations:
        with st.db.engine.connect() as conn:
            quarantined = conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar_one()
            assert not quarantined, f"{st.code}: {quarantined} pulled rows quarantined"
            for tbl in SERVED:
                for row in conn.exec_driver_sql(f"SELECT * FROM {tbl}"):
                    served = [v for v in row if isinstance(v, str) and (MARK in v or v in poison)]
                    assert not served, f"{st.code}: {tbl} holds data HQ had to refuse: {str(served)[:120]}"
