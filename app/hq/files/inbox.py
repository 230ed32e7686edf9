"""报送审阅 at HQ: every submitted annual summary, annual plan and periodic information
report, its PDF exactly as the station submitted it, and HQ's review (accept, or return
with a comment that reaches the station on its next sync, through hq_edit like any HQ
write to a station-owned row).  Pure functions over a Connection; the admin endpoints
(app.hq.files.admin_routes) add roles and the audit trail."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.domain.messages import Msg
from app.hq.hq_edits import HqEditError, hq_edit
from app.hq.http_io import ApiError
from app.hq.owned import REPORT_STATUSES, REVIEWED_REPORTS

KINDS = {"summary": "年度服务工作总结", "plan": "年度服务工作计划", "info": "定期信息报送"}
MAX_COMMENT = 2000
NO_PDF = "这份报告的 PDF 还没有传到服务总站：服务站下次同步时会自动上传，请稍后再看。"


@dataclass(frozen=True)
class Submission:
    report_id: str
    tbl: str
    kind: str  # summary / plan / info
    key: str  # "2026" or "2026-Q3"
    station_id: str
    station_code: str
    station_name: str
    district: str
    status: str
    submitted_at: str | None  # ISO, as the station stamped its latest submission
    review_comment: str
    pdf_version: int | None  # the newest PDF HQ holds for the report
    pdf_sha256: str | None
    pdf_size: int | None
    pdf_current: bool  # the newest PDF belongs to the latest submission (else: still on its way)
    versions: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_LIST = text("""
    SELECT r.tbl, r.id, r.station_id, r.data, coalesce(a.code, '') AS code, coalesce(a.name, '') AS name,
           coalesce(a.district, '') AS district, f.version, f.sha256, f.size, f.submitted_at AS pdf_at, f.versions
    FROM replica_row r
    LEFT JOIN station_account a ON a.station_id = r.station_id
    LEFT JOIN LATERAL (
        SELECT s.version, s.sha256, b.size, s.submitted_at, count(*) OVER () AS versions
        FROM station_file s JOIN file_blob b USING (sha256)
        WHERE s.purpose = 'report_pdf' AND s.report_id = r.id ORDER BY s.version DESC LIMIT 1
    ) f ON true
    WHERE r.tbl IN ('annual_report', 'info_report') AND NOT r.deleted
      AND (r.data->>'status' <> 'draft' OR f.version IS NOT NULL)
      AND (CAST(:kind AS text) IS NULL OR coalesce(r.data->>'kind', 'info') = :kind)
      AND (CAST(:status AS text) IS NULL OR r.data->>'status' = :status)
      AND (CAST(:station AS text) IS NULL OR a.code = :station)
      AND (CAST(:district AS text) IS NULL OR a.district = :district)
    ORDER BY r.data->>'submitted_at' DESC NULLS LAST, r.id
    LIMIT :limit
""")


def list_submissions(conn: Connection, *, kind: str | None = None, status: str | None = None, station: str | None = None,
                     district: str | None = None, limit: int = 2000) -> list[Submission]:
    """Reports handed in (not drafts, unless a PDF of an earlier submission is held), newest first."""
    if kind is not None and kind not in KINDS:
        raise ApiError(422, "invalid_request", Msg("报告类型“%1”无效，可选：%2。", kind[:20], "、".join(f"{k}（{v}）" for k, v in KINDS.items())))
    if status is not None and status not in REPORT_STATUSES:
        raise ApiError(422, "invalid_request", Msg("状态“%1”无效，可选：%2。", status[:20], "、".join(f"{k}（{v}）" for k, v in REPORT_STATUSES.items())))
    rows = conn.execute(_LIST, {"kind": kind, "status": status, "station": station, "district": district, "limit": limit})
    return [_submission(r) for r in rows]


def _submission(r: Any) -> Submission:
    data = r.data
    kind = str(data.get("kind") or "info") if r.tbl == "annual_report" else "info"
    key = str(data.get("year", "")) if r.tbl == "annual_report" else str(data.get("period", ""))
    submitted = data.get("submitted_at")
    pdf_current = r.version is not None and submitted is not None and _same_moment(r.pdf_at, submitted)
    return Submission(str(r.id), r.tbl, kind, key, str(r.station_id), r.code, r.name, r.district,
                      str(data.get("status", "")), submitted, str(data.get("review_comment") or ""),
                      r.version, r.sha256, r.size, pdf_current, int(r.versions or 0))


def _same_moment(stored: Any, wire: str) -> bool:
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(wire)
    except ValueError:
        return False
    return bool(stored == (moment if moment.tzinfo else moment.replace(tzinfo=UTC)))


def report_pdf(conn: Connection, report_id: uuid.UUID, version: int | None = None) -> tuple[bytes, str, str, int]:
    """The bytes of a report's PDF (the newest, or `version`), its file name, sha256 and version."""
    row = conn.execute(text(
        "SELECT s.version, s.sha256, s.name, b.data FROM station_file s JOIN file_blob b USING (sha256) "
        "WHERE s.purpose = 'report_pdf' AND s.report_id = :r AND (CAST(:v AS integer) IS NULL OR s.version = :v) "
        "ORDER BY s.version DESC LIMIT 1"), {"r": report_id, "v": version}).first()
    if row is None:
        raise ApiError(404, "no_pdf", NO_PDF if version is None else Msg("这份报告没有第 %1 版 PDF。", version))
    return bytes(row.data), row.name or f"{row.sha256[:12]}.pdf", row.sha256, int(row.version)


def review(conn: Connection, report_id: uuid.UUID, *, accept: bool, comment: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Accept, or return with `comment` (required), a submitted report.  Returns the report's
    state before and after, for the audit trail."""
    comment = comment.strip()
    if not accept and not comment:
        raise ApiError(422, "comment_required", "退回报告时必须填写退回意见（comment），写明需要服务站修改什么。")
    if len(comment) > MAX_COMMENT:
        raise ApiError(422, "comment_too_long", Msg("审阅意见太长（最多 %1 个字），请精简后再提交。", MAX_COMMENT))
    row = conn.execute(text("SELECT tbl, data, deleted FROM replica_row WHERE id = :i AND tbl IN ('annual_report', 'info_report')"),
                       {"i": report_id}).first()
    if row is None or row.deleted or row.tbl not in REVIEWED_REPORTS:
        raise ApiError(404, "no_report", "找不到这份报告（可能已被服务站删除），请刷新列表。")
    before = {"status": row.data.get("status"), "review_comment": row.data.get("review_comment") or ""}
    changes: dict[str, Any] = {"status": "accepted" if accept else "returned"}
    if comment or not accept:
        changes["review_comment"] = comment
    try:
        hq_edit(conn, row.tbl, report_id, changes)
    except HqEditError as exc:
        raise ApiError(409, "report_state", Msg("%1（只有“已提交”的报告可以通过或退回，请刷新列表。）", exc.args[0])) from exc
    return before, {"status": changes["status"], "review_comment": changes.get("review_comment", before["review_comment"])}
