"""Enrolment: one-time code → token (in keyring), and the profile's link to HQ.

The token goes through app.credentials under a name that includes the server and
the station code, so one machine can hold several profiles.  Without a secure
keyring the token lives only in this process; a later process is told to enrol again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from app import credentials, paths
from app.domain.messages import Msg
from app.models.database import Database
from app.sync.client import SyncClient, SyncError
from app.sync.profile_meta import (
    CA_KEY,
    CODE_KEY,
    DEMO_KEY,
    HQ_MODE,
    MODE_KEY,
    PERSISTED_KEY,
    PROFILE_STATION_KEY,
    SERVER_KEY,
    STATION_KEY,
)
from app.sync.profile_meta import meta as _meta
from app.sync.profile_meta import set_meta as _set_meta
from app.sync.station_adoption import adopt_station, refuse_other_station

__all__ = ["CODE_KEY", "CodeExchange", "adopt_answer", "exchange_code", "PERSISTED_KEY", "PROFILE_STATION_KEY", "SERVER_KEY", "STATION_KEY", "Enrolment", "adopt_station",
           "enroll", "open_client", "refuse_demo", "refuse_other_station", "stored_ca_file"]

CA_FILE_NAME = "hq-ca.pem"
DEMO_REFUSED = (
    "这是演示档案（其中是生成的演示数据），不能登记到服务总站，也不能同步：演示数据会被上传到服务总站，混进真实的统计。"
    "请为真实的服务站新建一个档案再登记，例如：station-desk --profile 本站 enroll --server 服务总站网址 --code 登记码。"
)
INSECURE_KEY = "sync_insecure_http"  # "1": the user enrolled with --insecure-http (plain http:// allowed)


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


def _has_station(conn: Connection) -> bool:
    own = _meta(conn, PROFILE_STATION_KEY)
    return own is not None and conn.exec_driver_sql("SELECT 1 FROM station WHERE id = ?", (uuid.UUID(own).hex,)).first() is not None


def refuse_demo(db: Database) -> None:
    """Refuse a demo profile: the `--demo` profile, or one whose station was made as a demo.

    The one check behind every way to enrol or sync (station-desk enroll and sync, the
    window's enrol dialog, automatic sync): `enroll` and `open_client` call it first.
    Raises SyncError with DEMO_REFUSED."""
    with db.engine.connect() as conn:
        demo = _meta(conn, DEMO_KEY) == "1"
    if demo or db.path.resolve().parent == (paths.profiles_dir() / paths.DEMO_PROFILE).resolve():
        raise SyncError(DEMO_REFUSED)


def enroll(db: Database, server: str, code: str, *, http: httpx.Client | None = None,
           ca_file: Path | None = None, insecure_http: bool = False) -> Enrolment:
    """Exchange the one-time code for a token.  Raises SyncError (Chinese message).

    `ca_file`: the certificate authority HQ's certificate is signed by, when it is not one
    the system trusts.  It is copied into the profile folder and every later request
    trusts it too.  Without it, a CA stored by an earlier enrolment is still trusted.

    An HQ desk user's code is refused after the exchange (the code is used up); the
    command line and the window enrol through app.hqdesk.enrolment, which makes an HQ
    profile for it instead."""
    exchange = exchange_code(db, server, code, http=http, ca_file=ca_file, insecure_http=insecure_http)
    if "hq_user" in exchange.answer:
        raise SyncError(HQ_CODE_HERE)
    return adopt_answer(db, exchange)


HQ_PROFILE_NO_SYNC = (
    "这是服务总站的档案（服务总站模式），没有服务站的数据可同步。运行 station-desk 即打开服务总站模式；"
    "要同步服务站，请指定服务站的档案：station-desk --profile 档案名 sync。"
)
HQ_CODE_HERE = (
    "这是服务总站工作人员的登记码，不是服务站的，已经被使用，不能再用。请向服务总站管理员索取新的登记码，"
    "再用“station-desk enroll --server 网址 --code 登记码”登记：程序会为服务总站另建一个档案。"
)


@dataclass(frozen=True)
class CodeExchange:
    """HQ's answer to a one-time code (already used up), and how the request was made."""

    server: str
    answer: dict[str, Any]
    ca_file: Path | None  # the CA file the user named (not yet copied anywhere)
    forget_ca: bool  # the profile's stored CA file is gone: forget it when adopting
    insecure_http: bool


def exchange_code(db: Database, server: str, code: str, *, http: httpx.Client | None = None,
                  ca_file: Path | None = None, insecure_http: bool = False) -> CodeExchange:
    """POST /v1/enroll (refusing a demo profile first: the code is not spent on it)."""
    refuse_demo(db)
    server = server.strip().rstrip("/")
    trusted, forget_ca = ca_file, False
    if ca_file is None:
        try:
            trusted = stored_ca_file(db)
        except SyncError:  # the stored CA file is gone: enrolling again without it is the way out
            forget_ca = True
    with SyncClient(server, http=http, ca_file=trusted, insecure_http=insecure_http) as client:
        answer = client.enroll(code.strip())
    return CodeExchange(server, answer, ca_file, forget_ca, insecure_http)


def adopt_answer(db: Database, exchange: CodeExchange) -> Enrolment:
    """Link this profile to the station HQ answered with (token in the keyring)."""
    server, answer, ca_file, insecure_http = exchange.server, exchange.answer, exchange.ca_file, exchange.insecure_http
    try:
        token = str(answer["token"])
        station = answer["station"]
        station_id = uuid.UUID(str(station["id"]))
        station_code = str(station["code"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("服务总站的登记回复不完整，请联系服务总站。", repr(answer)[:300]) from exc
    name = str(station.get("name", ""))
    with db.engine.connect() as conn:
        refuse_other_station(conn, station_id, station_code)
    stored = credentials.store_secret(secret_name(server, station_code), token)
    kept_ca = _keep_ca_file(db, ca_file) if ca_file is not None else None
    with db.engine.begin() as conn:
        first = _meta(conn, STATION_KEY) != str(station_id)
        had_station = _has_station(conn)
        renamed = adopt_station(conn, station_id, queue_everything=first, code=station_code, name=name,
                                district=str(station.get("district", "")))
        _set_meta(conn, SERVER_KEY, server)
        _set_meta(conn, CODE_KEY, station_code)
        _set_meta(conn, STATION_KEY, str(station_id))
        _set_meta(conn, PERSISTED_KEY, "1" if stored.persisted else "0")
        _set_meta(conn, INSECURE_KEY, "1" if insecure_http else "0")
        if kept_ca is not None:
            _set_meta(conn, CA_KEY, kept_ca)
        elif exchange.forget_ca:
            conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (CA_KEY,))
    message = Msg("已登记到服务总站：%1（%2）。", name, station_code)
    if not had_station:
        message += "本档案原来没有服务站信息，已采用服务总站登记的站点编码、名称和所在区；首次同步会取回服务总站保存的其余信息。"
    if renamed:
        message += Msg("本机原来的站点编码“%1”已改为服务总站分配的“%2”。", renamed, station_code)
    if kept_ca is not None:
        message += Msg("已信任服务总站的证书颁发机构(CA)文件（已复制为档案文件夹中的 %1）。", kept_ca)
    message += stored.message_zh
    return Enrolment(server, station_code, name, station_id, stored.persisted, message)


def _keep_ca_file(db: Database, ca_file: Path) -> str:
    """Copy the CA file into the profile folder (the original may be on a USB stick or in
    Downloads); returns its name there, as stored in profile_meta."""
    target = db.path.parent / CA_FILE_NAME
    try:
        if not (target.exists() and target.samefile(ca_file)):
            shutil.copyfile(ca_file, target)
    except OSError as exc:
        raise SyncError(Msg("无法把证书颁发机构(CA)文件复制到档案文件夹（%1）：%2", target, exc.strerror or exc), repr(exc)) from exc
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
            Msg("登记时指定的证书颁发机构(CA)文件不见了（%1）。请把服务总站发放的 CA 文件放回这个位置，或重新登记并用 --ca-file 指定。", path)
        )
    return path


def open_client(db: Database, *, http: httpx.Client | None = None) -> SyncClient:
    """A client with this profile's server and token.  Raises SyncError saying what to do
    (a demo profile never gets one: refuse_demo)."""
    refuse_demo(db)
    with db.engine.connect() as conn:
        server, code, persisted, insecure = (_meta(conn, k) for k in (SERVER_KEY, CODE_KEY, PERSISTED_KEY, INSECURE_KEY))
        if _meta(conn, MODE_KEY) == HQ_MODE:
            raise SyncError(HQ_PROFILE_NO_SYNC)
    if not server or not code:
        raise SyncError("本档案还没有登记到服务总站，请先运行：station-desk enroll --server 服务总站网址 --code 登记码")
    token = credentials.load_secret(secret_name(server, code))
    if token is None:
        if persisted == "0":
            raise SyncError(
                Msg("上次登记时系统没有安全的凭据存储，令牌只保存在那次运行的内存中，现已不可用，请重新登记（station-desk enroll --server %1 --code 新登记码）。", server)
            )
        raise SyncError(Msg("系统凭据存储中找不到本站的同步令牌，请重新登记（station-desk enroll --server %1 --code 新登记码）。", server))
    return SyncClient(server, token, http=http, ca_file=stored_ca_file(db) if http is None else None,
                      insecure_http=insecure == "1")
