"""Plain http:// only on this machine unless the user insisted (issue 10, finding 6): the
client refuses it before any byte is sent, `--insecure-http` is kept with the enrolment so
later syncs keep it, and the window shows a red warning (tests/ui/test_sync_quarantine_page.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.models.database import open_database
from app.sync.client import (
    InsecureTransportError,
    SyncClient,
    is_loopback,
    plain_http_over_network,
)
from app.sync.enrolment import INSECURE_KEY, enroll, open_client

from .conftest import new_enrol_code

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("url", "network"),
    [("http://hq.example.gov.cn", True), ("http://10.1.2.3:8000", True), ("HTTP://Example.com/", True),
     ("http://localhost:8000", False), ("http://127.0.0.1", False), ("http://127.8.9.10:1", False),
     ("http://[::1]:8000", False), ("http://app.localhost", False), ("https://hq.example.gov.cn", False),
     ("http://127.0.0.1.example.com", True), ("http://localhost.example.com", True)],
)
def test_plain_http_is_told_apart_from_loopback(url: str, network: bool) -> None:
    assert plain_http_over_network(url) is network
    assert is_loopback(None) is False


def test_the_client_refuses_plain_http_to_another_host_before_connecting() -> None:
    with pytest.raises(InsecureTransportError) as refused:
        SyncClient("http://hq.example.gov.cn")
    assert "http://" in refused.value.message and "--insecure-http" in refused.value.message
    assert "https://" in refused.value.message
    SyncClient("http://127.0.0.1:9").close()  # loopback: a local test service
    SyncClient("http://hq.example.gov.cn", insecure_http=True).close()
    SyncClient("https://hq.example.gov.cn").close()


def _desk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STATION_DESK_HOME=str(home), PYTHONIOENCODING="utf-8",
               PYTHON_KEYRING_BACKEND="tests.sync.file_keyring.FileKeyring", STATION_DESK_TEST_KEYRING=str(home / "kr.json"))
    return subprocess.run([sys.executable, "-m", "app.main", *args], cwd=REPO, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)


def test_enroll_command_refuses_plain_http_unless_insecure_http(tmp_path: Path) -> None:
    home = tmp_path / "desk"
    home.mkdir()
    assert _desk(home, "setup", "--code", "GZ-HTTP", "--name", "明文测试站", "--district", "天河区", "--manager", "陈晓明").returncode == 0
    # 192.0.2.0/24 is TEST-NET-1: nothing answers there
    refused = _desk(home, "enroll", "--server", "http://192.0.2.1:9", "--code", "ABCD")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "不加密的 http://" in refused.stderr and "--insecure-http" in refused.stderr, refused.stderr
    assert "网络不通" not in refused.stderr  # refused before connecting

    tried = _desk(home, "enroll", "--server", "http://192.0.2.1:9", "--code", "ABCD", "--insecure-http")
    assert tried.returncode != 0 and "不加密" not in tried.stderr  # allowed: it went on and found no server
    assert "无法连接" in tried.stderr or "超时" in tried.stderr, tried.stderr


def test_insecure_http_is_kept_with_the_enrolment(hq_engine: Engine, hq_http: object, tmp_path: Path,
                                                  memory_keyring: object) -> None:
    """Later syncs (open_client builds the real transport) keep what the enrolment allowed."""
    allowed, plain = open_database(tmp_path / "allowed.db"), open_database(tmp_path / "plain.db")
    try:
        enroll(allowed, "http://testserver", new_enrol_code(hq_engine, "GZ-HTTP-OK"), http=hq_http, insecure_http=True)
        enroll(plain, "http://testserver", new_enrol_code(hq_engine, "GZ-HTTP-NO"), http=hq_http)
        with allowed.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = ?", (INSECURE_KEY,)).scalar() == "1"
        with open_client(allowed) as client:
            assert client.insecure_http
        with pytest.raises(InsecureTransportError):
            open_client(plain)
    finally:
        allowed.dispose()
        plain.dispose()
