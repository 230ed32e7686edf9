"""HQ profiles: a profile folder whose profile_meta says `mode=hq` opens the HQ desk (服务总站
模式) instead of a station's pages.  It holds who is signed in and where, never the token:
the token is in the system keyring (app.credentials) under `secret_name(server, user)`.

The keys live in the profile's own database (the same profile_meta table stations use),
so profiles are listed, switched and backed up one way.  app.services.station.enrolment_state
repeats MODE_KEY and HQ_MODE for the window's start-up path (no HTTP client imported there).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from app import credentials, paths
from app.domain.messages import Msg
from app.hqdesk.client import HqDeskClient, HqDeskError
from app.hqdesk.profile_kinds import HQ_MODE, MODE_KEY, meta_of_file, profile_kind
from app.models.database import Database
from app.sync.profile_meta import meta

if TYPE_CHECKING:
    import httpx

__all__ = ["HQ_KEYS", "HQ_MODE", "MODE_KEY", "HqProfile", "hq_profiles", "open_desk_client", "profile_kind",
           "read_hq_profile", "reenrol_hint", "secret_name", "write_hq_profile"]

HQ_SERVER_KEY = "hq_server"
HQ_USER_KEY = "hq_user"
HQ_USER_ID_KEY = "hq_user_id"
HQ_ROLE_KEY = "hq_role"
HQ_ROLE_LABEL_KEY = "hq_role_label"
HQ_CA_KEY = "hq_ca_file"  # the CA file copied into the profile folder (name relative to it)
HQ_INSECURE_KEY = "hq_insecure_http"  # "1": plain http:// to another machine was allowed at enrolment
HQ_PERSISTED_KEY = "hq_token_persisted"  # "0": the token was kept in memory only (no secure keyring)
HQ_KEYS = (MODE_KEY, HQ_SERVER_KEY, HQ_USER_KEY, HQ_USER_ID_KEY, HQ_ROLE_KEY, HQ_ROLE_LABEL_KEY, HQ_CA_KEY,
           HQ_INSECURE_KEY, HQ_PERSISTED_KEY)


@dataclass(frozen=True)
class HqProfile:
    name: str  # the profile (folder) name
    folder: Path
    server: str
    user: str
    role: str
    role_label: str
    ca_file: str | None
    insecure_http: bool
    persisted: bool

    @property
    def secret(self) -> str:
        return secret_name(self.server, self.user)


def secret_name(server: str, user: str) -> str:
    return f"hq-desk-token:{server.rstrip('/')}:{user}"


def hq_profiles() -> list[HqProfile]:
    """Every HQ profile on this machine (read-only), by name."""
    found = []
    for folder in sorted(p for p in paths.profiles_dir().iterdir() if p.is_dir()):
        values = meta_of_file(folder / "station.db")
        if values and values.get(MODE_KEY) == HQ_MODE:
            found.append(_profile(folder.name, folder, values))
    return found


def _profile(name: str, folder: Path, values: dict[str, str]) -> HqProfile:
    return HqProfile(name, folder, values.get(HQ_SERVER_KEY, ""), values.get(HQ_USER_KEY, ""),
                     values.get(HQ_ROLE_KEY, ""), values.get(HQ_ROLE_LABEL_KEY, "") or values.get(HQ_ROLE_KEY, ""),
                     values.get(HQ_CA_KEY) or None, values.get(HQ_INSECURE_KEY) == "1",
                     values.get(HQ_PERSISTED_KEY) != "0")


def read_hq_profile(db: Database, name: str) -> HqProfile | None:
    """The HQ profile stored in this open profile, or None (a station's profile)."""
    with db.engine.connect() as conn:
        values = {key: meta(conn, key) for key in HQ_KEYS}
    if values.get(MODE_KEY) != HQ_MODE:
        return None
    return _profile(name, db.path.parent, {k: v for k, v in values.items() if v is not None})


def write_hq_profile(conn: Connection, values: dict[str, str]) -> None:
    """Replace the profile's HQ keys with `values` (one transaction: the caller's)."""
    conn.exec_driver_sql(f"DELETE FROM profile_meta WHERE key IN ({', '.join('?' * len(HQ_KEYS))})", HQ_KEYS)
    for key, value in values.items():
        assert key in HQ_KEYS, key
        conn.exec_driver_sql("INSERT INTO profile_meta(key, value) VALUES (?, ?)", (key, value))


def reenrol_hint(profile: HqProfile) -> str:
    return (f"station-desk --profile {profile.name} enroll --server {profile.server} --code 新登记码")


def open_desk_client(profile: HqProfile, *, timeout: float = 30.0, http: httpx.Client | None = None) -> HqDeskClient:
    """A client with the profile's server, token and CA.  Raises HqDeskError saying what to do.
    `http`: an injected transport (tests pass starlette's TestClient)."""
    if not profile.server or not profile.user:
        raise HqDeskError(Msg("服务总站档案“%1”不完整（缺少服务器网址或用户名）。请向服务总站管理员索取新的登记码，重新登记：%2", profile.name, reenrol_hint(profile)))
    token = credentials.load_secret(profile.secret)
    if token is None:
        if not profile.persisted:
            raise HqDeskError(Msg("上次登记时本机没有安全的凭据存储，令牌只保存在那次运行的内存中，现已不可用。请向服务总站管理员索取新的登记码，重新登记：%1", reenrol_hint(profile)))
        raise HqDeskError(Msg("系统凭据存储中找不到服务总站的令牌（可能被清除了）。请向服务总站管理员索取新的登记码，重新登记：%1", reenrol_hint(profile)))
    ca_file = None
    if http is not None:
        return HqDeskClient(profile.server, token, http=http)
    if profile.ca_file:
        ca_file = profile.folder / profile.ca_file
        if not ca_file.is_file():
            raise HqDeskError(Msg("登记时指定的证书颁发机构(CA)文件不见了（%1）。请把服务总站发放的 CA 文件放回这个位置，或重新登记并用 --ca-file 指定。", ca_file))
    try:
        return HqDeskClient(profile.server, token, timeout=timeout, ca_file=ca_file, insecure_http=profile.insecure_http)
    except HqDeskError:
        raise
    except Exception as exc:  # SyncError from tls_context: the CA file is not a certificate
        raise HqDeskError(getattr(exc, "message", str(exc)), detail=repr(exc)) from exc
