"""Shoot every page of the HQ-mode window (HQ_PAGES, whoever added them) over a demo network.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/take_hq_screenshots.py \
        [--out docs/screenshots/hq] [--stations 6] [--only accounts audit] [--pg postgresql://…/postgres]

Without a DISPLAY it re-runs itself under `xvfb-run` when that exists (apt install xvfb), else
it falls back to Qt's offscreen platform.  What it does, all throwaway:

1. a fresh PostgreSQL database (on STATION_DESK_TEST_PG's server, or --pg), migrated by
   `init-db`, served by the real HQ app in-process (starlette's TestClient: no port opened);
2. stations added at HQ, each with a real station profile (a throwaway STATION_DESK_HOME)
   filled by the demo generator, enrolled with its code and synced, so every read model is fed
   by the push path; one station added but never enrolled, one revoked; HQ users of every
   role, one revoked, so the accounts and audit pages have something to show;
3. for each language (zh_CN, en) and size (1366×768, 1024×600): an HqWindow per role, each
   page shown once (pages a role cannot see are shot as a role that can), PNGs written to
   `<out>/<lang>/<page>_<w>x<h>.png`; a page with a QTabWidget gets one per tab
   (`<page>-tab2_…`).

Look at the pictures before committing them.  The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ((1366, 768), (1024, 600))
LANGS = ("zh_CN", "en")
ROLES = ("admin", "staff", "bureau")
SHOWN_SERVER = "https://hq.example.gov.cn"
DISTRICTS = ("天河区", "越秀区", "海珠区", "番禺区", "白云区", "黄埔区", "荔湾区", "花都区")


def _rerun_under_xvfb(argv: list[str]) -> int | None:
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") or os.environ.get("HQ_SHOTS_NO_XVFB"):
        return None
    runner = shutil.which("xvfb-run")
    if runner is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print("xvfb-run not found: using Qt's offscreen platform", file=sys.stderr)
        return None
    env = dict(os.environ, HQ_SHOTS_NO_XVFB="1")
    return subprocess.call([runner, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, __file__, *argv], env=env)


def _database(pg: str | None) -> tuple[str, str, str]:
    """(url of a fresh migrated database, its name, the admin conninfo to drop it)."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    admin = make_conninfo(pg or os.environ.get("STATION_DESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"),
                          dbname="postgres")
    name = f"sd_hqshots_{secrets.token_hex(4)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = conninfo_to_dict(admin)
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if parts.get("password") else "")
    url = f"postgresql://{auth}@{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{name}"
    from app.hq.db import init_db

    init_db(url)
    return url, name, admin


