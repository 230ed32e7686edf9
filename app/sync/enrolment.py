"""Enrolment: one-time code → token (in keyring), and the profile's link to HQ.

The token goes through app.credentials under a name that includes the server and
the station code, so one machine can hold several profiles.  Without a secure
keyring the token lives only in this process; a later process is told to enrol again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

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
CA_KEY = "sync_ca_file"  # HQ's private CA, copied into the profile folder; relative to it
CA_FILE_NAME = "hq-ca.pem"
INSECURE_KEY = "sync_insecure_http"  # "1": the user enrolled with --insecure-http (plain http:// allowed)
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


def enroll(db: Database, server: str, code: str, *, http: httpx.Client | None = None,
           ca_file: Path | None = None, insecure_http: bool = False) -> Enrolment:  # fmt: skip
    """Exchange the one-time code for a token.  Raises SyncError (Chinese message).

    `ca_file`: the certificate authority HQ's certificate is signed by, when it is not one
    the system trusts.  It is copied into the profile folder and every later request
    trusts it too.  Without it, a CA stored by an earlier enrolment is still trusted.
    `insecure_http`: allow plain http:// to a host outside loopback, now and in every later
    sync (kept with the enrolment; app/sync/client.py require_secure_transport)."""
    server = server.strip().rstrip("/")
    trusted, forget_ca = ca_file, False
    if ca_file is None:
        try:
            trusted = stored_ca_file(db)
        except SyncError:  # the stored CA file is gone: enrolling again without it is the way out
            forget_ca = True
    with SyncClient(server, http=http, ca_file=trusted, insecure_http=insecure_http) as client:
        answer = client.enroll(code.strip())
    try:
        token = str(answer["token"])
        station = answer["station"]
        station_id = uuid.UUID(str(station["id"]))
        station_code = str(station["code"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("总部的登记回复不完整，请联系总部。", repr(answer)[:300]) from exc
    name = str(station.get("name", ""))
    with db.engine.connect() as conn:
        refuse_other_station(conn, station_id, station_code)
    stored = credentials.store_secret(secret_name(server, station_code), token)
    kept_ca = _keep_ca_file(db, ca_file) if ca_file is not None else None
    with db.engine.begin() as conn:
        first = _meta(conn, STATION_KEY) != str(station_id)
        renamed = adopt_station(conn, station_id, queue_everything=first, code=station_code, name=name,
                                district=str(station.get("district", "")))  # fmt: skip
        _set_meta(conn, SERVER_KEY, server)
        _set_meta(conn, CODE_KEY, station_code)
        _set_meta(conn, STATION_KEY, str(station_id))
        _set_meta(conn, PERSISTED_KEY, "1" if stored.persisted else "0")
        _set_meta(conn, INSECURE_KEY, "1" if insecure_http else "0")
        if kept_ca is not None:
            _set_meta(conn, CA_KEY, kept_ca)
        elif forget_ca:
            conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (CA_KEY,))
    message = f"已登记到总部：{name}（{station_code}）。"
    if renamed:
        message += f"本机原来的站点编码“{renamed}”已改为总部分配的“{station_code}”。"
    if kept_ca is not None:
        message += f"已信任总部的证书颁发机构(CA)文件（已复制为档案文件夹中的 {kept_ca}）。"
    message += stored.message_zh
    return Enrolment(server, station_code, name, station_id, stored.persisted, message)


def refuse_other_station(conn: Connection, station_id: uuid.UUID, station_code: str) -> None:
    """Refuse to enrol a profile already enrolled as ANOTHER HQ station that holds work.

    Adopting HQ's station row is right for a profile set up offline (its own id and code
    were made up locally, HQ's are authoritative).  But a profile already enrolled as
    station A that holds A's records must not become station B: adopt_station would
    relabel A's service records as B's and push them to HQ under B.  Such a profile
    keeps its link; the user opens a new profile for B (or uses A's code).
    """
    previous = _meta(conn, STATION_KEY)
    if previous is None or previous == str(station_id):
        return
    old = uuid.UUID(previous).hex
    for tbl in STATION_OWNED:
        if conn.exec_driver_sql(f"SELECT 1 FROM {tbl} WHERE station_id = ? LIMIT 1", (old,)).first() is not None:
            code = _meta(conn, CODE_KEY) or ""
            raise SyncError(
                f"本档案已登记为总部的另一个服务站（{code}），并且已有该站的工作记录，不能改登记为“{station_code}”。"
                "请为新站点新建一个档案再登记；如果登记码发错了，请联系总部重新发放本站的登记码。"
            )


def adopt_station(conn: Connection, station_id: uuid.UUID, *, queue_everything: bool, code: str = "",
                  name: str = "", district: str = "") -> str | None:  # fmt: skip
    """Make HQ's station id this profile's (docs/sync-protocol.md, "Station id"), and
    HQ's code, name and district its station row's; returns the local code replaced, if any.

    HQ's station registry is authoritative: a code typed at first-run setup that
    differs from HQ's would collide (UNIQUE station.code) with HQ's station list on the
    first pull, possibly with another station that really has that code.  Adopting HQ's
    row here, in the enrolment transaction, avoids that.

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
    renamed = None
    local_code = conn.exec_driver_sql("SELECT code FROM station WHERE id = ?", (new,)).scalar()
    if code and local_code is not None and local_code != code:
        # Another local station row holding HQ's code can only come from an earlier pull; it is
        # HQ reference data and UNIQUE(code) counts tombstones too, so it goes, and the bootstrap
        # that follows a new station id (sync_cursor is cleared below) brings HQ's copy back.
        conn.exec_driver_sql("DELETE FROM station WHERE code = ? AND id != ?", (code, new))
        conn.exec_driver_sql("UPDATE station SET code = ? WHERE id = ?", (code, new))
        renamed = local_code
    if local_code is not None and (name or district):
        conn.exec_driver_sql(
            "UPDATE station SET name = coalesce(nullif(?, ''), name), district = coalesce(nullif(?, ''), district) WHERE id = ?",
            (name, district, new),
        )
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
        # the station's own row: the profile facts it reports (app.hq.owned.apply_station_profile)
        conn.exec_driver_sql("INSERT INTO sync_outbox(tbl, row_id, hlc) SELECT 'station', id, ? FROM station WHERE id = ?", (hlc, new))
        for tbl in SHARED:
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({tbl})")]
            values = ", ".join(f"('{f}')" for f in merged_fields(tbl, columns))
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO sync_field_clock(tbl, row_id, field, hlc) "
                f"SELECT ?, t.id, f.column1, ? FROM {tbl} AS t, (VALUES {values}) AS f",
                (tbl, hlc),
            )
    conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
    return renamed


