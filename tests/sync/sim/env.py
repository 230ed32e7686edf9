"""Where a simulation runs: HQ's engine tuned for tests, SQLite files on tmpfs, the tables a seed clears."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

SERVER = "http://testserver"
HQ_TABLES = (
    "replica_row", "applied_batch", "conflict_log", "merge_record", "enterprise_alias", "rejected_write",
    "station_account", "enterprise_request", "enterprise_ref_origin",
)


def fast_engine(url: str) -> Engine:
    """HQ engine for simulations: same code, commits without fsync, no pre-ping."""
    from sqlalchemy import create_engine

    from app.hq.db import normalise_url

    return create_engine(normalise_url(url), pool_size=10, max_overflow=20,
                         connect_args={"options": "-c synchronous_commit=off"})


@contextlib.contextmanager
def scratch_dir(fallback: Path) -> Iterator[Path]:
    """SQLite files on tmpfs when there is one (commits cost no fsync), else `fallback`."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield fallback
        return
    path = Path(tempfile.mkdtemp(prefix="sd-sim-", dir=shm))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
