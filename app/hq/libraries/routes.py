"""资源库 endpoints: `/v1/admin/libraries/...` (docs/admin-api-libraries.md).

Reads are every role's (AnyRole); writes are staff's (StaffRole).  A write body is a JSON
object of the fields to set, at most MAX_KEYS keys (the door caps it at 1 MB); its values
are judged by the library (app.hq.libraries: the row rules and the library's own rules),
which answers 422 naming the field in Chinese.  Each write runs in one transaction with
its audit entry (app.hq.admin.audit.record_action, before and after).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Body, Query
from pydantic import Field, StringConstraints
from sqlalchemy import Connection

from app.domain.messages import Msg
from app.hq.admin.access import AnyRole, HqUser, StaffRole
from app.hq.admin.audit import record_action
from app.hq.clock import utc_now
from app.hq.http_io import ApiError
from app.hq.libraries import enterprises, experts, institutions, pick_lists, policies, requests
from app.hq.libraries.errors import LibraryError
from app.hq.libraries.store import Audit
from app.hq.routes.context import Service

router = APIRouter(prefix="/v1/admin/libraries")
T = TypeVar("T")
MAX_KEYS = 32
Key = Annotated[str, StringConstraints(max_length=64)]
Fields = Annotated[dict[Key, Any], Body(), Field(max_length=MAX_KEYS)]
Text = Annotated[str | None, Query(max_length=100)]
Ref = Annotated[str, StringConstraints(max_length=64)]


def _read(hq: Service, work: Callable[[Connection], T]) -> T:
    try:
        return hq.in_transaction(work, read_only=True)
    except LibraryError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None


def _write(hq: Service, user: HqUser, work: Callable[[Connection, Audit, datetime], T]) -> T:
    """`work` in one transaction with its audit entries, as `user`; the clock is the service's."""
    now = hq.wall_now() or utc_now()

    def audit(conn: Connection, action: str, target: str, before: Any, after: Any) -> None:
        record_action(conn, user, action, target, before, after)

    try:
        return hq.in_transaction(lambda conn: work(conn, audit, now))
    except LibraryError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None


# --- 服务机构 ----------------------------------------------------------------------
@router.get("/institutions")
def list_institutions(hq: Service, _: AnyRole, status: Text = None, text: Text = None, limit: int = 50,
                      offset: int = 0) -> dict[str, Any]:
    return _read(hq, lambda c: institutions.list_institutions(c, status=status, text=text, limit=limit, offset=offset))


@router.get("/institutions/{ref}")
def get_institution(hq: Service, _: AnyRole, ref: Ref) -> dict[str, Any]:
    return _read(hq, lambda c: institutions.get_institution(c, ref))


@router.post("/institutions")
def create_institution(hq: Service, user: StaffRole, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.create_institution(c, a, body, now))


@router.post("/institutions/{ref}")
def update_institution(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.update_institution(c, a, ref, body, now))


@router.post("/institutions/{ref}/admit")
def admit_institution(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.admit(c, a, ref, body, now))


@router.post("/institutions/{ref}/suspend")
def suspend_institution(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.suspend(c, a, ref, now))


@router.post("/institutions/{ref}/exit")
def exit_institution(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.exit_institution(c, a, ref, body, now))


@router.post("/institutions/{ref}/entries")
def add_entry(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.add_entry(c, a, ref, body, now))


@router.post("/entries/{ref}")
def update_entry(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.update_entry(c, a, ref, body, now))


@router.post("/entries/{ref}/delete")
def remove_entry(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: institutions.remove_entry(c, a, ref, now))


