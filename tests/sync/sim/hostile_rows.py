"""What a hostile station puts on the wire, one row at a time, each with the answer HQ must give.

Every builder returns a `Sent`: the wire row, its kind (stats.HOSTILE_KINDS) and the
expected outcome: a rejection reason (app/hq/apply_context.REJECT_MESSAGES, or
`needs_hq_decision` for a held change), or None for a row HQ takes.  Outcomes are
decided by construction, never by asking app.domain.row_rules: a check removed from HQ
shows as a mismatch.  Every row HQ must refuse carries MARK in a text HQ would store if it
took the row, so "never stored or served" is a search for MARK (tests/sync/sim/invariants.py).
"""

from __future__ import annotations

import copy
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.sync.protocol import MAX_FUTURE_SKEW_MS, hlc_from_ms

MARK = "☠"
HELD = "needs_hq_decision"
INVALID = "invalid_row"
EDITABLE = ("name", "contact_name", "notes", "address", "employees")


@dataclass
class Sent:
    row: dict[str, Any]
    kind: str
    expect: str | None  # rejection reason, HELD, or None: taken
    poison: bool = False  # a new id that must never exist anywhere
    replayable: bool = True  # the same row re-sent later gets the same answer


@dataclass
class Snapshot:
    """What the hostile station knows of HQ before a push (what a pull would show it, and
    the ids of other stations' rows it has seen on the wire)."""

    me: uuid.UUID
    others: list[uuid.UUID]  # the honest stations' ids
    live: list[tuple[str, str | None, dict[str, Any]]]  # live enterprises: id, registrant, data
    owned: list[tuple[str, str, str, dict[str, Any]]]  # other stations' own rows: tbl, id, station id, data
    policies: list[str]
    now_ms: int


def stamp(ms: int) -> int:
    return hlc_from_ms(ms)


def _iso() -> str:
    return datetime.now(UTC).isoformat()


def enterprise(rng: random.Random, tag: str) -> dict[str, Any]:
    return {"name": f"h{tag}", "district": "天河区", "employees": rng.randint(1, 80), "contact_name": "",
            "created_at": _iso(), "updated_at": _iso()}


def record(ent: str, tag: str) -> dict[str, Any]:
    return {"enterprise_id": ent, "service_date": "2026-03-01", "category": "finance", "summary": f"h{tag}",
            "created_at": _iso(), "updated_at": _iso()}


def wire(tbl: str, rid: str, station: uuid.UUID | str, data: dict[str, Any], *, deleted: bool = False,
         hlc: dict[str, int] | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"tbl": tbl, "id": rid, "station_id": str(station), "version": 0, "deleted": deleted, "data": data}
    if hlc is not None:
        row["field_hlc"] = hlc
    return row


# --- rows HQ must refuse --------------------------------------------------------------
_ENT_BREAKS: dict[str, list[tuple[str, Any]]] = {
    "bad_type": [("revenue", MARK + "abc"), ("employees", "12"), ("employees", 3.5), ("name", 123), ("employees", True),
                 ("created_at", MARK + "昨天"), ("credit_code_warning", "yes"), ("district", 5), ("revenue", [1, 2]),
                 ("notes", {"a": MARK})],
    "bad_enum": [("district", MARK + "火星区"), ("status", MARK + "zombie"), ("size", "huge"), ("industry_section", "Z")],
    "bad_credit_code": [("credit_code", "123"), ("credit_code", "91440101MA5C!!!!1X"), ("credit_code", "9144 0101 0000 0000 01"),
                        ("credit_code", "914401010000000a01"), ("credit_code", MARK * 18)],
    "long_name": [("name", MARK + "长" * 200), ("contact_name", MARK + "x" * 100), ("notes", MARK + "注" * 2000),
                  ("address", MARK + "址" * 300)],
}
_RECORD_BREAKS: dict[str, list[tuple[str, Any]]] = {
    "bad_type": [("fee", MARK + "lots"), ("service_date", 20260301), ("satisfaction", "5"), ("enterprise_id", ["x"]),
                 ("enterprise_id", {"a": 1}), ("prep_minutes", -3), ("service_date", "2026-13-45")],
    "bad_enum": [("channel", MARK + "telepathy"), ("fee_type", "bribe")],
    "long_name": [("summary", MARK + "述" * 4000)],
}


