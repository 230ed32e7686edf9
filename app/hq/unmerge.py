"""Undo a credit-code merge (`station-desk-hq unmerge`), from what its merge record kept
(app.hq.dedupe.merge_into): both enterprises live again with their own data, and the
rows and aliases the merge re-pointed point back at the merged enterprise.

- The merged enterprise gets its data as it was merged, live, with HQ's stamp on
  `deleted` (a stale station copy of the tombstone cannot delete it again).  Its row is
  re-inserted if the tombstone has since been purged.
- The survivor loses the fields the merge filled in, where they still hold the merged
  value (a later edit of such a field is kept).
- Rows that named the merged enterprise (or an id merged into it) and were re-pointed
  at the survivor, by the merge or on arrival afterwards (enterprise_ref_origin), go
  back, unless they have been moved to another enterprise since.
- The pair is marked as two enterprises: the same credit code never merges them again
  automatically (app.hq.dedupe.find_live_by_code); HQ corrects the code if it is wrong.
Every changed row gets a new version, so each station's next pull carries the undo.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.domain.messages import Msg
from app.hq import dedupe
from app.hq.apply_context import now_ms
from app.sync.protocol import hlc_from_ms


class UnmergeError(Exception):
    """A merge that cannot be undone; `args[0]` is a Chinese message."""


@dataclass(frozen=True)
class UnmergeResult:
    merge_id: int
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    restored_fields: list[str]  # survivor fields put back to their value before the merge
    references: int  # rows pointed back at the merged enterprise
    aliases: int  # earlier merged ids pointed back at it


def find_merge(conn: Connection, ref: str) -> int:
    """A merge number, or a merged enterprise's id (its latest merge not undone)."""
    if ref.strip().isdigit():
        return int(ref.strip())
    try:
        merged = uuid.UUID(ref.strip())
    except ValueError:
        raise UnmergeError(Msg("“%1”既不是合并编号，也不是企业编号（uuid）。", ref)) from None
    found = conn.execute(
        text("SELECT max(id) FROM merge_record WHERE merged_id = :m AND undone_at IS NULL"), {"m": merged}
    ).scalar()
    if found is None:
        raise UnmergeError(Msg("企业 %1 没有可撤销的合并。", merged))
    return int(found)


def unmerge(conn: Connection, merge_id: int, undone_by: str, at_ms: int | None = None) -> UnmergeResult:
    """Undo merge `merge_id` inside the caller's transaction."""
    rec = conn.execute(text("SELECT * FROM merge_record WHERE id = :i FOR UPDATE"), {"i": merge_id}).first()
    if rec is None:
        raise UnmergeError(Msg("找不到编号为 %1 的合并。", merge_id))
    if rec.undone_at is not None:
        raise UnmergeError(Msg("合并 %1 已于 %2 由 %3 撤销。", merge_id, format(rec.undone_at, '%Y-%m-%d %H:%M'), rec.undone_by or '服务总站'))
    if rec.merged_data is None or rec.survivor_before is None:
        raise UnmergeError(Msg("合并 %1 发生在服务总站保留合并前数据之前，无法自动撤销。", merge_id))
    later = conn.execute(
        text("SELECT max(id) FROM merge_record WHERE merged_id = :s AND undone_at IS NULL"), {"s": rec.survivor_id}
    ).scalar()
    if later is not None:
        raise UnmergeError(Msg("保留下来的企业 %1 后来又被合并（合并编号 %2），请先撤销那次合并。", rec.survivor_id, later))
    merged_data: dict[str, Any] = rec.merged_data
    dedupe.lock_codes(conn, {rec.credit_code, dedupe.code_of(merged_data["data"])})
    survivor = _lock_both(conn, rec.survivor_id, rec.merged_id)
    stamp_ms = at_ms or now_ms()
    restored = _restore_survivor(conn, survivor, rec.survivor_before, rec.filled or {}, stamp_ms)
    _revive_merged(conn, rec.merged_id, merged_data, stamp_ms)
    aliases = conn.execute(
        text(
            "UPDATE enterprise_alias SET survivor_id = :m WHERE survivor_id = :s "
            "AND merged_id = ANY(CAST(:ids AS uuid[]))"
        ),
        {"m": rec.merged_id, "s": rec.survivor_id, "ids": "{" + ",".join(rec.aliases or []) + "}"},
    ).rowcount
    conn.execute(text("DELETE FROM enterprise_alias WHERE merged_id = :m"), {"m": rec.merged_id})
    references = _point_back(conn, rec.survivor_id, rec.merged_id)
    undo = "UPDATE merge_record SET undone_at = now(), undone_by = :by WHERE id = :i"
    conn.execute(text(undo), {"i": merge_id, "by": undone_by})
    return UnmergeResult(merge_id, rec.survivor_id, rec.merged_id, restored, references, aliases)


