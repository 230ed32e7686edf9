"""Headless commands of `station-desk`.  Each module exposes `register(subparsers)`
which adds its parser and sets `handler=` to a function taking the parsed args
and returning an exit code."""

from __future__ import annotations

from types import ModuleType

from app.commands import demo_data_cmd, enroll_cmd, export_cmd, import_cmd, info_cmd, report_cmd, setup_cmd, sync_cmd

COMMANDS: list[ModuleType] = [setup_cmd, info_cmd, demo_data_cmd, enroll_cmd, sync_cmd, import_cmd, export_cmd, report_cmd]
