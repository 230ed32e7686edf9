"""Shared test recipe: offscreen Qt, a temporary STATION_DESK_HOME, an in-memory keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HYPOTHESIS_PROFILE", "ci")


def pytest_configure(config: pytest.Config) -> None:
    # Pin keyring's real default backend before any test defines a KeyringBackend
    # subclass: keyring registers every subclass it sees, so a test's priority-10 fake
    # would otherwise be chosen as "the default" and restored as such by fixtures.
    import keyring

    keyring.get_keyring()


@pytest.fixture(scope="session", autouse=True)
def _station_db_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """New station databases are copies of one migrated at the start (tests/station_db.py)."""
    from app.models import database
    from tests.station_db import copying_migrate, migrated_template

    template = migrated_template(tmp_path_factory.mktemp("station-template") / "station.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database, "migrate", copying_migrate(template))
        yield template


@pytest.fixture(autouse=True)
def station_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("STATION_DESK_HOME", str(home))
    yield home


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A keyring backend that keeps secrets in a dict (unit tests only)."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 10  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def db(station_home: Path):  # type: ignore[no-untyped-def]
    """A migrated, empty station database in the temporary home."""
    from app.services.station.profiles import open_profile

    database = open_profile("default")
    yield database
    database.dispose()


@pytest.fixture
def station(db):  # type: ignore[no-untyped-def]
    """The desk's station (天河区, GZ-TH-001, manager 陈晓明); a module may define its own."""
    from app.services.station.identity import NewStation, create_station

    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))


@pytest.fixture
def mark_enrolled(db):  # type: ignore[no-untyped-def]
    """Call it to link the profile to HQ as app.sync.enrolment records it (the profile_meta
    keys app.services.station.enrolment_state reads), without a server."""
    from app.models import ProfileMeta
    from app.services.station.enrolment_state import CODE_KEY, SERVER_KEY

    def link(station_code: str = "GZ-TH-001") -> None:
        with db.begin() as s:
            s.add_all([ProfileMeta(key=SERVER_KEY, value="https://hq.example"),
                       ProfileMeta(key=CODE_KEY, value=station_code)])

    return link


# --- Skips must not pass silently ------------------------------------------------
# A skipped test is a test that did not run; in CI that is a failure.  Developers can
# allow skips locally with STATION_DESK_ALLOW_SKIP=1 (never set by installer/test.sh
# or .ci/run).  Expected failures (xfail) are left alone.
ALLOW_SKIP_ENV = "STATION_DESK_ALLOW_SKIP"


def _skips_allowed() -> bool:
    return os.environ.get(ALLOW_SKIP_ENV, "").strip() == "1"


def _fail_skip(report: pytest.CollectReport | pytest.TestReport) -> None:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped, which counts as a failure here (set {ALLOW_SKIP_ENV}=1 to allow locally): {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    if report.skipped and not hasattr(report, "wasxfail") and not _skips_allowed():
        _fail_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):  # type: ignore[no-untyped-def]
    report = yield
    if report.skipped and not _skips_allowed():
        _fail_skip(report)
    return report
