"""Write the trigger SQL a station migration installs into app/migrations/triggers/r<REV>.py.

Migrations must not run live code that may change later (app.sync.capture), so each one
that (re)installs the change-capture triggers carries the SQL as it was when the migration
was written.  When app/sync/capture.py or the synced columns change, write a new migration
that calls `reinstall(bind, r<REV>.TRIGGERS)` and freeze its SQL with:

    python tools/freeze_triggers.py REV      (REV: the new migration's revision, e.g. 0008)

The frozen SQL is what the live capture code installs on a schema migrated up to REV.
tests/test_migration_triggers.py checks that the head migration's triggers equal what
app.sync.capture installs today, so a capture change without a migration fails the suite.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.models import migrate  # noqa: E402
from app.sync import capture  # noqa: E402


def frozen_sql(rev: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/freeze.db")
        with engine.begin() as conn:
            migrate.upgrade(conn, rev)
            capture.install(conn)
            rows = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\' ORDER BY name"
            ).all()
        engine.dispose()
    return [r[0] for r in rows]


def main() -> None:
    rev = sys.argv[1]
    statements = frozen_sql(rev)
    body = "\n".join(f"    {s!r}," for s in statements)
    out = REPO / "app" / "migrations" / "triggers" / f"r{rev}.py"
    out.write_text(
        f'"""Change-capture triggers as migration {rev} installs them (frozen by tools/freeze_triggers.py;\n'
        f'never edit: write a new migration instead)."""\n\nTRIGGERS: tuple[str, ...] = (\n{body}\n)\n',
        encoding="utf-8",
    )
    print(f"{out.relative_to(REPO)}: {len(statements)} triggers")


if __name__ == "__main__":
    main()
