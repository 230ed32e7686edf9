"""资源库 as the HQ desk reads and edits it (/v1/admin/libraries/..., app.hq.libraries).

Every function returns frozen dataclasses; a reply missing a key is a broken server
(HqDeskError).  Writes send only the fields to set; HQ judges them by the row rules and
answers with a Chinese message naming the field (raised as HqDeskError).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import quote

from app.hqdesk.client import HqDeskClient, HqDeskError

T = TypeVar("T")
BASE = "/libraries"


def _build(cls: type[T], raw: Any) -> T:
    """A dataclass from a reply object: known keys taken, missing ones their default (a
    required one missing: HqDeskError)."""
    if not isinstance(raw, dict):
        raise HqDeskError("服务总站返回的资源库数据格式不对，请联系服务总站。", detail=repr(raw)[:200])
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in raw:
            values[f.name] = raw[f.name]
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise HqDeskError("服务总站返回的资源库数据缺少内容，请联系服务总站。", detail=f"{cls.__name__}.{f.name}")
    return cls(**values)


def _rows(cls: type[T], raw: Any, key: str = "rows") -> list[T]:
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise HqDeskError("服务总站返回的资源库列表格式不对，请联系服务总站。", detail=repr(raw)[:200])
    return [_build(cls, item) for item in raw[key]]


def _ref(value: str) -> str:
    return quote(str(value), safe="")


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    total: int
    offset: int = 0


# --- 服务机构 ----------------------------------------------------------------------
@dataclass(frozen=True)
class Institution:
    id: str
    name: str
    version: int = 0
    category: str = ""
    contact_name: str = ""
    phone: str = ""
    status: str = "active"
    status_label: str = ""
    entered_on: str | None = None
    exited_on: str | None = None
    exit_reason: str = ""
    entries: int = 0


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    title: str
    stage: str
    category: str = ""
    fee_type: str = "free"
    fee_type_label: str = ""
    description: str = ""


@dataclass(frozen=True)
class Stage:
    stage: str
    label: str
    entries: list[CatalogueEntry]


@dataclass(frozen=True)
class InstitutionDetail:
    institution: Institution
    stages: list[Stage]


def institutions(client: HqDeskClient, *, status: str | None = None, text: str | None = None, limit: int = 200,
                 offset: int = 0) -> Page:
    raw = client.get_json(f"{BASE}/institutions", status=status or None, text=text or None, limit=limit, offset=offset)
    return Page(_rows(Institution, raw), int(raw.get("total", 0)), offset)


def institution(client: HqDeskClient, institution_id: str) -> InstitutionDetail:
    raw = client.get_json(f"{BASE}/institutions/{_ref(institution_id)}")
    stages = [Stage(str(s["stage"]), str(s["label"]), _rows(CatalogueEntry, s, "entries")) for s in raw.get("stages", [])]
    return InstitutionDetail(_build(Institution, raw), stages)


def save_institution(client: HqDeskClient, institution_id: str | None, fields: dict[str, Any]) -> Institution:
    """入驻 a new institution (`institution_id` None) or change one's name, category, contacts."""
    path = f"{BASE}/institutions" + (f"/{_ref(institution_id)}" if institution_id else "")
    return _build(Institution, client.post_json(path, fields))


def admit(client: HqDeskClient, institution_id: str, entered_on: str | None = None) -> Institution:
    body = {"entered_on": entered_on} if entered_on else {}
    return _build(Institution, client.post_json(f"{BASE}/institutions/{_ref(institution_id)}/admit", body))


def suspend(client: HqDeskClient, institution_id: str) -> Institution:
    return _build(Institution, client.post_json(f"{BASE}/institutions/{_ref(institution_id)}/suspend", {}))


def exit_institution(client: HqDeskClient, institution_id: str, reason: str, exited_on: str | None = None) -> Institution:
    body: dict[str, Any] = {"exit_reason": reason, **({"exited_on": exited_on} if exited_on else {})}
    return _build(Institution, client.post_json(f"{BASE}/institutions/{_ref(institution_id)}/exit", body))


def save_entry(client: HqDeskClient, institution_id: str, entry_id: str | None, fields: dict[str, Any]) -> CatalogueEntry:
    path = f"{BASE}/entries/{_ref(entry_id)}" if entry_id else f"{BASE}/institutions/{_ref(institution_id)}/entries"
    return _build(CatalogueEntry, client.post_json(path, fields))