def _lock_both(conn: Connection, survivor_id: uuid.UUID, merged_id: uuid.UUID) -> Any:
    rows = {r.id: r for r in (dedupe.lock_row(conn, i) for i in sorted([survivor_id, merged_id])) if r is not None}
    survivor = rows.get(survivor_id)
    if survivor is None or survivor.deleted:
        raise UnmergeError(Msg("保留下来的企业 %1 已被删除，无法撤销合并；请先恢复它。", survivor_id))
    return survivor


def _hq_stamp(stamp_ms: int, *clocks: dict[str, int]) -> int:
    """HQ's stamp for a write: after every stamp the row has (as app.hq.hq_edits does)."""
    return max([hlc_from_ms(stamp_ms), *(h + 1 for c in clocks for h in c.values())])


def _restore_survivor(
    conn: Connection, survivor: Any, before: dict[str, Any], filled: dict[str, Any], stamp_ms: int
) -> list[str]:
    data, hlc, src = dict(survivor.data), dict(survivor.field_hlc or {}), dict(survivor.field_station or {})
    stamp = _hq_stamp(stamp_ms, hlc)
    restored = []
    for name, value in sorted(filled.items()):
        if data.get(name) != value:
            continue  # edited since the merge: the later value stays
        if name in before["data"]:
            data[name] = before["data"][name]
        else:
            data.pop(name, None)
        hlc[name], src[name] = stamp, ""
        restored.append(name)
    # a new version even when nothing was filled in: the survivor's conflict entries and
    # references move, and stations should re-read it
    conn.execute(
        text(
            "UPDATE replica_row SET data = CAST(:d AS jsonb), field_hlc = CAST(:h AS jsonb), "
            "field_station = CAST(:s AS jsonb), version = version + 1, updated_at = now() "
            "WHERE tbl = 'enterprise' AND id = :i"
        ),
        {"i": survivor.id, "d": _j(data), "h": _j(hlc), "s": _j(src)},
    )
    return restored


def _revive_merged(conn: Connection, merged_id: uuid.UUID, merged: dict[str, Any], stamp_ms: int) -> None:
    data = {k: v for k, v in merged["data"].items() if k != "merged_into"}
    hlc, src = dict(merged["field_hlc"] or {}), dict(merged["field_station"] or {})
    stored = conn.execute(
        text("SELECT field_hlc FROM replica_row WHERE tbl = 'enterprise' AND id = :i"), {"i": merged_id}
    ).scalar()
    hlc["deleted"], src["deleted"] = _hq_stamp(stamp_ms, hlc, stored or {}), ""
    owner = uuid.UUID(merged["station_id"]) if merged.get("station_id") else None
    conn.execute(
        text(
            "INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc, field_station) "
            "VALUES ('enterprise', :i, :o, 1, false, CAST(:d AS jsonb), CAST(:h AS jsonb), CAST(:s AS jsonb)) "
            "ON CONFLICT (tbl, id) DO UPDATE SET version = replica_row.version + 1, deleted = false, "
            "station_id = EXCLUDED.station_id, data = EXCLUDED.data, field_hlc = EXCLUDED.field_hlc, "
            "field_station = EXCLUDED.field_station, updated_at = now()"
        ),
        {"i": merged_id, "o": owner, "d": _j(data), "h": _j(hlc), "s": _j(src)},
    )


def _point_back(conn: Connection, survivor_id: uuid.UUID, merged_id: uuid.UUID) -> int:
    """Rows at the survivor that once named the merged enterprise, or an id merged into
    it (its aliases, already pointed back), go back to it."""
    return conn.execute(
        text(
            "UPDATE replica_row r SET data = jsonb_set(r.data, '{enterprise_id}', to_jsonb(CAST(:m AS text))), "
            "version = r.version + 1, updated_at = now() "
            "WHERE r.tbl = ANY(CAST(:tbls AS text[])) AND r.data->>'enterprise_id' = :s AND EXISTS ("
            "SELECT 1 FROM enterprise_ref_origin o WHERE o.tbl = r.tbl AND o.row_id = r.id AND (o.named_id = :mid "
            "OR o.named_id IN (SELECT merged_id FROM enterprise_alias WHERE survivor_id = :mid)))"
        ),
        {"m": str(merged_id), "mid": merged_id, "s": str(survivor_id), "tbls": list(dedupe.ENTERPRISE_REF_TABLES)},
    ).rowcount


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
