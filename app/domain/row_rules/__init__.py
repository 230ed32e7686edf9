"""The rules every synced row obeys: one definition for HQ and the station (docs/sync-protocol.md,
"Validation").  Pure Python: no Qt, no database, no services.

- `fields`: what one column accepts (`FieldRule`) and the size limits;
- `tables`: the rule of every synced column, per table (`TABLE_RULES`);
- `check`: `row_problem(tbl, data)`, the first problem of a row, or None.
"""

from __future__ import annotations

from app.domain.row_rules.check import RowProblem, json_chars, row_problem
from app.domain.row_rules.fields import (
    MAX_FREE_TEXT_CHARS,
    MAX_NAME_CHARS,
    MAX_ROW_JSON_CHARS,
    FieldRule,
    Kind,
)
from app.domain.row_rules.tables import TABLE_RULES

__all__ = [
    "MAX_FREE_TEXT_CHARS",
    "MAX_NAME_CHARS",
    "MAX_ROW_JSON_CHARS",
    "TABLE_RULES",
    "FieldRule",
    "Kind",
    "RowProblem",
    "json_chars",
    "row_problem",
]