def _drop(name: str, admin: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _network(engine: Any, http: Any, stations: int) -> dict[str, str]:
    """Stations synced from generated profiles, users of every role; returns role -> token."""
    from app.demo import data as demo_data
    from app.hq import accounts
    from app.hq.admin import users
    from app.hq.admin.audit import record_cli
    from app.services.station.identity import NewStation, create_station
    from app.services.station.profiles import open_profile
    from app.sync import protocol
    from app.sync.engine import sync
    from app.sync.enrolment import enroll, open_client

    for n in range(stations):
        district = DISTRICTS[n % len(DISTRICTS)]
        code, name = f"GZ-{n + 1:03d}", f"{district}中小企业服务站" + ("" if n < len(DISTRICTS) else f"（{n + 1}）")
        with engine.begin() as conn:
            enrol_code = accounts.add_station(conn, code, name, district)[1]
            record_cli(conn, "station.add", code, None, {"name": name, "district": district})
        db = open_profile(f"station-{n + 1}")
        try:
            with db.begin() as s:
                create_station(s, NewStation(code, name, district, f"{district}工商业联合会", manager_name="陈晓明"))
            demo_data.generate(db, enterprises=40 + 15 * n, records=150 + 60 * n, seed=100 + n)
            enroll(db, "http://testserver", enrol_code, http=http)
            result = sync(db, open_client(db, http=http))
            sync(db, open_client(db, http=http))  # a station syncs again: HQ notes when (cursor acknowledged)
            print(f"{code} {name}: pushed={result.pushed} completed={result.completed}", file=sys.stderr)
        finally:
            db.dispose()
    with engine.begin() as conn:
        accounts.add_station(conn, f"GZ-{stations + 1:03d}", "从化区中小企业服务站", "从化区")  # never enrolled
        accounts.add_station(conn, f"GZ-{stations + 2:03d}", "增城区中小企业服务站", "增城区")
        accounts.revoke_station(conn, f"GZ-{stations + 2:03d}")
    tokens: dict[str, str] = {}
    people = {"admin": "王晓红", "staff": "李明", "bureau": "市工信局 张华"}
    for role, person in [*people.items(), ("staff", "赵静"), ("staff", "已离职 孙伟")]:
        with engine.begin() as conn:
            user_code = users.add_user(conn, person, role)[1]
            record_cli(conn, "user.add", person, None, {"role": role})
        answer = http.post("/v1/enroll", content=protocol.encode({"code": user_code}),
                           headers={protocol.PROTOCOL_HEADER: "2", "Content-Encoding": "zstd"})
        assert answer.status_code == 200, answer.text
        if person == people.get(role):
            tokens[role] = str(answer.json()["token"])
    with engine.begin() as conn:
        users.revoke_user(conn, "已离职 孙伟")
        record_cli(conn, "user.revoke", "已离职 孙伟", "active", "revoked")
        users.add_user(conn, "待登记 周敏", "bureau")
    return tokens


def _shoot(app: Any, http: Any, tokens: dict[str, str], out: Path, only: list[str] | None) -> list[Path]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QTabWidget

    from app.hqdesk.client import HqDeskClient
    from app.settings import Settings
    from app.ui import i18n, operations
    from app.ui.hq.pages import DeskUser, pages_for
    from app.ui.hq.window import HqWindow

    written: list[Path] = []
    for lang in LANGS:
        translators = i18n.install_translators(app, lang)
        try:
            done: set[str] = set()
            for role in ROLES:
                client = HqDeskClient("http://testserver", tokens[role], http=http)
                me = client.get_json("/me")
                keys = [p.key for p in pages_for(role) if p.key not in done and (not only or p.key in only)]
                if not keys:
                    continue
                user = DeskUser(str(me["name"]), str(me["role"]), str(me["role_label"]), SHOWN_SERVER)
                for width, height in SIZES:
                    window = HqWindow(client, user, settings=Settings(), profile="hq")
                    window.resize(width, height)
                    window.show()
                    for key in keys:
                        page = window.page(key)
                        tabs = page.findChild(QTabWidget) if page is not None else None
                        for tab in range(tabs.count() if tabs is not None else 1):
                            if tabs is not None:  # a page with tabs: each tab is a picture
                                tabs.setCurrentIndex(tab)
                            operations.wait_for_all(30_000)  # the page's reads
                            for _ in range(5):
                                QCoreApplication.processEvents()
                            name = key if tab == 0 else f"{key}-tab{tab + 1}"
                            path = out / lang / f"{name}_{width}x{height}.png"
                            path.parent.mkdir(parents=True, exist_ok=True)
                            window.grab().save(str(path))
                            written.append(path)
                            print(path)
                    window.close()
                    window.deleteLater()
                done.update(keys)
        finally:
            for translator in translators:
                app.removeTranslator(translator)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    rerun = _rerun_under_xvfb(argv)
    if rerun is not None:
        return rerun
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "hq")
    parser.add_argument("--stations", type=int, default=6, help="stations synced from generated profiles (default 6)")
    parser.add_argument("--only", nargs="*", help="page keys to shoot (default: every page in HQ_PAGES)")
    parser.add_argument("--pg", help="a PostgreSQL URL to create the throwaway database with (default STATION_DESK_TEST_PG)")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="station-desk-hqshots-"))
    os.environ["STATION_DESK_HOME"] = str(home)
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")  # tokens in memory only

    from PySide6.QtWidgets import QApplication
    from starlette.testclient import TestClient

    from app.hq.db import make_engine
    from app.hq.server import create_app
    from app.ui import fonts

    app = QApplication([])
    fonts.install_cjk_font(app)
    url, name, admin = _database(args.pg)
    engine = make_engine(url)
    try:
        with TestClient(create_app(engine=engine)) as http:
            tokens = _network(engine, http, args.stations)
            written = _shoot(app, http, tokens, args.out, args.only)
    finally:
        engine.dispose()
        _drop(name, admin)
        shutil.rmtree(home, ignore_errors=True)
    print(f"{len(written)} screenshots in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
