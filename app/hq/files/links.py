"""station_file: which station sent which file for what, with its version.

A work-rules document or signage photo: version 1, 2, … per station and use, the newest
is the current one.  A report's PDF: one row per submission (report id + submitted_at),
version 1, 2, … per report; once stored it is never changed (a different file for the
same submission is refused, 409), a re-submission is a new version.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, text

from app.hq.files.wire import UploadStart
from app.hq.http_io import ApiError

NO_REPORT = "找不到这份报告：服务总站还没有收到它（请先同步报告本身），或它不属于本站。"
FROZEN = "这次提交的报告 PDF 已交给服务总站，不能再更改；如需修改，请在报告被退回后重新编辑并再次提交（会成为新的版本）。"


def check_report(conn: Connection, station: uuid.UUID, req: UploadStart) -> None:
    """A report's PDF names a report of this station that HQ holds and that was submitted."""
    row = conn.execute(text("SELECT station_id, deleted, data FROM replica_row WHERE tbl = :t AND id = :i"),
                       {"t": req.report_tbl, "i": req.report_id}).first()
    if row is None or row.station_id != station or row.deleted:
        raise ApiError(404, "no_report", NO_REPORT)
    if row.data.get("status") == "draft" and not row.data.get("submitted_at"):
        raise ApiError(409, "report_not_submitted", "这份报告在服务总站还是草稿，没有提交过，不能上传它的提交文件。")


def existing(conn: Connection, station: uuid.UUID, req: UploadStart) -> int | None:
    """The version HQ already holds of this very file for this use, or None; 409 when the
    submission already has a different file."""
    if req.purpose == "report_pdf":
        found = conn.execute(
            text("SELECT station_id, sha256, version FROM station_file WHERE purpose = 'report_pdf' "
                 "AND report_id = :r AND submitted_at = :at"), {"r": req.report_id, "at": req.submitted_at}).first()
        if found is None:
            return None
        if found.station_id != station:
            raise ApiError(404, "no_report", NO_REPORT)
        if found.sha256 != req.sha256:
            raise ApiError(409, "submitted_file_frozen", FROZEN)
        return int(found.version)
    version = conn.execute(
        text("SELECT version FROM station_file WHERE station_id = :s AND purpose = :p AND sha256 = :h"),
        {"s": station, "p": req.purpose, "h": req.sha256}).scalar()
    return None if version is None else int(version)


def station_holds(conn: Connection, station: uuid.UUID, sha256: str, size: int) -> bool:
    """This station already sent these very bytes (for any use): no need to send them again."""
    return bool(conn.execute(
        text("SELECT EXISTS (SELECT 1 FROM station_file f JOIN file_blob b USING (sha256) "
             "WHERE f.station_id = :s AND f.sha256 = :h AND b.size = :n)"), {"s": station, "h": sha256, "n": size}).scalar())


def link(conn: Connection, station: uuid.UUID, req: UploadStart) -> int:
    """Record the file for its use as the next version; returns the version."""
    # one writer per station and use at a time: versions are counted, not guessed
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(CAST(:s AS text) || :p))"), {"s": station, "p": req.purpose})
    version = int(conn.execute(
        text("SELECT coalesce(max(version), 0) + 1 FROM station_file WHERE station_id = :s AND purpose = :p "
             "AND report_id IS NOT DISTINCT FROM CAST(:r AS uuid)"),
        {"s": station, "p": req.purpose, "r": req.report_id}).scalar_one())
    conn.execute(
        text("INSERT INTO station_file (station_id, sha256, purpose, name, report_tbl, report_id, submitted_at, version) "
             "VALUES (:s, :h, :p, :n, :t, :r, :at, :v)"),
        {"s": station, "h": req.sha256, "p": req.purpose, "n": req.name, "t": req.report_tbl, "r": req.report_id,
         "at": req.submitted_at, "v": version})
    return version
