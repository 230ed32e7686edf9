"""Opening a station's SQLite file: checked read-only first, migrated only when safe.

A corrupt file or one written by a newer Station Desk is never touched; the
caller gets an error carrying a Chinese message and decides (open a backup or a
new profile).  Before any migration the file is backed up.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.domain.periods import CHINA_TIME
from app.models import migrate

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(Exception):
    """A database that cannot be opened safely.  `user_message` is shown as is."""

    def __init__(self, path: Path, user_message: str, detail: str = "") -> None:
        super().__init__(f"{path}: {detail or user_message}")
        self.path = path
        self.user_message = user_message
        self.detail = detail


class CorruptDatabaseError(DatabaseOpenError):
    pass


class NewerSchemaError(DatabaseOpenError):
    pass


@dataclass(frozen=True)
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One transaction: commits on success, rolls back on any exception."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def inspect_file(path: Path) -> str | None:
    """Read-only look at an existing file: its Alembic revision, or raise.

    Uses the sqlite3 module in `mode=ro` so nothing (not even a WAL file) is created
    when the file turns out to be unusable.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise CorruptDatabaseError(path, f"无法读取数据文件：{exc.strerror}。", str(exc)) from exc
    if header != SQLITE_HEADER:
        raise CorruptDatabaseError(path, "数据文件已损坏（不是有效的数据库文件）。", "bad header")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise CorruptDatabaseError(
                        path, "数据文件不是本程序创建的，或其结构已损坏。", f"tables without alembic_version: {sorted(tables)[:5]}"
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(path, "数据文件已损坏，无法读取。", str(exc)) from exc
    revision = row[0] if row else None
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerSchemaError(
            path,
            "这个数据文件由更新版本的服务站工作台创建，当前版本无法打开。请升级程序后再打开。",
            f"unknown revision {revision}",
        )
    return revision


def backup_file(path: Path, backups: Path, reason: str) -> Path:
    """A consistent copy through SQLite's backup API (safe while the file is in use)."""
    backups.mkdir(parents=True, exist_ok=True)
    target = backups / f"{path.stem}-{datetime.now(CHINA_TIME):%Y%m%d-%H%M%S}-{reason}.db"
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def prune_backups(backups: Path, keep: int) -> None:
    files = sorted(backups.glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def open_database(path: Path, backups: Path | None = None) -> Database:
    """Open (creating if absent) and migrate to head.  Raises DatabaseOpenError subclasses."""
    existed = path.exists() and path.stat().st_size > 0
    revision = inspect_file(path) if existed else None
    head = migrate.head_revision()
    if existed and revision is not None and revision != head and backups is not None:
        backup_file(path, backups, f"before-{head}")
    engine = make_engine(path)
    if revision != head:
        with engine.begin() as connection:
            migrate.upgrade(connection)
        log.info("database %s migrated %s -> %s", path, revision, head)
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False))
