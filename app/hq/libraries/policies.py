"""政策库: policies with their classification (category: a service category) and targets
(all stations, districts, industries, sizes), published to the stations they concern at
their next sync, with relay coverage (app.hq.libraries.coverage)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.domain import policy_targets
from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.hq.libraries import coverage, pick_lists, store
from app.hq.libraries.errors import invalid
from app.hq.libraries.store import Audit, Stored

TBL = "policy"
EDITABLE = ("title", "category", "issuer", "issued_on", "expires_on", "industries", "sizes", "districts", "summary",
            "attachment")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_NORMALISE = {"industries": policy_targets.normalise_industries, "sizes": policy_targets.normalise_sizes,
              "districts": policy_targets.normalise_districts}


def _json(row: Stored, labels: dict[str, str]) -> dict[str, Any]:
    out = row.to_json()
    out["category_label"] = labels.get(str(out.get("category")), str(out.get("category")))
    return out


def _labels(conn: Connection) -> dict[str, str]:
    return {**pick_lists.LISTS["service_category"][1], **pick_lists.active_codes(conn, "service_category")}


def list_policies(conn: Connection, *, category: object = None, text: object = None, limit: object = 50,
                  offset: object = 0) -> dict[str, Any]:
    """A page of live policies, newest first, each with its relay coverage."""
    lim, off = store.page_args(limit, offset)
    if category is not None and (not isinstance(category, str) or len(category) > 40 or "\x00" in category):
        raise invalid("category", "政策类别（category）应为服务类别的编码。")
    where = "data->>'category' = coalesce(CAST(:c AS text), data->>'category') " \
            "AND (data->>'title' ILIKE :q OR coalesce(data->>'issuer', '') ILIKE :q)"
    found, total = store.rows(conn, TBL, where, {"c": category, "q": store.like(text)},
                              "data->>'issued_on' DESC NULLS LAST, data->>'title'", lim, off)
    labels, cover = _labels(conn), coverage.summaries(conn, found)
    return {"rows": [dict(_json(r, labels), coverage=cover[str(r.id)]) for r in found], "total": total,
            "limit": lim, "offset": off, "categories": pick_lists.active_codes(conn, "service_category")}


def _with_coverage(conn: Connection, row: Stored) -> dict[str, Any]:
    return dict(_json(row, _labels(conn)), coverage=coverage.summaries(conn, [row])[str(row.id)])


def get_policy(conn: Connection, policy_id: object) -> dict[str, Any]:
    row = store.require(conn, TBL, policy_id, "政策")
    return dict(_json(row, _labels(conn)), coverage=coverage.summaries(conn, [row])[str(row.id)],
                stations=coverage.by_station(conn, row))


def _checked(conn: Connection, data: dict[str, Any], before: Stored | None) -> dict[str, Any]:
    """The library's rules beyond the row rules: targets normalised by the station's own
    definition, a category from the service-category list, a web address as 附件."""
    for name, normalise in _NORMALISE.items():
        try:
            data[name] = normalise(data.get(name) or "")
        except ValidationError as exc:
            raise invalid(name, f"{exc.message}（{name}）") from None
    pick_lists.check_category(conn, data, before.data if before else None, "政策类别")
    attachment = data.get("attachment")
    if isinstance(attachment, str) and attachment and not _URL.match(attachment):
        raise invalid("attachment", "附件（attachment）应为以 http:// 或 https:// 开头的网址，没有可留空。")
    data["attachment"] = attachment or None
    issued, expires = data.get("issued_on"), data.get("expires_on")
    store.check_row(TBL, data)  # dates well formed before they are compared
    if isinstance(issued, str) and isinstance(expires, str) and expires < issued:
        raise invalid("expires_on", Msg("有效期至（expires_on）不能早于发布日期（%1），请改正；长期有效请留空。", issued))
    return data


def create_policy(conn: Connection, audit: Audit, body: object, now: datetime) -> dict[str, Any]:
    """发布: a new policy, at every target station after its next sync."""
    fields = store.fields_of(TBL, body, EDITABLE)
    data = _checked(conn, {"issuer": "", "issued_on": None, "expires_on": None, "summary": "", **fields}, None)
    saved = store.save(conn, audit, TBL, "policy.publish", str(data.get("title", "")), data, before=None, now=now)
    return _with_coverage(conn, saved)


def update_policy(conn: Connection, audit: Audit, policy_id: object, body: object, now: datetime) -> dict[str, Any]:
    before = store.require(conn, TBL, policy_id, "政策", lock=True)
    data = _checked(conn, {**before.data, **store.fields_of(TBL, body, EDITABLE)}, before)
    saved = store.save(conn, audit, TBL, "policy.update", str(data.get("title", "")), data, before=before, now=now)
    return _with_coverage(conn, saved)


def withdraw_policy(conn: Connection, audit: Audit, policy_id: object, now: datetime) -> dict[str, Any]:
    """撤回: gone from every station's list; records that relayed it keep pointing at it."""
    before = store.require(conn, TBL, policy_id, "政策", lock=True)
    saved = store.save(conn, audit, TBL, "policy.withdraw", str(before.data.get("title", "")), before.data,
                       before=before, now=now, deleted=True)
    return _json(saved, _labels(conn))
