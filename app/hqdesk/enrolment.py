"""One enrolment for every code: HQ answers a station's code with `station` and an HQ desk
user's with `hq_user` (app/hq/routes/enrol.py).  The command line (`station-desk enroll`)
and the window (登记到服务总站) both come here.

- A station: linked as always (app.sync.enrolment.adopt_answer).  If the profile in hand is
  an HQ profile, the station gets a new profile of its own; the HQ profile is left as it was.
- An HQ user: an HQ profile (`mode=hq`, app.hqdesk.profile).  The profile in hand becomes
  it if it holds nothing yet or already is one; a station's profile is never touched (a new
  profile `hq`, `hq-2`, … is made instead).  The token goes to the keyring; the HQ profile
  becomes the active one, so `station-desk` opens in HQ mode.

The code is used up when HQ answers.  If writing on this machine then fails, everything
written so far is undone (the new profile folder, the token, the CA copy) and the message
says to ask for a new code: nothing is left half-done.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app import credentials, paths
from app.hqdesk.profile import (
    HQ_CA_KEY,
    HQ_INSECURE_KEY,
    HQ_MODE,
    HQ_PERSISTED_KEY,
    HQ_ROLE_KEY,
    HQ_ROLE_LABEL_KEY,
    HQ_SERVER_KEY,
    HQ_USER_ID_KEY,
    HQ_USER_KEY,
    MODE_KEY,
    profile_kind,
    read_hq_profile,
    secret_name,
    write_hq_profile,
)
from app.models.database import Database, open_database
from app.settings import ACTIVE_PROFILE, Settings
from app.sync.client import SyncError
from app.sync.enrolment import CA_FILE_NAME, CodeExchange, Enrolment, adopt_answer, exchange_code

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)
T = TypeVar("T")
USED_UP = "登记码已经被服务总站收下（每个登记码只能用一次），但本机未能保存登记：{reason}。本机没有留下任何改动。" \
          "请向服务总站管理员索取新的登记码后重新登记。"
STATION_USED_UP = "登记码已经被服务总站收下（每个登记码只能用一次），但本机未能保存登记：{reason}。本档案的数据没有改动。" \
                  "请向服务总站索取新的登记码后重新登记。"
ROLE_LABELS = {"admin": "管理员", "staff": "服务总站工作人员", "bureau": "市工业和信息化局"}


@dataclass(frozen=True)
class HqEnrolment:
    profile: str
    server: str
    user: str
    role: str
    role_label: str
    persisted: bool
    message: str


@dataclass(frozen=True)
class StationElsewhere:
    """A station's code entered in an HQ profile: the station was enrolled in `profile`."""

    profile: str
    enrolment: Enrolment


Outcome = Enrolment | HqEnrolment | StationElsewhere


def enroll_any(db: Database, profile: str, server: str, code: str, *, http: httpx.Client | None = None,
               ca_file: Path | None = None, insecure_http: bool = False, settings: Settings | None = None,
               open_db: Callable[[str], Database] | None = None) -> Outcome:
    """Enrol with whatever the code is for.  `db` is the open profile `profile` (the active
    one, or the one named with --profile).  Raises SyncError with a Chinese message."""
    open_db = open_db or _open_profile
    hq_here = read_hq_profile(db, profile) is not None
    exchange = exchange_code(db, server, code, http=http, ca_file=ca_file, insecure_http=insecure_http)
    if "hq_user" in exchange.answer:
        return _hq_profile(db, profile, exchange, settings or Settings(), open_db)
    if not hq_here:
        return _used_up_on_failure(lambda: adopt_answer(db, exchange), STATION_USED_UP)
    return _station_elsewhere(exchange, settings or Settings(), open_db)


def _open_profile(name: str) -> Database:
    return open_database(paths.database_file(name), paths.backups_dir(name))


def _used_up_on_failure(work: Callable[[], T], message: str = USED_UP) -> T:
    try:
        return work()
    except SyncError:
        raise  # already says what to do (e.g. refuse_other_station)
    except Exception as exc:  # the disk, the database, the settings file
        log.exception("enrolment answered, but saving it failed")
        raise SyncError(message.format(reason=_reason(exc)), repr(exc)) from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"{exc.strerror or type(exc).__name__}（{exc.filename or ''}）".replace("（）", "")
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _free_name(base: str) -> str:
    n, name = 1, base
    while (paths.profiles_dir() / name).exists():
        n += 1
        name = f"{base}-{n}"
    return name


