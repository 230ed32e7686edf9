"""企业库: the enterprise library across stations, searched a page at a time (never all),
and its possible duplicates (the same name under more than one record).

Paging is by keyset (name, id) on ix_replica_row_enterprise_name (migration 0006): a
page costs the same on the first and the thousandth page.  The total is counted up to
COUNT_CAP and reported as "more than" beyond it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from app.domain import districts
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.enterprise_size import SIZE_LABELS, Size
from app.domain.industry_data import SECTIONS
from app.domain.messages import Msg
from app.hq.libraries import store
from app.hq.libraries.errors import invalid

COUNT_CAP = 10_000
SIZES = {s.value: SIZE_LABELS[s] for s in Size}
_ORDER = "left(coalesce(r.data->>'name', ''), 200)"  # names are at most 200 characters (row rules); a longer
# one written past them must not make the index refuse the write (btree rows are at most 2,704 bytes)


def _choice(value: object, field: str, label: str, choices: dict[str, str] | tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in choices:
        shown = "、".join(choices if isinstance(choices, tuple) else (f"{v}（{k}）" for k, v in choices.items()))
        raise invalid(field, Msg("%1（%2）应为%3之一，留空表示不限。", label, field, shown))
    return value


def _station_id(conn: Connection, code: object) -> Any:
    if code is None or code == "":
        return None
    if not isinstance(code, str) or len(code) > 32 or "\x00" in code:
        raise invalid("station", "服务站（station）应为服务站编码。")
    found = conn.execute(text("SELECT station_id FROM station_account WHERE code = :c"), {"c": code}).scalar()
    if found is None:
        raise invalid("station", Msg("没有编码为“%1”的服务站，请从列表中选择。", code))
    return found


def list_enterprises(conn: Connection, *, text_: object = None, district: object = None, station: object = None,
                     size: object = None, industry: object = None, status: object = None, limit: object = 50,
                     after_name: object = None, after_id: object = None) -> dict[str, Any]:
    """A page of live enterprises of every station by name, after (after_name, after_id)."""
    lim, _ = store.page_args(limit, 0)
    params: dict[str, Any] = {
        "q": store.like(text_), "code": (text_.strip().upper() + "%") if isinstance(text_, str) and text_.strip() else "%",
        "d": _choice(district, "district", "所在区", districts.NAMES), "z": _choice(size, "size", "企业规模", SIZES),
        "i": _choice(industry, "industry", "行业门类", SECTIONS), "st": _choice(status, "status", "经营状态", ENTERPRISE_STATUSES),
        "s": _station_id(conn, station),
    }
    where = ("r.tbl = 'enterprise' AND NOT r.deleted AND (coalesce(r.data->>'name', '') ILIKE :q "
             "OR coalesce(r.data->>'credit_code', '') LIKE :code) "
             "AND (CAST(:d AS text) IS NULL OR r.data->>'district' = :d) AND (CAST(:z AS text) IS NULL OR r.data->>'size' = :z) "
             "AND (CAST(:i AS text) IS NULL OR r.data->>'industry_section' = :i) "
             "AND (CAST(:st AS text) IS NULL OR coalesce(r.data->>'status', 'active') = :st) "
             "AND (CAST(:s AS uuid) IS NULL OR r.station_id = :s)")
    total = conn.execute(text(f"SELECT count(*) FROM (SELECT 1 FROM replica_row r WHERE {where} LIMIT {COUNT_CAP + 1}) x"),
                         params).scalar_one()
    keyset = ""
    if after_id is not None:
        if not isinstance(after_name, str) or len(after_name) > 400 or "\x00" in after_name:
            raise invalid("after_name", "翻页位置（after_name）无效，请回到第一页。")
        params.update(an=after_name, ai=store.parse_id(after_id, "after_id"))
        keyset = f" AND ({_ORDER}, r.id) > (:an, :ai)"
    rows = conn.execute(
        text(f"SELECT r.id, r.data, coalesce(a.code, '') AS station_code FROM replica_row r "
             f"LEFT JOIN station_account a ON a.station_id = r.station_id WHERE {where}{keyset} "
             f"ORDER BY {_ORDER}, r.id LIMIT :lim"),
        {**params, "lim": lim},
    ).all()
    served = _served_by(conn, [str(r.id) for r in rows])
    out = [_row(r, served.get(str(r.id), 0)) for r in rows]
    last = rows[-1] if len(rows) == lim else None
    return {"rows": out, "total": min(total, COUNT_CAP), "more_than_total": total > COUNT_CAP, "limit": lim,
            "next": {"after_name": last.data.get("name") or "", "after_id": str(last.id)} if last else None}


def _row(r: Any, stations: int) -> dict[str, Any]:
    d = r.data
    size = d.get("size")
    return {"id": str(r.id), "name": d.get("name") or "", "credit_code": d.get("credit_code") or "",
            "district": d.get("district") or "", "industry_section": d.get("industry_section") or "",
            "industry_label": SECTIONS.get(d.get("industry_section") or "", ""), "size": size or "",
            "size_label": SIZES.get(size, "") if isinstance(size, str) else "",
            "status": d.get("status") or "active", "station_code": r.station_code, "served_by_stations": stations}


def _served_by(conn: Connection, ids: list[str]) -> dict[str, int]:
    """enterprise id → stations that recorded services for it (ix_replica_row_enterprise_ref)."""
    if not ids:
        return {}
    # one index probe per enterprise (a correlated subquery): `= ANY(page ids)` was planned
    # as a scan of every service record whenever the expression's statistics were missing
    rows = conn.execute(
        text("SELECT w.e, (SELECT count(DISTINCT r.station_id) FROM replica_row r "
             "WHERE r.tbl IN ('service_record', 'demand', 'event_attendance') AND r.data->>'enterprise_id' = w.e "
             "AND NOT r.deleted) AS n FROM unnest(CAST(:ids AS text[])) AS w(e)"),
        {"ids": ids},
    )
    return {r.e: int(r.n) for r in rows}


def possible_duplicates(conn: Connection, *, limit: object = 50, after_name: object = None) -> dict[str, Any]:
    """Names held by more than one live enterprise (the credit-code merge cannot catch
    these: no code, or different codes), by name, a page at a time."""
    lim, _ = store.page_args(limit, 0)
    if after_name is not None and (not isinstance(after_name, str) or len(after_name) > 400 or "\x00" in after_name):
        raise invalid("after_name", "翻页位置（after_name）无效，请回到第一页。")
    groups = conn.execute(
        text(f"SELECT {_ORDER} AS name, count(*) AS n FROM replica_row r WHERE r.tbl = 'enterprise' AND NOT r.deleted "
             f"AND {_ORDER} > coalesce(CAST(:after AS text), '') GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT :lim"),
        {"after": after_name, "lim": lim},
    ).all()
    names = [g.name for g in groups]
    members = conn.execute(
        text(f"SELECT r.id, r.data, coalesce(a.code, '') AS station_code FROM replica_row r "
             f"LEFT JOIN station_account a ON a.station_id = r.station_id WHERE r.tbl = 'enterprise' AND NOT r.deleted "
             f"AND {_ORDER} = ANY(:names) ORDER BY {_ORDER}, r.id"),
        {"names": names},
    ).all() if names else []
    by_name: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
    for m in members:
        by_name[m.data.get("name") or ""].append(_row(m, 0))
    rows = [{"name": n, "count": len(items), "enterprises": items} for n, items in by_name.items()]
    return {"rows": rows, "next": {"after_name": names[-1]} if len(names) == lim else None}


def list_merges(conn: Connection, *, limit: object = 50, offset: object = 0) -> dict[str, Any]:
    """Credit-code merges, newest first (undo with app.hq.libraries.requests.unmerge)."""
    lim, off = store.page_args(limit, offset)
    rows = conn.execute(
        text("SELECT m.id, m.at, m.credit_code, m.survivor_id, m.merged_id, coalesce(a.code, '服务总站') AS station, "
             "m.undone_at, m.undone_by, coalesce(s.data->>'name', '') AS survivor_name, "
             "coalesce(m.merged_data->'data'->>'name', e.data->>'name', '') AS merged_name "
             "FROM merge_record m LEFT JOIN station_account a ON a.station_id = m.station_id "
             "LEFT JOIN replica_row s ON s.tbl = 'enterprise' AND s.id = m.survivor_id "
             "LEFT JOIN replica_row e ON e.tbl = 'enterprise' AND e.id = m.merged_id "
             "ORDER BY m.id DESC LIMIT :n OFFSET :o"),
        {"n": lim, "o": off},
    ).all()
    total = conn.execute(text("SELECT count(*) FROM merge_record")).scalar_one()
    out = [{"id": r.id, "at": r.at.isoformat(), "credit_code": r.credit_code, "survivor_id": str(r.survivor_id),
            "survivor_name": r.survivor_name, "merged_id": str(r.merged_id), "merged_name": r.merged_name,
            "station_code": r.station, "undone_at": r.undone_at.isoformat() if r.undone_at else None,
            "undone_by": r.undone_by} for r in rows]
    return {"rows": out, "total": total, "limit": lim, "offset": off}
