"""The wire contract between stations and HQ (docs/sync-protocol.md).  No Qt, no database.

Both sides import this module; anything that changes the meaning of a message bumps
PROTOCOL_VERSION.
"""

from __future__ import annotations

import base64
import datetime as _dt
import decimal
import hashlib
import json
import threading
import uuid
from collections.abc import Iterable
from typing import Any

import orjson
import zstandard

# 2: a pull may name the data columns it wants per table ("columns"); its rows then
# travel as arrays (docs/sync-protocol.md, "Pull rows as arrays").  HQ answers 1 and 2;
# a client falls back to 1 when an older HQ answers 426.
PROTOCOL_VERSION = 2
SUPPORTED_VERSIONS = frozenset({1, 2})
ROW_ARRAYS_SINCE = 2
# An array row: these seven, then the values of the requested columns in request order.
# `absent` is null, or the requested columns the row's data does not have (the
# receiver gives them the column default, as for a missing key in an object row).
ROW_ARRAY_HEAD = ("tbl", "id", "station_id", "version", "deleted", "field_hlc", "absent")
MAX_ROW_ARRAY_COLUMNS = 90  # PostgreSQL's json_build_array takes at most 100 arguments
PROTOCOL_HEADER = "X-Station-Desk-Protocol"
CONTENT_ENCODING = "zstd"
MAX_PUSH_ROWS = 2000
# HQ's caps on one push request (app/hq/routes/push.py; 413 over either): the body as
# received, and its JSON after decompression.  The client keeps each request's JSON within
# PUSH_BATCH_BYTES (app/sync/push.py `fit_batch`): a margin below both caps, whatever the
# rows compress to (zstd adds a few bytes at most to what it cannot compress).  One row is
# at most MAX_ROW_JSON_CHARS (65,536) characters of data, at most 6 bytes each: ~400 KB.
MAX_PUSH_BODY_BYTES = 16 * 1024 * 1024
MAX_PUSH_JSON_BYTES = 32 * 1024 * 1024
PUSH_BATCH_BYTES = min(MAX_PUSH_BODY_BYTES, MAX_PUSH_JSON_BYTES) * 9 // 10
DEFAULT_PULL_LIMIT = 5000
MAX_PULL_LIMIT = 20000
TOMBSTONE_HORIZON_DAYS = 180
# HQ clamps field stamps further ahead of its own clock than this to its own clock
# (app.hq.merge.clamp_hlc).  Minutes, not a day: a stamp far ahead would pin a field
# against every later edit until the world caught up with it.  The client measures its
# offset to server time at every sync, so an honest station is within a second or so.
MAX_FUTURE_SKEW_MS = 5 * 60 * 1000

UPGRADE_MESSAGE = "服务器要求更新的客户端版本，请升级服务站工作台。"

# Ownership classes (docs/sync-protocol.md, "Ownership").  Order = parents first.
STATION_OWNED: tuple[str, ...] = (
    "staff_member",
    "service_record",
    "demand",
    "demand_transition",
    "event",
    "event_attendance",
    "event_material",
    "annual_report",
    "info_report",
    "period_unlock",
)
HQ_REFERENCE: tuple[str, ...] = (
    "station",
    "policy",
    "service_institution",
    "catalogue_entry",
    "expert",
    "pick_list_item",
)
SHARED: tuple[str, ...] = ("enterprise",)
SYNCED_TABLES: tuple[str, ...] = HQ_REFERENCE + SHARED + STATION_OWNED
# Columns that stay on the station's machine.  The station's signage photo and work-rules
# document are paths into its own profile folder: meaningless anywhere else.
LOCAL_ONLY_COLUMNS: dict[str, frozenset[str]] = {
    "policy": frozenset({"local_note"}),
    "station": frozenset({"signage_photo", "work_rules_document"}),
}
# Row attributes travel beside `data`; a copy inside `data` is ignored.  `merged_into` is
# HQ's own mark on a merged enterprise.
BOOKKEEPING = frozenset({"id", "station_id", "version", "deleted", "merged_into"})


def rule_data(tbl: str, data: dict[str, Any]) -> dict[str, Any]:
    """A row's `data` as the row rules (app.domain.row_rules) judge it, on both sides:
    without bookkeeping and local-only keys."""
    drop = BOOKKEEPING | LOCAL_ONLY_COLUMNS.get(tbl, frozenset())
    return {k: v for k, v in data.items() if k not in drop}


# The `station` row is HQ reference data, except these facts the station reports about
# itself: HQ takes them from a push of the station's OWN row (docs/sync-protocol.md).
STATION_PROFILE_TABLE = "station"
STATION_PROFILE_COLUMNS = frozenset(
    {"signage_hung_on", "work_rules_filed_on", "premises", "equipment", "contact_person", "phone", "address", "host_organisation"}
)

