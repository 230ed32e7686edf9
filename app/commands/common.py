"""Helpers shared by the headless commands: open the profile, report errors plainly."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.models.database import Database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return code


def open_db(args: argparse.Namespace) -> Database | None:
    """The profile's database, or None after printing why it cannot be opened."""
    # Imported here: `station-desk` without a command paints its window before SQLAlchemy loads.
    from app.models.database import DatabaseOpenError
    from app.services.station.profiles import open_profile

    try:
        return open_profile(args.profile_name)
    except DatabaseOpenError as exc:
        fail(f"{exc.user_message}（{exc.path}）")
        return None