def _keep_ca_file(db: Database, ca_file: Path) -> str:
    """Copy the CA file into the profile folder (the original may be on a USB stick or in
    Downloads); returns its name there, as stored in profile_meta."""
    target = db.path.parent / CA_FILE_NAME
    try:
        if not (target.exists() and target.samefile(ca_file)):
            shutil.copyfile(ca_file, target)
    except OSError as exc:
        raise SyncError(f"无法把证书颁发机构(CA)文件复制到档案文件夹（{target}）：{exc.strerror or exc}", repr(exc)) from exc
    return CA_FILE_NAME


def stored_ca_file(db: Database) -> Path | None:
    """The CA file this profile's enrolment trusts, if any.  Raises SyncError if it is gone."""
    with db.engine.connect() as conn:
        name = _meta(conn, CA_KEY)
    if not name:
        return None
    path = db.path.parent / name
    if not path.is_file():
        raise SyncError(
            f"登记时指定的证书颁发机构(CA)文件不见了（{path}）。请把总部发放的 CA 文件放回这个位置，"
            "或重新登记并用 --ca-file 指定。"
        )
    return path


def open_client(db: Database, *, http: httpx.Client | None = None) -> SyncClient:
    """A client with this profile's server and token.  Raises SyncError saying what to do."""
    with db.engine.connect() as conn:
        server, code, persisted, insecure = (_meta(conn, k) for k in (SERVER_KEY, CODE_KEY, PERSISTED_KEY, INSECURE_KEY))
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
    return SyncClient(server, token, http=http, ca_file=stored_ca_file(db) if http is None else None,
                      insecure_http=insecure == "1")  # fmt: skip