def _station_elsewhere(exchange: CodeExchange, settings: Settings, open_db: Callable[[str], Database]) -> StationElsewhere:
    name = _free_name("station")

    def work() -> StationElsewhere:
        db = open_db(name)
        try:
            enrolment = adopt_answer(db, exchange)
        finally:
            db.dispose()
        settings.set(ACTIVE_PROFILE, name)
        return StationElsewhere(name, enrolment)

    try:
        return _used_up_on_failure(work)
    except SyncError:
        shutil.rmtree(paths.profiles_dir() / name, ignore_errors=True)
        raise


def _hq_profile(db: Database, profile: str, exchange: CodeExchange, settings: Settings,
                open_db: Callable[[str], Database]) -> HqEnrolment:
    answer = exchange.answer
    try:
        token = str(answer["token"])
        user = answer["hq_user"]
        name, role = str(user["name"]), str(user["role"])
        user_id = str(int(user["id"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("服务总站的登记回复不完整，请联系服务总站。", repr(answer)[:300]) from exc
    role_label = str(user.get("role_label") or ROLE_LABELS.get(role, role))
    kind = profile_kind(profile)
    target = profile if kind in ("hq", "empty") else _free_name("hq")
    created = not (paths.profiles_dir() / target).exists()
    secret = secret_name(exchange.server, name)
    previous = read_hq_profile(db, profile) if target == profile else None
    undo: list[Callable[[], None]] = []

    def work() -> HqEnrolment:
        stored = credentials.store_secret(secret, token)
        undo.append(lambda: credentials.delete_secret(secret))
        target_db = db if target == profile else open_db(target)
        try:
            kept_ca = _keep_ca(target_db.path.parent, exchange.ca_file, undo) if exchange.ca_file else None
            if kept_ca is None and previous is not None and previous.ca_file and not exchange.forget_ca:
                kept_ca = previous.ca_file  # re-enrolled without --ca-file: the CA stored before still holds
            values = {MODE_KEY: HQ_MODE, HQ_SERVER_KEY: exchange.server, HQ_USER_KEY: name, HQ_USER_ID_KEY: user_id,
                      HQ_ROLE_KEY: role, HQ_ROLE_LABEL_KEY: role_label, HQ_PERSISTED_KEY: "1" if stored.persisted else "0",
                      HQ_INSECURE_KEY: "1" if exchange.insecure_http else "0"}
            if kept_ca:
                values[HQ_CA_KEY] = kept_ca
            with target_db.engine.begin() as conn:
                write_hq_profile(conn, values)
                settings.set(ACTIVE_PROFILE, target)  # inside: if it fails, the keys are not written
        finally:
            if target_db is not db:
                target_db.dispose()
        if previous is not None and previous.secret != secret:
            credentials.delete_secret(previous.secret)  # the profile now signs in as someone else
        return HqEnrolment(target, exchange.server, name, role, role_label, stored.persisted,
                           _message(profile, target, kind, name, role_label, stored.message_zh))

    try:
        return _used_up_on_failure(work)
    except SyncError:
        for step in reversed(undo):
            step()
        if created:
            shutil.rmtree(paths.profiles_dir() / target, ignore_errors=True)
        raise


def _keep_ca(folder: Path, ca_file: Path, undo: list[Callable[[], None]]) -> str:
    target = folder / CA_FILE_NAME
    if target.exists() and target.samefile(ca_file):
        return CA_FILE_NAME
    backup = target.read_bytes() if target.exists() else None
    shutil.copyfile(ca_file, target)

    def restore() -> None:
        if backup is not None:
            target.write_bytes(backup)
        else:
            target.unlink(missing_ok=True)

    undo.append(restore)
    return CA_FILE_NAME


def _message(asked: str, target: str, kind: str, user: str, role_label: str, keyring_note: str) -> str:
    text = f"已登记为服务总站用户：{user}（{role_label}）。服务总站档案“{target}”已设为当前档案，运行 station-desk 即以服务总站模式打开。"
    if target != asked and kind == "station":
        text += f"档案“{asked}”是服务站的档案，保持不变；需要时可用 station-desk --profile {asked} 打开。"
    elif target != asked:
        text += f"“{asked}”不能用作档案，已另建档案“{target}”。"
    return text + keyring_note
