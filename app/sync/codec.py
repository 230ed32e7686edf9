"""Row values between SQLite storage and the wire, without the ORM.

Wire row: {"tbl", "id", "station_id", "version", "deleted", "data": {column: value}}
(docs/sync-protocol.md, "Wire rows").  Storage is what SQLAlchemy writes on SQLite,
byte for byte, so the ORM reads pulled rows exactly as if it had written them:
- Uuid(as_uuid=True): 32 lowercase hex digits, no dashes (wire: canonical 36-char text);
- UTCDateTime: naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff' (wire: ISO 8601 with +00:00);
- ISODate: 'YYYY-MM-DD' on both sides;  Boolean: 0/1 (wire: true/false);
- ScaledDecimal(2): integer × 100 (wire: decimal string "12.30");
- JSON: json.dumps text with SQLAlchemy's default separators (wire: the JSON value).

Pulling a million rows is dominated by per-value Python calls, so each table gets a
generated function that builds the storage tuple with converters only where a column
needs one (tests check byte identity against Core inserts).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Table, Uuid

from app.models import Base
from app.models.types import ScaledDecimal, UTCDateTime
from app.sync.protocol import LOCAL_ONLY_COLUMNS, ROW_ARRAY_HEAD

TOP_LEVEL = ("id", "station_id", "version", "deleted")


def uuid_in(v: Any) -> str | None:
    if v is None:
        return None
    text: str = v  # wire text; anything else fails below (a pulled row is then quarantined)
    if len(text) == 36:
        return text.replace("-", "").lower()
    return uuid.UUID(text).hex


def uuid_out(h: str | None) -> str | None:
    return None if h is None else f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def dt_in(v: Any) -> str | None:
    if v is None:
        return None
    if len(v) == 32 and v[10] == "T" and v.endswith("+00:00"):
        return f"{v[:10]} {v[11:26]}"
    d = datetime.fromisoformat(v)
    d = d.replace(tzinfo=UTC) if d.tzinfo is None else d.astimezone(UTC)
    return f"{d:%Y-%m-%d %H:%M:%S}.{d.microsecond:06d}"


def dt_out(s: str | None) -> str | None:
    if s is None:
        return None
    if len(s) == 26:
        return f"{s[:10]}T{s[11:]}+00:00"
    return datetime.fromisoformat(s).replace(tzinfo=UTC).isoformat(timespec="microseconds")


def id_time(row_id: str) -> str:
    """The creation time a uuid7 carries (48-bit ms), as stored text; the epoch otherwise."""
    u = uuid.UUID(row_id)
    ms = u.int >> 80 if u.version == 7 else 0
    d = datetime.fromtimestamp(ms / 1000, UTC)
    return f"{d:%Y-%m-%d %H:%M:%S}.{d.microsecond:06d}"


def bool_in(v: Any) -> int | None:
    return None if v is None else (1 if v else 0)


def bool_out(v: Any) -> bool | None:
    return None if v is None else bool(v)


def json_in(v: Any) -> str:
    return json.dumps(v)


def json_out(s: str | None) -> Any:
    return None if s is None else json.loads(s)


def _decimal_in(factor: int) -> Callable[[Any], int | None]:
    scale = Decimal(factor)

    def convert(v: Any) -> int | None:
        if v is None or isinstance(v, int):
            return None if v is None else v * factor
        return int((Decimal(str(v)) * scale).to_integral_value())

    return convert


def _decimal_out(places: int) -> Callable[[Any], str | None]:
    return lambda v: None if v is None else str(Decimal(v).scaleb(-places))


def _converters(column: Any) -> tuple[Callable[[Any], Any] | None, Callable[[Any], Any] | None]:
    kind = column.type
    if isinstance(kind, Uuid):
        return uuid_in, uuid_out
    if isinstance(kind, UTCDateTime):
        return dt_in, dt_out
    if isinstance(kind, ScaledDecimal):
        return _decimal_in(10**kind.places), _decimal_out(kind.places)
    if isinstance(kind, Boolean):
        return bool_in, bool_out
    if isinstance(kind, JSON):
        return json_in, json_out
    return None, None


def _missing_default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        value = default.arg
        return int(value) if isinstance(value, bool) else value
    if isinstance(column.type, JSON):
        return json.dumps(default.arg(None))  # SQLAlchemy wraps callables as fn(context)
    return None


@dataclass(frozen=True)
class TableCodec:
    table: Table
    columns: tuple[str, ...]  # storage order of the tuples below
    to_storage: Callable[[dict[str, Any]], tuple[Any, ...]]
    to_wire: Callable[[tuple[Any, ...]], dict[str, Any]]
    local_columns: frozenset[str]
    # protocol 2 array rows: the data keys this station asks HQ for, in array order
    data_columns: tuple[str, ...] = ()
    from_array: Callable[[list[Any]], tuple[Any, ...]] = tuple

    @property
    def id_position(self) -> int:
        return self.columns.index("id")


# Inline fast paths for the common converters (a function call per value is most of
# the cost of a million-row bootstrap); anything unusual falls back to the function.
_INLINE = {
    "uuid": "    if {v} is not None:\n        {v} = {v}.replace('-', '').lower() if len({v}) == 36 else uuid_in({v})\n",
    "dt": "    if {v} is not None:\n        {v} = {v}[:10] + ' ' + {v}[11:26] if len({v}) == 32 and {v}[26:] == '+00:00' else dt_in({v})\n",
    "bool": "    if {v} is not None:\n        {v} = 1 if {v} else 0\n",
}
# Where an array row (protocol.ROW_ARRAY_HEAD) keeps the top-level values
_ARRAY_AT = {"id": 1, "station_id": 2, "version": 3, "deleted": 4}
_ARRAY_DATA = len(ROW_ARRAY_HEAD)
ROW_ID = "r['id']"


def _inline_kind(cin: Any) -> str | None:
    return {uuid_in: "uuid", dt_in: "dt", bool_in: "bool"}.get(cin)


def _storage_body(table: Table, env: dict[str, Any], source: Callable[[int, str], str], row_id: str) -> str:
    """Statements computing v0…vn from `source(i, name)` and the tuple to return."""
    body, values = [], []
    local = LOCAL_ONLY_COLUMNS.get(table.name, frozenset())
    for i, column in enumerate(table.columns):
        cin = env[f"i{i}"]
        if column.name in local:
            values.append(f"m{i}")  # never on the wire; an insert gets the default, an update keeps ours
        elif cin is dt_in and not column.nullable and env[f"m{i}"] is None:
            # a NOT NULL timestamp HQ did not send (published reference rows): the time in the uuid7 id
            body.append(f"    v{i} = {source(i, column.name)}\n" + _INLINE["dt"].format(v=f"v{i}")
                        + f"    if v{i} is None:\n        v{i} = id_time({row_id})\n")
            values.append(f"v{i}")
        elif (kind := _inline_kind(cin)) is not None:
            body.append(f"    v{i} = {source(i, column.name)}\n" + _INLINE[kind].format(v=f"v{i}"))
            values.append(f"v{i}")
        elif cin is not None and not isinstance(column.type, JSON):  # JSON stores None as 'null'
            body.append(f"    v{i} = {source(i, column.name)}\n    if v{i} is not None:\n        v{i} = i{i}(v{i})\n")
            values.append(f"v{i}")
        else:
            values.append(f"i{i}({source(i, column.name)})" if cin else source(i, column.name))
    return f"{''.join(body)}    return ({', '.join(values)},)\n"


def _build(table: Table) -> TableCodec:
    names = tuple(c.name for c in table.columns)
    env: dict[str, Any] = {"dt_in": dt_in, "id_time": id_time, "uuid_in": uuid_in}
    top, data = [], []
    local = LOCAL_ONLY_COLUMNS.get(table.name, frozenset())
    wanted = tuple(n for n in names if n not in TOP_LEVEL and n not in local)
    for i, column in enumerate(table.columns):
        cin, cout = _converters(column)
        env[f"i{i}"], env[f"o{i}"], env[f"m{i}"] = cin, cout, _missing_default(column)
        value = f"{column.name!r}: " + (f"o{i}(t[{i}])" if cout else f"t[{i}]")
        if column.name in TOP_LEVEL:
            top.append(value)
        elif column.name not in local:
            data.append(value)

    def from_dict(i: int, name: str) -> str:
        if name in ("id", "version"):
            return f"r[{name!r}]"
        return f"r.get({name!r})" if name in TOP_LEVEL else f"g({name!r}, m{i})"

    def from_list(i: int, name: str) -> str:
        return f"a[{_ARRAY_AT[name]}]" if name in _ARRAY_AT else f"a[{_ARRAY_DATA + wanted.index(name)}]"

    source = (
        f"def to_storage(r):\n    g = r['data'].get\n{_storage_body(table, env, from_dict, ROW_ID)}"
        f"def to_wire(t):\n    return {{'tbl': {table.name!r}, {', '.join(top)}, 'data': {{{', '.join(data)}}}}}\n"
        # a row missing some keys takes the object path, where a missing key means the default
        f"def from_array(a):\n    if a[6] is not None:\n        return to_storage(as_object(a))\n"
        f"{_storage_body(table, env, from_list, 'a[1]')}"
    )
    env["as_object"] = lambda a: _array_as_object(a, wanted)
    exec(compile(source, f"<codec {table.name}>", "exec"), env)  # noqa: S102 — generated from our own metadata
    return TableCodec(table, names, env["to_storage"], env["to_wire"], frozenset(local), wanted, env["from_array"])


def _array_as_object(a: list[Any], wanted: tuple[str, ...]) -> dict[str, Any]:
    absent = set(a[6])
    data = {name: a[_ARRAY_DATA + j] for j, name in enumerate(wanted) if name not in absent}
    return {"tbl": a[0], "id": a[1], "station_id": a[2], "version": a[3], "deleted": a[4], "field_hlc": a[5], "data": data}


def wire_columns(tables: Iterable[str]) -> dict[str, list[str]]:
    """The `columns` of a protocol 2 pull: per table, the data keys this station stores."""
    return {t: list(codec(t).data_columns) for t in tables}


@cache
def codec(table_name: str) -> TableCodec:
    return _build(Base.metadata.tables[table_name])