def broken_enterprise(rng: random.Random, snap: Snapshot, kind: str, tag: str) -> Sent:
    """An enterprise row breaking one rule: new, or a live enterprise (often another station's)
    with the break stamped to win.  MARK goes into `notes` unless the break is there."""
    hlc_ms = snap.now_ms + rng.choice([0, 60_000, 86_400_000])
    if snap.live and rng.random() < 0.6:
        rid, _, stored = rng.choice(snap.live)
        data, new = copy.deepcopy(stored), False
    else:
        rid, data, new = str(uuid.uuid4()), enterprise(rng, tag), True
    data["notes"] = f"{MARK}{tag}"
    if kind == "missing_required":
        data.pop("name", None)
    elif kind == "oversized_row":  # every field fits, the row does not (64 K characters)
        data["x_blob"] = "大" * rng.choice([66_000, 70_000])
    else:
        name, value = rng.choice(_ENT_BREAKS[kind])
        data[name] = value
    stamps = {k: stamp(hlc_ms) for k in data} | {"deleted": stamp(hlc_ms)}
    return Sent(wire("enterprise", rid, snap.me, data, hlc=stamps), kind, INVALID, poison=new)


def broken_record(rng: random.Random, snap: Snapshot, kind: str, tag: str) -> Sent:
    """A service record (or demand) of its own breaking one rule."""
    ent = rng.choice(snap.live)[0] if snap.live else str(uuid.uuid4())
    if rng.random() < 0.3:
        data: dict[str, Any] = {"enterprise_id": ent, "title": f"{MARK}{tag}", "category": "finance", "received_on": "2026-02-01"}
        if kind == "missing_required":
            data.pop(rng.choice(["title", "received_on", "category"]))
            data["description"] = MARK
        else:
            data[rng.choice(["status", "received_on"])] = MARK + "lost"
        return Sent(wire("demand", str(uuid.uuid4()), snap.me, data), kind, INVALID, poison=True)
    data = record(ent, tag)
    data["summary"] = f"{MARK}{tag}"
    if kind == "missing_required":
        data.pop(rng.choice(["enterprise_id", "service_date", "category"]))
    elif kind == "oversized_row":
        data["outcome"], data["x_blob"] = "果" * 4000, "大" * 64_000
    else:
        name, value = rng.choice(_RECORD_BREAKS.get(kind, _RECORD_BREAKS["bad_type"]))
        data[name] = value
    return Sent(wire("service_record", str(uuid.uuid4()), snap.me, data), kind, INVALID, poison=True)


def forged(rng: random.Random, snap: Snapshot, kind: str, tag: str) -> Sent:
    """Rows dressed as another station's, or HQ's."""
    other = rng.choice(snap.others)
    ent = rng.choice(snap.live)[0] if snap.live else str(uuid.uuid4())
    if kind == "forged_other_row" and snap.owned:
        tbl, rid, owner, stored = rng.choice(snap.owned)
        data = dict(stored, **{{"demand": "title", "staff_member": "name"}.get(tbl, "summary"): f"{MARK}{tag}"})
        mine = rng.random() < 0.5  # claims it as its own, or names the owner
        return Sent(wire(tbl, rid, snap.me if mine else owner, data), kind, "owned_by_other_station" if mine else "wrong_station")
    if kind in ("forged_row_station", "forged_other_row"):  # a new record of another station's
        data = record(ent, tag) | {"summary": f"{MARK}{tag}"}
        return Sent(wire("service_record", str(uuid.uuid4()), other, data), "forged_row_station", "wrong_station", poison=True)
    if kind == "forged_profile":  # another station's own `station` row
        data = {"phone": f"{MARK}{tag}", "address": f"{MARK}{tag}", "contact_person": MARK}
        return Sent(wire("station", str(other), other, data), kind, "owned_by_other_station")
    if kind == "hq_reference":
        rid = rng.choice(snap.policies) if snap.policies and rng.random() < 0.5 else str(uuid.uuid4())
        data = {"title": f"{MARK}{tag}", "category": "tax", "issued_on": "2026-03-01"}
        return Sent(wire("policy", rid, snap.me, data), kind, "hq_reference", poison=rid not in snap.policies)
    assert kind == "unknown_table"
    return Sent(wire("secret_table", str(uuid.uuid4()), snap.me, {"name": f"{MARK}{tag}"}), kind, "unknown_table", poison=True)


