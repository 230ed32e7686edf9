"""`station-desk sync` as a real process against a real `station-desk-hq serve`,
SIGKILLed at random points, restarted, and finally complete with the invariants holding."""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, text

from app.models import Enterprise
from app.services.station.profiles import open_profile
from app.sync.protocol import PROTOCOL_HEADER

from .conftest import new_enrol_code
from .helpers import add_work, assert_station_equals_hq, outbox_size

REPO = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(r"^pushed=\d+ pulled=\d+ rejected=\d+ conflicts=\d+ seconds=[\d.]+$", re.MULTILINE)
KILLS = 6  # rounds; more are run (up to MAX_ROUNDS) until at least MIN_KILLS hit a running sync
MIN_KILLS = 3
MAX_ROUNDS = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(hq_url: str) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.hq.cli", "serve", "--db", hq_url, "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{url}/v1/hello", headers={PROTOCOL_HEADER: "1"}, timeout=1).status_code == 401:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("station-desk-hq serve did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _env(home: Path, keyring_backend: str = "tests.sync.file_keyring.FileKeyring") -> dict[str, str]:
    return dict(os.environ, STATION_DESK_HOME=str(home), PYTHONIOENCODING="utf-8", PYTHON_KEYRING_BACKEND=keyring_backend,
                STATION_DESK_TEST_KEYRING=str(home / "test-keyring.json"))


def _desk(home: Path, *args: str, **kw: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.main", *args], cwd=REPO, env=_env(home, **kw),
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)


def _setup_and_enrol(home: Path, hq_engine: Engine, server: str, code: str, **kw: str) -> subprocess.CompletedProcess[str]:
    done = _desk(home, "setup", "--code", code, "--name", f"{code} 服务站", "--district", "天河区", "--manager", "陈晓明")
    assert done.returncode == 0, done.stderr
    return _desk(home, "enroll", "--server", server, "--code", new_enrol_code(hq_engine, code), **kw)


def test_sync_killed_at_random_points_completes_with_invariants(server: str, hq_engine: Engine, station_home: Path) -> None:
    seed = int(os.environ.get("STATION_DESK_KILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    enrolled = _setup_and_enrol(station_home, hq_engine, server, "GZ-KILL")
    assert enrolled.returncode == 0, enrolled.stderr
    assert "已登记到服务总站" in enrolled.stdout
    db = open_profile("default")
    try:
        with db.engine.connect() as conn:
            station_id = __import__("uuid").UUID(conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key='station_id'").scalar())
        ids = add_work(db, station_id, 1500, seed=seed % 1000)
        kills = 0
        round_no = 0
        while round_no < KILLS or (kills < MIN_KILLS and round_no < MAX_ROUNDS):
            proc = subprocess.Popen([sys.executable, "-m", "app.main", "sync", "--page-size", str(rng.choice([50, 200]))],
                                    cwd=REPO, env=_env(station_home), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    text=True, encoding="utf-8")
            # Kill after a random number of progress lines (a push batch or a pulled page each),
            # then a random moment more: inside a page, between pages, or while waiting for HQ.
            # Few lines and short waits: a round's sync is one push batch and a few pages since HQ
            # stopped sending a station's own rows back, over well within a second (with up to 10
            # lines and 0.3 s, seed 56126 caught a running sync once in 20 rounds).
            for _ in range(rng.randint(0, 3)):
                if not proc.stdout.readline():  # type: ignore[union-attr]
                    break
            time.sleep(rng.uniform(0, 0.1))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.communicate(timeout=120)
            with db.begin() as s:  # the office keeps working between attempts
                s.get(Enterprise, ids[rng.randrange(len(ids))]).notes = f"第{round_no}轮修改"
                s.get(Enterprise, ids[round_no]).deleted = True
            ids += add_work(db, station_id, 150, seed=seed % 1000 + round_no + 1)
            round_no += 1
        final = _desk(station_home, "sync", "--check")
        assert final.returncode == 0, f"seed {seed}: {final.stderr}"
        assert SUMMARY.search(final.stdout), final.stdout
        assert kills >= MIN_KILLS, f"seed {seed}: only {kills} of {round_no} runs were still going when killed"
        assert outbox_size(db) == 0
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_push_batch").scalar() == 0
        with hq_engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM rejected_write WHERE station_id = :s"), {"s": station_id}).scalar() == 0
            hq_enterprises = conn.execute(text("SELECT count(*) FROM replica_row WHERE tbl = 'enterprise' AND station_id = :s"),
                                          {"s": station_id}).scalar()
        assert hq_enterprises == len(ids)  # nothing duplicated, nothing lost
        assert_station_equals_hq(db, hq_engine, station_id)
    finally:
        db.dispose()


def test_sync_reports_missing_enrolment_revocation_and_insecure_keyring(server: str, hq_engine: Engine, tmp_path: Path) -> None:
    home = tmp_path / "a"
    home.mkdir()
    assert _desk(home, "setup", "--code", "GZ-CLI-A", "--name", "甲站", "--district", "天河区", "--manager", "王五").returncode == 0
    never = _desk(home, "sync")
    assert never.returncode != 0 and "还没有登记" in never.stderr and "Traceback" not in never.stderr

    insecure = tmp_path / "b"
    insecure.mkdir()
    enrolled = _setup_and_enrol(insecure, hq_engine, server, "GZ-CLI-B", keyring_backend="keyring.backends.fail.Keyring")
    assert enrolled.returncode == 0, enrolled.stderr
    assert "内存" in enrolled.stdout  # it says the token lives in memory only
    later = _desk(insecure, "sync", keyring_backend="keyring.backends.fail.Keyring")
    assert later.returncode != 0 and "请重新登记" in later.stderr

    revoked = tmp_path / "c"
    revoked.mkdir()
    assert _setup_and_enrol(revoked, hq_engine, server, "GZ-CLI-C").returncode == 0
    ok = _desk(revoked, "sync")
    assert ok.returncode == 0 and SUMMARY.search(ok.stdout), ok.stderr
    from app.hq import accounts

    with hq_engine.begin() as conn:
        accounts.revoke_station(conn, "GZ-CLI-C")
    refused = _desk(revoked, "sync")
    assert refused.returncode != 0 and "撤销" in refused.stderr and "Traceback" not in refused.stderr
