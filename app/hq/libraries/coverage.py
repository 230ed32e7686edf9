"""Relay coverage (转发覆盖) per policy: which of its target stations have received it and
which have relayed it to enterprises.

A station relays a policy by recording 政策咨询 service records with the policy attached
(app.services.policies.matching.relay: `service_record.policy_id`); those records reach
HQ by the push, so "relayed" = a live service record of that station naming the policy.
"Received" = the station has pulled past the policy row's current version: its
acknowledged cursor (station_account.cursor_txid) is at or beyond the row's txid.
Target stations: active stations whose district is among the policy's districts (all
active stations when it names none); industries and sizes target enterprises, not stations.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, text

from app.hq.libraries.store import Stored


def _stations(conn: Connection) -> list[Any]:
    return list(conn.execute(
        text("SELECT station_id, code, name, district, CAST(cursor_txid AS text) AS cursor FROM station_account "
             "WHERE status = 'active' ORDER BY code")
    ).all())


def _relays(conn: Connection, policy_ids: list[str]) -> dict[str, dict[Any, int]]:
    """policy id → {station id: enterprises relayed to}; uses ix_replica_row_policy_ref (migration 0006)."""
    if not policy_ids:
        return {}
    rows = conn.execute(
        text("SELECT data->>'policy_id' AS p, station_id, count(DISTINCT data->>'enterprise_id') AS n FROM replica_row "
             "WHERE tbl = 'service_record' AND data->>'policy_id' IS NOT NULL AND data->>'policy_id' = ANY(:ids) "
             "AND NOT deleted GROUP BY 1, 2"),
        {"ids": policy_ids},
    )
    found: dict[str, dict[Any, int]] = defaultdict(dict)
    for r in rows:
        found[r.p][r.station_id] = int(r.n)
    return found


def _targets(policy: Stored, stations: list[Any]) -> list[Any]:
    wanted = {d for d in str(policy.data.get("districts") or "").split(",") if d}
    return [s for s in stations if not wanted or s.district in wanted]


def summaries(conn: Connection, policies: list[Stored]) -> dict[str, dict[str, int]]:
    """policy id → {target_stations, received, relayed, enterprises} for a page of policies."""
    stations = _stations(conn)
    relays = _relays(conn, [str(p.id) for p in policies])
    out: dict[str, dict[str, int]] = {}
    for policy in policies:
        targets = _targets(policy, stations)
        told = relays.get(str(policy.id), {})
        out[str(policy.id)] = {
            "target_stations": len(targets),
            "received": sum(1 for s in targets if s.cursor is not None and int(s.cursor) >= policy.txid),
            "relayed": sum(1 for s in targets if told.get(s.station_id)),
            "enterprises": sum(told.values()),
        }
    return out


def by_station(conn: Connection, policy: Stored) -> list[dict[str, Any]]:
    """One line per target station: received?, relayed to how many enterprises."""
    told = _relays(conn, [str(policy.id)]).get(str(policy.id), {})
    return [
        {"station_code": s.code, "station_name": s.name, "district": s.district,
         "received": s.cursor is not None and int(s.cursor) >= policy.txid, "enterprises": told.get(s.station_id, 0)}
        for s in _targets(policy, _stations(conn))
    ]
