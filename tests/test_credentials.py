"""Secrets go to the OS secure store or stay in memory; never to a file or a log."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from app import credentials
from app.logging_setup import setup_logging


@pytest.fixture(autouse=True)
def _fresh_memory() -> Iterator[None]:
    credentials._memory.clear()
    yield
    credentials._memory.clear()


@pytest.fixture
def fail_keyring() -> Iterator[KeyringBackend]:
    previous = keyring.get_keyring()
    backend = keyring.backends.fail.Keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def log_to_home(station_home: Path) -> Iterator[Path]:
    """Route the root logger into the temporary home, as the app does, so the grep sees it."""
    target = setup_logging()
    yield target
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(target):
            root.removeHandler(handler)
            handler.close()


def _files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


def test_secret_round_trips_through_a_secure_backend(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    assert credentials.backend_status().secure

    result = credentials.store_secret("sync-token", "s3cret-值")

    assert result.persisted
    assert memory_keyring.store[(credentials.SERVICE, "sync-token")] == "s3cret-值"
    assert credentials.load_secret("sync-token") == "s3cret-值"
    credentials.delete_secret("sync-token")
    assert credentials.load_secret("sync-token") is None
    credentials.delete_secret("sync-token")  # deleting twice is harmless


def test_fail_backend_keeps_secret_in_memory_only(
    fail_keyring: KeyringBackend, station_home: Path, log_to_home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret = f"token-{uuid.uuid4().hex}"
    caplog.set_level(logging.WARNING, logger="app.credentials")

    status = credentials.backend_status()
    result = credentials.store_secret("sync-token", secret)

    assert not status.secure
    assert status.name == "keyring.backends.fail.Keyring"
    assert not result.persisted
    assert result.message_zh == credentials.INSECURE_MESSAGE_ZH
    assert "安全凭据存储" in result.message_zh and "内存" in result.message_zh
    assert credentials.load_secret("sync-token") == secret  # usable for this run
    # Something was logged, but not the secret, and nothing on disk holds it.
    assert any("memory only" in r.getMessage() for r in caplog.records)
    assert all(secret not in r.getMessage() for r in caplog.records)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_to_home.exists() and log_to_home.stat().st_size > 0
    assert _files_containing(station_home, secret) == []

    credentials.delete_secret("sync-token")
    assert credentials.load_secret("sync-token") is None


def test_plaintext_keyrings_alt_backend_is_refused() -> None:
    class PlaintextKeyring(KeyringBackend):
        priority = 5  # type: ignore[assignment]  # high on purpose: the module decides

        def __init__(self) -> None:
            super().__init__()
            self.written: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.written.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.written[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.written.pop((service, username), None)

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    backend = PlaintextKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        status = credentials.backend_status()
        result = credentials.store_secret("sync-token", "plain")
        assert not status.secure
        assert status.name.startswith("keyrings.alt.file.")
        assert not result.persisted
        assert backend.written == {}  # the plaintext backend was never handed the secret
        backend.written[(credentials.SERVICE, "other")] = "left-by-someone"
        assert credentials.load_secret("other") is None  # nor is it read back
    finally:
        keyring.set_keyring(previous)


def test_low_priority_backend_is_refused(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    type(memory_keyring).priority = 0.5  # type: ignore[assignment]
    assert not credentials.backend_status().secure
    assert not credentials.store_secret("sync-token", "x").persisted
    assert memory_keyring.store == {}


def test_real_default_backend_round_trip_across_processes() -> None:
    """Uses whatever keyring the machine has.  Under installer/test.sh that is gnome-keyring's
    Secret Service (Linux) or the Windows Credential Locker; a plaintext or missing backend fails."""
    status = credentials.backend_status()
    assert status.secure, f"no secure keyring backend here ({status.name}); run the suite via installer/test.sh"
    name = f"test-{uuid.uuid4().hex}"
    secret = f"real-{uuid.uuid4().hex}"
    probe = (
        "import sys, keyring; "
        f"v = keyring.get_password({credentials.SERVICE!r}, {name!r}); "
        "sys.stdout.write('<none>' if v is None else v)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    try:
        result = credentials.store_secret(name, secret)
        assert result.persisted, result.message_zh
        credentials._memory.clear()  # prove it is read from the store, not this process
        assert credentials.load_secret(name) == secret
        fresh = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
        assert fresh.returncode == 0, fresh.stderr
        assert fresh.stdout == secret
    finally:
        credentials.delete_secret(name)
    assert credentials.load_secret(name) is None
    gone = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert gone.stdout == "<none>", gone.stderr
