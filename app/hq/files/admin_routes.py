"""报送审阅 for the HQ desk (docs/admin-api.md, "Reports inbox"): the submissions, their PDFs
exactly as submitted, accept / return (staff, audited), and the 督促 list.

- GET  /v1/admin/inbox/submissions?kind=&status=&station=&district=   every role
- GET  /v1/admin/inbox/reports/{report_id}/pdf?version=               every role (application/pdf)
- POST /v1/admin/inbox/reports/{report_id}/accept   {"comment": ""}   staff
- POST /v1/admin/inbox/reports/{report_id}/return   {"comment": "…"}  staff (comment required)
- GET  /v1/admin/inbox/reminders?district=                            every role
- GET  /v1/admin/inbox/files/{sha256}                                 every role (any file HQ holds)
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy import Connection, text

from app.domain.periods import CHINA_TIME, china_today
from app.hq.admin.access import AnyRole, HqUser, StaffRole
from app.hq.admin.audit import record_action
from app.hq.admin.bodies import Comment, Strict
from app.hq.files import inbox, reminders
from app.hq.http_io import ApiError
from app.hq.routes.context import Service
from app.sync import file_types

router = APIRouter(prefix="/v1/admin/inbox")
Text = Annotated[str | None, Query(max_length=64)]


class ReviewBody(Strict):
    comment: Comment = ""


@router.get("/submissions")
def submissions(hq: Service, _: AnyRole, kind: Text = None, status: Text = None, station: Text = None,
                district: Text = None) -> list[dict[str, Any]]:
    return hq.in_transaction(lambda conn: [s.to_json() for s in inbox.list_submissions(
        conn, kind=kind or None, status=status or None, station=station or None, district=district or None)],
        read_only=True)


@router.get("/reports/{report_id}/pdf")
def report_pdf(hq: Service, _: AnyRole, report_id: uuid.UUID,
               version: Annotated[int | None, Query(ge=1, le=100000)] = None) -> Response:
    data, name, sha, number = hq.in_transaction(lambda conn: inbox.report_pdf(conn, report_id, version), read_only=True)
    return _file(data, file_types.PDF, name, sha, number)


@router.post("/reports/{report_id}/accept")
def accept(hq: Service, user: StaffRole, report_id: uuid.UUID, body: ReviewBody) -> dict[str, Any]:
    return _review(hq, user, report_id, accept=True, comment=body.comment)


@router.post("/reports/{report_id}/return")
def return_report(hq: Service, user: StaffRole, report_id: uuid.UUID, body: ReviewBody) -> dict[str, Any]:
    return _review(hq, user, report_id, accept=False, comment=body.comment)


@router.get("/reminders")
def owed(hq: Service, _: AnyRole, district: Text = None) -> list[dict[str, Any]]:
    wall = hq.wall_now()
    today = wall.astimezone(CHINA_TIME).date() if wall else china_today()
    return hq.in_transaction(lambda conn: [o.to_json() for o in reminders.owed_reports(conn, today, district=district or None)],
                             read_only=True)


@router.get("/files/{sha256}")
def any_file(hq: Service, _: AnyRole, sha256: str) -> Response:
    if not file_types.SHA256_RE.match(sha256):
        raise ApiError(422, "invalid_request", "文件编号应为 64 位小写十六进制的 SHA-256 值。")

    def work(conn: Connection) -> Any:
        return conn.execute(text("SELECT data, media_type FROM file_blob WHERE sha256 = :h"), {"h": sha256}).first()

    row = hq.in_transaction(work, read_only=True)
    if row is None:
        raise ApiError(404, "no_file", "服务总站没有这个文件（可能还没有从服务站传上来）。")
    return _file(bytes(row.data), row.media_type, f"{sha256[:12]}{file_types.SUFFIXES.get(row.media_type, '')}", sha256, None)


def _review(hq: Service, user: HqUser, report_id: uuid.UUID, *, accept: bool, comment: str) -> dict[str, Any]:
    def work(conn: Connection) -> dict[str, Any]:
        before, after = inbox.review(conn, report_id, accept=accept, comment=comment)
        record_action(conn, user, "report.accept" if accept else "report.return", str(report_id), before, after)
        return {"report_id": str(report_id), **after}

    result: dict[str, Any] = hq.in_transaction(work)
    return result


def _file(data: bytes, media_type: str, name: str, sha: str, version: int | None) -> Response:
    headers = {"X-File-Sha256": sha, "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    if version is not None:
        headers["X-File-Version"] = str(version)
    return Response(data, media_type=media_type, headers=headers)