def bad_shape(rng: random.Random, snap: Snapshot, tag: str) -> dict[str, Any]:
    """A row that does not fit the message schema: the whole request is refused (422)."""
    good = wire("enterprise", str(uuid.uuid4()), snap.me, enterprise(rng, tag) | {"notes": MARK})
    return rng.choice([
        dict(good, tbl="Enterprise; DROP TABLE replica_row"),
        dict(good, field_hlc={"name": -5}),
        dict(good, data=f"{MARK}not an object"),
        dict(good, deleted="yes"),
        dict(good, id="not-a-uuid"),
        dict(good, field_hlc={"name": 1 << 63}),
        dict(good, data={"name": MARK + "\u0000"}),
    ])


# --- rows HQ takes, or holds for a decision ------------------------------------------------
def far_future(rng: random.Random, snap: Snapshot, tag: str) -> Sent | None:
    """A valid edit of a live enterprise (usually another station's) stamped ahead: clamped to
    HQ's time unless within MAX_FUTURE_SKEW_MS (the pin attack of issue 10, finding 7)."""
    if not snap.live:
        return None
    rid, _, stored = rng.choice(snap.live)
    field = rng.choice(EDITABLE)
    ahead = rng.choice([60_000, MAX_FUTURE_SKEW_MS + 60_000, 23 * 3_600_000, 400 * 86_400_000, None])
    hlc = (1 << 63) - 1 if ahead is None else stamp(snap.now_ms + ahead)
    data = dict(stored, **{field: rng.randint(1, 900) if field == "employees" else f"h{tag}"})
    return Sent(wire("enterprise", rid, rng.choice([snap.me, *snap.others]), data, hlc={field: hlc}), "far_future", None)


def _foreign(rng: random.Random, snap: Snapshot) -> tuple[str, dict[str, Any]] | None:
    theirs = [(rid, data) for rid, registrant, data in snap.live if registrant != str(snap.me)]
    return rng.choice(theirs) if theirs else None


def delete_foreign(rng: random.Random, snap: Snapshot) -> Sent | None:
    """Deleting another station's enterprise, stamped to win: HQ holds it as a request."""
    picked = _foreign(rng, snap)
    if picked is None:
        return None
    rid, stored = picked
    hlc = {"deleted": stamp(snap.now_ms + MAX_FUTURE_SKEW_MS - 1000)}
    return Sent(wire("enterprise", rid, snap.me, copy.deepcopy(stored), deleted=True, hlc=hlc), "delete_foreign", HELD, replayable=False)


def merge_foreign(rng: random.Random, snap: Snapshot) -> Sent | None:
    """Copying another live enterprise's credit code onto another station's enterprise (which
    would merge it away): HQ holds it as a request."""
    picked = _foreign(rng, snap)
    if picked is None:
        return None
    rid, stored = picked
    codes = [d["credit_code"] for r, _, d in snap.live if r != rid and d.get("credit_code") and d["credit_code"] != stored.get("credit_code")]
    if not codes:
        return None
    data = dict(stored, credit_code=rng.choice(codes))
    hlc = {"credit_code": stamp(snap.now_ms + MAX_FUTURE_SKEW_MS - 1000)}
    return Sent(wire("enterprise", rid, snap.me, data, hlc=hlc), "merge_foreign", HELD, replayable=False)


def create_own(rng: random.Random, snap: Snapshot, tag: str) -> Sent:
    """A valid enterprise (or service record) of its own; the row may name another station,
    which HQ ignores (the registrant is the token's station)."""
    named = rng.choice([snap.me, *snap.others])
    if snap.live and rng.random() < 0.3:
        return Sent(wire("service_record", str(uuid.uuid4()), snap.me, record(rng.choice(snap.live)[0], tag)), "create_own", None,
                    replayable=False)
    data = enterprise(rng, tag)
    if rng.random() < 0.6:  # the honest stations' codes (merges on insert), or codes of its own to copy later
        data["credit_code"] = rng.choice([f"914401010000{rng.randint(0, 2):06d}", f"914401010001{rng.randint(0, 99):06d}"])
    ms = snap.now_ms + rng.choice([0, 0, 86_400_000])
    return Sent(wire("enterprise", str(uuid.uuid4()), named, data, hlc={k: stamp(ms) for k in [*data, "deleted"]}), "create_own", None,
                replayable=False)