def remove_entry(client: HqDeskClient, entry_id: str) -> None:
    client.post_json(f"{BASE}/entries/{_ref(entry_id)}/delete", {})


# --- 专家 ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Expert:
    id: str
    name: str
    organisation: str = ""
    title: str = ""
    fields: str = ""
    phone: str = ""


def experts(client: HqDeskClient, *, text: str | None = None, limit: int = 200, offset: int = 0) -> Page:
    raw = client.get_json(f"{BASE}/experts", text=text or None, limit=limit, offset=offset)
    return Page(_rows(Expert, raw), int(raw.get("total", 0)), offset)


def save_expert(client: HqDeskClient, expert_id: str | None, fields: dict[str, Any]) -> Expert:
    path = f"{BASE}/experts" + (f"/{_ref(expert_id)}" if expert_id else "")
    return _build(Expert, client.post_json(path, fields))


def remove_expert(client: HqDeskClient, expert_id: str) -> None:
    client.post_json(f"{BASE}/experts/{_ref(expert_id)}/delete", {})


# --- 政策 ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Coverage:
    target_stations: int = 0
    received: int = 0
    relayed: int = 0
    enterprises: int = 0


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    category: str = ""
    category_label: str = ""
    issuer: str = ""
    issued_on: str | None = None
    expires_on: str | None = None
    industries: str = ""
    sizes: str = ""
    districts: str = ""
    summary: str = ""
    attachment: str | None = None
    coverage: Coverage = field(default_factory=Coverage)


@dataclass(frozen=True)
class StationCoverage:
    station_code: str
    station_name: str
    district: str
    received: bool
    enterprises: int


@dataclass(frozen=True)
class PolicyDetail:
    policy: Policy
    stations: list[StationCoverage]


def _policy(raw: Any) -> Policy:
    policy = _build(Policy, raw)
    return dataclasses.replace(policy, coverage=_build(Coverage, raw.get("coverage") or {}))


def policies(client: HqDeskClient, *, category: str | None = None, text: str | None = None, limit: int = 200,
             offset: int = 0) -> tuple[Page, dict[str, str]]:
    """A page of policies with their coverage, and the categories a policy may take (code → label)."""
    raw = client.get_json(f"{BASE}/policies", category=category or None, text=text or None, limit=limit, offset=offset)
    if not isinstance(raw, dict) or not isinstance(raw.get("rows"), list):
        raise HqDeskError("服务总站返回的政策列表格式不对，请联系服务总站。")
    categories = {str(k): str(v) for k, v in (raw.get("categories") or {}).items()}
    return Page([_policy(r) for r in raw["rows"]], int(raw.get("total", 0)), offset), categories


def policy(client: HqDeskClient, policy_id: str) -> PolicyDetail:
    raw = client.get_json(f"{BASE}/policies/{_ref(policy_id)}")
    return PolicyDetail(_policy(raw), _rows(StationCoverage, raw, "stations"))


def save_policy(client: HqDeskClient, policy_id: str | None, fields: dict[str, Any]) -> Policy:
    """发布 a new policy (`policy_id` None) or change one; stations get it at their next sync."""
    path = f"{BASE}/policies" + (f"/{_ref(policy_id)}" if policy_id else "")
    return _policy(client.post_json(path, fields))


def withdraw_policy(client: HqDeskClient, policy_id: str) -> None:
    client.post_json(f"{BASE}/policies/{_ref(policy_id)}/withdraw", {})


# --- 选项 ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PickItem:
    id: str
    list_name: str
    code: str
    label: str
    label_en: str = ""
    sort_order: int = 0
    active: bool = True


@dataclass(frozen=True)
class PickList:
    list_name: str
    label: str
    published: bool
    items: list[PickItem]
    defaults: dict[str, str]


def pick_list_names(client: HqDeskClient) -> dict[str, str]:
    raw = client.get_json(f"{BASE}/pick-lists")
    try:
        return {str(r["list_name"]): str(r["label"]) for r in raw}
    except (KeyError, TypeError) as exc:
        raise HqDeskError("服务总站返回的选项表格式不对，请联系服务总站。", detail=repr(exc)) from exc