# --- 专家 ---------------------------------------------------------------------------
@router.get("/experts")
def list_experts(hq: Service, _: AnyRole, text: Text = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    return _read(hq, lambda c: experts.list_experts(c, text=text, limit=limit, offset=offset))


@router.get("/experts/{ref}")
def get_expert(hq: Service, _: AnyRole, ref: Ref) -> dict[str, Any]:
    return _read(hq, lambda c: experts.get_expert(c, ref))


@router.post("/experts")
def create_expert(hq: Service, user: StaffRole, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: experts.create_expert(c, a, body, now))


@router.post("/experts/{ref}")
def update_expert(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: experts.update_expert(c, a, ref, body, now))


@router.post("/experts/{ref}/delete")
def remove_expert(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: experts.remove_expert(c, a, ref, now))


# --- 政策 ---------------------------------------------------------------------------
@router.get("/policies")
def list_policies(hq: Service, _: AnyRole, category: Text = None, text: Text = None, limit: int = 50,
                  offset: int = 0) -> dict[str, Any]:
    return _read(hq, lambda c: policies.list_policies(c, category=category, text=text, limit=limit, offset=offset))


@router.get("/policies/{ref}")
def get_policy(hq: Service, _: AnyRole, ref: Ref) -> dict[str, Any]:
    return _read(hq, lambda c: policies.get_policy(c, ref))


@router.post("/policies")
def publish_policy(hq: Service, user: StaffRole, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: policies.create_policy(c, a, body, now))


@router.post("/policies/{ref}")
def update_policy(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: policies.update_policy(c, a, ref, body, now))


@router.post("/policies/{ref}/withdraw")
def withdraw_policy(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: policies.withdraw_policy(c, a, ref, now))


# --- 选项 ---------------------------------------------------------------------------
@router.get("/pick-lists")
def list_pick_lists(hq: Service, _: AnyRole) -> list[dict[str, str]]:
    return pick_lists.list_lists()


@router.get("/pick-lists/{list_name}")
def list_pick_list_items(hq: Service, _: AnyRole, list_name: Ref) -> dict[str, Any]:
    return _read(hq, lambda c: pick_lists.list_items(c, list_name))


@router.post("/pick-list-items")
def create_pick_list_item(hq: Service, user: StaffRole, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: pick_lists.create_item(c, a, body, now))


@router.post("/pick-list-items/{ref}")
def update_pick_list_item(hq: Service, user: StaffRole, ref: Ref, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: pick_lists.update_item(c, a, ref, body, now))


# --- 企业库 -------------------------------------------------------------------------
@router.get("/enterprises")
def list_enterprises(hq: Service, _: AnyRole, text: Text = None, district: Text = None, station: Text = None,
                     size: Text = None, industry: Text = None, status: Text = None, limit: int = 50,
                     after_name: Annotated[str | None, Query(max_length=400)] = None,
                     after_id: Text = None) -> dict[str, Any]:
    return _read(hq, lambda c: enterprises.list_enterprises(
        c, text_=text, district=district, station=station, size=size, industry=industry, status=status, limit=limit,
        after_name=after_name, after_id=after_id))


@router.get("/enterprise-duplicates")
def possible_duplicates(hq: Service, _: AnyRole, limit: int = 50,
                        after_name: Annotated[str | None, Query(max_length=400)] = None) -> dict[str, Any]:
    return _read(hq, lambda c: enterprises.possible_duplicates(c, limit=limit, after_name=after_name))


@router.get("/enterprise-merges")
def list_merges(hq: Service, _: AnyRole, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    return _read(hq, lambda c: enterprises.list_merges(c, limit=limit, offset=offset))


@router.post("/enterprise-merges/{merge_id}/unmerge")
def unmerge(hq: Service, user: StaffRole, merge_id: int, body: Fields) -> dict[str, Any]:
    return _write(hq, user, lambda c, a, now: requests.undo_merge(c, a, merge_id, user.name))


@router.get("/enterprise-requests")
def list_requests(hq: Service, _: AnyRole, status: Text = "pending", limit: int = 100) -> dict[str, Any]:
    return _read(hq, lambda c: requests.list_requests(c, status=status, limit=limit))


@router.post("/enterprise-requests/{request_id}/decide")
def decide_request(hq: Service, user: StaffRole, request_id: int, body: Fields) -> dict[str, Any]:
    unknown = set(body) - {"approve", "comment"}
    if unknown:
        raise ApiError(422, "invalid_field", Msg("“%1”不是可用的字段；可填写：处理结果（approve）、处理意见（comment）。", sorted(unknown)[0][:40]))
    return _write(hq, user, lambda c, a, now: requests.decide(c, a, request_id, body.get("approve"), body.get("comment"),
                                                              user.name))
