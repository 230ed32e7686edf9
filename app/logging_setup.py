"""A rotating log file in the user log directory (or $STATION_DESK_HOME/logs)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app import paths

_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def log_file() -> Path:
    return paths.log_dir() / "station-desk.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Idempotent: a second call (tests, GUI after CLI) adds no second handler."""
    target = log_file()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == target:
            return target
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return target
