"""Enrolment: one-time code → token (in keyring), and the profile's link to HQ.

The token goes through app.credentials under a name that includes the server and
the station code, so one machine can hold several profiles.  Without a secure
keyring the token lives only in this process; a later process is told to enrol again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection

from app import credentials
from app.models.database import Database
from app.sync.capture import merged_fields
from app.sync.client import SyncClient, SyncError
from app.sync.protocol import SHARED, STATION_OWNED, SYNCED_TABLES

SERVER_KEY = "sync_server"
CODE_KEY = "sync_station_code"
STATION_KEY = "sync_station_id"
PERSISTED_KEY = "sync_token_persisted"
PROFILE_STATION_KEY = "station_id"  # app.services.station_service.STATION_KEY


@dataclass(frozen=True)
class Enrolment:
    server: str
    station_code: str
    station_name: str
    station_id: uuid.UUID
    persisted: bool
    message: str


def secret_name(server: str, station_code: str) -> str:
    return f"sync-token:{server.rstrip('/')}:{station_code}"


def _meta(conn: Connection, key: str) -> str | None:
    return conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = ?", (key,)).scalar()


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO profile_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def enroll(db: Database, server: str, code: str, *, http: httpx.Client | None = None) -> Enrolment:
    """Exchange the one-time code for a token.  Raises SyncError (Chinese message)."""
    server = server.strip().rstrip("/")
    with SyncClient(server, http=http) as client:
        answer = client.enroll(code.strip())
    try:
        token = str(answer["token"])
        station = answer["station"]
        station_id = uuid.UUID(str(station["id"]))
        station_code = str(station["code"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("总部的登记回复不完整，请联系总部。", repr(answer)[:300]) from exc
    stored = credentials.store_secret(secret_name(server, station_code), token)
    with db.engine.begin() as conn:
        first = _meta(conn, STATION_KEY) != str(station_id)
        adopt_station(conn, station_id, queue_everything=first)
        _set_meta(conn, SERVER_KEY, server)
        _set_meta(conn, CODE_KEY, station_code)
        _set_meta(conn, STATION_KEY, str(station_id))
        _set_meta(conn, PERSISTED_KEY, "1" if stored.persisted else "0")
    name = str(station.get("name", ""))
    message = f"已登记到总部：{name}（{station_code}）。{stored.message_zh}"
    return Enrolment(server, station_code, name, station_id, stored.persisted, message)


def adopt_station(conn: Connection, station_id: uuid.UUID, *, queue_everything: bool) -> None:
    """Make HQ's station id this profile's (docs/sync-protocol.md, "Station id").

    On first enrolment every row the station may write is queued, so data entered
    before enrolment (or before capture existed) reaches HQ.  Runs with capture off:
    the rewrite itself is not a change to sync, the queue is built explicitly.
    """
    new = station_id.hex
    conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
    old_raw = _meta(conn, PROFILE_STATION_KEY)
    old = uuid.UUID(old_raw).hex if old_raw else None
    if old and old != new:
        for tbl in SYNCED_TABLES:
            conn.exec_driver_sql(f"UPDATE {tbl} SET station_id = ? WHERE station_id = ?", (new, old))
        if conn.exec_driver_sql("SELECT 1 FROM station WHERE id = ?", (new,)).first() is None:
            conn.exec_driver_sql("UPDATE station SET id = ? WHERE id = ?", (new, old))
    _set_meta(conn, PROFILE_STATION_KEY, str(station_id))
    if queue_everything:
        for tbl in ("sync_outbox", "sync_push_batch", "sync_field_clock", "sync_cursor"):
            conn.exec_driver_sql(f"DELETE FROM {tbl}")
        conn.exec_driver_sql(
            "UPDATE sync_clock SET hlc = max(hlc + 1, "
            "(CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) + offset_ms) << 16) WHERE id = 1"
        )
        hlc = conn.exec_driver_sql("SELECT hlc FROM sync_clock WHERE id = 1").scalar_one()
        for tbl in SHARED + STATION_OWNED:
            where = "" if tbl in SHARED else " WHERE station_id = ?"
            conn.exec_driver_sql(
                f"INSERT INTO sync_outbox(tbl, row_id, hlc) SELECT ?, id, ? FROM {tbl}{where} ORDER BY id",
                (tbl, hlc, new) if where else (tbl, hlc),
            )
        for tbl in SHARED:
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({tbl})")]
            values = ", ".join(f"('{f}')" for f in merged_fields(tbl, columns))
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO sync_field_clock(tbl, row_id, field, hlc) "
                f"SELECT ?, t.id, f.column1, ? FROM {tbl} AS t, (VALUES {values}) AS f",
                (tbl, hlc),
            )
    conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")


def open_client(db: Database, *, http: httpx.Client | None = None) -> SyncClient:
    """A client with this profile's server and token.  Raises SyncError saying what to do."""
    with db.engine.connect() as conn:
        server, code, persisted = (_meta(conn, k) for k in (SERVER_KEY, CODE_KEY, PERSISTED_KEY))
    if not server or not code:
        raise SyncError("本档案还没有登记到总部，请先运行：station-desk enroll --server 总部网址 --code 登记码")
    token = credentials.load_secret(secret_name(server, code))
    if token is None:
        if persisted == "0":
            raise SyncError(
                "上次登记时系统没有安全的凭据存储，令牌只保存在那次运行的内存中，现已不可用，请重新登记"
                f"（station-desk enroll --server {server} --code 新登记码）。"
            )
        raise SyncError(f"系统凭据存储中找不到本站的同步令牌，请重新登记（station-desk enroll --server {server} --code 新登记码）。")
    return SyncClient(server, token, http=http)