def pick_list(client: HqDeskClient, list_name: str) -> PickList:
    raw = client.get_json(f"{BASE}/pick-lists/{_ref(list_name)}")
    defaults = {str(d.get("code")): str(d.get("label")) for d in raw.get("defaults", []) if isinstance(d, dict)}
    return PickList(str(raw["list_name"]), str(raw["label"]), bool(raw["published"]), _rows(PickItem, raw), defaults)


def save_pick_item(client: HqDeskClient, item_id: str | None, fields: dict[str, Any]) -> PickItem:
    path = f"{BASE}/pick-list-items" + (f"/{_ref(item_id)}" if item_id else "")
    return _build(PickItem, client.post_json(path, fields))


# --- 企业库 -------------------------------------------------------------------------
@dataclass(frozen=True)
class EnterpriseRow:
    id: str
    name: str
    credit_code: str = ""
    district: str = ""
    industry_section: str = ""
    industry_label: str = ""
    size: str = ""
    size_label: str = ""
    status: str = "active"
    station_code: str = ""
    served_by_stations: int = 0


@dataclass(frozen=True)
class EnterprisePage:
    rows: list[EnterpriseRow]
    total: int
    more_than_total: bool
    next: dict[str, str] | None  # pass as keyword arguments for the following page


def enterprises(client: HqDeskClient, *, text: str | None = None, district: str | None = None, station: str | None = None,
                size: str | None = None, industry: str | None = None, status: str | None = None, limit: int = 100,
                after: dict[str, str] | None = None) -> EnterprisePage:
    raw = client.get_json(f"{BASE}/enterprises", text=text or None, district=district or None, station=station or None,
                          size=size or None, industry=industry or None, status=status or None, limit=limit,
                          **(after or {}))
    following = raw.get("next")
    return EnterprisePage(_rows(EnterpriseRow, raw), int(raw.get("total", 0)), bool(raw.get("more_than_total")),
                          {str(k): str(v) for k, v in following.items()} if isinstance(following, dict) else None)


@dataclass(frozen=True)
class DuplicateGroup:
    name: str
    count: int
    enterprises: list[EnterpriseRow]


def possible_duplicates(client: HqDeskClient, *, limit: int = 100, after_name: str | None = None) -> list[DuplicateGroup]:
    raw = client.get_json(f"{BASE}/enterprise-duplicates", limit=limit, after_name=after_name)
    if not isinstance(raw, dict) or not isinstance(raw.get("rows"), list):
        raise HqDeskError("服务总站返回的疑似重复企业格式不对，请联系服务总站。")
    return [DuplicateGroup(str(g["name"]), int(g["count"]), _rows(EnterpriseRow, g, "enterprises")) for g in raw["rows"]]


@dataclass(frozen=True)
class MergeRow:
    id: int
    at: str
    credit_code: str
    survivor_id: str
    survivor_name: str
    merged_id: str
    merged_name: str
    station_code: str
    undone_at: str | None = None
    undone_by: str | None = None


def merges(client: HqDeskClient, *, limit: int = 100, offset: int = 0) -> Page:
    raw = client.get_json(f"{BASE}/enterprise-merges", limit=limit, offset=offset)
    return Page(_rows(MergeRow, raw), int(raw.get("total", 0)), offset)


def unmerge(client: HqDeskClient, merge_id: int) -> dict[str, Any]:
    answer: dict[str, Any] = client.post_json(f"{BASE}/enterprise-merges/{int(merge_id)}/unmerge", {})
    return answer


@dataclass(frozen=True)
class RequestRow:
    id: int
    kind: str
    kind_label: str
    station_code: str
    enterprise_id: str
    enterprise_name: str
    credit_code: str
    survivor_name: str
    status: str
    status_label: str
    created_at: str
    data: dict[str, Any] = field(default_factory=dict)
    decided_by: str | None = None
    decided_at: str | None = None
    comment: str = ""


def enterprise_requests(client: HqDeskClient, *, status: str = "pending", limit: int = 200) -> list[RequestRow]:
    return _rows(RequestRow, client.get_json(f"{BASE}/enterprise-requests", status=status, limit=limit))


def decide(client: HqDeskClient, request_id: int, approve: bool, comment: str = "") -> str:
    """Approve or reject one request; HQ's one-sentence outcome."""
    answer = client.post_json(f"{BASE}/enterprise-requests/{int(request_id)}/decide", {"approve": approve, "comment": comment})
    return str(answer.get("outcome", "")) if isinstance(answer, dict) else ""
