"""Request shapes of the sync endpoints (docs/sync-protocol.md, "Endpoints").

Anything a client sends is checked here before it touches the database: a message
that does not fit is refused whole (4xx, nothing written).  Row *content* that fits
the shape but breaks a rule (ownership, state machine) is a per-row rejection in
app.hq.push instead, so one poisoned row never blocks a batch.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
)

from app.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    MAX_PUSH_ROWS,
    MAX_ROW_ARRAY_COLUMNS,
    SYNCED_TABLES,
    rule_data,
)

TableName = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
Hlc = Annotated[StrictInt, Field(ge=0, lt=1 << 63)]
Txid = Annotated[StrictStr, Field(pattern=r"^[0-9]{1,19}$")]
MAX_DEPTH = 24
_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")  # JSON's escape of NUL, after an even run of backslashes
# The data the row rules judge: one definition for HQ and the station's pull (app/sync/row_guard.py).
clean_data = rule_data


def check_json_value(value: Any) -> None:
    """Raise ValueError for what PostgreSQL's jsonb refuses or what we never send:
    NUL characters, lone surrogates, NaN/Infinity, absurd nesting."""
    if type(value) is dict and _flat_and_clean(value):
        return
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
        encoded.encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError, RecursionError) as exc:
        raise ValueError(f"not storable as JSON: {type(exc).__name__}") from exc
    if "\\u0000" in encoded and _NUL_ESCAPE.search(encoded):  # not a typed backslash followed by "u0000"
        raise ValueError("NUL character in text")
    if encoded.count("{") + encoded.count("[") > MAX_DEPTH:  # cheap test first: most rows are flat
        _check_depth(value, 0)


_SCALARS = (int, bool, type(None))


def _flat_and_clean(value: dict[Any, Any]) -> bool:
    """True when `value` is an object of text keys and JSON scalars that the full check passes:
    no container (no nesting to measure), no NaN/Infinity, and its texts together hold no NUL
    and no lone surrogate.  False: the full check decides (it refuses or passes as it always did).
    Most rows are such objects: a push's 20 rows took 187 µs in the full check (a json.dumps, an
    encode and a search each), ~30 µs here (benchmarks/README.md, "Session 9")."""
    texts = []
    for key, item in value.items():
        if type(key) is not str:
            return False
        kind = type(item)
        if kind is str:
            texts.append(item)
        elif kind is float:
            if not math.isfinite(item):
                return False
        elif kind not in _SCALARS:
            return False
        texts.append(key)
    joined = "".join(texts)
    if joined.isascii():  # CPython knows this without looking: no surrogate, and NUL is ASCII
        return "\x00" not in joined
    if "\x00" in joined:
        return False
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


def _check_depth(value: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError("nesting too deep")
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            _check_depth(item, depth + 1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class WireRow(Strict):
    tbl: TableName
    id: uuid.UUID
    station_id: uuid.UUID | None = None
    version: Annotated[StrictInt, Field(ge=0, lt=1 << 63)] = 0
    deleted: StrictBool = False
    data: dict[str, Any]
    field_hlc: dict[str, Hlc] | None = None
    # optional: per field, the stamp of the value the station had before its own change
    field_base_hlc: dict[str, Hlc] | None = None

    @field_validator("data")
    @classmethod
    def _data(cls, value: dict[str, Any]) -> dict[str, Any]:
        check_json_value(value)
        return value

    @field_validator("field_hlc", "field_base_hlc")
    @classmethod
    def _keys(cls, value: dict[str, int] | None) -> dict[str, int] | None:
        if value is not None:
            check_json_value(value)
        return value


class PushRequest(Strict):
    batch_id: uuid.UUID
    rows: Annotated[list[WireRow], Field(max_length=MAX_PUSH_ROWS)]


class Cursor(Strict):
    txid: Txid
    tbl: Annotated[StrictStr, Field(pattern=r"^[a-z0-9_]{0,63}$")]
    id: uuid.UUID
    # bootstrap only: tombstones older than this txid are not sent (see app.hq.pull)
    since: Txid | None = None

    def as_json(self) -> dict[str, str]:
        out = {"txid": self.txid, "tbl": self.tbl, "id": str(self.id)}
        if self.since is not None:
            out["since"] = self.since
        return out


# Names go into the page query as SQL literals: this pattern is what makes that safe.
ColumnName = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{0,62}$")]


class PullRequest(Strict):
    cursor: Cursor | None = None
    limit: Annotated[StrictInt, Field(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT
    table: TableName | None = None
    # protocol 2: rows of these tables travel as arrays of these data keys (app.hq.pull);
    # a table HQ does not know is harmless (it has no rows)
    columns: (
        Annotated[
            dict[TableName, Annotated[list[ColumnName], Field(max_length=MAX_ROW_ARRAY_COLUMNS)]],
            Field(max_length=64),
        ]
        | None
    ) = None

    # the sanity check's figures wanted with the last page (docs/sync-protocol.md, "Sanity check"):
    # the tables named get HQ's (count, hash) in the done page's "check", saving a /v1/check
    figures: Annotated[list[TableName], Field(max_length=len(SYNCED_TABLES))] | None = None

    @field_validator("table")
    @classmethod
    def _table(cls, value: str | None) -> str | None:
        if value is not None and value not in SYNCED_TABLES:
            raise ValueError("unknown table")
        return value

    @field_validator("figures")
    @classmethod
    def _figures(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else known_tables(value)


class TableFigures(Strict):
    count: Annotated[StrictInt, Field(ge=0, lt=1 << 63)]
    hash: Annotated[StrictInt, Field(ge=0, lt=1 << 64)]


class CheckRequest(Strict):
    tables: Annotated[dict[TableName, TableFigures], Field(max_length=len(SYNCED_TABLES))]

    @field_validator("tables")
    @classmethod
    def _known(cls, value: dict[str, TableFigures]) -> dict[str, TableFigures]:
        known_tables(value)
        return value


def known_tables(names: Any) -> Any:
    """`names` (a list or the keys of a dict) when every one is a synced table; else ValueError."""
    unknown = sorted(set(names) - set(SYNCED_TABLES))
    if unknown:
        raise ValueError(f"unknown tables {unknown[:3]}")
    return names


class EnrollRequest(Strict):
    code: Annotated[StrictStr, Field(min_length=1, max_length=64)]