# ("returned", "submitted"): a returned report re-opened (returned → draft) and submitted
# again before the next sync reaches HQ as one move.
ANNUAL_REPORT_STATION_MOVES = frozenset(
    {("draft", "submitted"), ("returned", "draft"), ("returned", "submitted"), ("draft", "draft")}
)
ANNUAL_REPORT_HQ_MOVES = frozenset({("submitted", "accepted"), ("submitted", "returned")})


def ownership(table: str) -> str:
    if table in STATION_OWNED:
        return "station"
    if table in HQ_REFERENCE:
        return "hq"
    if table in SHARED:
        return "shared"
    raise KeyError(table)


# --- HLC ---------------------------------------------------------------------------
def hlc_from_ms(ms: int, counter: int = 0) -> int:
    return (ms << 16) | (counter & 0xFFFF)


def hlc_ms(hlc: int) -> int:
    return hlc >> 16


# --- values ------------------------------------------------------------------------
def _default(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    raise TypeError(f"cannot encode {type(value).__name__}")


def dumps(payload: Any) -> bytes:
    """The JSON of a message as it travels (before compression): what HQ's caps count.

    orjson writes the same bytes as the standard library's compact, non-ASCII form (uuid as
    text; dates and times through `_default`'s isoformat, since orjson's own drops an offset's
    seconds) in a tenth of the time: a 20-row push 137 → 6 µs, and `push.fit_batch` sizes every row with
    it.  What orjson refuses (an integer past 64 bits, a non-text key, a lone surrogate)
    goes the standard library's way, which writes it or raises as it always did."""
    try:
        return orjson.dumps(payload, default=_default, option=orjson.OPT_PASSTHROUGH_DATETIME)
    except orjson.JSONEncodeError:
        return json.dumps(payload, default=_default, ensure_ascii=False, separators=(",", ":")).encode()


_per_thread = threading.local()


def compressor() -> zstandard.ZstdCompressor:
    """This thread's level-3 compressor, made once.  Making one allocates and clears libzstd's
    workspace (~1 MB at level 3): 19 of the 25 µs a small answer's compression took, about 1 %
    of HQ's CPU a sync with its decompressor (benchmarks/README.md, "Session 8").  A compressor
    must not be used by two threads at once, hence one per thread; `compress` is one frame
    from a clean state each call, so the bytes are those a fresh compressor makes."""
    made: zstandard.ZstdCompressor | None = getattr(_per_thread, "compressor", None)
    if made is None:
        made = _per_thread.compressor = zstandard.ZstdCompressor(level=3)
    return made


def encode(payload: Any) -> bytes:
    """JSON then zstd."""
    return compressor().compress(dumps(payload))


def decode(body: bytes, content_encoding: str | None) -> Any:
    """Inverse of encode; plain JSON is accepted when no encoding is declared.

    Raises ValueError for anything that is not a well-formed message.

    The station client reads HQ's answers with it: orjson parses a 400-row pull page in
    about a third of the standard library's time (benchmarks/README.md, "Session 8"), and
    200 stations syncing at once spend a third of their CPU here.  It is stricter than the
    standard library (no NaN, no lone surrogates, nesting capped at 1,024) and keeps integers
    exact up to 2**64 - 1; a larger one becomes a float, as a hostile HQ could send anyway,
    and row_guard judges the row.  HQ reads the stations' requests with the standard library
    (app.hq.http_io.decode_body): exact integers at that boundary, small bodies.
    """
    if content_encoding == CONTENT_ENCODING:
        try:
            body = zstandard.ZstdDecompressor().decompress(body, max_output_size=256 * 1024 * 1024)
        except zstandard.ZstdError as exc:
            raise ValueError(f"bad zstd body: {exc}") from exc
    elif content_encoding not in (None, "", "identity"):
        raise ValueError(f"unsupported content encoding {content_encoding!r}")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:  # also invalid UTF-8, lone surrogates, nesting past 1,024
        raise ValueError(f"bad JSON body: {exc}") from exc


# --- sanity check ------------------------------------------------------------------
_MASK = (1 << 64) - 1


def row_hash(row_id: uuid.UUID | str, version: int) -> int:
    return int(hashlib.md5(f"{row_id}:{version}".encode()).hexdigest()[:16], 16)


def table_hash(rows: Iterable[tuple[uuid.UUID | str, int]]) -> int:
    """Order-independent hash of (id, version) pairs: Σ md5-64 mod 2^64."""
    total = 0
    for row_id, version in rows:
        total = (total + row_hash(row_id, version)) & _MASK
    return total
